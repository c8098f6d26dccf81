/**
 * Java and Kotlin imports (`import a.b.C;`, `import a.b.*`, `import static a.b.C.m;`, Kotlin without `;`
 * and with `as`), plus the file's own `package a.b`, which resolution uses to find classes by package.
 */
import type { ImportFact, Reader } from '../facts.js';
import { lineAt, lineStarts, maskCode, type CodeSyntax } from './lexer.js';

const JAVA: CodeSyntax = { lineComments: ['//'], blockComments: [{ open: '/*', close: '*/' }], tripleQuotes: true, quotes: ['"', "'"] };
const KOTLIN: CodeSyntax = { ...JAVA, blockComments: [{ open: '/*', close: '*/', nested: true }] };

const PACKAGE = /^[ \t]*package[ \t]+([A-Za-z_][\w]*(?:[ \t]*\.[ \t]*[A-Za-z_`][\w`]*)*)/m;
const IMPORT = /^[ \t]*import[ \t]+(static[ \t]+)?([A-Za-z_`][\w`]*(?:[ \t]*\.[ \t]*(?:[A-Za-z_`][\w`]*|\*))*)/gm;

export function extractJvm(text: string, kotlin: boolean): { imports: ImportFact[]; namespace?: string } {
  const { masked } = maskCode(text, kotlin ? KOTLIN : JAVA);
  const starts = lineStarts(text);
  const imports: ImportFact[] = [];
  for (const m of masked.matchAll(IMPORT)) {
    const spec = m[2].replace(/[\s`]/g, '');
    imports.push({ specifier: spec, line: lineAt(starts, m.index), kind: 'use' });
  }
  const pkg = PACKAGE.exec(masked);
  const namespace = pkg ? pkg[1].replace(/[\s`]/g, '') : undefined;
  return namespace ? { imports, namespace } : { imports };
}

export const jvmImportReader: Reader = {
  id: 'imports/jvm',
  extensions: ['.java', '.kt', '.kts', '.scala', '.groovy'],
  read(path, text) {
    const { imports, namespace } = extractJvm(text, !path.endsWith('.java'));
    const out: { imports?: ImportFact[]; namespace?: string } = {};
    if (imports.length) out.imports = imports;
    if (namespace) out.namespace = namespace;
    return out;
  },
};
