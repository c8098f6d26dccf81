import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdtempSync, rmSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic, type WritableHandle } from '../../src/sync/index.js';
import { nodeFs } from '../../src/sync/atomic.js';

const scratchDirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'archmd-sync-'));
  scratchDirs.push(dir);
  return dir;
};
after(() => {
  for (const dir of scratchDirs) {
    rmSync(dir, { recursive: true, force: true });
  }
});

function errnoError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

test('writes a new file and replaces an existing one, keeping its mode', async () => {
  const dir = scratch();
  const file = join(dir, 'ARCHITECTURE.md');
  await writeFileAtomic(file, 'first\n');
  assert.equal(readFileSync(file, 'utf8'), 'first\n');
  chmodSync(file, 0o640);
  await writeFileAtomic(file, 'second — ünïcode\r\n');
  assert.equal(readFileSync(file, 'utf8'), 'second — ünïcode\r\n');
  assert.equal(statSync(file).mode & 0o777, 0o640);
  assert.deepEqual(readdirSync(dir), ['ARCHITECTURE.md'], 'no temporary file left behind');
});

test('a symlink is written through and stays a link', async () => {
  const dir = scratch();
  const real = join(dir, 'docs-ARCHITECTURE.md');
  writeFileSync(real, 'old\n');
  const link = join(dir, 'ARCHITECTURE.md');
  symlinkSync('docs-ARCHITECTURE.md', link);
  await writeFileAtomic(link, 'new\n');
  assert.equal(lstatSync(link).isSymbolicLink(), true);
  assert.equal(readlinkSync(link), 'docs-ARCHITECTURE.md');
  assert.equal(readFileSync(real, 'utf8'), 'new\n');
});

test('a directory that cannot hold the file gives a one-line error naming the path', async () => {
  const dir = scratch();
  const notADir = join(dir, 'docs');
  writeFileSync(notADir, 'I am a file\n');
  const target = join(notADir, 'ARCHITECTURE.md');
  await assert.rejects(writeFileAtomic(target, 'x'), (error: Error) => {
    assert.equal(error.message, `cannot write ${target}: ENOTDIR (a parent path is not a directory)`);
    assert.equal(error.message.includes('\n'), false);
    return true;
  });
  assert.equal(readFileSync(notADir, 'utf8'), 'I am a file\n');
});

test('ENOSPC while writing leaves the old file intact and no temporary file', async () => {
  const dir = scratch();
  const file = join(dir, 'ARCHITECTURE.md');
  writeFileSync(file, 'precious\n');
  let tempPath = '';
  const failingOpen = async (path: string, flags: string, mode?: number): Promise<WritableHandle> => {
    tempPath = path;
    const handle = await nodeFs.open(path, flags, mode);
    return {
      writeFile: async (data) => {
        await handle.writeFile(data.slice(0, 3), 'utf8'); // a partial write, then the disk is full
        throw errnoError('ENOSPC');
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  };
  await assert.rejects(writeFileAtomic(file, 'replacement\n', { open: failingOpen }), {
    message: `cannot write ${file}: ENOSPC (no space left on device)`,
  });
  assert.ok(tempPath.startsWith(dir), 'the temporary file was made next to the target');
  assert.equal(readFileSync(file, 'utf8'), 'precious\n');
  assert.deepEqual(readdirSync(dir), ['ARCHITECTURE.md']);
});

test('a failing rename (read-only file system) removes the temporary file', async () => {
  const dir = scratch();
  const file = join(dir, 'ARCHITECTURE.md');
  writeFileSync(file, 'precious\n');
  await assert.rejects(writeFileAtomic(file, 'new\n', { rename: async () => { throw errnoError('EROFS'); } }), {
    message: `cannot write ${file}: EROFS (read-only file system)`,
  });
  assert.equal(readFileSync(file, 'utf8'), 'precious\n');
  assert.deepEqual(readdirSync(dir), ['ARCHITECTURE.md']);
});

test('permission denied on creating the temporary file is reported', async () => {
  const dir = scratch();
  const file = join(dir, 'ARCHITECTURE.md');
  await assert.rejects(writeFileAtomic(file, 'x', { open: async () => { throw errnoError('EACCES'); } }), {
    message: `cannot write ${file}: EACCES (permission denied)`,
  });
  assert.deepEqual(readdirSync(dir), []);
});

test('a directory at the target path is refused', async () => {
  const dir = scratch();
  await assert.rejects(writeFileAtomic(dir, 'x'), { message: `cannot write ${dir}: not a regular file` });
});

test('the replaced file keeps its owner when the writer may set it', async () => {
  const dir = scratch();
  const file = join(dir, 'ARCHITECTURE.md');
  writeFileSync(file, 'old\n');
  const calls: [number, number][] = [];
  await writeFileAtomic(file, 'new\n', { chown: async (_path, uid, gid) => { calls.push([uid, gid]); } });
  assert.deepEqual(calls, [[statSync(file).uid, statSync(file).gid]]);
  // A failing chown (not root) is not an error.
  await writeFileAtomic(file, 'newer\n', { chown: async () => { throw errnoError('EPERM'); } });
  assert.equal(readFileSync(file, 'utf8'), 'newer\n');
});

test('a dangling symlink gets its target created and stays a link', async () => {
  const dir = scratch();
  const link = join(dir, 'ARCHITECTURE.md');
  symlinkSync('docs-missing.md', link);
  await writeFileAtomic(link, 'created\n');
  assert.equal(lstatSync(link).isSymbolicLink(), true);
  assert.equal(readFileSync(join(dir, 'docs-missing.md'), 'utf8'), 'created\n');
});
