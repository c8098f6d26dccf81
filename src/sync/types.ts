/** Contracts between the render stage and the document keeper. */

export interface RenderedSection {
  /** Marker name, `[a-z0-9-]+`, unique within a document, e.g. "technology-stack". */
  id: string;
  title: string;
  /** Generated markdown that lives between the section's markers. */
  body: string;
  /** Created once below the block, never touched again. */
  handwritten?: string;
}

export interface RenderedDocument {
  title: string;
  lead?: string;
  sections: RenderedSection[];
}

/**
 * One generated block of a document. Lines are 1-based; offsets index the markdown string as given
 * (a BOM counts as one character). The content is everything between the two marker lines,
 * `markdown.slice(contentStart, contentEnd)`, including the line ending of its last line.
 */
export interface Block {
  id: string;
  /** Line of the BEGIN marker. */
  beginLine: number;
  /** Line of the END marker. */
  endLine: number;
  /** Offset just after the BEGIN line's line ending. */
  contentStart: number;
  /** Offset of the first character of the END line. */
  contentEnd: number;
  /** The BEGIN line's line ending, which generated content reuses. */
  eol: string;
}

export type BlockStatus = 'added' | 'updated' | 'unchanged' | 'deleted-by-user';

export interface SyncResult {
  markdown: string;
  changed: boolean;
  blocks: { id: string; status: BlockStatus }[];
}

export interface CheckResult {
  /** True exactly when syncing would change nothing: no stale block, and the document is managed by archmd. */
  upToDate: boolean;
  stale: { id: string; diff: string }[];
  placeholders: { line: number; text: string }[];
  missingSections: string[];
  /** False when the document holds no archmd block at all (sync would append every section). */
  managed: boolean;
}

/** Unbalanced, duplicated, nested or renamed markers. The document must be left untouched. */
export class MarkerError extends Error {
  readonly line: number;
  constructor(line: number, problem: string) {
    super(`line ${line}: ${problem}`);
    this.name = 'MarkerError';
    this.line = line;
  }
}
