/**
 * Times archmd's scan and extract stages in this process, for when the whole CLI is not there to run.
 * Usage: node dist/bench/stages.js <folder> [--no-cache] [--cache-dir <dir>] [--workers <n>]
 * Prints one JSON line: {ms, scanMs, extractMs, files, read, cached, skipped, facts, maxRssKb}.
 */
import { performance } from 'node:perf_hooks';
import { extractAll } from '../src/detect/run.js';
import { scan } from '../src/scan/index.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const root = args[0];
const start = performance.now();
const scanned = await scan(root);
const scanned_at = performance.now();
const workers = flag('--workers');
const result = await extractAll(root, scanned.files, {
  cache: !args.includes('--no-cache'),
  cacheDir: flag('--cache-dir'),
  workers: workers === undefined ? undefined : Number(workers),
  onDebug: args.includes('--debug') ? (m) => process.stderr.write(`debug: ${m}\n`) : undefined,
});
const end = performance.now();
process.stdout.write(
  `${JSON.stringify({
    ms: Math.round(end - start),
    scanMs: Math.round(scanned_at - start),
    extractMs: Math.round(end - scanned_at),
    files: scanned.files.length,
    ...result.stats,
    facts: result.facts.size,
    warnings: result.warnings.length,
    maxRssKb: process.resourceUsage().maxRSS,
  })}\n`,
);
