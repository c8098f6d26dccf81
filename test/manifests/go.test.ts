import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dep, readerFor, readFixture } from './read.js';

const F = 'manifest-go-work';

test('go.mod: module, require blocks and single requires, indirect kept as runtime', () => {
  const facts = readFixture(F, 'api/go.mod');
  const [m] = facts.manifests!;
  assert.equal(m.ecosystem, 'go');
  assert.equal(m.name, 'github.com/acme/shop/api');
  assert.equal(m.line, 1);
  assert.deepEqual(m.runtimes, [{ name: 'go', version: '1.22', line: 3 }]);
  assert.deepEqual(dep(facts, 'github.com/gin-gonic/gin'), { ecosystem: 'go', name: 'github.com/gin-gonic/gin', version: 'v1.10.0', scope: 'runtime', line: 8 });
  assert.deepEqual(dep(facts, 'golang.org/x/sync'), { ecosystem: 'go', name: 'golang.org/x/sync', version: 'v0.7.0', scope: 'runtime', indirect: true, line: 11 });
  assert.deepEqual(dep(facts, 'github.com/redis/go-redis/v9'), { ecosystem: 'go', name: 'github.com/redis/go-redis/v9', version: 'v9.5.3', scope: 'runtime', line: 14 });
  assert.equal(facts.dependencies!.length, 4);
});

test('go.mod: replace with a local path is a local dependency, not an external one', () => {
  const facts = readFixture(F, 'api/go.mod');
  assert.deepEqual(facts.manifests![0].localDependencies, [{ name: 'github.com/acme/shop/pkg/shared', path: '../pkg/shared', line: 16 }]);
  assert.equal(dep(facts, 'github.com/acme/shop/pkg/shared'), undefined);
  assert.equal(dep(facts, 'golang.org/x/net'), undefined);
});

test('go.work: use blocks and single use lines are workspaces', () => {
  const [m] = readFixture(F, 'go.work').manifests!;
  assert.deepEqual(m.workspaces, ['./api', './worker', './pkg/shared']);
  assert.deepEqual(m.runtimes, [{ name: 'go', version: '1.22.4', line: 1 }]);
});

test('go.mod without a module directive warns', () => {
  const r = readerFor('go.mod').read('x/go.mod', 'require (\n\tgithub.com/a/b v1\n');
  assert.deepEqual(r.warnings, [{ file: 'x/go.mod', message: 'malformed go.mod: no module directive' }]);
  assert.doesNotThrow(() => readerFor('go.work').read('go.work', '\u0000use (\n'));
});
