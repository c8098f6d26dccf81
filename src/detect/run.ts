/**
 * Reads every file some reader claims and extracts its facts. Files are read one at a time and their
 * text dropped once extracted, so memory follows the facts, not the repository's size.
 */
import { join } from 'node:path';
import type { ScannedFile } from '../scan/index.js';
import { looksMinified, readBounded } from '../scan/read.js';
import { extractFile } from './extract.js';
import type { FileFacts } from './facts.js';
import { readersFor } from './readers.js';

export interface ExtractOptions {
  /** Files above this size are skipped with a warning. */
  maxFileBytes?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ExtractResult {
  facts: Map<string, FileFacts>;
  warnings: { file?: string; message: string }[];
  stats: { read: number; skipped: number; cached: number };
}

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

/** The files worth reading: claimed by a reader, not binary, not generated. */
export function filesToRead(files: ScannedFile[]): ScannedFile[] {
  return files.filter((f) => !f.binary && !f.generated && readersFor(f.path).length > 0);
}

export async function extractAll(root: string, files: ScannedFile[], options: ExtractOptions = {}): Promise<ExtractResult> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const todo = filesToRead(files);
  const result: ExtractResult = { facts: new Map(), warnings: [], stats: { read: 0, skipped: 0, cached: 0 } };
  let done = 0;
  for (const file of todo) {
    const read = readBounded(join(root, file.path), file.size, maxBytes);
    done++;
    if (options.onProgress && done % 200 === 0) options.onProgress(done, todo.length);
    if ('skipped' in read) {
      result.stats.skipped++;
      result.warnings.push({ file: file.path, message: `skipped: ${read.skipped}` });
      continue;
    }
    if (file.languageType === 'programming' && looksMinified(read.text)) {
      result.stats.skipped++;
      result.warnings.push({ file: file.path, message: 'skipped: looks minified' });
      continue;
    }
    result.stats.read++;
    const facts = extractFile(file.path, read.text);
    if (Object.keys(facts).length > 1) result.facts.set(file.path, facts);
    if (facts.warnings) result.warnings.push(...facts.warnings);
  }
  options.onProgress?.(todo.length, todo.length);
  return result;
}
