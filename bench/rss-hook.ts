/**
 * Preloaded into a measured process (node --import): on exit, writes the process's peak resident set
 * size to the file named by ARCHMD_BENCH_RSS_FILE, so the benchmark can measure any Node program.
 */
import { writeFileSync } from 'node:fs';

const out = process.env.ARCHMD_BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    try {
      writeFileSync(out, String(process.resourceUsage().maxRSS));
    } catch {
      // the benchmark reports the figure as missing
    }
  });
}
