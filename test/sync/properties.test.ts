/**
 * Property tests: random documents of prose, code fences holding marker-like text, and archmd blocks in
 * random places and order. Whatever the document, sync must touch only block contents, and a second
 * sync must change nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  checkDocument,
  createDocument,
  findBlocks,
  MarkerError,
  syncDocument,
  type RenderedDocument,
} from '../../src/sync/index.js';

const KNOWN_IDS = ['introduction', 'data-flow', 'technology-stack', 'core-components', 'diagrams'];
const UNKNOWN_IDS = ['custom-notes', 'team-2'];
const B = (id: string) => `<!-- BEGIN_ARCHMD section="${id}" -->`;
const E = (id: string) => `<!-- END_ARCHMD section="${id}" -->`;
const MARKER = /^ {0,3}<!--\s*(BEGIN|END)_ARCHMD\s+section="[a-z0-9-]+"\s*-->[ \t]*$/;

// --- generators -----------------------------------------------------------------------------------

/** Characters that look like markdown, unicode of several kinds, and whitespace. No ':' (no link definitions). */
const CHARS = ['a', 'b', 'Z', '0', '9', ' ', ' ', '  ', '\t', '#', '*', '-', '+', '>', '`', '[', ']', '(', ')', '|', '_', '=', '.', '!', '<', '/', '~', '\\', '"',
  'é', 'ß', '中', '文', '🙂', '👩‍💻', 'e\u0301', '\u00a0', '\u200b', 'ش'];

/**
 * A prose line. Excluded: lines that would open a construct running past the line (a code fence,
 * an HTML block, an HTML comment), since those legitimately turn later markers into text.
 */
const proseLine = fc
  .array(fc.constantFrom(...CHARS), { maxLength: 16 })
  .map((chars) => chars.join(''))
  .filter((line) => !line.includes('<!') && !/^ {0,3}</.test(line) && !/^ {0,3}(```|~~~)/.test(line));

const blankLine = fc.constantFrom('', ' ', '\t  ');

const markerLike = fc
  .tuple(fc.constantFrom(B, E), fc.constantFrom(...KNOWN_IDS, ...UNKNOWN_IDS))
  .map(([make, id]) => make(id));

/** A closed code fence of any length, holding marker lines, shorter fences and prose. */
const fence = fc
  .record({
    char: fc.constantFrom('`', '~'),
    length: fc.integer({ min: 3, max: 5 }),
    info: fc.constantFrom('', 'markdown', ' md'),
    inner: fc.array(fc.oneof(markerLike, proseLine, fc.constantFrom('```', '~~~')), { maxLength: 5 }),
    extraClose: fc.integer({ min: 0, max: 2 }),
  })
  .map(({ char, length, info, inner, extraClose }) => {
    const open = char.repeat(length);
    // Inner fence lines must be shorter than the opener or of the other character to stay inside.
    const body = inner.filter((line) => !(line.startsWith(char.repeat(3)) && length === 3));
    return [open + (char === '`' ? info : info), ...body, char.repeat(length + extraClose)];
  });

/** Marker text that markdown makes text: indented code, inline code, a list item's paragraph. */
const hiddenMarker = markerLike.chain((marker) =>
  fc.constantFrom([`    ${marker}`], [`Inline \`${marker}\` code`], ['', `\t${marker}`, '']),
);

const outsidePiece = fc.oneof(
  { weight: 5, arbitrary: proseLine.map((line) => [line]) },
  { weight: 2, arbitrary: blankLine.map((line) => [line]) },
  { weight: 1, arbitrary: fence },
  { weight: 1, arbitrary: hiddenMarker },
);

const outsideText = fc.array(outsidePiece, { maxLength: 6 }).map((pieces) => pieces.flat());

