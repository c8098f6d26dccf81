/** CircleCI (.circleci/config.yml): jobs, run steps, and orbs as `uses`. */
import type { FileFacts, Reader } from '../facts.js';
import { PipelineSignals, stripComments } from './signals.js';
import { entries, get, isMapNode, items, parseYamlFile, str, notAMapping } from './yaml-nodes.js';

export const circleciReader: Reader = {
  id: 'ci/circleci',
  patterns: [/(^|\/)\.circleci\/config\.ya?ml$/],
  read(path, text): Omit<FileFacts, 'path'> {
    const yaml = parseYamlFile(path, text);
    const doc = yaml.docs[0];
    if (!doc || !isMapNode(doc.contents, doc)) return notAMapping(yaml, path, 'CircleCI config');
    const root = doc.contents;
    const signals = new PipelineSignals();
    // Orbs are declared under an alias ("aws-ecr: circleci/aws-ecr@9.0"); steps and jobs use the alias.
    const orbByAlias = new Map<string, string>();
    for (const orb of entries(get(root, 'orbs', doc), doc)) {
      const ref = str(orb.value, doc);
      if (!ref) continue; // inline orb definitions carry no reference
      orbByAlias.set(orb.key, ref.replace(/@.*$/, ''));
      signals.addUses(ref, yaml.lineOf(orb.value));
    }
    const orbsIn = (name: string) => {
      const alias = name.split('/')[0];
      return name.includes('/') && orbByAlias.has(alias) ? [orbByAlias.get(alias) as string] : [];
    };
    const context = stripComments(text);
    for (const job of entries(get(root, 'jobs', doc), doc)) {
      const names = [job.key];
      const commands: string[] = [];
      const uses: string[] = [];
      for (const step of items(get(job.value, 'steps', doc), doc)) {
        const plain = str(step, doc);
        if (plain) {
          uses.push(...orbsIn(plain));
          continue;
        }
        for (const e of entries(step, doc)) {
          if (e.key === 'run') {
            const command = str(e.value, doc) ?? str(get(e.value, 'command', doc), doc);
            const name = str(get(e.value, 'name', doc), doc);
            if (command) commands.push(command);
            if (name) names.push(name);
          } else uses.push(...orbsIn(e.key));
        }
      }
      signals.addJob({ names, commands, uses, context });
    }
    // Workflows may invoke orb jobs directly ("aws-ecs/deploy-service-update").
    for (const wf of entries(get(root, 'workflows', doc), doc)) {
      if (!isMapNode(wf.value, doc)) continue;
      for (const t of items(get(wf.value, 'triggers', doc), doc)) if (get(t, 'schedule', doc)) signals.triggers.add('schedule');
      for (const j of items(get(wf.value, 'jobs', doc), doc)) {
        const name = str(j, doc) ?? entries(j, doc)[0]?.key;
        if (name && orbsIn(name).length) signals.addJob({ names: [name], uses: orbsIn(name), context });
      }
    }
    const fact = signals.toFact('CircleCI', path, 1);
    const out: Omit<FileFacts, 'path'> = { pipelines: [fact] };
    if (fact.uses) out.actions = fact.uses.map((u) => ({ ...u }));
    if (yaml.warnings.length) out.warnings = yaml.warnings;
    return out;
  },
};
