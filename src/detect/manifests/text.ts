/**
 * Helpers shared by the manifest readers. Parsers give values but not positions, so lines are found
 * afterwards in the text: first the section a value lives in, then the key or string inside it.
 */
import { lineAt, lineStarts } from '../lines.js';
import type { FileFacts } from '../facts.js';

export type ReadResult = Omit<FileFacts, 'path'>;

export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** One-line parser message, so a warning never spills a multi-line code frame into the report. */
export function firstLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split(/\r?\n/).find((l) => l.trim() !== '')?.trim() ?? 'parse error';
}

export function malformed(path: string, what: string, err: unknown): ReadResult {
  return { warnings: [{ file: path, message: `malformed ${what}: ${firstLine(err)}` }] };
}

/** Maps a character offset to its 1-based line in O(log n), for readers that match across lines. */
export function lineLocator(text: string): (offset: number) => number {
  const starts = lineStarts(text);
  return (offset) => lineAt(starts, offset);
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** 1-based line of the first line in [from, to) (0-based indexes) that matches, or undefined. */
export function findLine(lines: string[], re: RegExp, from = 0, to = lines.length): number | undefined {
  for (let i = Math.max(0, from); i < Math.min(to, lines.length); i++) if (re.test(lines[i])) return i + 1;
  return undefined;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

export function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Descriptions are shown inline: one line, single spaces, nothing when empty. */
export function oneLine(s: string | undefined): string | undefined {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

/** Drop undefined and empty-array fields so facts stay small and comparable in tests. */
export function compact<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as T;
}

// ---- JSON -------------------------------------------------------------------------------------------

/** Line of `"key":` inside the object that starts at the line of `"section":` (first occurrence). */
export function jsonKeyLine(lines: string[], section: string | undefined, key: string): number | undefined {
  let from = 0;
  if (section !== undefined) {
    const at = findLine(lines, new RegExp(`"${escapeRegExp(section)}"\\s*:`));
    if (at === undefined) return undefined;
    from = at - 1;
  }
  return findLine(lines, new RegExp(`"${escapeRegExp(key)}"\\s*:`), from);
}

// ---- TOML -------------------------------------------------------------------------------------------

/** Splits a TOML key path (`tool.poetry."group".dev`) into its parts, unquoting them. */
export function tomlKeyPath(raw: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quote = '';
  for (const ch of raw) {
    if (quote) {
      if (ch === quote) quote = '';
      else cur += ch;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '.') {
      parts.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  parts.push(cur.trim());
  return parts;
}

// The key path is trimmed by tomlKeyPath; a lazy group before \s* would backtrack quadratically on blank runs.
const TOML_HEADER = /^\s*\[\[?([^\]]+)\]\]?\s*(?:#.*)?$/;

function sameKeyPath(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Line ranges (0-based [start, end)) of the bodies of every `[table]` or `[[table]]` with this key path. */
export function tomlSections(lines: string[], table: string[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = TOML_HEADER.exec(lines[i]);
    if (!m || !sameKeyPath(tomlKeyPath(m[1]), table)) continue;
    let end = i + 1;
    while (end < lines.length && !TOML_HEADER.test(lines[end])) end++;
    out.push([i + 1, end]);
  }
  return out;
}

function keyPattern(key: string): RegExp {
  const k = escapeRegExp(key);
  return new RegExp(`^\\s*(${k}|"${k}"|'${k}')\\s*[=.]`);
}

/**
 * Line where `key` is declared in `table`: as `key = ...` or `key.x = ...` inside the table, or as the
 * header of its own sub-table `[table.key]`; undefined when it cannot be found.
 */
export function tomlKeyLine(lines: string[], table: string[], key: string): number | undefined {
  for (const [start, end] of tomlSections(lines, table)) {
    const at = findLine(lines, keyPattern(key), start, end);
    if (at !== undefined) return at;
  }
  const sub = tomlSections(lines, [...table, key])[0];
  if (sub) return sub[0];
  // Dotted keys one level up: `[project]` holding `optional-dependencies.dev = [...]` and similar.
  if (table.length > 1) {
    const parent = table.slice(0, -1);
    const dotted = new RegExp(`^\\s*["']?${escapeRegExp(table[table.length - 1])}["']?\\s*\\.\\s*["']?${escapeRegExp(key)}["']?\\s*=`);
    for (const [start, end] of tomlSections(lines, parent)) {
      const at = findLine(lines, dotted, start, end);
      if (at !== undefined) return at;
    }
  }
  return undefined;
}

/**
 * Line of a string item of an array value `key = [ "item", ... ]` in `table`. `used` keeps lines already
 * given out, so two identical strings in one array get their own lines.
 */
export function tomlArrayItemLine(lines: string[], table: string[], key: string, item: string, used?: Set<number>): number | undefined {
  const keyLine = tomlKeyLine(lines, table, key);
  if (keyLine === undefined) return undefined;
  const quoted = new RegExp(`["']${escapeRegExp(item)}["']`);
  for (let i = keyLine - 1; i < lines.length; i++) {
    if (i > keyLine - 1 && TOML_HEADER.test(lines[i])) break;
    if (quoted.test(lines[i]) && !used?.has(i + 1)) {
      used?.add(i + 1);
      return i + 1;
    }
  }
  return keyLine;
}

// ---- PEP 508 requirement strings ---------------------------------------------------------------------

export interface Requirement {
  name: string;
  version?: string;
}

/** Name and version specifier of a PEP 508 string ("requests[socks]>=2.0; python_version<'3.8'"). */
export function parsePep508(spec: string): Requirement | undefined {
  const m = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$/.exec(spec);
  if (!m) return undefined;
  let rest = m[3];
  const semi = rest.indexOf(';');
  if (semi >= 0) rest = rest.slice(0, semi);
  rest = rest.trim();
  if (rest.startsWith('@')) return { name: m[1] };
  if (rest.startsWith('(') && rest.endsWith(')')) rest = rest.slice(1, -1).trim();
  if (rest !== '' && !/^[<>=!~]/.test(rest)) return undefined;
  return rest ? { name: m[1], version: rest.replace(/\s+/g, '') } : { name: m[1] };
}
