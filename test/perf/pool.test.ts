import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { syntheticFiles, writeTree } from '../../bench/synthetic.js';
import { runPool } from '../../src/detect/pool.js';
import { DEFAULT_MAX_FILE_BYTES, extractAll, filesToRead } from '../../src/detect/run.js';
import { processBatch, type FileTask } from '../../src/detect/worker.js';
import { scan } from '../../src/scan/index.js';

describe('extraction pool', () => {
  let dir: string;
  let tasks: FileTask[];
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'archmd-pool-'));
    writeTree(dir, syntheticFiles(400));
    tasks = (await filesToRead((await scan(dir)).files)).map((f) => ({ path: f.path, size: f.size, programming: f.languageType === 'programming' }));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives, file for file, what the sequential run gives', async () => {
    assert.ok(tasks.length > 200, `enough files to spread over threads (${tasks.length})`);
    const sequential = processBatch(dir, tasks, DEFAULT_MAX_FILE_BYTES);
    const pooled = await runPool(dir, tasks, DEFAULT_MAX_FILE_BYTES, { workers: 2 });
    assert.deepEqual(pooled.warnings, []);
    assert.deepEqual(pooled.done, sequential);
  });

  it('carries facts back from worker threads with their evidence lines', async () => {
    const workersOnly = await runPool(dir, tasks, DEFAULT_MAX_FILE_BYTES, { workers: 2, mainThread: false });
    const i = tasks.findIndex((t) => t.path === 'packages/pkg-0001/src/cart-1.ts');
    assert.ok(i >= 0);
    assert.ok(workersOnly.done[i].hash, 'content hash computed in the worker');
    assert.deepEqual(
      workersOnly.done[i].outcome.facts?.imports?.find((imp) => imp.specifier === './order-0.js'),
      { specifier: './order-0.js', line: 2, kind: 'static' },
    );
  });

  it('extractAll through the pool equals extractAll inline', async () => {
    const files = (await scan(dir)).files;
    const inline = await extractAll(dir, files, { cache: false, workers: 0 });
    const pooled = await extractAll(dir, files, { cache: false, workers: 2, inlineBelow: 0 });
    assert.ok(inline.facts.size > 100);
    assert.deepEqual([...pooled.facts], [...inline.facts]);
    assert.deepEqual(pooled.warnings, inline.warnings);
    assert.deepEqual(pooled.stats, inline.stats);
  });

  it('a worker that crashes costs a warning, not results, and does not hang', async () => {
    const sequential = processBatch(dir, tasks, DEFAULT_MAX_FILE_BYTES);
    const crashing = new URL('./crashing-worker.js', import.meta.url);
    const run = await runPool(dir, tasks, DEFAULT_MAX_FILE_BYTES, { workers: 2, mainThread: false, workerScript: crashing });
    assert.deepEqual(run.done, sequential);
    assert.equal(run.warnings.length, 2);
    assert.match(run.warnings[0].message, /extraction worker stopped \(exit code 3\)/);
  });

  it('a worker script that cannot load falls back to the main thread', async () => {
    const missing = new URL('./no-such-worker.js', import.meta.url);
    const run = await runPool(dir, tasks.slice(0, 60), DEFAULT_MAX_FILE_BYTES, { workers: 1, mainThread: false, workerScript: missing });
    assert.deepEqual(run.done, processBatch(dir, tasks.slice(0, 60), DEFAULT_MAX_FILE_BYTES));
    assert.ok(run.warnings.length >= 1);
  });
});
