/**
 * How containers talk: workspace and project references, imports between containers, compose
 * depends_on, URLs in environment values that name another service, and drivers that reach a datastore.
 */
import { buildToolOf } from '../detect/manifests/gradle.js';
import { aspireProjects, aspireResources, hostedTechnology } from './aspire.js';
import type { Category } from '../catalogue/types.js';
import type { Context } from './context.js';
import { type Draft, workspaceRootFolders } from './containers.js';
import { type Evidence, evidence, mergeEvidence } from './evidence.js';
import { codeOwnerLookup, codeOwnerOf, dirOf, joinPath, nearestUp } from './graph/paths.js';
import { satisfiesRange } from './graph/semver.js';
import type { GroupEdge } from './graph/types.js';
import type { Container, Relationship, TechnologyUse } from './types.js';

/** The protocol a client speaks to a store, by the store's technology. */
const PROTOCOL: Record<string, string> = {
  postgresql: 'SQL', mysql: 'SQL', mariadb: 'SQL', 'microsoft-sql-server': 'SQL', sqlite: 'SQL', oracle: 'SQL', cockroachdb: 'SQL',
  redis: 'Redis', valkey: 'Redis', memcached: 'Memcached', mongodb: 'MongoDB', rabbitmq: 'AMQP', kafka: 'Kafka',
  'apache-kafka': 'Kafka', nats: 'NATS', elasticsearch: 'HTTP', opensearch: 'HTTP', 'amazon-s3': 'S3 API', minio: 'S3 API',
  // a Worker reaches these through the bindings its wrangler config declares (env.CACHE.get, env.BUCKET.put)
  'cloudflare-kv': 'Workers binding', 'cloudflare-r2': 'Workers binding', 'cloudflare-queues': 'Workers binding',
};

const SCHEME_PROTOCOL: Record<string, string> = {
  postgres: 'SQL', postgresql: 'SQL', mysql: 'SQL', mariadb: 'SQL', sqlserver: 'SQL', mssql: 'SQL', redis: 'Redis', rediss: 'Redis',
  amqp: 'AMQP', amqps: 'AMQP', mongodb: 'MongoDB', 'mongodb+srv': 'MongoDB', kafka: 'Kafka', nats: 'NATS', mqtt: 'MQTT',
  http: 'HTTP', https: 'HTTP', grpc: 'gRPC', ws: 'WebSocket', wss: 'WebSocket', memcached: 'Memcached',
};

const STORE_CATEGORIES = new Set<Category>([
  'database-relational', 'database-document', 'database-key-value', 'database-wide-column', 'database-graph',
  'database-time-series', 'database-vector', 'cache', 'search', 'messaging', 'object-storage',
]);

export function protocolFor(techId: string, techName: string, category: string): string {
  return PROTOCOL[techId] ?? (category === 'database-relational' ? 'SQL' : techName);
}

export function isStoreCategory(category: Category): boolean {
  return STORE_CATEGORIES.has(category);
}

