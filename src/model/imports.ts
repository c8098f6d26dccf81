/**
 * The resolved file-level import graph rolled up to containers and to codemap modules, with the
 * cycles at each level.
 */
import { isToolConfigFile } from '../scan/classify.js';
import type { Context } from './context.js';
import { aggregateEdges, findCycles, type GroupEdge } from './graph/index.js';
import { codeOwnerOf, dirOf, extOf, nearestUp } from './graph/paths.js';
import type { ArchitectureModel, Component, Container } from './types.js';

export interface ImportGraph {
  containerEdges: GroupEdge[];
  componentEdges: GroupEdge[];
  cycles: ArchitectureModel['cycles'];
}

/**
 * Deepest owner by folder prefix; folders are looked up from the file upwards, so this is O(depth). With the
 * owners' ecosystems, a file goes to the deepest owner that builds its language (see codeOwnerOf).
 */
function ownerByFolder(entries: { path: string; id: string }[], ecosystems?: ReadonlyMap<string, ReadonlySet<string>>): (file: string) => string | undefined {
  const byPath = new Map(entries.map((e) => [e.path, e.id]));
  // every edge asks twice and most files share a folder with others: one walk up per folder and extension
  const byFolder = new Map<string, string | undefined>();
  return (file) => {
    const key = ecosystems ? `${dirOf(file)}\0${extOf(file)}` : dirOf(file);
    if (byFolder.has(key)) return byFolder.get(key);
    const owner = ecosystems ? codeOwnerOf(byPath, file, (id) => ecosystems.get(id)) : nearestUp(byPath, dirOf(file));
    byFolder.set(key, owner);
    return owner;
  };
}

/**
 * `programs` pairs a part with the programs split off it (see programsOf in containers.ts): the module's code that
 * imports a program's own packages (internal/barista reading cmd/barista/config) is one build with it, and says
 * nothing of a dependency between the two parts; the program's imports of the module say it uses the module.
 */
export function importGraph(
  ctx: Context,
  containers: Container[],
  components: Component[],
  ecosystems?: ReadonlyMap<string, ReadonlySet<string>>,
  programs: ReadonlySet<string> = new Set(),
): ImportGraph {
  // tests import the code they test; that is not a dependency of the architecture
  const edges = ctx.input.fileEdges.filter((e) => ctx.roleOfFile(e.from) === 'main' || ctx.roleOfFile(e.from) === ctx.roleOfFile(e.to));
  const containerOwner = ownerByFolder(containers.filter((c) => c.path !== undefined).map((c) => ({ path: c.path!, id: c.id })), ecosystems);
  const componentOwner = ownerByFolder(components.map((c) => ({ path: c.path, id: c.id })));
  // a package's vitest.config.ts or tsdown.config.ts that extends a config kept at the root (trpc's packages/*)
  // shares build settings, not code: no dependency between parts
  const containerEdges = aggregateEdges(edges.filter((e) => !isToolConfigFile(e.from)), containerOwner).filter((e) => !programs.has(`${e.from}\0${e.to}`));
  // modules are the codemap of one container; links between containers are drawn at container level
  const containerOf = new Map(components.map((c) => [c.id, c.containerId]));
  const componentEdges = aggregateEdges(edges, componentOwner).filter((e) => containerOf.get(e.from) === containerOf.get(e.to));
  const cycles: ArchitectureModel['cycles'] = [];
  const runtimeEdges = (list: GroupEdge[]) => list.filter((e) => !e.typeOnly);
  for (const members of findCycles(containers.map((c) => c.id), runtimeEdges(containerEdges))) cycles.push({ level: 'container', members });
  // Go refuses to compile a cycle between packages: a cycle between Go folders only joins sibling packages
  // (auth -> server/httperr, server -> auth), an artefact of grouping folders into modules
  const goOnly = new Set(components.filter((c) => c.language === 'Go').map((c) => c.id));
  for (const members of findCycles(components.map((c) => c.id), runtimeEdges(componentEdges))) {
    if (members.every((m) => goOnly.has(m))) continue;
    cycles.push({ level: 'component', members });
  }
  return { containerEdges, componentEdges, cycles };
}
