import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dep, readerFor, readFixture } from './read.js';

test('Poetry pyproject: python is no dependency, groups are dev/test, path deps are local, scripts make a cli', () => {
  const facts = readFixture('manifest-python-poetry', 'pyproject.toml');
  const [m] = facts.manifests!;
  assert.equal(m.name, 'orders-api');
  assert.equal(m.version, '0.4.2');
  assert.equal(m.line, 2);
  assert.equal(m.kind, 'cli');
  assert.deepEqual(m.entryPoints, [{ name: 'orders', target: 'orders.cli:main', line: 23 }]);
  assert.deepEqual(m.localDependencies, [{ name: 'shared-models', path: '../shared-models', line: 13 }]);
  assert.deepEqual(m.runtimes, [{ name: 'python', version: '^3.11', line: 9 }]);
  assert.equal(dep(facts, 'python'), undefined);
  assert.equal(dep(facts, 'shared-models'), undefined);
  assert.deepEqual(dep(facts, 'fastapi'), { ecosystem: 'pypi', name: 'fastapi', version: '^0.111.0', scope: 'runtime', line: 10 });
  assert.deepEqual(dep(facts, 'sqlalchemy'), { ecosystem: 'pypi', name: 'sqlalchemy', version: '^2.0.30', scope: 'runtime', line: 11 });
  assert.deepEqual(dep(facts, 'ruff'), { ecosystem: 'pypi', name: 'ruff', version: '^0.4.8', scope: 'dev', line: 16 });
  assert.deepEqual(dep(facts, 'pytest'), { ecosystem: 'pypi', name: 'pytest', version: '^8.2.2', scope: 'test', line: 20 });
  assert.deepEqual(dep(facts, 'poetry-core'), { ecosystem: 'pypi', name: 'poetry-core', version: '>=1.0.0', scope: 'build', line: 29 });
});

test('PEP 621 pyproject with uv workspace: array items get their own lines, workspace sources are local', () => {
  const facts = readFixture('manifest-python-uv', 'pyproject.toml');
  const [m] = facts.manifests!;
  assert.equal(m.name, 'acme-platform');
  assert.deepEqual(m.workspaces, ['packages/*']);
  assert.deepEqual(m.localDependencies, [{ name: 'acme-core', line: 29 }]);
  assert.deepEqual(m.runtimes, [{ name: 'python', version: '>=3.12', line: 5 }]);
  assert.deepEqual(m.entryPoints, [{ name: 'acme', target: 'acme_platform.cli:app', line: 16 }]);
  assert.deepEqual(dep(facts, 'httpx'), { ecosystem: 'pypi', name: 'httpx', version: '>=0.27', scope: 'runtime', line: 7 });
  assert.deepEqual(dep(facts, 'pydantic'), { ecosystem: 'pypi', name: 'pydantic', version: '>=2.7,<3', scope: 'runtime', line: 8 });
  assert.deepEqual(dep(facts, 'boto3'), { ecosystem: 'pypi', name: 'boto3', version: '>=1.34', scope: 'optional', line: 13 });
  assert.deepEqual(dep(facts, 'ruff'), { ecosystem: 'pypi', name: 'ruff', version: '>=0.5', scope: 'dev', line: 20 });
  assert.deepEqual(dep(facts, 'pytest'), { ecosystem: 'pypi', name: 'pytest', version: '>=8', scope: 'test', line: 23 });
  assert.equal(dep(facts, 'acme-core'), undefined);
  assert.equal(dep(facts, 'hatchling')?.scope, 'build');
});

test('PEP 621 with extras in the name and PDM dev groups', () => {
  const facts = readFixture('manifest-python-uv', 'packages/core/pyproject.toml');
  assert.deepEqual(dep(facts, 'sqlalchemy'), { ecosystem: 'pypi', name: 'sqlalchemy', version: '>=2.0', scope: 'runtime', line: 4 });
  assert.deepEqual(dep(facts, 'flake8'), { ecosystem: 'pypi', name: 'flake8', scope: 'dev', line: 7 });
  assert.deepEqual(dep(facts, 'pytest-asyncio'), { ecosystem: 'pypi', name: 'pytest-asyncio', scope: 'test', line: 8 });
});

test('pyproject that only configures tools declares no project', () => {
  assert.deepEqual(readerFor('pyproject.toml').read('pyproject.toml', '[tool.black]\nline-length = 88\n'), {});
});

