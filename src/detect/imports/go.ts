/** Go imports: `import "x"`, `import alias "x"`, and `import ( ... )` blocks. Raw strings and comments are skipped. */
import type { ImportFact, Reader } from '../facts.js';
import { lineAt, lineStarts, maskCode, type CodeSyntax } from './lexer.js';

const GO: CodeSyntax = { lineComments: ['//'], blockComments: [{ open: '/*', close: '*/' }], quotes: ['"', "'"], backquoteRaw: true };

// In the masked text every literal is `"` plus spaces, so a literal's start is the only `"` of its run.
const SINGLE = /(^|;)[ \t]*import[ \t]+(?:[\w.]+[ \t]+)?"/gm;
const BLOCK = /(^|;)[ \t]*import[ \t]*\(([^)]*)\)/gm;
const ENTRY = /(?:^|[\n;])[ \t]*(?:[\w.]+[ \t]+)?"/g;

export function extractGoImports(text: string): ImportFact[] {
  const { masked, literals } = maskCode(text, GO);
  const starts = lineStarts(text);
  const out: ImportFact[] = [];
  const add = (quoteAt: number) => {
    const spec = literals.get(quoteAt);
    if (spec && /^[\w.\-~/]+$/.test(spec)) out.push({ specifier: spec, line: lineAt(starts, quoteAt), kind: 'static' });
  };
  for (const m of masked.matchAll(SINGLE)) add(m.index + m[0].length - 1);
  for (const m of masked.matchAll(BLOCK)) {
    const bodyAt = m.index + m[0].indexOf('(') + 1;
    for (const e of m[2].matchAll(ENTRY)) add(bodyAt + e.index + e[0].length - 1);
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

export const goImportReader: Reader = {
  id: 'imports/go',
  extensions: ['.go'],
  read(_path, text) {
    const imports = extractGoImports(text);
    // the package clause: `package main` is what makes a folder a program rather than a library
    const pkg = /^[ \t]*package[ \t]+(\w+)/m.exec(maskCode(text, GO).masked)?.[1];
    return { ...(imports.length ? { imports } : {}), ...(pkg ? { namespace: pkg } : {}) };
  },
};
