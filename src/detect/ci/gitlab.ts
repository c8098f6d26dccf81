/** GitLab CI (.gitlab-ci.yml and included local templates named *.gitlab-ci.yml). */
import type { FileFacts, Reader } from '../facts.js';
import { PipelineSignals, stripComments } from './signals.js';
import { entries, get, isMapNode, isSeqNode, items, parseYamlFile, str, strings, notAMapping } from './yaml-nodes.js';

/** Top-level keys that are settings, not jobs. */
const RESERVED = new Set(['stages', 'variables', 'include', 'default', 'image', 'services', 'before_script', 'after_script', 'cache', 'workflow', 'types', 'spec']);

export const gitlabReader: Reader = {
  id: 'ci/gitlab',
  patterns: [/(^|\/)\.gitlab-ci\.ya?ml$/, /\.gitlab-ci\.ya?ml$/],
  read(path, text): Omit<FileFacts, 'path'> {
    const yaml = parseYamlFile(path, text);
    // A GitLab file with `spec:` inputs is two documents: the header and the pipeline.
    const doc = yaml.docs.find((d) => isMapNode(d.contents, d) && !get(d.contents, 'spec', d)) ?? yaml.docs[0];
    if (!doc || !isMapNode(doc.contents, doc)) return notAMapping(yaml, path, 'GitLab CI file');
    const root = doc.contents;
    const signals = new PipelineSignals();
    for (const stage of strings(get(root, 'stages', doc), doc)) signals.addName(stage);

    const include = get(root, 'include', doc);
    const includes = isSeqNode(include, doc) ? items(include, doc) : include === undefined ? [] : [include];
    for (const inc of includes) {
      const line = yaml.lineOf(inc);
      const plain = str(inc, doc);
      if (plain) {
        signals.addUses(plain, line);
        continue;
      }
      const project = str(get(inc, 'project', doc), doc);
      const files = strings(get(inc, 'file', doc), doc);
      if (project) for (const f of files.length ? files : ['']) signals.addUses(f ? `${project}/${f.replace(/^\//, '')}` : project, line);
      for (const key of ['component', 'template', 'local', 'remote']) {
        const value = str(get(inc, key, doc), doc);
        if (value) signals.addUses(key === 'template' ? `template:${value}` : value, line);
      }
    }

    const defaults = get(root, 'default', doc);
    const defaultCommands = [...strings(get(defaults, 'before_script', doc), doc), ...strings(get(root, 'before_script', doc), doc)];
    for (const job of entries(root, doc)) {
      if (RESERVED.has(job.key) || job.key.startsWith('.') || !isMapNode(job.value, doc)) continue;
      const stage = str(get(job.value, 'stage', doc), doc);
      const names = [job.key, ...(stage ? [stage] : [])];
      const commands = [
        ...defaultCommands,
        ...['before_script', 'script', 'after_script'].flatMap((k) => strings(get(job.value, k, doc), doc)),
      ];
      const env = get(job.value, 'environment', doc);
      signals.addEnvironment(isMapNode(env, doc) ? str(get(env, 'name', doc), doc) : str(env, doc));
      const image = str(get(job.value, 'image', doc), doc) ?? str(get(get(job.value, 'image', doc), 'name', doc), doc) ?? '';
      signals.addJob({ names, commands, context: `${stripComments(text)}\n${image}` });
      // The job named `pages` is GitLab's convention for publishing GitLab Pages.
      if (job.key === 'pages') {
        signals.stages.add('deploy');
        signals.targets.add('GitLab Pages');
      }
    }
    const fact = signals.toFact('GitLab CI', path.slice(path.lastIndexOf('/') + 1), 1);
    const out: Omit<FileFacts, 'path'> = { pipelines: [fact] };
    if (fact.uses) out.actions = fact.uses.map((u) => ({ ...u }));
    if (yaml.warnings.length) out.warnings = yaml.warnings;
    return out;
  },
};
