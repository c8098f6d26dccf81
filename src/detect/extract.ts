/**
 * Runs the readers that claim one file and merges what they found. Pure: (path, text) -> facts,
 * which is what lets the pool run it in worker threads and the cache key it by content hash.
 */
import type { FileFacts } from './facts.js';
import { readersFor } from './readers.js';

export function extractFile(path: string, text: string): FileFacts {
  const facts: FileFacts = { path };
  for (const reader of readersFor(path)) {
    try {
      if (reader.sniff && !reader.sniff(text)) continue;
      mergeInto(facts, reader.read(path, text));
    } catch (error) {
      // a reader bug must cost one file's facts, never the run
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      (facts.warnings ??= []).push({ file: path, message: `${reader.id} reader failed: ${message}` });
    }
  }
  return facts;
}

function mergeInto(target: FileFacts, found: Omit<FileFacts, 'path'>): void {
  const bag = target as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(found)) {
    if (value === undefined || key === 'path') continue;
    const existing = bag[key];
    if (Array.isArray(value)) {
      if (value.length > 0) bag[key] = Array.isArray(existing) ? existing.concat(value) : value.slice();
    } else {
      bag[key] = existing && typeof existing === 'object' && typeof value === 'object' ? { ...existing, ...value } : value;
    }
  }
}
