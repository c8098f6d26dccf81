/** Python: pyproject.toml (PEP 621, Poetry, uv, PDM), requirements*.txt, Pipfile, setup.cfg, setup.py. */
import { parse as parseToml } from 'smol-toml';
import type { DependencyFact, DependencyScope, ManifestFact, Reader } from '../facts.js';
import {
  baseName,
  compact,
  findLine,
  isRecord,
  lineLocator,
  malformed,
  oneLine,
  parsePep508,
  splitLines,
  str,
  strings,
  tomlArrayItemLine,
  tomlKeyLine,
  type ReadResult,
} from './text.js';

type Entry = NonNullable<ManifestFact['entryPoints']>[number];
type Local = NonNullable<ManifestFact['localDependencies']>[number];

function get(doc: unknown, ...keys: string[]): unknown {
  let cur = doc;
  for (const k of keys) cur = isRecord(cur) ? cur[k] : undefined;
  return cur;
}

/** Group names that say what a non-runtime group is for. */
function groupScope(group: string): DependencyScope {
  return /test/i.test(group) ? 'test' : 'dev';
}

function parseTomlOrWarn(path: string, text: string, what: string): { doc?: Record<string, unknown>; warning?: ReadResult } {
  try {
    return { doc: parseToml(text) as Record<string, unknown> };
  } catch (err) {
    return { warning: malformed(path, what, err) };
  }
}

/** PEP 508 strings of an array value, with the line of each. */
function pep508Deps(lines: string[], table: string[], key: string, items: unknown, scope: DependencyScope): DependencyFact[] {
  const out: DependencyFact[] = [];
  const used = new Set<number>();
  for (const spec of strings(items)) {
    const req = parsePep508(spec);
    if (!req) continue;
    out.push(compact({ ecosystem: 'pypi' as const, name: req.name, version: req.version, scope, line: tomlArrayItemLine(lines, table, key, spec, used) }));
  }
  return out;
}

/** Poetry / Pipfile style tables: `name = "^1.0"` or `name = { version = "...", path = "..." }`. */
function tableDeps(
  lines: string[],
  table: string[],
  deps: unknown,
  scope: DependencyScope,
  locals: Local[],
): DependencyFact[] {
  const out: DependencyFact[] = [];
  if (!isRecord(deps)) return out;
  for (const [name, spec] of Object.entries(deps)) {
    if (name.toLowerCase() === 'python') continue;
    const line = tomlKeyLine(lines, table, name);
    if (isRecord(spec) && (typeof spec.path === 'string' || spec.workspace === true)) {
      locals.push(compact({ name, path: str(spec.path), line }));
      continue;
    }
    const version = typeof spec === 'string' ? spec : isRecord(spec) ? str(spec.version) : undefined;
    out.push(compact({ ecosystem: 'pypi' as const, name, version: version === '*' ? undefined : version, scope, line }));
  }
  return out;
}

function scriptsOf(lines: string[], table: string[], scripts: unknown): Entry[] {
  if (!isRecord(scripts)) return [];
  const out: Entry[] = [];
  for (const [name, target] of Object.entries(scripts)) {
    const t = typeof target === 'string' ? target : isRecord(target) ? str(target.reference) ?? str(target.callable) : undefined;
    if (t) out.push(compact({ name, target: t, line: tomlKeyLine(lines, table, name) }));
  }
  return out;
}

