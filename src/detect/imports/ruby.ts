/** Ruby `require 'x'` and `require_relative 'x'` with literal arguments. Heredocs and =begin blocks are skipped. */
import type { ImportFact, Reader } from '../facts.js';
import { lineAt, lineStarts, maskCode, type CodeSyntax } from './lexer.js';

const RUBY: CodeSyntax = { lineComments: ['#'], quotes: ['"', "'"], rubyBlocks: true };

const REQUIRE = /(^|[;(]|\bthen\b|\bdo\b)[ \t]*(require_relative|require)[ \t]*\(?[ \t]*"/gm;

export function extractRubyImports(text: string): ImportFact[] {
  const { masked, literals } = maskCode(text, RUBY);
  const starts = lineStarts(text);
  const out: ImportFact[] = [];
  for (const m of masked.matchAll(REQUIRE)) {
    const quoteAt = m.index + m[0].length - 1;
    const spec = literals.get(quoteAt);
    // Interpolated paths ("#{dir}/x") name no fixed file.
    if (!spec || spec.includes('#{')) continue;
    const relative = m[2] === 'require_relative';
    out.push({ specifier: relative && !spec.startsWith('.') ? `./${spec}` : spec, line: lineAt(starts, quoteAt), kind: 'require' });
  }
  return out;
}

export const rubyImportReader: Reader = {
  id: 'imports/ruby',
  extensions: ['.rb', '.rake', '.gemspec'],
  read(_path, text) {
    const imports = extractRubyImports(text);
    return imports.length ? { imports } : {};
  },
};
