/**
 * Preloaded into a measured process (node --import): on exit, writes the process's peak resident set
 * size (KiB) and CPU time (user + system, all threads, seconds) as JSON to the file named by
 * ARCHMD_BENCH_RSS_FILE, so the benchmark can measure any Node program.
 */
import { writeFileSync } from 'node:fs';

const out = process.env.ARCHMD_BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage();
      writeFileSync(out, JSON.stringify({ maxRssKb: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }));
    } catch {
      // the benchmark reports the figure as missing
    }
  });
}
