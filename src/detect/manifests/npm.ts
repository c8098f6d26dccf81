/** npm ecosystem: package.json, pnpm-workspace.yaml, lerna.json. */
import { flowDepthExceeds } from '../yaml-guard.js';
import { parse as parseYaml } from 'yaml';
import type { DependencyFact, DependencyScope, ManifestFact, Reader } from '../facts.js';
import { compact, escapeRegExp, findLine, isRecord, jsonKeyLine, malformed, oneLine, splitLines, str, strings, type ReadResult } from './text.js';

const SECTIONS: [string, DependencyScope][] = [
  ['dependencies', 'runtime'],
  ['devDependencies', 'dev'],
  ['peerDependencies', 'peer'],
  ['optionalDependencies', 'optional'],
];

/** Versions that point into the same repository rather than at the registry. */
const LOCAL_VERSION = /^(workspace:|file:|link:|portal:)/;

function parseJson(path: string, text: string): { value?: Record<string, unknown>; warning?: ReadResult } {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { warning: malformed(path, 'package.json', err) };
  }
  if (!isRecord(value)) return { warning: malformed(path, 'package.json', 'top level is not an object') };
  return { value };
}

const RUNNERS = new Set(['node', 'nodemon', 'ts-node', 'tsx', 'bun', 'deno']);
/** Runner subcommands that come before the file: `tsx watch x.ts`, `deno run x.ts`. */
const SUBCOMMANDS = new Set(['watch', 'run']);
/** Runner options whose value is the next word (`node --require x index.js`). */
const OPTION_WITH_VALUE = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '-w', '--watch-path', '--env-file', '-e', '--exec']);

/** The file a start script runs, when it plainly runs one ("node dist/server.js" -> "dist/server.js"); else the command. */
function scriptTarget(command: string): string {
  for (const segment of command.split(/&&|;|\|\|/)) {
    const words = segment.trim().split(/\s+/);
    const runner = words.findIndex((w) => RUNNERS.has(w));
    if (runner < 0) continue;
    for (let i = runner + 1; i < words.length; i++) {
      const w = words[i];
      if (w.startsWith('-')) {
        if (OPTION_WITH_VALUE.has(w)) i++;
        continue;
      }
      if (SUBCOMMANDS.has(w)) continue;
      if (/^[\w./@-]+\.[cm]?[jt]sx?$/.test(w)) return w;
      break;
    }
  }
  return command;
}

