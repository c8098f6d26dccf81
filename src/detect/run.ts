/**
 * Reads every file some reader claims and extracts its facts: unchanged files come from the cache, the
 * rest are read on a pool of worker threads (inline for small inputs). Each thread drops a file's text
 * once extracted, so memory follows the facts, not the repository's size.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScannedFile } from '../scan/index.js';
import { defaultCacheDir, openCache, type CacheEntry, type FileOutcome } from './cache.js';
import type { FileFacts } from './facts.js';
import type { PrestartedWorkers } from './threads.js';
import type { FileDone, FileTask } from './worker.js';
// readers, their parsers and the pool are imported when first needed: a warm run whose cache knows
// every file loads none of them (a sizeable share of a warm run's time)

export interface ExtractOptions {
  /** Files above this size are skipped with a warning. */
  maxFileBytes?: number;
  onProgress?: (done: number, total: number) => void;
  /** Reuse facts of unchanged files from the previous run (default true). */
  cache?: boolean;
  /** Where cache files live; default defaultCacheDir() ($ARCHMD_CACHE_DIR, $XDG_CACHE_HOME/archmd, ~/.cache/archmd). */
  cacheDir?: string;
  /** Worker threads (0: none). Default: by core count, and none when few files need reading. */
  workers?: number;
  /** Below this many files to read, no worker is started (default 300). */
  inlineBelow?: number;
  /** Notes that matter only when debugging (cache not writable ...). */
  onDebug?: (message: string) => void;
  /** Workers started ahead by startWorkers(); the pool uses them when it runs, the caller closes them. */
  prestarted?: PrestartedWorkers;
}

export interface ExtractResult {
  facts: Map<string, FileFacts>;
  warnings: { file?: string; message: string }[];
  stats: { read: number; skipped: number; cached: number };
}

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Bump when extraction output changes for the same input and the build fingerprint below would not show it. */
export const EXTRACTOR_VERSION = 1;

const BIG_SCRIPT_BYTES = 64 * 1024;

/** Below this many files to read, starting workers costs more than it saves. */
const POOL_THRESHOLD = 300;

/** The files worth reading: claimed by a reader, not binary, not generated. */
export async function filesToRead(files: ScannedFile[]): Promise<ScannedFile[]> {
  const { readersFor } = await import('./readers.js');
  return files.filter((f) => !f.binary && !f.generated && readersFor(f.path).length > 0);
}

let buildFingerprint: string | undefined;

/**
 * archmd's version plus a hash of its compiled code: any edit to a reader (even without a version bump,
 * as during development) invalidates cached facts. Reading ~100 small files costs a few milliseconds.
 */
export function codeFingerprint(): string {
  if (buildFingerprint !== undefined) return buildFingerprint;
  const hash = createHash('sha1');
  const srcRoot = join(dirname(fileURLToPath(import.meta.url)), '..'); // dist/src
  try {
    hash.update(readFileSync(join(srcRoot, '..', '..', 'package.json')));
  } catch {
    hash.update('no package.json');
  }
  const stack = [srcRoot];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else if (entry.name.endsWith('.js')) {
        try {
          hash.update(entry.name).update(readFileSync(path));
        } catch {
          hash.update('unreadable');
        }
      }
    }
  }
  buildFingerprint = hash.digest('base64');
  return buildFingerprint;
}

