/** A stand-in extraction worker that dies on its first batch, for the pool's crash test. Not a test file. */
import { parentPort } from 'node:worker_threads';

parentPort?.once('message', () => process.exit(3));
