/** Shared by tests: where the fixture repositories live, whether the tests run from src or dist. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'archmd') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('archmd repository root not found');
    dir = parent;
  }
}

export const repoRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

/** Absolute path of a fixture repository under test/fixtures. */
export function fixture(name: string): string {
  return resolve(repoRoot, 'test', 'fixtures', name);
}