export async function extractAll(root: string, files: ScannedFile[], options: ExtractOptions = {}): Promise<ExtractResult> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const result: ExtractResult = { facts: new Map(), warnings: [], stats: { read: 0, skipped: 0, cached: 0 } };
  const debug = options.onDebug ?? (() => undefined);

  const cache =
    options.cache === false ? undefined : openCache(root, options.cacheDir ?? defaultCacheDir(), `${EXTRACTOR_VERSION}:${codeFingerprint()}:${maxBytes}`);
  const nextEntries = new Map<string, CacheEntry>();
  const nextUnclaimed = new Set<string>();
  const todo: ScannedFile[] = [];
  const known = (path: string) => Boolean(cache && (cache.get(path) || cache.unclaimed(path)));
  const readers = files.every((f) => f.binary || f.generated || known(f.path)) ? undefined : await import('./readers.js');
  for (const file of files) {
    if (file.binary || file.generated) continue;
    // what the previous run learnt about a path spares the reader patterns (a tenth of a warm run)
    const claimed = cache?.get(file.path) ? true : cache?.unclaimed(file.path) ? false : readers!.readersFor(file.path).length > 0;
    if (claimed) todo.push(file);
    else nextUnclaimed.add(file.path);
  }

  // first pass: what the cache answers without reading
  const outcomes: { outcome: FileOutcome; cached: boolean }[] = new Array(todo.length);
  const tasks: FileTask[] = [];
  const taskIndex: number[] = [];
  for (let i = 0; i < todo.length; i++) {
    const file = todo[i];
    const entry = cache?.get(file.path);
    if (entry && cache!.fresh(entry, file.size, file.mtimeMs)) {
      outcomes[i] = { outcome: entry, cached: true };
      nextEntries.set(file.path, entry);
      continue;
    }
    tasks.push({ path: file.path, size: file.size, programming: file.languageType === 'programming', knownHash: entry?.hash });
    taskIndex.push(i);
  }

  // second pass: read what changed, hash it, extract what hashes differently
  const already = todo.length - tasks.length;
  const progress = options.onProgress ? (n: number) => options.onProgress!(already + n, todo.length) : undefined;
  let done: FileDone[] = [];
  // a large JS/TS file may nest deeper than the main thread's native stack lets oxc parse: it goes to a
  // worker, whose stack is larger, even when the repository is small
  const bigScript = tasks.some((t) => t.size > BIG_SCRIPT_BYTES && /\.[cm]?[jt]sx?$/.test(t.path));
  const workers = tasks.length < (options.inlineBelow ?? POOL_THRESHOLD) && !bigScript ? 0 : options.workers;
  if (tasks.length === 0) {
    // all answered by the cache
  } else if (workers === 0) {
    const { processBatch } = await import('./worker.js');
    for (let start = 0; start < tasks.length; start += 200) {
      done.push(...processBatch(root, tasks.slice(start, start + 200), maxBytes, cache !== undefined));
      progress?.(done.length);
    }
  } else {
    const { runPool } = await import('./pool.js');
    const run = await runPool(root, tasks, maxBytes, { workers, onProgress: progress, hashing: cache !== undefined, prestarted: options.prestarted });
    done = run.done;
    // a crashed worker changes no result, but it is worth knowing about
    result.warnings.push(...run.warnings);
  }
  for (let t = 0; t < tasks.length; t++) {
    const file = todo[taskIndex[t]];
    const { outcome, hash, unchanged, cacheable } = done[t];
    const previous = unchanged ? cache?.get(file.path) : undefined;
    const kept = previous ?? outcome;
    outcomes[taskIndex[t]] = { outcome: kept, cached: Boolean(previous) };
    if (cache && cacheable) nextEntries.set(file.path, { facts: kept.facts, skipped: kept.skipped, size: file.size, mtimeMs: file.mtimeMs, hash });
  }

  // in the order of the files, whatever the thread or cache that produced them
  for (let i = 0; i < todo.length; i++) {
    const { outcome, cached } = outcomes[i];
    const path = todo[i].path;
    if (outcome.skipped !== undefined) {
      result.stats.skipped++;
      result.warnings.push({ file: path, message: `skipped: ${outcome.skipped}` });
      continue;
    }
    if (cached) result.stats.cached++;
    else result.stats.read++;
    if (outcome.facts) {
      result.facts.set(path, outcome.facts);
      if (outcome.facts.warnings) result.warnings.push(...outcome.facts.warnings);
    }
  }
  options.onProgress?.(todo.length, todo.length);

  if (cache) {
    // nothing read and nothing gone: the cache file already says all this
    if (tasks.length > 0 || nextEntries.size !== cache.size || nextUnclaimed.size !== cache.unclaimedSize) cache.save(nextEntries, nextUnclaimed);
    for (const note of cache.notes) debug(note);
  }
  return result;
}
