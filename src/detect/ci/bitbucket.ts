/** Bitbucket Pipelines (bitbucket-pipelines.yml): steps, pipes as `uses`, deployments as environments. */
import type { FileFacts, Reader } from '../facts.js';
import { PipelineSignals, stripComments } from './signals.js';
import { entries, get, isMapNode, items, parseYamlFile, str, visitMaps, notAMapping } from './yaml-nodes.js';

const TRIGGER_BY_KEY: Record<string, string> = {
  default: 'push',
  branches: 'push',
  'pull-requests': 'pull_request',
  tags: 'tag',
  custom: 'manual',
};

export const bitbucketReader: Reader = {
  id: 'ci/bitbucket',
  fileNames: ['bitbucket-pipelines.yml', 'bitbucket-pipelines.yaml'],
  read(path, text): Omit<FileFacts, 'path'> {
    const yaml = parseYamlFile(path, text);
    const doc = yaml.docs[0];
    if (!doc || !isMapNode(doc.contents, doc)) return notAMapping(yaml, path, 'Bitbucket Pipelines file');
    const pipelines = get(doc.contents, 'pipelines', doc);
    const signals = new PipelineSignals();
    for (const e of entries(pipelines, doc)) if (TRIGGER_BY_KEY[e.key]) signals.triggers.add(TRIGGER_BY_KEY[e.key]);
    const context = stripComments(text);
    const seen = new Set<unknown>();
    visitMaps(pipelines, doc, (map) => {
      const step = get(map, 'step', doc);
      if (!isMapNode(step, doc) || seen.has(step)) return;
      seen.add(step);
      const names: string[] = [];
      const name = str(get(step, 'name', doc), doc);
      if (name) names.push(name);
      const commands: string[] = [];
      const uses: string[] = [];
      for (const key of ['script', 'after-script']) {
        for (const item of items(get(step, key, doc), doc)) {
          const command = str(item, doc);
          if (command) commands.push(command);
          const pipeNode = get(item, 'pipe', doc);
          const pipe = str(pipeNode, doc);
          if (pipe) {
            uses.push(pipe);
            signals.addUses(pipe, yaml.lineOf(pipeNode));
          }
        }
      }
      signals.addEnvironment(str(get(step, 'deployment', doc), doc));
      signals.addJob({ names, commands, uses, context });
    });
    const fact = signals.toFact('Bitbucket Pipelines', path, 1);
    const out: Omit<FileFacts, 'path'> = { pipelines: [fact] };
    if (fact.uses) out.actions = fact.uses.map((u) => ({ ...u }));
    if (yaml.warnings.length) out.warnings = yaml.warnings;
    return out;
  },
};
