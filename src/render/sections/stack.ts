/** Technology Stack: the system's own technologies by area, each with the file it was seen in. */
import { type ArchitectureModel, SERVING_KINDS, type TechnologyUse } from '../../model/types.js';
import { roleOf } from '../../scan/classify.js';
import { bullet, files, text } from '../markdown.js';
import { namedLanguages } from '../view.js';

const MAX_PER_LINE = 20;

/** Categories shown even when only the developers install them: their tools, and a CSS framework (Tailwind, Sass) compiled into the pages users get. */
const DEV_TOOLS = new Set(['css', 'testing', 'linter', 'build-tool', 'package-manager', 'ci-cd', 'documentation', 'tool', 'container', 'orchestration', 'iac', 'hosting', 'cloud', 'security']);

/** What a system that serves nothing runs on: its platform and, when it has one, a server framework it embeds. */
const RUNTIME = ['runtime', 'backend-framework', 'web-server'];

const SIDE_NEUTRAL = new Set(['http-client', 'validation', 'state-management', 'api-style']);

const LINES: [string, string[], boolean][] = [
  // label, categories, always shown (the template's own fields)
  ['Frontend', ['frontend-framework', 'ui-library', 'css', 'state-management', 'mobile', 'desktop'], true],
  ['Backend', ['runtime', 'backend-framework', 'orm', 'api-style', 'web-server', 'validation', 'http-client'], true],
  ['Database', ['database-relational', 'database-document', 'database-key-value', 'database-wide-column', 'database-graph', 'database-time-series', 'database-vector', 'database-embedded', 'cache', 'search', 'object-storage'], true],
  // brokers and the queues' clients; a WebSocket or push library carries no messages between parts
  ['Messaging', ['messaging'], false],
  ['Realtime', ['realtime'], false],
  // cron, job queues' timers and cloud schedulers start work; they carry no messages
  ['Scheduling', ['scheduler'], false],
  ['Auth', ['auth'], false],
  // scanners and hardening (Trivy, Snyk, helmet) are not how users sign in
  ['Security', ['security'], false],
  ['AI', ['ai'], false],
  ['Observability', ['observability', 'error-tracking', 'analytics'], false],
  ['DevOps', ['container', 'orchestration', 'service-mesh', 'coordination', 'iac', 'ci-cd', 'hosting', 'cloud', 'cloud-service'], true],
  ['Testing', ['testing'], false],
  ['Other Tools', [], true],
];

export function renderStack(model: ArchitectureModel): string {
  // development-only libraries (a web framework a test server uses) are not the stack; development tools are
  const own = model.technologies.filter((t) => (t.scope === 'runtime' || t.scope === 'optional' || (t.scope === 'dev' && DEV_TOOLS.has(t.category))) && t.category !== 'language');
  const placed = new Set<string>();
  const lines: string[] = [];
  // a language's evidence is its share of the code's bytes, by extension; a file count would make every added
  // file a change to the document, and `archmd check` fail for it (the counts are in analyze --json)
  const languages = namedLanguages(model).map((l) => `${l.name} (${l.share < 0.01 ? 'under 1%' : `${Math.round(l.share * 100)}%`} of code)`);
  if (languages.length) lines.push(bullet('Languages', languages.join(', ')));
  // an HTTP client or a validation library belongs to the side that uses it: only frontends, then the frontend
  // (a mobile or desktop app is a client too: Retrofit in an Android app is not a backend)
  const categoryOf = new Map(model.technologies.map((t) => [t.id, t.category]));
  const clientSide = new Set(model.containers.filter((c) => c.kind === 'frontend' || c.technologies.some((id) => ['mobile', 'desktop'].includes(categoryOf.get(id) ?? ''))).map((c) => c.id));
  // RxJS in a NestJS service manages streams on the server: a state library no client uses is no frontend's
  const serverOnly = (t: TechnologyUse) => t.category === 'state-management' && t.containers.length > 0 && !t.containers.some((id) => clientSide.has(id));
  // Android or Electron that only libraries use is a platform they target (okhttp's android target), no frontend
  const kindById = new Map(model.containers.map((c) => [c.id, c.kind]));
  const platformOfLibraries = (t: TechnologyUse) => ['mobile', 'desktop'].includes(t.category) && t.containers.length > 0 && t.containers.every((id) => kindById.get(id) === 'library');
  const frontendOnly = (t: TechnologyUse) => SIDE_NEUTRAL.has(t.category) && t.containers.length > 0 && t.containers.every((id) => clientSide.has(id));
  // a library or a command has no backend: what it runs on is its runtime (.NET, a server framework it embeds);
  // a protocol, an ORM or a client library it uses (gh's gRPC and Protocol Buffers) is one of its other tools
  const serves = model.containers.some((c) => c.role === 'main' && SERVING_KINDS.has(c.kind));
  for (const [line, lineCategories, always] of LINES) {
    const label = line === 'Backend' && !serves ? 'Runtime' : line;
    const categories = label === 'Runtime' ? RUNTIME : lineCategories;
    let techs: TechnologyUse[];
    if (label === 'Other Tools') techs = own.filter((t) => !placed.has(t.id));
    else
      techs = own.filter(
        (t) =>
          (categories.includes(t.category) || (label === 'Frontend' && frontendOnly(t)) || (label === 'Runtime' && platformOfLibraries(t))) &&
          (t.scope !== 'dev' || label === 'Testing' || label === 'DevOps' || t.category === 'css') &&
          !(label === 'Frontend' && (serverOnly(t) || platformOfLibraries(t))),
      );
    techs = techs.filter((t) => !placed.has(t.id)).sort((a, b) => a.name.localeCompare(b.name, 'en'));
    for (const t of techs) placed.add(t.id);
    if (!techs.length) {
      if (always) lines.push(bullet(label, label === 'Database' ? 'none found in the code or configuration' : 'none found'));
      continue;
    }
    const shown = techs.slice(0, MAX_PER_LINE).map((t) => `${text(t.name)}${t.scope === 'optional' ? ' (optional)' : t.scope === 'dev' && t.category !== 'css' && label !== 'Testing' && label !== 'Other Tools' && label !== 'DevOps' ? ' (development)' : ''} (${files(preferOwn(t), 1)})`);
    lines.push(bullet(label, shown.join(', ') + (techs.length > MAX_PER_LINE ? ', …' : '')));
  }
  return lines.join('\n');
}

/** Evidence from manifests and configs before evidence from imports, so the file shown is the one that declares it. */
export function preferOwn(t: Pick<TechnologyUse, 'evidence'>) {
  const rank = (e: { file: string; rule: string }) =>
    (roleOf(e.file) === 'main' ? 0 : roleOf(e.file) === 'test' || roleOf(e.file) === 'tooling' ? 3 : 6) + (/dependency|manifest/.test(e.rule) ? 0 : /^file |image/.test(e.rule) ? 1 : 2);
  // a stable sort: within a rank, the evidence that decided the technology's scope stays first
  return [...t.evidence].sort((a, b) => rank(a) - rank(b));
}
