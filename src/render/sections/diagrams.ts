/**
 * Diagrams: a Mermaid flowchart of the containers and how they talk (GitHub renders `flowchart LR` with
 * subgraphs reliably), or of the modules when the repository is a single codebase.
 */
import type { ArchitectureModel, Container, Relationship } from '../../model/types.js';
import type { View } from '../view.js';
import { code } from '../markdown.js';

const MAX_NODES = 40;

function nodeId(id: string): string {
  return id.replace(/[^A-Za-z0-9]/g, '_');
}

function label(value: string): string {
  return value.replace(/"/g, '#quot;').replace(/[<>]/g, '').replace(/[[\]{}()|]/g, ' ').trim();
}

function shape(c: Container, caption: string): string {
  const text = `"${label(c.name)}${caption ? `<br/>${label(caption)}` : ''}"`;
  if (['datastore', 'cache', 'search', 'storage'].includes(c.kind)) return `${nodeId(c.id)}[(${text})]`;
  if (c.kind === 'broker') return `${nodeId(c.id)}[[${text}]]`;
  return `${nodeId(c.id)}[${text}]`;
}

export function renderDiagrams(model: ArchitectureModel, view: View): string {
  const containers = [...view.own, ...view.stores, ...view.external];
  const edges = view.containerRelationships.filter((r) => view.byId.get(r.from)?.role === 'main' && view.byId.get(r.to)?.role === 'main');
  if (containers.length >= 2) return containerDiagram(model, view, containers, edges);
  const modules = model.components;
  if (modules.length >= 2) return moduleDiagram(model, modules);
  if (modules.length === 1) return `One part with one module (${code(modules[0].path)}) beside its own top-level code, and no runtime dependency: nothing to draw between parts.`;
  return 'A single unit with no internal modules or runtime dependencies to draw.';
}

function containerDiagram(model: ArchitectureModel, view: View, all: Container[], edges: Relationship[]): string {
  let containers = all;
  if (containers.length > MAX_NODES) {
    const connected = new Set(edges.flatMap((e) => [e.from, e.to]));
    containers = containers.filter((c) => connected.has(c.id)).slice(0, MAX_NODES);
  }
  const shown = new Set(containers.map((c) => c.id));
  const lines = ['```mermaid', 'flowchart LR'];
  const own = containers.filter((c) => c.path !== undefined);
  const stores = containers.filter((c) => c.path === undefined);
  lines.push(`  subgraph system["${label(model.system.name.value)}"]`);
  for (const c of own) lines.push(`    ${shape(c, [c.kind, view.framework(c) ?? c.language].filter(Boolean).join(' · '))}`);
  lines.push('  end');
  for (const c of stores) lines.push(`  ${shape(c, c.kind)}`);
  // one arrow per pair and protocol; imports, workspace and project references are one "code" arrow
  const arrows = new Map<string, string>();
  for (const e of edges) {
    if (!shown.has(e.from) || !shown.has(e.to)) continue;
    const how = e.kind === 'import' ? 'code' : view.alternativeStores.has(e.to) ? `${e.technology}, one of` : e.technology;
    const key = `${e.from}>${e.to}>${how}`;
    if (!arrows.has(key)) arrows.set(key, `  ${nodeId(e.from)} ${e.kind === 'import' ? '-.->' : '-->'}|${label(how)}| ${nodeId(e.to)}`);
  }
  lines.push(...arrows.values());
  lines.push('```');
  const alternatives = view.alternativeStores.size ? ' An arrow marked "one of" reaches one of several databases, chosen in configuration.' : '';
  const legend = `Solid arrows are runtime calls and data access, labelled with the protocol; dotted arrows are code dependencies (imports, workspace and project references).${alternatives}`;
  return [lines.join('\n'), '', legend].join('\n');
}

function moduleDiagram(model: ArchitectureModel, modules: ArchitectureModel['components']): string {
  const shown = modules.slice(0, MAX_NODES);
  const ids = new Set(shown.map((m) => m.id));
  const lines = ['```mermaid', 'flowchart LR'];
  for (const m of shown) lines.push(`  ${nodeId(m.id)}["${label(m.path)}"]`);
  for (const r of model.relationships) {
    if (ids.has(r.from) && ids.has(r.to) && r.technology === 'import') lines.push(`  ${nodeId(r.from)} --> ${nodeId(r.to)}`);
  }
  lines.push('```');
  return [lines.join('\n'), '', 'Modules of the codebase; an arrow means the first imports the second.'].join('\n');
}
