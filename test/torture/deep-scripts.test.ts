/**
 * Scripts nested deeper than any hand-written code (thousands of chained assignments, negations or
 * labels) must not take the process down: oxc recurses on the native stack, so a big script is parsed
 * on a worker with a larger stack even in a small repository.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyzeJson, assertNoCrash, repo } from './harness.js';

it('a small repository with a 40,000-level chained expression is analysed, not crashed', () => {
  const dir = repo('deep-chains', {
    'package.json': '{ "name": "deep", "dependencies": { "express": "^4.19.0" } }\n',
    'src/assign.ts': `let a: unknown;\n${'a =\n'.repeat(40_000)}1;\n`,
    'src/negate.js': `const b = ${'!\n'.repeat(40_000)}true;\n`,
    'src/server.ts': "import express from 'express';\nexport const app = express();\n",
  });
  const { model, run } = analyzeJson(dir);
  assertNoCrash(run);
  assert.equal(run.status, 0);
  assert.ok(JSON.stringify(model).includes('"express"'), 'the healthy file still counts');
});
