/** Introduction: the project's name, purpose and key features, each with where it was read. */
import type { ArchitectureModel } from '../../model/types.js';
import { bullet, text, withEvidence } from '../markdown.js';
import { namedLanguages } from '../view.js';

export function renderIntroduction(model: ArchitectureModel): string {
  const { system } = model;
  const lines = [bullet('Project Name', withEvidence(text(system.name.value), system.name.evidence, 1))];
  lines.push(bullet('Purpose', system.purpose ? withEvidence(text(system.purpose.value), system.purpose.evidence, 1) : 'not stated in the README or the manifests'));
  if (system.features.length) {
    lines.push(bullet('Key Features', `listed in ${withEvidence('the README', system.features[0].evidence, 1).replace(/^the README \((.*)\)$/, '$1')}`));
    for (const f of system.features) lines.push(`  - ${text(f.value)}`);
  } else {
    lines.push(bullet('Key Features', 'archmd found no features list in the README; the components below show what the code does'));
  }
  const languages = namedLanguages(model);
  if (languages.length) {
    const [primary, ...rest] = languages;
    const others = rest.map((l) => l.name).sort((a, b) => a.localeCompare(b, 'en'));
    lines.push(bullet('Languages', `${primary.name}${others.length ? ` (main), ${others.join(', ')}` : ''}`));
  }
  return lines.join('\n');
}
