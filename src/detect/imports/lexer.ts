/**
 * A rough lexer shared by the non-JS import readers. It blanks comments and string literals so that an
 * import-looking line inside a docstring or a comment is never read, while keeping every offset (and so
 * every line number) where it was. String contents stay reachable through `literalAt`.
 */

export interface CodeSyntax {
  lineComments: string[];
  /** Block comment delimiters; `nested` for Rust and Kotlin, where block comments nest. */
  blockComments?: { open: string; close: string; nested?: boolean }[];
  /** Python: ''' and """ strings. Java/Kotlin/C# text blocks use the same """ form. */
  tripleQuotes?: boolean;
  /** Quote characters that open an ordinary string with backslash escapes. */
  quotes: string[];
  /** Go: backquoted raw strings without escapes. */
  backquoteRaw?: boolean;
  /** Rust: r"..", r#".."#, and 'c' char literals beside 'a lifetimes. */
  rust?: boolean;
  /** C#: @"verbatim" strings with "" escapes. */
  csharpVerbatim?: boolean;
  /** Ruby: =begin/=end blocks and <<~HEREDOC bodies. PHP: <<<EOT heredocs. */
  rubyBlocks?: boolean;
  phpHeredoc?: boolean;
}

export interface MaskedCode {
  /** Same length as the input: comments are spaces, a string literal is `"` followed by spaces (newlines kept). */
  masked: string;
  /** The raw content of each string literal, by the offset of its first character. */
  literals: Map<number, string>;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const startsCache = new WeakMap<CodeSyntax, RegExp>();

function startsRegExp(syntax: CodeSyntax): RegExp {
  let re = startsCache.get(syntax);
  if (re) return re;
  const alts = [...syntax.lineComments, ...(syntax.blockComments ?? []).map((b) => b.open), ...syntax.quotes].map(escapeRe);
  if (syntax.backquoteRaw) alts.push('`');
  if (syntax.rust) alts.push('r#*"', "'");
  if (syntax.csharpVerbatim) alts.push('[@$]{1,2}"');
  if (syntax.rubyBlocks) alts.push('^=begin', '<<');
  if (syntax.phpHeredoc) alts.push('<<<');
  re = new RegExp(alts.join('|'), 'gm');
  startsCache.set(syntax, re);
  return re;
}

function blank(s: string): string {
  return s.replace(/[^\n]/g, ' ');
}

/** Blank comments and literals. Never throws; an unterminated literal runs to the end of the text. */
export function maskCode(text: string, syntax: CodeSyntax): MaskedCode {
  const out: string[] = [];
  const literals = new Map<number, string>();
  const n = text.length;
  let i = 0;
  let copied = 0;
  const emitLiteral = (start: number, end: number, contentStart: number, contentEnd: number) => {
    out.push(text.slice(copied, start), '"', blank(text.slice(start + 1, end)));
    literals.set(start, text.slice(contentStart, Math.max(contentStart, contentEnd)));
    copied = end;
  };
  const emitComment = (start: number, end: number) => {
    out.push(text.slice(copied, start), blank(text.slice(start, end)));
    copied = end;
  };
  /** End of an escaped string opened at `i` by `quote` (exclusive); strings do not cross lines unless triple. */
  const endOfEscaped = (from: number, quote: string, multiline: boolean): number => {
    let j = from;
    while (j < n) {
      const c = text[j];
      if (c === '\\') j += 2;
      else if (c === quote) return j + 1;
      else if (c === '\n' && !multiline) return j;
      else j++;
    }
    return n;
  };
  const atLineStart = (k: number) => k === 0 || text[k - 1] === '\n';
  // Jump straight to the next character that can open a comment or a literal: most text is plain code.
  const next = startsRegExp(syntax);

  while (i < n) {
    next.lastIndex = i;
    const found = next.exec(text);
    if (!found) break;
    i = found.index;
    const c = text[i];
    // Line comments.
    let matched = false;
    for (const lc of syntax.lineComments) {
      if (text.startsWith(lc, i)) {
        // PHP and Ruby `#` is a comment; `#[` in PHP 8 is an attribute, which is harmless to blank too.
        let end = text.indexOf('\n', i);
        if (end < 0) end = n;
        emitComment(i, end);
        i = end;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    if (syntax.blockComments) {
      for (const bc of syntax.blockComments) {
        if (!text.startsWith(bc.open, i)) continue;
        let depth = 1;
        let j = i + bc.open.length;
        while (j < n && depth > 0) {
          if (text.startsWith(bc.close, j)) {
            depth--;
            j += bc.close.length;
          } else if (bc.nested && text.startsWith(bc.open, j)) {
            depth++;
            j += bc.open.length;
          } else j++;
        }
        emitComment(i, j);
        i = j;
        matched = true;
        break;
      }
      if (matched) continue;
    }
    if (syntax.rubyBlocks && c === '=' && atLineStart(i) && text.startsWith('=begin', i)) {
      const endIdx = text.indexOf('\n=end', i);
      const end = endIdx < 0 ? n : endIdx + 5;
      emitComment(i, end);
      i = end;
      continue;
    }
    if ((syntax.rubyBlocks && c === '<' && text.startsWith('<<', i)) || (syntax.phpHeredoc && text.startsWith('<<<', i))) {
      const m = syntax.phpHeredoc
        ? /^<<<[ \t]*(["']?)([A-Za-z_]\w*)\1\r?\n/.exec(text.slice(i, i + 80))
        : /^<<[~-]?(["'`]?)([A-Z_][A-Z0-9_]*)\1/.exec(text.slice(i, i + 80));
      if (m) {
        const tag = m[2];
        // The body starts on the next line and ends at a line holding only the tag.
        const bodyStart = text.indexOf('\n', i);
        const close = bodyStart < 0 ? null : new RegExp(`\\n[ \\t]*${tag}\\b`, 'g');
        let end = n;
        if (close) {
          close.lastIndex = bodyStart;
          const found = close.exec(text);
          if (found) end = found.index + found[0].length;
        }
        // Blank from the end of the opener's line so code after `<<~EOS` on the same line stays readable.
        out.push(text.slice(copied, bodyStart < 0 ? n : bodyStart), blank(text.slice(bodyStart < 0 ? n : bodyStart, end)));
        copied = end;
        i = end;
        continue;
      }
    }
    if (syntax.rust && c === 'r' && (text[i + 1] === '"' || text[i + 1] === '#') && !/[\w]/.test(text[i - 1] ?? '')) {
      const m = /^r(#*)"/.exec(text.slice(i, i + 260));
      if (m) {
        const closer = `"${m[1]}`;
        const contentStart = i + m[0].length;
        const closeAt = text.indexOf(closer, contentStart);
        const end = closeAt < 0 ? n : closeAt + closer.length;
        emitLiteral(i, end, contentStart, closeAt < 0 ? n : closeAt);
        i = end;
        continue;
      }
    }
    if (syntax.rust && c === "'") {
      // A char literal is 'x' or '\n' or '\u{..}'; otherwise this is a lifetime or a label.
      const m = /^'(?:\\(?:u\{[0-9a-fA-F]+\}|x[0-9a-fA-F]{2}|.)|[^\\'\n])'/.exec(text.slice(i, i + 12));
      if (m) {
        emitLiteral(i, i + m[0].length, i + 1, i + m[0].length - 1);
        i += m[0].length;
      } else i++;
      continue;
    }
    if (syntax.csharpVerbatim && (c === '@' || c === '$') && /^(?:@\$?|\$@)"/.test(text.slice(i, i + 3))) {
      const q = text.indexOf('"', i);
      let j = q + 1;
      while (j < n) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      const end = Math.min(n, j + 1);
      emitLiteral(i, end, q + 1, j);
      i = end;
      continue;
    }
    if (syntax.tripleQuotes && (c === '"' || c === "'") && text[i + 1] === c && text[i + 2] === c) {
      const closer = c + c + c;
      let j = i + 3;
      while (j < n && !text.startsWith(closer, j)) j += text[j] === '\\' ? 2 : 1;
      const end = Math.min(n, j + 3);
      emitLiteral(i, end, i + 3, Math.min(j, n));
      i = end;
      continue;
    }
    if (syntax.backquoteRaw && c === '`') {
      const closeAt = text.indexOf('`', i + 1);
      const end = closeAt < 0 ? n : closeAt + 1;
      emitLiteral(i, end, i + 1, closeAt < 0 ? n : closeAt);
      i = end;
      continue;
    }
    if (syntax.quotes.includes(c)) {
      const end = endOfEscaped(i + 1, c, c === '`');
      const closed = end > i + 1 && text[end - 1] === c;
      emitLiteral(i, end, i + 1, closed ? end - 1 : end);
      i = end;
      continue;
    }
    i++;
  }
  out.push(text.slice(copied));
  const masked = out.join('');
  // A byte-order mark would hide a first-line `namespace` or `package` from the line-anchored patterns.
  return { masked: masked.charCodeAt(0) === 0xfeff ? ` ${masked.slice(1)}` : masked, literals };
}

export { lineAt, lineStarts } from '../lines.js';
