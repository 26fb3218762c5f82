import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule1003, rule184, rule331, rule333, rule334, rule601, rule602 } from './adoption';
import { hits } from './testing';

describe('903 adoption rules', () => {
  const Episodes = [
    { CHILD: 'A', DECOM: '2024-01-01', DEC: '2025-09-01', REC: 'E11' }, // adopted in 2025/26, has AD1
    { CHILD: 'B', DECOM: '2024-01-01', DEC: '2025-10-01', REC: 'E12' }, // adopted, no AD1: 601 at line 3
    { CHILD: 'C', DECOM: '2024-01-01', DEC: '2025-10-01', REC: 'E4A' }, // AD1 but not adopted: 602
  ];
  const AD1 = [{ CHILD: 'A' }, { CHILD: 'C' }];
  it('601: an adoption in the year needs AD1', () => {
    assert.deepEqual(hits(rule601, { Episodes, AD1 }), ['Episodes.csv:3']);
  });
  it('602: AD1 needs an adoption in the year', () => {
    assert.deepEqual(hits(rule602, { Episodes, AD1 }), ['AD1.csv:3']);
  });

  it('331: matched with the adopters on or before the adoption placement began', () => {
    const eps = [
      { CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-12-01', REC: 'E11' },
      { CHILD: 'B', DECOM: '2025-05-01', DEC: '2025-12-01', REC: 'E12' },
    ];
    const AD1 = [
      { CHILD: 'A', DATE_MATCH: '2025-05-02' }, // 2 fails: matched the day after the placement began
      { CHILD: 'B', DATE_MATCH: '2025-05-01' }, // 3 passes: the same day
    ];
    assert.deepEqual(hits(rule331, { Episodes: eps, AD1 }), ['AD1.csv:2']);
  });
  it('333: the decision to place for adoption is given and on or before the match', () => {
    const AD1 = [
      { DATE_INT: '2025-05-02', DATE_MATCH: '2025-05-01' }, // 2 fails: after the match
      { DATE_INT: null, DATE_MATCH: '2025-05-01' }, // 3 fails: missing
      { DATE_INT: '2025-05-01', DATE_MATCH: '2025-05-01' }, // 4 passes: the same day
      { DATE_INT: null, DATE_MATCH: null }, // 5 passes: no match yet
    ];
    assert.deepEqual(hits(rule333, { AD1 }), ['AD1.csv:2', 'AD1.csv:3']);
  });
  it('184: the decision to place for adoption is not before the birth', () => {
    const Header = [
      { CHILD: 'A', DOB: '2024-06-01' },
      { CHILD: 'B', DOB: '2024-06-01' },
    ];
    const PlacedAdoption = [
      { CHILD: 'A', DATE_PLACED: '2024-05-31' }, // 2 fails
      { CHILD: 'B', DATE_PLACED: '2024-06-01' }, // 3 passes: the day of birth
    ];
    assert.deepEqual(hits(rule184, { Header, PlacedAdoption }), ['PlacedAdoption.csv:2']);
  });

  it('1003/334: the adoption decisions are not before care began', () => {
    // A's periods: one from 1 May 2023 (RNE S), another from 1 June 2025 (RNE S).
    const eps = [
      { CHILD: 'A', DECOM: '2023-05-01', DEC: '2024-01-01', REC: 'E4A', RNE: 'S' },
      { CHILD: 'A', DECOM: '2025-06-01', RNE: 'S' },
    ];
    // 1003 compares with the first start (1 May 2023): the day before fails, the day itself passes.
    const PlacedAdoption = [
      { CHILD: 'A', DATE_PLACED: '2023-04-30' },
      { CHILD: 'A', DATE_PLACED: '2023-05-01' },
    ];
    assert.deepEqual(hits(rule1003, { Episodes: eps, PlacedAdoption }), ['PlacedAdoption.csv:2']);
    // 334 compares with the last start (1 June 2025).
    const AD1 = [
      { CHILD: 'A', DATE_INT: '2025-05-31' },
      { CHILD: 'A', DATE_INT: '2025-06-01' },
    ];
    assert.deepEqual(hits(rule334, { Episodes: eps, AD1 }), ['AD1.csv:2']);
  });
});
