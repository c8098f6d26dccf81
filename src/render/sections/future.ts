/**
 * Future Improvements: what the code itself suggests looking at (cycles, shared datastores), each with
 * evidence. Plans and reasons live in the hand-written part below the block, which archmd never touches.
 */
import type { ArchitectureModel } from '../../model/types.js';
import { text, withEvidence } from '../markdown.js';

export function renderFuture(model: ArchitectureModel): string {
  if (!model.observations.length) {
    // "no cycle" is only a finding where imports between parts were seen at all
    const importsSeen = model.relationships.some((r) => r.kind === 'import');
    return importsSeen
      ? 'archmd found no import cycle between modules or containers, and no datastore that configuration points two services at.'
      : 'archmd resolved no import between the parts it found, so it cannot tell whether they form cycles; it found no datastore that configuration points two services at.';
  }
  const lines = ['Seen in the code:', ''];
  for (const o of model.observations) {
    const [label, ...rest] = o.value.split(': ');
    lines.push(`- **${text(label)}**: ${withEvidence(text(rest.join(': ')), o.evidence, 2)}`);
  }
  return lines.join('\n');
}

export const FUTURE_HANDWRITTEN = [
  '### Planned changes',
  '',
  'Scalability, performance and new features the team plans, and the reasons behind them: code cannot show these, so this part is written by hand. archmd created it once and never changes it.',
].join('\n');
