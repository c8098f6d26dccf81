import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregateEdges, findCycles } from '../../src/model/graph/index.js';

describe('findCycles', () => {
  it('returns only components with more than one member, sorted', () => {
    const edges = [
      { from: 'c', to: 'a' },
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
      { from: 'x', to: 'x' },
      { from: 'd', to: 'e' },
      { from: 'z', to: 'y' },
      { from: 'y', to: 'z' },
    ];
    assert.deepEqual(findCycles(['a', 'b', 'c', 'd', 'e', 'x', 'y', 'z'], edges), [
      ['a', 'b', 'c'],
      ['y', 'z'],
    ]);
  });
  it('handles a 60k-node chain closed into one cycle without recursion', () => {
    const n = 60_000;
    const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
    const edges = nodes.map((from, i) => ({ from, to: nodes[(i + 1) % n] }));
    const cycles = findCycles(nodes, edges);
    assert.equal(cycles.length, 1);
    assert.equal(cycles[0].length, n);
  });
  it('finds nothing in a DAG', () => {
    assert.deepEqual(findCycles(['a', 'b', 'c'], [{ from: 'a', to: 'b' }, { from: 'a', to: 'c' }, { from: 'b', to: 'c' }]), []);
  });
});

describe('aggregateEdges', () => {
  it('rolls file edges up by owner, drops self edges, keeps sorted sample evidence', () => {
    const edges = [
      { from: 'api/b.ts', to: 'lib/x.ts', line: 9, kind: 'static' as const },
      { from: 'api/a.ts', to: 'lib/y.ts', line: 2, kind: 'type' as const },
      { from: 'api/a.ts', to: 'api/c.ts', line: 1, kind: 'static' as const },
      { from: 'lib/x.ts', to: 'tools/t.ts', line: 3, kind: 'type' as const },
      { from: 'other.ts', to: 'lib/x.ts', line: 1, kind: 'static' as const },
    ];
    const owner = (p: string) => (p.includes('/') ? p.split('/')[0] : undefined);
    assert.deepEqual(aggregateEdges(edges, owner), [
      {
        from: 'api',
        to: 'lib',
        weight: 2,
        evidence: [
          { file: 'api/a.ts', line: 2, rule: 'import' },
          { file: 'api/b.ts', line: 9, rule: 'import' },
        ],
        typeOnly: false,
      },
      { from: 'lib', to: 'tools', weight: 1, evidence: [{ file: 'lib/x.ts', line: 3, rule: 'import' }], typeOnly: true },
    ]);
  });
});
