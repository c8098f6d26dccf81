/** Buildkite (.buildkite/pipeline*.yml): step labels, commands, plugins as `uses`. */
import type { FileFacts, Reader } from '../facts.js';
import { PipelineSignals, stripComments } from './signals.js';
import { entries, get, isMapNode, items, parseYamlFile, str, strings, visitMaps } from './yaml-nodes.js';

export const buildkiteReader: Reader = {
  id: 'ci/buildkite',
  patterns: [/(^|\/)\.buildkite\/pipeline[\w.-]*\.ya?ml$/, /(^|\/)buildkite\.ya?ml$/],
  read(path, text): Omit<FileFacts, 'path'> {
    const yaml = parseYamlFile(path, text);
    const doc = yaml.docs[0];
    if (!doc) return yaml.warnings.length ? { warnings: yaml.warnings } : {};
    const signals = new PipelineSignals();
    const context = stripComments(text);
    const steps = isMapNode(doc.contents, doc) ? get(doc.contents, 'steps', doc) : doc.contents;
    visitMaps(steps, doc, (map, key) => {
      if (key === 'plugins' || key === 'env' || key === 'agents') return;
      const label = str(get(map, 'label', doc), doc) ?? str(get(map, 'name', doc), doc) ?? str(get(map, 'key', doc), doc);
      const commands = [...strings(get(map, 'command', doc), doc), ...strings(get(map, 'commands', doc), doc)];
      const uses: string[] = [];
      const plugins = get(map, 'plugins', doc);
      // Plugins are a list of one-key maps ("docker-compose#v4.16.0": {...}) or a plain map.
      const pluginEntries = isMapNode(plugins, doc) ? entries(plugins, doc) : items(plugins, doc).flatMap((p) => (str(p, doc) ? [{ key: str(p, doc) as string, keyNode: p, value: undefined }] : entries(p, doc)));
      for (const p of pluginEntries) {
        uses.push(p.key);
        signals.addUses(p.key, yaml.lineOf(p.keyNode));
      }
      if (!label && commands.length === 0 && uses.length === 0) return;
      signals.addJob({ names: label ? [label] : [], commands, uses, context });
    });
    const fact = signals.toFact('Buildkite', path, 1);
    const out: Omit<FileFacts, 'path'> = { pipelines: [fact] };
    if (fact.uses) out.actions = fact.uses.map((u) => ({ ...u }));
    if (yaml.warnings.length) out.warnings = yaml.warnings;
    return out;
  },
};