test('requirements.txt: comments, extras, markers, includes, editables, hashes, URLs', () => {
  const facts = readFixture('manifest-python-requirements', 'requirements.txt');
  assert.deepEqual(facts.manifests, [{ ecosystem: 'pypi', line: 1 }]);
  assert.deepEqual(
    facts.dependencies!.map((d) => [d.name, d.version, d.scope, d.line]),
    [
      ['Django', '==5.0.6', 'runtime', 3],
      ['psycopg', '>=3.1,<4', 'runtime', 4],
      ['celery', '~=5.4', 'runtime', 5],
      ['gunicorn', undefined, 'runtime', 6],
      ['requests', undefined, 'runtime', 7],
      ['django-extras', undefined, 'runtime', 9],
      ['boto3', '==1.34.0', 'runtime', 11],
    ],
  );
});

test('requirements file names and folders decide dev and test scope', () => {
  assert.equal(readFixture('manifest-python-requirements', 'requirements-dev.txt').manifests, undefined);
  assert.equal(readFixture('manifest-python-requirements', 'requirements/base.txt').manifests, undefined);
  assert.deepEqual(readFixture('manifest-python-requirements', 'requirements-dev.txt').dependencies, [
    { ecosystem: 'pypi', name: 'black', version: '==24.4.2', scope: 'dev', line: 2 },
  ]);
  assert.equal(readFixture('manifest-python-requirements', 'requirements/test.txt').dependencies![0].scope, 'test');
  assert.equal(readFixture('manifest-python-requirements', 'requirements/base.txt').dependencies![0].scope, 'runtime');
});

test('setup.cfg: metadata, install_requires lines, extras, console scripts; tool-only setup.cfg is nothing', () => {
  const facts = readFixture('manifest-python-requirements', 'setup.cfg');
  const [m] = facts.manifests!;
  assert.equal(m.name, 'acme-billing');
  assert.equal(m.line, 2);
  assert.equal(m.kind, 'cli');
  assert.deepEqual(m.entryPoints, [{ name: 'billing', target: 'acme_billing.cli:main', line: 19 }]);
  assert.deepEqual(m.runtimes, [{ name: 'python', version: '>=3.10', line: 8 }]);
  assert.deepEqual(
    facts.dependencies!.map((d) => [d.name, d.scope, d.line]),
    [
      ['stripe', 'runtime', 10],
      ['click', 'runtime', 11],
      ['pytest', 'test', 12],
      ['boto3', 'optional', 15],
    ],
  );
  assert.deepEqual(readerFor('setup.cfg').read('setup.cfg', '[flake8]\nmax-line-length = 100\n'), {});
});

test('setup.py is read as text: install_requires literals and console_scripts', () => {
  const facts = readFixture('manifest-python-requirements', 'setup.py');
  assert.equal(facts.manifests![0].name, 'acme-billing');
  assert.equal(facts.manifests![0].line, 4);
  assert.deepEqual(facts.manifests![0].entryPoints, [{ name: 'billing', target: 'acme_billing.cli:main', line: 13 }]);
  assert.deepEqual(
    facts.dependencies!.map((d) => [d.name, d.version, d.line]),
    [
      ['stripe', '>=9.0', 8],
      ['click', undefined, 9],
    ],
  );
});

test('Pipfile: packages and dev-packages, "*" is no version', () => {
  const facts = readFixture('manifest-python-requirements', 'Pipfile');
  assert.deepEqual(dep(facts, 'flask'), { ecosystem: 'pypi', name: 'flask', scope: 'runtime', line: 7 });
  assert.deepEqual(dep(facts, 'sqlalchemy'), { ecosystem: 'pypi', name: 'sqlalchemy', version: '>=2.0', scope: 'runtime', line: 8 });
  assert.deepEqual(dep(facts, 'pytest'), { ecosystem: 'pypi', name: 'pytest', version: '==8.2.2', scope: 'dev', line: 11 });
  assert.deepEqual(facts.manifests![0].runtimes, [{ name: 'python', version: '3.12', line: 14 }]);
});

test('malformed TOML gives a one-line warning', () => {
  for (const [file, what] of [
    ['pyproject.toml', 'pyproject.toml'],
    ['Pipfile', 'Pipfile'],
  ]) {
    const r = readerFor(file).read(`svc/${file}`, '[project]\nname = "x"\ndependencies = [\n');
    assert.equal(r.warnings!.length, 1);
    assert.equal(r.warnings![0].file, `svc/${file}`);
    assert.match(r.warnings![0].message, new RegExp(`^malformed ${what}: `));
    assert.ok(!r.warnings![0].message.includes('\n'));
  }
});

