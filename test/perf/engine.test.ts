import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';

const engine = new URL('../../src/cli/engine.js', import.meta.url).href;

/** Whether V8 compiles a hot function with TurboFan after the CLI tuned the engine for `files` files. */
function turboFanAfterTuning(files: number, env: Record<string, string> = {}): { tuned: boolean; turboFan: boolean } {
  const script = `
    const { tuneForRun } = await import(${JSON.stringify(engine)});
    const tuned = tuneForRun(${files}, ${JSON.stringify(env)});
    function hot(a) { let s = 0; for (let i = 0; i < 100; i++) s += (a * i) % 7; return s; }
    %PrepareFunctionForOptimization(hot); hot(1); hot(2); %OptimizeFunctionOnNextCall(hot); hot(3);
    // bit 6 of V8's optimisation status: the function runs TurboFan's code
    process.stdout.write(JSON.stringify({ tuned, turboFan: (%GetOptimizationStatus(hot) & 64) !== 0 }));`;
  const run = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

describe('engine tuning for the length of a run', () => {
  it('caps optimisation below TurboFan for a repository of a few thousand files', () => {
    assert.deepEqual(turboFanAfterTuning(15_000), { tuned: true, turboFan: false });
  });

  it('leaves TurboFan on for a repository of tens of thousands of files, whose model stage needs it', () => {
    assert.deepEqual(turboFanAfterTuning(50_000), { tuned: false, turboFan: true });
  });

  it('leaves the engine alone when ARCHMD_FULL_OPT is set, for measuring', () => {
    assert.deepEqual(turboFanAfterTuning(100, { ARCHMD_FULL_OPT: '1' }), { tuned: false, turboFan: true });
  });
});
