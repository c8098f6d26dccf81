import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dep, readerFor, readFixture } from './read.js';

const F = 'manifest-ruby';

test('Gemfile: gems with versions, group blocks and group options decide scope', () => {
  const facts = readFixture(F, 'Gemfile');
  assert.deepEqual(dep(facts, 'rails'), { ecosystem: 'gem', name: 'rails', version: '~> 7.1.3, >= 7.1.3.4', scope: 'runtime', line: 6 });
  assert.deepEqual(dep(facts, 'pg'), { ecosystem: 'gem', name: 'pg', version: '~> 1.5', scope: 'runtime', line: 7 });
  assert.deepEqual(dep(facts, 'bootsnap'), { ecosystem: 'gem', name: 'bootsnap', scope: 'runtime', line: 10 });
  assert.deepEqual(dep(facts, 'tzinfo-data'), { ecosystem: 'gem', name: 'tzinfo-data', scope: 'runtime', line: 12 });
  assert.deepEqual(dep(facts, 'rspec-rails'), { ecosystem: 'gem', name: 'rspec-rails', version: '~> 6.1', scope: 'dev', line: 16 });
  assert.equal(dep(facts, 'web-console')?.scope, 'dev');
  assert.deepEqual(dep(facts, 'capybara'), { ecosystem: 'gem', name: 'capybara', scope: 'test', line: 24 });
  // Nested inside an `if` within the test group, and the group still closes properly afterwards.
  assert.equal(dep(facts, 'simplecov')?.scope, 'test');
  assert.equal(dep(facts, 'rubocop')?.scope, 'dev');
  assert.equal(dep(facts, 'factory_bot')?.scope, 'test');
  assert.deepEqual(dep(facts, 'lograge'), { ecosystem: 'gem', name: 'lograge', scope: 'runtime', line: 32 });
});

test('Gemfile: path gems are local, ruby version is kept', () => {
  const facts = readFixture(F, 'Gemfile');
  const [m] = facts.manifests!;
  assert.deepEqual(m.localDependencies, [{ name: 'acme_ui', path: 'engines/acme_ui', line: 11 }]);
  assert.deepEqual(m.runtimes, [{ name: 'ruby', version: '3.3.1', line: 4 }]);
  assert.equal(dep(facts, 'acme_ui'), undefined);
});

test('gemspec: name, summary, executables, runtime and development dependencies', () => {
  const facts = readFixture(F, 'acme_tools.gemspec');
  const [m] = facts.manifests!;
  assert.equal(m.name, 'acme_tools');
  assert.equal(m.line, 6);
  assert.equal(m.version, undefined);
  assert.equal(m.description, 'Command line tools for Acme');
  assert.equal(m.kind, 'cli');
  assert.deepEqual(m.entryPoints, [{ name: 'acme', target: 'exe/acme', line: 11 }]);
  assert.deepEqual(facts.dependencies, [
    { ecosystem: 'gem', name: 'thor', version: '~> 1.3', scope: 'runtime', line: 13 },
    { ecosystem: 'gem', name: 'faraday', version: '>= 2.0, < 3', scope: 'runtime', line: 14 },
    { ecosystem: 'gem', name: 'rake', version: '~> 13.0', scope: 'dev', line: 15 },
  ]);
});

test('Ruby readers never throw on garbage or unbalanced blocks', () => {
  assert.doesNotThrow(() => readerFor('Gemfile').read('Gemfile', 'end\nend\ngroup :test do\ngem "x"\n\u0000'));
  assert.equal(readerFor('Gemfile').read('Gemfile', 'end\ngem "x"\n').dependencies![0].scope, 'runtime');
  assert.doesNotThrow(() => readerFor('x.gemspec').read('x.gemspec', '\u0000spec.add_dependency('));
});

test('generated gemspec: %q<name>.freeze dependencies', () => {
  const text = 'Gem::Specification.new do |s|\n  s.name = "x"\n  s.add_runtime_dependency(%q<rack>.freeze, [">= 2.0"])\n  s.add_development_dependency(%q<rspec>.freeze, ["~> 3"])\nend\n';
  assert.deepEqual(readerFor('x.gemspec').read('x.gemspec', text).dependencies, [
    { ecosystem: 'gem', name: 'rack', version: '>= 2.0', scope: 'runtime', line: 3 },
    { ecosystem: 'gem', name: 'rspec', version: '~> 3', scope: 'dev', line: 4 },
  ]);
});