class Edges {
  private map = new Map<string, Relationship>();
  add(from: string, to: string, technology: string, kind: Relationship['kind'], description: string, ev: Evidence[], weight?: number) {
    if (from === to) return;
    const id = `${from}->${to}:${technology}`;
    const existing = this.map.get(id);
    if (existing) {
      existing.evidence = mergeEvidence(existing.evidence, ev);
      if (weight) existing.weight = (existing.weight ?? 0) + weight;
      return;
    }
    const rel: Relationship = { id, from, to, technology, description, kind, evidence: mergeEvidence(ev) };
    if (weight) rel.weight = weight;
    this.map.set(id, rel);
  }
  has(from: string, to: string, kind: Relationship['kind']): boolean {
    for (const r of this.map.values()) if (r.from === from && r.to === to && r.kind === kind) return true;
    return false;
  }
  list(): Relationship[] {
    return [...this.map.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

export interface RelationshipInput {
  ctx: Context;
  drafts: Draft[];
  containers: Container[];
  techs: TechnologyUse[];
  importEdges: GroupEdge[];
  /** Whether the system runs anywhere; a library gets no datastore edges. */
  deployable: boolean;
  /** Each part's package ecosystems: a file's driver belongs to the part that builds its language. */
  ecosystems: ReadonlyMap<string, ReadonlySet<string>>;
}

export function buildRelationships({ ctx, drafts, containers, techs, importEdges, ecosystems }: RelationshipInput): Relationship[] {
  const edges = new Edges();
  const byId = new Map(containers.map((c) => [c.id, c]));
  const byPath = new Map(drafts.filter((d) => d.path !== undefined).map((d) => [d.path!, d]));
  const byPackage = new Map<string, Draft>();
  for (const d of drafts) for (const m of d.manifests) if (m.fact.name) byPackage.set(`${m.fact.ecosystem}:${m.fact.name}`, d);
  // names resolve within one role: a test compose file's "db" is not the system's db
  const byServiceName = new Map<string, Draft>();
  for (const d of drafts) for (const n of d.names) if (!byServiceName.has(`${d.role}\0${n}`)) byServiceName.set(`${d.role}\0${n}`, d);
  // a name means the service of the same compose project first (the folder of its files): backend/ and
  // backend-go/ may each run their own "db"
  // (and of the same file before that: docker/compose/ may hold the system's files and a test setup's)
  const byFileService = new Map<string, Draft>();
  const byProjectService = new Map<string, Draft>();
  for (const d of drafts) {
    for (const { file, fact } of d.services) {
      byFileService.set(`${file}\0${fact.name}`, d);
      if (!byProjectService.has(`${d.role}\0${dirOf(file)}\0${fact.name}`)) byProjectService.set(`${d.role}\0${dirOf(file)}\0${fact.name}`, d);
    }
  }
  const named = (d: Draft, file: string, name: string) =>
    byFileService.get(`${file}\0${name}`) ?? byProjectService.get(`${d.role}\0${dirOf(file)}\0${name}`) ?? byServiceName.get(`${d.role}\0${name}`);

  // declared dependencies between this repository's own projects
  for (const d of drafts) {
    for (const { file, fact } of d.manifests) {
      for (const local of fact.localDependencies ?? []) {
        const target = local.path !== undefined ? byPath.get(joinPath(dirOf(file), local.path) ?? '\0') : local.name ? byPackage.get(`${fact.ecosystem}:${local.name}`) : undefined;
        if (!target || local.dev) continue;
        if (d.orchestrator && !local.notRun) edges.add(d.id, target.id, 'runs', 'deploy', 'runs', [evidence(file, 'Aspire AppHost project reference', local.line)]);
        else edges.add(d.id, target.id, 'project reference', 'import', 'depends on', [evidence(file, `${buildToolOf(fact.ecosystem, file)} local dependency`, local.line)]);
      }
    }
  }
  // an npm dependency by a plain version range names a workspace member only when the member's version satisfies
  // it, and never the workspace root, which is no member: "langfuse": "3.38.4" in web/ is the published SDK,
  // not the private root of the same name (workspace:, file: and link: specs are local dependencies, above)
  const workspaceRoots = workspaceRootFolders(ctx);
  const installs = (dep: { ecosystem: string; version?: string }, target: Draft) => {
    if (dep.ecosystem !== 'npm') return true;
    const manifest = target.manifests.find((m) => m.fact.ecosystem === 'npm');
    return target.path !== undefined && !workspaceRoots.has(target.path) && satisfiesRange(dep.version ?? '*', manifest?.fact.version);
  };
  for (const [file, deps] of ctx.each('dependencies')) {
    const owner = nearestUp(byPath, dirOf(file));
    if (!owner) continue;
    for (const dep of deps) {
      // a devDependency on a sibling (test utilities, a build plugin) is not part of the architecture
      if (dep.scope === 'dev' || dep.scope === 'test' || dep.scope === 'build') continue;
      const target = byPackage.get(`${dep.ecosystem}:${dep.name}`);
      if (target && target !== owner && installs(dep, target)) edges.add(owner.id, target.id, 'workspace', 'import', 'depends on', [evidence(file, `${buildToolOf(dep.ecosystem, file)} dependency ${dep.name}`, dep.line)]);
    }
  }
  for (const e of importEdges) {
    if (byId.has(e.from) && byId.has(e.to)) edges.add(e.from, e.to, e.typeOnly ? 'import (types only)' : 'import', 'import', 'imports', e.evidence, e.weight);
  }

  // runtime wiring: depends_on and URLs in environment values naming another service
  for (const d of drafts) {
    for (const { file, fact } of d.services) {
      for (const host of fact.envHosts ?? []) {
        const target = named(d, file, host.host) ?? named(d, file, host.host.split('.')[0]);
        if (!target || target === d) continue;
        // a store does not connect to another store: a job run on its image to fill the other (populate-ledger-db
        // on the accounts-db image) is a step of setting them up
        if (storeProtocol(d) && storeProtocol(target)) continue;
        const tech = (host.scheme && SCHEME_PROTOCOL[host.scheme]) || storeProtocol(target) || servedProtocol(byId.get(target.id)) || 'network';
        edges.add(d.id, target.id, tech, 'runtime', `${host.variable} points at ${host.host}`, [evidence(host.file ?? file, `environment ${host.variable} names ${host.host}`, host.line ?? fact.line)]);
      }
      for (const dep of fact.dependsOn ?? []) {
        const target = named(d, file, dep);
        if (!target || target === d) continue;
        // a store that waits for another (clickhouse depends_on postgres in a dev setup) is only started after
        // it: neither reads the other's data
        if (storeProtocol(d) && storeProtocol(target)) continue;
        const tech = storeProtocol(target);
        if (!edges.has(d.id, target.id, 'runtime')) edges.add(d.id, target.id, tech ?? 'depends_on', 'runtime', `depends on ${dep}`, [evidence(file, `${fact.source} depends_on ${dep}`, fact.line)]);
      }
    }
  }

  // a service whose code uses a datastore driver talks to that datastore
  const stores = drafts.filter((d) => d.imageTech && isStoreCategory(d.imageTech.category));
  const orchestrators = new Set(drafts.filter((d) => d.orchestrator).map((d) => d.id));
  const draftById = new Map(drafts.map((d) => [d.id, d]));
  const serving = drafts.filter((d) => d.path !== undefined && !(d.imageTech && isStoreCategory(d.imageTech.category)));
  // the folders of the parts that run code (a store built from its own folder is where it lives, not a project)
  const projects = new Map(serving.map((d) => [d.path!, d]));
  const ownerOfFile = codeOwnerLookup(byPath, (d) => ecosystems.get(d.id));
  for (const t of techs) {
    if (!isStoreCategory(t.category) || t.scope !== 'runtime') continue;
    const targets = stores.filter((s) => s.imageTech!.id === t.id || sameFamily(s.imageTech!.id, t.id));
    const evidenceByOwner = groupBy(t.evidence, (e) => ownerOfFile(e.file)?.id);
    for (const cid of t.containers) {
      const c = byId.get(cid);
      if (!c || c.path === undefined || isStoreCategory(categoryOfKind(c.kind)) || orchestrators.has(cid)) continue;
      // its own files only: a driver in a part nested below (apps/api under the workspace root) is that part's,
      // and a database URL in its tests' resources (src/test/resources/application.properties) is the tests'
      const ev = (evidenceByOwner.get(c.id) ?? []).filter((e) => ctx.roleOfFile(e.file) === c.role);
      // (a database URL in the part's own .env file, Symfony's DATABASE_URL in .env.dist, is its configuration too;
      // one a compose service's environment holds says where that service connects, which the env edges draw)
      // (a Worker's binding, `d1_databases` in its wrangler config, is how its code reaches the store: env.DB)
      const driverEvidence = ev.filter((e) => /dependency|import|datasource|adapter|ENGINE|JDBC|dialect|DB_CONNECTION|binding/.test(e.rule) || (/:\/\/ URL in /.test(e.rule) && ctx.input.facts.get(e.file)?.env !== undefined));
      if (!driverEvidence.length) continue;
      const user = draftById.get(cid);
      if (!user) continue;
      const candidates = targets.filter((s) => s.role === c.role && sameProject(s, user));
      // the store its configuration points it at (a ConfigMap's ACCOUNTS_DB_URI) is the one its driver reaches
      const configured = candidates.filter((s) => edges.has(c.id, s.id, 'runtime'));
      for (const target of configured.length ? configured : driverTargets(user, candidates, serving)) {
        edges.add(c.id, target.id, protocolFor(t.id, t.name, t.category), 'data', `uses ${t.name}`, driverEvidence.slice(0, 3));
      }
    }
  }
  // a .NET Aspire AppHost wires its projects: WithReference(cache) hands the project the connection to that
  // store or broker, WithReference(basketApi) the endpoint of that project
  for (const host of drafts.filter((d) => d.orchestrator)) {
    const resources = aspireResources(ctx, host);
    const byVariable = new Map(resources.filter((r) => r.variable).map((r) => [r.variable!, r]));
    const runs = aspireProjects(ctx, host, drafts);
    for (const r of resources) {
      const user = runs.get(r.name);
      if (!user) continue;
      for (const variable of r.references ?? []) {
        const ref = byVariable.get(variable);
        if (!ref) continue;
        const ev = [evidence(r.file, `Aspire AppHost: ${r.name} references ${ref.name}`, r.line)];
        const project = runs.get(ref.name);
        if (project) {
          edges.add(user.id, project.id, servedProtocol(byId.get(project.id)) ?? 'HTTP', 'runtime', `references ${ref.name}`, ev);
          continue;
        }
        const tech = hostedTechnology(ref, byVariable);
        const store = tech ? stores.find((st) => st.role === user.role && (st.imageTech!.id === tech || sameFamily(st.imageTech!.id, tech))) : undefined;
        if (store && tech) edges.add(user.id, store.id, protocolFor(tech, store.imageTech!.name, store.imageTech!.category), 'data', `references ${ref.name}`, ev);
      }
    }
  }
  return edges.list();

  /**
   * A driver says what a part talks to, not where: a store another project runs (a compose file in an
   * independent example's folder) is not this part's. A store is the user's when the file that runs it sits
   * outside every other part's folder (the root's docker-compose.yml, deploy/), or in the user's own folder or
   * one above it, or when that file runs the user too.
   */
  function sameProject(store: Draft, user: Draft): boolean {
    const places: { folder: string; file?: string }[] = store.services.length
      ? store.services.map((s) => ({ folder: dirOf(s.file), file: s.file }))
      : store.path !== undefined ? [{ folder: dirOf(store.path) }] : [];
    if (!places.length) return true;
    return places.some(({ folder, file }) => {
      const home = nearestUp(projects, folder);
      if (!home || home === user || home.path === '' || (file !== undefined && user.services.some((s) => s.file === file))) return true;
      return user.path !== undefined && user.path.startsWith(`${home.path}/`);
    });
  }
}

/**
 * Of several stores of one technology in a project (auth-mongodb and account-mongodb), the one named after a
 * part is that part's: another part's driver does not reach it, and the part itself uses its own.
 */
function driverTargets(user: Draft, candidates: Draft[], serving: Draft[]): Draft[] {
  if (candidates.length < 2) return candidates;
  const keysOf = (d: Draft) =>
    [...d.names, d.path !== undefined ? d.path.split('/').pop()! : '']
      .map((n) => n.toLowerCase().replace(/[-_.]?(?:service|svc|server|api|app)$/, ''))
      .filter((k) => k.length >= 3);
  const namedFor = (store: Draft, part: Draft) => [...store.names].some((n) => keysOf(part).some((k) => n.toLowerCase().startsWith(`${k}-`) || n.toLowerCase().startsWith(`${k}_`)));
  const mine = candidates.filter((s) => namedFor(s, user));
  if (mine.length) return mine;
  return candidates.filter((s) => !serving.some((p) => p !== user && namedFor(s, p)));
}

/** What a service answers on, from its own code: a gRPC server, else HTTP routes. */
function servedProtocol(c: Container | undefined): string | undefined {
  const apis = c?.apis ?? [];
  if (apis.some((a) => a.style === 'gRPC' && a.role === 'serves')) return 'gRPC';
  // a service that defines its own .proto answers gRPC, even beside a plain HTTP health route
  if (apis.some((a) => a.style === 'gRPC' && a.role !== 'calls')) return 'gRPC';
  if (apis.some((a) => a.style === 'REST' || a.style === 'Web' || a.style === 'GraphQL' || a.style === 'OpenAPI')) return 'HTTP';
  return undefined;
}

function storeProtocol(d: Draft): string | undefined {
  if (!d.imageTech || !isStoreCategory(d.imageTech.category)) return undefined;
  return protocolFor(d.imageTech.id, d.imageTech.name, d.imageTech.category);
}

/** "postgis" is a PostgreSQL, "valkey" speaks Redis: an image may name a flavour of the driver's store. */
export function sameFamily(imageTech: string, driverTech: string): boolean {
  const family: Record<string, string> = { postgis: 'postgresql', timescaledb: 'postgresql', valkey: 'redis', 'redis-stack': 'redis', keydb: 'redis', dragonfly: 'redis', mariadb: 'mysql', percona: 'mysql' };
  return (family[imageTech] ?? imageTech) === (family[driverTech] ?? driverTech);
}

function categoryOfKind(kind: string): Category {
  return kind === 'datastore' ? 'database-relational' : kind === 'cache' ? 'cache' : kind === 'broker' ? 'messaging' : kind === 'search' ? 'search' : kind === 'storage' ? 'object-storage' : 'tool';
}

function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
