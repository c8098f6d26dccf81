/**
 * Rust: `use a::b::{c, d}` (one fact per path prefix: the resolver only needs the module path), `mod x;`
 * (a file edge to the module's file) and `extern crate x`. Raw strings, chars and nested comments are skipped.
 */
import type { ImportFact, Reader } from '../facts.js';
import { lineAt, lineStarts, maskCode, type CodeSyntax } from './lexer.js';

const RUST: CodeSyntax = {
  lineComments: ['//'],
  blockComments: [{ open: '/*', close: '*/', nested: true }],
  quotes: ['"'],
  rust: true,
};

const USE = /(^|[;{}\]])[ \t]*(?:pub(?:\([^)]*\))?[ \t]+)?use[ \t]+([^;]+);/gm;
// `mod x;` declares a file module; `mod x { ... }` is inline and names no file.
const MOD = /(^|[;{}\]])[ \t]*(?:pub(?:\([^)]*\))?[ \t]+)?mod[ \t]+(r#)?([A-Za-z_]\w*)[ \t]*;/gm;
const EXTERN = /(^|[;{}\]])[ \t]*extern[ \t]+crate[ \t]+([A-Za-z_]\w*)/gm;

/** Expand `a::{b::c, d}` to ["a::b::c", "a::d"]; `self` inside braces means the prefix itself. */
export function expandUseTree(tree: string): string[] {
  const t = tree.replace(/\s+/g, '');
  const open = t.indexOf('{');
  if (open < 0) {
    const path = t.replace(/as\w+$/, '').replace(/::\*$/, '').replace(/::self$/, '');
    return path ? [path] : [];
  }
  const prefix = t.slice(0, open).replace(/::$/, '');
  const inner = t.slice(open + 1, t.lastIndexOf('}'));
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= inner.length; i++) {
    const c = inner[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if ((c === ',' && depth === 0) || i === inner.length) {
      if (i > start) parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  const out: string[] = [];
  for (const part of parts) {
    for (const sub of expandUseTree(part)) {
      if (sub === 'self') out.push(prefix);
      else out.push(prefix ? `${prefix}::${sub}` : sub);
    }
  }
  return out;
}

export function extractRustImports(text: string): ImportFact[] {
  // `as` aliases are written with spaces; expandUseTree strips spaces, so mark them first.
  const { masked } = maskCode(text, RUST);
  const starts = lineStarts(text);
  const out: ImportFact[] = [];
  for (const m of masked.matchAll(USE)) {
    const line = lineAt(starts, m.index + m[1].length);
    const tree = m[2].replace(/\s+as\s+\w+/g, '');
    for (const spec of new Set(expandUseTree(tree))) {
      if (/^(::)?[A-Za-z_]\w*(::[A-Za-z_]\w*)*$/.test(spec)) out.push({ specifier: spec.replace(/^::/, ''), line, kind: 'use' });
    }
  }
  for (const m of masked.matchAll(MOD)) {
    out.push({ specifier: `mod:${m[3]}`, line: lineAt(starts, m.index + m[1].length), kind: 'static' });
  }
  for (const m of masked.matchAll(EXTERN)) {
    out.push({ specifier: m[2], line: lineAt(starts, m.index + m[1].length), kind: 'use' });
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

export const rustImportReader: Reader = {
  id: 'imports/rust',
  extensions: ['.rs'],
  read(_path, text) {
    const imports = extractRustImports(text);
    return imports.length ? { imports } : {};
  },
};
