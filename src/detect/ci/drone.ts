/** Drone CI (.drone.yml): one pipeline per `kind: pipeline` document; plugin images as `uses`. */
import type { FileFacts, PipelineFact, Reader } from '../facts.js';
import { PipelineSignals, stripComments } from './signals.js';
import { entries, get, isMapNode, items, parseYamlFile, str, strings } from './yaml-nodes.js';

export const droneReader: Reader = {
  id: 'ci/drone',
  fileNames: ['.drone.yml', '.drone.yaml'],
  read(path, text): Omit<FileFacts, 'path'> {
    const yaml = parseYamlFile(path, text);
    const pipelines: PipelineFact[] = [];
    const actions: { ref: string; line?: number }[] = [];
    const context = stripComments(text);
    for (const doc of yaml.docs) {
      const root = doc.contents;
      if (!isMapNode(root, doc)) continue;
      const kind = str(get(root, 'kind', doc), doc);
      if (kind && kind !== 'pipeline') continue; // secrets, signatures
      const signals = new PipelineSignals();
      // Drone 1.x has a `steps:` list; 0.8 had a `pipeline:` map of steps.
      const stepList = items(get(root, 'steps', doc), doc);
      const stepMap = entries(get(root, 'pipeline', doc), doc).map((e) => e.value);
      for (const step of [...stepList, ...stepMap]) {
        const name = str(get(step, 'name', doc), doc);
        const imageNode = get(step, 'image', doc);
        const image = str(imageNode, doc);
        const uses: string[] = [];
        if (image && /^plugins\//.test(image)) {
          uses.push(image);
          signals.addUses(image, yaml.lineOf(imageNode));
        }
        const commands = strings(get(step, 'commands', doc), doc);
        signals.addJob({ names: name ? [name] : [], commands, uses, context });
      }
      const trigger = get(root, 'trigger', doc);
      const event = get(trigger, 'event', doc);
      for (const t of isMapNode(event, doc) ? strings(get(event, 'include', doc), doc) : strings(event, doc)) signals.triggers.add(t);
      const nameNode = get(root, 'name', doc);
      const fact = signals.toFact('Drone', str(nameNode, doc) ?? path, yaml.lineOf(nameNode) ?? yaml.lineOf(root));
      pipelines.push(fact);
      if (fact.uses) actions.push(...fact.uses);
    }
    const out: Omit<FileFacts, 'path'> = {};
    if (pipelines.length) out.pipelines = pipelines;
    if (actions.length) out.actions = actions;
    if (yaml.warnings.length) out.warnings = yaml.warnings;
    else if (!pipelines.length && yaml.docs.length > 0) out.warnings = [{ file: path, message: 'no Drone pipeline found' }];
    return out;
  },
};
