/**
 * Stage 4: from facts and technology hits to the architecture model. Every builder here is a function of
 * the context and what came before it, in this order: containers, technologies, the graph, relationships,
 * then the inferences that read them all.
 */
import type { ApiFact } from '../detect/facts.js';
import { buildToolOf } from '../detect/manifests/gradle.js';
import type { TechnologyHit } from '../detect/technologies.js';
import { technologyById } from '../catalogue/match.js';
import { buildCodemap } from './codemap.js';
import { type Draft, buildDrafts, DATASTORE_KINDS, ecosystemsOf, isDevCompose, workspaceToolingManifests } from './containers.js';
import { Context, type ModelInput, slug } from './context.js';
import { buildDeployment } from './deployment.js';
import { type Evidence, evidence, mergeEvidence, onlyDeclared, provisioned } from './evidence.js';
import { finalizeContainer } from './finalize.js';
import { baseOf, codeOwnerLookup, codeOwnerOf, dirOf, nearestUp } from './graph/paths.js';
import { importGraph } from './imports.js';
import { buildObservations, inferCommunication, inferLayers, inferStyle } from './infer.js';
import { buildIntro } from './intro.js';
import { furtherReading } from './references.js';
import { languageOfFolder, languageShares } from './languages.js';
import { aspireProjects, aspireResources } from './aspire.js';
import { buildRelationships, isStoreCategory, sameFamily } from './relationships.js';
import { aggregateTechnologies } from './technologies.js';
import { type ArchitectureModel, type Container, isJobQueue, isMessaging, type Relationship, SCHEMA_VERSION, type TechnologyUse } from './types.js';

export function buildModel(input: ModelInput): ArchitectureModel {
  const ctx = new Context(input);
  // a folder touched on the way (a build context whose service belongs to another role) but backed by no
  // manifest, Dockerfile or service is no part: without evidence there is no claim
  const drafts = buildDrafts(ctx).filter((d) => d.evidence.length > 0);
  ensureRootDraft(ctx, drafts);

  // which languages each part builds: a file goes to the part that builds its language (codeOwnerOf)
  const ecosystems = ecosystemsOf(drafts);
  const ownerOf = makeOwner(ctx, drafts, ecosystems);
  // (a technology named like the project is the project itself: its own image, its published SDK)
  const hits = withoutUnusedClients(withoutOwnImages(drafts, input.hits).filter((h) => !ctx.isOwnProject(h.tech)), ownerOf);
  const techs = aggregateTechnologies(ctx, hits, ownerOf, workspaceToolingManifests(ctx, drafts));
  const languageOf = languageOfFolder(withoutMinified(input));
  let containers = drafts.map((d) => finalizeContainer(ctx, d, techs, languageOf));

  // a store the code talks to through a driver is an element of its own, when the system runs somewhere
  const deployable = new Set(drafts.filter((d) => d.deployable && d.path !== undefined).map((d) => d.id));
  const runsSomewhere = containers.some((c) => c.role === 'main' && deployable.has(c.id) && ['service', 'worker', 'function', 'job', 'frontend'].includes(c.kind));
  // a store the infrastructure code provisions is one whatever runs beside it (functions from a template)
  const storeDrafts = implicitStores(drafts, containers, techs, runsSomewhere);
  drafts.push(...storeDrafts);
  containers = containers.concat(storeDrafts.map((d) => finalizeContainer(ctx, d, techs, languageOf)));
  containers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  attachApis(ctx, drafts, containers, ecosystems);
  markLoadGenerators(containers, techs);
  markServedFrontends(ctx, drafts, containers);
  markExposed(ctx, drafts, containers);
  markHttpWorkers(ctx, drafts, containers);
  markConsumers(containers, techs);
  const components = buildCodemap(ctx, containers);
  const graph = importGraph(ctx, containers, components, ecosystems, programPairs(drafts));
  const relationships = buildRelationships({ ctx, drafts, containers, techs, importEdges: graph.containerEdges, deployable: runsSomewhere, ecosystems });
  markJobQueues(containers, relationships, techs, ecosystems);
  markSharedLibraries(ctx, containers, drafts, relationships);
  const intro = buildIntro(ctx, drafts);
  // a root project with no name of its own takes the project's name rather than the folder's (before names are
  // told apart: the folder's name may be a part's, excalidraw's packages/excalidraw)
  const root = containers.find((c) => c.path === '' && c.name === input.rootName);
  if (root && intro.name.value !== input.rootName) root.name = intro.name.value;
  disambiguateNames(containers, new Map(drafts.filter((d) => d.imageTech).map((d) => [d.id, d.imageTech!.name])));
  const componentRelationships = graph.componentEdges.map((e) => ({
    id: `${e.from}->${e.to}:import`,
    from: e.from,
    to: e.to,
    technology: e.typeOnly ? 'import (types only)' : 'import',
    description: 'imports',
    kind: 'import' as const,
    weight: e.weight,
    evidence: e.evidence,
  }));

  const workspaceRoots: Evidence[] = [];
  for (const [file, manifests] of ctx.each('manifests')) {
    if (ctx.roleOfFile(file) !== 'main') continue;
    for (const m of manifests) if (m.workspaces?.length) workspaceRoots.push(evidence(file, `${buildToolOf(m.ecosystem, file)} workspaces`, m.line));
  }
  const names = new Map<string, string>([...containers.map((c) => [c.id, c.name] as const), ...components.map((c) => [c.id, c.name] as const)]);
  const allRelationships = relationships.concat(componentRelationships).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  return {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: 'archmd', version: input.version },
    system: {
      id: `system:${slug(intro.name.value)}`,
      name: intro.name,
      ...(intro.purpose ? { purpose: intro.purpose } : {}),
      features: intro.features,
      style: inferStyle(containers, relationships, techs, workspaceRoots, deployable),
      layers: inferLayers(containers, components, allRelationships),
      communication: inferCommunication(ctx, containers, relationships, techs),
      references: furtherReading(input.files.map((f) => f.path)).map((p) => ({ value: p, evidence: [evidence(p, 'documentation file')] })),
    },
    // a file skipped as minified (a vendored jQuery plugin) is not code the team writes
    languages: languageShares(withoutMinified(input)),
    technologies: techs,
    containers,
    components,
    relationships: allRelationships,
    cycles: graph.cycles,
    deployment: buildDeployment(ctx, techs),
    observations: buildObservations(containers, allRelationships, graph.cycles, names, new Map(components.map((c) => [c.id, c.containerId])), databasesOf(ctx, containers, drafts)),
    warnings: input.warnings,
    stats: {
      files: input.files.length,
      bytes: input.files.reduce((n, f) => n + f.size, 0),
      analysedFiles: input.stats.analysedFiles,
      skippedFiles: input.stats.skippedFiles,
      cachedFiles: input.stats.cachedFiles,
    },
  };
}

