import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  rule1004,
  rule1005,
  rule102,
  rule112,
  rule113,
  rule115,
  rule116,
  rule141,
  rule147,
  rule171,
  rule700,
  rule701,
  ruleSW04STG1,
  ruleSW05STG1,
} from './dates';
import { hits } from './testing';

// Rows hold dates as the reader leaves them: YYYY-MM-DD when valid, the text as written when not.
describe('903 date validity rules', () => {
  it('102: DOB', () => {
    assert.deepEqual(hits(rule102, { Header: [{ DOB: '2012-06-15' }, { DOB: '31/02/2012' }] }), ['Header.csv:3']);
  });
  it('141: DECOM', () => {
    assert.deepEqual(hits(rule141, { Episodes: [{ DECOM: '2025-05-01' }, { DECOM: '2025-13-01' }] }), [
      'Episodes.csv:3',
    ]);
  });
  it('147: DEC, blank allowed', () => {
    assert.deepEqual(hits(rule147, { Episodes: [{ DEC: null }, { DEC: '2025-06-01' }, { DEC: 'June 2025' }] }), [
      'Episodes.csv:4',
    ]);
  });
  it('700/701: DoLO dates, from 2026/27 only', () => {
    const DoLo = [
      { DOLO_START: '2026-05-01', DOLO_END: null },
      { DOLO_START: '2000/12/10', DOLO_END: '01-13-2026' },
    ];
    assert.deepEqual(hits(rule700, { DoLo }, 2027), ['DoLo.csv:3']);
    assert.deepEqual(hits(rule701, { DoLo }, 2027), ['DoLo.csv:3']);
    assert.deepEqual(hits(rule700, { DoLo }, 2026), []);
  });
  it('112/113/115/116/171: adoption dates and MC_DOB, blank allowed', () => {
    // Each: line 2 a date, line 3 not a date, line 4 blank.
    const AD1 = [
      { DATE_INT: '2025-05-01', DATE_MATCH: '2025-06-01' },
      { DATE_INT: '2025-02-30', DATE_MATCH: '1/6/25x' },
      { DATE_INT: null, DATE_MATCH: null },
    ];
    assert.deepEqual(hits(rule112, { AD1 }), ['AD1.csv:3']);
    assert.deepEqual(hits(rule113, { AD1 }), ['AD1.csv:3']);
    const PlacedAdoption = [
      { DATE_PLACED: '2025-05-01', DATE_PLACED_CEASED: '2025-09-01' },
      { DATE_PLACED: 'soon', DATE_PLACED_CEASED: '2025-09-31' },
      { DATE_PLACED: null, DATE_PLACED_CEASED: null },
    ];
    assert.deepEqual(hits(rule115, { PlacedAdoption }), ['PlacedAdoption.csv:3']);
    assert.deepEqual(hits(rule116, { PlacedAdoption }), ['PlacedAdoption.csv:3']);
    assert.deepEqual(
      hits(rule171, { Header: [{ MC_DOB: '2024-01-01' }, { MC_DOB: '2024-00-01' }, { MC_DOB: null }] }),
      ['Header.csv:3'],
    );
  });
  it('SW04STG1/SW05STG1: social worker episode dates, from 2023/24 only', () => {
    const SWEpisodes = [
      { SW_DECOM: '2025-05-01', SW_DEC: null },
      { SW_DECOM: '2025-05-32', SW_DEC: '2025-13-01' },
    ];
    assert.deepEqual(hits(ruleSW04STG1, { SWEpisodes }), ['SWEpisodes.csv:3']);
    assert.deepEqual(hits(ruleSW05STG1, { SWEpisodes }), ['SWEpisodes.csv:3']);
    assert.deepEqual(hits(ruleSW04STG1, { SWEpisodes }, 2023), []);
  });
  it('1004/1005: missing dates, blank allowed (a blank MIS_START is rule 564)', () => {
    const Missing = [
      { MIS_START: '2025-05-01', MIS_END: '2025-05-02' },
      { MIS_START: '2025-04-31', MIS_END: '2025-05-32' },
      { MIS_START: null, MIS_END: null },
    ];
    assert.deepEqual(hits(rule1004, { Missing }), ['Missing.csv:3']);
    assert.deepEqual(hits(rule1005, { Missing }), ['Missing.csv:3']);
  });
});
