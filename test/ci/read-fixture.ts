/** Runs one CI reader on a fixture file, as the scan stage would, with the relative path. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileFacts, Reader } from '../../src/detect/facts.js';
import { ciReaders } from '../../src/detect/ci/index.js';
import { fixture } from '../helpers.js';

export function claims(reader: Reader, path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return (reader.fileNames ?? []).includes(base) || (reader.patterns ?? []).some((p) => p.test(path) || p.test(base));
}

export function readCi(fixtureName: string, path: string): Omit<FileFacts, 'path'> {
  const text = readFileSync(join(fixture(fixtureName), path), 'utf8');
  const readers = ciReaders.filter((r) => claims(r, path));
  if (readers.length !== 1) throw new Error(`${readers.length} CI readers claim ${path}`);
  return readers[0].read(path, text);
}
