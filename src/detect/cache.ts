/**
 * The extraction cache: one file per analysed root, mapping each path to what reading it produced last
 * time. The cache may only ever save work, never change a result: a cache file from another archmd or
 * reader version, or one that fails to decode, is treated as empty and overwritten.
 */
import { createHash, hash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileFacts } from './facts.js';

/** What reading one file produced: facts (absent when readers found nothing; warnings ride in them), or why it was skipped. */
export interface FileOutcome {
  facts?: FileFacts;
  skipped?: string;
}

export interface CacheEntry extends FileOutcome {
  size: number;
  mtimeMs: number;
  /** Content hash; absent for files skipped before being read (too large). */
  hash?: string;
}

interface CacheFile {
  format: 'archmd-extract-cache';
  key: string;
  /** When the run that wrote it started: a file modified in that same instant cannot be trusted by mtime. */
  startedAt: number;
  entries: Map<string, CacheEntry>;
  /** Paths no reader claimed: knowing them spares matching every path against every reader's patterns. */
  unclaimed: Set<string>;
}

export interface Cache {
  readonly file: string;
  /** How many entries and unclaimed paths the previous run left. */
  readonly size: number;
  readonly unclaimedSize: number;
  /** The previous run's entry for a path, if any. */
  get(path: string): CacheEntry | undefined;
  /** Whether the previous run knew no reader claims this path (reader code is part of the cache key). */
  unclaimed(path: string): boolean;
  /** True when the entry may be reused without reading the file: same size and mtime, and not racy. */
  fresh(entry: CacheEntry, size: number, mtimeMs: number): boolean;
  /** Writes the given entries (only those: paths gone from the tree are pruned). Never throws. */
  save(entries: Map<string, CacheEntry>, unclaimed: Set<string>): void;
  /** Why the cache could not be used or written, for a debug note. */
  notes: string[];
}

/** The standard per-user cache folder: $ARCHMD_CACHE_DIR, else $XDG_CACHE_HOME/archmd, else ~/.cache/archmd. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ARCHMD_CACHE_DIR) return resolve(env.ARCHMD_CACHE_DIR);
  if (env.XDG_CACHE_HOME) return join(resolve(env.XDG_CACHE_HOME), 'archmd');
  return join(homedir(), '.cache', 'archmd');
}

export function cacheFileFor(root: string, cacheDir: string): string {
  return join(cacheDir, `${createHash('sha256').update(resolve(root)).digest('hex').slice(0, 32)}.v8`);
}

/**
 * mtime granularity is coarse on some file systems (1 s on ext3 and HFS+, 2 s on FAT): a file modified
 * within this window of the run that cached it may have changed without its mtime changing (git's
 * "racily clean" problem), so such entries are checked by content next time.
 */
const RACY_WINDOW_MS = 2_000;

/**
 * Opens the cache of one root. `key` must change whenever the extraction result could change for the same
 * content (archmd version, reader version, read limits). Returns a cache even when the folder cannot be
 * created: saving then fails quietly into `notes`.
 */
export function openCache(root: string, cacheDir: string, key: string): Cache {
  const file = cacheFileFor(root, cacheDir);
  const notes: string[] = [];
  const startedAt = Date.now();
  let previous: CacheFile | undefined;
  try {
    const decoded = deserialize(readFileSync(file)) as CacheFile;
    if (decoded?.format === 'archmd-extract-cache' && decoded.key === key && decoded.entries instanceof Map && decoded.unclaimed instanceof Set && typeof decoded.startedAt === 'number') {
      previous = decoded;
    } else {
      notes.push(`cache ${file}: other version or format, ignored`);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') notes.push(`cache ${file}: unreadable (${code ?? (error as Error).message}), ignored`);
  }
  const entries = previous?.entries ?? new Map<string, CacheEntry>();
  const unclaimed = previous?.unclaimed ?? new Set<string>();
  const trustedBefore = (previous?.startedAt ?? 0) - RACY_WINDOW_MS;
  return {
    file,
    notes,
    size: entries.size,
    unclaimedSize: unclaimed.size,
    get: (path) => entries.get(path),
    unclaimed: (path) => unclaimed.has(path),
    fresh: (entry, size, mtimeMs) => entry.size === size && entry.mtimeMs === mtimeMs && mtimeMs < trustedBefore,
    save(nextEntries, nextUnclaimed) {
      const data: CacheFile = { format: 'archmd-extract-cache', key, startedAt, entries: nextEntries, unclaimed: nextUnclaimed };
      const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(temp, serialize(data));
        renameSync(temp, file); // atomic: a concurrent reader sees the old file or the new one, never half
      } catch (error) {
        notes.push(`cache ${file}: not written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
        try {
          unlinkSync(temp);
        } catch {
          // nothing was written
        }
      }
    },
  };
}

/** Content hash used to recognise an unchanged file whose mtime moved (checkout, touch, copy). */
export function contentHash(text: string): string {
  // one-shot sha1: measured faster than a Hash object, md5 or sha256 on a large TypeScript tree
  return hash('sha1', text, 'base64');
}
