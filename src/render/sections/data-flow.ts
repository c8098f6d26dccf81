/**
 * Data Flow: how users reach the system, how requests and messages move between its parts, and where
 * data ends up. Paths follow runtime and data relationships from the entry points.
 */
import type { Evidence } from '../../model/evidence.js';
import { type ArchitectureModel, type Container, isMessaging, type Relationship, SERVING_KINDS } from '../../model/types.js';
import { bullet, code, files, joinWords, text } from '../markdown.js';
import { kindLabel, type View } from '../view.js';
import { preferOwn } from './stack.js';

const MAX_PATHS = 8;
const MAX_DEPTH = 6;
/** The node that stands for all the alternative databases in a path. */
const ALTERNATIVES = '\u0000alternatives';

export function renderDataFlow(model: ArchitectureModel, view: View): string {
  const lines: string[] = [];
  const flow = view.containerRelationships.filter((r) => r.kind === 'runtime' || r.kind === 'data');
  const entries = entryPoints(view, flow);
  lines.push(bullet('User Interaction', userInteraction(model, view, entries)));
  lines.push(bullet('Data Processing', processing(view, flow)));
  lines.push(bullet('Storage', storage(view)));
  const paths = mainPaths(view, flow, entries);
  if (paths.length) {
    lines.push('', 'Main paths through the system:', '');
    paths.forEach((p, i) => lines.push(`${i + 1}. ${p}`));
  }
  return lines.join('\n');
}

function entryPoints(view: View, flow: Relationship[]): Container[] {
  const incoming = new Set(flow.map((r) => r.to));
  const frontends = view.own.filter((c) => c.kind === 'frontend');
  if (frontends.length) return frontends;
  const exposed = view.own.filter((c) => c.exposedBy?.length);
  if (exposed.length) return exposed;
  // an orchestrator (an Aspire AppHost) starts the services; users do not reach it
  const orchestrators = new Set(view.containerRelationships.filter((r) => r.kind === 'deploy').map((r) => r.from));
  return view.own.filter((c) => ['service', 'function', 'job', 'worker', 'cli', 'application'].includes(c.kind) && !incoming.has(c.id) && !orchestrators.has(c.id));
}

function userInteraction(model: ArchitectureModel, view: View, entries: Container[]): string {
  const ingress = model.deployment.runtime.find((f) => f.value === 'Kubernetes');
  if (!entries.length) {
    // the library the others build on (gson, not gson-extras), else the one named like the project
    const libs = view.own.filter((c) => c.kind === 'library');
    const users = (c: Container) => new Set(view.usedBy(c).map((r) => r.from)).size;
    const named = (c: Container) => (c.name === model.system.name.value ? 1 : 0);
    const lib = [...libs].sort((a, b) => users(b) - users(a) || named(b) - named(a))[0];
    if (lib) return `programs call **${text(lib.name)}** through its public API${lib.entryPoints?.length ? ` (${files(lib.entryPoints.flatMap((e) => e.evidence), 1)})` : ''}`;
    return 'no entry point (frontend, public service, command or job) found';
  }
  const parts = entries.slice(0, 6).map((c) => {
    const mobile = c.kind === 'frontend' || c.kind === 'application' ? clientEvidence(model, c, 'mobile') : undefined;
    if (mobile) return `**${text(c.name)}** as a mobile app (${files(mobile, 1)})`;
    const desktop = c.kind === 'frontend' || c.kind === 'application' ? clientEvidence(model, c, 'desktop') : undefined;
    if (desktop) return `**${text(c.name)}** as a desktop app (${files(desktop, 1)})`;
    const browser = c.kind === 'frontend' || (c.kind === 'service' && c.technologies.some((id) => model.technologies.find((t) => t.id === id)?.category === 'frontend-framework'));
    const server = c.servedBy ? view.byId.get(c.servedBy.id) : undefined;
    if (server) return `**${text(c.name)}** in the browser, served by **${text(server.name)}** (${files(c.servedBy!.evidence, 1)})`;
    const how = browser ? 'in the browser' : c.kind === 'cli' ? 'from the command line' : c.kind === 'job' ? 'on a schedule' : c.kind === 'worker' ? 'through the messages it consumes' : c.kind === 'library' ? 'through its API' : c.kind === 'function' ? (c.apis?.some((a) => a.role === 'serves' && ['REST', 'Web', 'GraphQL'].includes(a.style)) ? 'over HTTP, through the API routes that trigger it' : c.exposedBy?.length ? 'over HTTP' : 'through the events that trigger it') : c.kind === 'application' ? 'by running it' : c.ports?.length ? `over ${speaksHttp(model, c) ? 'HTTP' : 'the network'} (it listens on port ${c.ports[0]})` : 'over the network';
    // a function is reached through its routes: cite where they are declared, not its manifest
    const routes = c.kind === 'function' ? c.apis?.filter((a) => a.role === 'serves').flatMap((a) => a.evidence) : undefined;
    return `**${text(c.name)}** ${how} (${files(c.exposedBy ?? (routes?.length ? routes : c.evidence), 1)})`;
  });
  void ingress;
  if (entries.length > parts.length) parts.push(`${entries.length - parts.length} more`);
  return `users reach ${joinWords(parts)}`;
}