const blockContentLines = fc
  .array(fc.oneof({ weight: 4, arbitrary: proseLine.map((l) => [l]) }, { weight: 1, arbitrary: fence }, { weight: 1, arbitrary: blankLine.map((l) => [l]) }), { maxLength: 4 })
  .map((pieces) => pieces.flat());

const body = blockContentLines.map((lines) => lines.join('\n'));

interface Scenario {
  markdown: string;
  eol: string;
  blockIds: string[];
  doc: RenderedDocument;
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    eol: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    finalEol: fc.boolean(),
    blockIds: fc.shuffledSubarray([...KNOWN_IDS, ...UNKNOWN_IDS]),
    docIds: fc.shuffledSubarray(KNOWN_IDS),
  })
  .chain(({ eol, bom, finalEol, blockIds, docIds }) =>
    fc
      .record({
        outside: fc.array(outsideText, { minLength: blockIds.length + 1, maxLength: blockIds.length + 1 }),
        oldContents: fc.array(blockContentLines, { minLength: blockIds.length, maxLength: blockIds.length }),
        bodies: fc.array(body, { minLength: docIds.length, maxLength: docIds.length }),
        titles: fc.array(proseLine, { minLength: docIds.length, maxLength: docIds.length }),
      })
      .map(({ outside, oldContents, bodies, titles }) => {
        const lines: string[] = [...outside[0]];
        blockIds.forEach((id, i) => {
          lines.push(B(id), ...oldContents[i], E(id), ...outside[i + 1]);
        });
        let markdown = lines.join(eol) + (finalEol && lines.length > 0 ? eol : '');
        if (bom) markdown = '\uFEFF' + markdown;
        const doc: RenderedDocument = {
          title: 'Architecture',
          sections: docIds.map((id, i) => ({ id, title: titles[i] || id, body: bodies[i], handwritten: 'notes' })),
        };
        return { markdown, eol, blockIds, doc };
      }),
  );

// --- helpers --------------------------------------------------------------------------------------

/** The text outside the blocks, as segments, and each block's content. */
function layout(markdown: string): { outside: string[]; contents: Map<string, string> } {
  const outside: string[] = [];
  const contents = new Map<string, string>();
  let at = 0;
  for (const block of findBlocks(markdown)) {
    outside.push(markdown.slice(at, block.contentStart));
    contents.set(block.id, markdown.slice(block.contentStart, block.contentEnd));
    at = block.contentEnd;
  }
  outside.push(markdown.slice(at));
  return { outside, contents };
}

/** What a block must hold, written out independently of the implementation. */
function expectedContent(text: string, eol: string): string {
  const lines = text.split('\n');
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.length === 0 ? '' : lines.join(eol) + eol;
}

// --- properties -----------------------------------------------------------------------------------

test('markers are found exactly where blocks were placed, whatever the fences and prose around them', () => {
  fc.assert(
    fc.property(scenario, ({ markdown, blockIds }) => {
      assert.deepEqual(findBlocks(markdown).map((b) => b.id), blockIds);
    }),
    { numRuns: 600 },
  );
});

test('the line scanner used for huge documents finds the same blocks and syncs the same way', () => {
  fc.assert(
    fc.property(scenario, ({ markdown, blockIds, doc }) => {
      assert.deepEqual(findBlocks(markdown, { parser: 'lines' }).map((b) => b.id), blockIds);
      assert.equal(syncDocument(markdown, doc, { parser: 'lines' }).markdown, syncDocument(markdown, doc, { parser: 'markdown' }).markdown);
    }),
    { numRuns: 300 },
  );
});

