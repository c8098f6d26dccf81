/**
 * Lists a repository's files: in a git work tree, the tracked files plus the untracked ones git does not
 * ignore; elsewhere, a walk that honours .gitignore files. Symbolic links are never followed, so a link
 * cannot lead outside the analysed folder or into a loop.
 */
import { execFile, execFileSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isVendored } from './classify.js';

export interface ListedFile {
  path: string;
  size: number;
  /** For the cache's fast path: an unchanged size and mtime means an unchanged file. */
  mtimeMs: number;
}

export interface Listing {
  files: ListedFile[];
  git: boolean;
  warnings: { file?: string; message: string }[];
  skippedLinks: number;
}

export class InputError extends Error {}

const GIT_OPTIONS = { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } } as const;

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', root, ...args], { ...GIT_OPTIONS, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

function gitLater(root: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['-C', root, ...args], GIT_OPTIONS, (error, stdout) => resolve(error ? undefined : stdout));
  });
}

export async function listFiles(root: string): Promise<Listing> {
  const [inside, gitPrefix = ''] = git(root, ['rev-parse', '--is-inside-work-tree', '--show-prefix'])?.split('\n') ?? [];
  if (inside === undefined) {
    if (git(root, ['rev-parse', '--is-bare-repository'])?.trim() === 'true') {
      throw new InputError(`${root} is a bare git repository, which has no files to read: clone it and run archmd in the clone`);
    }
    return walk(root);
  }
  if (inside !== 'true') {
    if (git(root, ['rev-parse', '--is-bare-repository'])?.trim() === 'true') {
      throw new InputError(`${root} is a bare git repository, which has no files to read: clone it and run archmd in the clone`);
    }
    return walk(root);
  }
  // finding untracked files walks every folder (most of git's time on a large tree): it runs in its own
  // process while this one looks at the tracked files, which the index lists at once
  const untracked = gitLater(root, ['ls-files', '-z', '--others', '--exclude-standard', '--full-name', '--', '.']);
  const tracked = git(root, ['ls-files', '-z', '--cached', '--full-name', '--', '.']);
  if (tracked === undefined) {
    await untracked;
    return walk(root);
  }
  const prefix = gitPrefix.trim();
  const listing: Listing = { files: [], git: true, warnings: [], skippedLinks: 0 };
  const seen = new Set<string>();
  addListed(root, tracked, prefix, seen, listing);
  addListed(root, (await untracked) ?? '', prefix, seen, listing);
  listing.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return listing;
}

/** Adds the files of a NUL-separated `git ls-files` output that exist as regular files (or links to one inside). */
function addListed(root: string, out: string, prefix: string, seen: Set<string>, listing: Listing): void {
  for (const full of out.split('\0')) {
    if (!full) continue;
    const path = prefix && full.startsWith(prefix) ? full.slice(prefix.length) : full;
    if (seen.has(path) || isVendored(path)) continue;
    seen.add(path);
    let stats: Stats;
    try {
      // root is absolute and git's paths are normal: plain concatenation spares path.join's normalising
      stats = lstatSync(`${root}/${path}`);
    } catch {
      continue; // deleted in the work tree but still in the index, or gone while we scan
    }
    if (stats.isSymbolicLink()) {
      const target = fileInside(root, path);
      if (!target) {
        listing.skippedLinks++;
        continue;
      }
      stats = target;
    }
    if (!stats.isFile()) continue;
    listing.files.push({ path, size: stats.size, mtimeMs: stats.mtimeMs });
  }
}

/**
 * A link to a regular file inside the analysed folder is read as that file (a README.md that links to
 * crates/x/README.md); a link to a folder, outside the root, dangling or in a loop is never followed.
 */
function fileInside(root: string, path: string): Stats | undefined {
  try {
    const realRoot = realpathSync(root);
    const target = realpathSync(join(root, path));
    if (!target.startsWith(realRoot + sep)) return undefined;
    const stats = statSync(target);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

function readGitignore(dir: string): string | undefined {
  try {
    return readFileSync(join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
}

/** A walk for folders that are not git work trees; iterative, so depth cannot overflow the stack. */
function walk(root: string): Listing {
  const listing: Listing = { files: [], git: false, warnings: [], skippedLinks: 0 };
  type Frame = { rel: string; rules: { base: string; ig: Ignore }[] };
  const stack: Frame[] = [{ rel: '', rules: [] }];
  while (stack.length > 0) {
    const { rel, rules: inherited } = stack.pop()!;
    const abs = rel ? join(root, rel) : root;
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch (error) {
      listing.warnings.push({ file: rel || '.', message: `cannot read folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}; skipped` });
      continue;
    }
    const rules = inherited.slice();
    const local = readGitignore(abs);
    if (local !== undefined) rules.push({ base: rel, ig: ignore().add(local) });
    const ignored = (path: string, isDir: boolean) =>
      rules.some(({ base, ig }) => {
        const relative = base ? path.slice(base.length + 1) : path;
        return relative !== '' && ig.ignores(isDir ? `${relative}/` : relative);
      });
    for (const entry of entries) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        const target = fileInside(root, path);
        if (target) listing.files.push({ path, size: target.size, mtimeMs: target.mtimeMs });
        else listing.skippedLinks++;
        continue;
      }
      if (entry.isDirectory()) {
        if (entry.name === '.git' || isVendored(`${path}/`) || ignored(path, true)) continue;
        stack.push({ rel: path, rules });
      } else if (entry.isFile()) {
        if (ignored(path, false) || isVendored(path)) continue;
        try {
          const stats = lstatSync(join(root, path));
          listing.files.push({ path, size: stats.size, mtimeMs: stats.mtimeMs });
        } catch (error) {
          listing.warnings.push({ file: path, message: `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}; skipped` });
        }
      }
    }
  }
  listing.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return listing;
}
