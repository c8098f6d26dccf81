/** A link to a file inside the repository is read as that file; a link that leaves it never is. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { analyze } from '../../src/index.js';

it('reads a README that links inside the repository, never a manifest that links outside it', async () => {
  const root = mkdtempSync(join(tmpdir(), 'archmd-links-'));
  const outside = mkdtempSync(join(tmpdir(), 'archmd-outside-'));
  try {
    mkdirSync(join(root, 'crate'));
    writeFileSync(join(root, 'crate', 'README.md'), '# quill\n\nQuill formats prose for terminals, wrapping and hyphenating it.\n');
    symlinkSync(join('crate', 'README.md'), join(root, 'README.md'));
    writeFileSync(join(outside, 'package.json'), '{ "name": "secret", "dependencies": { "mongoose": "^8.0.0" } }\n');
    symlinkSync(join(outside, 'package.json'), join(root, 'package.json'));
    const model = await analyze(root, { cache: false });
    assert.equal(model.system.name.value, 'quill');
    assert.equal(model.system.name.evidence[0].file, 'README.md');
    assert.ok(!model.technologies.some((t) => t.id === 'mongoose' || t.id === 'mongodb'), 'the outside manifest was not read');
    assert.ok(model.warnings.some((w) => /symbolic link/.test(w.message)));
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});
