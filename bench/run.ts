/**
 * `npm run bench [-- <folder> ...] [--sizes 1000,10000,50000] [--skip-peer] [--runs 3]`
 *
 * For each synthetic size and each given folder: archmd's whole analysis cold (empty cache) and warm
 * (second run, same cache), each in a fresh process; dependency-cruiser's graph of the same tree; and the
 * floor, a process that only lists and reads every file. Wall times include process start-up for all
 * three alike. Prints a markdown table; nothing is written to the repository (figures vary by machine).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureSyntheticRepo } from './synthetic.js';

const here = dirname(fileURLToPath(import.meta.url)); // dist/bench
const repoRoot = resolve(here, '..', '..');
const cliMain = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const stagesScript = join(here, 'stages.js');
const floorScript = join(here, 'read-floor.js');
const rssHook = pathToFileURL(join(here, 'rss-hook.js')).href;
const depcruiseBin = join(repoRoot, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Measure {
  seconds: number;
  rssMb?: number;
  /** User + system CPU time of the process, all threads: steadier than wall time on a busy machine. */
  cpuSeconds?: number;
  ok: boolean;
  error?: string;
}

/** Runs `node <args>` in a fresh process with the RSS hook preloaded; stdout is discarded. */
function measure(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Measure {
  const scratch = mkdtempSync(join(tmpdir(), 'archmd-bench-rss-'));
  const rssFile = join(scratch, 'rss');
  const start = performance.now();
  const child = spawnSync(process.execPath, ['--import', rssHook, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, ARCHMD_BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - start) / 1000;
  let rssMb: number | undefined;
  let cpuSeconds: number | undefined;
  try {
    const usage = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKb: number; cpuSeconds: number };
    rssMb = usage.maxRssKb / 1024;
    cpuSeconds = usage.cpuSeconds;
  } catch {
    // the process died before its exit hook ran
  }
  rmSync(scratch, { recursive: true, force: true });
  const ok = child.status === 0;
  return { seconds, rssMb, cpuSeconds, ok, error: ok ? undefined : (child.stderr?.toString().trim().split('\n').slice(-3).join(' | ') ?? `exit ${child.status}`) };
}

/** Best of n: the figure least disturbed by whatever else the machine is doing. */
function best(n: number, once: () => Measure): Measure {
  let top: Measure | undefined;
  for (let i = 0; i < n; i++) {
    const m = once();
    if (!m.ok) return m;
    if (!top || m.seconds < top.seconds) top = m;
  }
  return top!;
}

let useCli: boolean | undefined;
/** The whole analysis through the CLI when it exists and works, else the scan+extract stages script. */
function archmdArgs(dir: string): string[] {
  return useCli ? [cliMain, 'analyze', '--json', dir] : [stagesScript, dir];
}

function archmdRun(dir: string, cacheDir: string): Measure {
  if (useCli === undefined) {
    useCli = existsSync(cliMain);
    if (useCli) {
      const probe = measure([cliMain, 'analyze', '--json', dir], { env: { ARCHMD_CACHE_DIR: cacheDir } });
      if (!probe.ok) {
        process.stderr.write(`archmd CLI failed (${probe.error}); timing the scan and extract stages instead\n`);
        useCli = false;
      }
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }
  return measure(archmdArgs(dir), { env: { ARCHMD_CACHE_DIR: cacheDir } });
}

function countFiles(dir: string): { files: number; code: number } {
  const out = execFileSync('git', ['-C', dir, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const paths = out.split('\0').filter(Boolean);
  return { files: paths.length, code: paths.filter((p) => /\.(m|c)?(t|j)sx?$/.test(p)).length };
}

interface Row {
  name: string;
  files: number;
  code: number;
  floor: Measure;
  cold: Measure;
  warm: Measure;
  peer?: Measure;
}

function benchCase(name: string, dir: string, runs: number, skipPeer: boolean): Row {
  process.stderr.write(`${name}: `);
  const { files, code } = countFiles(dir);
  const floor = best(runs, () => measure([floorScript, dir])); // also warms the page cache for everyone
  process.stderr.write(`floor ${floor.seconds.toFixed(2)}s, `);
  let warm: Measure | undefined;
  const cold = best(runs, () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'archmd-bench-cache-'));
    try {
      const m = archmdRun(dir, cacheDir);
      const w = m.ok ? archmdRun(dir, cacheDir) : m;
      if (!warm || (w.ok && w.seconds < warm.seconds)) warm = w;
      return m;
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
  process.stderr.write(`archmd cold ${cold.seconds.toFixed(2)}s warm ${warm!.seconds.toFixed(2)}s`);
  let peer: Measure | undefined;
  if (!skipPeer && existsSync(depcruiseBin)) {
    // the graph alone: no config, no cache, node_modules not followed, output discarded
    peer = measure([depcruiseBin, '--no-config', '--no-cache', '--output-type', 'json', '--do-not-follow', 'node_modules', '--exclude', '(^|/)(node_modules|dist|build)/', '.'], { cwd: dir });
    process.stderr.write(`, dependency-cruiser ${peer.seconds.toFixed(2)}s${peer.ok ? '' : ` (failed: ${peer.error})`}`);
  }
  process.stderr.write('\n');
  return { name, files, code, floor, cold, warm: warm!, peer };
}

const fmt = (m: Measure | undefined) => (!m ? '–' : m.ok ? m.seconds.toFixed(2) : 'failed');
const mb = (m: Measure | undefined) => (m?.ok && m.rssMb !== undefined ? m.rssMb.toFixed(0) : '–');
const cpu = (m: Measure | undefined) => (m?.ok && m.cpuSeconds !== undefined ? m.cpuSeconds.toFixed(2) : '–');
const ratio = (a: Measure | undefined, b: Measure | undefined) => (a?.ok && b?.ok ? `${(a.seconds / b.seconds).toFixed(2)}` : '–');

function table(rows: Row[]): string {
  const out = [
    '| case | files | TS/JS | read floor s | archmd cold s | cold CPU s | files/s | warm s | warm CPU s | RSS MB | depcruise s | depcruise CPU s | depcruise RSS MB | cold/peer | peer speed-up | cold/floor | RSS/peer |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const speedUp = r.cold.ok && r.peer?.ok ? `${(r.peer.seconds / r.cold.seconds).toFixed(1)}x` : '–';
    const rssRatio = r.cold.rssMb && r.peer?.ok && r.peer.rssMb ? (r.cold.rssMb / r.peer.rssMb).toFixed(2) : '–';
    out.push(
      `| ${r.name} | ${r.files} | ${r.code} | ${fmt(r.floor)} | ${fmt(r.cold)} | ${cpu(r.cold)} | ${r.cold.ok ? Math.round(r.files / r.cold.seconds) : '–'} | ${fmt(r.warm)} | ${cpu(r.warm)} | ${mb(r.cold)} | ${fmt(r.peer)} | ${cpu(r.peer)} | ${mb(r.peer)} | ${ratio(r.cold, r.peer)} | ${speedUp} | ${ratio(r.cold, r.floor)} | ${rssRatio} |`,
    );
  }
  return out.join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  let sizes = [1000, 10000, 50000];
  let runs = 3;
  let skipPeer = false;
  const folders: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--sizes') sizes = args[++i].split(',').filter(Boolean).map(Number);
    else if (args[i] === '--runs') runs = Math.max(1, Number(args[++i]) || 1);
    else if (args[i] === '--skip-peer') skipPeer = true;
    else folders.push(resolve(args[i]));
  }
  // only folders given: measure those alone, unless sizes were asked for too
  if (folders.length > 0 && !args.includes('--sizes')) sizes = [];
  const rows: Row[] = [];
  for (const size of sizes) {
    process.stderr.write(`preparing synthetic ${size}...\n`);
    rows.push(benchCase(`synthetic ${size}`, ensureSyntheticRepo(size), runs, skipPeer));
  }
  for (const folder of folders) rows.push(benchCase(folder.split('/').pop() ?? folder, folder, runs, skipPeer));
  const lines = [
    `archmd benchmark — node ${process.version}, ${cpus().length} cores, best of ${runs}; archmd measured through ${useCli ? 'the CLI (analyze --json)' : 'the scan+extract stages (dist/bench/stages.js)'}`,
    '',
    table(rows),
  ];
  const byName = new Map(rows.map((r) => [r.name, r]));
  const small = byName.get('synthetic 10000');
  const large = byName.get('synthetic 50000');
  if (small?.cold.ok && large?.cold.ok) lines.push('', `growth 10k -> 50k files: ${(large.cold.seconds / small.cold.seconds).toFixed(2)}x the time (linear would be 5x)`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
