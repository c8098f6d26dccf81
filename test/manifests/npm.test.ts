import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readerFor, readFixture, dep } from './read.js';

const F = 'manifest-npm-workspaces';

test('root package.json: workspaces, private, dev dependencies, engines', () => {
  const facts = readFixture(F, 'package.json');
  const [m] = facts.manifests!;
  assert.equal(m.ecosystem, 'npm');
  assert.equal(m.name, 'acme-monorepo');
  assert.equal(m.line, 2);
  assert.equal(m.private, true);
  assert.deepEqual(m.workspaces, ['apps/*', 'packages/*']);
  assert.deepEqual(m.runtimes, [{ name: 'node', version: '>=20', line: 10 }]);
  assert.deepEqual(dep(facts, 'turbo'), { ecosystem: 'npm', name: 'turbo', version: '^2.0.6', scope: 'dev', line: 17 });
  assert.equal(facts.dependencies!.length, 2);
});

test('app package.json: scopes per section, workspace: versions are local, start script entry point', () => {
  const facts = readFixture(F, 'apps/web/package.json');
  const [m] = facts.manifests!;
  assert.equal(m.name, '@acme/web');
  assert.equal(m.kind, 'application');
  assert.deepEqual(m.localDependencies, [{ name: '@acme/shared', line: 11 }]);
  assert.deepEqual(m.entryPoints, [{ name: 'start', target: 'server.js', line: 8 }]);
  assert.deepEqual(dep(facts, 'next'), { ecosystem: 'npm', name: 'next', version: '14.2.4', scope: 'runtime', line: 12 });
  assert.deepEqual(dep(facts, 'pg'), { ecosystem: 'npm', name: 'pg', version: '^8.12.0', scope: 'runtime', line: 15 });
  assert.equal(dep(facts, 'eslint')?.scope, 'dev');
  assert.equal(dep(facts, 'eslint')?.line, 19);
  assert.deepEqual(dep(facts, 'sharp'), { ecosystem: 'npm', name: 'sharp', version: '^0.33.4', scope: 'optional', line: 25 });
  // react is both a runtime and a peer dependency, each on its own line.
  const react = facts.dependencies!.filter((d) => d.name === 'react');
  assert.deepEqual(react.map((d) => [d.scope, d.line]), [['runtime', 13], ['peer', 22]]);
  assert.equal(dep(facts, '@acme/shared'), undefined);
});

test('library package.json: main and the "." export are entry points', () => {
  const facts = readFixture(F, 'packages/shared/package.json');
  const [m] = facts.manifests!;
  assert.equal(m.kind, 'library');
  assert.equal(m.description, 'Shared types and helpers');
  assert.deepEqual(m.entryPoints, [
    { name: 'main', target: './dist/index.js', line: 6 },
    { name: 'exports', target: './dist/index.js', line: 7 },
  ]);
});

test('cli package.json: bin entry, file: dependency keeps its path', () => {
  const facts = readFixture(F, 'packages/cli/package.json');
  const [m] = facts.manifests!;
  assert.equal(m.kind, 'cli');
  assert.deepEqual(m.entryPoints, [{ name: 'acme', target: './bin/acme.js', line: 5 }]);
  assert.deepEqual(m.localDependencies, [{ name: '@acme/shared', path: '../shared', line: 8 }]);
  assert.deepEqual(dep(facts, 'commander'), { ecosystem: 'npm', name: 'commander', version: '^12.1.0', scope: 'runtime', line: 9 });
});

test('pnpm-workspace.yaml and lerna.json declare workspaces', () => {
  assert.deepEqual(readFixture(F, 'pnpm-workspace.yaml').manifests![0].workspaces, ['apps/*', 'packages/*', '!**/test/**']);
  assert.deepEqual(readFixture(F, 'lerna.json').manifests![0], { ecosystem: 'npm', workspaces: ['apps/*', 'packages/*'], line: 4 });
});

test('malformed package.json gives a one-line warning, never a throw', () => {
  const r = readerFor('package.json').read('web/package.json', '{\n  "name": "x",\n  "dependencies": {\n');
  assert.equal(r.manifests, undefined);
  assert.equal(r.warnings!.length, 1);
  assert.equal(r.warnings![0].file, 'web/package.json');
  assert.match(r.warnings![0].message, /^malformed package\.json: /);
  assert.ok(!r.warnings![0].message.includes('\n'));
  assert.match(readerFor('package.json').read('package.json', '[1, 2]').warnings![0].message, /not an object/);
  assert.match(readerFor('pnpm-workspace.yaml').read('pnpm-workspace.yaml', 'packages: [\n  - a').warnings![0].message, /^malformed pnpm-workspace\.yaml/);
});

test('binary-ish and empty input do not throw', () => {
  for (const r of ['package.json', 'lerna.json', 'pnpm-workspace.yaml']) {
    assert.doesNotThrow(() => readerFor(r).read(r, '\u0000\u0001\uFFFD'));
    assert.doesNotThrow(() => readerFor(r).read(r, ''));
  }
});

test('kind: "main" alone is no library; a start script running a file is an application', () => {
  const read = (pkg: object) => readerFor('package.json').read('package.json', JSON.stringify(pkg, null, 2)).manifests![0].kind;
  assert.equal(read({ name: 'svc', main: 'index.js' }), undefined);
  assert.equal(read({ name: 'svc', main: 'index.js', scripts: { start: 'node index.js' } }), 'application');
  assert.equal(read({ name: 'lib', main: 'dist/index.js', types: 'dist/index.d.ts' }), 'library');
  assert.equal(read({ name: 'lib', private: true, exports: './x.js' }), undefined);
});

test('npm: aliases are reported under the real package name', () => {
  const text = '{\n  "dependencies": {\n    "react-18": "npm:react@^18.3.1",\n    "types": "npm:@types/node@20"\n  }\n}\n';
  assert.deepEqual(readerFor('package.json').read('package.json', text).dependencies, [
    { ecosystem: 'npm', name: 'react', version: '^18.3.1', scope: 'runtime', line: 3 },
    { ecosystem: 'npm', name: '@types/node', version: '20', scope: 'runtime', line: 4 },
  ]);
});

test('start scripts: the file after runner options is the entry point', () => {
  const start = (cmd: string) => readerFor('package.json').read('package.json', JSON.stringify({ name: 'x', scripts: { start: cmd } })).manifests![0].entryPoints![0].target;
  assert.equal(start('node --require @opentelemetry/auto-instrumentations-node/register index.js'), 'index.js');
  assert.equal(start('npm run build && node --enable-source-maps dist/main.js'), 'dist/main.js');
  assert.equal(start('tsx watch src/server.ts'), 'src/server.ts');
  assert.equal(start('next start'), 'next start');
});
