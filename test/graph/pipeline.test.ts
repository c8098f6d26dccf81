/** The graph against the real per-file extraction (manifest readers included), not hand-built manifest facts. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { extractFile } from '../../src/detect/extract.js';
import type { FileFacts } from '../../src/detect/facts.js';
import { resolveImports } from '../../src/model/graph/index.js';
import { fixture } from '../helpers.js';

function extractAll(name: string) {
  const root = fixture(name);
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  const files = walk(root).map((f) => relative(root, f).split('\\').join('/')).sort();
  const facts = new Map<string, FileFacts>(files.map((f) => [f, extractFile(f, readFileSync(join(root, f), 'utf8'))]));
  return resolveImports({ files, facts });
}

describe('graph with the full extraction', () => {
  it('Go: go.mod module paths from the manifest reader resolve the cross-module import', () => {
    const r = extractAll('graph-go');
    assert.ok(r.edges.some((e) => e.from === 'api/main.go' && e.line === 9 && e.to === 'lib/store/cache.go'));
    assert.deepEqual([...new Set(r.external.map((e) => e.name))], ['github.com/gin-gonic/gin']);
  });
  it('Rust: Cargo package names from the manifest reader resolve the workspace crate', () => {
    const r = extractAll('graph-rust');
    assert.ok(r.edges.some((e) => e.from === 'crates/cli/src/main.rs' && e.line === 3 && e.to === 'crates/core/src/parser.rs'));
    assert.deepEqual(r.external.map((e) => e.name), ['clap', 'serde']);
  });
  it('TS: workspaces from the manifest reader keep the package map to members', () => {
    const r = extractAll('graph-ts-monorepo');
    assert.ok(r.edges.some((e) => e.from === 'apps/web/src/main.tsx' && e.line === 3 && e.to === 'packages/shared/src/index.ts'));
    assert.equal(r.unresolved, 0);
  });
});
