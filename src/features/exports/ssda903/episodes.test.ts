import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { episodesOf, type PlacementIn } from './episodes';

const place = (
  startDate: string,
  endDate: string | null,
  placementType: string,
  carerRef: string,
  changeReason: string | null = null,
): PlacementIn => ({
  startDate,
  endDate,
  placementType,
  provider: 'PR1',
  carerRef,
  postcodeDistrict: 'N1',
  urn: null,
  changeReason,
});
const YEAR = { start: '2025-04-01', end: '2026-03-31' };

describe('SSDA903 episodes from legal statuses × placements', () => {
  const period = {
    startDate: '2025-05-01',
    endDate: '2026-02-01',
    reasonCeased: 'E4A',
    categoryOfNeed: 'N1',
    homePostcodeDistrict: 'N2',
  };
  const legal = [
    { legalStatus: 'V2', startDate: '2025-05-01', endDate: '2025-06-01' },
    { legalStatus: 'C1', startDate: '2025-06-01', endDate: '2026-02-01' },
  ];
  const placements = [
    place('2025-05-01', '2025-06-01', 'U6', 'A', 'CARPL'),
    place('2025-06-01', '2025-09-01', 'U4', 'A', 'CREQB'), // same carer, with a legal change: U
    place('2025-09-01', '2025-12-01', 'U4', 'B', 'CHILD'), // new carer: P
    place('2025-12-01', '2026-02-01', 'U4', 'B'), // same carer, placement only: T
  ];

  it("writes S, then U, P, T with X1, the change reasons, and the period's REC last", () => {
    const eps = episodesOf(period, legal, placements, YEAR);
    assert.deepEqual(
      eps.map((e) => [e.DECOM, e.RNE, e.LS, e.PLACE, e.DEC, e.REC, e.REASON_PLACE_CHANGE]),
      [
        ['2025-05-01', 'S', 'V2', 'U6', '2025-06-01', 'X1', 'CARPL'],
        ['2025-06-01', 'U', 'C1', 'U4', '2025-09-01', 'X1', 'CREQB'],
        ['2025-09-01', 'P', 'C1', 'U4', '2025-12-01', 'X1', 'CHILD'],
        ['2025-12-01', 'T', 'C1', 'U4', '2026-02-01', 'E4A', null],
      ],
    );
  });

  it('L for a legal status change alone; B for legal status, placement and carer', () => {
    const eps = episodesOf(
      { ...period, endDate: null, reasonCeased: null },
      [
        { legalStatus: 'V2', startDate: '2025-05-01', endDate: '2025-06-01' },
        { legalStatus: 'C1', startDate: '2025-06-01', endDate: '2025-07-01' },
        { legalStatus: 'C2', startDate: '2025-07-01', endDate: null },
      ],
      [place('2025-05-01', '2025-07-01', 'U6', 'A'), place('2025-07-01', null, 'U4', 'B')],
      YEAR,
    );
    assert.deepEqual(
      eps.map((e) => [e.RNE, e.DEC, e.REC]),
      [
        ['S', '2025-06-01', 'X1'],
        ['L', '2025-07-01', 'X1'],
        ['B', null, null],
      ],
    );
  });

  it('as at 31 March: leaves out what ended before 1 April and opens what ends after 31 March', () => {
    const eps = episodesOf(period, legal, placements, { start: '2025-09-01', end: '2025-10-31' });
    // Episodes ending 1 June and 1 September: the first ended before 1 September and is left out; the one ending on
    // 1 September is in; the one running to 1 December is open at 31 October; the one from 1 December is not there.
    assert.deepEqual(
      eps.map((e) => [e.DECOM, e.RNE, e.DEC, e.REC, e.REASON_PLACE_CHANGE]),
      [
        ['2025-06-01', 'U', '2025-09-01', 'X1', 'CREQB'],
        ['2025-09-01', 'P', null, null, null],
      ],
    );
  });
});
