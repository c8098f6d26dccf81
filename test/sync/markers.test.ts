import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findBlocks, MarkerError } from '../../src/sync/index.js';

const B = (id: string) => `<!-- BEGIN_ARCHMD section="${id}" -->`;
const E = (id: string) => `<!-- END_ARCHMD section="${id}" -->`;

function markerError(markdown: string): MarkerError {
  try {
    findBlocks(markdown);
  } catch (error) {
    assert.ok(error instanceof MarkerError, `expected MarkerError, got ${error}`);
    return error;
  }
  assert.fail('expected a MarkerError');
}

test('a block reports its lines and the offsets of its content', () => {
  const md = ['# T', '', B('data-flow'), 'one', 'two', E('data-flow'), 'after', ''].join('\n');
  const [block] = findBlocks(md);
  assert.equal(block.id, 'data-flow');
  assert.equal(block.beginLine, 3);
  assert.equal(block.endLine, 6);
  assert.equal(md.slice(block.contentStart, block.contentEnd), 'one\ntwo\n');
  assert.equal(block.eol, '\n');
});

test('an empty block has empty content', () => {
  const md = `${B('a')}\r\n${E('a')}\r\n`;
  const [block] = findBlocks(md);
  assert.equal(block.contentStart, block.contentEnd);
  assert.equal(block.eol, '\r\n');
});

test('markers tolerate spaces inside the comment and up to three spaces of indent', () => {
  const md = `   <!--BEGIN_ARCHMD   section="x"-->  \nbody\n<!--   END_ARCHMD section="x"   -->\n`;
  assert.deepEqual(findBlocks(md).map((b) => [b.id, b.beginLine, b.endLine]), [['x', 1, 3]]);
});

test('a marker on the first line after a BOM is found', () => {
  const md = `\uFEFF${B('a')}\nx\n${E('a')}\n`;
  const [block] = findBlocks(md);
  assert.equal(block.beginLine, 1);
  assert.equal(md.slice(block.contentStart, block.contentEnd), 'x\n');
});

test('END without a BEGIN names its line', () => {
  const error = markerError(['# T', '', 'text', E('x'), ''].join('\n'));
  assert.equal(error.line, 4);
  assert.equal(error.message, 'line 4: END_ARCHMD section="x" without a BEGIN');
});

test('BEGIN without an END names the BEGIN line', () => {
  const error = markerError(['# T', B('intro'), 'text', ''].join('\n'));
  assert.equal(error.line, 2);
  assert.equal(error.message, 'line 2: BEGIN_ARCHMD section="intro" without an END');
});

test('nested markers are an error at the inner BEGIN', () => {
  const error = markerError([B('a'), 'x', B('b'), 'y', E('b'), E('a'), ''].join('\n'));
  assert.equal(error.line, 3);
  assert.match(error.message, /^line 3: BEGIN_ARCHMD section="b" inside section "a" opened at line 1/);
});

test('a duplicated section is an error at its second BEGIN', () => {
  const error = markerError([B('a'), E('a'), '', 'prose', B('a'), E('a'), ''].join('\n'));
  assert.equal(error.line, 5);
  assert.match(error.message, /^line 5: BEGIN_ARCHMD section="a" duplicates the block that begins at line 1/);
});

test('a renamed END is an error naming both sections', () => {
  const error = markerError([B('data-flow'), 'x', E('dataflow'), ''].join('\n'));
  assert.equal(error.line, 3);
  assert.equal(error.message, 'line 3: END_ARCHMD section="dataflow" does not match BEGIN_ARCHMD section="data-flow" at line 1');
});

test('a malformed marker is an error rather than silently ignored', () => {
  const error = markerError(['text', '', '<!-- BEGIN_ARCHMD section="Tech Stack" -->', ''].join('\n'));
  assert.equal(error.line, 3);
  assert.match(error.message, /^line 3: malformed marker/);
});

test('markers inside fenced code (``` and ~~~, longer fences) are text', () => {
  const md = [
    '```markdown', B('a'), '```',
    '',
    '~~~~', E('b'), '~~~', 'still code', '~~~~',
    '',
    '`````', '```', B('c'), '```', '`````',
    '',
    B('real'), 'x', E('real'), '',
  ].join('\n');
  assert.deepEqual(findBlocks(md).map((b) => [b.id, b.beginLine]), [['real', 17]]);
});

test('an unclosed fence hides the markers after it', () => {
  const md = ['```', B('a'), 'x', E('a'), ''].join('\n');
  assert.deepEqual(findBlocks(md), []);
});

test('markers in indented code, inline code, lists, quotes and HTML comments are text', () => {
  const md = [
    'Paragraph.', '', `    ${B('indented')}`, `    ${E('other')}`, '',
    `Inline \`${B('inline')}\` code.`, '',
    `- item`, '', `  ${B('listed')}`, '',
    `> ${B('quoted')}`, '',
    // The marker's own "-->" closes the comment that was already open, so the line is comment text.
    '<!-- a comment that mentions', B('commented'), '',
  ].join('\n');
  assert.deepEqual(findBlocks(md), []);
});

test('markers inside a top-level HTML block such as <details> are markers', () => {
  const md = ['<details>', B('a'), 'x', E('a'), '</details>', ''].join('\n');
  assert.deepEqual(findBlocks(md).map((b) => [b.id, b.beginLine, b.endLine]), [['a', 2, 4]]);
});

test('a marker right after a paragraph line interrupts it', () => {
  const md = ['Some prose', B('a'), 'generated', E('a'), 'more prose', ''].join('\n');
  assert.deepEqual(findBlocks(md).map((b) => [b.beginLine, b.endLine]), [[2, 4]]);
});

test('a document without markers has no blocks', () => {
  assert.deepEqual(findBlocks('# Hello\n\nWorld\n'), []);
  assert.deepEqual(findBlocks(''), []);
});