/** Each part and a program split off it, as "part\0program" (see Draft.programs). */
function programPairs(drafts: Draft[]): Set<string> {
  const idByPath = new Map(drafts.filter((d) => d.path !== undefined).map((d) => [d.path!, d.id]));
  return new Set(drafts.flatMap((d) => (d.programs ?? []).map((p) => `${d.id}\0${idByPath.get(p) ?? ''}`)));
}

/**
 * A database client or ORM a part declares and never imports or configures, in a language where code must import
 * a package to use it (todo-nodejs-mongo's leftover mongoose and mongodb beside the @azure/cosmos its code uses, a static web
 * app's ioredis), is no sign the part talks to that store, unless something the part does use loads drivers
 * by name (an ORM or a job library it imports: SQLAlchemy's psycopg2, Knex's pg, Celery's redis).
 */
function withoutUnusedClients(hits: TechnologyHit[], ownerOf: (hit: TechnologyHit) => string | undefined): TechnologyHit[] {
  const byOwner = new Map<string, Map<string, TechnologyHit[]>>();
  for (const h of hits) {
    const owner = ownerOf(h);
    if (owner === undefined) continue;
    const techs = byOwner.get(owner) ?? new Map<string, TechnologyHit[]>();
    byOwner.set(owner, techs);
    techs.set(h.tech.id, [...(techs.get(h.tech.id) ?? []), h]);
  }
  const unused = new Set<TechnologyHit>();
  // (only where every use of a package is an import: npm and Go; a Python or PHP framework loads drivers and
  // caches from a settings string, Django's CACHES, Laravel's 'client' => 'predis', and a Python extra is optional)
  const declaredOnly = (list: TechnologyHit[]) =>
    list.every((h) => h.scope === 'runtime' && /(?:^|\/)(?:package\.json|go\.mod)$/.test(h.file)) && onlyDeclared(list.map((h) => evidence(h.file, h.rule, h.line)));
  for (const techs of byOwner.values()) {
    const loads = [...techs.values()].some((list) => (list[0].tech.category === 'orm' || list[0].tech.category === 'messaging') && !declaredOnly(list));
    if (loads) continue;
    for (const list of techs.values()) {
      const category = list[0].tech.category;
      if ((isStoreCategory(category) || category === 'orm') && declaredOnly(list)) for (const h of list) unused.add(h);
    }
  }
  return unused.size ? hits.filter((h) => !unused.has(h)) : hits;
}