export function readPyproject(path: string, text: string): ReadResult {
  const { doc, warning } = parseTomlOrWarn(path, text, 'pyproject.toml');
  if (!doc) return warning!;
  const lines = splitLines(text);
  const deps: DependencyFact[] = [];
  const locals: Local[] = [];
  const entryPoints: Entry[] = [];
  const runtimes: NonNullable<ManifestFact['runtimes']> = [];

  const project = get(doc, 'project');
  if (isRecord(project)) {
    deps.push(...pep508Deps(lines, ['project'], 'dependencies', project.dependencies, 'runtime'));
    const optional = project['optional-dependencies'];
    if (isRecord(optional)) {
      for (const [group, items] of Object.entries(optional)) {
        deps.push(...pep508Deps(lines, ['project', 'optional-dependencies'], group, items, extraScope(group)));
      }
    }
    entryPoints.push(...scriptsOf(lines, ['project', 'scripts'], project.scripts));
    entryPoints.push(...scriptsOf(lines, ['project', 'gui-scripts'], project['gui-scripts']));
    const rp = str(project['requires-python']);
    if (rp) runtimes.push(compact({ name: 'python', version: rp, line: tomlKeyLine(lines, ['project'], 'requires-python') }));
  }

  // PEP 735 groups; an item may also be `{ include-group = "x" }`, which adds nothing new.
  const groups = get(doc, 'dependency-groups');
  if (isRecord(groups)) {
    for (const [group, items] of Object.entries(groups)) deps.push(...pep508Deps(lines, ['dependency-groups'], group, items, groupScope(group)));
  }

  const poetry = get(doc, 'tool', 'poetry');
  if (isRecord(poetry)) {
    const pDeps = poetry.dependencies;
    deps.push(...tableDeps(lines, ['tool', 'poetry', 'dependencies'], pDeps, 'runtime', locals));
    const py = isRecord(pDeps) ? pDeps.python : undefined;
    if (typeof py === 'string' && !runtimes.length) runtimes.push(compact({ name: 'python', version: py, line: tomlKeyLine(lines, ['tool', 'poetry', 'dependencies'], 'python') }));
    deps.push(...tableDeps(lines, ['tool', 'poetry', 'dev-dependencies'], poetry['dev-dependencies'], 'dev', locals));
    const pGroups = poetry.group;
    if (isRecord(pGroups)) {
      for (const [group, body] of Object.entries(pGroups)) {
        deps.push(...tableDeps(lines, ['tool', 'poetry', 'group', group, 'dependencies'], get(body, 'dependencies'), groupScope(group), locals));
      }
    }
    entryPoints.push(...scriptsOf(lines, ['tool', 'poetry', 'scripts'], poetry.scripts));
  }

  const uv = get(doc, 'tool', 'uv');
  const uvDev = get(uv, 'dev-dependencies');
  deps.push(...pep508Deps(lines, ['tool', 'uv'], 'dev-dependencies', uvDev, 'dev'));
  const sources = get(uv, 'sources');
  if (isRecord(sources)) {
    for (const [name, src] of Object.entries(sources)) {
      if (isRecord(src) && (src.workspace === true || typeof src.path === 'string')) {
        locals.push(compact({ name, path: str(src.path), line: tomlKeyLine(lines, ['tool', 'uv', 'sources'], name) }));
      }
    }
  }
  const pdmDev = get(doc, 'tool', 'pdm', 'dev-dependencies');
  if (isRecord(pdmDev)) {
    for (const [group, items] of Object.entries(pdmDev)) deps.push(...pep508Deps(lines, ['tool', 'pdm', 'dev-dependencies'], group, items, groupScope(group)));
  }
  // Hatch environments install tools for development and testing, never the shipped package.
  const hatchEnvs = get(doc, 'tool', 'hatch', 'envs');
  if (isRecord(hatchEnvs)) {
    for (const [env, body] of Object.entries(hatchEnvs)) {
      for (const key of ['dependencies', 'extra-dependencies']) {
        deps.push(...pep508Deps(lines, ['tool', 'hatch', 'envs', env], key, get(body, key), groupScope(env)));
      }
    }
  }
  deps.push(...pep508Deps(lines, ['build-system'], 'requires', get(doc, 'build-system', 'requires'), 'build'));

  // A local package is not an external dependency, even when also listed by name in [project].
  const localNames = new Set(locals.map((l) => l.name?.toLowerCase()));
  const dependencies = deps.filter((d) => !localNames.has(d.name.toLowerCase()));

  const workspaces = strings(get(uv, 'workspace', 'members'));
  const name = str(get(project, 'name')) ?? str(get(poetry, 'name'));
  if (!name && !isRecord(project) && !isRecord(poetry) && !workspaces.length && !dependencies.length) {
    // Only tool configuration (black, ruff, pytest ...): not a project manifest.
    return {};
  }
  const nameLine = isRecord(project) ? tomlKeyLine(lines, ['project'], 'name') : tomlKeyLine(lines, ['tool', 'poetry'], 'name');
  const manifest: ManifestFact = compact({
    ecosystem: 'pypi',
    name,
    description: oneLine(str(get(project, 'description')) ?? str(get(poetry, 'description'))),
    version: str(get(project, 'version')) ?? str(get(poetry, 'version')),
    workspaces,
    entryPoints,
    localDependencies: locals,
    kind: entryPoints.length ? ('cli' as const) : undefined,
    runtimes,
    line: nameLine ?? 1,
  });
  return { manifests: [manifest], dependencies };
}

