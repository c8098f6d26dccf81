/**
 * Runs file tasks on worker threads, with the main thread taking batches too. Results land at their
 * task's index, so the outcome never depends on which thread finished first. A worker that crashes,
 * cannot start or sends back something unusable costs time, never results: its batches are redone inline.
 */
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import { defaultWorkerCount, newWorker, workerScript, type PrestartedWorkers } from './threads.js';
import type { Warning } from './facts.js';
import { processBatch, type BatchReply, type FileDone, type FileTask, type WorkerSetup } from './worker.js';

export { defaultWorkerCount, startWorkers, type PrestartedWorkers } from './threads.js';

export interface PoolOptions {
  /** Worker threads to start (0: everything on the calling thread). Default: defaultWorkerCount(). */
  workers?: number;
  /** Whether the calling thread takes batches as well. Default true. */
  mainThread?: boolean;
  onProgress?: (done: number) => void;
  /** Hash file contents for the cache (default true). */
  hashing?: boolean;
  /** The worker module; tests point it at one that fails. */
  workerScript?: URL;
  /** Workers started earlier by startWorkers() for the same root and settings; used before new ones. */
  prestarted?: PrestartedWorkers;
}

function sameSetup(a: WorkerSetup, b: WorkerSetup): boolean {
  return a.root === b.root && a.maxBytes === b.maxBytes && a.hashing === b.hashing;
}

export interface PoolRun {
  done: FileDone[];
  warnings: Warning[];
}

/** Batches small enough to balance load, large enough that messaging costs little next to the work. */
const BATCH_FILES = 48;
const BATCH_BYTES = 384 * 1024;
/** Batches handed to a worker ahead, so it never idles while the main thread is busy with its own batch. */
const IN_FLIGHT = 2;
/** The main thread reads its batches in slices this small, answering workers in between so none waits for work. */
const MAIN_SLICE = 8;

interface Batch {
  id: number;
  start: number;
  end: number;
}

function makeBatches(tasks: FileTask[]): Batch[] {
  const batches: Batch[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < tasks.length; i++) {
    bytes += tasks[i].size;
    if (i + 1 - start >= BATCH_FILES || bytes >= BATCH_BYTES || i === tasks.length - 1) {
      batches.push({ id: batches.length, start, end: i + 1 });
      start = i + 1;
      bytes = 0;
    }
  }
  return batches;
}

export async function runPool(root: string, tasks: FileTask[], maxBytes: number, options: PoolOptions = {}): Promise<PoolRun> {
  const done: FileDone[] = new Array(tasks.length);
  const hashing = options.hashing ?? true;
  const warnings: Warning[] = [];
  const batches = makeBatches(tasks);
  const queue = batches.slice();
  let remaining = batches.length;
  let finishedFiles = 0;
  let wake: (() => void) | undefined;
  const signal = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  const finish = (batch: Batch, results: FileDone[]) => {
    for (let i = 0; i < results.length; i++) done[batch.start + i] = results[i];
    remaining--;
    finishedFiles += results.length;
    options.onProgress?.(finishedFiles);
    signal();
  };
  const runInline = (batch: Batch) => finish(batch, processBatch(root, tasks.slice(batch.start, batch.end), maxBytes, hashing));

  interface Slot {
    worker: Worker;
    alive: boolean;
    inFlight: Set<number>;
  }
  const slots: Slot[] = [];
  let closing = false;
  const dispatch = (slot: Slot) => {
    while (slot.alive && slot.inFlight.size < IN_FLIGHT && queue.length > 0) {
      const batch = queue.shift()!;
      slot.inFlight.add(batch.id);
      slot.worker.postMessage({ id: batch.id, tasks: tasks.slice(batch.start, batch.end) });
    }
  };
  const retire = (slot: Slot, why: string) => {
    if (!slot.alive || closing) return;
    slot.alive = false;
    warnings.push({ message: `extraction worker stopped (${why}); its files were read on the main thread` });
    for (const id of slot.inFlight) queue.unshift(batches[id]);
    slot.inFlight.clear();
    void slot.worker.terminate().catch(() => undefined);
    for (const other of slots) dispatch(other);
    signal();
  };

  const workerCount = Math.min(options.workers ?? defaultWorkerCount(), batches.length);
  const setup: WorkerSetup = { archmdExtract: true, root, maxBytes, hashing };
  for (let i = 0; i < workerCount; i++) {
    let worker: Worker | undefined;
    try {
      const usable = options.prestarted && !options.workerScript && sameSetup(options.prestarted.setup, setup);
      worker = (usable ? options.prestarted!.take() : undefined) ?? newWorker(setup, options.workerScript ?? workerScript);
    } catch (error) {
      warnings.push({ message: `extraction worker could not start (${(error as Error).message}); reading on the main thread` });
      break;
    }
    const slot: Slot = { worker, alive: true, inFlight: new Set() };
    slots.push(slot);
    worker.on('message', (reply: BatchReply) => {
      if (!slot.alive || !slot.inFlight.delete(reply.id)) return;
      const batch = batches[reply.id];
      if (reply.done && reply.done.length === batch.end - batch.start) {
        finish(batch, reply.done);
      } else {
        warnings.push({ message: `extraction worker failed on a batch (${reply.error ?? 'malformed reply'}); redone on the main thread` });
        runInline(batch);
      }
      dispatch(slot);
    });
    worker.on('error', (error) => retire(slot, error.message));
    worker.on('messageerror', (error) => retire(slot, `unreadable message: ${error.message}`));
    worker.on('exit', (code) => retire(slot, `exit code ${code}`));
    dispatch(slot);
  }

  const mainThread = options.mainThread ?? true;
  try {
    while (remaining > 0) {
      if (queue.length > 0 && (mainThread || !slots.some((s) => s.alive))) {
        // take from the far end: workers keep their run of neighbouring files, the main thread mops up
        const batch = queue.pop()!;
        const results: FileDone[] = [];
        for (let at = batch.start; at < batch.end; at += MAIN_SLICE) {
          results.push(...processBatch(root, tasks.slice(at, Math.min(at + MAIN_SLICE, batch.end)), maxBytes, hashing));
          await yieldToEvents(); // let replies in so workers get their next batch
        }
        finish(batch, results);
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  } finally {
    closing = true;
    await Promise.all(slots.map((s) => s.worker.terminate().catch(() => undefined)));
  }
  return { done, warnings };
}
