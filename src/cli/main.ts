#!/usr/bin/env node
/**
 * archmd's command line. Exit codes: 0 done or up to date, 1 the document drifted from the code,
 * 2 a usage or input error. Errors are one line on stderr, never a stack trace (ARCHMD_DEBUG=1 shows it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyze, VERSION } from '../analyze.js';
import type { ArchitectureModel } from '../model/types.js';
import { renderDocument } from '../render/index.js';
import { roleOf } from '../scan/classify.js';
import { InputError } from '../scan/index.js';
import { checkDocument, createDocument, syncDocument, writeFileAtomic } from '../sync/index.js';
import { MarkerError } from '../sync/types.js';
import { tuneForRun } from './engine.js';
import { colourDiff, colourEnabled, paint, Progress, progressEnabled } from './terminal.js';

const HELP = `archmd ${VERSION}: turns a repository into an evidence-backed ARCHITECTURE.md and keeps it true.

Usage
  archmd [generate] [dir]   write or update <dir>/ARCHITECTURE.md (dir defaults to .)
  archmd check [dir]        exit 0 when the document matches the code, 1 with a diff when it drifted
  archmd analyze [dir]      print what archmd found (--json for the whole model)

Options
  -o, --out FILE     the document to write or check (default: <dir>/ARCHITECTURE.md)
      --stdout       print the document instead of writing it
      --dry-run      show what would change, write nothing (exit 0; not a check)
      --json         machine-readable output on stdout
      --exclude GLOB leave paths out, .gitignore syntax (repeatable)
      --no-cache     do not read or write the content-hash cache
      --example      run on the example system shipped with archmd (examples/shop)
  -q, --quiet        no summary on stderr
  -h, --help         this help
  -v, --version      archmd's version

Exit codes: 0 success, 1 check found drift, 2 usage or input error.
Generated content lives between <!-- BEGIN_ARCHMD section="..." --> and <!-- END_ARCHMD ... --> markers;
everything outside them is yours and is never changed.`;

class UsageError extends Error {}

interface Options {
  command: 'generate' | 'check' | 'analyze';
  dir: string;
  out?: string;
  stdout: boolean;
  dryRun: boolean;
  json: boolean;
  quiet: boolean;
  cache: boolean;
  exclude: string[];
  /** Running on the shipped example: the document is printed as well as written. */
  example: boolean;
}

function parse(argv: string[]): Options | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        stdout: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        'no-cache': { type: 'boolean' },
        exclude: { type: 'string', multiple: true },
        example: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';
  let command: Options['command'] = 'generate';
  const rest = [...positionals];
  if (rest[0] === 'generate' || rest[0] === 'check' || rest[0] === 'analyze') command = rest.shift() as Options['command'];
  else if (rest[0] === 'help') return 'help';
  if (rest.length > 1) throw new UsageError(`unexpected argument "${rest[1]}": give one folder`);
  let dir = rest[0] ?? '.';
  if (values.example) {
    if (rest.length) throw new UsageError('--example takes no folder');
    dir = exampleDir();
  }
  if (values.stdout && values.out) throw new UsageError('--stdout and --out cannot be used together');
  if (command === 'check' && (values.stdout || values['dry-run'])) throw new UsageError('check writes nothing; --stdout and --dry-run belong to generate');
  return {
    command,
    dir,
    out: values.out,
    stdout: Boolean(values.stdout),
    dryRun: Boolean(values['dry-run']),
    json: Boolean(values.json),
    quiet: Boolean(values.quiet),
    cache: !values['no-cache'],
    exclude: values.exclude ?? [],
    example: Boolean(values.example),
  };
}

/** examples/shop beside the installed package, whether run from dist/ or from a checkout. */
function exampleDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'examples', 'shop');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new InputError('the example system (examples/shop) is not installed with this copy of archmd');
}

function readDocument(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR') throw new InputError(`${path} is a folder, not a document`);
    throw new InputError(`cannot read ${path}: ${code ?? String(error)}`);
  }
}