/** Ports web servers and frameworks listen on by default. */
const WEB_PORTS = new Set([80, 443, 3000, 4000, 5000, 8000, 8008, 8080, 8081, 8443, 8888, 9000]);

/** A port alone says nothing of the protocol (mini-redis listens on 6379): a web framework, HTTP routes or a web port do. */
function speaksHttp(model: ArchitectureModel, c: Container): boolean {
  if (c.apis?.some((a) => a.role !== 'calls' && ['REST', 'Web', 'GraphQL', 'OpenAPI'].includes(a.style))) return true;
  if (c.technologies.some((id) => model.technologies.find((t) => t.id === id)?.category === 'backend-framework')) return true;
  return (c.ports ?? []).some((p) => WEB_PORTS.has(p));
}

const SHELL_API = /^(?:npm dependency|import) @tauri-apps\/(?:api|plugin-)/;

/**
 * A frontend built on a mobile framework (React Native, Expo, Flutter) is an app on a phone, one built on a desktop
 * shell (Tauri, Electron) a window on a computer: the evidence of that framework in its own folder.
 */
function clientEvidence(model: ArchitectureModel, c: Container, category: 'mobile' | 'desktop'): Evidence[] | undefined {
  const prefix = c.path ? `${c.path}/` : '';
  for (const t of model.technologies) {
    if (t.category !== category || !c.technologies.includes(t.id)) continue;
    // a web app that calls into Tauri when it runs in its window (@tauri-apps/api) also runs in the browser:
    // only the shell itself (its config, its crate, its CLI) makes a desktop app
    const own = t.evidence.filter((e) => e.file.startsWith(prefix) && !SHELL_API.test(e.rule));
    // the manifest that declares the framework says it best
    if (own.length) return [...own.filter((e) => /dependency/.test(e.rule)), ...own.filter((e) => !/dependency/.test(e.rule))];
  }
  return undefined;
}

function processing(view: View, flow: Relationship[]): string {
  const services = view.own.filter((c) => SERVING_KINDS.has(c.kind));
  if (!services.length) {
    if (view.own.length > 1) return `in process, across ${joinWords(view.own.slice(0, 8).map((c) => `**${text(c.name)}**`))}${view.own.length > 8 ? ' and more' : ''}`;
    const mods = view.model.components.slice(0, 6).map((m) => code(m.path));
    return mods.length ? `in process, in the modules ${mods.join(', ')}` : 'in process; no service or worker found';
  }
  const sentences = services.slice(0, 8).map((c) => {
    const byTechnology = new Map<string, string[]>();
    const telemetry: string[] = [];
    for (const r of flow) {
      if (r.from !== c.id) continue;
      if (view.byId.get(r.to)?.kind === 'monitoring') telemetry.push(view.name(r.to));
      else byTechnology.set(r.technology, [...(byTechnology.get(r.technology) ?? []), r.to]);
    }
    const targets = [...new Set([...byTechnology].flatMap(([how, ids]) => view.targetNames(ids).map((name) => `${name} (${how})`)))].sort();
    // (a function exposed over HTTP, a Worker with a URL, serves requests with no route table to show)
    const apis = c.apis?.filter((a) => !isMessaging(a.style)).length || (c.kind === 'function' && c.exposedBy?.length) ? ' serves requests' : '';
    const sinks = [...new Set(telemetry)].sort();
    return `**${text(c.name)}**${apis || ` runs as a ${kindLabel(c.kind)}`}${targets.length ? ` and talks to ${joinWords(targets.map(text))}` : ''}${sinks.length ? `${targets.length ? ',' : ''} and sends telemetry to ${joinWords(sinks.map(text))}` : ''}`;
  });
  if (services.length > sentences.length) sentences.push(`and ${services.length - sentences.length} more`);
  return sentences.join('; ');
}

