/** A small unified diff over lines, in the format `diff -u` and code review tools read. */
import { textLines } from './lines.js';

const CONTEXT = 3;
/** Above this many cells the LCS table would cost too much memory: the differing middle is shown as one change. */
const MAX_TABLE_CELLS = 16_000_000;

type Op = { kind: ' ' | '-' | '+'; text: string; noEol: boolean };

export interface DiffLabels {
  from: string;
  to: string;
  /** Line number of the first line of `a` and `b` in a larger file, so hunk headers point into it; 1 by default. */
  fromLine?: number;
  toLine?: number;
}

/** '' when `a` and `b` are equal; otherwise headers and @@ hunks with three lines of context. */
export function unifiedDiff(a: string, b: string, labels: DiffLabels): string {
  if (a === b) return '';
  const header = `--- ${labels.from}\n+++ ${labels.to}\n`;
  const from = tokens(a);
  const to = tokens(b);
  const ops = editScript(from, to);
  if (!ops.some((op) => op.kind !== ' ')) return `${header}@@ line endings differ @@\n`;
  return header + hunks(ops, labels.fromLine ?? 1, labels.toLine ?? 1).join('');
}

interface Token { text: string; noEol: boolean }

/** Lines without their endings; a last line without a line ending is a different line from the same text with one. */
function tokens(text: string): Token[] {
  const lines = textLines(text);
  const endsWithEol = /(?:\r\n|\n|\r)$/.test(text);
  return lines.map((line, i) => ({ text: line, noEol: i === lines.length - 1 && !endsWithEol }));
}

function same(x: Token, y: Token): boolean {
  return x.text === y.text && x.noEol === y.noEol;
}

function editScript(a: Token[], b: Token[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && same(a[prefix], b[prefix])) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && same(a[a.length - 1 - suffix], b[b.length - 1 - suffix])) suffix++;
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  const keep = (t: Token): Op => ({ kind: ' ', ...t });
  return [...a.slice(0, prefix).map(keep), ...lcsScript(midA, midB), ...a.slice(a.length - suffix).map(keep)];
}

/** Classic longest-common-subsequence table, walked forwards so deletions come before insertions. */
function lcsScript(a: Token[], b: Token[]): Op[] {
  const n = a.length;
  const m = b.length;
  const del = (t: Token): Op => ({ kind: '-', ...t });
  const ins = (t: Token): Op => ({ kind: '+', ...t });
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_TABLE_CELLS) return [...a.map(del), ...b.map(ins)];
  // suffixLcs[i][j] = LCS length of a[i..] and b[j..]
  const width = m + 1;
  const suffixLcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      suffixLcs[i * width + j] = same(a[i], b[j])
        ? suffixLcs[(i + 1) * width + j + 1] + 1
        : Math.max(suffixLcs[(i + 1) * width + j], suffixLcs[i * width + j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(a[i], b[j])) {
      ops.push({ kind: ' ', ...a[i] });
      i++;
      j++;
    } else if (suffixLcs[(i + 1) * width + j] >= suffixLcs[i * width + j + 1]) {
      ops.push(del(a[i++]));
    } else {
      ops.push(ins(b[j++]));
    }
  }
  while (i < n) ops.push(del(a[i++]));
  while (j < m) ops.push(ins(b[j++]));
  return ops;
}

function hunks(ops: Op[], firstOld: number, firstNew: number): string[] {
  const changed = ops.map((op, index) => (op.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  // Group changes whose gap is small enough that their contexts touch.
  const groups: [number, number][] = [];
  for (const index of changed) {
    const last = groups[groups.length - 1];
    if (last && index - last[1] <= 2 * CONTEXT + 1) last[1] = index;
    else groups.push([index, index]);
  }
  // Line numbers (1-based) of each op in the old and the new text.
  const oldLine: number[] = [];
  const newLine: number[] = [];
  let o = firstOld;
  let n = firstNew;
  for (const op of ops) {
    oldLine.push(o);
    newLine.push(n);
    if (op.kind !== '+') o++;
    if (op.kind !== '-') n++;
  }
  return groups.map(([firstChange, lastChange]) => {
    const start = Math.max(0, firstChange - CONTEXT);
    const end = Math.min(ops.length - 1, lastChange + CONTEXT);
    const body: string[] = [];
    let oldCount = 0;
    let newCount = 0;
    for (let k = start; k <= end; k++) {
      const op = ops[k];
      body.push(`${op.kind}${op.text}\n`);
      if (op.noEol) body.push('\\ No newline at end of file\n');
      if (op.kind !== '+') oldCount++;
      if (op.kind !== '-') newCount++;
    }
    return `@@ -${range(oldLine[start], oldCount)} +${range(newLine[start], newCount)} @@\n${body.join('')}`;
  });
}

/** GNU diff conventions: a count of one is omitted; an empty range names the line before it. */
function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}