/** A package that other projects here import and that nothing runs on its own is a library, private or not. */
function markSharedLibraries(ctx: Context, containers: Container[], drafts: Draft[], relationships: ReturnType<typeof buildRelationships>) {
  const deployable = new Set(drafts.filter((d) => d.deployable).map((d) => d.id));
  // a .NET project says what it builds (OutputType Exe, a web or worker SDK): an app that tests reference stays one
  const declaredApp = new Set(drafts.filter((d) => d.manifests.some((m) => m.fact.ecosystem === 'nuget' && m.fact.kind === 'application')).map((d) => d.id));
  const main = new Set(containers.filter((c) => c.role === 'main').map((c) => c.id));
  const importedByMain = (c: Container) => relationships.some((r) => r.to === c.id && r.kind === 'import' && main.has(r.from));
  for (const c of containers) {
    if (c.kind !== 'application' || deployable.has(c.id) || declaredApp.has(c.id) || c.entryPoints?.some((e) => /^(bin|start|script)/.test(e.value))) continue;
    if (importedByMain(c)) c.kind = 'library';
  }
  // a crate with a library target and a small binary beside it (lemmy_utils prints its default config) that
  // the other crates import is their library, whatever web framework its types mention
  const byId = new Map(drafts.map((d) => [d.id, d]));
  for (const c of containers) {
    const d = byId.get(c.id);
    if (!d || c.path === undefined || !['service', 'cli', 'application'].includes(c.kind) || deployable.has(c.id) || c.ports?.length) continue;
    const libTarget = d.manifests.some((m) => m.fact.ecosystem === 'cargo') && ctx.fileByPath.has(`${c.path ? `${c.path}/` : ''}src/lib.rs`);
    if (libTarget && importedByMain(c)) c.kind = 'library';
    // a workspace package built on a server framework that nothing starts (no start or dev script, no bin, no
    // image) and that an app here imports is mounted by that app (a Hono app a Next.js route hands requests to)
    const npmOnly = d.manifests.length > 0 && d.manifests.every((m) => m.fact.ecosystem === 'npm');
    const started = d.manifests.some((m) => m.fact.kind === 'cli' || ctx.input.facts.get(m.file)?.packageEntry?.startScripts?.length);
    if (c.kind === 'service' && npmOnly && !started && importedByMain(c)) c.kind = 'library';
  }
}

/**
 * Compose services that publish a port, from the main compose files (from the others only when no main one
 * publishes): a compose file for development or tests publishes every port for debugging; the main one the way in.
 */
function composePublished(ctx: Context): { name: string; ev: Evidence }[] {
  const main: { name: string; ev: Evidence }[] = [];
  const dev: { name: string; ev: Evidence }[] = [];
  for (const [file, services] of ctx.each('services')) {
    if (ctx.roleOfFile(file) !== 'main') continue;
    for (const s of services) {
      if (s.source !== 'compose' || !s.published?.length) continue;
      (isDevCompose(file) ? dev : main).push({ name: s.name, ev: evidence(file, `compose publishes port ${s.published[0]} of ${s.name}`, s.line) });
    }
  }
  // a service's own compose file in its folder (dispatch/docker-compose.yaml) is for working on it alone:
  // the shallowest compose files describe the system
  const chosen = main.length ? main : dev;
  const depth = (e: { ev: Evidence }) => e.ev.file.split('/').length;
  const top = Math.min(...chosen.map(depth));
  return chosen.filter((e) => depth(e) === top);
}

/** Workloads that Kubernetes exposes: behind a LoadBalancer or NodePort Service, or an Ingress or route. */
function markExposed(ctx: Context, drafts: Draft[], containers: Container[]) {
  const services = new Map<string, { selector?: Record<string, string>; exposed?: Evidence }>();
  const workloads: { name: string; labels: Record<string, string> }[] = [];
  const routed: { name: string; ev: Evidence }[] = [];
  for (const [file, objects] of ctx.each('k8sObjects')) {
    if (ctx.roleOfFile(file) !== 'main') continue;
    for (const o of objects) {
      if (o.kind === 'Service') {
        const prior = services.get(o.name) ?? {};
        services.set(o.name, {
          selector: o.selector ?? prior.selector,
          exposed: o.serviceType === 'LoadBalancer' || o.serviceType === 'NodePort' ? evidence(file, `Kubernetes ${o.serviceType} Service ${o.name}`, o.line) : prior.exposed,
        });
      } else if (o.backends?.length) {
        for (const b of o.backends) routed.push({ name: b, ev: evidence(file, `Kubernetes ${o.kind} ${o.name} routes to ${b}`, o.line) });
      } else if (o.labels) workloads.push({ name: o.name, labels: o.labels });
    }
  }
  const exposedServices: { name: string; ev: Evidence }[] = [...routed];
  for (const [name, s] of services) if (s.exposed) exposedServices.push({ name, ev: s.exposed });
  exposedServices.push(...composePublished(ctx));
  // an Aspire AppHost gives the outside an endpoint of the projects it marks WithExternalHttpEndpoints()
  for (const d of drafts) {
    if (!d.orchestrator) continue;
    const projects = aspireProjects(ctx, d, drafts);
    for (const r of aspireResources(ctx, d)) {
      const project = r.external ? projects.get(r.name) : undefined;
      const c = project ? containers.find((x) => x.id === project.id) : undefined;
      if (c) c.exposedBy = mergeEvidence(c.exposedBy ?? [], [evidence(r.file, `Aspire AppHost gives ${r.name} external HTTP endpoints`, r.line)]);
    }
  }
  const byDraftName = new Map<string, string>();
  for (const d of drafts) for (const n of d.names) if (!byDraftName.has(n)) byDraftName.set(n, d.id);
  const byId = new Map(containers.map((c) => [c.id, c]));
  for (const { name, ev } of exposedServices) {
    const selector = services.get(name)?.selector;
    const targets = new Set<string>([name]);
    if (selector) {
      for (const w of workloads) if (Object.entries(selector).every(([k, v]) => w.labels[k] === v)) targets.add(w.name);
    }
    for (const t of targets) {
      const c = byId.get(byDraftName.get(t) ?? '');
      if (c) c.exposedBy = mergeEvidence(c.exposedBy ?? [], [ev]);
    }
  }
}