function entryPointsOf(pkg: Record<string, unknown>, lines: string[]): NonNullable<ManifestFact['entryPoints']> {
  const out: NonNullable<ManifestFact['entryPoints']> = [];
  const name = str(pkg.name);
  const bin = pkg.bin;
  if (typeof bin === 'string') {
    out.push({ name: name ? name.replace(/^@[^/]+\//, '') : 'bin', target: bin, line: jsonKeyLine(lines, undefined, 'bin') });
  } else if (isRecord(bin)) {
    for (const [k, v] of Object.entries(bin)) if (typeof v === 'string') out.push({ name: k, target: v, line: jsonKeyLine(lines, 'bin', k) });
  }
  if (typeof pkg.main === 'string') out.push({ name: 'main', target: pkg.main, line: jsonKeyLine(lines, undefined, 'main') });
  const exp = exportTarget(pkg.exports);
  if (exp) out.push({ name: 'exports', target: exp, line: jsonKeyLine(lines, undefined, 'exports') });
  const scripts = isRecord(pkg.scripts) ? pkg.scripts : {};
  if (typeof scripts.start === 'string') out.push({ name: 'start', target: scriptTarget(scripts.start), line: jsonKeyLine(lines, 'scripts', 'start') });
  return out.map((e) => compact(e));
}

/** The main export: `"exports": "./x.js"` or the "." entry, following import/require/default conditions. */
function exportTarget(exp: unknown): string | undefined {
  if (typeof exp === 'string') return exp;
  if (!isRecord(exp)) return undefined;
  const dot = '.' in exp ? exp['.'] : Object.keys(exp).some((k) => k.startsWith('.')) ? undefined : exp;
  let cur: unknown = dot;
  for (let depth = 0; depth < 5 && isRecord(cur); depth++) {
    cur = cur.import ?? cur.node ?? cur.default ?? cur.require;
  }
  return typeof cur === 'string' ? cur : undefined;
}

function workspacesOf(v: unknown): string[] {
  if (Array.isArray(v)) return strings(v);
  if (isRecord(v)) return strings(v.packages);
  return [];
}

export function readPackageJson(path: string, text: string): ReadResult {
  const { value: pkg, warning } = parseJson(path, text);
  if (!pkg) return warning!;
  const lines = splitLines(text);
  const dependencies: DependencyFact[] = [];
  const localDependencies: NonNullable<ManifestFact['localDependencies']> = [];
  for (const [section, scope] of SECTIONS) {
    const deps = pkg[section];
    if (!isRecord(deps)) continue;
    for (const [name, raw] of Object.entries(deps)) {
      const version = str(raw);
      const line = jsonKeyLine(lines, section, name);
      if (version !== undefined && LOCAL_VERSION.test(version)) {
        const target = version.replace(LOCAL_VERSION, '');
        const isPath = !version.startsWith('workspace:') && target !== '';
        localDependencies.push(compact({ name, path: isPath ? target : undefined, line }));
        continue;
      }
      // "alias": "npm:real-name@^1" installs real-name under another name; the registry knows the real one.
      const alias = version ? /^npm:((?:@[^/@]+\/)?[^@]+)(?:@(.*))?$/.exec(version) : null;
      if (alias) dependencies.push(compact({ ecosystem: 'npm' as const, name: alias[1], version: alias[2], scope, line }));
      else dependencies.push(compact({ ecosystem: 'npm' as const, name, version, scope, line }));
    }
  }
  const entryPoints = entryPointsOf(pkg, lines);
  const isPrivate = pkg.private === true;
  const hasBin = typeof pkg.bin === 'string' || isRecord(pkg.bin);
  const scripts = isRecord(pkg.scripts) ? pkg.scripts : {};
  // "main" alone says nothing (services set it too); exports, module, types or files are publishing signals.
  const startRunsFile = typeof scripts.start === 'string' && scriptTarget(scripts.start) !== scripts.start;
  const publishes = ['exports', 'module', 'types', 'typings', 'files'].some((k) => pkg[k] !== undefined);
  const kind: ManifestFact['kind'] = hasBin
    ? 'cli'
    : (isPrivate && typeof scripts.start === 'string') || startRunsFile
      ? 'application'
      : !isPrivate && publishes
        ? 'library'
        : undefined;
  const runtimes: NonNullable<ManifestFact['runtimes']> = [];
  const engines = isRecord(pkg.engines) ? pkg.engines : {};
  for (const rt of ['node', 'bun', 'deno']) {
    const v = str(engines[rt]);
    if (v) runtimes.push(compact({ name: rt, version: v, line: jsonKeyLine(lines, 'engines', rt) }));
  }
  const manifest: ManifestFact = compact({
    ecosystem: 'npm',
    name: str(pkg.name),
    description: oneLine(str(pkg.description)),
    version: str(pkg.version),
    workspaces: workspacesOf(pkg.workspaces),
    entryPoints,
    localDependencies,
    private: isPrivate ? true : undefined,
    kind,
    runtimes,
    line: jsonKeyLine(lines, undefined, 'name') ?? 1,
  });
  return { manifests: [manifest], dependencies };
}

export function readPnpmWorkspace(path: string, text: string): ReadResult {
  let doc: unknown;
  if (flowDepthExceeds(text)) return malformed(path, 'pnpm-workspace.yaml', 'nested too deeply');
  try {
    // prettyErrors quotes context for every error by rescanning the text: quadratic on a file of errors
    doc = parseYaml(text, { prettyErrors: false, logLevel: 'error' }); // 'warn' prints YAMLWarnings on the user's stderr
  } catch (err) {
    return malformed(path, 'pnpm-workspace.yaml', err);
  }
  const workspaces = isRecord(doc) ? strings(doc.packages) : [];
  return { manifests: [compact({ ecosystem: 'npm' as const, workspaces, line: 1 })] };
}

export function readLernaJson(path: string, text: string): ReadResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return malformed(path, 'lerna.json', err);
  }
  if (!isRecord(doc)) return malformed(path, 'lerna.json', 'top level is not an object');
  const workspaces = strings(doc.packages);
  const lines = splitLines(text);
  const line = findLine(lines, new RegExp(`"${escapeRegExp('packages')}"\\s*:`)) ?? 1;
  return { manifests: [compact({ ecosystem: 'npm' as const, workspaces, line })] };
}

export const npmReaders: Reader[] = [
  { id: 'manifest:package.json', fileNames: ['package.json'], read: readPackageJson },
  { id: 'manifest:pnpm-workspace', fileNames: ['pnpm-workspace.yaml', 'pnpm-workspace.yml'], read: readPnpmWorkspace },
  { id: 'manifest:lerna', fileNames: ['lerna.json'], read: readLernaJson },
];
