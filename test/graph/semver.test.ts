import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { satisfiesRange } from '../../src/model/graph/semver.js';

describe('satisfiesRange', () => {
  it('reads the ranges package.json writes', () => {
    assert.equal(satisfiesRange('3.38.4', '3.38.4'), true);
    assert.equal(satisfiesRange('3.38.4', '4.16.0'), false);
    assert.equal(satisfiesRange('^1.2.0', '1.9.3'), true);
    assert.equal(satisfiesRange('^1.2.0', '2.0.0'), false);
    assert.equal(satisfiesRange('^0.2.3', '0.2.9'), true);
    assert.equal(satisfiesRange('^0.2.3', '0.3.0'), false);
    assert.equal(satisfiesRange('~1.2.3', '1.2.9'), true);
    assert.equal(satisfiesRange('~1.2.3', '1.3.0'), false);
    assert.equal(satisfiesRange('>=1.0.0 <2.0.0', '1.5.0'), true);
    assert.equal(satisfiesRange('>=1.0.0 <2.0.0', '2.0.0'), false);
    assert.equal(satisfiesRange('1.x', '1.4.0'), true);
    assert.equal(satisfiesRange('1.x || 3.x', '3.0.1'), true);
    assert.equal(satisfiesRange('1.0.0 - 2.0.0', '2.0.0'), true);
    assert.equal(satisfiesRange('*', undefined), true);
  });

  it('matches nothing it cannot read: a dist-tag, a catalog, a git spec, a member without a version', () => {
    assert.equal(satisfiesRange('latest', '1.0.0'), false);
    assert.equal(satisfiesRange('catalog:', '1.0.0'), false);
    assert.equal(satisfiesRange('github:acme/x', '1.0.0'), false);
    assert.equal(satisfiesRange('^1.0.0', undefined), false);
  });
});