/**
 * Cloudflare Workers that answer HTTP: the config gives them a URL (routes, a workers.dev subdomain, static
 * assets), or the file they start from handles `fetch`. One that only handles cron triggers, queue batches or
 * mail works in the background, as a function on events.
 */
function markHttpWorkers(ctx: Context, drafts: Draft[], containers: Container[]) {
  const byId = new Map(containers.map((c) => [c.id, c]));
  for (const d of drafts) {
    const c = byId.get(d.id);
    if (!c) continue;
    for (const { file, fact } of d.services) {
      if (fact.source !== 'wrangler') continue;
      const fetch = fact.entry !== undefined ? ctx.input.facts.get(fact.entry)?.workerHandlers?.find((h) => h.name === 'fetch') : undefined;
      const ev = fact.http ? evidence(file, fact.http.via, fact.http.line) : fetch ? evidence(fact.entry!, 'Workers fetch handler', fetch.line) : undefined;
      if (ev) c.exposedBy = mergeEvidence(c.exposedBy ?? [], [ev]);
    }
  }
}

/**
 * A deployed part that listens on no port, serves no route and only consumes a queue (a Kafka consumer
 * built as a console app) is a worker, not a service.
 */
function markConsumers(containers: Container[], techs: TechnologyUse[]) {
  const backend = new Set(techs.filter((t) => t.category === 'backend-framework').map((t) => t.id));
  for (const c of containers) {
    if (c.kind !== 'service' || c.ports?.length || c.exposedBy?.length || c.technologies.some((id) => backend.has(id))) continue;
    const apis = c.apis ?? [];
    if (apis.length && apis.every((a) => isMessaging(a.style)) && apis.some((a) => a.role === 'consumes')) c.kind = 'worker';
  }
}

/** The databases each part's configuration names on its server (jdbc:postgresql://postgres/dborder -> dborder). */
function databasesOf(ctx: Context, containers: Container[], drafts: Draft[]): Map<string, Set<string>> {
  const byPath = new Map(containers.filter((c) => c.path !== undefined).map((c) => [c.path!, c]));
  const out = new Map<string, Set<string>>();
  const add = (id: string, database: string) => out.set(id, (out.get(id) ?? new Set()).add(database));
  for (const [file, stores] of ctx.each('datastores')) {
    if (ctx.roleOfFile(file) !== 'main') continue;
    const owner = nearestUp(byPath, dirOf(file));
    if (!owner) continue;
    for (const s of stores) if (s.database) add(owner.id, s.database);
  }
  // an Aspire AppHost hands each project the databases it references (postgres.AddDatabase("catalogdb"))
  for (const host of drafts.filter((d) => d.orchestrator)) {
    const resources = aspireResources(ctx, host);
    const databases = new Map(resources.filter((r) => r.variable && r.method === 'AddDatabase').map((r) => [r.variable!, r.name]));
    const projects = aspireProjects(ctx, host, drafts);
    for (const r of resources) {
      const user = projects.get(r.name);
      for (const variable of user ? (r.references ?? []) : []) if (databases.has(variable)) add(user!.id, databases.get(variable)!);
    }
  }
  return out;
}

/**
 * A Redis that a part reaches through a job library (Sidekiq, BullMQ, RQ, Laravel Horizon, whose dependency
 * implies Redis) holds the job queue: a broker, not the system's database, even when the same part also keeps
 * its cache or sessions there (outline's Bull beside ioredis, a Rails app's Sidekiq beside its cache store).
 */
function markJobQueues(containers: Container[], relationships: Relationship[], techs: TechnologyUse[], ecosystems: ReadonlyMap<string, ReadonlySet<string>>): void {
  const redis = techs.find((t) => t.id === 'redis');
  if (!redis) return;
  const byPath = new Map(containers.filter((c) => c.path !== undefined).map((c) => [c.path!, c]));
  const byId = new Map(containers.map((c) => [c.id, c]));
  // where a job library that runs on Redis is declared: Redis seen there is that library's
  const at = (e: Evidence) => `${e.file}\0${e.line ?? ''}`;
  const jobLibraries = new Set(
    techs.filter((t) => t.category === 'messaging' && technologyById(t.id)?.implies?.includes('redis')).flatMap((t) => t.evidence.map(at)),
  );
  // what each part's code and manifests say it uses Redis through (a URL or an image says where, not what for)
  const ownerOfFile = codeOwnerLookup(byPath, (c) => ecosystems.get(c.id));
  const throughJobs = new Set<string | undefined>();
  for (const e of redis.evidence) {
    if (/dependency|^import /.test(e.rule) && e.rule.endsWith('(implies Redis)') && jobLibraries.has(at(e))) throughJobs.add(ownerOfFile(e.file)?.id);
  }
  const viaJobs = (user: Container): boolean => throughJobs.has(user.id);
  for (const store of containers) {
    if (store.kind !== 'datastore' || !isJobQueue(store)) continue;
    const users = [...new Set(relationships.filter((r) => r.to === store.id).map((r) => r.from))].map((id) => byId.get(id)).filter((c): c is Container => c?.path !== undefined);
    if (users.some(viaJobs)) store.kind = 'broker';
  }
}

