/**
 * Writing generated sections into ARCHITECTURE.md while everything outside the markers stays the user's,
 * byte for byte: headings, prose between blocks, the BOM, line endings and trailing whitespace.
 */
import { BOM, detectEol, splitLines, withEol } from './lines.js';
import { beginMarker, endMarker, findBlocks, isSectionId } from './markers.js';
import type { OutlineParser } from './outline.js';
import type { BlockStatus, RenderedDocument, RenderedSection, SyncResult } from './types.js';

/** The text between a block's markers, as sync writes it. */
export function blockContent(body: string, eol: string): string {
  return withEol(body, eol);
}

/** Heading, block and (when present) handwritten text of one section, ending with one line ending. */
function sectionText(section: RenderedSection, eol: string): string {
  let text = `## ${oneLine(section.title)}${eol}${eol}${beginMarker(section.id)}${eol}${blockContent(section.body, eol)}${endMarker(section.id)}${eol}`;
  const handwritten = section.handwritten === undefined ? '' : withEol(section.handwritten, eol);
  if (handwritten !== '') text += eol + handwritten;
  return text;
}

function sectionsText(doc: RenderedDocument, eol: string): string {
  return doc.sections.map((section) => sectionText(section, eol)).join(eol);
}

/** A new document: title, lead, then every section, separated by one blank line, ending with one line ending. */
export function createDocument(doc: RenderedDocument, eol = '\n'): string {
  assertSectionIds(doc);
  const parts = [`# ${oneLine(doc.title)}${eol}`];
  const lead = doc.lead === undefined ? '' : withEol(doc.lead, eol);
  if (lead !== '') parts.push(lead);
  if (doc.sections.length > 0) parts.push(sectionsText(doc, eol));
  return assertReadable(parts.join(eol), doc.sections.map((s) => s.id));
}

/**
 * Brings `existing` up to date with `doc`. Throws MarkerError (the caller must then leave the file untouched)
 * when the existing markers are broken.
 */
export function syncDocument(existing: string | undefined, doc: RenderedDocument, options: { parser?: OutlineParser } = {}): SyncResult {
  assertSectionIds(doc);
  const allAdded = () => doc.sections.map((s) => ({ id: s.id, status: 'added' as BlockStatus }));
  if (existing === undefined) return { markdown: createDocument(doc), changed: true, blocks: allAdded() };

  const blocks = findBlocks(existing, options);
  if (blocks.length === 0) {
    const markdown = appendSections(existing, doc, options.parser);
    return { markdown, changed: markdown !== existing, blocks: allAdded() };
  }

  const byId = new Map(blocks.map((block) => [block.id, block]));
  const statuses: SyncResult['blocks'] = [];
  const replacements = new Map<string, string>();
  for (const section of doc.sections) {
    const block = byId.get(section.id);
    if (!block) {
      statuses.push({ id: section.id, status: 'deleted-by-user' });
      continue;
    }
    const content = blockContent(section.body, block.eol);
    assertBodyKeepsMarkers(section.id, content, block.eol);
    const old = existing.slice(block.contentStart, block.contentEnd);
    replacements.set(block.id, content);
    statuses.push({ id: section.id, status: content === old ? 'unchanged' : 'updated' });
  }
  // Rebuild from the outside segments, in document order; unknown blocks keep their content.
  let markdown = '';
  let at = 0;
  for (const block of blocks) {
    markdown += existing.slice(at, block.contentStart);
    markdown += replacements.get(block.id) ?? existing.slice(block.contentStart, block.contentEnd);
    at = block.contentEnd;
  }
  markdown += existing.slice(at);
  return { markdown, changed: markdown !== existing, blocks: statuses };
}

/** A document archmd has never touched: the user's text first, then a blank line, then every section. */
function appendSections(existing: string, doc: RenderedDocument, parser?: OutlineParser): string {
  const hasBom = existing.startsWith(BOM);
  if (existing.slice(hasBom ? 1 : 0).trim() === '') {
    return (hasBom ? BOM : '') + createDocument(doc, detectEol(existing));
  }
  if (doc.sections.length === 0) return existing;
  const eol = detectEol(existing);
  const text = /(?:\r\n|\n|\r)$/.test(existing) ? existing : existing + eol;
  const separated = endsWithBlankLine(text) ? text : text + eol;
  const ids = doc.sections.map((s) => s.id);
  const sections = sectionsText(doc, eol);
  // The user's text may end inside an unclosed code fence or HTML comment, which would swallow the
  // markers; closing it explicitly renders the user's part the same as the end of the file did.
  let failure: unknown;
  for (const closer of ['', '```', '~~~', '`'.repeat(16), '~'.repeat(16), '-->']) {
    try {
      return assertReadable(closer === '' ? separated + sections : text + closer + eol + eol + sections, ids, parser);
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

function endsWithBlankLine(text: string): boolean {
  const lines = splitLines(text);
  const last = lines[lines.length - 1];
  return lines.length >= 2 && last.eol !== '' && text.slice(last.start, last.end).trim() === '';
}

function oneLine(text: string): string {
  return text.replace(/\s*(?:\r\n|\n|\r)\s*/g, ' ').trim();
}

function assertSectionIds(doc: RenderedDocument): void {
  const seen = new Set<string>();
  for (const { id } of doc.sections) {
    if (!isSectionId(id)) throw new Error(`section id "${id}" is not a marker name (lower-case letters, digits, dashes)`);
    if (seen.has(id)) throw new Error(`section id "${id}" appears twice in the rendered document`);
    seen.add(id);
  }
}

/**
 * A body that would swallow its END marker (an unclosed code fence or HTML comment) must not be written:
 * the next run would fail. Checked on the block alone, which is cheap even when the document is long.
 */
function assertBodyKeepsMarkers(id: string, content: string, eol: string): void {
  if (content === '') return;
  const probe = `${beginMarker(id)}${eol}${content}${endMarker(id)}${eol}`;
  assertReadable(probe, [id], 'markdown');
}

/**
 * Generated bodies must not break the markers around them (an unclosed code fence would swallow the END
 * marker). Writing such a document would make the next run fail, so refuse it now.
 */
function assertReadable(markdown: string, expectedIds: string[], parser?: OutlineParser): string {
  let found: string[];
  try {
    found = findBlocks(markdown, { parser }).map((block) => block.id);
  } catch (error) {
    throw new Error(`generated content breaks the archmd markers: ${(error as Error).message}`);
  }
  if (found.join(' ') !== expectedIds.join(' ')) {
    const lost = expectedIds.find((id) => !found.includes(id)) ?? expectedIds[0];
    throw new Error(`generated content hides the markers of section "${lost}" (an unclosed code fence or HTML comment?)`);
  }
  return markdown;
}
