/** High-Level Architecture: style, layers and communication, each with the facts behind it. */
import type { ArchitectureModel } from '../../model/types.js';
import { bullet, text, withEvidence } from '../markdown.js';
import type { View } from '../view.js';

export function renderHighLevel(model: ArchitectureModel, view: View): string {
  const { system } = model;
  const lines: string[] = [];
  lines.push(bullet('Architecture Style', system.style.length ? system.style.map((s) => withEvidence(text(s.value), s.evidence, 2)).join('; ') : 'no deployable unit, library manifest or command-line entry point found'));
  lines.push(bullet('Key Layers', system.layers.length ? system.layers.map((l) => withEvidence(text(l.value), l.evidence, 2)).join('; ') : 'no layering visible in the folder structure'));
  lines.push(bullet('Communication', system.communication.length ? system.communication.map((c) => withEvidence(text(c.value), c.evidence, 2)).join('; ') : communicationFallback(view)));
  const parts = describeParts(view);
  if (parts) lines.push('', parts);
  return lines.join('\n');
}

function communicationFallback(view: View): string {
  // outgoing HTTP calls (a CLI fetching from an API) are not searched for, so no claim is made about them
  if (view.own.length && view.own.every((c) => c.kind === 'cli')) return 'each command runs in one process; no server or message queue found in the code';
  if (view.isLibraryLike()) return 'in-process calls through the public API; no server or message queue found in the code';
  return 'no network protocol found in the code or configuration';
}

function describeParts(view: View): string {
  const groups: [string, string[]][] = [
    ['frontends', view.own.filter((c) => c.kind === 'frontend').map((c) => c.name)],
    ['services', view.own.filter((c) => c.kind === 'service').map((c) => c.name)],
    ['workers and jobs', view.own.filter((c) => ['worker', 'job'].includes(c.kind)).map((c) => c.name)],
    ['functions', view.own.filter((c) => c.kind === 'function').map((c) => c.name)],
    ['command-line tools', view.own.filter((c) => c.kind === 'cli').map((c) => c.name)],
    ['libraries', view.own.filter((c) => c.kind === 'library').map((c) => c.name)],
    ['applications', view.own.filter((c) => c.kind === 'application').map((c) => c.name)],
    ['datastores and brokers', view.targetNames(view.stores.map((c) => c.id))],
  ];
  const present = groups.filter(([, names]) => names.length);
  if (!present.length) return '';
  return `The system is made of ${present.map(([label, names]) => `${label} (${names.slice(0, 12).map((n) => `**${text(n)}**`).join(', ')}${names.length > 12 ? ', …' : ''})`).join(', ')}.`;
}
