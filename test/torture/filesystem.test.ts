/**
 * The file system as an adversary: odd names, links that loop or lead outside, FIFOs, folders that cannot be
 * read, files that vanish, and folders that are not what they seem (empty, not git, no commits, shallow, bare,
 * missing, a file). Each run must end with a clear exit code and no stack trace.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readBounded } from '../../src/scan/read.js';
import { analyzeJson, commitAll, expectRun, gitIn, isRoot, repo, technologyNames, tempDir, warningFor } from './harness.js';

const SERVICE = {
  'package.json': JSON.stringify({ name: 'svc', dependencies: { express: '^4.19.0', ioredis: '^5.3.0' } }, null, 2),
  'src/index.js': 'import express from "express";\nimport Redis from "ioredis";\nexpress().listen(3000);\n',
};

describe('names with spaces, unicode and newlines', () => {
  const files = {
    ...SERVICE,
    'src/my file.js': 'import "./index.js";\n',
    'src/ünïcødé/日本語.js': 'export const x = "é";\n',
    'src/emoji 🚀/app.py': 'import flask\n',
    'src/new\nline.js': 'export default 1;\n',
    'src/tab\tname.js': 'export default 2;\n',
    'src/quote"and\'apostrophe.js': 'export default 3;\n',
    'src/<!-- BEGIN_ARCHMD section="x" -->.js': 'export default 4;\n',
    'src/`backtick`|pipe*.js': 'export default 5;\n',
  };

  for (const git of [false, true]) {
    test(`${git ? 'a git repository' : 'a plain folder'}: exit 0, the document holds, check agrees`, () => {
      const dir = repo(`names-${git ? 'git' : 'plain'}`, files);
      if (git) commitAll(dir);
      const { model } = analyzeJson(dir);
      assert.ok(technologyNames(model).includes('Express'));
      assert.deepEqual(model.warnings.filter((w) => /reader failed/.test(w.message)), []);
      expectRun(['generate', '--no-cache', dir], 0);
      const doc = readFileSync(join(dir, 'ARCHITECTURE.md'), 'utf8');
      // a file name that looks like a marker must not create a block
      assert.equal(doc.match(/BEGIN_ARCHMD section="x"/g)?.length ?? 0, 0, 'a file name became a marker');
      expectRun(['check', '--no-cache', dir], 0);
      if (git) assert.equal(gitIn(dir, ['status', '--porcelain', '--', '.', ':!ARCHITECTURE.md']), '', 'archmd changed tracked files');
    });
  }
});

describe('links', () => {
  test('symlink loops, dangling links and links leading outside are not followed', () => {
    const outside = repo('outside', { 'secret/package.json': JSON.stringify({ name: 'outside-secret', dependencies: { mongoose: '^8' } }) });
    const dir = repo('links', SERVICE);
    symlinkSync('.', join(dir, 'self'));
    symlinkSync('b', join(dir, 'a'));
    symlinkSync('a', join(dir, 'b'));
    symlinkSync(join(dir, 'nowhere', 'gone.js'), join(dir, 'dangling.js'));
    symlinkSync(outside, join(dir, 'outside'));
    symlinkSync(join(outside, 'secret', 'package.json'), join(dir, 'src', 'package.json'));
    mkdirSync(join(dir, 'deep'));
    symlinkSync('..', join(dir, 'deep', 'up'));
    for (const git of [false, true]) {
      if (git) commitAll(dir);
      const { model } = analyzeJson(dir);
      assert.ok(technologyNames(model).includes('Express'));
      assert.ok(!technologyNames(model).includes('Mongoose') && !technologyNames(model).includes('MongoDB'), 'a link was followed outside');
      assert.ok(model.warnings.some((w) => /symbolic link/.test(w.message)), JSON.stringify(model.warnings));
      assert.doesNotMatch(JSON.stringify(model), /outside-secret/);
    }
    expectRun(['generate', '--no-cache', dir], 0);
  });

  test('a FIFO named like a manifest is never opened (opening it would block)', () => {
    const dir = repo('fifo', SERVICE);
    execFileSync('mkfifo', [join(dir, 'requirements.txt')]);
    execFileSync('mkfifo', [join(dir, 'src', 'pipe.js')]);
    const { model } = analyzeJson(dir);
    assert.ok(technologyNames(model).includes('Express'));
    expectRun(['generate', '--no-cache', dir], 0);
  });
});

describe('folders that cannot be read', () => {
  test('a folder without read permission is skipped with a warning naming it', { skip: isRoot ? 'running as root, which ignores permission bits (see the next test for the same path)' : false }, () => {
    const dir = repo('unreadable', { ...SERVICE, 'locked/package.json': '{"name":"locked"}' });
    chmodSync(join(dir, 'locked'), 0o000);
    try {
      const { model } = analyzeJson(dir);
      warningFor(model, 'locked', /cannot read/);
      assert.ok(technologyNames(model).includes('Express'));
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
    }
  });

  test('a folder beyond PATH_MAX (unreadable even for root) is skipped with a warning naming it', () => {
    const dir = repo('toolong', SERVICE);
    // built one relative step at a time: the absolute path is longer than the kernel accepts
    const segment = 'x'.repeat(200);
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      for (let i = 0; i < 24; i++) {
        mkdirSync(segment);
        process.chdir(segment);
      }
      writeFileSync('package.json', '{"name":"deep"}');
    } finally {
      process.chdir(cwd);
    }
    const { model } = analyzeJson(dir);
    assert.ok(model.warnings.some((w) => w.file?.startsWith(`${segment}/`) && /cannot read/.test(w.message)), JSON.stringify(model.warnings).slice(0, 2000));
    assert.ok(technologyNames(model).includes('Express'));
    expectRun(['generate', '--no-cache', dir], 0);
  });

  test('a file that disappears between listing and reading gives a reason, not an exception', () => {
    const dir = tempDir('vanish');
    const path = join(dir, 'gone.js');
    writeFileSync(path, 'export default 1;\n');
    unlinkSync(path);
    assert.deepEqual(readBounded(path, 18, 1 << 20), { skipped: 'disappeared during the scan' });
    assert.match((readBounded(dir, 10, 1 << 20) as { skipped: string }).skipped, /cannot read: EISDIR/);
  });

  test('a tracked file deleted from the work tree is left out quietly', () => {
    const dir = repo('deleted', { ...SERVICE, 'requirements.txt': 'django==5.0\n' });
    commitAll(dir);
    unlinkSync(join(dir, 'requirements.txt'));
    const { model } = analyzeJson(dir);
    assert.ok(!technologyNames(model).includes('Django'));
    assert.ok(technologyNames(model).includes('Express'));
  });
});

describe('deep nesting', () => {
  test('300 nested folders: the service at the bottom is found, in git and out', () => {
    const deep = Array(300).fill('d').join('/');
    const dir = repo('deep', {
      [`${deep}/package.json`]: JSON.stringify({ name: 'deepest', dependencies: { fastify: '^4' } }),
      [`${deep}/index.js`]: 'import Fastify from "fastify";\nFastify().listen({ port: 3000 });\n',
      [`${deep}/.gitignore`]: 'ignored.js\n',
      [`${deep}/ignored.js`]: 'import "koa";\n',
    });
    for (const git of [false, true]) {
      if (git) commitAll(dir);
      const { model } = analyzeJson(dir);
      assert.ok(technologyNames(model).includes('Fastify'), technologyNames(model).join(', '));
      assert.ok(!technologyNames(model).includes('Koa'), 'a nested .gitignore was not honoured');
    }
    expectRun(['generate', '--no-cache', dir], 0);
  });
});

describe('folders that are not what they seem', () => {
  test('an empty folder: exit 0 and a document that claims nothing', () => {
    const dir = tempDir('empty');
    expectRun(['generate', '--no-cache', dir], 0);
    const doc = readFileSync(join(dir, 'ARCHITECTURE.md'), 'utf8');
    assert.match(doc, /BEGIN_ARCHMD/);
    assert.doesNotMatch(doc, /PostgreSQL|Express|Kubernetes|Docker Compose|GitHub Actions/);
    expectRun(['check', '--no-cache', dir], 0);
  });

  test('a plain folder, not a git repository, reads a hostile .gitignore the way git does', () => {
    const dir = repo('plain', {
      ...SERVICE,
      '.gitignore': 'build-output/\n[z-a]\n[\n\\\n!\n#comment\n\\#literal\n   \n/\n**/\nsrc/**/gen/\n*.log   \n!/keep.log\n',
      'build-output/package.json': JSON.stringify({ name: 'ignored', dependencies: { mongoose: '^8' } }),
      'src/a/gen/x.js': 'import "koa";\n',
      'debug.log': 'x\n',
      'keep.log': 'x\n',
      '#literal': 'x\n',
      '.gitattributes': '* text=auto\n[ linguist-vendored\n\\ -linguist-generated\n*.js linguist-documentation=false\n',
    });
    const plain = analyzeJson(dir).model;
    assert.ok(technologyNames(plain).includes('Express'));
    assert.ok(!technologyNames(plain).includes('Mongoose'));
    gitIn(dir, ['init', '-q']);
    const git = analyzeJson(dir).model;
    assert.equal(plain.stats.files, git.stats.files, 'the walk and git list different files');
    assert.deepEqual(technologyNames(plain), technologyNames(git));
  });

  test('a git repository with no commits lists its untracked files', () => {
    const dir = repo('nocommits', SERVICE);
    gitIn(dir, ['init', '-q']);
    const { model } = analyzeJson(dir);
    assert.ok(technologyNames(model).includes('Express'));
    assert.ok(technologyNames(model).includes('Redis'), technologyNames(model).join(', '));
  });

  test('a shallow clone reads like the original', () => {
    const origin = repo('origin', SERVICE);
    commitAll(origin);
    writeFileSync(join(origin, 'Dockerfile'), 'FROM node:20\n');
    gitIn(origin, ['add', '-A']);
    gitIn(origin, ['commit', '-q', '-m', 'docker']);
    const clone = join(tempDir('shallow'), 'clone');
    gitIn(origin, ['clone', '-q', '--depth', '1', `file://${origin}`, clone]);
    assert.equal(gitIn(clone, ['rev-parse', '--is-shallow-repository']).trim(), 'true');
    const a = analyzeJson(origin).model;
    const b = analyzeJson(clone).model;
    assert.deepEqual(technologyNames(b), technologyNames(a));
    expectRun(['generate', '--no-cache', clone], 0);
  });

  test('a subfolder of a git repository: paths are relative to the folder given', () => {
    const dir = repo('subfolder', { 'services/api/package.json': SERVICE['package.json'], 'services/api/src/index.js': SERVICE['src/index.js'], 'other/requirements.txt': 'django\n' });
    commitAll(dir);
    const { model } = analyzeJson(join(dir, 'services', 'api'));
    assert.ok(technologyNames(model).includes('Express'));
    assert.ok(!technologyNames(model).includes('Django'), 'a file outside the folder was read');
    assert.doesNotMatch(JSON.stringify(model), /"file":"services\/api\//);
  });

  test('a bare repository given by mistake: exit 2 and one clear line', () => {
    const bare = join(tempDir('bare'), 'repo.git');
    gitIn(tempDir('bare-cwd'), ['init', '-q', '--bare', bare]);
    for (const target of [bare, join(bare, 'hooks')]) {
      const run = expectRun(['generate', target], 2);
      assert.match(run.stderr, /^archmd: .*bare git repository.*\n$/);
      assert.equal(existsSync(join(target, 'ARCHITECTURE.md')), false);
    }
  });

  test('a missing folder: exit 2 and one line', () => {
    const missing = join(tempDir('missing'), 'no', 'such', 'folder');
    for (const command of ['generate', 'check', 'analyze']) {
      const run = expectRun([command, missing], 2);
      assert.match(run.stderr, /^archmd: .*no such folder\n$/);
    }
  });

  test('a file instead of a folder: exit 2 and one line', () => {
    const dir = repo('file-not-folder', SERVICE);
    const run = expectRun(['generate', join(dir, 'package.json')], 2);
    assert.match(run.stderr, /^archmd: .*package\.json is not a folder\n$/);
    assert.equal(readFileSync(join(dir, 'package.json'), 'utf8'), SERVICE['package.json']);
  });
});