function storage(view: View): string {
  if (!view.stores.length) {
    const runtime = view.model.technologies.filter((t) => t.scope === 'runtime' && /^database-|^cache$|^object-storage$/.test(t.category));
    // SQLite, H2 or DuckDB run inside the process, on a file: no client talks to a server
    const embedded = runtime.filter((t) => t.category === 'database-embedded');
    const techs = runtime.filter((t) => t.category !== 'database-embedded');
    const parts: string[] = [];
    if (embedded.length) parts.push(`in ${joinWords(embedded.map((t) => `${text(t.name)} (${files(preferOwn(t), 1)})`))}, embedded in the process`);
    if (techs.length) parts.push(`through client libraries for ${joinWords(techs.map((t) => `${text(t.name)} (${files(preferOwn(t), 1)})`))}`);
    if (parts.length) return `${parts.join('; ')}; no datastore is deployed from this repository`;
    return 'no datastore found in the code or configuration';
  }
  const describe = (s: Container, what: string) => {
    const users = [...new Set(view.usedBy(s).map((r) => view.name(r.from)))].sort();
    return `${text(s.name)} (${what}${users.length ? `, used by ${joinWords(users.map(text))}` : ''}; ${files(s.evidence, 1)})`;
  };
  const alternatives = view.stores.filter((s) => view.alternativeStores.has(s.id));
  const entries = view.stores.filter((s) => !view.alternativeStores.has(s.id)).map((s) => describe(s, kindLabel(s.kind)));
  if (alternatives.length) {
    const users = [...new Set(alternatives.flatMap((s) => view.usedBy(s).map((r) => view.name(r.from))))].sort();
    const { names: choices, embedded } = view.storeChoices();
    const names = `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
    entries.push(`${text(names)} (databases ${users.length ? joinWords(users.map(text)) : 'the code'} ${users.length > 1 ? 'support' : 'supports'}; one of them holds the data, chosen in configuration; ${files([...alternatives.flatMap((s) => s.evidence), ...embedded.flatMap((t) => t.evidence)], 2)})`);
  }
  return entries.join('; ');
}

/** Maximal simple paths from each entry point, a message broker passing the flow on to its consumers. */
function mainPaths(view: View, flow: Relationship[], entries: Container[]): string[] {
  const next = new Map<string, Relationship[]>();
  // telemetry leaves every part for the collector, and a broker keeps its cluster state in ZooKeeper: neither is a step of a request
  for (const r of flow) if (view.byId.get(r.to)?.kind !== 'monitoring' && view.byId.get(r.to)?.kind !== 'coordination') next.set(r.from, [...(next.get(r.from) ?? []), r]);
  // consumers reach a broker in the code, but data flows from the broker to them
  for (const r of flow) {
    const to = view.byId.get(r.to);
    const from = view.byId.get(r.from);
    if (to?.kind === 'broker' && from && consumes(from)) {
      next.set(r.to, [...(next.get(r.to) ?? []), { ...r, from: r.to, to: r.from }]);
      next.set(r.from, (next.get(r.from) ?? []).filter((x) => x !== r));
    }
  }
  const paths: { line: string; hops: string[] }[] = [];
  const walk = (id: string, seen: string[], line: string, hops: string[]) => {
    if (paths.length >= 2000) return;
    const outs = (next.get(id) ?? []).filter((r) => !seen.includes(r.to)).sort((a, b) => (a.to < b.to ? -1 : 1));
    if (!outs.length || seen.length >= MAX_DEPTH) {
      if (seen.length > 1) paths.push({ line, hops });
      return;
    }
    for (const r of outs) walk(r.to, [...seen, r.to], `${line} → **${text(nameOf(r.to))}** (${r.technology})`, [...hops, `${id}>${r.to}`]);
  };
  // a path ends at "MySQL or PostgreSQL" once, not at each database a driver could reach
  for (const [from, outs] of next) {
    const alternatives = outs.filter((r) => view.alternativeStores.has(r.to));
    if (alternatives.length > 1) next.set(from, [...outs.filter((r) => !view.alternativeStores.has(r.to)), { ...alternatives[0], to: ALTERNATIVES }]);
  }
  const nameOf = (id: string) => (id === ALTERNATIVES ? view.targetNames([...view.alternativeStores])[0] : view.name(id));
  for (const e of entries) walk(e.id, [e.id], `**${text(e.name)}**`, []);
  // the few paths that together cover the most hops, shown in the order they were found
  const chosen: number[] = [];
  const covered = new Set<string>();
  while (chosen.length < MAX_PATHS) {
    let best = -1;
    let gain = 0;
    paths.forEach((p, i) => {
      const g = p.hops.filter((h) => !covered.has(h)).length;
      if (g > gain) (best = i), (gain = g);
    });
    if (best === -1) break;
    chosen.push(best);
    for (const h of paths[best].hops) covered.add(h);
  }
  return chosen.sort((a, b) => a - b).map((i) => paths[i].line);
}

function consumes(c: Container): boolean {
  if (c.apis?.some((a) => isMessaging(a.style) && a.role === 'consumes')) return true;
  if (c.apis?.some((a) => isMessaging(a.style) && a.role === 'produces')) return false;
  return c.kind === 'worker';
}
