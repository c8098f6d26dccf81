/**
 * Replacing a file so that readers (and a crash) see either the old or the new content, never half of it:
 * write a temporary file next to the target, fsync it, rename it over the target.
 */
import * as fsp from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';

/** The few file operations writeFileAtomic needs; tests replace some of them to simulate failures. */
export interface AtomicWriteFs {
  lstat(path: string): Promise<{ isSymbolicLink(): boolean; isFile(): boolean; mode: number; uid: number; gid: number }>;
  readlink(path: string): Promise<string>;
  open(path: string, flags: string, mode?: number): Promise<WritableHandle>;
  chmod(path: string, mode: number): Promise<void>;
  chown(path: string, uid: number, gid: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export interface WritableHandle {
  writeFile(data: string, encoding: 'utf8'): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export const nodeFs: AtomicWriteFs = {
  lstat: (path) => fsp.lstat(path),
  readlink: (path) => fsp.readlink(path),
  open: (path, flags, mode) => fsp.open(path, flags, mode),
  chmod: (path, mode) => fsp.chmod(path, mode),
  chown: (path, uid, gid) => fsp.chown(path, uid, gid),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
};

const MAX_LINK_HOPS = 40;

const CAUSES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  ENOENT: 'no such directory',
  ENOTDIR: 'a parent path is not a directory',
  EISDIR: 'the target is a directory',
  ELOOP: 'too many symbolic links',
  EEXIST: 'temporary file already exists',
};

/**
 * Writes `content` (UTF-8) to `path` atomically. A symlink is written through: its final target is
 * replaced and the link stays a link. An existing file keeps its mode. On failure the temporary file is
 * removed, the old file is intact, and the Error names the path and the cause on one line.
 */
export async function writeFileAtomic(path: string, content: string, fs: Partial<AtomicWriteFs> = {}): Promise<void> {
  const ops: AtomicWriteFs = { ...nodeFs, ...fs };
  let temp: string | undefined;
  let handle: WritableHandle | undefined;
  try {
    const { target, existing } = await resolveTarget(path, ops);
    const mode = existing?.mode;
    temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    handle = await ops.open(temp, 'wx', mode ?? 0o666);
    await handle.writeFile(content, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    // open() applied the umask; an existing file's exact mode is restored.
    if (existing) {
      await ops.chmod(temp, existing.mode);
      // Only root may give the file back to its owner; anyone else already is the owner or cannot.
      await ops.chown(temp, existing.uid, existing.gid).catch(() => undefined);
    }
    await ops.rename(temp, target);
    temp = undefined;
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined);
    if (temp) await ops.unlink(temp).catch(() => undefined);
    throw new Error(`cannot write ${path}: ${describe(error)}`);
  }
}

/** The file a write to `path` must replace, following symlinks, and its mode and owner when it exists. */
async function resolveTarget(
  path: string,
  ops: AtomicWriteFs,
): Promise<{ target: string; existing?: { mode: number; uid: number; gid: number } }> {
  let target = resolve(path);
  for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
    let stats;
    try {
      stats = await ops.lstat(target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { target }; // a new file (or a dangling link's target)
      throw error;
    }
    if (!stats.isSymbolicLink()) {
      if (!stats.isFile()) throw new Error('not a regular file');
      return { target, existing: { mode: stats.mode & 0o7777, uid: stats.uid, gid: stats.gid } };
    }
    target = resolve(dirname(target), await ops.readlink(target));
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code && CAUSES[code]) return `${code} (${CAUSES[code]})`;
  const message = error instanceof Error ? error.message : String(error);
  return (code ? `${code} (${message})` : message).replace(/\s+/g, ' ').trim();
}