/**
 * Routes, RPC services, schemas and topics, on the container whose folder holds the file; a route a template
 * sends to one of its functions (a SAM Api event) on that function.
 */
function attachApis(ctx: Context, drafts: Draft[], containers: Container[], ecosystems: ReadonlyMap<string, ReadonlySet<string>>) {
  const byPath = new Map(containers.filter((c) => c.path !== undefined).map((c) => [c.path!, c]));
  const byId = new Map(containers.map((c) => [c.id, c]));
  const byService = new Map<string, Container>();
  for (const d of drafts) for (const s of d.services) if (byId.has(d.id)) byService.set(`${s.file}\0${s.fact.name}`, byId.get(d.id)!);
  const pageViews = pageViewsByOwner(ctx, byPath, ecosystems);
  const railsView = railsTemplates(ctx);
  const specs: [string, ApiFact[]][] = [];
  for (const [file, apis] of ctx.each('apis')) {
    if (ctx.roleOfFile(file) !== 'main' && ctx.roleOfFile(file) !== 'tooling') continue;
    const folderOwner = codeOwnerOf(byPath, file, (c) => ecosystems.get(c.id));
    // an API description outside every part (openfaas/faas's api-docs/) is settled once the parts' routes are known
    if (!folderOwner && apis.some((a) => a.style === 'OpenAPI')) {
      specs.push([file, apis]);
      continue;
    }
    for (const a of apis) {
      const owner = (a.service !== undefined ? byService.get(`${file}\0${a.service}`) : undefined) ?? folderOwner;
      if (!owner) continue;
      // the commands of a maintainer's script (fastapi's scripts/docs.py, scripts/translate.py) are the
      // repository's tooling, not an interface of the part around it
      if (a.style === 'CLI' && ctx.roleOfFile(file) === 'tooling' && owner.role === 'main') continue;
      const list = (owner.apis ??= []);
      if (list.length >= 500) continue;
      // a route to a view of the site's own that renders a template or answers a form serves the site's pages,
      // not an API; one whose view answers with JSON is REST
      const view = a.style !== 'REST' || a.handler === undefined ? undefined : a.handler.includes('#') ? railsView(file, a.handler, a.name) : pageViews(owner, dirOf(file), a.handler);
      const page = view !== undefined && view.answers !== 'data';
      const style = page ? 'Web' : a.style;
      const ev = [evidence(file, `${style} ${a.role ?? 'definition'}`, a.line)];
      if (page) ev.push(evidence(view.file, view.answers === 'page' ? `view ${a.handler} renders a page` : `view ${a.handler} handles a form or redirects`, view.line));
      list.push({ style, name: a.name, ...(a.role ? { role: a.role } : {}), evidence: ev });
    }
  }
  for (const [file, apis] of specs) {
    const owner = describedServer(apis, containers);
    if (!owner) continue;
    const list = (owner.apis ??= []);
    for (const a of apis) if (list.length < 500) list.push({ style: a.style, name: a.name, ...(a.role ? { role: a.role } : {}), evidence: [evidence(file, `${a.style} ${a.role ?? 'definition'}`, a.line)] });
  }
}

/**
 * The part whose code serves the routes an API description lists: at least half of the description's paths,
 * and more than any other part's; none when no part's routes match (a description of someone else's API).
 */
function describedServer(apis: ApiFact[], containers: Container[]): Container | undefined {
  // "/system/function/{functionName}" and gorilla's "/system/function/{name:[" are one path
  const shape = (route: string) => route.replace(/^[A-Z]+\s+/, '').replace(/\{[^/]*\}?[^/]*/g, '{}').replace(/\/+$/, '') || '/';
  const described = new Set(apis.filter((a) => a.style === 'REST').map((a) => shape(a.name)));
  if (!described.size) return undefined;
  const scored = containers
    .map((c) => {
      const served = new Set((c.apis ?? []).filter((a) => a.style === 'REST' && a.role === 'serves').map((a) => shape(a.name)));
      return { c, n: [...described].filter((p) => served.has(p)).length };
    })
    .filter((s) => s.n * 2 >= described.size)
    .sort((a, b) => b.n - a.n);
  return scored.length && (scored.length === 1 || scored[0].n > scored[1].n) ? scored[0].c : undefined;
}

type KnownView = { file: string; line?: number; answers: 'page' | 'data' | 'form' };

/**
 * The template a Rails route's controller action renders: app/views/<controller>/<action>.html.erb (or .haml,
 * .slim, a Turbo Stream) is a page; .json.jbuilder answers with data. A POST, PATCH, PUT or DELETE to a
 * controller that renders HTML takes a form (create, update, destroy) and redirects back to its pages.
 */
