/**
 * The High-Level Architecture, inferred with reasons: the style, the layers and how the parts
 * communicate. Each conclusion carries the facts that led to it.
 */
import type { Context } from './context.js';
import { findCycles } from './graph/cycles.js';
import { type Evidence, evidence, mergeEvidence, onlyDeclared } from './evidence.js';
import { type Component, type Container, type Fact, isJobQueue, isMessaging, type Relationship, SERVING_KINDS, type TechnologyUse } from './types.js';

const STORES = new Set(['datastore', 'cache', 'broker', 'search', 'storage']);

function first(ev: Evidence[], n = 2): Evidence[] {
  return ev.slice(0, n);
}


/**
 * `deployable` holds the containers something builds or runs (a Dockerfile, compose, Kubernetes, Procfile,
 * serverless, an Aspire AppHost): only those count towards microservices.
 */
export function inferStyle(containers: Container[], relationships: Relationship[], techs: TechnologyUse[], workspaceRoots: Evidence[], deployable: Set<string>): Fact[] {
  const isDeployable = (c: Container) => c.path !== undefined && deployable.has(c.id);
  const main = containers.filter((c) => c.role === 'main');
  const own = main.filter((c) => c.path !== undefined);
  const running = own.filter((c) => SERVING_KINDS.has(c.kind));
  const functions = own.filter((c) => c.kind === 'function');
  const style: Fact[] = [];
  // only what something deploys counts towards microservices: a package that depends on Express is not one
  const deployedServices = running.filter((c) => c.kind !== 'function' && isDeployable(c));
  if (functions.length && !deployedServices.some((c) => c.kind === 'service')) {
    style.push({ value: 'Serverless', evidence: mergeEvidence(...functions.map((c) => first(c.evidence))) });
  } else if (deployedServices.length >= 3 || (deployedServices.length >= 2 && talkOverNetwork(deployedServices, relationships))) {
    const deployedBy = (c: Container) => first(c.evidence.filter((e) => /Dockerfile|compose|kubernetes|Aspire|helm|procfile/i.test(e.rule)), 1);
    style.push({ value: 'Microservices', evidence: mergeEvidence(...deployedServices.map((c) => (deployedBy(c).length ? deployedBy(c) : first(c.evidence, 1)))) });
  } else if (deployedServices.length >= 1 || own.some((c) => c.kind === 'frontend' && isDeployable(c))) {
    const app = deployedServices[0] ?? own.find((c) => c.kind === 'frontend')!;
    // a frontend the app's own image builds and serves is part of it, not a separate one
    const frontends = own.filter((c) => c.kind === 'frontend' && c !== app && c.servedBy?.id !== app.id);
    const value = frontends.length ? 'Monolith with a separate frontend' : 'Monolith';
    style.push({ value, evidence: mergeEvidence(first(app.evidence), ...frontends.map((f) => first(f.evidence, 1))) });
  } else if (own.filter((c) => c.kind === 'service').length === 1 && own.every((c) => c.kind === 'service' || c.kind === 'library' || insideOf(c, own.find((s) => s.kind === 'service')!))) {
    // one project that serves requests (a Spring Boot app run as a jar, a Django site with its static build
    // inside) is a monolith even with no deployment config here
    style.push({ value: 'Monolith', evidence: first(own.find((c) => c.kind === 'service')!.evidence) });
  } else {
    const clis = own.filter((c) => c.kind === 'cli');
    const libs = own.filter((c) => c.kind === 'library');
    const apps = own.filter((c) => c.kind === 'application' || c.kind === 'frontend');
    // an Android or React Native app is what the modules around it are built into
    const mobile = apps.filter((c) => c.technologies.some((id) => techs.find((t) => t.id === id)?.category === 'mobile'));
    if (mobile.length) style.push({ value: 'Mobile application', evidence: mergeEvidence(...mobile.map((c) => first(c.evidence, 1))) });
    else if (clis.length) style.push({ value: 'Command-line tool', evidence: mergeEvidence(...clis.map((c) => first(c.evidence))) });
    if (libs.length && !mobile.length) {
      const withCommand = libs.some((c) => c.hasCommand);
      const value = (libs.length > 1 ? 'Libraries' : 'Library') + (withCommand && !clis.length ? ' with a command-line interface' : '');
      style.push({ value, evidence: mergeEvidence(...libs.map((c) => first(c.evidence, 1))) });
    }
    const web = apps.filter((c) => c.kind === 'frontend');
    if (!mobile.length && !clis.length && !libs.length && web.length) style.push({ value: 'Web application', evidence: mergeEvidence(...web.map((c) => first(c.evidence, 1))) });
    else if (!mobile.length && !clis.length && !libs.length && apps.length) style.push({ value: 'Application', evidence: mergeEvidence(...apps.map((c) => first(c.evidence, 1))) });
  }
  const brokers = containers.filter((c) => c.kind === 'broker' && c.role === 'main');
  for (const b of brokers) {
    // a Redis that carries one app's background jobs (Sidekiq, Celery) is a job queue, not events between parts
    if (isJobQueue(b)) continue;
    // Spring Cloud Bus (configuration refresh) and Hystrix metrics streams ride on the broker: plumbing, not events
    const users = relationships.filter((r) => r.to === b.id && !r.evidence.every((e) => CONTROL_PLANE.test(e.rule)));
    if (new Set(users.map((r) => r.from)).size >= 2) {
      style.push({ value: 'Event-driven', evidence: mergeEvidence(...users.map((r) => first(r.evidence, 1))) });
      break;
    }
  }
  if (!brokers.length) {
    const messaging = techs.filter((t) => t.category === 'messaging' && t.scope === 'runtime' && t.containers.length >= 2);
    if (messaging.length) style.push({ value: 'Event-driven', evidence: first(messaging[0].evidence, 3) });
  }
  // several projects in one repository: a workspace at the root, or projects side by side that none contains
  const rootWorkspace = workspaceRoots.filter((e) => !e.file.includes('/'));
  const topLevel = own.filter((c) => !own.some((o) => o !== c && insideOf(c, o)));
  if (own.length >= 2 && rootWorkspace.length) style.push({ value: 'Monorepo', evidence: first(rootWorkspace, 2) });
  // (each cited by the manifest or Dockerfile that makes it a project of its own, not the compose file that runs it)
  else if (topLevel.length >= 2) {
    const project = (c: Container) => c.evidence.filter((e) => /manifest|Dockerfile/.test(e.rule)).slice(0, 1);
    style.push({ value: 'Monorepo', evidence: mergeEvidence(...topLevel.slice(0, 3).map((c) => (project(c).length ? project(c) : first(c.evidence, 1)))) });
  }
  return style;
}

