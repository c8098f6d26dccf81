import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dep, readerFor, readFixture } from './read.js';

const F = 'manifest-cargo-workspace';

test('workspace Cargo.toml: members, and [workspace.dependencies] is not a use', () => {
  const facts = readFixture(F, 'Cargo.toml');
  assert.deepEqual(facts.manifests, [{ ecosystem: 'cargo', workspaces: ['crates/core', 'crates/cli'], line: 1 }]);
  assert.deepEqual(facts.dependencies, []);
});

test('library crate: dotted workspace keys, optional deps, dev and per-target tables', () => {
  const facts = readFixture(F, 'crates/core/Cargo.toml');
  const [m] = facts.manifests!;
  assert.equal(m.name, 'acme-core');
  assert.equal(m.line, 2);
  assert.equal(m.kind, 'library');
  assert.equal(m.description, 'Core domain types');
  assert.deepEqual(m.runtimes, [{ name: 'rust', version: '1.74', line: 5 }]);
  assert.deepEqual(dep(facts, 'serde'), { ecosystem: 'cargo', name: 'serde', scope: 'runtime', line: 12 });
  assert.deepEqual(dep(facts, 'sqlx'), { ecosystem: 'cargo', name: 'sqlx', version: '0.7', scope: 'runtime', line: 13 });
  assert.deepEqual(dep(facts, 'tracing'), { ecosystem: 'cargo', name: 'tracing', version: '0.1', scope: 'optional', line: 14 });
  assert.deepEqual(dep(facts, 'proptest'), { ecosystem: 'cargo', name: 'proptest', version: '1.4', scope: 'dev', line: 17 });
  assert.deepEqual(dep(facts, 'nix'), { ecosystem: 'cargo', name: 'nix', version: '0.29', scope: 'runtime', line: 20 });
});

test('binary crate: [[bin]] entry points, path deps are local, renamed packages use the real name', () => {
  const facts = readFixture(F, 'crates/cli/Cargo.toml');
  const [m] = facts.manifests!;
  assert.equal(m.private, true);
  assert.equal(m.kind, undefined);
  assert.deepEqual(m.entryPoints, [
    { name: 'acme', target: 'src/main.rs', line: 7 },
    { name: 'acme-admin', target: 'src/bin/acme-admin.rs', line: 11 },
  ]);
  assert.deepEqual(m.localDependencies, [{ name: 'acme-core', path: '../core', line: 15 }]);
  assert.equal(dep(facts, 'acme-core'), undefined);
  assert.deepEqual(dep(facts, 'serde_json'), { ecosystem: 'cargo', name: 'serde_json', version: '1', scope: 'runtime', line: 18 });
  assert.equal(dep(facts, 'json'), undefined);
  assert.deepEqual(dep(facts, 'tokio'), { ecosystem: 'cargo', name: 'tokio', scope: 'runtime', line: 17 });
  assert.deepEqual(dep(facts, 'cc'), { ecosystem: 'cargo', name: 'cc', version: '1.0', scope: 'build', line: 21 });
});

test('malformed Cargo.toml warns in one line', () => {
  const r = readerFor('Cargo.toml').read('crates/x/Cargo.toml', '[package\nname = "x"\n');
  assert.equal(r.warnings![0].file, 'crates/x/Cargo.toml');
  assert.match(r.warnings![0].message, /^malformed Cargo\.toml: [^\n]+$/);
});
