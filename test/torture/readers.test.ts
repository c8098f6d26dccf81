/**
 * Every reader on hostile texts (deep nesting, bombs, wrong types, noise, long and many lines), run in a child
 * process: a throw is a failure, and so is a crash or a hang, which only a separate process can survive.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers.js';

test('no reader throws, crashes or hangs on hostile text', () => {
  const child = spawnSync(process.execPath, [join(repoRoot, 'dist', 'test', 'torture', 'reader-fuzz.js')], {
    encoding: 'utf8',
    timeout: 120_000,
    killSignal: 'SIGKILL',
    maxBuffer: 16 << 20,
  });
  assert.equal(child.signal, null, `the fuzz process was killed by ${child.signal} (crash or hang)\n${child.stderr.slice(-2000)}`);
  assert.equal(child.status, 0, child.stderr.slice(-2000));
  const report = JSON.parse(child.stdout) as { readers: number; failures: unknown[]; uncovered: string[] };
  assert.ok(report.readers > 50, `only ${report.readers} readers`);
  assert.deepEqual(report.failures, [], 'readers threw on hostile input');
  assert.deepEqual(report.uncovered, [], 'readers with no sample path in reader-fuzz.ts: add one');
});
