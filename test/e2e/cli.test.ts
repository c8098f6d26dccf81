/**
 * The command line as a user runs it: generate, check, analyze, their exit codes, and the promise that
 * the user's text survives and a second run changes nothing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from '../helpers.js';

const cli = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const cacheDir = mkdtempSync(join(tmpdir(), 'archmd-cli-cache-'));

function archmd(args: string[], cwd = repoRoot) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ARCHMD_CACHE_DIR: cacheDir, NO_COLOR: '1', CI: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function noStackTrace(stderr: string) {
  assert.doesNotMatch(stderr, /\n\s+at |TypeError|ReferenceError|node:internal/);
}

after(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('the documents checked into this repository', () => {
  it("archmd's own ARCHITECTURE.md is up to date", () => {
    const r = archmd(['check']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
  });
  it('the example system\'s ARCHITECTURE.md is up to date', () => {
    const r = archmd(['check', '--example']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
  });
});

describe('generate and check on a copy of the example system', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'archmd-shop-'));
    cpSync(join(repoRoot, 'examples', 'shop'), dir, { recursive: true });
    rmSync(join(dir, 'ARCHITECTURE.md'), { force: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the document, and a second run changes nothing', () => {
    const first = archmd([dir]);
    assert.equal(first.code, 0, first.stderr);
    noStackTrace(first.stderr);
    const doc = readFileSync(join(dir, 'ARCHITECTURE.md'), 'utf8');
    assert.match(doc, /<!-- BEGIN_ARCHMD section="technology-stack" -->/);
    assert.ok(!doc.includes(dir), 'no absolute path in the document');
    const second = archmd([dir]);
    assert.equal(second.code, 0);
    assert.match(second.stderr, /up to date/);
    assert.equal(readFileSync(join(dir, 'ARCHITECTURE.md'), 'utf8'), doc);
    assert.equal(archmd(['check', dir]).code, 0);
  });

  it('keeps the user\'s prose byte for byte', () => {
    const path = join(dir, 'ARCHITECTURE.md');
    const prose = '\nHand-written: the *why* behind the queue. \u00e9\u4e2d  \n';
    const doc = readFileSync(path, 'utf8').replace('## Data Flow\n', `## Data Flow\n${prose}`);
    writeFileSync(path, doc);
    assert.equal(archmd([dir]).code, 0);
    assert.ok(readFileSync(path, 'utf8').includes(`## Data Flow\n${prose}`));
  });

  it('a new function or a new line in the code does not make check fail', () => {
    const file = join(dir, 'services', 'api', 'src', 'routes', 'books.ts');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n// a helper added later\nexport function slugify(title: string): string {\n  return title.toLowerCase().replace(/\\s+/g, '-');\n}\n`);
    const check = archmd(['check', dir]);
    assert.equal(check.code, 0, check.stdout);
  });

  it('fails with a diff when a datastore dependency is added, and passes again after generate', () => {
    const manifest = join(dir, 'services', 'api', 'package.json');
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    pkg.dependencies.mongodb = '^6.8.0';
    writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
    const check = archmd(['check', dir]);
    assert.equal(check.code, 1, check.stdout);
    assert.match(check.stdout, /^\+.*MongoDB/m);
    assert.match(check.stdout, /^--- .*ARCHITECTURE\.md/m);
    assert.match(check.stderr, /out of date/);
    assert.equal(archmd([dir]).code, 0);
    assert.equal(archmd(['check', dir]).code, 0);
  });

  it('--stdout and --dry-run write nothing', () => {
    const path = join(dir, 'ARCHITECTURE.md');
    writeFileSync(path, '# Mine\n\nOnly prose.\n');
    const before = statSync(path).mtimeMs;
    const printed = archmd([dir, '--stdout']);
    assert.equal(printed.code, 0);
    assert.match(printed.stdout, /^# Shop: Architecture/);
    const dry = archmd([dir, '--dry-run']);
    assert.equal(dry.code, 0);
    assert.match(dry.stderr, /would be updated/);
    assert.equal(readFileSync(path, 'utf8'), '# Mine\n\nOnly prose.\n');
    assert.equal(statSync(path).mtimeMs, before);
  });

  it('a document without archmd blocks gets them appended after the user\'s text', () => {
    const path = join(dir, 'ARCHITECTURE.md');
    writeFileSync(path, '# Mine\n\nOnly prose.\n');
    assert.equal(archmd([dir]).code, 0);
    const doc = readFileSync(path, 'utf8');
    assert.ok(doc.startsWith('# Mine\n\nOnly prose.\n'));
    assert.match(doc, /BEGIN_ARCHMD section="introduction"/);
  });

  it('analyze --json prints the model alone on stdout', () => {
    const r = archmd(['analyze', '--json', dir]);
    assert.equal(r.code, 0);
    const model = JSON.parse(r.stdout);
    assert.equal(model.schemaVersion, 1);
    assert.ok(!r.stdout.includes(dir));
  });
});

describe('bad input and usage', () => {
  it('a missing folder is one line and exit 2', () => {
    const r = archmd(['check', join(tmpdir(), 'archmd-no-such-folder')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^archmd: .*no such folder\n$/);
  });
  it('an unknown option is a usage error', () => {
    const r = archmd(['--frobnicate']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Run `archmd --help`/);
    noStackTrace(r.stderr);
  });
  it('--help and --version', () => {
    assert.match(archmd(['--help']).stdout, /archmd check \[dir\]/);
    assert.match(archmd(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  });
  it('damaged markers name the line and leave the file untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archmd-markers-'));
    try {
      writeFileSync(join(dir, 'README.md'), '# tiny\n\nA tiny thing that does one job well.\n');
      const damaged = '# Doc\n\n<!-- BEGIN_ARCHMD section="introduction" -->\nold\n';
      writeFileSync(join(dir, 'ARCHITECTURE.md'), damaged);
      const r = archmd([dir]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /ARCHITECTURE\.md:3: /);
      assert.equal(readFileSync(join(dir, 'ARCHITECTURE.md'), 'utf8'), damaged);
      assert.ok(!existsSync(join(dir, 'ARCHITECTURE.md.tmp')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('warnings that are only about fixtures', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'archmd-cli-fixture-warnings-'));
    writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "viewer"\nversion = "0.1.0"\n');
    cpSync(join(repoRoot, 'README.md'), join(dir, 'README.md'));
    for (const name of ['a', 'b']) {
      const folder = join(dir, 'tests', 'syntax-tests', 'highlighted', name);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'Cargo.toml'), '\u001b[38;5;231m[package]\u001b[0m\nname = = broken\n');
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('sums them up without calling them "more" when none was shown', () => {
    const r = archmd(['generate', '--stdout', dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /warning: 2 warnings about tests, fixtures, examples and docs/);
    assert.doesNotMatch(r.stderr, /more warning/);
  });
});
