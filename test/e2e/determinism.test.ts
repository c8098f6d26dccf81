/** Same input, same output: no order, time, cache or machine dependence in the model or the document. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { analyze, render } from '../../src/index.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { repoRoot } from '../helpers.js';

function withoutStats(model: ArchitectureModel) {
  const { stats: _stats, ...rest } = model;
  return JSON.stringify(rest);
}

it('a cold run, a cached run and an uncached run give the same model and document', async () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'archmd-determinism-'));
  try {
    const dir = join(repoRoot, 'examples', 'shop');
    const cold = await analyze(dir, { cacheDir });
    const warm = await analyze(dir, { cacheDir });
    const uncached = await analyze(dir, { cache: false });
    assert.ok(warm.stats.cachedFiles > 0, 'the second run used the cache');
    assert.equal(withoutStats(warm), withoutStats(cold));
    assert.equal(withoutStats(uncached), withoutStats(cold));
    assert.equal(render(warm), render(cold));
    assert.doesNotMatch(JSON.stringify(cold), /\d{4}-\d{2}-\d{2}T\d{2}:/, 'no timestamps');
    assert.ok(!JSON.stringify(cold).includes(repoRoot), 'no absolute paths');
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
});
