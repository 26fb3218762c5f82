import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule527, rule528, rule529, rule530, rule531 } from './providers';
import { hits } from './testing';

describe('903 placement provider rules', () => {
  it('527: PR1 cannot run P1, R2 or R5', () => {
    const Episodes = [
      { PLACE_PROVIDER: 'PR1', PLACE: 'P1' }, // line 2 fails
      { PLACE_PROVIDER: 'PR1', PLACE: 'U4' }, // 3 passes: own-LA foster care
      { PLACE_PROVIDER: 'PR1', PLACE: 'R5' }, // 4 fails
      { PLACE_PROVIDER: 'PR2', PLACE: 'R2' }, // 5 passes: not PR1 (that is 528)
      { PLACE_PROVIDER: null, PLACE: 'R2' }, // 6 passes: no provider
    ];
    assert.deepEqual(hits(rule527, { Episodes }), ['Episodes.csv:2', 'Episodes.csv:4']);
  });
  it('528: PR2 cannot run P1, R2 or R5', () => {
    const Episodes = [
      { PLACE_PROVIDER: 'PR2', PLACE: 'R2' }, // 2 fails
      { PLACE_PROVIDER: 'PR2', PLACE: 'K2' }, // 3 passes
      { PLACE_PROVIDER: 'PR1', PLACE: 'R2' }, // 4 passes: PR1 (that is 527)
    ];
    assert.deepEqual(hits(rule528, { Episodes }), ['Episodes.csv:2']);
  });
  it('529: PR3 cannot run P1, A3–A6, K1, K2 or U1–U6', () => {
    const Episodes = [
      { PLACE_PROVIDER: 'PR3', PLACE: 'U3' }, // 2 fails
      { PLACE_PROVIDER: 'PR3', PLACE: 'R2' }, // 3 passes: NHS placement by another public body
      { PLACE_PROVIDER: 'PR3', PLACE: 'A6' }, // 4 fails
      { PLACE_PROVIDER: 'PR3', PLACE: 'K1' }, // 5 fails
      { PLACE_PROVIDER: 'PR4', PLACE: 'K2' }, // 6 passes: private
      { PLACE_PROVIDER: 'PR3', PLACE: null }, // 7 passes: no placement
    ];
    assert.deepEqual(hits(rule529, { Episodes }), ['Episodes.csv:2', 'Episodes.csv:4', 'Episodes.csv:5']);
  });
  it('530/531: PR4 and PR5 cannot run P1', () => {
    const Episodes = [
      { PLACE_PROVIDER: 'PR4', PLACE: 'P1' }, // 2 fails 530
      { PLACE_PROVIDER: 'PR5', PLACE: 'P1' }, // 3 fails 531
      { PLACE_PROVIDER: 'PR4', PLACE: 'K2' }, // 4 passes both
      { PLACE_PROVIDER: 'PR5', PLACE: 'U4' }, // 5 passes both
      { PLACE_PROVIDER: 'PR0', PLACE: 'P1' }, // 6 passes both (PR0 with P1 is right, rule 550)
    ];
    assert.deepEqual(hits(rule530, { Episodes }), ['Episodes.csv:2']);
    assert.deepEqual(hits(rule531, { Episodes }), ['Episodes.csv:3']);
  });
});
