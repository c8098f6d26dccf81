/** `archmd check`: is the document still what archmd would write, and is anything left of the template? */
import { unifiedDiff } from './diff.js';
import { blockContent } from './document.js';
import { splitLines } from './lines.js';
import { findBlocks } from './markers.js';
import { inRanges, outline, type OutlineParser } from './outline.js';
import type { CheckResult, RenderedDocument } from './types.js';

export const TEMPLATE_HEADINGS = [
  'Introduction',
  'High-Level Architecture',
  'Core Components',
  'Data Flow',
  'Technology Stack',
  'Deployment Architecture',
  'Future Improvements',
  'Diagrams',
  'Conclusion',
];

export interface CheckOptions {
  template?: { headings: string[] };
  /** Names the document in diff headers; defaults to ARCHITECTURE.md. */
  file?: string;
  /** How to read the document's structure; 'auto' parses CommonMark unless the document is huge. */
  parser?: OutlineParser;
}

/** Throws MarkerError when the document's markers are broken. */
export function checkDocument(existing: string, doc: RenderedDocument, options: CheckOptions = {}): CheckResult {
  const file = options.file ?? 'ARCHITECTURE.md';
  const structure = outline(existing, options.parser);
  const blocks = findBlocks(existing, { outline: structure });
  const byId = new Map(blocks.map((block) => [block.id, block]));
  const stale: CheckResult['stale'] = [];
  for (const section of doc.sections) {
    const block = byId.get(section.id);
    if (!block) continue; // deleted by the user: stays deleted, is not drift
    const current = existing.slice(block.contentStart, block.contentEnd);
    const generated = blockContent(section.body, block.eol);
    if (current !== generated) {
      // Hunk headers count lines of the whole document, so an editor can jump to them.
      const firstLine = block.beginLine + 1;
      const labels = { from: `${file} (section "${section.id}")`, to: 'generated', fromLine: firstLine, toLine: firstLine };
      stale.push({ id: section.id, diff: unifiedDiff(current, generated, labels) });
    }
  }
  const managed = blocks.length > 0;
  // Mirrors syncDocument: a document without blocks would get every section appended.
  const upToDate = managed ? stale.length === 0 : doc.sections.length === 0 && existing.trim() !== '';
  return {
    upToDate,
    stale,
    placeholders: findPlaceholders(existing, structure.nonProse),
    missingSections: missingSections(structure.headings, options.template?.headings ?? TEMPLATE_HEADINGS),
    managed,
  };
}

// --- template placeholders -------------------------------------------------------------------------

/**
 * Bracketed template instructions such as "[Your Project Name]" or "[e.g., PostgreSQL]". A bracket
 * followed by "(", "[" or ":" is a link or a link definition, not a placeholder.
 */
const PLACEHOLDER = /\[(?:(?:e\.g\.|E\.g\.|i\.e\.)|(?:Your|Brief|List|Describe|Plans|Planned|Insert|Add|Explain|Specify|Provide)(?=[ \]]))[^[\]\r\n]*\](?![([:])/g;

function findPlaceholders(markdown: string, nonProse: [number, number][]): CheckResult['placeholders'] {
  if (!markdown.includes('[')) return [];
  const found: CheckResult['placeholders'] = [];
  splitLines(markdown).forEach((line, index) => {
    const text = markdown.slice(line.start, line.end);
    PLACEHOLDER.lastIndex = 0;
    for (let m = PLACEHOLDER.exec(text); m; m = PLACEHOLDER.exec(text)) {
      if (!inRanges(nonProse, line.start + m.index)) found.push({ line: index + 1, text: m[0] });
    }
  });
  return found;
}

// --- template headings -------------------------------------------------------------------------------

function missingSections(headings: string[], wantedHeadings: string[]): string[] {
  const present = headings.map(normalizeHeading);
  // "Technology Stack and Tooling" or "3. Technology Stack" still are the Technology Stack section.
  return wantedHeadings.filter((wanted) => {
    const key = normalizeHeading(wanted);
    return !present.some((heading) => heading === key || heading.startsWith(`${key} `));
  });
}

/** Case, numbering, dashes, emoji and punctuation do not make a heading a different one. */
function normalizeHeading(heading: string): string {
  return heading
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[-_\u2010-\u2015]/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:\d+ )+/, '')
    .replace(/^[ivx]+ (?=\p{L})/u, '');
}
