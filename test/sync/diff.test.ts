import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unifiedDiff } from '../../src/sync/index.js';

const labels = { from: 'a.md', to: 'b.md' };
const lines = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `line ${i + from}`);

test('equal texts have no diff', () => {
  assert.equal(unifiedDiff('x\ny\n', 'x\ny\n', labels), '');
  assert.equal(unifiedDiff('', '', labels), '');
});

test('distant changes make separate hunks with three lines of context', () => {
  const a = lines(20).join('\n') + '\n';
  const b = a.replace('line 2\n', 'line two\n').replace('line 18\n', '');
  assert.equal(
    unifiedDiff(a, b, labels),
    [
      '--- a.md', '+++ b.md',
      '@@ -1,5 +1,5 @@', ' line 1', '-line 2', '+line two', ' line 3', ' line 4', ' line 5',
      '@@ -15,6 +15,5 @@', ' line 15', ' line 16', ' line 17', '-line 18', ' line 19', ' line 20',
      '',
    ].join('\n'),
  );
});

test('changes close together share one hunk', () => {
  const a = lines(12).join('\n') + '\n';
  const b = a.replace('line 3\n', 'three\n').replace('line 9\n', 'nine\n');
  const diff = unifiedDiff(a, b, labels);
  assert.equal(diff.match(/^@@/gm)?.length, 1);
  assert.match(diff, /^@@ -1,12 \+1,12 @@$/m);
});

test('insertion into and deletion of everything use GNU empty ranges', () => {
  assert.equal(unifiedDiff('', 'a\nb\n', labels), '--- a.md\n+++ b.md\n@@ -0,0 +1,2 @@\n+a\n+b\n');
  assert.equal(unifiedDiff('a\n', '', labels), '--- a.md\n+++ b.md\n@@ -1 +0,0 @@\n-a\n');
});

test('a missing final newline is shown', () => {
  assert.equal(unifiedDiff('a\n', 'a', labels), '--- a.md\n+++ b.md\n@@ -1 +1 @@\n-a\n+a\n\\ No newline at end of file\n');
});

test('applying the diff hunks reproduces the new text', () => {
  const a = ['x', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'y', 'z'].join('\n') + '\n';
  const b = ['a', 'b', 'B', 'c', 'd', 'e', 'f', 'g', 'h', 'y', 'w', 'z'].join('\n') + '\n';
  const diff = unifiedDiff(a, b, labels);
  const oldLines = a.split('\n').slice(0, -1);
  const out: string[] = [];
  let at = 0;
  for (const hunk of diff.split(/^(?=@@)/m).slice(1)) {
    const [header, ...body] = hunk.split('\n').filter((l) => l !== '');
    const start = Number(/^@@ -(\d+)/.exec(header)![1]);
    while (at < start - 1) out.push(oldLines[at++]);
    for (const line of body) {
      if (line[0] === ' ') { out.push(line.slice(1)); at++; }
      else if (line[0] === '-') at++;
      else if (line[0] === '+') out.push(line.slice(1));
    }
  }
  while (at < oldLines.length) out.push(oldLines[at++]);
  assert.equal(out.join('\n') + '\n', b);
});

test('hunk headers can count lines of a larger file', () => {
  const diff = unifiedDiff('a\nb\n', 'a\nc\n', { ...labels, fromLine: 40, toLine: 42 });
  assert.match(diff, /^@@ -40,2 \+42,2 @@$/m);
});

test('texts that differ only in line endings say so instead of showing no change', () => {
  assert.equal(unifiedDiff('a\r\nb\r\n', 'a\nb\n', labels), '--- a.md\n+++ b.md\n@@ line endings differ @@\n');
});
