/**
 * Size as an attack: a 50 MB source file, a 5 MB one-line file, a 1.5 MB minified bundle, and 100k files.
 * Oversized files are skipped with a warning naming them; the run finishes and the healthy part is described.
 */
import assert from 'node:assert/strict';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeJson, expectRun, repo, technologyNames, warningFor } from './harness.js';

const SERVICE = {
  'package.json': JSON.stringify({ name: 'sized', dependencies: { express: '^4.19.0', pg: '^8.11.0' } }, null, 2),
  'src/index.js': 'import express from "express";\nimport pg from "pg";\nexpress().listen(3000);\n',
};

describe('large files', () => {
  test('50 MB source, 5 MB one-line and 1.5 MB minified files are skipped with a warning; the rest is read', () => {
    const dir = repo('large', SERVICE);
    const fd = openSync(join(dir, 'src', 'huge.js'), 'w');
    const chunk = Buffer.from('import x from "mongoose";\n'.repeat(40_000)); // ~1 MB
    for (let i = 0; i < 50; i++) writeSync(fd, chunk);
    closeSync(fd);
    writeFileSync(join(dir, 'src', 'oneline.js'), `import "mysql2";${'var a=1;'.repeat(640_000)}`);
    writeFileSync(join(dir, 'src', 'app.bundle-min.js'), `import "kafkajs";${'function a(){return 1}'.repeat(70_000)}\n`);
    const { model } = analyzeJson(dir);
    warningFor(model, 'src/huge.js', /larger than/);
    warningFor(model, 'src/oneline.js', /larger than/);
    warningFor(model, 'src/app.bundle-min.js', /minified/);
    const names = technologyNames(model);
    assert.ok(names.includes('Express') && names.includes('PostgreSQL'), names.join(', '));
    assert.ok(!names.includes('Mongoose') && !names.includes('MySQL') && !names.includes('Apache Kafka'), `a skipped file was read: ${names.join(', ')}`);
    expectRun(['generate', '--no-cache', dir], 0);
    assert.match(readFileSync(join(dir, 'ARCHITECTURE.md'), 'utf8'), /PostgreSQL/);
  });
});

describe('many files', () => {
  test('100k small files: the run finishes and finds the service', () => {
    const dir = repo('many', SERVICE);
    const content = 'export const value = 1;\n';
    for (let d = 0; d < 1000; d++) {
      const folder = join(dir, 'src', 'generated', `m${d}`);
      mkdirSync(folder, { recursive: true });
      for (let f = 0; f < 100; f++) writeFileSync(join(folder, `f${f}.js`), content);
    }
    const run = expectRun(['generate', '--no-cache', dir], 0, { timeoutMs: 120_000 });
    assert.match(run.stderr, /created/);
    const doc = readFileSync(join(dir, 'ARCHITECTURE.md'), 'utf8');
    assert.match(doc, /Express/);
    assert.match(doc, /PostgreSQL/);
  });
});
