/** Ruby: Gemfile (gems, group blocks and group: options) and *.gemspec. Both are Ruby code, read as text. */
import type { DependencyFact, DependencyScope, ManifestFact, Reader } from '../facts.js';
import { baseName, compact, oneLine, splitLines, type ReadResult } from './text.js';

const STR = `(?:"([^"]*)"|'([^']*)')`;
// Compiled once; an optional "(" carries its own whitespace, as two \s* around it backtrack quadratically.
const GEM = new RegExp(`^gem\\s*(?:\\(\\s*)?${STR}(.*)$`);
const GEM_PATH = new RegExp(`\\bpath\\s*(?::|=>)\\s*${STR}`);
const RUBY_VERSION = new RegExp(`^ruby\\s*(?:\\(\\s*)?${STR}`);
const GROUP_BLOCK = /^group\b(.*)\bdo\s*(?:\|[^|]*\|)?$/;
// Generated gemspecs write names as %q<rails>.freeze.
const ADD_DEPENDENCY = new RegExp(`^\\w+\\.add_(runtime_|development_)?dependency\\s*(?:\\(\\s*)?(?:${STR}|%q<([^>]+)>)(?:\\.freeze)?(.*)$`);
const SPEC_ATTRIBUTE = new RegExp(`^\\w+\\.(name|version|summary|description|required_ruby_version)\\s*=\\s*${STR}`);
const SPEC_BINDIR = new RegExp(`^\\w+\\.bindir\\s*=\\s*${STR}`);

function groupScope(groups: string[]): DependencyScope {
  const g = groups.map((x) => x.toLowerCase());
  if (!g.length || g.some((x) => x === 'default' || x === 'production' || x === 'staging')) return 'runtime';
  if (g.includes('development') || g.some((x) => /^(dev|lint|ci|docs?|rubocop|tools?)$/.test(x))) return 'dev';
  if (g.includes('test')) return 'test';
  return 'runtime';
}

/** Group names in `:a, :b`, `[:a, :b]`, `"a"` or `%i[a b]` form. */
function groupNames(s: string): string[] {
  const pct = /%[iw][[(]([^\])]*)[\])]/.exec(s);
  if (pct) return pct[1].split(/\s+/).filter(Boolean);
  return [...s.matchAll(/:(\w+)|["'](\w+)["']/g)].map((m) => m[1] ?? m[2]);
}

function stripComment(l: string): string {
  // A `#` outside quotes starts a comment; `#{` interpolation only lives inside double quotes.
  let quote = '';
  for (let i = 0; i < l.length; i++) {
    const ch = l[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') return l.slice(0, i);
  }
  return l;
}

export function readGemfile(_path: string, text: string): ReadResult {
  const dependencies: DependencyFact[] = [];
  const localDependencies: NonNullable<ManifestFact['localDependencies']> = [];
  const runtimes: NonNullable<ManifestFact['runtimes']> = [];
  // One entry per open `do`/`if` block; group blocks carry their groups.
  const stack: string[][] = [];
  splitLines(text).forEach((raw, i) => {
    const line = i + 1;
    const l = stripComment(raw).trim();
    if (!l) return;
    if (/^end\b/.test(l)) {
      stack.pop();
      return;
    }
    const group = GROUP_BLOCK.exec(l);
    if (group) {
      stack.push(groupNames(group[1].replace(/[()]/g, ' ')));
      return;
    }
    const gem = GEM.exec(l);
    if (gem) {
      const name = gem[1] ?? gem[2];
      const rest = gem[3];
      const path = GEM_PATH.exec(rest);
      if (path) {
        localDependencies.push({ name, path: path[1] ?? path[2], line });
        return;
      }
      const versions = [...rest.replace(/\b\w+\s*:\s*.*$|:\w+\s*=>.*$/, '').matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2]);
      const inline = /\bgroups?\s*(?::|=>)\s*(\[[^\]]*\]|%[iw][[(][^\])]*[\])]|:\w+|"\w+"|'\w+')/.exec(rest);
      const groups = [...stack.flat(), ...(inline ? groupNames(inline[1]) : [])];
      dependencies.push(compact({ ecosystem: 'gem' as const, name, version: versions.length ? versions.join(', ') : undefined, scope: groupScope(groups), line }));
      return;
    }
    const ruby = RUBY_VERSION.exec(l);
    if (ruby) runtimes.push({ name: 'ruby', version: ruby[1] ?? ruby[2], line });
    if (/\bdo\s*(\|[^|]*\|)?$/.test(l) || /^(if|unless|case|begin|while|until)\b/.test(l)) stack.push([]);
  });
  return { manifests: [compact({ ecosystem: 'gem' as const, localDependencies, runtimes, line: 1 })], dependencies };
}

export function readGemspec(path: string, text: string): ReadResult {
  const dependencies: DependencyFact[] = [];
  let name: string | undefined;
  let nameLine = 1;
  let version: string | undefined;
  let summary: string | undefined;
  let description: string | undefined;
  const executables: { name: string; line: number }[] = [];
  let bindir = 'bin';
  const runtimes: NonNullable<ManifestFact['runtimes']> = [];
  splitLines(text).forEach((raw, i) => {
    const line = i + 1;
    const l = stripComment(raw).trim();
    const dep = ADD_DEPENDENCY.exec(l);
    if (dep) {
      const versions = [...dep[5].matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2]);
      const scope: DependencyScope = dep[1] === 'development_' ? 'dev' : 'runtime';
      dependencies.push(compact({ ecosystem: 'gem' as const, name: dep[2] ?? dep[3] ?? dep[4], version: versions.length ? versions.join(', ') : undefined, scope, line }));
      return;
    }
    const attr = SPEC_ATTRIBUTE.exec(l);
    if (attr) {
      const v = attr[2] ?? attr[3];
      if (attr[1] === 'name') [name, nameLine] = [v, line];
      else if (attr[1] === 'version') version = v;
      else if (attr[1] === 'summary') summary = v;
      else if (attr[1] === 'description') description = v;
      else runtimes.push({ name: 'ruby', version: v, line });
    }
    const bin = SPEC_BINDIR.exec(l);
    if (bin) bindir = bin[1] ?? bin[2];
    const exe = /^\w+\.executables\s*=\s*(\[[^\]]*\]|%w[[(][^\])]*[\])])/.exec(l);
    if (exe) for (const e of exe[1].startsWith('%') ? groupNames(exe[1]) : [...exe[1].matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2])) executables.push({ name: e, line });
  });
  const manifest: ManifestFact = compact({
    ecosystem: 'gem',
    name: name ?? baseName(path).replace(/\.gemspec$/, ''),
    description: oneLine(summary ?? description),
    version,
    entryPoints: executables.map((e) => ({ name: e.name, target: `${bindir}/${e.name}`, line: e.line })),
    kind: executables.length ? ('cli' as const) : ('library' as const),
    runtimes,
    line: nameLine,
  });
  return { manifests: [manifest], dependencies };
}

export const rubyReaders: Reader[] = [
  { id: 'manifest:gemfile', fileNames: ['Gemfile', 'gems.rb'], read: readGemfile },
  { id: 'manifest:gemspec', extensions: ['.gemspec'], read: readGemspec },
];
