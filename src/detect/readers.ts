/**
 * Every reader archmd has, and which of them claim a given file. Adding a technology or an ecosystem
 * means adding a reader to one of the lists below (or data to the catalogue), never changing a stage.
 */
import { alternation } from '../alternation.js';
import { ciReaders } from './ci/index.js';
import type { Reader } from './facts.js';
import { importReaders } from './imports/index.js';
import { infraReaders } from './infra/index.js';
import { manifestReaders } from './manifests/index.js';
import { sourceReaders } from './source/index.js';
import { roleOf } from '../scan/classify.js';

export const allReaders: Reader[] = [...manifestReaders, ...infraReaders, ...ciReaders, ...sourceReaders, ...importReaders];

interface Index {
  byName: Map<string, Reader[]>;
  byExtension: Map<string, Reader[]>;
  byPattern: Reader[];
  /** Every reader pattern in one (case-blind) alternation: most paths match none, and one test says so. */
  anyPattern: RegExp;
}

let index: Index | undefined;

function buildIndex(): Index {
  const built: Index = { byName: new Map(), byExtension: new Map(), byPattern: [], anyPattern: /$^/ };
  const add = (map: Map<string, Reader[]>, key: string, reader: Reader) => {
    const list = map.get(key);
    if (list) list.push(reader);
    else map.set(key, [reader]);
  };
  for (const reader of allReaders) {
    for (const name of reader.fileNames ?? []) add(built.byName, name, reader);
    for (const ext of reader.extensions ?? []) add(built.byExtension, ext.toLowerCase(), reader);
    if (reader.patterns?.length) built.byPattern.push(reader);
  }
  // case-blind, so it never rules out a path that a case-blind reader pattern claims
  built.anyPattern = alternation(built.byPattern.flatMap((r) => r.patterns!), 'i');
  return built;
}

/** Readers that want this file, by name alone; sniffing readers are filtered later on the text. */
export function readersFor(path: string): Reader[] {
  index ??= buildIndex();
  const base = path.slice(path.lastIndexOf('/') + 1);
  const found = new Set<Reader>(index.byName.get(base) ?? []);
  const dot = base.indexOf('.');
  // ".d.ts" and ".tar.gz"-like double extensions: try every suffix starting at a dot
  for (let i = dot; i !== -1; i = base.indexOf('.', i + 1)) {
    for (const r of index.byExtension.get(base.slice(i).toLowerCase()) ?? []) found.add(r);
  }
  if (index.anyPattern.test(base) || index.anyPattern.test(path)) {
    for (const r of index.byPattern) {
      if (r.patterns!.some((re) => re.test(base) || re.test(path))) found.add(r);
    }
  }
  for (const r of found) if (r.claims && !r.claims(path)) found.delete(r);
  // the imports of tests, fixtures, examples and docs draw no edge of the architecture (the model drops
  // them), so their files are not parsed for imports at all: on medusa that is a third of the parsing
  if (found.size && [...found].some((r) => importSet.has(r))) {
    const role = roleOf(path);
    if (role !== 'main' && role !== 'tooling') for (const r of importReaders) found.delete(r);
  }
  return [...found];
}

const importSet = new Set<Reader>(importReaders);