const CONTROL_PLANE = /\bspring-cloud-(?:starter-)?bus\b|hystrix-stream|turbine-stream/;

/** Whether a container's folder lies inside another's. */
function insideOf(c: Container, outer: Container): boolean {
  if (c === outer || c.path === undefined || outer.path === undefined) return false;
  return outer.path === '' || c.path.startsWith(`${outer.path}/`);
}

function talkOverNetwork(services: Container[], relationships: Relationship[]): boolean {
  const ids = new Set(services.map((s) => s.id));
  return relationships.some((r) => r.kind === 'runtime' && ids.has(r.from) && ids.has(r.to));
}

export function inferLayers(containers: Container[], components: Component[], relationships: Relationship[]): Fact[] {
  const main = containers.filter((c) => c.role === 'main');
  const layers: Fact[] = [];
  const push = (value: string, ev: Evidence[]) => ev.length && layers.push({ value, evidence: mergeEvidence(ev) });
  const own = main.filter((c) => c.path !== undefined);
  if (own.length === 1) {
    // one codebase: its import layers, then the stores it keeps data in
    const byImports = layersByImports(components, relationships);
    const stores = main.filter((c) => STORES.has(c.kind)).flatMap((c) => first(c.evidence, 1));
    if (byImports.length && stores.length) byImports.push({ value: `data: ${main.filter((c) => STORES.has(c.kind)).map((c) => c.name).sort().join(', ')}`, evidence: mergeEvidence(stores).slice(0, 2) });
    if (byImports.length) return byImports;
  }
  if (own.length >= 2 || main.some((c) => STORES.has(c.kind))) {
    push('Presentation', own.filter((c) => c.kind === 'frontend').flatMap((c) => first(c.evidence, 1)));
    // a function behind API routes answers requests like a service; one on a queue, a stream or a timer works in the background
    // (a Cloudflare Worker with a URL or a fetch handler answers requests too: exposedBy says so)
    const answers = (c: Container) => c.kind === 'function' && (Boolean(c.exposedBy?.length) || Boolean(c.apis?.some((a) => a.role === 'serves' && ['REST', 'Web', 'GraphQL'].includes(a.style))));
    push('Services', own.filter((c) => c.kind === 'service' || answers(c)).flatMap((c) => first(c.evidence, 1)));
    push('Background processing', own.filter((c) => ['worker', 'job', 'function'].includes(c.kind) && !answers(c)).flatMap((c) => first(c.evidence, 1)));
    push('Shared libraries', own.filter((c) => c.kind === 'library').flatMap((c) => first(c.evidence, 1)));
    push('Data', main.filter((c) => STORES.has(c.kind)).flatMap((c) => first(c.evidence, 1)));
    if (layers.length >= 2) return layers;
    layers.length = 0;
    // libraries of one workspace: their layers are what they import from each other
    const byImports = layersByImports(own.map((c) => ({ id: c.id, name: c.name, path: c.path ?? '' })), relationships);
    if (byImports.length) return byImports;
  }
  return layersByImports(components, relationships);
}

