import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCi } from './read-fixture.js';

test('a CI workflow yields lint and test stages, triggers and actions without versions', () => {
  const facts = readCi('ci-node-service', '.github/workflows/ci.yml');
  const [p] = facts.pipelines ?? [];
  assert.equal(p.system, 'GitHub Actions');
  assert.equal(p.name, 'CI');
  assert.deepEqual(p.stages, ['lint', 'test']);
  assert.deepEqual(p.triggers, ['pull_request', 'push']);
  assert.equal(p.deployTargets, undefined, 'a commented-out npm publish is no deploy target');
  assert.deepEqual(facts.actions?.[0], { ref: 'actions/checkout', line: 12 });
  assert.ok(facts.actions?.some((a) => a.ref === 'actions/setup-node' && a.line === 13));
});

test('a deploy workflow names its registry, cloud and environments', () => {
  const [p] = readCi('ci-node-service', '.github/workflows/deploy.yml').pipelines ?? [];
  assert.deepEqual(p.stages, ['publish', 'deploy']);
  assert.deepEqual(p.deployTargets, ['GitHub Container Registry', 'Google Cloud']);
  assert.deepEqual(p.environments, ['production', 'staging']);
  assert.deepEqual(p.triggers, ['push', 'workflow_dispatch']);
  assert.ok(p.uses?.some((u) => u.ref === 'google-github-actions/deploy-cloudrun' && u.line === 36));
});

test('kubectl apply against a kind cluster is a test, not a Kubernetes deployment', () => {
  const [p] = readCi('ci-node-service', '.github/workflows/e2e.yml').pipelines ?? [];
  assert.equal(p.deployTargets, undefined);
  assert.ok(!p.stages.includes('deploy'));
  assert.deepEqual(p.triggers, ['pull_request']);
});

test('release-please under google-github-actions/ is a release, not Google Cloud', () => {
  const [p] = readCi('ci-node-service', '.github/workflows/release.yml').pipelines ?? [];
  assert.deepEqual(p.stages, ['release']);
  assert.equal(p.deployTargets, undefined);
});

test('malformed workflow YAML gives a warning naming the file and no pipeline', () => {
  const facts = readCi('ci-node-service', '.github/workflows/broken.yml');
  assert.equal(facts.pipelines, undefined);
  assert.equal(facts.warnings?.[0].file, '.github/workflows/broken.yml');
  assert.match(facts.warnings?.[0].message ?? '', /YAML/);
});
