/** The README's sample of real output is real: it matches the example's generated document block for block. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { repoRoot } from '../helpers.js';

it('the README sample equals the blocks of examples/shop/ARCHITECTURE.md', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const doc = readFileSync(join(repoRoot, 'examples', 'shop', 'ARCHITECTURE.md'), 'utf8');
  for (const section of ['high-level-architecture', 'data-flow']) {
    const begin = `<!-- BEGIN_ARCHMD section="${section}" -->`;
    const end = `<!-- END_ARCHMD section="${section}" -->`;
    const block = doc.slice(doc.indexOf(begin), doc.indexOf(end) + end.length);
    assert.ok(block.length > begin.length + end.length, `${section} is in the example document`);
    assert.ok(readme.includes(block), `the README shows the current ${section} block (copy it from examples/shop/ARCHITECTURE.md)`);
  }
});
