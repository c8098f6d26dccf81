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

/** A program's entry: `static void main(`, Kotlin's top-level `fun main(`, or a Spring Boot application class. */
const MAIN_ENTRY = /\bstatic\s+(?:final\s+)?void\s+main\s*\(|^fun\s+main\s*\(|@SpringBootApplication\b|@QuarkusMain\b|\bobject\s+\w+\s+extends\s+App\b/m;

export function extractJvm(text: string, kotlin: boolean): { imports: ImportFact[]; namespace?: string; programEntry?: true } {
  const { masked } = maskCode(text, kotlin ? KOTLIN : JAVA);
  const starts = lineStarts(text);
  const imports: ImportFact[] = [];
  for (const m of masked.matchAll(IMPORT)) {
    const spec = m[2].replace(/[\s`]/g, '');
    imports.push({ specifier: spec, line: lineAt(starts, m.index), kind: 'use' });
  }
  const pkg = PACKAGE.exec(masked);
  const namespace = pkg ? pkg[1].replace(/[\s`]/g, '') : undefined;
  const out: { imports: ImportFact[]; namespace?: string; programEntry?: true } = { imports };
  if (namespace) out.namespace = namespace;
  if (MAIN_ENTRY.test(masked)) out.programEntry = true;
  return out;
}

export const jvmImportReader: Reader = {
  id: 'imports/jvm',
  extensions: ['.java', '.kt', '.kts', '.scala', '.groovy'],
  read(path, text) {
    // a Gradle build script imports build logic (convention plugins), which is no dependency of the code
    if (/\.gradle\.kts$/.test(path)) return {};
    const { imports, namespace, programEntry } = extractJvm(text, !path.endsWith('.java'));
    const out: { imports?: ImportFact[]; namespace?: string; programEntry?: true } = {};
    if (imports.length) out.imports = imports;
    if (namespace) out.namespace = namespace;
    if (programEntry) out.programEntry = true;
    return out;
  },
};
