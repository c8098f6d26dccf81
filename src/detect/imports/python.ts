/** Python imports: `import a.b`, `from .x import y`, `from a import (b, c)`. Docstrings and comments are skipped. */
import type { ImportFact, Reader } from '../facts.js';
import { lineAt, lineStarts, maskCode, type CodeSyntax } from './lexer.js';

const PYTHON: CodeSyntax = { lineComments: ['#'], tripleQuotes: true, quotes: ['"', "'"] };

// A statement starts a line (possibly indented, or after `;`); `from x import (...)` may span lines.
const STATEMENT = /(^|;)[ \t]*(?:from[ \t]+([.\w]+)[ \t]+import[ \t]*(\([^)]*\)|(?:[^\n;\\]|\\\r?\n)*)|import[ \t]+((?:[^\n;\\]|\\\r?\n)+))/gm;
const DOTTED = /^\.*[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$|^\.+$/;

function names(list: string): string[] {
  return list
    .replace(/[()\\]/g, ' ')
    .split(',')
    .map((part) => part.trim().split(/\s+as\s+/)[0].trim())
    .filter((name) => /^[A-Za-z_]\w*$|^\*$/.test(name));
}

const TYPE_CHECKING = /^([ \t]*)if[ \t]+(?:typing\.)?TYPE_CHECKING[ \t]*:[ \t]*$/gm;

/** Line ranges (1-based, inclusive) of `if TYPE_CHECKING:` blocks: imports there exist for type checkers only. */
function typeCheckingLines(masked: string, starts: number[]): [number, number][] {
  const ranges: [number, number][] = [];
  const lines = masked.split('\n');
  for (const m of masked.matchAll(TYPE_CHECKING)) {
    const first = lineAt(starts, m.index);
    const indent = m[1].length;
    let last = first;
    for (let i = first; i < lines.length; i++) {
      const line = lines[i];
      if (!line.trim()) continue;
      if (line.length - line.trimStart().length <= indent) break;
      last = i + 1;
    }
    if (last > first) ranges.push([first + 1, last]);
  }
  return ranges;
}

const TRY = /^([ \t]*)try[ \t]*:[ \t]*$/gm;

/** Line ranges (1-based, inclusive) of `try:` bodies whose handlers catch ImportError: what they import is optional. */
function guardedLines(masked: string, starts: number[]): [number, number][] {
  const ranges: [number, number][] = [];
  const lines = masked.split('\n');
  let seen = 0;
  for (const m of masked.matchAll(TRY)) {
    // each try scans its own block: a generated file of thousands of nested tries must not cost the square
    if (++seen > 500) break;
    const first = lineAt(starts, m.index);
    const indent = m[1].length;
    let last = first;
    let i = first;
    for (; i < lines.length; i++) {
      const line = lines[i];
      if (!line.trim()) continue;
      if (line.length - line.trimStart().length <= indent) break;
      last = i + 1;
    }
    // the handlers at the try's own indentation, up to the next statement that is none
    let guards = false;
    for (; i < lines.length; i++) {
      const line = lines[i];
      if (!line.trim()) continue;
      const depth = line.length - line.trimStart().length;
      if (depth < indent) break;
      if (depth === indent) {
        if (!/^\s*except\b/.test(line)) break;
        if (/\b(?:ImportError|ModuleNotFoundError)\b/.test(line)) guards = true;
      }
    }
    if (guards && last > first) ranges.push([first + 1, last]);
  }
  return ranges;
}

export function extractPythonImports(text: string): ImportFact[] {
  const { masked } = maskCode(text, PYTHON);
  const starts = lineStarts(text);
  const out: ImportFact[] = [];
  const typeOnly = masked.includes('TYPE_CHECKING') ? typeCheckingLines(masked, starts) : [];
  const kindAt = (line: number): ImportFact['kind'] => (typeOnly.some(([a, b]) => line >= a && line <= b) ? 'type' : 'static');
  const guarded = masked.includes('ImportError') || masked.includes('ModuleNotFoundError') ? guardedLines(masked, starts) : [];
  const optional = (fact: ImportFact): ImportFact => (fact.line !== undefined && guarded.some(([a, b]) => fact.line! >= a && fact.line! <= b) ? { ...fact, optional: true } : fact);
  for (const m of masked.matchAll(STATEMENT)) {
    const line = lineAt(starts, m.index);
    if (m[2] !== undefined) {
      if (!DOTTED.test(m[2])) continue;
      const taken = names(m[3] ?? '').filter((name) => name !== '*');
      const kind = kindAt(line);
      out.push(optional(taken.length ? { specifier: m[2], line, kind, names: taken } : { specifier: m[2], line, kind }));
    } else if (m[4] !== undefined) {
      for (const part of m[4].replace(/\\\r?\n/g, ' ').split(',')) {
        const spec = part.trim().split(/\s+as\s+/)[0].trim();
        if (DOTTED.test(spec) && !spec.startsWith('.')) out.push(optional({ specifier: spec, line, kind: kindAt(line) }));
      }
    }
  }
  return out;
}

export const pythonImportReader: Reader = {
  id: 'imports/python',
  extensions: ['.py', '.pyi'],
  read(_path, text) {
    const imports = extractPythonImports(text);
    return imports.length ? { imports } : {};
  },
};
