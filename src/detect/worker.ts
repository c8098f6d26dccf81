/**
 * The per-file work of extraction — read with bounds, hash, extract — shared by the main thread and the
 * pool's worker threads. Loaded as a worker (workerData.archmdExtract set), it serves batches of tasks.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { looksMinified, readBounded } from '../scan/read.js';
import { contentHash, type FileOutcome } from './cache.js';
import { extractFile } from './extract.js';

export interface FileTask {
  path: string;
  size: number;
  /** Programming-language files are checked for minification. */
  programming: boolean;
  /** The cached hash: when the content still hashes to it, extraction is skipped. */
  knownHash?: string;
}

export interface FileDone {
  outcome: FileOutcome;
  hash?: string;
  /** Content hashed to knownHash: the cached outcome stands. */
  unchanged?: true;
  /** False for failures that may not recur (unreadable, vanished): never cached. */
  cacheable: boolean;
}

export interface BatchRequest {
  id: number;
  tasks: FileTask[];
}

export interface BatchReply {
  id: number;
  done?: FileDone[];
  /** A failure outside extractFile's own guard; the pool redoes the batch inline. */
  error?: string;
}

export interface WorkerSetup {
  archmdExtract: true;
  root: string;
  maxBytes: number;
  /** Hash contents (only the cache needs it). */
  hashing: boolean;
}

/** `hashing` off (no cache) saves hashing every file. */
export function processFile(root: string, task: FileTask, maxBytes: number, hashing = true): FileDone {
  const read = readBounded(`${root}/${task.path}`, task.size, maxBytes);
  if ('skipped' in read) {
    const lasting = read.skipped.startsWith('larger than') || read.skipped === 'binary content';
    return { outcome: { skipped: read.skipped }, cacheable: lasting };
  }
  const hash = hashing ? contentHash(read.text) : undefined;
  if (hash !== undefined && task.knownHash === hash) return { outcome: {}, hash, unchanged: true, cacheable: true };
  if (task.programming && looksMinified(read.text)) return { outcome: { skipped: 'looks minified' }, hash, cacheable: true };
  const facts = extractFile(task.path, read.text);
  // a file that yields only its path is not worth keeping (nor sending between threads)
  return { outcome: Object.keys(facts).length > 1 ? { facts } : {}, hash, cacheable: true };
}

export function processBatch(root: string, tasks: FileTask[], maxBytes: number, hashing = true): FileDone[] {
  return tasks.map((task) => processFile(root, task, maxBytes, hashing));
}

const setup = workerData as WorkerSetup | undefined;
if (!isMainThread && parentPort && setup?.archmdExtract) {
  const port = parentPort;
  port.on('message', (request: BatchRequest) => {
    let reply: BatchReply;
    try {
      reply = { id: request.id, done: processBatch(setup.root, request.tasks, setup.maxBytes, setup.hashing) };
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
    try {
      port.postMessage(reply);
    } catch (error) {
      // facts that cannot be cloned (a reader returned a function?): let the main thread redo the batch
      port.postMessage({ id: request.id, error: `reply not transferable: ${(error as Error).message}` });
    }
  });
}
