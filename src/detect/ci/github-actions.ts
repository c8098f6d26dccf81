/** GitHub Actions workflows: one PipelineFact per workflow file, every `uses:` also an action reference. */
import type { Document } from 'yaml';
import type { FileFacts, Reader } from '../facts.js';
import { PipelineSignals, registriesIn, stripComments } from './signals.js';
import { entries, get, getEntry, isMapNode, items, parseYamlFile, str, strings, notAMapping } from './yaml-nodes.js';

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.ya?ml$/, '');
}

function triggersOf(node: unknown, doc: Document.Parsed): string[] {
  if (isMapNode(node, doc)) return entries(node, doc).map((e) => e.key);
  return strings(node, doc);
}

export const githubActionsReader: Reader = {
  id: 'ci/github-actions',
  patterns: [/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/],
  read(path, text): Omit<FileFacts, 'path'> {
    const yaml = parseYamlFile(path, text);
    const doc = yaml.docs[0];
    if (!doc || !isMapNode(doc.contents, doc)) return notAMapping(yaml, path, 'workflow');
    const root = doc.contents;
    const signals = new PipelineSignals();
    const context = stripComments(text);
    const onEntry = getEntry(root, 'on', doc) ?? getEntry(root, 'true', doc);
    if (onEntry) for (const t of triggersOf(onEntry.value, doc)) signals.triggers.add(t);

    for (const job of entries(get(root, 'jobs', doc), doc)) {
      const names = [job.key];
      const jobName = str(get(job.value, 'name', doc), doc);
      if (jobName) names.push(jobName);
      const env = get(job.value, 'environment', doc);
      signals.addEnvironment(isMapNode(env, doc) ? str(get(env, 'name', doc), doc) : str(env, doc));

      const commands: string[] = [];
      const uses: string[] = [];
      let pushesImage = false;
      const registries = new Set<string>();
      const reusable = get(job.value, 'uses', doc);
      const reusableRef = str(reusable, doc);
      if (reusableRef) {
        uses.push(reusableRef);
        signals.addUses(reusableRef, yaml.lineOf(reusable));
      }
      const steps: { name?: string; commands: string[]; uses: string[] }[] = [];
      for (const step of items(get(job.value, 'steps', doc), doc)) {
        const stepName = str(get(step, 'name', doc), doc);
        const run = str(get(step, 'run', doc), doc);
        if (run) commands.push(run);
        const usesNode = get(step, 'uses', doc);
        const ref = str(usesNode, doc);
        // publishing to Test PyPI (repository-url: https://test.pypi.org/legacy/) rehearses a release; it ships nothing
        const rehearsal = ref !== undefined && /^pypa\/gh-action-pypi-publish@/i.test(ref) && /test\.pypi\.org/i.test(str(get(get(step, 'with', doc), 'repository-url', doc), doc) ?? str(get(get(step, 'with', doc), 'repository_url', doc), doc) ?? '');
        steps.push({ name: stepName, commands: run ? [run] : [], uses: ref && !rehearsal ? [ref] : [] });
        if (!ref) continue;
        if (!rehearsal) uses.push(ref);
        signals.addUses(ref, yaml.lineOf(usesNode));
        // azure/cli and azure/powershell run a script: what it does is in the script, not in the action's name
        if (/^azure\/(?:cli|powershell)@/i.test(ref)) {
          const script = str(get(get(step, 'with', doc), 'inlineScript', doc), doc);
          if (script) (commands.push(script), steps[steps.length - 1].commands.push(script));
        }
        // docker/login-action logs in to Docker Hub unless its `registry:` names another
        if (/^docker\/login-action@/i.test(ref)) {
          const registry = str(get(get(step, 'with', doc), 'registry', doc), doc);
          for (const name of registry ? registriesIn(registry) : ['Docker Hub']) registries.add(name);
        }
        if (/^(?:docker|depot)\/build-push-action@/i.test(ref)) {
          // `push:` is often an expression ("not on pull requests"); only a literal false means no push.
          const push = str(get(get(step, 'with', doc), 'push', doc), doc);
          if (push !== undefined && push !== 'false') pushesImage = true;
        }
      }
      // a reusable workflow's job has no steps: its names are all there is
      signals.addJob({ names, commands, uses, context, pushesImage, registries: [...registries], ...(reusableRef ? {} : { steps }) });
    }

    const nameNode = get(root, 'name', doc);
    const name = str(nameNode, doc) ?? baseName(path);
    const fact = signals.toFact('GitHub Actions', name, yaml.lineOf(nameNode) ?? 1);
    const out: Omit<FileFacts, 'path'> = { pipelines: [fact] };
    if (fact.uses) out.actions = fact.uses.map((u) => ({ ...u }));
    if (yaml.warnings.length) out.warnings = yaml.warnings;
    return out;
  },
};
