/**
 * Elixir: mix.exs, read as text. It is Elixir code, but every project writes the same few keyword lists
 * (`project`, `application`, `deps`), and a dependency is always a `{:name, ...}` tuple inside `deps`.
 */
import type { DependencyFact, DependencyScope, ManifestFact, Reader } from '../facts.js';
import { compact, lineLocator, oneLine, type ReadResult } from './text.js';

/** `{:phoenix, "~> 1.7"}`, `{:credo, "~> 1.0", only: [:dev, :test], runtime: false}`: options may nest one level of brackets. */
const DEP_TUPLE = /\{\s*:(\w+)\s*,((?:[^{}\[\]]|\[[^\]]*\]|\{[^{}]*\})*)\}/g;
const STRING = /"([^"\\]*(?:\\.[^"\\]*)*)"/;

function stripComments(text: string): string {
  // a `#` starts a comment unless it is inside a string (or `#{}` interpolation, which only lives in one)
  return text.replace(/"(?:[^"\\]|\\.)*"|#[^\n]*/g, (m) => (m.startsWith('#') ? ' '.repeat(m.length) : m));
}

/** The body of `def name do ... end` (or defp): from `do` to the next definition. */
function functionBody(text: string, name: string): { start: number; body: string } | undefined {
  const def = new RegExp(`\\bdefp?\\s+${name}\\b[^\\n]*\\bdo\\b`).exec(text);
  if (!def) return undefined;
  const start = def.index + def[0].length;
  const end = /^\s*(?:defp?|defmacrop?)\s/m.exec(text.slice(start));
  return { start, body: text.slice(start, end ? start + end.index : undefined) };
}

/**
 * The text of `defp deps do [...] end` (or `def deps`), or of an inline `deps: [...]` in `project`, and of the
 * helpers its list calls (`phoenix_dep()`, which picks a path or a fork of Phoenix).
 */
function depsBlocks(text: string): { start: number; body: string }[] {
  const deps = functionBody(text, 'deps');
  if (deps) {
    const helpers = [...new Set([...deps.body.matchAll(/\b([a-z_]\w*)\(\s*\)/g)].map((m) => m[1]))];
    return [deps, ...helpers.map((h) => functionBody(text, h)).filter((b): b is NonNullable<typeof b> => b !== undefined)];
  }
  const inline = depsBlock(text);
  return inline ? [inline] : [];
}

/** An inline `deps: [...]` in `project`. */
function depsBlock(text: string): { start: number; body: string } | undefined {
  const inline = /\bdeps:\s*\[/.exec(text);
  if (!inline) return undefined;
  const start = inline.index + inline[0].length;
  let depth = 1;
  let i = start;
  for (; i < text.length && depth > 0; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']') depth--;
  }
  return { start, body: text.slice(start, i) };
}

function scopeOf(options: string): DependencyScope {
  const only = /\bonly:\s*(\[[^\]]*\]|:\w+)/.exec(options);
  if (only) {
    const envs = [...only[1].matchAll(/:(\w+)/g)].map((m) => m[1]);
    if (!envs.includes('prod')) return envs.includes('dev') ? 'dev' : 'test';
  }
  // runtime: false is a build tool (esbuild, tailwind, credo): compiled against, never started with the app
  // (or started only in development: `runtime: Mix.env() == :dev`)
  if (/\bruntime:\s*(?:false\b|Mix\.env\(\)\s*==\s*:(?:dev|test)\b)/.test(options)) return 'build';
  if (/\boptional:\s*true\b/.test(options)) return 'optional';
  return 'runtime';
}

/** A keyword of `project` or `application`: `app: :teslamate`, `version: "2.0.0"`. */
function keyword(text: string, key: string): { value: string; index: number } | undefined {
  const m = new RegExp(`(?:^|[\\[,\\s])${key}:\\s*(?::(\\w+)|"([^"]*)")`, 'm').exec(text);
  return m ? { value: m[1] ?? m[2], index: m.index + m[0].indexOf(`${key}:`) } : undefined;
}

export function readMixExs(_path: string, raw: string): ReadResult {
  const text = stripComments(raw);
  const lineOf = lineLocator(text);
  const dependencies: DependencyFact[] = [];
  const localDependencies: NonNullable<ManifestFact['localDependencies']> = [];
  const seen = new Set<string>();
  for (const block of depsBlocks(text)) for (const m of block.body.matchAll(DEP_TUPLE)) {
    const [, name, options] = m;
    // (a helper may offer the same dependency two ways: a local path or a fork)
    if (seen.has(name)) continue;
    seen.add(name);
    const line = lineOf(block.start + m.index);
    const path = /\bpath:\s*"([^"]+)"/.exec(options)?.[1];
    // an umbrella's sibling app lives in the same apps folder
    if (path || /\bin_umbrella:\s*true\b/.test(options)) {
      localDependencies.push(compact({ name, path: path ?? `../${name}`, line }));
      continue;
    }
    const version = STRING.exec(options.split(',').find((o) => STRING.test(o) && !/\w+:/.test(o)) ?? '')?.[1];
    dependencies.push(compact({ ecosystem: 'hex' as const, name, version, scope: scopeOf(options), line }));
  }
  const app = keyword(text, 'app');
  const version = keyword(text, 'version');
  const description = STRING.exec(text.slice(/\bdescription:\s*/.exec(text)?.index ?? text.length))?.[1];
  const elixir = keyword(text, 'elixir');
  const appsPath = keyword(text, 'apps_path');
  const escript = /\bescript:\s*\[[^\]]*\bmain_module:\s*([\w.]+)/.exec(text);
  // `package:` is hex.pm's metadata: a project that sets it is published for others to depend on
  const published = /(?:^|[\[,\s])package:\s*(?:package\(\)|\[)/m.test(text);
  const runs = /\bmod:\s*\{/.test(text);
  const kind = escript ? 'cli' : published ? 'library' : runs ? 'application' : undefined;
  const manifest: ManifestFact = compact({
    ecosystem: 'hex' as const,
    name: app?.value,
    version: version?.value,
    description: oneLine(description),
    workspaces: appsPath ? [`${appsPath.value}/*`] : undefined,
    entryPoints: escript ? [{ name: 'escript', target: escript[1], line: lineOf(escript.index) }] : undefined,
    localDependencies,
    kind,
    runtimes: elixir ? [{ name: 'elixir', version: elixir.value, line: lineOf(elixir.index) }] : undefined,
    line: app ? lineOf(app.index) : 1,
  });
  return { manifests: [manifest], dependencies };
}

export const elixirReaders: Reader[] = [{ id: 'manifest:mix.exs', fileNames: ['mix.exs'], read: readMixExs }];
