/** Reads a fixture file through a reader, the way the scan stage would: repository-relative path and text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DependencyFact, FileFacts, Reader } from '../../src/detect/facts.js';
import { manifestReaders } from '../../src/detect/manifests/index.js';
import { fixture } from '../helpers.js';

export function readFixture(fixtureName: string, rel: string): Omit<FileFacts, 'path'> {
  const text = readFileSync(join(fixture(fixtureName), rel), 'utf8');
  return readerFor(rel).read(rel, text);
}

/** The one manifest reader that claims this path, as the scan stage would pick it. */
export function readerFor(rel: string): Reader {
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  const claims = manifestReaders.filter(
    (r) =>
      r.fileNames?.includes(base) ||
      r.extensions?.some((e) => base.endsWith(e)) ||
      r.patterns?.some((p) => p.test(base) || p.test(rel)),
  );
  if (claims.length !== 1) throw new Error(`${rel}: ${claims.length} readers claim it (${claims.map((r) => r.id).join(', ')})`);
  return claims[0];
}

export function dep(facts: Omit<FileFacts, 'path'>, name: string): DependencyFact | undefined {
  return facts.dependencies?.find((d) => d.name === name);
}
