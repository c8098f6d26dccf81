/**
 * PHP `use App\X\Y;` (group uses too), the file's `namespace`, and `require`/`include` of literal paths,
 * including `__DIR__ . '/x.php'` which is written out as a relative path.
 */
import type { ImportFact, Reader } from '../facts.js';
import { lineAt, lineStarts, maskCode, type CodeSyntax } from './lexer.js';

const PHP: CodeSyntax = {
  lineComments: ['//', '#'],
  blockComments: [{ open: '/*', close: '*/' }],
  quotes: ['"', "'"],
  phpHeredoc: true,
};

const NAME = String.raw`\\?[A-Za-z_]\w*(?:\\[A-Za-z_]\w*)*`;
const USE = new RegExp(String.raw`(^|[;{}])[ \t]*use[ \t]+(?:function[ \t]+|const[ \t]+)?(${NAME}\\?(?:[ \t]*\{[^}]*\})?(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t\n]*${NAME}(?:[ \t]+as[ \t]+\w+)?)*)[ \t]*;`, 'gm');
const NAMESPACE = new RegExp(String.raw`^[ \t]*namespace[ \t]+(${NAME})[ \t]*[;{]`, 'm');
const INCLUDE = /\b(?:require|include)(?:_once)?[ \t]*\(?[ \t]*(__DIR__[ \t]*\.[ \t]*)?"/g;

function expandUse(body: string): string[] {
  const text = body.replace(/\s+as\s+\w+/g, '').replace(/\s+/g, '');
  const brace = text.indexOf('{');
  if (brace >= 0) {
    const prefix = text.slice(0, brace);
    return text
      .slice(brace + 1, text.indexOf('}'))
      .split(',')
      .filter(Boolean)
      .map((part) => prefix + part);
  }
  return text.split(',').filter(Boolean);
}

export function extractPhp(text: string): { imports: ImportFact[]; namespace?: string } {
  const { masked, literals } = maskCode(text, PHP);
  const starts = lineStarts(text);
  const imports: ImportFact[] = [];
  for (const m of masked.matchAll(USE)) {
    // `use Trait;` inside a class body also matches; resolution treats it like an import, which it is.
    const line = lineAt(starts, m.index + m[1].length);
    for (const name of expandUse(m[2])) imports.push({ specifier: name.replace(/^\\/, ''), line, kind: 'use' });
  }
  for (const m of masked.matchAll(INCLUDE)) {
    const quoteAt = m.index + m[0].length - 1;
    let spec = literals.get(quoteAt);
    if (!spec || spec.includes('$')) continue;
    if (m[1]) spec = `.${spec.startsWith('/') ? '' : '/'}${spec}`;
    imports.push({ specifier: spec, line: lineAt(starts, quoteAt), kind: 'include' });
  }
  const ns = NAMESPACE.exec(masked);
  return ns ? { imports, namespace: ns[1].replace(/^\\/, '') } : { imports };
}

export const phpImportReader: Reader = {
  id: 'imports/php',
  extensions: ['.php'],
  read(_path, text) {
    const { imports, namespace } = extractPhp(text);
    const out: { imports?: ImportFact[]; namespace?: string } = {};
    if (imports.length) out.imports = imports;
    if (namespace) out.namespace = namespace;
    return out;
  },
};
