/**
 * Finding archmd's generated blocks in a markdown document.
 *
 * A marker is an HTML comment alone on its line, at the top level of the document
 * (not in a list, quote, code block, or inside another HTML comment):
 *   <!-- BEGIN_ARCHMD section="technology-stack" --> ... <!-- END_ARCHMD section="technology-stack" -->
 * The markdown parser decides what is code and what is an HTML block, so fenced code of any fence
 * length, indented code and inline code never hold markers.
 */
import { BOM, splitLines, type Line } from './lines.js';
import { outline, type Outline, type OutlineParser } from './outline.js';
import { MarkerError, type Block } from './types.js';

const MARKER_LINE = /^ {0,3}<!--\s*(BEGIN|END)_ARCHMD\s+section="([a-z0-9-]+)"\s*-->[ \t]*$/;
/** Something meant as a marker but not well formed, e.g. an upper-case or unquoted section name. */
const MARKER_LIKE = /^ {0,3}<!--\s*(BEGIN|END)_ARCHMD\b/;
const SECTION_ID = /^[a-z0-9-]+$/;

export function isSectionId(id: string): boolean {
  return SECTION_ID.test(id);
}

export function beginMarker(id: string): string {
  return `<!-- BEGIN_ARCHMD section="${id}" -->`;
}

export function endMarker(id: string): string {
  return `<!-- END_ARCHMD section="${id}" -->`;
}

export interface FindBlocksOptions {
  /** How to read the document's structure; 'auto' parses CommonMark unless the document is huge. */
  parser?: OutlineParser;
  /** The document's outline when the caller already has it. */
  outline?: Outline;
}

interface Marker {
  kind: 'BEGIN' | 'END';
  id: string;
  /** Index into the line array (0-based). */
  index: number;
}

/** Throws MarkerError naming the line when markers are unbalanced, duplicated, nested, renamed or malformed. */
export function findBlocks(markdown: string, options: FindBlocksOptions = {}): Block[] {
  if (!markdown.includes('_ARCHMD')) return [];
  const lines = splitLines(markdown);
  const markers = findMarkers(markdown, lines, options.outline ?? outline(markdown, options.parser));
  const blocks: Block[] = [];
  const seen = new Map<string, number>();
  let open: Marker | undefined;
  for (const marker of markers) {
    const line = marker.index + 1;
    if (marker.kind === 'BEGIN') {
      if (open) {
        throw new MarkerError(line, `BEGIN_ARCHMD section="${marker.id}" inside section "${open.id}" opened at line ${open.index + 1}; markers cannot nest`);
      }
      const first = seen.get(marker.id);
      if (first !== undefined) {
        throw new MarkerError(line, `BEGIN_ARCHMD section="${marker.id}" duplicates the block that begins at line ${first}`);
      }
      seen.set(marker.id, line);
      open = marker;
      continue;
    }
    if (!open) throw new MarkerError(line, `END_ARCHMD section="${marker.id}" without a BEGIN`);
    if (open.id !== marker.id) {
      throw new MarkerError(line, `END_ARCHMD section="${marker.id}" does not match BEGIN_ARCHMD section="${open.id}" at line ${open.index + 1}`);
    }
    const begin = lines[open.index];
    blocks.push({
      id: open.id,
      beginLine: open.index + 1,
      endLine: line,
      contentStart: begin.end + begin.eol.length,
      contentEnd: lines[marker.index].start,
      eol: begin.eol,
    });
    open = undefined;
  }
  if (open) throw new MarkerError(open.index + 1, `BEGIN_ARCHMD section="${open.id}" without an END`);
  return blocks;
}

function findMarkers(markdown: string, lines: Line[], structure: Outline): Marker[] {
  const markers: Marker[] = [];
  for (const [first, last] of structure.htmlBlocks) {
    let inComment = false;
    for (let index = first; index <= last && index < lines.length; index++) {
      let text = markdown.slice(lines[index].start, lines[index].end);
      if (index === 0 && text.startsWith(BOM)) text = text.slice(1);
      if (!inComment) {
        const m = MARKER_LINE.exec(text);
        if (m) {
          markers.push({ kind: m[1] as Marker['kind'], id: m[2], index });
          continue;
        }
        if (MARKER_LIKE.test(text)) {
          throw new MarkerError(index + 1, `malformed marker; expected ${'<!-- BEGIN_ARCHMD section="name" -->'} with a lower-case name of letters, digits and dashes`);
        }
      }
      inComment = commentStateAfter(text, inComment);
    }
  }
  return markers;
}

/** Whether an HTML comment is still open at the end of this line. */
function commentStateAfter(text: string, inComment: boolean): boolean {
  let at = 0;
  for (;;) {
    if (inComment) {
      const close = text.indexOf('-->', at);
      if (close < 0) return true;
      inComment = false;
      at = close + 3;
    } else {
      const open = text.indexOf('<!--', at);
      if (open < 0) return false;
      inComment = true;
      at = open + 4;
    }
  }
}