function railsTemplates(ctx: Context): (routesFile: string, handler: string, route: string) => KnownView | undefined {
  let byFolder: Map<string, string[]> | undefined;
  return (routesFile, handler, route) => {
    if (!byFolder) {
      byFolder = new Map();
      for (const path of ctx.fileByPath.keys()) {
        if (!/(?:^|\/)app\/views\//.test(path)) continue;
        const folder = dirOf(path);
        byFolder.set(folder, [...(byFolder.get(folder) ?? []), baseOf(path)]);
      }
    }
    const root = routesFile.slice(0, Math.max(0, routesFile.indexOf('config/routes')));
    const [controller, action] = handler.split('#');
    const folder = `${root}app/views/${controller}`;
    const templates = byFolder.get(folder) ?? [];
    const of = (format: RegExp) => templates.find((t) => t.startsWith(`${action}.`) && format.test(t));
    const page = of(/\.(?:html|turbo_stream)\./);
    if (page) return { file: `${folder}/${page}`, answers: 'page' };
    const data = of(/\.json\./);
    if (data) return { file: `${folder}/${data}`, answers: 'data' };
    const html = templates.find((t) => /\.html\./.test(t));
    return !route.startsWith('GET ') && html ? { file: `${folder}/${html}`, answers: 'form' } : undefined;
  };
}

/**
 * The Django view a urls.py names: the one its own app defines (views.py or a views/ package beside it, what
 * `from . import views` imports), else the only one of that name in the container. Two apps often both
 * have a `pause` or an `index`, one of them the API's.
 */
function pageViewsByOwner(
  ctx: Context,
  byPath: Map<string, Container>,
  ecosystems: ReadonlyMap<string, ReadonlySet<string>>,
): (owner: Container, urlsFolder: string, name: string) => KnownView | undefined {
  const byApp = new Map<string, Map<string, KnownView>>();
  const byOwner = new Map<Container, Map<string, KnownView | null>>();
  for (const [file, list] of ctx.each('views')) {
    if (ctx.roleOfFile(file) !== 'main') continue;
    const owner = codeOwnerOf(byPath, file, (c) => ecosystems.get(c.id));
    if (!owner) continue;
    const folder = dirOf(file);
    const app = baseOf(folder) === 'views' ? dirOf(folder) : folder;
    const inApp = byApp.get(app) ?? new Map<string, KnownView>();
    byApp.set(app, inApp);
    const inOwner = byOwner.get(owner) ?? new Map<string, KnownView | null>();
    byOwner.set(owner, inOwner);
    for (const v of list) {
      const known = { file, line: v.line, answers: v.answers };
      if (!inApp.has(v.name)) inApp.set(v.name, known);
      // null: defined by several apps, so the name alone does not say which
      inOwner.set(v.name, inOwner.has(v.name) ? null : known);
    }
  }
  // an app with views of its own names its own (a `checks` it does not define is not the front end's page);
  // an API app's form handlers answer other programs (a provider's status callback), not a browser
  return (owner, urlsFolder, name) => {
    const inApp = byApp.get(urlsFolder);
    const view = inApp ? inApp.get(name) : (byOwner.get(owner)?.get(name) ?? undefined);
    return view && view.answers === 'form' && /(?:^|[-_])api(?:$|[-_])/i.test(baseOf(urlsFolder)) ? undefined : view;
  };
}

/** With no manifest at all, the root is the one project, if it has code. */
function ensureRootDraft(ctx: Context, drafts: Draft[]) {
  if (drafts.some((d) => d.path !== undefined && d.role === 'main')) return;
  const code = ctx.input.files.filter((f) => f.languageType === 'programming' && f.role === 'main' && !f.generated);
  if (!code.length) return;
  drafts.unshift({
    id: 'container:root',
    path: '',
    names: new Set(),
    manifests: [],
    dockerfiles: [],
    services: [],
    ports: new Set(),
    role: 'main',
    evidence: code.slice(0, 3).map((f) => evidence(f.path, 'source file')),
    deployable: false,
  });
}

/** Which container a technology hit belongs to: the runtime container running that image, else the deepest folder. */
function makeOwner(ctx: Context, drafts: Draft[], ecosystems: ReadonlyMap<string, ReadonlySet<string>>): (hit: TechnologyHit) => string | undefined {
  const byPath = new Map(drafts.filter((d) => d.path !== undefined).map((d) => [d.path!, d.id]));
  const ownerOfFile = codeOwnerLookup(byPath, (id) => ecosystems.get(id));
  const runtimeByFile = new Map<string, Draft[]>();
  const runtimeByFolder = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (d.path !== undefined) continue;
    for (const s of d.services) runtimeByFile.set(s.file, [...(runtimeByFile.get(s.file) ?? []), d]);
    for (const s of d.services) runtimeByFolder.set(dirOf(s.file), [...(runtimeByFolder.get(dirOf(s.file)) ?? []), d]);
  }
  // each file's services, by the part that runs them
  const runnerOf = new Map<string, string>();
  for (const d of drafts) for (const s of d.services) runnerOf.set(`${s.file}\0${s.fact.name}`, d.id);
  return (hit) => {
    if (hit.rule.startsWith('image ')) {
      const ref = hit.rule.slice('image '.length);
      const runtime = runtimeByFile.get(hit.file)?.find((d) => d.image === ref || d.services.some((s) => s.fact.image === ref));
      if (runtime) return runtime.id;
      // a compose service's image is the part's that runs that service: one no part runs (adminer or a mail
      // catcher beside the dev setup) belongs to none, not to the project around the compose file
      const services = (ctx.input.facts.get(hit.file)?.services ?? []).filter((s) => s.image === ref);
      const runners = services.map((s) => runnerOf.get(`${hit.file}\0${s.name}`));
      if (services.length && runners.every((r) => r === undefined)) return undefined;
      if (runners[0] !== undefined) return runners[0];
    }
    // a product's own configuration beside the compose file that runs the product (contrib/docker-compose/Caddyfile
    // next to caddy.yml's caddy:2) configures that product, not the project whose folder holds it
    if (hit.rule.startsWith('file ')) {
      const runner = runtimeByFolder.get(dirOf(hit.file))?.find((d) => d.imageTech?.id === hit.tech.id);
      if (runner) return runner.id;
    }
    return ownerOfFile(hit.file);
  };
}