const FRAMEWORK_FOLDER = /(?:^|\/)(?:config|bootstrap|routes|database|db|migrations|public|bin)$/;

/**
 * One codebase: its layers are what its imports say. Modules that nothing below them imports form the
 * bottom layer; each layer above imports only layers beneath it (cycles are folded into one node first).
 */
function layersByImports(all: { id: string; name: string; path: string }[], relationships: Relationship[]): Fact[] {
  // a framework's boot and wiring folders (Rails' config, Laravel's bootstrap and routes) sit outside the layers
  const components = all.filter((c) => !FRAMEWORK_FOLDER.test(c.path));
  const ids = new Set(components.map((c) => c.id));
  const edges = relationships.filter((r) => r.kind === 'import' && r.technology !== 'import (types only)' && ids.has(r.from) && ids.has(r.to));
  if (components.length < 2 || !edges.length) return [];
  // modules that import each other in a cycle are one layer: none is above the other (outline's app,
  // server, shared and plugins all in one cycle make no layering at all)
  const group = new Map<string, string>();
  for (const cycle of findCycles([...ids], edges)) for (const m of cycle) group.set(m, cycle[0]);
  const node = (id: string) => group.get(id) ?? id;
  const out = new Map<string, string[]>();
  for (const e of edges) if (node(e.from) !== node(e.to)) out.set(node(e.from), [...(out.get(node(e.from)) ?? []), node(e.to)]);
  // height = longest path down the folded graph, which has no cycle left
  const height = new Map<string, number>();
  const visiting = new Set<string>();
  const measure = (id: string): number => {
    const known = height.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    let h = 0;
    for (const to of out.get(id) ?? []) h = Math.max(h, measure(to) + 1);
    visiting.delete(id);
    height.set(id, h);
    return h;
  };
  const linked = new Set(edges.flatMap((e) => [e.from, e.to]));
  const connected = components.filter((c) => linked.has(c.id));
  const levels = new Map<number, typeof components>();
  for (const c of connected) {
    const h = measure(node(c.id));
    levels.set(h, [...(levels.get(h) ?? []), c]);
  }
  const ordered = [...levels.entries()].sort((a, b) => b[0] - a[0]);
  const unique = new Set(connected.map((c) => c.name)).size === connected.length;
  if (ordered.length < 2) return [];
  return ordered.slice(0, 6).map(([level, comps], i) => {
    const names = comps.map((c) => (unique ? c.name : c.path)).sort();
    const position = i === 0 ? 'top' : level === 0 ? 'bottom' : 'middle';
    const ev = edges.filter((e) => comps.some((c) => c.id === e.from || c.id === e.to)).flatMap((e) => first(e.evidence, 1));
    return { value: `${position}: ${names.join(', ')}`, evidence: mergeEvidence(ev).slice(0, 2) };
  });
}

