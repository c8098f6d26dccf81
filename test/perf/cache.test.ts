import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import { after, before, describe, it } from 'node:test';
import { syntheticFiles, writeTree } from '../../bench/synthetic.js';
import { cacheFileFor, defaultCacheDir } from '../../src/detect/cache.js';
import { extractAll, type ExtractOptions } from '../../src/detect/run.js';
import { scan } from '../../src/scan/index.js';

const FILE = 'packages/pkg-0000/src/cart-1.ts';
const OTHER = 'packages/pkg-0000/src/price-3.ts';
const HOUR_AGO = new Date(Date.now() - 3_600_000);

function setTime(path: string, when: Date) {
  utimesSync(path, when, when);
}

/** The import specifiers extraction found in FILE. */
function specifiers(result: Awaited<ReturnType<typeof extractAll>>, path = FILE): string[] {
  return (result.facts.get(path)?.imports ?? []).map((imp) => imp.specifier);
}

describe('extraction cache', () => {
  let dir: string;
  let cacheDir: string;
  const run = async (options: ExtractOptions = {}) => extractAll(dir, (await scan(dir)).files, { cacheDir, workers: 0, ...options });

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'archmd-cache-repo-'));
    cacheDir = mkdtempSync(join(tmpdir(), 'archmd-cache-dir-'));
    const files = syntheticFiles(150);
    writeTree(dir, files);
    // old enough that size+mtime can be trusted (files written this instant are checked by content)
    for (const path of files.keys()) setTime(join(dir, path), HOUR_AGO);
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('reuses every entry when nothing changed, with the same facts', async () => {
    const cold = await run();
    assert.equal(cold.stats.cached, 0);
    assert.ok(cold.stats.read > 50);
    assert.ok(specifiers(cold).includes('./order-0.js'));
    const warm = await run();
    assert.equal(warm.stats.cached, cold.stats.read);
    assert.equal(warm.stats.read, 0);
    assert.deepEqual([...warm.facts], [...cold.facts]);
    assert.deepEqual(warm.warnings, cold.warnings);
  });

  it('trusts same size and mtime without reading (the fast path)', async () => {
    const abs = join(dir, FILE);
    const text = readFileSync(abs, 'utf8');
    writeFileSync(abs, text.replace("'./order-0.js'", "'./ordeX-0.js'")); // same size
    setTime(abs, HOUR_AGO);
    const result = await run();
    assert.equal(result.stats.read, 0);
    assert.ok(specifiers(result).includes('./order-0.js'), 'the file was not read');
  });

  it('reads a file again when its mtime moved, and sees the new content', async () => {
    setTime(join(dir, FILE), new Date(HOUR_AGO.getTime() + 60_000));
    const result = await run();
    assert.equal(result.stats.read, 1);
    assert.ok(specifiers(result).includes('./ordeX-0.js'));
    assert.ok(!specifiers(result).includes('./order-0.js'));
  });

  it('reuses facts when the mtime moved but the content hashes the same', async () => {
    const before = await run();
    setTime(join(dir, OTHER), new Date(HOUR_AGO.getTime() + 120_000));
    const result = await run();
    assert.equal(result.stats.read, 0);
    assert.equal(result.stats.cached, before.stats.cached);
    assert.deepEqual(result.facts.get(OTHER), before.facts.get(OTHER));
  });

  it('misses after a content change of another size', async () => {
    const abs = join(dir, OTHER);
    writeFileSync(abs, `${readFileSync(abs, 'utf8')}import { extra } from './extra-file.js';\n`);
    setTime(abs, HOUR_AGO);
    const result = await run();
    assert.equal(result.stats.read, 1);
    assert.ok(specifiers(result, OTHER).includes('./extra-file.js'));
  });

  it('checks files modified around the previous run by content, even with the same size and mtime', async () => {
    const abs = join(dir, FILE);
    const now = new Date();
    setTime(abs, now);
    await run(); // caches FILE with an mtime inside the racy window
    writeFileSync(abs, readFileSync(abs, 'utf8').replace("'./ordeX-0.js'", "'./ordeY-0.js'"));
    setTime(abs, now);
    const result = await run();
    assert.ok(specifiers(result).includes('./ordeY-0.js'));
    setTime(abs, HOUR_AGO);
  });

  it('prunes entries of files that are gone', async () => {
    unlinkSync(join(dir, OTHER));
    const result = await run();
    assert.equal(result.facts.has(OTHER), false);
    const stored = deserialize(readFileSync(cacheFileFor(dir, cacheDir))) as { entries: Map<string, unknown> };
    assert.equal(stored.entries.has(OTHER), false);
    assert.equal(stored.entries.has(FILE), true);
  });

  it('ignores and overwrites a corrupt cache file', async () => {
    const uncached = await run({ cache: false });
    writeFileSync(cacheFileFor(dir, cacheDir), 'not a v8 serialisation at all');
    const notes: string[] = [];
    const result = await run({ onDebug: (m) => notes.push(m) });
    assert.equal(result.stats.cached, 0);
    assert.deepEqual([...result.facts], [...uncached.facts]);
    assert.ok(notes.some((n) => n.includes('ignored')));
    const again = await run();
    assert.equal(again.stats.read, 0);
    assert.equal(again.stats.cached, uncached.stats.read);
  });

  it('ignores a cache written with other read limits', async () => {
    await run();
    const result = await run({ maxFileBytes: 1 << 20 });
    assert.equal(result.stats.cached, 0);
  });

  it('goes on without a cache when the folder cannot be created', async () => {
    const blocker = join(cacheDir, 'a-file');
    writeFileSync(blocker, '');
    const notes: string[] = [];
    const uncached = await run({ cache: false });
    const result = await run({ cacheDir: join(blocker, 'sub'), onDebug: (m) => notes.push(m) });
    assert.deepEqual([...result.facts], [...uncached.facts]);
    assert.ok(notes.some((n) => n.includes('not written')));
    assert.ok(statSync(blocker).isFile());
  });

  it('finds its folder from ARCHMD_CACHE_DIR, then XDG_CACHE_HOME', () => {
    assert.equal(defaultCacheDir({ ARCHMD_CACHE_DIR: '/x/y', XDG_CACHE_HOME: '/z' }), '/x/y');
    assert.equal(defaultCacheDir({ XDG_CACHE_HOME: '/z' }), '/z/archmd');
    assert.match(defaultCacheDir({}), /[/\\]\.cache[/\\]archmd$/);
  });
});
