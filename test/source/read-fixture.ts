/** Runs the source readers that claim a fixture file, the way the extract stage dispatches them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiFact, FileFacts } from '../../src/detect/facts.js';
import { sourceReaders } from '../../src/detect/source/index.js';
import { fixture } from '../helpers.js';

export function readSource(fixtureName: string, path: string): Omit<FileFacts, 'path'> {
  const text = readFileSync(join(fixture(fixtureName), path), 'utf8');
  const base = path.slice(path.lastIndexOf('/') + 1);
  const facts: Omit<FileFacts, 'path'> = {};
  for (const r of sourceReaders) {
    const claims =
      (r.fileNames ?? []).includes(base) ||
      (r.patterns ?? []).some((p) => p.test(path) || p.test(base)) ||
      (r.extensions ?? []).some((e) => base.toLowerCase().endsWith(e));
    if (!claims || (r.sniff && !r.sniff(text))) continue;
    const got = r.read(path, text);
    if (got.apis) facts.apis = [...(facts.apis ?? []), ...got.apis];
    if (got.intro) facts.intro = got.intro;
    if (got.warnings) facts.warnings = [...(facts.warnings ?? []), ...got.warnings];
  }
  return facts;
}

/** "REST GET /x serves @12" strings: compact, and a failing assertion shows the whole list. */
export function apis(fixtureName: string, path: string): string[] {
  return (readSource(fixtureName, path).apis ?? []).map(show);
}

export function show(a: ApiFact): string {
  return `${a.style} ${a.name} ${a.role ?? '-'} @${a.line ?? '?'}`;
}
