/**
 * Starting the extraction workers, kept apart from the pool so that starting them early loads no reader:
 * a run answered from the cache never pays for the parsers.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { WorkerSetup } from './worker.js';

/**
 * Workers to start, besides the main thread, which takes batches too (it would otherwise sit idle
 * waiting for replies): on 2 cores, 1 worker + main measured faster than 2 workers + main (which only
 * adds a thread's start-up, memory and contention); on 1 core, none. More than four threads in all gains
 * little as reading the files starts to dominate. ARCHMD_WORKERS overrides, for measuring.
 */
export function defaultWorkerCount(): number {
  const env = Number(process.env.ARCHMD_WORKERS);
  if (process.env.ARCHMD_WORKERS !== undefined && Number.isInteger(env) && env >= 0) return env;
  return Math.max(0, Math.min(availableParallelism(), 4) - 1);
}

/** Workers started before the files to read are known, so they load their code while the scan runs. */
export interface PrestartedWorkers {
  setup: WorkerSetup;
  /** Taken by runPool, which then owns them (and terminates them). */
  take(): Worker | undefined;
  /** Terminates the workers nobody took. */
  close(): Promise<void>;
}

export const workerScript = new URL('./worker.js', import.meta.url);

export function newWorker(setup: WorkerSetup, script: URL): Worker {
  // a native parser recurses on the thread's own stack; a larger one survives hostile nesting
  return new Worker(script, { workerData: setup, resourceLimits: { stackSizeMb: 64, maxYoungGenerationSizeMb: 64 } });
}

/**
 * Starting a worker costs a few hundred milliseconds of loading the readers and their parsers; started
 * before the scan, that happens on the other core while this one lists files. A worker that fails before
 * it is taken is dropped quietly: runPool starts a new one or reads on the main thread.
 */
export function startWorkers(root: string, maxBytes: number, hashing: boolean, count = defaultWorkerCount()): PrestartedWorkers {
  const setup: WorkerSetup = { archmdExtract: true, root, maxBytes, hashing };
  const ready: Worker[] = [];
  for (let i = 0; i < count; i++) {
    try {
      const worker = newWorker(setup, workerScript);
      const drop = () => {
        const at = ready.indexOf(worker);
        if (at !== -1) ready.splice(at, 1);
      };
      worker.once('error', drop);
      worker.once('exit', drop);
      ready.push(worker);
    } catch {
      break;
    }
  }
  return {
    setup,
    take() {
      const worker = ready.shift();
      worker?.removeAllListeners();
      return worker;
    },
    async close() {
      const left = ready.splice(0);
      await Promise.all(left.map((w) => w.terminate().catch(() => undefined)));
    },
  };
}
