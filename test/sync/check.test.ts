import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDocument, createDocument, MarkerError, MAX_PARSED_LENGTH, syncDocument, type RenderedDocument } from '../../src/sync/index.js';

const B = (id: string) => `<!-- BEGIN_ARCHMD section="${id}" -->`;
const E = (id: string) => `<!-- END_ARCHMD section="${id}" -->`;

const doc: RenderedDocument = {
  title: 'Architecture',
  sections: [
    { id: 'technology-stack', title: 'Technology Stack', body: ['Languages:', '', '- TypeScript', '- Go', '- Python', '- SQL', '', 'Datastores:', '', '- PostgreSQL'].join('\n') },
    { id: 'data-flow', title: 'Data Flow', body: 'web -> api -> db' },
  ],
};

test('a freshly written document is up to date', () => {
  const result = checkDocument(createDocument(doc), doc);
  assert.equal(result.upToDate, true);
  assert.deepEqual(result.stale, []);
  assert.equal(result.managed, true);
});

test('a changed line is reported as a stale block with a unified diff', () => {
  const md = createDocument(doc);
  const next = { ...doc, sections: [{ ...doc.sections[0], body: doc.sections[0].body.replace('- Go', '- Rust') }, doc.sections[1]] };
  const result = checkDocument(md, next);
  assert.equal(result.upToDate, false);
  assert.equal(result.stale.length, 1);
  assert.equal(result.stale[0].id, 'technology-stack');
  assert.equal(
    result.stale[0].diff,
    [
      '--- ARCHITECTURE.md (section "technology-stack")',
      '+++ generated',
      '@@ -6,7 +6,7 @@', // lines of the document: the block's content starts on line 6
      ' Languages:',
      ' ',
      ' - TypeScript',
      '-- Go',
      '+- Rust',
      ' - Python',
      ' - SQL',
      ' ',
      '',
    ].join('\n'),
  );
  // After sync, check agrees that nothing is left to do.
  assert.equal(checkDocument(syncDocument(md, next).markdown, next).upToDate, true);
});

test('a block the user deleted is not drift', () => {
  const md = ['# Architecture', '', B('data-flow'), 'web -> api -> db', E('data-flow'), ''].join('\n');
  const result = checkDocument(md, doc);
  assert.equal(result.upToDate, true);
  assert.deepEqual(result.stale, []);
});

test('a document without any archmd block is not up to date', () => {
  const result = checkDocument('# My doc\n\nProse.\n', doc);
  assert.equal(result.managed, false);
  assert.equal(result.upToDate, false);
  assert.equal(syncDocument('# My doc\n\nProse.\n', doc).changed, true);
});

test('check throws MarkerError on broken markers', () => {
  assert.throws(() => checkDocument(`x\n${E('data-flow')}\n`, doc), MarkerError);
});

test('template placeholders are found with their lines; links, code and comments are not placeholders', () => {
  const md = [
    '# [Your Project Name]',                                   // 1
    '',                                                        // 2
    '[Brief description of the project] and more.',            // 3
    'Stack: [e.g., Node.js, PostgreSQL] [List of services]',    // 4
    'See [List of services](docs/services.md) and [Describe it][ref].', // 5
    '`[Describe the flow]` is inline code.',                   // 6
    '```',                                                     // 7
    '[Plans for the future]',                                  // 8
    '```',                                                     // 9
    '<!-- [Planned work goes here] -->',                       // 10
    '- [x] done, [Listing] and [Add-on] are not placeholders', // 11
    'Roadmap: [Planned features and timelines]',               // 12
    '',
    '[ref]: https://example.com',
    '',
  ].join('\n');
  assert.deepEqual(checkDocument(md, doc).placeholders, [
    { line: 1, text: '[Your Project Name]' },
    { line: 3, text: '[Brief description of the project]' },
    { line: 4, text: '[e.g., Node.js, PostgreSQL]' },
    { line: 4, text: '[List of services]' },
    { line: 12, text: '[Planned features and timelines]' },
  ]);
});

test('placeholder lines are right in a CRLF document with a BOM', () => {
  const md = '\uFEFF`[Your code]` x\r\n\r\n[Describe the deployment]\r\n';
  assert.deepEqual(checkDocument(md, doc).placeholders, [{ line: 3, text: '[Describe the deployment]' }]);
});

test('missing template sections are headings absent at every level, compared case-insensitively', () => {
  const md = [
    '# introduction',
    'High-Level Architecture',
    '=======================',
    '### 3. Core Components',
    '#### DATA FLOW',
    '## Technology Stack and Tooling',
    '```',
    '## Diagrams',
    '```',
    'Conclusion is only prose here.',
    '',
  ].join('\n');
  assert.deepEqual(checkDocument(md, doc).missingSections, ['Deployment Architecture', 'Future Improvements', 'Diagrams', 'Conclusion']);
});

test('a custom template decides which headings are required', () => {
  const result = checkDocument('# Overview\n\n## Risks\n', doc, { template: { headings: ['Overview', 'Risks', 'Glossary'] } });
  assert.deepEqual(result.missingSections, ['Glossary']);
});

test('a created document has every template heading', () => {
  const sections = ['Introduction', 'High-Level Architecture', 'Core Components', 'Data Flow', 'Technology Stack', 'Deployment Architecture', 'Future Improvements', 'Diagrams', 'Conclusion']
    .map((title) => ({ id: title.toLowerCase().replace(/ /g, '-'), title, body: 'x' }));
  const full = { title: 'T', sections };
  assert.deepEqual(checkDocument(createDocument(full), full).missingSections, []);
});

test('huge documents are read with the line scanner: placeholders, code and headings still told apart', () => {
  const filler = 'Plain prose line that says nothing in particular.\n'.repeat(3000);
  const md = [
    '# Introduction', '', '```', '[Your code here]', '## Diagrams', '```', '',
    'Inline `[Describe it]` and [Describe the deployment] here.', '',
    '<!--', '[Planned hidden]', '-->', '',
    B('data-flow'), 'stale', E('data-flow'), '', filler,
  ].join('\n');
  assert.ok(md.length > MAX_PARSED_LENGTH);
  const result = checkDocument(md, doc);
  assert.deepEqual(result.placeholders, [{ line: 8, text: '[Describe the deployment]' }]);
  assert.ok(result.missingSections.includes('Diagrams'));
  assert.equal(result.missingSections.includes('Introduction'), false);
  assert.deepEqual(result.stale.map((s) => s.id), ['data-flow']);
});
