/** Go: go.mod and go.work. Both are line-based: `directive args` or `directive ( ... )` blocks. */
import type { DependencyFact, ManifestFact, Reader } from '../facts.js';
import { compact, splitLines, type ReadResult } from './text.js';

interface Directive {
  verb: string;
  args: string;
  comment: string;
  line: number;
}

/** Flattens blocks so `require ( a v1 )` reads like `require a v1`, each with its own line. */
function directives(text: string): Directive[] {
  const out: Directive[] = [];
  let block: string | undefined;
  splitLines(text).forEach((raw, i) => {
    const cut = raw.indexOf('//');
    const code = (cut >= 0 ? raw.slice(0, cut) : raw).trim();
    const comment = cut >= 0 ? raw.slice(cut + 2).trim() : '';
    if (!code) return;
    if (block !== undefined) {
      if (code === ')') block = undefined;
      else out.push({ verb: block, args: code, comment, line: i + 1 });
      return;
    }
    const m = /^(\w+)\s*(.*)$/.exec(code);
    if (!m) return;
    if (m[2] === '(') block = m[1];
    else out.push({ verb: m[1], args: m[2].trim(), comment, line: i + 1 });
  });
  return out;
}

function unquote(s: string): string {
  return s.replace(/^["`](.*)["`]$/, '$1');
}

function isLocalPath(p: string): boolean {
  return p.startsWith('./') || p.startsWith('../') || p.startsWith('/') || p === '.' || p === '..';
}

export function readGoMod(path: string, text: string): ReadResult {
  const list = directives(text);
  if (!list.some((d) => d.verb === 'module')) {
    return { warnings: [{ file: path, message: 'malformed go.mod: no module directive' }] };
  }
  let name: string | undefined;
  let nameLine = 1;
  const dependencies: DependencyFact[] = [];
  const localDependencies: NonNullable<ManifestFact['localDependencies']> = [];
  const runtimes: NonNullable<ManifestFact['runtimes']> = [];
  for (const d of list) {
    if (d.verb === 'module') {
      name = unquote(d.args.split(/\s+/)[0]);
      nameLine = d.line;
    } else if (d.verb === 'go') {
      runtimes.push({ name: 'go', version: d.args, line: d.line });
    } else if (d.verb === 'require') {
      const [mod, version] = d.args.split(/\s+/);
      // Indirect requirements are still linked into the build, so they stay runtime, but are marked:
      // a transitive database driver is no evidence that this module talks to that database.
      const indirect = /(^|;\s*)indirect\b/.test(d.comment) ? true : undefined;
      if (mod) dependencies.push(compact({ ecosystem: 'go' as const, name: unquote(mod), version, scope: 'runtime' as const, indirect, line: d.line }));
    } else if (d.verb === 'replace') {
      const m = /^(\S+)(?:\s+\S+)?\s*=>\s*(\S+)/.exec(d.args);
      if (m && isLocalPath(m[2])) localDependencies.push({ name: unquote(m[1]), path: m[2], line: d.line });
    }
  }
  // A module replaced by a local folder is part of this repository, not an external dependency.
  const localNames = new Set(localDependencies.map((l) => l.name));
  const manifest: ManifestFact = compact({ ecosystem: 'go', name, localDependencies, runtimes, line: nameLine });
  return { manifests: [manifest], dependencies: dependencies.filter((d) => !localNames.has(d.name)) };
}

export function readGoWork(_path: string, text: string): ReadResult {
  const list = directives(text);
  const workspaces = list.filter((d) => d.verb === 'use').map((d) => unquote(d.args.split(/\s+/)[0]));
  const runtimes = list.filter((d) => d.verb === 'go').map((d) => ({ name: 'go', version: d.args, line: d.line }));
  return { manifests: [compact({ ecosystem: 'go' as const, workspaces, runtimes, line: 1 })] };
}

export const goReaders: Reader[] = [
  { id: 'manifest:go.mod', fileNames: ['go.mod'], read: readGoMod },
  { id: 'manifest:go.work', fileNames: ['go.work'], read: readGoWork },
];
