import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ciReaders } from '../../src/detect/ci/index.js';

test('CI readers never throw, whatever the text', () => {
  const samples = ['', '\u0000\u0001binary', 'a: &x [*x]', '- - - -', 'jobs: 5', 'on: {', 'x'.repeat(5000), 'a: *undefined_alias', '---\n---\n'];
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.constantFrom(...samples)), (text) => {
      for (const reader of ciReaders) reader.read('.github/workflows/x.yml', text);
    }),
    { numRuns: 200 },
  );
  for (const reader of ciReaders) for (const s of samples) assert.doesNotThrow(() => reader.read('x', s));
});

test('an alias bomb does not hang or throw', () => {
  const bomb = 'a: &a ["x","x"]\nb: &b [*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c]\njobs:\n  t:\n    steps: [*d]\n';
  for (const reader of ciReaders) assert.doesNotThrow(() => reader.read('.github/workflows/x.yml', bomb));
});

test('a deep alias bomb is walked within a budget', () => {
  const levels = ['a: &l0 [1,2,3,4,5,6,7,8,9]'];
  for (let i = 1; i < 10; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(',')}]`);
  const text = `${levels.join('\n')}\npipelines:\n  default: [*l9]\nsteps: [*l9]\nstages: [*l9]\n`;
  for (const reader of ciReaders) assert.doesNotThrow(() => reader.read('bitbucket-pipelines.yml', text));
});

test('pathologically deep flow collections are refused with a warning before the parser sees them', () => {
  const deep = `${'['.repeat(3000)}${']'.repeat(3000)}`;
  for (const reader of ciReaders) {
    const facts = reader.read('.gitlab-ci.yml', deep);
    assert.equal(facts.pipelines, undefined, reader.id);
  }
  const gh = ciReaders.find((r) => r.id === 'ci/github-actions')!;
  assert.match(gh.read('.github/workflows/x.yml', deep).warnings?.[0].message ?? '', /nested more than/);
});

test('a pipeline wholly commented out is switched off, not malformed; a list where a mapping belongs is', () => {
  const commented = '#name: Codegen check\n#on:\n#  pull_request:\n#jobs:\n#  build:\n#    runs-on: ubuntu-latest\n';
  for (const reader of ciReaders.filter((r) => r.id !== 'ci/jenkins')) {
    const facts = reader.read('.github/workflows/x.yml', commented);
    assert.equal(facts.warnings, undefined, reader.id);
    assert.equal(facts.pipelines, undefined, reader.id);
  }
  const gh = ciReaders.find((r) => r.id === 'ci/github-actions')!;
  assert.match(gh.read('.github/workflows/x.yml', '- build\n- test\n').warnings?.[0].message ?? '', /workflow is not a YAML mapping/);
});
