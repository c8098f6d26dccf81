/**
 * From technology hits to technology uses: one entry per technology, its scope (the system's own stack,
 * tooling, an optional alternative, or only seen in examples and tests) and the containers using it.
 */
import type { TechnologyHit } from '../detect/technologies.js';
import type { Category } from '../catalogue/types.js';
import { type Evidence, evidence, mergeEvidence } from './evidence.js';
import type { Context } from './context.js';
import type { TechnologyUse } from './types.js';

type Scope = TechnologyUse['scope'];

const TOOLING: ReadonlySet<Category> = new Set(['testing', 'linter', 'build-tool', 'package-manager', 'documentation']);
const COMPILED_AWAY: ReadonlySet<string> = new Set(['svelte', 'sveltekit', 'elm']);
const RANK: Record<Scope, number> = { runtime: 3, optional: 2, dev: 1, example: 0 };

const minScope = (a: Scope, b: Scope): Scope => (RANK[a] <= RANK[b] ? a : b);

export function hitScope(ctx: Context, hit: TechnologyHit): Scope {
  const role = ctx.roleOfFile(hit.file);
  if (role === 'example' || role === 'fixture' || role === 'docs') return 'example';
  // a config or source file inside the tests is what they run on (bat's sample Dockerfile and main.tf to
  // highlight), not a tool of the project; a dependency the tests declare or import is one
  if (role === 'test') {
    if (!/dependency|^import /.test(hit.rule)) return 'example';
    // a manifest of another ecosystem among the tests is a sample too (a requirements.txt a Rust
    // highlighter colours); a Python test harness beside Python code is the project's tooling
    const facts = ctx.input.facts.get(hit.file);
    const ecosystem = facts?.manifests?.[0]?.ecosystem ?? facts?.dependencies?.[0]?.ecosystem;
    return ecosystem && ctx.mainEcosystems.size > 0 && !ctx.mainEcosystems.has(ecosystem) ? 'example' : 'dev';
  }
  if (role === 'tooling') return 'dev';
  // Svelte and Elm compile into the bundle they ship, so their projects install them as dev dependencies
  if (hit.scope === 'dev' && COMPILED_AWAY.has(hit.tech.id) && /dependency/.test(hit.rule)) return 'runtime';
  switch (hit.scope) {
    case 'runtime':
    case 'peer':
      return TOOLING.has(hit.tech.category) ? 'dev' : 'runtime';
    case 'optional':
      return TOOLING.has(hit.tech.category) ? 'dev' : 'optional';
    case 'config':
      // a config file for a tool (.editorconfig, .pre-commit-config.yaml) is tooling; a framework's config is its use
      if (TOOLING.has(hit.tech.category) || hit.tech.category === 'ci-cd' || hit.tech.category === 'tool') return 'dev';
      // a lockfile says which tool installed the packages (bun.lock), not what runs them in production, and
      // .nvmrc which Node the developers' tools run on (a Django site's linters): neither is the server
      return hit.tech.category === 'runtime' && (/lock/i.test(hit.rule) || /^file \.(?:nvmrc|node-version)$/.test(hit.rule)) ? 'dev' : 'runtime';
    case 'build':
      // a Dockerfile's base image runs in production; a build plugin does not
      return hit.rule.startsWith('base image') ? 'runtime' : 'dev';
    default:
      return 'dev';
  }
}

/** `toolingManifests`: manifests that describe no part, only the repository's tooling (a workspace root's package.json). */
export function aggregateTechnologies(ctx: Context, hits: TechnologyHit[], ownerOf: (hit: TechnologyHit) => string | undefined, toolingManifests: ReadonlySet<string> = new Set()): TechnologyUse[] {
  const byId = new Map<string, TechnologyUse & { rank: number; ranks: number[] }>();
  // each container's own best scope: hyper in the runtime of one crate and among another's dev-dependencies
  // is that other crate's test tooling, not its stack
  const ownRank = new Map<string, Map<string, number>>();
  for (const hit of hits) {
    // (a workspace root's dependencies are what its scripts and the members' tests and linters run with)
    const scope = toolingManifests.has(hit.file) && /dependency/.test(hit.rule) ? minScope(hitScope(ctx, hit), 'dev') : hitScope(ctx, hit);
    let use = byId.get(hit.tech.id);
    if (!use) {
      use = { id: hit.tech.id, name: hit.tech.name, category: hit.tech.category, scope, containers: [], evidence: [], rank: RANK[scope], ranks: [] };
      byId.set(hit.tech.id, use);
    }
    if (RANK[scope] > use.rank) {
      use.rank = RANK[scope];
      use.scope = scope;
    }
    const owner = ownerOf(hit);
    if (owner && !use.containers.includes(owner)) use.containers.push(owner);
    if (owner) {
      const ranks = ownRank.get(hit.tech.id) ?? new Map<string, number>();
      ranks.set(owner, Math.max(ranks.get(owner) ?? -1, RANK[scope]));
      ownRank.set(hit.tech.id, ranks);
    }
    use.evidence.push(evidence(hit.file, hit.rule, hit.line));
    use.ranks.push(RANK[scope]);
  }
  // go.mod has no test section: a module its code imports only in tests and mocks (gh's Gorilla WebSocket, in
  // tunnels_api_server_mock.go) is test tooling, not the system's stack
  for (const use of byId.values()) {
    if (use.rank !== RANK.runtime) continue;
    const imports = use.evidence.filter((e) => e.rule.startsWith('import '));
    const runtime = use.evidence.filter((_, i) => use.ranks[i] === RANK.runtime);
    if (!imports.length || imports.some((e) => ctx.roleOfFile(e.file) === 'main')) continue;
    if (!runtime.every((e) => e.rule.startsWith('go dependency ') && /(?:^|\/)go\.mod$/.test(e.file))) continue;
    use.rank = RANK.dev;
    use.scope = 'dev';
    use.ranks = use.ranks.map((r) => Math.min(r, RANK.dev));
    const ranks = ownRank.get(use.id);
    if (ranks) for (const [c, r] of ranks) ranks.set(c, Math.min(r, RANK.dev));
  }
  return [...byId.values()]
    .map(({ rank, ranks: hitRanks, ...use }) => {
      // a part uses a runtime technology only where its own hits are runtime (or optional) ones
      const ranks = ownRank.get(use.id);
      const containers = rank >= RANK.optional && ranks ? use.containers.filter((c) => (ranks.get(c) ?? 0) >= RANK.optional) : use.containers;
      // the hits that gave the technology its scope come first: a runtime H2 is not cited at a test-scoped dependency
      const deciding = mergeEvidence(use.evidence.filter((_, i) => hitRanks[i] === rank));
      const key = (e: Evidence) => `${e.file}\0${e.line ?? ''}\0${e.rule}`;
      const cited = new Set(deciding.map(key));
      const rest = mergeEvidence(use.evidence.filter((_, i) => hitRanks[i] !== rank)).filter((e) => !cited.has(key(e)));
      return { ...use, containers: containers.sort(), evidence: [...deciding, ...rest] };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