export function inferCommunication(ctx: Context, containers: Container[], relationships: Relationship[], techs: TechnologyUse[]): Fact[] {
  const facts = new Map<string, Evidence[]>();
  const add = (value: string, ev: Evidence[]) => {
    if (!ev.length) return;
    facts.set(value, [...(facts.get(value) ?? []), ...ev]);
  };
  const apiStyles = new Map<string, Evidence[]>();
  const ownApis = ctx.list('apis').filter(([file]) => ctx.roleOfFile(file) === 'main');
  // a system that serves no gRPC service but calls some (gh dials its codespaces) speaks gRPC as a client: the
  // calls are the evidence, not the .proto files it compiles its stubs from
  const grpcClient = !ownApis.some(([, apis]) => apis.some((a) => a.style === 'gRPC' && a.role === 'serves')) && ownApis.some(([, apis]) => apis.some((a) => a.style === 'gRPC' && a.role === 'calls'));
  // the style the model settled for a route, from the view it reaches (a Django or Rails route to a page is Web)
  const settled = new Map<string, string>();
  for (const c of containers) for (const a of c.apis ?? []) if (a.evidence[0]) settled.set(`${a.evidence[0].file}\0${a.evidence[0].line ?? ''}\0${a.name}`, a.style);
  for (const [file, apis] of ownApis) {
    for (const a of apis) {
      const style = settled.get(`${file}\0${a.line ?? ''}\0${a.name}`) ?? a.style;
      const key = style === 'OpenAPI' ? 'REST' : style;
      if (key === 'CLI' || isMessaging(key) || (key === 'gRPC' && grpcClient && a.role !== 'calls')) continue;
      const list = apiStyles.get(key) ?? [];
      if (list.length < 3) list.push(evidence(file, `${style} ${a.role ?? ''} ${a.name}`.replace(/\s+/g, ' '), a.line));
      apiStyles.set(key, list);
    }
  }
  const label: Record<string, string> = { REST: 'REST over HTTP', Web: 'HTTP pages and forms', GraphQL: 'GraphQL', gRPC: grpcClient ? 'gRPC (as a client)' : 'gRPC', WebSocket: 'WebSockets', tRPC: 'tRPC', SOAP: 'SOAP' };
  for (const [style, ev] of apiStyles) add(label[style] ?? style, ev);
  for (const t of techs) {
    if (t.scope !== 'runtime') continue;
    const own = t.evidence.filter((e) => ctx.roleOfFile(e.file) === 'main');
    // a protocol library the product's code never imports (gh's Gorilla WebSocket, used only by a mock) is no way its parts talk
    if (onlyDeclared(own)) continue;
    const ev = own.slice(0, 2);
    if (t.category === 'api-style') {
      // (an OpenAPI document or generator the code uses at run time describes a REST API, even where no route reader sees the routes)
      const name = /grpc/i.test(t.id) ? label.gRPC : /graphql|apollo/i.test(t.id) ? 'GraphQL' : /trpc/i.test(t.id) ? 'tRPC' : /socket|websocket|ws$/i.test(t.id) ? 'WebSockets' : /soap/i.test(t.id) ? 'SOAP' : /openapi|swagger/i.test(t.id) ? 'REST over HTTP' : undefined;
      if (name) add(name, ev);
    }
    // (Server-Sent Events stream one way over plain HTTP: no WebSocket)
    if (t.category === 'realtime') add(t.id === 'sse' ? 'Server-Sent Events' : 'WebSockets', ev);
  }
  for (const c of containers.filter((c) => c.kind === 'broker' && c.role === 'main')) {
    const users = relationships.filter((r) => r.to === c.id);
    if (users.length) add(`Message queue (${c.name})`, mergeEvidence(...users.map((u) => first(u.evidence, 1))));
  }
  if (![...facts.keys()].some((k) => k.startsWith('Message queue'))) {
    for (const t of techs) {
      if (t.category === 'messaging' && t.scope === 'runtime' && !onlyDeclared(t.evidence)) add(`Message queue (${t.name})`, first(t.evidence.filter((e) => ctx.roleOfFile(e.file) === 'main'), 2));
    }
  }
  const main = new Set(containers.filter((c) => c.role === 'main').map((c) => c.id));
  const http = relationships.filter((r) => r.kind === 'runtime' && r.technology === 'HTTP' && main.has(r.from) && main.has(r.to));
  if (http.length && !facts.has('REST over HTTP')) add('HTTP between services', mergeEvidence(...http.map((r) => first(r.evidence, 1))));
  return [...facts.entries()].sort(([a], [b]) => a.localeCompare(b, 'en')).map(([value, ev]) => ({ value, evidence: mergeEvidence(ev).slice(0, 4) }));
}

/** Users that name a common database, joined: each group with the databases it holds between them. */
function groupsByDatabase(userIds: string[], databasesOf: Map<string, Set<string>>): { users: string[]; databases: string[] }[] {
  const groups: { users: string[]; databases: Set<string> }[] = [];
  for (const u of userIds) {
    const mine = databasesOf.get(u) ?? new Set<string>();
    const joined = groups.filter((g) => [...mine].some((db) => g.databases.has(db)));
    const group = { users: [...joined.flatMap((g) => g.users), u], databases: new Set([...joined.flatMap((g) => [...g.databases]), ...mine]) };
    for (const g of joined) groups.splice(groups.indexOf(g), 1);
    groups.push(group);
  }
  // (the databases named by more than one of a group's users: the ones they share)
  return groups.map((g) => ({
    users: g.users.filter((u) => userIds.includes(u)).sort((a, b) => userIds.indexOf(a) - userIds.indexOf(b)),
    databases: [...g.databases].filter((db) => g.users.filter((u) => databasesOf.get(u)?.has(db)).length > 1).sort(),
  }));
}

