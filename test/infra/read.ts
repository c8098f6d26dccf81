/** Test helper: run the infra reader(s) that claim a fixture file, the way the detect stage dispatches them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileFacts, Reader } from '../../src/detect/facts.js';
import { infraReaders } from '../../src/detect/infra/index.js';
import { fixture } from '../helpers.js';

export function claims(reader: Reader, path: string, text: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const named =
    !!reader.fileNames?.includes(base) ||
    !!reader.patterns?.some((p) => p.test(path) || p.test(base)) ||
    !!reader.extensions?.some((e) => base.endsWith(e));
  return named && (!reader.sniff || reader.sniff(text));
}

function load(fixtureName: string, path: string): string {
  return readFileSync(join(fixture(fixtureName), path), 'utf8');
}

/** Non-empty facts from every infra reader that claims `path` in the fixture, keyed by reader id. */
export function readAll(fixtureName: string, path: string): Record<string, Omit<FileFacts, 'path'>> {
  const text = load(fixtureName, path);
  const out: Record<string, Omit<FileFacts, 'path'>> = {};
  for (const r of infraReaders) {
    if (!claims(r, path, text)) continue;
    const facts = r.read(path, text);
    if (Object.keys(facts).length) out[r.id] = facts;
  }
  return out;
}

/** Facts from one reader, which must claim the file. */
export function readWith(readerId: string, fixtureName: string, path: string): Omit<FileFacts, 'path'> {
  const text = load(fixtureName, path);
  const r = reader(readerId);
  if (!claims(r, path, text)) throw new Error(`${readerId} does not claim ${path}`);
  return r.read(path, text);
}

export function reader(id: string): Reader {
  const r = infraReaders.find((x) => x.id === id);
  if (!r) throw new Error(`no infra reader ${id}`);
  return r;
}