test('line-based Python readers survive garbage', () => {
  for (const f of ['requirements.txt', 'setup.cfg', 'setup.py']) {
    assert.doesNotThrow(() => readerFor(f).read(f, '\u0000\u0001[[[ ===\n\\\n-e\nsetup(install_requires=['));
  }
});

test('requirements kept in docs/ or tests/ folders are not runtime', () => {
  const read = (p: string) => readerFor(p).read(p, 'sphinx==7.2.6\n').dependencies![0].scope;
  assert.equal(read('docs/requirements.txt'), 'dev');
  assert.equal(read('tests/requirements.txt'), 'test');
  assert.equal(read('services/api/requirements.txt'), 'runtime');
  assert.equal(readerFor('docs/requirements.txt').read('docs/requirements.txt', 'sphinx\n').manifests, undefined);
});

test('Hatch environments are dev or test dependencies', () => {
  const text = '[project]\nname = "x"\n\n[tool.hatch.envs.default]\ndependencies = ["coverage[toml]>=6.5"]\n\n[tool.hatch.envs.test]\nextra-dependencies = [\n  "pytest",\n]\n';
  const facts = readerFor('pyproject.toml').read('pyproject.toml', text);
  assert.deepEqual(facts.dependencies, [
    { ecosystem: 'pypi', name: 'coverage', version: '>=6.5', scope: 'dev', line: 5 },
    { ecosystem: 'pypi', name: 'pytest', scope: 'test', line: 9 },
  ]);
});

test('setup.py: install_requires given through a module-level list variable', () => {
  const text = 'from setuptools import setup\n\nREQUIRES = [\n    "flask>=3",\n    "redis",\n]\n\nsetup(name="svc", install_requires=REQUIRES)\n';
  assert.deepEqual(readerFor('setup.py').read('setup.py', text).dependencies!.map((d) => [d.name, d.line]), [
    ['flask', 4],
    ['redis', 5],
  ]);
});

test('pip-compile output: pins wanted only by other packages are indirect', () => {
  const facts = readFixture('manifest-python-requirements', 'services/mailer/requirements.txt');
  assert.deepEqual(
    facts.dependencies!.map((d) => [d.name, d.line, d.indirect ?? false]),
    [
      ['certifi', 3, true],
      ['grpcio', 5, false],
      ['psycopg2-binary', 9, true],
      ['requests', 11, false],
    ],
  );
});

test('extras named for the project own work (dev, docs, tests) are development groups, others optional features', () => {
  const pyproject = [
    '[project]',
    'name = "webkit"',
    'dependencies = ["werkzeug>=3"]',
    '',
    '[project.optional-dependencies]',
    'async = ["asgiref>=3.2"]',
    'dev = ["jinja2"]',
    'docs = ["sphinx"]',
    'tests = ["pytest"]',
    '',
  ].join('\n');
  const facts = readerFor('pyproject.toml').read('pyproject.toml', pyproject);
  assert.deepEqual(
    facts.dependencies!.map((d) => [d.name, d.scope]),
    [['werkzeug', 'runtime'], ['asgiref', 'optional'], ['jinja2', 'dev'], ['sphinx', 'dev'], ['pytest', 'test']],
  );
  const cfg = '[metadata]\nname = cli\n\n[options]\ninstall_requires =\n    requests\n\n[options.extras_require]\ndev =\n    jinja2\nsocks =\n    pysocks\n';
  assert.deepEqual(readerFor('setup.cfg').read('setup.cfg', cfg).dependencies!.map((d) => [d.name, d.scope]), [['requests', 'runtime'], ['jinja2', 'dev'], ['pysocks', 'optional']]);
});

test('a setup.py that is no packaging script (a Flask view for a /setup wizard) is no manifest', () => {
  const view = 'from flask import redirect\nfrom redash.models import Group\n\n\ndef setup():\n    admin = Group(name="admin", permissions=["admin"])\n    return redirect("/")\n';
  assert.deepEqual(readerFor('setup.py').read('redash/handlers/setup.py', view), {});
  const packaging = 'from setuptools import setup\n\nsetup(\n    name="ledger",\n    install_requires=["flask>=3"],\n)\n';
  assert.equal(readerFor('setup.py').read('setup.py', packaging).manifests?.[0]?.name, 'ledger');
});