/**
 * A store that runs apart from the code: it has a server image, a URL scheme or a cloud resource type.
 * Caffeine or lru-cache live inside the process and are libraries, not elements of the architecture.
 */
function isRemoteStore(id: string): boolean {
  const m = technologyById(id)?.match;
  return Boolean(m && (m.image?.length || m.urlScheme?.length || m.terraformResource?.length || m.cloudformation?.length));
}

/** Managed stores that also serve another store's protocol, so a client of that store may be talking to them. */
const SERVES_PROTOCOL_OF: Record<string, string[]> = { 'cosmos-db': ['mongodb', 'cassandra'], 'amazon-documentdb': ['mongodb'], 'amazon-keyspaces': ['cassandra'] };

function implicitStores(drafts: Draft[], containers: Container[], techs: ReturnType<typeof aggregateTechnologies>, runsSomewhere: boolean): Draft[] {
  // (a database only the dev container runs is no store of the system)
  const existing = new Set(drafts.filter((d) => d.imageTech && d.role === 'main').map((d) => d.imageTech!.id));
  const ids = new Set(drafts.map((d) => d.id));
  const appLike = new Set(containers.filter((c) => c.role === 'main' && ['service', 'worker', 'function', 'job', 'application', 'frontend'].includes(c.kind)).map((c) => c.id));
  const driverEvidenceOf = (t: (typeof techs)[number]) => t.evidence.filter((e) => /dependency|import|URL|datasource|adapter|ENGINE|JDBC|dialect|DB_CONNECTION|binding/.test(e.rule));
  // in a language whose imports are read, a client library declared and never imported or configured
  // (mealie's paho-mqtt, BookStack's predis) is no sign the system uses that store
  // (nor is one the code imports only where it runs on without it: redash's query runners, each a connector
  // enabled when its driver is installed, reach the databases users query, not where redash keeps its data)
  const viaDriver = (t: (typeof techs)[number], driverEvidence = driverEvidenceOf(t)) => {
    const used = driverEvidence.filter((e) => !e.rule.startsWith('import (optional) '));
    return runsSomewhere && t.containers.some((c) => appLike.has(c)) && used.length > 0 && !onlyDeclared(used);
  };
  const out: Draft[] = [];
  for (const t of techs) {
    if (t.scope !== 'runtime' || !isStoreCategory(t.category) || [...existing].some((id) => sameFamily(id, t.id))) continue;
    if (!isRemoteStore(t.id)) continue;
    // an extension or flavour of another store in use (pgvector, PostGIS in PostgreSQL) is that store, not a second one
    // (Cloud Storage for Firebase implies Firebase, a platform, not a store it is a flavour of)
    if ((technologyById(t.id)?.implies ?? []).some((id) => techs.some((o) => o.id === id && o.scope === 'runtime' && isStoreCategory(o.category)))) continue;
    const driverEvidence = driverEvidenceOf(t);
    // a managed store the infrastructure code provisions (a DynamoDB table in a SAM template) is an element
    // too, unless the system already has a store of that kind (the RDS behind a compose postgres)
    const provisionedBy = t.evidence.filter(provisioned);
    const group = (category: string) => (category.startsWith('database-') || category === 'cache' ? 'data' : category);
    // (a second provisioned store of the same kind is a second store: DynamoDB tables beside a Neptune graph)
    const kindTaken = drafts.some((d) => d.role === 'main' && d.imageTech && group(d.imageTech.category) === group(t.category));
    // the code's MongoDB driver talks to the Cosmos DB the infrastructure provisions: one store, not two
    const servesDriver = (SERVES_PROTOCOL_OF[t.id] ?? []).some((id) => techs.some((o) => o.id === id && o.scope === 'runtime' && viaDriver(o)));
    if (viaDriver(t, driverEvidence)) {
      // used through a driver by the system's own code
    } else if (provisionedBy.length && !kindTaken && !servesDriver) {
      driverEvidence.push(...provisionedBy);
    } else continue;
    // the variables that point at it say what it is for: a Redis behind CELERY_BROKER_URL carries the jobs
    const variables = t.evidence.map((e) => /^\w+:\/\/ URL in (\w+)$/.exec(e.rule)?.[1]).filter((v): v is string => Boolean(v));
    out.push({
      id: ids.has(`datastore:${t.id}`) ? `datastore:${t.id}-system` : `datastore:${t.id}`,
      names: new Set([t.name, ...variables]),
      manifests: [],
      dockerfiles: [],
      services: [],
      imageTech: { id: t.id, name: t.name, category: t.category, match: {} },
      ports: new Set(),
      role: 'main',
      evidence: mergeEvidence(driverEvidence.slice(0, 3)),
      deployable: false,
    });
  }
  return out;
}

