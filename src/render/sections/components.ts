/**
 * Core Components: a table of the system's own containers, a paragraph per container (description,
 * technologies, entry points, interfaces, modules), the datastores, and what is only an example or fixture.
 */
import { type ArchitectureModel, type Container, isMessaging } from '../../model/types.js';
import { bullet, code, files, joinWords, table, text, withEvidence } from '../markdown.js';
import { kindLabel, type View } from '../view.js';

const MAX_ROWS = 60;
const MAX_PARAGRAPHS = 25;

export function renderComponents(model: ArchitectureModel, view: View): string {
  const out: string[] = [];
  const own = view.own;
  if (!own.length && !view.stores.length) return 'No source project (manifest, Dockerfile or source folder) was found in this repository.';
  if (own.length) {
    const rows = own.slice(0, MAX_ROWS).map((c) => [
      `**${text(c.name)}**`,
      c.path === '' ? '`.`' : code(c.path!),
      kindLabel(c.kind),
      c.language ?? '',
      text(view.techNames(c, 5).join(', ')),
      text(shortList(dependsOnNames(view, c), 8)),
    ]);
    out.push(table(['Component', 'Path', 'Kind', 'Language', 'Technologies', 'Depends on'], rows));
    if (own.length > MAX_ROWS) out.push('', `The table shows the first ${MAX_ROWS} by path; \`archmd analyze --json\` lists them all.`);
  }
  if (own.length <= MAX_PARAGRAPHS) {
    own.forEach((c, i) => out.push('', paragraph(i + 1, c, model, view)));
  }
  if (view.stores.length || view.external.length) {
    out.push('', '**Datastores, brokers and other runtime services**', '');
    out.push(
      table(
        ['Name', 'Kind', 'Image or driver', 'Used by'],
        [...view.stores, ...view.external].map((c) => [
          `**${text(c.name)}**`,
          kindLabel(c.kind),
          c.image ? code(c.image) : files(c.evidence, 1),
          text([...new Set(view.usedBy(c).map((r) => view.name(r.from)))].sort().join(', ')),
        ]),
      ),
    );
  }
  const aside = view.aside.filter((c) => c.path !== undefined);
  if (aside.length) {
    const byRole = new Map<string, string[]>();
    for (const c of aside) byRole.set(c.role, [...(byRole.get(c.role) ?? []), code(c.path!)]);
    const label: Record<string, string> = { example: 'Examples', test: 'Tests', fixture: 'Test fixtures', docs: 'Documentation', tooling: 'Tooling' };
    out.push('', 'Not part of the running system, so left out above: ' + [...byRole.entries()].map(([role, paths]) => `${label[role] ?? role} (${paths.slice(0, 8).join(', ')}${paths.length > 8 ? ', …' : ''})`).join('; ') + '.');
  }
  return out.join('\n');
}

/** A table cell stays readable: the first few names, then how many more (the paragraph below lists them all). */
function shortList(names: string[], max: number): string {
  return names.length > max ? `${names.slice(0, max).join(', ')} and ${names.length - max} more` : names.join(', ');
}

function dependsOnNames(view: View, c: Container): string[] {
  return view.targetNames(view.dependsOn(c).map((r) => r.to)).sort((a, b) => a.localeCompare(b, 'en'));
}

function paragraph(n: number, c: Container, model: ArchitectureModel, view: View): string {
  const lines = [`${n}. **${text(c.name)}** (${kindLabel(c.kind)}${c.path !== undefined ? `, ${c.path === '' ? 'repository root' : code(c.path)}` : ''}):`];
  const all = view.techNames(c, Infinity);
  const techs = all.slice(0, 10);
  lines.push(`   ${bullet('Description', describe(c, techs, view))}`);
  // a list cut short says so: invoicing's PostgreSQL is the eleventh, not missing
  const more = all.length > techs.length ? ` and ${all.length - techs.length} more` : '';
  lines.push(`   ${bullet('Technologies', techs.length ? text(techs.join(', ')) + more : (c.language ?? 'no framework or library detected'))}`);
  if (c.entryPoints?.length) {
    const more = c.entryPoints.length > 5 ? `; and ${c.entryPoints.length - 5} more` : '';
    lines.push(`   ${bullet('Entry points', c.entryPoints.slice(0, 5).map((e) => withEvidence(text(e.value), e.evidence, 1)).join('; ') + more)}`);
  }
  const interfaces = summariseApis(model, c);
  if (interfaces) lines.push(`   ${bullet('Interfaces', interfaces)}`);
  const deps = view.dependsOn(c);
  if (deps.length) {
    const grouped = new Map<string, string[]>();
    const alternatives = deps.filter((r) => view.alternativeStores.has(r.to));
    const alternativesName = view.targetNames(alternatives.map((r) => r.to))[0];
    for (const r of deps) {
      const name = view.alternativeStores.has(r.to) ? alternativesName : view.name(r.to);
      grouped.set(name, [...(grouped.get(name) ?? []), r.technology]);
    }
    lines.push(`   ${bullet('Talks to', [...grouped.entries()].sort(([a], [b]) => a.localeCompare(b, 'en')).map(([to, how]) => `${text(to)} (${[...new Set(how)].sort().join(', ')})`).join(', '))}`);
  }
  const modules = model.components.filter((m) => m.containerId === c.id);
  if (modules.length) lines.push(`   ${bullet('Modules', modules.map((m) => (m.description ? `${code(m.path)}: ${text(m.description.value)}` : code(m.path))).join(', '))}`);
  lines.push(`   ${bullet('Evidence', files(c.evidence, 3))}`);
  return lines.join('\n');
}