export function buildObservations(
  containers: Container[],
  relationships: Relationship[],
  cycles: { level: string; members: string[] }[],
  names: Map<string, string>,
  containerOf: Map<string, string> = new Map(),
  databasesOf: Map<string, Set<string>> = new Map(),
): Fact[] {
  const out: Fact[] = [];
  // the widest cycles first, a few of them: a long list of small ones hides the ones that matter
  const worst = [...cycles].sort((a, b) => (a.level === b.level ? 0 : a.level === 'container' ? -1 : 1) || b.members.length - a.members.length).slice(0, 5);
  for (const cycle of worst) {
    const ev = relationships.filter((r) => cycle.members.includes(r.from) && cycle.members.includes(r.to)).flatMap((r) => first(r.evidence, 1));
    const members = cycle.members.map((m) => names.get(m) ?? m);
    const shown = members.length > 8 ? `${members.slice(0, 8).join(', ')} and others` : members.join(', ');
    const where = cycle.level === 'component' && containerOf.has(cycle.members[0]) ? ` of ${names.get(containerOf.get(cycle.members[0])!) ?? containerOf.get(cycle.members[0])}` : '';
    out.push({ value: `Maintainability: ${cycle.level === 'container' ? 'packages' : 'modules'} ${shown}${where} import each other in a cycle; breaking it would let them change and be tested separately.`, evidence: mergeEvidence(ev).slice(0, 4) });
  }
  const services = new Set(containers.filter((c) => c.role === 'main' && c.path !== undefined && SERVING_KINDS.has(c.kind)).map((c) => c.id));
  for (const store of containers.filter((c) => c.role === 'main' && c.kind === 'datastore')) {
    // a driver in two manifests does not make one shared store (each service may have its own database on
    // the same server, or use none at run time): only configuration that points at this store counts
    const configured = (e: Evidence) => !/\bdependency\b|^import\b/.test(e.rule);
    const users = relationships.filter((r) => r.to === store.id && services.has(r.from) && r.evidence.some(configured));
    // two compose files that each run a "db" beside the app (the dev setup's and the production one) run two
    // databases: users share the store only when one file runs them both, or their own configuration names it
    const storeFiles = new Set(store.evidence.map((e) => e.file));
    const configFiles = new Map<string, Set<string>>();
    for (const u of users) for (const e of u.evidence.filter(configured)) configFiles.set(u.from, (configFiles.get(u.from) ?? new Set()).add(e.file));
    const anywhere = (id: string) => [...configFiles.get(id)!].some((f) => !storeFiles.has(f));
    const together = (a: string, b: string) => anywhere(a) || anywhere(b) || [...configFiles.get(a)!].some((f) => configFiles.get(b)!.has(f));
    const candidates = [...new Set(users.map((u) => u.from))];
    const userIds = candidates.filter((a) => candidates.some((b) => b !== a && together(a, b)));
    if (userIds.length < 2) continue;
    // (cited by the configuration that points them there, not by the driver they all declare)
    const cite = (ids: string[]) => mergeEvidence(...users.filter((u) => ids.includes(u.from)).map((u) => first(u.evidence.filter(configured), 1)));
    const who = (ids: string[]) => ids.map((u) => names.get(u) ?? u).join(' and ');
    // one server, a database each (jdbc:postgresql://postgres/dborder, .../dbshipping): their data is apart, and
    // only those whose configuration names the same database (a data loader filling product's) share data
    const databases = userIds.map((u) => databasesOf.get(u));
    if (!databases.every((d) => d?.size)) {
      out.push({ value: `Scalability: ${store.name} is shared by ${who(userIds)}; a change to its data or a load peak from one reaches the others.`, evidence: cite(userIds) });
      continue;
    }
    const sharing = groupsByDatabase(userIds, databasesOf).filter((g) => g.users.length > 1);
    if (!sharing.length) {
      out.push({ value: `Scalability: ${store.name} serves ${who(userIds)}, each with a database of its own; a load peak from one reaches the others.`, evidence: cite(userIds) });
      continue;
    }
    for (const g of sharing) {
      const dbs = `database${g.databases.length > 1 ? 's' : ''} ${g.databases.join(', ')}`;
      out.push({ value: `Scalability: ${store.name} is shared by ${who(g.users)} (${dbs}); a change to its data or a load peak from one reaches the others.`, evidence: cite(g.users) });
    }
  }
  return out;
}
