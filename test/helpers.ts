/** Shared by tests: where the fixture repositories live, whether the tests run from src or dist. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/index.js';
import type { ArchitectureModel } from '../src/model/types.js';

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

export function writeFiles(root: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** Writes `files` into a temporary repository before the suite, hands its model over, and removes it after. */
export function analyzed(prefix: string, files: Record<string, string>, use: (model: ArchitectureModel) => void): void {
  let root = '';
  before(async () => {
    root = mkdtempSync(join(tmpdir(), prefix));
    writeFiles(root, files);
    use(await analyze(root, { cache: false }));
  });
  after(() => rmSync(root, { recursive: true, force: true }));
}
