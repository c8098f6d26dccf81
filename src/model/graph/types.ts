import type { Ecosystem, FileFacts, ImportFact } from '../../detect/facts.js';
import type { Evidence } from '../evidence.js';

/** One import that lands on a file of this repository. `to` is a file path; for Go and C#, whose imports name a
 *  package or namespace rather than a file, it is the package's representative file (see resolvers). */
export interface FileEdge {
  from: string;
  to: string;
  line?: number;
  kind: ImportFact['kind'];
}

/** A third-party package used by a file, named as its registry names it. */
export interface ExternalUse {
  file: string;
  ecosystem: Ecosystem;
  name: string;
  /** The module path as imported when it names a part of the package ("firebase/firestore"): one package may hold several products. */
  subpath?: string;
  line?: number;
  /** `import type`: the compiler reads the package, the program never loads it. */
  typeOnly?: true;
  /** Imported where the code runs on without it (Python's `except ImportError`). */
  optional?: true;
}

export interface GroupEdge {
  from: string;
  to: string;
  /** Number of file edges behind this one. */
  weight: number;
  /** A few sample imports, rule "import". */
  evidence: Evidence[];
  /** True when every file edge behind it is a type-only import (erased at run time). */
  typeOnly: boolean;
}

export interface GraphInput {
  files: string[];
  facts: Map<string, FileFacts>;
}

export interface GraphResult {
  edges: FileEdge[];
  external: ExternalUse[];
  /** Imports that point inside the repository (relative paths, own packages) but matched no file. */
  unresolved: number;
}

/** What one import means: a file here, a third-party package, nothing to report (builtins, std), or a miss. */
export type Resolution =
  | { files: string[] }
  | { external: { ecosystem: Ecosystem; name: string; subpath?: string } }
  | 'ignore'
  | 'unresolved';

/** Indexes shared by every resolver, built once per run. */
export interface RepoIndex {
  files: Set<string>;
  /** Sorted file list. */
  sorted: string[];
  /** Folder ("" for the root) -> its files' base names, sorted. */
  dirFiles: Map<string, string[]>;
  facts: Map<string, FileFacts>;
}
