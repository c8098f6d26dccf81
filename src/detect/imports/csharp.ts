/** C# `using X.Y;`, `global using`, `using static`, `using A = X.Y.Z;`, and the file's first `namespace X.Y`. */
import type { ImportFact, Reader } from '../facts.js';
import { lineAt, lineStarts, maskCode, type CodeSyntax } from './lexer.js';

const CSHARP: CodeSyntax = {
  lineComments: ['//'],
  blockComments: [{ open: '/*', close: '*/' }],
  tripleQuotes: true,
  quotes: ['"', "'"],
  csharpVerbatim: true,
};

// `using (var x = ...)` and `using var x = ...` are statements, not directives: the name must be followed by `;`.
const USING = /^[ \t]*(?:global[ \t]+)?using[ \t]+(?:static[ \t]+)?(?:[A-Za-z_]\w*[ \t]*=[ \t]*)?((?:global::)?[A-Za-z_]\w*(?:[ \t]*\.[ \t]*[A-Za-z_]\w*)*)[ \t]*;/gm;
const NAMESPACE = /^[ \t]*namespace[ \t]+([A-Za-z_]\w*(?:[ \t]*\.[ \t]*[A-Za-z_]\w*)*)/m;

export function extractCSharp(text: string): { imports: ImportFact[]; namespace?: string } {
  const { masked } = maskCode(text, CSHARP);
  const starts = lineStarts(text);
  const imports: ImportFact[] = [];
  for (const m of masked.matchAll(USING)) {
    imports.push({ specifier: m[1].replace(/\s/g, '').replace(/^global::/, ''), line: lineAt(starts, m.index), kind: 'use' });
  }
  const ns = NAMESPACE.exec(masked);
  return ns ? { imports, namespace: ns[1].replace(/\s/g, '') } : { imports };
}

export const csharpImportReader: Reader = {
  id: 'imports/csharp',
  extensions: ['.cs'],
  read(_path, text) {
    const { imports, namespace } = extractCSharp(text);
    const out: { imports?: ImportFact[]; namespace?: string } = {};
    if (imports.length) out.imports = imports;
    if (namespace) out.namespace = namespace;
    return out;
  },
};