test('sync changes only block contents, fills known blocks, and a second sync changes nothing', () => {
  fc.assert(
    fc.property(scenario, ({ markdown, eol, blockIds, doc }) => {
      const first = syncDocument(markdown, doc);
      if (blockIds.length === 0) return; // the append case has its own property
      // Every byte outside the blocks is unchanged.
      const { outside: outsideBefore, contents: before } = layout(markdown);
      const { outside: outsideAfter, contents: after } = layout(first.markdown);
      assert.deepEqual(outsideAfter, outsideBefore);
      assert.deepEqual([...after.keys()], blockIds);
      for (const id of blockIds) {
        const section = doc.sections.find((s) => s.id === id);
        assert.equal(after.get(id), section ? expectedContent(section.body, eol) : before.get(id), `block ${id}`);
      }
      assert.deepEqual(
        first.blocks,
        doc.sections.map(({ id }) => ({
          id,
          status: !blockIds.includes(id) ? 'deleted-by-user' : before.get(id) === after.get(id) ? 'unchanged' : 'updated',
        })),
      );
      assert.equal(first.changed, first.markdown !== markdown);
      // Idempotent.
      const second = syncDocument(first.markdown, doc);
      assert.equal(second.changed, false);
      assert.equal(second.markdown, first.markdown);
      // check agrees with sync, before and after.
      const checkBefore = checkDocument(markdown, doc);
      assert.equal(checkBefore.upToDate, !first.changed);
      assert.deepEqual(
        checkBefore.stale.map((s) => s.id),
        first.blocks.filter((b) => b.status === 'updated').map((b) => b.id),
      );
      for (const stale of checkBefore.stale) assert.match(stale.diff, /^--- ARCHITECTURE\.md \(section "[a-z-]+"\)\n\+\+\+ generated\n@@ /);
      const checkAfter = checkDocument(first.markdown, doc);
      assert.deepEqual(checkAfter.stale, []);
      assert.equal(checkAfter.upToDate, true);
    }),
    { numRuns: 800 },
  );
});

test('a document without markers keeps its text as a prefix and gets every section appended', () => {
  fc.assert(
    fc.property(scenario, ({ markdown, blockIds, doc }) => {
      fc.pre(blockIds.length === 0 && markdown.replace('\uFEFF', '').trim() !== '' && doc.sections.length > 0);
      const first = syncDocument(markdown, doc);
      assert.ok(first.markdown.startsWith(markdown));
      assert.deepEqual(findBlocks(first.markdown).map((b) => b.id), doc.sections.map((s) => s.id));
      const second = syncDocument(first.markdown, doc);
      assert.equal(second.changed, false);
      assert.equal(second.markdown, first.markdown);
    }),
    { numRuns: 300 },
  );
});

test('a created document round-trips: its blocks are the sections, and sync and check find nothing to do', () => {
  fc.assert(
    fc.property(scenario, ({ doc }) => {
      const markdown = createDocument(doc);
      assert.ok(markdown.endsWith('\n') && !markdown.endsWith('\n\n'));
      assert.deepEqual(findBlocks(markdown).map((b) => b.id), doc.sections.map((s) => s.id));
      assert.equal(syncDocument(markdown, doc).changed, false);
      assert.equal(checkDocument(markdown, doc).upToDate, true);
    }),
    { numRuns: 300 },
  );
});

test('removing any one marker line is an error that names a marker line, and sync refuses the document', () => {
  fc.assert(
    fc.property(scenario, fc.nat(), ({ markdown, eol, blockIds, doc }, pick) => {
      fc.pre(blockIds.length > 0);
      const lines = markdown.split(eol);
      const markerLines = findBlocks(markdown).flatMap((b) => [b.beginLine - 1, b.endLine - 1]);
      const removed = markerLines[pick % markerLines.length];
      const broken = [...lines.slice(0, removed), ...lines.slice(removed + 1)].join(eol);
      let error: unknown;
      try {
        syncDocument(broken, doc);
      } catch (caught) {
        error = caught;
      }
      assert.ok(error instanceof MarkerError, `expected a MarkerError, got ${error}`);
      const named = broken.split(eol)[error.line - 1].replace('\uFEFF', '');
      assert.match(named, MARKER);
      assert.match(error.message, new RegExp(`^line ${error.line}: `));
    }),
    { numRuns: 300 },
  );
});