async function run(argv: string[]): Promise<number> {
  const options = parse(argv);
  if (options === 'help') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (options === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const p = paint(colourEnabled(process.stdout));
  const e = paint(colourEnabled(process.stderr));
  const progress = new Progress(progressEnabled() && !options.quiet);
  let model: ArchitectureModel;
  try {
    model = await analyze(options.dir, { exclude: options.exclude, cache: options.cache, onProgress: (m) => progress.update(m), onScanned: tuneForRun });
  } finally {
    progress.done();
  }
  const note = (message: string) => {
    if (!options.quiet) process.stderr.write(`${message}\n`);
  };
  // warnings about the project's own files matter; those about fixtures and examples are summed up
  const own = model.warnings.filter((w) => !w.file || ['main', 'tooling'].includes(roleOf(w.file)));
  // some readers already start their message with the file; say it once
  const line = (w: { file?: string; message: string }) => (w.file && !w.message.startsWith(`${w.file}: `) ? `${w.file}: ${w.message}` : w.message);
  for (const w of own.slice(0, 20)) note(e.yellow(`warning: ${line(w)}`));
  const rest = model.warnings.length - Math.min(own.length, 20);
  if (rest > 0) note(e.yellow(`warning: ${rest}${own.length ? ' more' : ''} warning${rest === 1 ? '' : 's'}${own.length <= 20 ? ' about tests, fixtures, examples and docs' : ''} (see analyze --json)`));

  const docPath = options.out ? (isAbsolute(options.out) ? options.out : resolve(options.out)) : join(resolve(options.dir), 'ARCHITECTURE.md');
  const shown = relative(process.cwd(), docPath) || docPath;

  if (options.command === 'analyze') {
    if (options.json) process.stdout.write(`${JSON.stringify(model, null, 2)}\n`);
    else process.stdout.write(summary(model));
    return 0;
  }

  const rendered = renderDocument(model);
  if (options.command === 'check') {
    const existing = readDocument(docPath);
    if (existing === undefined) {
      if (options.json) process.stdout.write(`${JSON.stringify({ file: shown, upToDate: false, missing: true }, null, 2)}\n`);
      process.stderr.write(`archmd: ${shown} does not exist: run \`archmd\` to create it\n`);
      return 1;
    }
    const result = withFile(shown, () => checkDocument(existing, rendered));
    const clean = result.upToDate && !result.placeholders.length && !result.missingSections.length;
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ file: shown, ...result, upToDate: clean }, null, 2)}\n`);
      return clean ? 0 : 1;
    }
    if (!result.managed) process.stdout.write(`${shown} has no archmd blocks: run \`archmd\` to add them\n`);
    for (const s of result.stale) process.stdout.write(`${colourDiff(s.diff, p)}\n`);
    for (const ph of result.placeholders) process.stdout.write(`${shown}:${ph.line}: template placeholder left unfilled: ${ph.text}\n`);
    for (const m of result.missingSections) process.stdout.write(`${shown}: template section missing: ${m}\n`);
    if (clean) note(`${shown} is up to date`);
    else note(e.red(`${shown} is out of date${result.stale.length ? ` (${result.stale.map((s) => s.id).join(', ')})` : ''}: run \`archmd\` to update it`));
    return clean ? 0 : 1;
  }

  // generate
  if (options.stdout) {
    process.stdout.write(createDocument(rendered));
    return 0;
  }
  const existing = readDocument(docPath);
  const result = withFile(shown, () => syncDocument(existing, rendered));
  const changedBlocks = result.blocks.filter((b) => b.status === 'added' || b.status === 'updated').map((b) => b.id);
  if (!options.dryRun && result.changed) await writeFileAtomic(docPath, result.markdown);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ file: shown, written: !options.dryRun && result.changed, changed: result.changed, created: existing === undefined, blocks: result.blocks }, null, 2)}\n`);
  } else if (options.dryRun) {
    const diffs = existing === undefined ? [] : checkDocument(existing, rendered).stale;
    for (const s of diffs) process.stdout.write(`${colourDiff(s.diff, p)}\n`);
    note(result.changed ? `${shown} would be ${existing === undefined ? 'created' : `updated (${changedBlocks.join(', ')})`}; nothing written (--dry-run)` : `${shown} is up to date; nothing to write`);
  } else {
    if (options.example) process.stdout.write(result.markdown);
    note(result.changed ? `${existing === undefined ? 'created' : 'updated'} ${shown}${existing === undefined ? '' : ` (${changedBlocks.join(', ')})`}` : `${shown} is up to date`);
  }
  return 0;
}

/** Marker errors name the line; the message names the file too, and the file is left as it was. */
function withFile<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof MarkerError) throw new InputError(`${file}:${error.line}: ${error.message.replace(/^line \d+: /, '')}; the file was left unchanged`);
    throw error;
  }
}

function summary(model: ArchitectureModel): string {
  const lines = [`${model.system.name.value}: ${model.system.style.map((s) => s.value).join(', ') || 'no style inferred'}`];
  const own = model.containers.filter((c) => c.role === 'main');
  lines.push(`containers (${own.length}):`);
  for (const c of own) lines.push(`  ${c.name.padEnd(24)} ${c.kind.padEnd(12)} ${c.path === undefined ? c.image ?? '' : c.path || '.'}`);
  const runtime = model.technologies.filter((t) => t.scope === 'runtime');
  lines.push(`technologies (${runtime.length} in the system's own stack): ${runtime.map((t) => t.name).join(', ')}`);
  lines.push(`relationships: ${model.relationships.filter((r) => !r.from.startsWith('component:')).length} between containers`);
  if (model.deployment.hosting.length) lines.push(`hosting: ${model.deployment.hosting.map((h) => h.value).join(', ')}`);
  lines.push(`files: ${model.stats.files} listed, ${model.stats.analysedFiles} read, ${model.stats.skippedFiles} skipped, ${model.stats.cachedFiles} from cache`);
  lines.push('use --json for the whole model with evidence');
  return `${lines.join('\n')}\n`;
}

function fail(error: unknown): number {
  if (process.env.ARCHMD_DEBUG) console.error(error);
  if (error instanceof UsageError) {
    process.stderr.write(`archmd: ${error.message}\nRun \`archmd --help\` for usage.\n`);
  } else if (error instanceof InputError || error instanceof MarkerError) {
    process.stderr.write(`archmd: ${error.message}\n`);
  } else {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(`archmd: ${message}\n`);
  }
  return 2;
}

// stdout closed early (archmd ... | head) is not an error
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.exitCode = fail(error);
  },
);
