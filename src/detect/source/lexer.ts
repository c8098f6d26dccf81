/**
 * A small, forgiving lexer shared by the code readers. It blanks comments entirely and blanks the inside of
 * string literals (keeping the quotes, the length and every newline), so a regex run over `code` can never
 * match text inside a comment or a string, and an offset in `code` is the same offset in the source.
 * The literal values are kept by the offset of their opening quote, so a reader that finds `app.get(` in
 * code can read the path argument that follows it.
 */
import { lineAt as lineOfOffset } from '../lines.js';

export type Dialect = 'js' | 'c' | 'go' | 'python' | 'ruby' | 'php' | 'groovy' | 'csharp';

export interface Lexed {
  code: string;
  /** Opening-quote offset -> literal value; absent for strings with interpolation (not a constant). */
  strings: Map<number, string>;
  /** Offsets where each line starts, for offset -> line. */
  lineStarts: number[];
}

const BLANK = ' ';

export function lex(text: string, dialect: Dialect): Lexed {
  const out: string[] = new Array(text.length);
  const strings = new Map<number, string>();
  const hashComments = dialect === 'python' || dialect === 'ruby' || dialect === 'php';
  const slashComments = dialect !== 'python' && dialect !== 'ruby';
  const tripleQuotes = dialect === 'python' || dialect === 'groovy' || dialect === 'c';
  let i = 0;
  const n = text.length;
  let lastSignificant = '';

  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) out[k] = text[k] === '\n' ? '\n' : BLANK;
  };
  const copy = (from: number, to: number) => {
    for (let k = from; k < to; k++) out[k] = text[k];
  };

  while (i < n) {
    const ch = text[i];
    const next = text[i + 1];
    // Line comments.
    if ((slashComments && ch === '/' && next === '/') || (hashComments && ch === '#' && !(dialect === 'php' && next === '['))) {
      let end = text.indexOf('\n', i);
      if (end < 0) end = n;
      blank(i, end);
      i = end;
      continue;
    }
    // Block comments.
    if (slashComments && ch === '/' && next === '*') {
      let end = text.indexOf('*/', i + 2);
      end = end < 0 ? n : end + 2;
      blank(i, end);
      i = end;
      continue;
    }
    if (dialect === 'ruby' && ch === '=' && text.startsWith('=begin', i) && (i === 0 || text[i - 1] === '\n')) {
      let end = text.indexOf('\n=end', i);
      end = end < 0 ? n : end + 5;
      blank(i, end);
      i = end;
      continue;
    }
    // JavaScript regex literals can hold quotes; skip them when a value cannot precede the slash.
    if (dialect === 'js' && ch === '/' && (lastSignificant === '' || '(,=:[!&|?{};+-*%<>~^'.includes(lastSignificant))) {
      const end = regexEnd(text, i);
      if (end > 0) {
        copy(i, i + 1);
        blank(i + 1, end);
        i = end;
        lastSignificant = '/';
        continue;
      }
    }
    // Python/Groovy/Java-text-block triple-quoted strings (docstrings).
    if (tripleQuotes && (ch === '"' || ch === "'") && next === ch && text[i + 2] === ch) {
      const quote = ch.repeat(3);
      let end = text.indexOf(quote, i + 3);
      end = end < 0 ? n : end + 3;
      copy(i, i + 3);
      blank(i + 3, Math.max(i + 3, end - 3));
      copy(Math.max(i + 3, end - 3), end);
      const value = text.slice(i + 3, Math.max(i + 3, end - 3));
      if (!/\$\{|#\{/.test(value)) strings.set(i, value);
      i = end;
      lastSignificant = '"';
      continue;
    }
    const isQuote = ch === '"' || ch === "'" || (ch === '`' && (dialect === 'js' || dialect === 'go'));
    // Rust-like lifetimes and Go/C char literals are short; a lone ' in C# or Java is a char literal, same handling.
    if (isQuote) {
      const raw = ch === '`' && dialect === 'go';
      const verbatim = dialect === 'csharp' && text[i - 1] === '@';
      const end = ch === '`' && dialect === 'js' ? templateEnd(text, i) : stringEnd(text, i, ch, raw || verbatim, ch === '`' || dialect === 'ruby' || dialect === 'php');
      copy(i, i + 1);
      blank(i + 1, end - 1);
      if (end - 1 > i) copy(end - 1, end);
      const body = text.slice(i + 1, Math.max(i + 1, end - 1));
      const interpolated =
        (ch === '`' && dialect === 'js' && body.includes('${')) ||
        (dialect === 'python' && /[fF]/.test(prefix(text, i)) && body.includes('{')) ||
        ((dialect === 'ruby' || dialect === 'groovy') && ch === '"' && /#\{|\$\{|\$\w/.test(body)) ||
        (dialect === 'php' && ch === '"' && body.includes('$')) ||
        (dialect === 'csharp' && text[i - 1] === '$');
      const rawPrefix = dialect === 'python' && /[rR]/.test(prefix(text, i));
      if (!interpolated) strings.set(i, raw || verbatim || rawPrefix ? body : unescape(body));
      i = end;
      lastSignificant = '"';
      continue;
    }
    out[i] = ch;
    if (!/\s/.test(ch)) lastSignificant = ch;
    i++;
  }
  const lineStarts = [0];
  for (let k = 0; k < n; k++) if (text.charCodeAt(k) === 10) lineStarts.push(k + 1);
  return { code: out.join(''), strings, lineStarts };
}

function prefix(text: string, quoteAt: number): string {
  let k = quoteAt - 1;
  while (k >= 0 && /[rRbBfFuU]/.test(text[k]) && quoteAt - k <= 2) k--;
  return text.slice(k + 1, quoteAt);
}

/** Offset just past a JS template literal, stepping over `${ ... }` parts that may hold nested strings and templates. */
function templateEnd(text: string, start: number, depth = 0): number {
  let k = start + 1;
  const n = text.length;
  while (k < n) {
    const c = text[k];
    if (c === '\\') {
      k += 2;
      continue;
    }
    if (c === '`') return k + 1;
    if (c === '$' && text[k + 1] === '{' && depth < 20) {
      k += 2;
      let braces = 1;
      while (k < n && braces > 0) {
        const d = text[k];
        if (d === '`') k = templateEnd(text, k, depth + 1);
        else if (d === '"' || d === "'") k = stringEnd(text, k, d, false, false);
        else {
          if (d === '{') braces++;
          else if (d === '}') braces--;
          k++;
        }
      }
      continue;
    }
    k++;
  }
  return n;
}

/** Offset just past the closing quote; a string never runs past a newline unless the language allows it. */
function stringEnd(text: string, start: number, quote: string, raw: boolean, multiline: boolean): number {
  let k = start + 1;
  const n = text.length;
  while (k < n) {
    const c = text[k];
    if (c === '\\' && !raw) {
      k += 2;
      continue;
    }
    if (c === quote) {
      if (raw && quote === '"' && text[k + 1] === '"') {
        k += 2; // C# verbatim "" escape
        continue;
      }
      return k + 1;
    }
    if (c === '\n' && !multiline && !raw) return k;
    k++;
  }
  return n;
}

function regexEnd(text: string, start: number): number {
  let k = start + 1;
  let inClass = false;
  if (text[k] === '/' || text[k] === '*') return -1;
  while (k < text.length) {
    const c = text[k];
    if (c === '\n') return -1;
    if (c === '\\') {
      k += 2;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) return k + 1;
    k++;
  }
  return -1;
}

function unescape(body: string): string {
  return body.includes('\\') ? body.replace(/\\(.)/g, '$1') : body;
}

/** 1-based line of an offset. */
export function lineAt(lexed: Lexed, offset: number): number {
  return lineOfOffset(lexed.lineStarts, offset);
}

/** The string literal opening at `offset` (after optional whitespace), if any. */
export function stringAt(lexed: Lexed, offset: number): { value: string; start: number } | undefined {
  let k = offset;
  while (k < lexed.code.length && /\s/.test(lexed.code[k])) k++;
  // Python/Rust style prefixes (r"...", b'...') and C# @"..." sit before the quote.
  while (k < lexed.code.length && /[rbuRBU@]/.test(lexed.code[k]) && k - offset < 2) k++;
  const value = lexed.strings.get(k);
  return value === undefined ? undefined : { value, start: k };
}
