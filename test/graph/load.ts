/** Loads a fixture repository through the import readers only; manifest facts are added by hand per test. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FileFacts, Reader } from '../../src/detect/facts.js';
import { importReaders } from '../../src/detect/imports/index.js';
import { fixture } from '../helpers.js';

function walk(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

export function claims(reader: Reader, path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (reader.fileNames?.includes(base)) return true;
  if (reader.extensions?.some((e) => base.endsWith(e))) return true;
  return !!reader.patterns?.some((p) => p.test(base) || p.test(path));
}

export function readFile(path: string, text: string): FileFacts {
  const facts: FileFacts = { path };
  for (const reader of importReaders) {
    if (!claims(reader, path)) continue;
    Object.assign(facts, reader.read(path, text));
  }
  return facts;
}

export function loadFixture(name: string, extra: Record<string, Partial<FileFacts>> = {}): { files: string[]; facts: Map<string, FileFacts> } {
  const root = fixture(name);
  const files = walk(root, [])
    .map((f) => relative(root, f).split('\\').join('/'))
    .sort();
  const facts = new Map<string, FileFacts>();
  for (const path of files) {
    const f = readFile(path, readFileSync(join(root, path), 'utf8'));
    Object.assign(f, extra[path] ?? {});
    facts.set(path, f);
  }
  return { files, facts };
}