export { DATASTORE_KINDS };

function withoutMinified(input: ModelInput): ModelInput['files'] {
  const minified = new Set(input.warnings.filter((w) => w.file && w.message === 'skipped: looks minified').map((w) => w.file));
  return minified.size ? input.files.filter((f) => !minified.has(f.path)) : input.files;
}

/**
 * Parts that share a folder name (feature/foryou/api, feature/topic/api) are told apart by the folder
 * above them: a table of five "api" rows says nothing.
 */
function disambiguateNames(containers: Container[], productOf: Map<string, string>): void {
  const byName = new Map<string, Container[]>();
  for (const c of containers) if (c.path !== undefined) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    // as many folders from the end of each path as it takes to tell them apart: foryou/api and topic/api,
    // orders/src/table_update and products/src/table_update; the root keeps the plain name
    const named = group.filter((c) => c.path !== '');
    const depth = Math.max(...named.map((c) => c.path!.split('/').length));
    const label = (c: Container, k: number) => {
      const parts = c.path!.split('/');
      const suffix = parts.slice(-k).join('/');
      // a folder named like the part names it with its parents; another folder is said beside the name
      // (mealie's Nuxt package in frontend/ is called mealie too, like the project at the root)
      return parts[parts.length - 1] === c.name ? (k === 1 ? `${parts[parts.length - 2] ?? ''}/${c.name}`.replace(/^\//, '') : suffix) : `${c.name} (${suffix})`;
    };
    for (let k = 1; k <= depth; k++) {
      const labels = named.map((c) => label(c, k));
      if (new Set(labels).size === labels.length || k === depth) {
        named.forEach((c, i) => (c.name = labels[i]));
        break;
      }
    }
  }
  // two compose files' "db", one PostgreSQL and one MariaDB, are told apart by the product each runs
  const runtime = new Map<string, Container[]>();
  for (const c of containers) if (c.path === undefined) runtime.set(`${c.role}\0${c.name}`, [...(runtime.get(`${c.role}\0${c.name}`) ?? []), c]);
  for (const group of runtime.values()) {
    const products = group.map((c) => productOf.get(c.id));
    if (group.length < 2 || products.some((p) => p === undefined) || new Set(products).size < group.length) continue;
    group.forEach((c, i) => (c.name = `${c.name} (${products[i]})`));
  }
}

/**
 * The image a compose service builds from this repository's code is the project itself, whatever product
 * of the same name the catalogue knows (umami's ghcr.io/umami-software/umami is not a third-party Umami).
 */
function withoutOwnImages(drafts: Draft[], hits: TechnologyHit[]): TechnologyHit[] {
  const own = new Set<string>();
  for (const d of drafts) {
    if (d.path === undefined || d.imageTech) continue;
    for (const s of d.services) if (s.fact.image) own.add(`${s.file}\0image ${s.fact.image}`);
  }
  return own.size ? hits.filter((h) => !own.has(`${h.file}\0${h.rule}`)) : hits;
}

const LOAD_TESTERS = new Set(['locust', 'k6', 'artillery', 'jmeter', 'gatling']);

/**
 * A part whose code is a load test (a Locust or k6 script in an image, robot-shop's load-gen) sends traffic
 * at the system to try it: it belongs with the tests, not among the parts users reach.
 */
function markLoadGenerators(containers: Container[], techs: TechnologyUse[]): void {
  for (const c of containers) {
    if (c.role !== 'main' || c.path === undefined || c.apis?.some((a) => a.role === 'serves')) continue;
    if (techs.some((t) => t.category === 'backend-framework' && t.containers.includes(c.id))) continue;
    if (techs.some((t) => LOAD_TESTERS.has(t.id) && t.containers.includes(c.id))) c.role = 'test';
  }
}

/**
 * A multi-stage Dockerfile that builds a frontend's folder and copies the result into another part's image
 * (the full-stack FastAPI template's backend/Dockerfile) makes one application: that part serves the pages.
 */
function markServedFrontends(ctx: Context, drafts: Draft[], containers: Container[]): void {
  const frontends = containers.filter((c) => c.kind === 'frontend' && c.role === 'main' && c.path);
  if (!frontends.length) return;
  const byId = new Map(containers.map((c) => [c.id, c]));
  for (const d of drafts) {
    const server = byId.get(d.id);
    if (!server || server.kind === 'frontend' || d.path === undefined) continue;
    for (const file of d.dockerfiles) {
      const facts = ctx.input.facts.get(file);
      if ((facts?.images ?? []).filter((i) => i.role === 'base').length < 2) continue;
      for (const f of frontends) {
        if (f.servedBy) continue;
        const copied = facts?.dockerBuild?.sources.find((s) => s.path === f.path || s.path.startsWith(`${f.path}/`));
        if (copied) f.servedBy = { id: server.id, evidence: [evidence(file, `multi-stage build copies ${f.path} into the image`, copied.line)] };
      }
    }
  }
}

