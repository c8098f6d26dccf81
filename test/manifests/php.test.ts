import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dep, readerFor, readFixture } from './read.js';

const F = 'manifest-php';

test('composer.json: require and require-dev, platform packages skipped, php version kept', () => {
  const facts = readFixture(F, 'composer.json');
  const [m] = facts.manifests!;
  assert.equal(m.name, 'acme/shop');
  assert.equal(m.line, 2);
  assert.equal(m.kind, 'application');
  assert.deepEqual(m.runtimes, [{ name: 'php', version: '^8.2', line: 6 }]);
  assert.deepEqual(m.localDependencies, [{ path: 'packages/billing' }]);
  assert.equal(dep(facts, 'php'), undefined);
  assert.equal(dep(facts, 'ext-pdo'), undefined);
  assert.deepEqual(dep(facts, 'laravel/framework'), { ecosystem: 'composer', name: 'laravel/framework', version: '^11.9', scope: 'runtime', line: 8 });
  assert.deepEqual(dep(facts, 'phpunit/phpunit'), { ecosystem: 'composer', name: 'phpunit/phpunit', version: '^11.0.1', scope: 'dev', line: 13 });
});

test('composer library and bin entry points', () => {
  assert.equal(readFixture(F, 'packages/billing/composer.json').manifests![0].kind, 'library');
  const r = readerFor('composer.json').read('composer.json', '{\n  "name": "acme/tool",\n  "bin": ["bin/tool"]\n}\n');
  assert.equal(r.manifests![0].kind, 'cli');
  assert.deepEqual(r.manifests![0].entryPoints, [{ name: 'tool', target: 'bin/tool', line: 3 }]);
});

test('malformed composer.json warns in one line', () => {
  const r = readerFor('composer.json').read('composer.json', '{ "require": { "a/b": }');
  assert.deepEqual(Object.keys(r), ['warnings']);
  assert.match(r.warnings![0].message, /^malformed composer\.json: [^\n]+$/);
});
