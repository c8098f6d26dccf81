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

export function extractPythonImports(text: string): ImportFact[] {
  const { masked } = maskCode(text, PYTHON);
  const starts = lineStarts(text);
  const out: ImportFact[] = [];
  for (const m of masked.matchAll(STATEMENT)) {
    const line = lineAt(starts, m.index);
    if (m[2] !== undefined) {
      if (!DOTTED.test(m[2])) continue;
      const taken = names(m[3] ?? '').filter((name) => name !== '*');
      out.push(taken.length ? { specifier: m[2], line, kind: 'static', names: taken } : { specifier: m[2], line, kind: 'static' });
    } else if (m[4] !== undefined) {
      for (const part of m[4].replace(/\\\r?\n/g, ' ').split(',')) {
        const spec = part.trim().split(/\s+as\s+/)[0].trim();
        if (DOTTED.test(spec) && !spec.startsWith('.')) out.push({ specifier: spec, line, kind: 'static' });
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