function describe(c: Container, techs: string[], view: View): string {
  if (c.description) return withEvidence(text(c.description.value), c.description.evidence, 1);
  const what = kindLabel(c.kind);
  const article = /^[aeiou]/i.test(what) ? 'An' : 'A';
  const built = techs.length ? ` built with ${joinWords(techs.slice(0, 3).map(text))}` : c.language ? ` in ${c.language}` : '';
  const users = [...new Set(view.usedBy(c).filter((r) => view.byId.get(r.from)?.role === c.role).map((r) => view.name(r.from)))].sort();
  const used = users.length ? `, used by ${joinWords([...users.slice(0, 4).map(text), ...(users.length > 4 ? [`${users.length - 4} more`] : [])])}` : '';
  // the repository root is what the system's purpose (from the root README) describes: saying it has no
  // description would contradict the Purpose line
  const root = c.path === '' && view.model.system.purpose !== undefined;
  return `${article} ${what}${built}${used}${root ? ', described under Purpose above' : ' (no description in its manifest or README)'}.`;
}

/**
 * Where each kind of interface is defined: files, relative to the container, so adding a route to an
 * existing file changes nothing here while a new API surface does.
 */
function summariseApis(model: ArchitectureModel, c: Container): string {
  void model;
  if (!c.apis?.length) return '';
  const label: Record<string, string> = { REST: 'REST routes', Web: 'web pages and forms', OpenAPI: 'OpenAPI', GraphQL: 'GraphQL', gRPC: 'gRPC', WebSocket: 'WebSockets', tRPC: 'tRPC', SOAP: 'SOAP', CLI: 'commands', Queue: 'queues', Task: 'background tasks' };
  const byStyle = new Map<string, Set<string>>();
  // a service that runs a gRPC server is described by what it serves, not by every service in a shared .proto;
  // a part that serves none is a client of the services its code calls (gh dials its codespaces' CodespaceHost),
  // and its .proto files only define the ones it does not call
  const serves = c.apis.some((a) => a.style === 'gRPC' && a.role === 'serves');
  const called = new Set(c.apis.filter((a) => a.style === 'gRPC' && a.role === 'calls').map((a) => a.name));
  const apis = c.apis.filter((a) => a.style !== 'gRPC' || (serves ? a.role === 'serves' : a.role === 'calls' || !called.has(a.name.split('.')[0])));
  for (const a of apis) {
    let key = label[a.style] ?? a.style;
    if (a.style === 'gRPC' || isMessaging(a.style)) {
      const names = apis.filter((x) => x.style === a.style && x.role === a.role).map((x) => (a.style === 'gRPC' ? x.name.split('.')[0] : x.name));
      key = `${key}${a.role ? ` (${a.role})` : ''} ${[...new Set(names)].sort().slice(0, 6).join(', ')}`;
    }
    const file = a.evidence[0]?.file ?? '';
    const rel = c.path && file.startsWith(`${c.path}/`) ? file.slice(c.path.length + 1) : file;
    byStyle.set(key, (byStyle.get(key) ?? new Set()).add(rel));
  }
  return [...byStyle.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en'))
    .map(([style, where]) => {
      const list = [...where].sort();
      return `${text(style)} in ${list.slice(0, 6).map(code).join(', ')}${list.length > 6 ? ', …' : ''}`;
    })
    .join('; ');
}
