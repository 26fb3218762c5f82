import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { URN_SHAPE } from '../features/reference/providers';
import { syntheticPostcodes } from './postcodes';
import { demoUrn } from './providers';

describe("the demo's synthetic URNs", () => {
  const all = syntheticPostcodes();
  const first = all[0]?.postcode ?? '';
  const second = all[1]?.postcode ?? '';

  it('makes the URN from the postcode, kind of setting and provider', () => {
    // 100000 + (postcode index × 4 kinds + kind index) × 6 providers + provider index:
    // first postcode, K1 (kind 0), PR0 (provider 0): 100000; K2 (kind 1) PR4: 100000 + 1 × 6 + 4 = 100010;
    // second postcode, K1, PR0: 100000 + (1 × 4 + 0) × 6 = 100024; SUP (kind 3) PR1 at the first: 100000 + 18 + 1.
    assert.equal(demoUrn(first, 'K1', 'PR0'), 'SC100000');
    assert.equal(demoUrn(first, 'K2', 'PR4'), 'SC100010');
    assert.equal(demoUrn(second, 'K1', 'PR0'), 'SC100024');
    assert.equal(demoUrn(first, 'SUP', 'PR1'), 'SC100019');
    assert.throws(() => demoUrn(first, 'U1', 'PR1'), /no URN/);
  });

  it('gives every setting its own URN, shaped like an Ofsted URN', () => {
    const urns = new Set<string>();
    for (const p of all)
      for (const kind of ['K1', 'K2', 'S1', 'SUP'])
        for (const provider of ['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5'])
          urns.add(demoUrn(p.postcode, kind, provider));
    assert.equal(urns.size, all.length * 4 * 6);
    assert.ok([...urns].every((u) => URN_SHAPE.test(u)));
  });
});
