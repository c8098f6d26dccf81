/** Every manifest reader, fed garbage or any truncation of a real fixture, returns facts and never throws. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import type { FileFacts } from '../../src/detect/facts.js';
import { manifestReaders } from '../../src/detect/manifests/index.js';
import { fixture } from '../helpers.js';
import { readerFor } from './read.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every fixture file some manifest reader claims, with its reader. */
const samples = readdirSync(fixture('.'))
  .filter((name) => name.startsWith('manifest-'))
  .flatMap((name) => filesUnder(fixture(name)).map((full) => ({ rel: relative(fixture(name), full).split('\\').join('/'), full })))
  .flatMap(({ rel, full }) => {
    try {
      return [{ rel, reader: readerFor(rel), text: readFileSync(full, 'utf8') }];
    } catch {
      return [];
    }
  });

function checkShape(facts: Omit<FileFacts, 'path'>, text: string): void {
  const lineCount = text.split('\n').length;
  for (const d of facts.dependencies ?? []) {
    assert.ok(d.name.length > 0);
    if (d.line !== undefined) assert.ok(Number.isInteger(d.line) && d.line >= 1 && d.line <= lineCount, `line ${d.line} of ${lineCount}`);
  }
  for (const m of facts.manifests ?? []) if (m.line !== undefined) assert.ok(m.line >= 1 && m.line <= lineCount);
  for (const w of facts.warnings ?? []) assert.ok(!w.message.includes('\n'));
}

test('fixtures cover every ecosystem', () => {
  assert.ok(samples.length >= 30, `${samples.length} samples`);
  assert.deepEqual(new Set(samples.flatMap((s) => s.reader.read(s.rel, s.text).dependencies ?? []).map((d) => d.ecosystem)), new Set(['npm', 'pypi', 'go', 'cargo', 'maven', 'nuget', 'gem', 'composer']));
});

test('any truncation of a real manifest is read without throwing, lines stay in range', () => {
  fc.assert(
    fc.property(fc.constantFrom(...samples), fc.double({ min: 0, max: 1, noNaN: true }), (s, cut) => {
      const text = s.text.slice(0, Math.floor(s.text.length * cut));
      checkShape(s.reader.read(s.rel, text), text);
    }),
    { numRuns: 400, seed: 42 },
  );
});

test('arbitrary text is read without throwing by every reader', () => {
  fc.assert(
    fc.property(fc.constantFrom(...manifestReaders), fc.string({ unit: 'binary', maxLength: 300 }), (reader, text) => {
      checkShape(reader.read('x/manifest', text), text);
    }),
    { numRuns: 600, seed: 7 },
  );
});

test('CRLF line endings give the same facts as LF', () => {
  for (const s of samples) {
    const lf = s.reader.read(s.rel, s.text.replace(/\r\n/g, '\n'));
    const crlf = s.reader.read(s.rel, s.text.replace(/\r?\n/g, '\r\n'));
    assert.deepEqual(crlf.dependencies, lf.dependencies, s.rel);
    assert.deepEqual(crlf.manifests, lf.manifests, s.rel);
  }
});
