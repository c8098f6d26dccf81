/**
 * Byte-level hostility: BOMs, CRLF and CR-only line ends, Latin-1 bytes, UTF-16, NUL bytes in a source file,
 * empty files. Text is decoded leniently with lines counted as written; binary is skipped with a warning.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { analyzeJson, assertEvidence, expectRun, repo, technologyNames, warningFor, type ModelJson } from './harness.js';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('encodings and line ends', () => {
  const dir = repo('encodings', {
    'bom/package.json': `\uFEFF${JSON.stringify({ name: 'bom-svc', dependencies: { pg: '^8.11.0' } }, null, 2)}\n`,
    'bom/index.js': '\uFEFFimport pg from "pg";\nexport const pool = new pg.Pool();\n',
    'crlf/pyproject.toml': '[project]\r\nname = "crlf-svc"\r\nversion = "1.0"\r\ndependencies = [\r\n  "fastapi>=0.110",\r\n  "redis>=5",\r\n]\r\n',
    'crlf/docker-compose.yml': 'services:\r\n  cache:\r\n    image: redis:7\r\n  api:\r\n    build: .\r\n    depends_on:\r\n      - cache\r\n',
    'cr-only/Gemfile': 'source "https://rubygems.org"\rgem "rails", "~> 7.1"\rgem "sidekiq"\r',
    'latin/package.json': latin1('{"name": "caf\xe9", "description": "Caf\xe9 \xff\xfe service", "dependencies": {"mongodb": "^6.3.0"}}\n'),
    'latin/index.js': latin1('// caf\xe9 \xe0 la cr\xe8me\nimport { MongoClient } from "mongodb";\n'),
    'bin/blob.js': Buffer.concat([Buffer.from('const x = 1;'), Buffer.from([0, 0, 1, 2, 255]), Buffer.from(' require("mysql2")\n')]),
    'u16/package.json': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"name":"u16","dependencies":{"mysql2":"^3"}}', 'utf16le')]),
    'late-nul/notes.py': `${'# padding\n'.repeat(1000)}import os\x00\x00\n`,
    'empty/package.json': '',
    'blank/package.json': '   \n\t\n',
    'empty/main.go': '',
  });

  let model: ModelJson;
  before(() => {
    model = analyzeJson(dir).model;
  });

  test('a UTF-8 BOM is dropped: the manifest parses and the line is right', () => {
    assert.equal(model.warnings.filter((w) => w.file?.startsWith('bom/')).length, 0, JSON.stringify(model.warnings));
    assertEvidence(model, 'bom/package.json', 4, /npm dependency pg/);
  });

  test('CRLF and CR-only files: facts found, lines counted as an editor shows them', () => {
    assertEvidence(model, 'crlf/pyproject.toml', 5, /pypi dependency fastapi/);
    assertEvidence(model, 'crlf/pyproject.toml', 6, /pypi dependency redis/);
    assertEvidence(model, 'crlf/docker-compose.yml', 3, /image redis:7/);
    // no CR leaks into a name or a value
    assert.doesNotMatch(JSON.stringify(model), /\\r/);
    // CR-only (classic Mac) files: nothing is asked of the reader but not to fail
    assert.deepEqual(model.warnings.filter((w) => w.file === 'cr-only/Gemfile'), []);
  });

  test('Latin-1 bytes are replaced, not fatal: the dependency still counts', () => {
    assert.equal(model.warnings.filter((w) => w.file?.startsWith('latin/')).length, 0, JSON.stringify(model.warnings));
    assert.ok(technologyNames(model).includes('MongoDB'), technologyNames(model).join(', '));
    assertEvidence(model, 'latin/package.json', 1, /npm dependency mongodb/);
    assertEvidence(model, 'latin/index.js', 2, /import mongodb/);
  });

  test('binary content under a source or manifest name is skipped with a warning naming it', () => {
    warningFor(model, 'bin/blob.js', /binary/);
    warningFor(model, 'u16/package.json', /binary/);
    // nothing read from the skipped files
    assert.ok(!technologyNames(model).includes('MySQL'), 'MySQL came from a binary file');
  });

  test('empty and blank manifests cost at most a warning', () => {
    for (const w of model.warnings.filter((x) => x.file?.startsWith('empty/') || x.file?.startsWith('blank/'))) {
      assert.doesNotMatch(w.message, /reader failed/);
    }
    assert.deepEqual(model.warnings.filter((w) => /reader failed/.test(w.message)), []);
  });

  test('generate writes valid UTF-8 with no NUL byte and no stray CR', () => {
    expectRun(['generate', '--no-cache', dir], 0);
    const bytes = readFileSync(join(dir, 'ARCHITECTURE.md'));
    const text = bytes.toString('utf8');
    assert.ok(Buffer.from(text, 'utf8').equals(bytes), 'the document is not valid UTF-8');
    assert.ok(!bytes.includes(0), 'NUL byte in the document');
    assert.ok(!text.includes('\r'), 'CR in the document');
    assert.match(text, /PostgreSQL/);
    assert.match(text, /FastAPI/);
  });
});
