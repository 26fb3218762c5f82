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

  it('writes the full postcodes (the district where only it is held) and none for a short break (V3/V4)', () => {
    const full = { ...period, homePostcode: 'N2 8AB' };
    const legalStatuses = [
      { legalStatus: 'C2', startDate: '2025-05-01', endDate: '2025-08-01' },
      { legalStatus: 'V3', startDate: '2025-08-01', endDate: '2026-02-01' },
    ];
    const one = [
      { ...place('2025-05-01', '2025-07-01', 'K2', 'A'), postcode: 'N1 1AB', urn: 'SC123456' },
      place('2025-07-01', '2026-02-01', 'K2', 'B'),
    ];
    const eps = episodesOf(full, legalStatuses, one, YEAR);
    // 1 May: C2 at N1 1AB; 1 July: the second placement, held with its district only (N1); 1 August: V3, no location.
    assert.deepEqual(
      eps.map((e) => [e.DECOM, e.LS, e.HOME_POST, e.PL_POST, e.URN]),
      [
        ['2025-05-01', 'C2', 'N2 8AB', 'N1 1AB', 'SC123456'],
        ['2025-07-01', 'C2', 'N2 8AB', 'N1', null],
        ['2025-08-01', 'V3', null, null, null],
      ],
    );
    // A period held with its district only writes the district, as before decision 0027.
    assert.equal(episodesOf(period, legalStatuses, one, YEAR)[0]?.HOME_POST, 'N2');
  });
});
