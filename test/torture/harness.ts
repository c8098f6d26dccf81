/**
 * Shared by the torture tests: hostile repositories are generated in temp folders at test time and run
 * through the built CLI as a child process, with a hard timeout (a hang is a failure, not a stuck suite).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from '../helpers.js';

export const CLI = join(repoRoot, 'dist', 'src', 'cli', 'main.js');

/** Every temp folder made here is removed when the test process exits, pass or fail. */
const made: string[] = [];
process.on('exit', () => {
  for (const dir of made) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // paths beyond PATH_MAX: rm walks relative to each folder and copes
      try {
        execFileSync('rm', ['-rf', dir], { stdio: 'ignore' });
      } catch {
        // leave it to the OS's temp cleaning
      }
    }
  }
});

export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `archmd-torture-${label}-`));
  made.push(dir);
  return dir;
}

/** A distinctive home folder, so a leak of the user's home into the output can be searched for. */
const fakeHome = tempDir('home-HOMETOKEN7Q');
const cacheDir = tempDir('cache');

/** Writes files (path -> content) under root, creating folders; returns root. */
export function writeTree(root: string, files: Record<string, string | Buffer>): string {
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return root;
}

/** A fresh temp repository holding these files. */
export function repo(label: string, files: Record<string, string | Buffer> = {}): string {
  return writeTree(tempDir(label), files);
}

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI; a run that outlives the timeout is killed and reported as a hang. */
export function runCli(args: string[], options: { cwd?: string; timeoutMs?: number; env?: Record<string, string> } = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? tmpdir(),
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    killSignal: 'SIGKILL',
    maxBuffer: 256 << 20,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: fakeHome,
      USER: 'torturetester',
      LOGNAME: 'torturetester',
      ARCHMD_CACHE_DIR: cacheDir,
      NO_COLOR: '1',
      CI: '1',
      ...options.env,
    },
  });
  assert.equal(result.signal, null, `archmd ${args.join(' ')} was killed by ${result.signal} (hang or crash)\n${result.stderr}`);
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** No stack trace, no internal error name, no Node internals: the user sees one-line messages only. */
export function assertNoCrash(run: CliRun): void {
  const text = run.stderr;
  assert.doesNotMatch(text, /^\s+at .*(\(|:\d+:\d+)/m, `stack trace on stderr:\n${text}`);
  assert.doesNotMatch(text, /\b(TypeError|RangeError|ReferenceError|InternalError)\b/, `internal error on stderr:\n${text}`);
  assert.doesNotMatch(text, /node:internal|Maximum call stack|heap out of memory|FATAL ERROR/i, `Node internals on stderr:\n${text}`);
  // process warnings (a library's YAMLWarning, a deprecation) are noise the user cannot act on
  assert.doesNotMatch(text, /^\(node:\d+\)/m, `a Node process warning on stderr:\n${text}`);
}

/** Runs the CLI and checks it exited with `status` and no crash. */
export function expectRun(args: string[], status: number, options?: Parameters<typeof runCli>[1]): CliRun {
  const run = runCli(args, options);
  assertNoCrash(run);
  assert.equal(run.status, status, `archmd ${args.join(' ')} exited ${run.status}, expected ${status}\nstderr:\n${run.stderr}\nstdout:\n${run.stdout.slice(0, 2000)}`);
  return run;
}

export interface ModelJson {
  warnings: { file?: string; message: string }[];
  stats: { files: number; analysedFiles: number; skippedFiles: number };
  technologies: { name: string; scope?: string }[];
  containers: { name: string; path?: string; role?: string }[];
  [key: string]: unknown;
}

/** `analyze --json`: the model, parsed. */
export function analyzeJson(dir: string, extra: string[] = [], options?: Parameters<typeof runCli>[1]): { model: ModelJson; run: CliRun } {
  const run = expectRun(['analyze', '--json', '--no-cache', ...extra, dir], 0, options);
  return { model: JSON.parse(run.stdout) as ModelJson, run };
}

/** The warning about `file`, or a failure listing the warnings there were. */
export function warningFor(model: ModelJson, file: string, pattern?: RegExp): { file?: string; message: string } {
  const found = model.warnings.find((w) => w.file === file && (!pattern || pattern.test(w.message)));
  assert.ok(found, `no warning${pattern ? ` matching ${pattern}` : ''} for ${file}; warnings: ${JSON.stringify(model.warnings, null, 1)}`);
  return found;
}

export function technologyNames(model: ModelJson): string[] {
  return model.technologies.map((t) => t.name);
}

/** git with a fixed identity and no user config, so tests do not depend on the machine. */
export function gitIn(dir: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: fakeHome,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Torture',
      GIT_AUTHOR_EMAIL: 'torture@example.invalid',
      GIT_COMMITTER_NAME: 'Torture',
      GIT_COMMITTER_EMAIL: 'torture@example.invalid',
    },
  });
}

/** git init + commit everything. */
export function commitAll(dir: string): void {
  gitIn(dir, ['init', '-q', '-b', 'main']);
  gitIn(dir, ['add', '-A']);
  gitIn(dir, ['commit', '-q', '-m', 'initial']);
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export interface EvidenceJson {
  file: string;
  line?: number;
  rule: string;
}

/** Every evidence object anywhere in the model. */
export function allEvidence(model: unknown): EvidenceJson[] {
  const found: EvidenceJson[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o.file === 'string' && typeof o.rule === 'string') found.push(o as unknown as EvidenceJson);
    for (const x of Object.values(o)) walk(x);
  };
  walk(model);
  return found;
}

/** Fails with the evidence there is for the file (not the whole model) when nothing matches. */
export function assertEvidence(model: unknown, file: string, line: number | undefined, rule?: RegExp): void {
  const all = allEvidence(model);
  const ok = all.some((e) => e.file === file && (line === undefined || e.line === line) && (!rule || rule.test(e.rule)));
  const forFile = all.filter((e) => e.file === file).map((e) => `${e.line ?? '-'} ${e.rule}`);
  assert.ok(ok, `no evidence ${file}:${line ?? '*'}${rule ? ` ${rule}` : ''}; evidence for that file: ${JSON.stringify([...new Set(forFile)])}`);
}
