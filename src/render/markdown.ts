/** Small Markdown helpers shared by the section renderers. Output is stable: no counts, no line numbers. */
import type { Evidence } from '../model/evidence.js';
import type { Fact } from '../model/types.js';

/** Text that must not turn into Markdown: table pipes, brackets that look like links or placeholders, emphasis. */
export function text(value: string): string {
  return value.replace(/\r?\n/g, ' ').replace(/([\\`*_[\]<>|])/g, '\\$1').trim();
}

export function code(value: string): string {
  const fence = value.includes('`') ? '``' : '`';
  return `${fence}${value}${fence}`;
}

/** Distinct files of the evidence, the repository's own first: "`a`, `b`". Lines stay in the JSON. */
export function files(ev: Evidence[], max = 2): string {
  const seen: string[] = [];
  for (const e of ev) {
    if (!seen.includes(e.file)) seen.push(e.file);
  }
  return seen.slice(0, max).map(code).join(', ');
}

export function withEvidence(value: string, ev: Evidence[], max = 2): string {
  const where = files(ev, max);
  return where ? `${value} (${where})` : value;
}

export function factList(facts: Fact[], max = 2): string {
  return facts.map((f) => withEvidence(text(f.value), f.evidence, max)).join('; ');
}

export function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function bullet(label: string, value: string): string {
  return `- **${label}**: ${value}`;
}
