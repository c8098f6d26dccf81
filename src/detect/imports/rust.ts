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

const INLINE_MOD = /\bmod[ \t\n]+(?:r#)?[A-Za-z_]\w*[ \t\n]*\{/g;
const PATH_ATTR = /#\[[ \t]*path[ \t]*=[ \t]*"[ \t]*\][ \t\n]*(?:#\[[^\]]*\][ \t\n]*)*$/;

/** Spans of `#[cfg(test)] mod x { ... }`: compiled for the tests only, like a test file. */
function testModSpans(masked: string, spans: [number, number][]): [number, number][] {
  return spans.filter(([start]) => TEST_ITEM_ATTR.test(masked.slice(Math.max(0, start - 300), start)));
}

/** `#[cfg(test)]` or `#[cfg(any(test, ...))]` right before an item (other attributes and `pub` may sit between). */
const TEST_ITEM_ATTR = /#\[[ \t]*cfg[ \t]*\([ \t]*(?:test|any[ \t]*\([ \t]*test\b[^\]]*\))[ \t]*\)[ \t]*\][ \t\n]*(?:#\[[^\]]*\][ \t\n]*)*(?:pub(?:\([^)]*\))?[ \t\n]+)?$/;

/** Spans of inline `mod x { ... }` blocks (braces counted in masked text, where literals hold none). */
function inlineModSpans(masked: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of masked.matchAll(INLINE_MOD)) {
    let depth = 0;
    let j = m.index + m[0].length - 1;
    for (; j < masked.length; j++) {
      if (masked[j] === '{') depth++;
      else if (masked[j] === '}' && --depth === 0) break;
    }
    spans.push([m.index, j]);
  }
  return spans;
}

/**
 * Inside `mod tests { use super::*; }` the path is relative to the inline module, not the file: each
 * level of inline nesting takes one `super` back to the file's own module (written `self::`). Paths
 * that stay inside the inline module name nothing in another file and are dropped.
 */
function outsideInline(spec: string, depth: number): string | undefined {
  if (!depth) return spec;
  const segs = spec.split('::');
  let supers = 0;
  while (segs[supers] === 'super') supers++;
  if (supers === 0) return segs[0] === 'self' ? undefined : spec;
  if (supers < depth) return undefined;
  const rest = segs.slice(depth);
  return rest.length ? (supers === depth ? ['self', ...rest].join('::') : rest.join('::')) : 'self';
}

export function extractRustImports(text: string): ImportFact[] {
  const { masked, literals } = maskCode(text, RUST);
  const starts = lineStarts(text);
  const spans = inlineModSpans(masked);
  const depthAt = (at: number) => spans.reduce((d, [a, b]) => (at > a && at < b ? d + 1 : d), 0);
  // what only the tests use is no dependency of the crate (dev-dependencies are used there)
  const tests = testModSpans(masked, spans);
  const inTests = (at: number) => tests.some(([a, b]) => at > a && at < b);
  const out: ImportFact[] = [];
  for (const m of masked.matchAll(USE)) {
    const at = m.index + m[1].length;
    if (tests.length && inTests(at)) continue;
    // `#[cfg(test)] use axum_macros::...;` brings in a dev-dependency for the tests alone
    if (TEST_ITEM_ATTR.test(masked.slice(Math.max(0, at - 200), at))) continue;
    const line = lineAt(starts, at);
    // `as` aliases are written with spaces; expandUseTree strips spaces, so drop them first.
    const tree = m[2].replace(/\s+as\s+\w+/g, '');
    const depth = spans.length ? depthAt(at) : 0;
    for (const written of new Set(expandUseTree(tree))) {
      if (!/^(::)?[A-Za-z_]\w*(::[A-Za-z_]\w*)*$/.test(written)) continue;
      const spec = outsideInline(written.replace(/^::/, ''), depth);
      if (spec) out.push({ specifier: spec, line, kind: 'use' });
    }
  }
  for (const m of masked.matchAll(MOD)) {
    const at = m.index + m[1].length;
    // `#[path = "x.rs"] mod imp;` names its file; the literal's offset is the attribute's `"`.
    const attr = PATH_ATTR.exec(masked.slice(Math.max(0, at - 300), at));
    const quoteAt = attr ? Math.max(0, at - 300) + attr.index + attr[0].indexOf('"') : -1;
    const path = quoteAt >= 0 ? literals.get(quoteAt) : undefined;
    out.push({ specifier: path ? `path:${path}` : `mod:${m[3]}`, line: lineAt(starts, at), kind: 'static' });
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
