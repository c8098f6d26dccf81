/**
 * What the model stage works from: the scan, every file's facts and every technology hit, with the
 * lookups several builders share. Built once per run.
 */
import type { FileFacts } from '../detect/facts.js';
import type { TechnologyHit } from '../detect/technologies.js';
import type { FileEdge } from './graph/types.js';
import { isMockFile, roleOf } from '../scan/classify.js';
import type { ScannedFile } from '../scan/index.js';
import type { Role } from './types.js';

export interface ModelInput {
  /** The analysed folder's own name, used when no manifest or README names the project. */
  rootName: string;
  files: ScannedFile[];
  facts: Map<string, FileFacts>;
  hits: TechnologyHit[];
  /** Resolved imports between this repository's files. */
  fileEdges: FileEdge[];
  warnings: { file?: string; message: string }[];
  stats: { cachedFiles: number; skippedFiles: number; analysedFiles: number };
  version: string;
}

export class Context {
  readonly fileByPath = new Map<string, ScannedFile>();
  readonly folders = new Set<string>();

  constructor(readonly input: ModelInput) {
    for (const f of input.files) {
      this.fileByPath.set(f.path, f);
      // deepest folder first: once one is known, so are all above it (most files share their folder)
      for (let i = f.path.lastIndexOf('/'); i > 0; i = f.path.lastIndexOf('/', i - 1)) {
        const folder = f.path.slice(0, i);
        if (this.folders.has(folder)) break;
        this.folders.add(folder);
      }
    }
    this.folders.add('');
  }

  private mainEcosystemSet?: Set<string>;

  /** Package ecosystems of the project's own manifests (npm, cargo, pypi ...). */
  get mainEcosystems(): Set<string> {
    if (!this.mainEcosystemSet) {
      this.mainEcosystemSet = new Set();
      for (const [path, facts] of this.input.facts) {
        if ((!facts.manifests && !facts.dependencies) || this.roleOfFile(path) !== 'main') continue;
        for (const m of facts.manifests ?? []) this.mainEcosystemSet.add(m.ecosystem);
        for (const d of facts.dependencies ?? []) this.mainEcosystemSet.add(d.ecosystem);
      }
    }
    return this.mainEcosystemSet;
  }

  /**
   * A mock among the product's files (gh's tunnels_api_server_mock.go) is test code: what it imports or serves
   * is the tests' stand-in, not the system's technology or interface.
   */
  roleOfFile(path: string): Role {
    const role = this.fileByPath.get(path)?.role ?? roleOf(path);
    return role === 'main' && isMockFile(path) ? 'test' : role;
  }

  private ownNames?: Set<string>;

  /**
   * The project's own names as keys (see nameKey): its root manifests' names, its root README's title and the
   * folder it is kept in. A catalogue technology of one of these names is the project itself (langfuse's compose
   * file running langfuse/langfuse, its web app calling the published langfuse SDK), never one it is built with.
   */
  get ownNameKeys(): ReadonlySet<string> {
    if (!this.ownNames) {
      const names = [this.input.rootName];
      for (const [path, facts] of this.input.facts) {
        if (path.includes('/')) continue;
        for (const m of facts.manifests ?? []) if (m.name && !m.name.includes('${')) names.push(m.name.replace(/^@[^/]+\//, '').replace(/^.*[:/]/, ''));
        // "Langfuse", "Maybe: The personal finance app": the name before a tagline
        if (/^readme(?:\.\w+)?$/i.test(path) && facts.intro?.title) names.push(facts.intro.title.split(/:| [-–—] /)[0]);
      }
      this.ownNames = new Set(names.map(nameKey).filter((k) => k.length >= 2));
    }
    return this.ownNames;
  }

  /** A technology named like the project (see ownNameKeys). */
  isOwnProject(tech: { id: string; name: string }): boolean {
    return this.ownNameKeys.has(nameKey(tech.id)) || this.ownNameKeys.has(nameKey(tech.name));
  }

  private lists = new Map<string, [string, unknown][]>();

  /** Like each(), as an array kept for the next caller: for checks run once per part. */
  list<K extends keyof FileFacts>(key: K): [string, NonNullable<FileFacts[K]>][] {
    let found = this.lists.get(key);
    if (!found) this.lists.set(key, (found = [...this.each(key)]));
    return found as [string, NonNullable<FileFacts[K]>][];
  }

  /** Facts of one kind with the file they came from, in path order. */
  private sortedPaths?: string[];

  *each<K extends keyof FileFacts>(key: K): Generator<[string, NonNullable<FileFacts[K]>]> {
    this.sortedPaths ??= [...this.input.facts.keys()].sort();
    for (const path of this.sortedPaths) {
      const value = this.input.facts.get(path)![key];
      if (value !== undefined) yield [path, value as NonNullable<FileFacts[K]>];
    }
  }
}

/** A name compared without case, punctuation or spaces: "Next.js" and "nextjs", "OpenTelemetry Demo" and "opentelemetry-demo". */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export function roleOfFolder(path: string): Role {
  return path === '' ? 'main' : roleOf(`${path}/`);
}

export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/^@/, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'root'
  );
}
