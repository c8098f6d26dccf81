/**
 * The little of a markdown document's structure that sync needs: which lines are top-level HTML blocks
 * (where markers may live), which text is not prose (code, HTML comments, resolved links), and the
 * headings. Documents of ordinary size are parsed with mdast-util-from-markdown (CommonMark exact);
 * the parser needs about ten seconds per megabyte, so a huge document is read with a line scanner that knows
 * fenced code, HTML blocks and ATX headings, and ignores lists and quotes.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { BOM, splitLines } from './lines.js';

export type OutlineParser = 'auto' | 'markdown' | 'lines';

/** Above this many characters the line scanner is used. */
export const MAX_PARSED_LENGTH = 128 * 1024;

export interface Outline {
  /** 0-based [first, last] line ranges of the HTML blocks that are direct children of the document. */
  htmlBlocks: [number, number][];
  /** Offset ranges [start, end) that are not prose, in document order, not overlapping. */
  nonProse: [number, number][];
  /** Plain text of every heading, in document order. */
  headings: string[];
}

export function outline(markdown: string, parser: OutlineParser = 'auto'): Outline {
  const useParser = parser === 'markdown' || (parser === 'auto' && markdown.length <= MAX_PARSED_LENGTH);
  return useParser ? parsedOutline(markdown) : scannedOutline(markdown);
}

/** Whether `offset` lies in one of the sorted, disjoint ranges. */
export function inRanges(ranges: [number, number][], offset: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offset < ranges[mid][0]) high = mid - 1;
    else if (offset >= ranges[mid][1]) low = mid + 1;
    else return true;
  }
  return false;
}

// --- CommonMark, through mdast ------------------------------------------------------------------------

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } };
}

function parsedOutline(markdown: string): Outline {
  let tree: MdNode;
  try {
    tree = fromMarkdown(markdown) as MdNode;
  } catch {
    return scannedOutline(markdown); // the parser accepts any text; should it ever fail, scan
  }
  const shift = markdown.startsWith(BOM) ? 1 : 0; // the parser's offsets do not count a BOM
  const result: Outline = { htmlBlocks: [], nonProse: [], headings: [] };
  for (const node of tree.children ?? []) {
    if (node.type === 'html' && node.position) result.htmlBlocks.push([node.position.start.line - 1, node.position.end.line - 1]);
  }
  const visit = (node: MdNode): void => {
    if (node.type === 'heading') result.headings.push(plainText(node));
    const nonProse =
      node.type === 'code' ||
      node.type === 'inlineCode' ||
      node.type === 'linkReference' ||
      node.type === 'definition' ||
      (node.type === 'html' && (node.value ?? '').trimStart().startsWith('<!--'));
    if (nonProse) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) result.nonProse.push([start + shift, end + shift]);
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return result;
}

function plainText(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  return (node.children ?? []).map(plainText).join('');
}

// --- line scanner for huge documents --------------------------------------------------------------------

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const INLINE_CODE = /(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g;

function scannedOutline(markdown: string): Outline {
  const lines = splitLines(markdown);
  const result: Outline = { htmlBlocks: [], nonProse: [], headings: [] };
  const textOf = (i: number) => {
    const text = markdown.slice(lines[i].start, lines[i].end);
    return i === 0 && text.startsWith(BOM) ? text.slice(1) : text;
  };
  const lineEnd = (i: number) => lines[i].end + lines[i].eol.length;
  for (let i = 0; i < lines.length; i++) {
    const text = textOf(i);
    const fence = FENCE_OPEN.exec(text);
    if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) {
      const closer = new RegExp(`^ {0,3}${fence[1][0] === '`' ? '`' : '~'}{${fence[1].length},}[ \\t]*$`);
      let last = i + 1;
      while (last < lines.length && !closer.test(textOf(last))) last++;
      last = Math.min(last, lines.length - 1);
      result.nonProse.push([lines[i].start, lineEnd(last)]);
      i = last;
      continue;
    }
    if (/^ {0,3}</.test(text)) {
      // An HTML comment runs to its "-->"; any other HTML block to the next blank line.
      const isComment = /^ {0,3}<!--/.test(text);
      let last = i;
      if (isComment) {
        const afterOpen = text.indexOf('<!--') + 4;
        if (!text.includes('-->', afterOpen)) while (last + 1 < lines.length && !textOf(++last).includes('-->'));
      } else {
        while (last + 1 < lines.length && textOf(last + 1).trim() !== '') last++;
      }
      result.htmlBlocks.push([i, last]);
      if (isComment) result.nonProse.push([lines[i].start, lineEnd(last)]);
      i = last;
      continue;
    }
    const heading = ATX_HEADING.exec(text);
    if (heading) result.headings.push(heading[1] ?? '');
    INLINE_CODE.lastIndex = 0;
    for (let m = INLINE_CODE.exec(text); m; m = INLINE_CODE.exec(text)) {
      const start = lines[i].start + (text === markdown.slice(lines[i].start, lines[i].end) ? 0 : 1) + m.index;
      result.nonProse.push([start, start + m[0].length]);
    }
  }
  return result;
}