// ---- requirements*.txt --------------------------------------------------------------------------------

function requirementsScope(path: string): DependencyScope {
  const name = path.toLowerCase().replace(/\.(txt|in)$/, '');
  const tail = name.includes('requirements/') ? name.slice(name.lastIndexOf('requirements/')) : baseName(name);
  // A requirements file kept with the docs or the tests serves them, not the application.
  const folders = name.split('/').slice(0, -1);
  if (folders.some((f) => f === 'tests' || f === 'test')) return 'test';
  if (folders.some((f) => f === 'docs' || f === 'doc' || f === '.github' || f === 'ci')) return 'dev';
  if (/test/.test(tail)) return 'test';
  if (/(^|[^a-z])(dev|develop|development|lint|docs?|ci|typing|mypy)([^a-z]|$)/.test(tail)) return 'dev';
  return 'runtime';
}

/**
 * pip-compile and `uv pip compile` write every transitive pin followed by `# via <who wants it>`; a
 * package wanted only by other packages (no `-r requirements.in` among them) is indirect.
 */
function pinnedOnlyVia(raw: string[], next: number): true | undefined {
  const comments: string[] = [];
  for (let j = next; j < raw.length && /^\s+#/.test(raw[j]); j++) comments.push(raw[j].trim().replace(/^#\s*/, ''));
  if (!comments.length || !/^via\b/.test(comments[0])) return undefined;
  const sources = [comments[0].replace(/^via\s*/, ''), ...comments.slice(1)].filter(Boolean);
  return sources.length && !sources.some((s) => /^-r\s|^--requirement\b|^-e\s/.test(s)) ? true : undefined;
}

export function readRequirements(path: string, text: string): ReadResult {
  const raw = splitLines(text);
  const scope = requirementsScope(path);
  const dependencies: DependencyFact[] = [];
  for (let i = 0; i < raw.length; i++) {
    const line = i + 1;
    let body = raw[i];
    // Backslash continuations belong to the requirement on the first line.
    while (body.trimEnd().endsWith('\\') && i + 1 < raw.length) body = body.trimEnd().slice(0, -1) + ' ' + raw[++i];
    body = body.replace(/(^|\s)#.*$/, '').trim();
    if (!body) continue;
    if (body.startsWith('-') || /^[a-z+]+:\/\//i.test(body)) {
      // -r/-c includes, index options, editable installs and URLs: only a VCS URL's #egg= names a package.
      const egg = /^(?:(?:-e|--editable)\s+)?[a-z+]+:\/\/\S*#egg=([A-Za-z0-9._-]+)/i.exec(body);
      if (egg) dependencies.push({ ecosystem: 'pypi', name: egg[1], scope, line });
      continue;
    }
    // Bare paths, URLs and archives name no package ("name @ url" does, and is kept).
    if (/^(\.|\/|[a-z+]+:\/\/)/i.test(body) || (!body.includes('@') && /\.(whl|tar\.gz|zip)$/.test(body))) continue;
    body = body.replace(/\s--?[a-z][\w-]*(=\S+|\s+\S+)?/gi, '');
    const req = parsePep508(body);
    if (req) dependencies.push(compact({ ecosystem: 'pypi' as const, name: req.name, version: req.version, scope, indirect: pinnedOnlyVia(raw, i + 1), line }));
  }
  // A plain requirements.txt is how many Python services declare themselves: it marks a project in its
  // folder. Variants (requirements-dev.txt, requirements/base.txt, docs/requirements.txt) only add dependencies.
  const base = baseName(path).toLowerCase();
  if ((base === 'requirements.txt' || base === 'requirements.in') && scope === 'runtime' && !/(^|\/)requirements\/[^/]+$/i.test(path)) {
    return { manifests: [{ ecosystem: 'pypi', line: 1 }], dependencies };
  }
  return { dependencies };
}

// ---- Pipfile -----------------------------------------------------------------------------------------

export function readPipfile(path: string, text: string): ReadResult {
  const { doc, warning } = parseTomlOrWarn(path, text, 'Pipfile');
  if (!doc) return warning!;
  const lines = splitLines(text);
  const locals: Local[] = [];
  const dependencies = [
    ...tableDeps(lines, ['packages'], doc.packages, 'runtime', locals),
    ...tableDeps(lines, ['dev-packages'], doc['dev-packages'], 'dev', locals),
  ];
  const py = str(get(doc, 'requires', 'python_version')) ?? str(get(doc, 'requires', 'python_full_version'));
  const runtimes = py ? [compact({ name: 'python', version: py, line: findLine(lines, /^\s*python_(full_)?version\s*=/) })] : [];
  return { manifests: [compact({ ecosystem: 'pypi' as const, localDependencies: locals, runtimes, line: 1 })], dependencies };
}

// ---- setup.cfg ---------------------------------------------------------------------------------------

interface IniValue {
  value: string;
  line: number;
  /** Continuation lines with their own line numbers (multi-line values such as install_requires). */
  items: { text: string; line: number }[];
}

/** A small INI reader: sections, `key = value`, indented continuation lines, `#`/`;` comments. */
function parseIni(text: string): Map<string, Map<string, IniValue>> {
  const out = new Map<string, Map<string, IniValue>>();
  let section: Map<string, IniValue> | undefined;
  let current: IniValue | undefined;
  splitLines(text).forEach((raw, i) => {
    const line = i + 1;
    if (/^\s*[#;]/.test(raw) || raw.trim() === '') return;
    const header = /^\[([^\]]+)\]/.exec(raw);
    if (header) {
      section = new Map();
      out.set(header[1].trim(), section);
      current = undefined;
      return;
    }
    if (/^\s/.test(raw) && current) {
      current.items.push({ text: raw.replace(/\s[#;].*$/, '').trim(), line });
      return;
    }
    const kv = /^([^=:]+)[=:]\s*(.*)$/.exec(raw); // key trimmed below; a lazy key before \s* was quadratic on long blank runs
    if (kv && section) {
      current = { value: kv[2].trim(), line, items: [] };
      if (kv[2].trim()) current.items.push({ text: kv[2].trim(), line });
      section.set(kv[1].trim(), current);
    }
  });
  return out;
}

/** "a[x,y], b>=1" -> ["a[x,y]", " b>=1"]: commas outside extras brackets and before a name. One pass; a lookahead regex was quadratic. */
function splitRequirementList(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j])) j++;
      if (/[A-Za-z]/.test(text[j] ?? '')) {
        parts.push(text.slice(start, i));
        start = i + 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function iniRequirements(v: IniValue | undefined, scope: DependencyScope): DependencyFact[] {
  const out: DependencyFact[] = [];
  for (const item of v?.items ?? []) {
    for (const part of splitRequirementList(item.text)) {
      const req = parsePep508(part);
      if (req && part.trim()) out.push(compact({ ecosystem: 'pypi' as const, name: req.name, version: req.version, scope, line: item.line }));
    }
  }
  return out;
}

/** An extra named for the project's own work (`dev`, `test`, `docs`, `lint`) is a development group, not an optional feature for users. */
function extraScope(group: string): 'optional' | 'dev' | 'test' {
  if (/^(?:tests?|testing|coverage|pytest)$/i.test(group)) return 'test';
  if (/^(?:dev|devel|develop|development|docs?|documentation|lint|linting|style|typing|types|mypy|qa|ci|bench|benchmarks?|release|build)$/i.test(group)) return 'dev';
  return 'optional';
}

export function readSetupCfg(_path: string, text: string): ReadResult {
  const ini = parseIni(text);
  const metadata = ini.get('metadata');
  const options = ini.get('options');
  // setup.cfg often only configures tools (flake8, pytest): then it declares no project.
  if (!metadata && !options) return {};
  const dependencies = [...iniRequirements(options?.get('install_requires'), 'runtime'), ...iniRequirements(options?.get('tests_require'), 'test')];
  for (const [group, v] of ini.get('options.extras_require') ?? []) dependencies.push(...iniRequirements(v, extraScope(group)));
  const entryPoints: Entry[] = [];
  for (const item of ini.get('options.entry_points')?.get('console_scripts')?.items ?? []) {
    const m = /^([\w.-]+)\s*=\s*(\S+)/.exec(item.text);
    if (m) entryPoints.push({ name: m[1], target: m[2], line: item.line });
  }
  const pr = options?.get('python_requires');
  const manifest: ManifestFact = compact({
    ecosystem: 'pypi',
    name: metadata?.get('name')?.value || undefined,
    description: oneLine(metadata?.get('description')?.value),
    version: metadata?.get('version')?.value || undefined,
    entryPoints,
    kind: entryPoints.length ? ('cli' as const) : undefined,
    runtimes: pr?.value ? [{ name: 'python', version: pr.value, line: pr.line }] : [],
    line: metadata?.get('name')?.line ?? 1,
  });
  return { manifests: [manifest], dependencies };
}

// ---- setup.py (read as text, never executed) ---------------------------------------------------------

/** String literals inside `key=[ ... ]`, with their lines; nothing when the value is not a literal list. */
function literalList(text: string, opener: RegExp): { value: string; line: number }[] {
  const m = opener.exec(text);
  if (!m) return [];
  const start = m.index + m[0].length;
  const out: { value: string; line: number }[] = [];
  let lineOf: ((offset: number) => number) | undefined;
  const strRe = /(["'])((?:(?!\1)[^\\\n]|\\.)*)\1|([\])])|#[^\n]*/g;
  strRe.lastIndex = start;
  let s: RegExpExecArray | null;
  while ((s = strRe.exec(text))) {
    if (s[3]) break;
    if (s[1]) out.push({ value: s[2], line: (lineOf ??= lineLocator(text))(s.index) });
  }
  return out;
}

function literalKwarg(text: string, key: string): { value: string; line: number } | undefined {
  const m = new RegExp(`\\b${key}\\s*=\\s*(["'])([^"'\\n]*)\\1`).exec(text);
  return m ? { value: m[2], line: text.slice(0, m.index).split('\n').length } : undefined;
}

export function readSetupPy(_path: string, text: string): ReadResult {
  // a packaging script calls setuptools' setup(); a Flask view named setup.py (redash's /setup wizard) does not
  if (!/\b(?:setuptools|distutils|skbuild|pbr)\b/.test(text) || !/^\s*(?:[\w.]+\.)?setup\s*\(/m.test(text)) return {};
  const dependencies: DependencyFact[] = [];
  const lists: [string, DependencyScope][] = [
    ['install_requires', 'runtime'],
    ['tests_require', 'test'],
    ['setup_requires', 'build'],
  ];
  for (const [key, scope] of lists) {
    // `install_requires=[...]` inline, or `install_requires=REQUIRES` with `REQUIRES = [...]` in the same file.
    const variable = new RegExp(`\\b${key}\\s*=\\s*([A-Za-z_]\\w*)\\s*[,)]`).exec(text)?.[1];
    const opener = variable ? new RegExp(`^\\s*${variable}\\s*=\\s*[[(]`, 'm') : new RegExp(`\\b${key}\\s*=\\s*[[(]`);
    for (const item of literalList(text, opener)) {
      const req = parsePep508(item.value);
      if (req) dependencies.push(compact({ ecosystem: 'pypi' as const, name: req.name, version: req.version, scope, line: item.line }));
    }
  }
  const entryPoints: Entry[] = [];
  for (const item of literalList(text, /\bconsole_scripts['"]?\s*[:=]\s*[[(]/)) {
    const m = /^([\w.-]+)\s*=\s*(\S+)$/.exec(item.value.trim());
    if (m) entryPoints.push({ name: m[1], target: m[2], line: item.line });
  }
  const name = literalKwarg(text, 'name');
  const pr = literalKwarg(text, 'python_requires');
  const manifest: ManifestFact = compact({
    ecosystem: 'pypi',
    name: name?.value,
    version: literalKwarg(text, 'version')?.value,
    description: oneLine(literalKwarg(text, 'description')?.value),
    entryPoints,
    kind: entryPoints.length ? ('cli' as const) : undefined,
    runtimes: pr ? [{ name: 'python', version: pr.value, line: pr.line }] : [],
    line: name?.line ?? 1,
  });
  return { manifests: [manifest], dependencies };
}

export const pythonReaders: Reader[] = [
  { id: 'manifest:pyproject', fileNames: ['pyproject.toml'], read: readPyproject },
  {
    id: 'manifest:requirements',
    patterns: [/^([a-z0-9]+[-_.])?requirements([-_.][\w.-]*)?\.(txt|in)$/i, /(^|\/)requirements\/[^/]+\.(txt|in)$/i],
    read: readRequirements,
  },
  { id: 'manifest:pipfile', fileNames: ['Pipfile'], read: readPipfile },
  { id: 'manifest:setup.cfg', fileNames: ['setup.cfg'], read: readSetupCfg },
  { id: 'manifest:setup.py', fileNames: ['setup.py'], read: readSetupPy },
];
