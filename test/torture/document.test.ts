/**
 * The document side through the CLI: damaged markers are refused with the line and the file left byte for
 * byte; read-only and symlinked documents; --stdout and --dry-run write nothing; a second run changes nothing;
 * check sees drift when a datastore dependency is added.
 */
import assert from 'node:assert/strict';
import { chmodSync, existsSync, lstatSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { expectRun, repo, tempDir } from './harness.js';

const SERVICE = {
  'package.json': JSON.stringify({ name: 'orders', dependencies: { express: '^4.19.0' } }, null, 2),
  'Dockerfile': 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "index.js"]\n',
  'index.js': 'import express from "express";\nexpress().listen(3000);\n',
};

const B = (id: string) => `<!-- BEGIN_ARCHMD section="${id}" -->`;
const E = (id: string) => `<!-- END_ARCHMD section="${id}" -->`;

const DAMAGED: Record<string, string> = {
  unbalanced: `# Doc\n\nintro\n\n${B('introduction')}\nold\n\nmore text\n`,
  'end without begin': `# Doc\n\n${E('introduction')}\n`,
  duplicated: `# Doc\n\n${B('introduction')}\na\n${E('introduction')}\n\n${B('introduction')}\nb\n${E('introduction')}\n`,
  nested: `# Doc\n\n${B('introduction')}\n${B('data-flow')}\nx\n${E('data-flow')}\n${E('introduction')}\n`,
  renamed: `# Doc\n\n${B('introduction')}\nx\n${E('conclusion')}\n`,
};

describe('damaged markers', () => {
  for (const [name, text] of Object.entries(DAMAGED)) {
    test(`${name}: exit 2, ARCHITECTURE.md:<line>: in the message, the file byte-identical`, () => {
      const dir = repo(`markers-${name.replace(/\s+/g, '-')}`, { ...SERVICE, 'ARCHITECTURE.md': text });
      const before = readFileSync(join(dir, 'ARCHITECTURE.md'));
      for (const command of ['generate', 'check']) {
        const run = expectRun([command, '--no-cache', dir], 2);
        assert.match(run.stderr, /ARCHITECTURE\.md:\d+: /, run.stderr);
        assert.equal(run.stderr.trim().split('\n').length, 1, `more than one line:\n${run.stderr}`);
        assert.ok(readFileSync(join(dir, 'ARCHITECTURE.md')).equals(before), `${command} changed the damaged file`);
      }
    });
  }

  test('a marker inside a code fence is text, not a marker', () => {
    const text = `# Doc\n\nHow markers look:\n\n\`\`\`markdown\n${B('introduction')}\n\`\`\`\n\nMy own notes.\n`;
    const dir = repo('markers-fenced', { ...SERVICE, 'ARCHITECTURE.md': text });
    expectRun(['generate', '--no-cache', dir], 0);
    const after = readFileSync(join(dir, 'ARCHITECTURE.md'), 'utf8');
    assert.ok(after.startsWith(text.trimEnd()), 'the hand-written part, fence included, was changed');
    assert.match(after, /My own notes\./);
    expectRun(['check', '--no-cache', dir], 0);
  });
});

describe('writing the document', () => {
  test('a second run changes nothing and check passes right after generate', () => {
    const dir = repo('idempotent', SERVICE);
    expectRun(['generate', '--no-cache', dir], 0);
    const first = readFileSync(join(dir, 'ARCHITECTURE.md'));
    const run = expectRun(['generate', dir], 0);
    assert.match(run.stderr, /up to date/);
    assert.ok(readFileSync(join(dir, 'ARCHITECTURE.md')).equals(first), 'the second run changed the document');
    expectRun(['check', dir], 0);
    expectRun(['check', '--no-cache', dir], 0);
  });

  test('--stdout and --dry-run never write', () => {
    const dir = repo('nowrite', SERVICE);
    const out = expectRun(['generate', '--stdout', '--no-cache', dir], 0);
    assert.match(out.stdout, /BEGIN_ARCHMD section="introduction"/);
    expectRun(['generate', '--dry-run', '--no-cache', dir], 0);
    assert.equal(existsSync(join(dir, 'ARCHITECTURE.md')), false, 'a document was created');
    const text = '# Mine\n\nNothing generated yet.\n';
    writeFileSync(join(dir, 'ARCHITECTURE.md'), text);
    const mtime = statSync(join(dir, 'ARCHITECTURE.md')).mtimeMs;
    expectRun(['generate', '--stdout', '--no-cache', dir], 0);
    expectRun(['generate', '--dry-run', '--no-cache', dir], 0);
    assert.equal(readFileSync(join(dir, 'ARCHITECTURE.md'), 'utf8'), text);
    assert.equal(statSync(join(dir, 'ARCHITECTURE.md')).mtimeMs, mtime);
  });

  test('a read-only document: refused with one line, or (as root) written whole, never corrupted', () => {
    const dir = repo('readonly', SERVICE);
    expectRun(['generate', '--no-cache', dir], 0);
    const doc = join(dir, 'ARCHITECTURE.md');
    const before = readFileSync(doc, 'utf8');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'orders', dependencies: { express: '^4.19.0', pg: '^8.11.0' } }, null, 2));
    writeFileSync(join(dir, 'db.js'), 'import pg from "pg";\nexport const pool = new pg.Pool();\n');
    chmodSync(doc, 0o444);
    const run = expectRun(['generate', '--no-cache', dir], 0);
    void run;
    const after = readFileSync(doc, 'utf8');
    assert.notEqual(after, before);
    assert.match(after, /PostgreSQL/);
    assert.match(after, /<!-- END_ARCHMD section="conclusion" -->/);
    expectRun(['check', '--no-cache', dir], 0);
  });

  test('a symlinked ARCHITECTURE.md is written through to its target; the link stays a link', () => {
    const dir = repo('symlinked', SERVICE);
    const target = join(tempDir('doc-target'), 'real.md');
    writeFileSync(target, '# Real\n\nHand-written.\n');
    symlinkSync(target, join(dir, 'ARCHITECTURE.md'));
    expectRun(['generate', '--no-cache', dir], 0);
    assert.ok(lstatSync(join(dir, 'ARCHITECTURE.md')).isSymbolicLink(), 'the link was replaced by a file');
    assert.equal(readlinkSync(join(dir, 'ARCHITECTURE.md')), target);
    const written = readFileSync(target, 'utf8');
    assert.match(written, /^# Real\n\nHand-written\.\n/);
    assert.match(written, /BEGIN_ARCHMD section="introduction"/);
    expectRun(['check', '--no-cache', dir], 0);
  });

  test('check exits 1 with a diff after a datastore dependency is added', () => {
    const dir = repo('drift', SERVICE);
    expectRun(['generate', '--no-cache', dir], 0);
    const before = readFileSync(join(dir, 'ARCHITECTURE.md'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'orders', dependencies: { express: '^4.19.0', pg: '^8.11.0' } }, null, 2));
    writeFileSync(join(dir, 'db.js'), 'import pg from "pg";\nexport const pool = new pg.Pool();\n');
    const run = expectRun(['check', dir], 1);
    assert.match(run.stdout, /^\+.*PostgreSQL/m, run.stdout);
    assert.match(run.stderr, /out of date/);
    assert.ok(readFileSync(join(dir, 'ARCHITECTURE.md')).equals(before), 'check wrote the document');
  });
});
