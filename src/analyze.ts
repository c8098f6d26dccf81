/**
 * The pipeline, end to end: scan -> detect (extract facts, resolve imports, match the catalogue) -> model.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCacheDir } from './detect/cache.js';
import { DEFAULT_MAX_FILE_BYTES, codeFingerprint, extractAll } from './detect/run.js';
import { startWorkers, type PrestartedWorkers } from './detect/threads.js';
import { hasSavedModel, loadModel, saveModel, treeKey } from './model-cache.js';
import type { TechnologyHit } from './detect/technologies.js';
import type { ArchitectureModel } from './model/types.js';
// the stages after the scan (detection, the catalogue, the graph, the model) are imported when a run needs
// them: a warm run answered by the saved model loads none of them (a third of its time)
import { scan } from './scan/index.js';

export interface AnalyzeOptions {
  /** Extra paths to leave out, as .gitignore patterns. */
  exclude?: string[];
  /** Use the content-hash cache (default true). */
  cache?: boolean;
  cacheDir?: string;
  /** Called with short progress messages; the CLI shows them on a TTY only. */
  onProgress?: (message: string) => void;
  /** Called once the scan has listed the files, when the run is going to read them (no saved model answers). */
  onScanned?: (files: number) => void;
}

export const VERSION: string = (() => {
  try {
    const here = fileURLToPath(new URL('.', import.meta.url));
    for (const candidate of ['../package.json', '../../package.json']) {
      try {
        const pkg = JSON.parse(readFileSync(resolve(here, candidate), 'utf8'));
        if (pkg.name === 'archmd') return String(pkg.version);
      } catch {
        // try the next layout (src/ when run from source, dist/src/ when built)
      }
    }
  } catch {
    // fall through
  }
  return '0.0.0';
})();

export async function analyze(dir: string, options: AnalyzeOptions = {}): Promise<ArchitectureModel> {
  const root = resolve(dir);
  const useCache = options.cache !== false;
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  // a run with no saved model will read files: its workers load their code while the scan runs
  const workers = useCache && hasSavedModel(root, cacheDir) ? undefined : startWorkers(root, DEFAULT_MAX_FILE_BYTES, useCache);
  // the same run reads files on this thread too: its readers load while the scan waits for git
  if (workers) void import('./detect/worker.js').catch(() => undefined);
  try {
    return await analyzeWith(root, options, useCache, cacheDir, workers);
  } finally {
    await workers?.close();
  }
}

async function analyzeWith(root: string, options: AnalyzeOptions, useCache: boolean, cacheDir: string, workers: PrestartedWorkers | undefined): Promise<ArchitectureModel> {
  const progress = options.onProgress ?? (() => {});
  progress('listing files');
  const scanned = await scan(root, { exclude: options.exclude });
  if (scanned.files.length === 0) {
    scanned.warnings.push({ message: `no files to analyse in ${basename(root)}: the folder is empty, or git ignores everything in it` });
  }
  const key = useCache ? treeKey(scanned.files, JSON.stringify([VERSION, codeFingerprint(), options.exclude ?? [], scanned.warnings])) : '';
  const startedAt = Date.now();
  const previous = useCache ? loadModel(root, cacheDir, key, scanned.files) : undefined;
  if (previous) return { ...previous, stats: { ...previous.stats, cachedFiles: previous.stats.analysedFiles } };
  options.onScanned?.(scanned.files.length);
  const stages = Promise.all([
    import('./detect/technologies.js'),
    import('./detect/version-catalogs.js'),
    import('./detect/bicep-modules.js'),
    import('./catalogue/match.js'),
    import('./model/build.js'),
    import('./model/graph/index.js'),
  ]);
  progress(`reading ${scanned.files.length} files`);
  const extracted = await extractAll(root, scanned.files, {
    cache: options.cache,
    cacheDir: options.cacheDir,
    onProgress: (done, total) => progress(`reading files ${done}/${total}`),
    prestarted: workers,
  });
  const [{ detectTechnologies }, { resolveVersionCatalogs }, { pruneUnreachableBicep }, { matchTechnologies }, { buildModel }, { resolveImports }] = await stages;
  // a file whose header says a generator wrote it counts as generated, like one in a generated folder
  for (const f of scanned.files) if (extracted.facts.get(f.path)?.generated) f.generated = true;
  resolveVersionCatalogs(extracted.facts);
  pruneUnreachableBicep(extracted.facts);
  progress('resolving imports');
  const graph = resolveImports({ files: scanned.files.map((f) => f.path), facts: extracted.facts });
  const hits = detectTechnologies(scanned.files, extracted.facts);
  hits.push(...externalHits(graph.external, matchTechnologies));
  progress('building the model');
  const model = buildModel({
    rootName: basename(root),
    files: scanned.files,
    facts: extracted.facts,
    hits,
    fileEdges: graph.edges,
    warnings: [...scanned.warnings, ...extracted.warnings],
    stats: { analysedFiles: extracted.stats.read + extracted.stats.cached, skippedFiles: extracted.stats.skipped, cachedFiles: extracted.stats.cached },
    version: VERSION,
  });
  if (useCache) saveModel(root, cacheDir, key, model, startedAt);
  return model;
}

/** A third-party package imported by code is a use of it, even when no manifest lists it. */
function externalHits(
  external: Awaited<ReturnType<typeof import('./model/graph/index.js').resolveImports>>['external'],
  matchTechnologies: typeof import('./catalogue/match.js').matchTechnologies,
): TechnologyHit[] {
  const hits: TechnologyHit[] = [];
  const seen = new Set<string>();
  for (const use of external) {
    const whole = matchTechnologies(use.ecosystem, use.name);
    // a type-only import (`import type { Request } from "express"` in a decorators package) never runs the package
    const scope = use.typeOnly ? 'build' : use.optional ? 'optional' : 'runtime';
    const how = use.typeOnly ? '(types only) ' : use.optional ? '(optional) ' : '';
    const at = `${use.file}\0${use.ecosystem}\0${scope}\0`;
    if (!seen.has(at + use.name)) {
      seen.add(at + use.name);
      for (const tech of whole) hits.push({ tech, file: use.file, line: use.line, rule: `import ${how}${use.name}`, scope });
    }
    // one package may hold several products: "firebase/firestore" is Cloud Firestore, "firebase" only Firebase
    if (use.subpath && !seen.has(at + use.subpath)) {
      seen.add(at + use.subpath);
      for (const tech of matchTechnologies(use.ecosystem, use.subpath)) {
        if (!whole.includes(tech)) hits.push({ tech, file: use.file, line: use.line, rule: `import ${how}${use.subpath}`, scope });
      }
    }
  }
  return hits;
}
