import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PostcodeFacts } from '../../../../reference/postcodes';
import { IssueLog } from '../../../issues';
import { runRules } from '../../../rules';
import { buildContext } from './context';
import { rule218 } from './placement';
import { buildCrossYearContext, type CrossYearRule } from './cross-year-context';
import { rule452, rule453, rule503G, rule503GDerived, rule503HDerived, rule503JDerived } from './cross-year';
import {
  deriveLocations,
  lookupCodes,
  outsideEngland,
  postcodesOf,
  rule1015,
  rule164,
  rule169,
  rule179,
  rule214,
  rule392a,
  rule392b,
  rule392c,
  rule392d,
  rule398,
  rule406,
  rule411,
  rule420,
  rule454,
  type LocationRule,
} from './location';
import { returnOf, type Partial903 } from './testing';

const OWN = 'E09000003';
/** A synthetic lookup: grid references in metres, chosen so that distances are easy to work by hand. */
const LOOKUP: Record<string, PostcodeFacts> = {
  // Home, at (530000, 180000).
  'N12 0AB': { laCode: OWN, grid: { easting: 530000, northing: 180000 }, source: 'test' },
  // 3,000 m east and 4,000 m north of home: 5,000 m = 5 km ÷ 1.6093 = 3.107 → 3.1 miles; in the authority.
  'N12 1AB': { laCode: OWN, grid: { easting: 533000, northing: 184000 }, source: 'test' },
  // In Hertfordshire (county code), 30,000 m north and 40,000 m east: 50 km ÷ 1.6093 = 31.07 → 31.1 miles.
  'AL1 1AB': { laCode: 'E10000015', grid: { easting: 570000, northing: 210000 }, source: 'test' },
  // In Wales (W code), 563,255 m west: 563.255 ÷ 1.6093 = 350.0 miles exactly.
  'CF10 1AB': { laCode: 'W06000015', grid: { easting: 530000 - 563255, northing: 180000 }, source: 'test' },
  // 564,900 m west: 564.9 ÷ 1.6093 = 351.02 → 351.0 miles.
  'SA1 1AB': { laCode: 'W06000011', grid: { easting: 530000 - 564900, northing: 180000 }, source: 'test' },
  // 1,609,300 m north: 1,000.0 miles; and 1,609,139 m: 999.9 miles (1,609.139 ÷ 1.6093 = 999.90).
  'ZE1 0AA': { laCode: 'S12000027', grid: { easting: 530000, northing: 180000 + 1609300 }, source: 'test' },
  'ZE2 9AA': { laCode: 'S12000027', grid: { easting: 530000, northing: 180000 + 1609139 }, source: 'test' },
  // In the directory with no grid reference.
  'N12 9ZZ': { laCode: OWN, grid: null, source: 'test' },
};

function run(
  rule: LocationRule,
  tables: Partial903,
  options: { lookup?: boolean; authority?: string | null; uascLast?: string[] } = {},
  year = 2026,
): string[] {
  const ret = returnOf(tables);
  const facts = options.lookup === false ? null : new Map(Object.entries(LOOKUP));
  const authorityCode = options.authority === undefined ? OWN : options.authority;
  const formerUasc = new Set([...ret.UASC.map((u) => u.CHILD ?? ''), ...(options.uascLast ?? [])]);
  const ctx = {
    ...buildContext(ret, year),
    formerUasc,
    authorityCode,
    derived: facts ? deriveLocations(ret.Episodes, facts, authorityCode) : null,
    found: facts ? new Set(facts.keys()) : null,
  };
  const issues = new IssueLog();
  runRules([rule], year, ctx, issues);
  return issues.list().map((i) => `${String(i.row)}:${String(i.column)}`);
}

describe('903 location: deriving PL_LA, PL_LOCATION and PL_DISTANCE', () => {
  it('derives the fields as the DfE guidance does, ignoring case and spaces', () => {
    const ret = returnOf({
      Episodes: [
        { CHILD: 'A', HOME_POST: 'n120ab', PL_POST: 'N12 1AB' }, // in the authority, 3.1 miles
        { CHILD: 'B', HOME_POST: 'N12 0AB', PL_POST: 'AL1  1AB' }, // Hertfordshire, 31.1 miles
        { CHILD: 'C', HOME_POST: null, PL_POST: 'CF10 1AB' }, // Wales; no home: no distance
        { CHILD: 'D', HOME_POST: 'N12 0AB', PL_POST: 'XX1 1XX' }, // not in the lookup: all blank
        { CHILD: 'E', HOME_POST: 'N12 0AB', PL_POST: 'N12 9ZZ' }, // found without a grid reference: no distance
      ],
    });
    const derived = deriveLocations(ret.Episodes, new Map(Object.entries(LOOKUP)), OWN);
    assert.deepEqual(
      ret.Episodes.map((e) => derived.get(e)),
      [
        { PL_LA: OWN, PL_LOCATION: 'IN', PL_DISTANCE: 3.1 },
        { PL_LA: 'E10000015', PL_LOCATION: 'OUT', PL_DISTANCE: 31.1 },
        { PL_LA: 'WAL', PL_LOCATION: 'OUT', PL_DISTANCE: null },
        { PL_LA: null, PL_LOCATION: null, PL_DISTANCE: null },
        { PL_LA: OWN, PL_LOCATION: 'IN', PL_DISTANCE: null },
      ],
    );
    // Each postcode once, in Lantern's form, only those shaped like postcodes.
    assert.deepEqual(postcodesOf(ret.Episodes).sort(), [
      'AL1 1AB',
      'CF10 1AB',
      'N12 0AB',
      'N12 1AB',
      'N12 9ZZ',
      'XX1 1XX',
    ]);
  });

  it('names the rules not run without a lookup, 454 only from 2025/26', () => {
    assert.ok(lookupCodes(2026).includes('454'));
    assert.ok(!lookupCodes(2025).includes('454'));
  });
});

describe('903 location rules', () => {
  it('164: distance outside 0–999.9 miles; 999.9 passes; former UASC and short breaks are not checked', () => {
    const Episodes = [
      { CHILD: 'A', LS: 'C2', HOME_POST: 'N12 0AB', PL_POST: 'ZE1 0AA' }, // line 2: 1000.0 miles, fails
      { CHILD: 'B', LS: 'C2', HOME_POST: 'N12 0AB', PL_POST: 'ZE2 9AA' }, // line 3: 999.9, passes
      { CHILD: 'C', LS: 'C2', HOME_POST: 'N12 0AB', PL_POST: 'ZE1 0AA' }, // line 4: UASC last year, not checked
      { CHILD: 'D', LS: 'V3', HOME_POST: 'N12 0AB', PL_POST: 'ZE1 0AA' }, // line 5: short break, not checked
    ];
    assert.deepEqual(run(rule164, { Episodes }, { uascLast: ['C'] }), ['2:PL_POST']);
    assert.deepEqual(run(rule164, { Episodes }, { lookup: false }), []);
  });

  it('169 and 179: no PL_LA / PL_LOCATION (placement postcode blank or not found), except short breaks', () => {
    const Episodes = [
      { CHILD: 'A', LS: 'C2', PL_POST: 'N12 1AB' }, // line 2: found, passes
      { CHILD: 'B', LS: 'C2', PL_POST: null }, // line 3: blank, fails
      { CHILD: 'C', LS: 'C2', PL_POST: 'XX1 1XX' }, // line 4: not found, fails
      { CHILD: 'D', LS: 'V4', PL_POST: null }, // line 5: short break, passes
    ];
    assert.deepEqual(run(rule169, { Episodes }), ['3:PL_POST', '4:PL_POST']);
    assert.deepEqual(run(rule179, { Episodes }), ['3:PL_POST', '4:PL_POST']);
    assert.deepEqual(run(rule169, { Episodes }, { lookup: false }), []);
  });

  it('214 and 398: short breaks carry no placement location; 420: nor a placement authority', () => {
    const Episodes = [
      { CHILD: 'A', LS: 'V3', PL_POST: 'N12 1AB', URN: null, HOME_POST: null }, // line 2: 214, 398, 420
      { CHILD: 'B', LS: 'V4', PL_POST: null, URN: 'SC123456', HOME_POST: null }, // line 3: 214 (URN)
      { CHILD: 'C', LS: 'V4', PL_POST: null, URN: null, HOME_POST: 'N12 0AB' }, // line 4: 398 (home)
      { CHILD: 'D', LS: 'V3', PL_POST: null, URN: null, HOME_POST: null }, // line 5: passes all
      { CHILD: 'E', LS: 'C2', PL_POST: 'N12 1AB', URN: 'SC1', HOME_POST: 'N12 0AB' }, // line 6: not a short break
    ];
    assert.deepEqual(run(rule214, { Episodes }), ['2:PL_POST', '3:URN']);
    assert.deepEqual(run(rule398, { Episodes }), ['2:PL_POST', '4:HOME_POST']);
    assert.deepEqual(run(rule420, { Episodes }), ['2:PL_POST']);
  });

  it('392a: no distance for a child never UASC (UASC this year or last is exempt)', () => {
    const Episodes = [
      { CHILD: 'A', LS: 'C2', HOME_POST: 'N12 0AB', PL_POST: 'N12 1AB' }, // line 2: 3.1 miles, passes
      { CHILD: 'B', LS: 'C2', HOME_POST: null, PL_POST: 'N12 1AB' }, // line 3: no home, fails on HOME_POST
      { CHILD: 'C', LS: 'C2', HOME_POST: null, PL_POST: 'N12 1AB' }, // line 4: UASC this year, passes
      { CHILD: 'D', LS: 'C2', HOME_POST: 'N12 0AB', PL_POST: 'N12 9ZZ' }, // line 5: no grid reference, fails
      { CHILD: 'E', LS: 'C2', HOME_POST: null, PL_POST: 'N12 1AB' }, // line 6: UASC last year, passes
    ];
    assert.deepEqual(run(rule392a, { Episodes, UASC: [{ CHILD: 'C' }] }, { uascLast: ['E'] }), [
      '3:HOME_POST',
      '5:PL_POST',
    ]);
  });

  it('392b: home or placement postcode missing, with or without a lookup', () => {
    const Episodes = [
      { CHILD: 'A', LS: 'C2', HOME_POST: 'N12 0AB', PL_POST: 'N12 1AB' }, // line 2: passes
      { CHILD: 'B', LS: 'C2', HOME_POST: 'N12 0AB', PL_POST: null }, // line 3: fails
      { CHILD: 'C', LS: 'C2', HOME_POST: null, PL_POST: 'N12 1AB' }, // line 4: UASC, passes
      { CHILD: 'D', LS: 'V3', HOME_POST: null, PL_POST: null }, // line 5: short break, passes
    ];
    assert.deepEqual(run(rule392b, { Episodes, UASC: [{ CHILD: 'C' }] }, { lookup: false }), ['3:PL_POST']);
  });

  it('392c: a postcode not shaped like one always fails; one not in the lookup fails when there is a lookup', () => {
    const Episodes = [
      { CHILD: 'A', HOME_POST: 'n12 0ab', PL_POST: 'N121AB' }, // line 2: both found (case and spaces ignored)
      { CHILD: 'B', HOME_POST: 'N12', PL_POST: null }, // line 3: a district alone is not a postcode
      { CHILD: 'C', HOME_POST: 'N12 0AB', PL_POST: 'XX1 1XX' }, // line 4: shaped like one, not in the lookup
      { CHILD: 'D', HOME_POST: 'N12 0AC', PL_POST: null }, // line 5: C is never an inward code's letter
    ];
    assert.deepEqual(run(rule392c, { Episodes }), ['3:HOME_POST', '4:PL_POST', '5:HOME_POST']);
    assert.deepEqual(run(rule392c, { Episodes }, { lookup: false }), ['3:HOME_POST', '5:HOME_POST']);
  });

  it('392d: home and placement postcodes the same (ignoring case and spaces) unless placed with parents', () => {
    const Episodes = [
      { CHILD: 'A', PLACE: 'U1', HOME_POST: 'N12 0AB', PL_POST: 'n120ab' }, // line 2: fails
      { CHILD: 'B', PLACE: 'P1', HOME_POST: 'N12 0AB', PL_POST: 'N12 0AB' }, // line 3: P1, passes
      { CHILD: 'C', PLACE: 'U1', HOME_POST: 'N12 0AB', PL_POST: 'N12 1AB' }, // line 4: differ, passes
      { CHILD: 'D', PLACE: 'U1', HOME_POST: null, PL_POST: null }, // line 5: both blank, passes
    ];
    assert.deepEqual(run(rule392d, { Episodes }, { lookup: false }), ['2:PL_POST']);
  });

  it('406: a distance for a child who is or was UASC', () => {
    const Episodes = [
      { CHILD: 'A', HOME_POST: 'N12 0AB', PL_POST: 'N12 1AB' }, // line 2: UASC, distance 3.1: fails
      { CHILD: 'B', HOME_POST: null, PL_POST: 'N12 1AB' }, // line 3: UASC, no distance: passes
      { CHILD: 'C', HOME_POST: 'N12 0AB', PL_POST: 'N12 1AB' }, // line 4: never UASC: passes
    ];
    assert.deepEqual(run(rule406, { Episodes, UASC: [{ CHILD: 'A' }, { CHILD: 'B' }] }), ['2:HOME_POST']);
  });

  it('411: IN with another authority cannot come from the derivation; not run without the authority code', () => {
    const Episodes = [{ CHILD: 'A', PL_POST: 'N12 1AB' }];
    assert.deepEqual(run(rule411, { Episodes }), []);
    assert.deepEqual(run(rule411, { Episodes }, { authority: null }), []);
  });

  it('454 (2025/26 on): more than 350 miles; exactly 350 passes', () => {
    const Episodes = [
      { CHILD: 'A', HOME_POST: 'N12 0AB', PL_POST: 'CF10 1AB' }, // line 2: 350.0, passes
      { CHILD: 'B', HOME_POST: 'N12 0AB', PL_POST: 'SA1 1AB' }, // line 3: 351.0, fails
    ];
    assert.deepEqual(run(rule454, { Episodes }), ['3:PL_POST']);
    assert.deepEqual(run(rule454, { Episodes }, {}, 2025), []);
  });

  it('1015: own provision (PR1) outside the authority, except foster carers and adopters and short breaks', () => {
    const Episodes = [
      { CHILD: 'A', LS: 'C2', PLACE: 'K2', PLACE_PROVIDER: 'PR1', PL_POST: 'N12 1AB' }, // line 2: in area, passes
      { CHILD: 'B', LS: 'C2', PLACE: 'K2', PLACE_PROVIDER: 'PR1', PL_POST: 'AL1 1AB' }, // line 3: out, fails
      { CHILD: 'C', LS: 'C2', PLACE: 'U4', PLACE_PROVIDER: 'PR1', PL_POST: 'AL1 1AB' }, // line 4: foster, passes
      { CHILD: 'D', LS: 'C2', PLACE: 'K2', PLACE_PROVIDER: 'PR4', PL_POST: 'AL1 1AB' }, // line 5: not PR1, passes
      { CHILD: 'E', LS: 'C2', PLACE: 'K2', PLACE_PROVIDER: 'PR1', PL_POST: null }, // line 6: no PL_LA, fails
      { CHILD: 'F', LS: 'V3', PLACE: 'K2', PLACE_PROVIDER: 'PR1', PL_POST: null }, // line 7: short break, passes
    ];
    assert.deepEqual(run(rule1015, { Episodes }), ['3:PL_POST', '6:PL_POST']);
    assert.deepEqual(run(rule1015, { Episodes }, { authority: null }), []);
  });
});

describe('903 rule 218 with a postcode lookup', () => {
  it('needs no URN for a placement outside England (PL_LA WAL, SCO or NIR)', () => {
    const ret = returnOf({
      Episodes: [
        { CHILD: 'A', PLACE: 'K2', URN: null, PL_POST: 'CF10 1AB' }, // line 2: Wales, passes
        { CHILD: 'B', PLACE: 'K2', URN: null, PL_POST: 'AL1 1AB' }, // line 3: England, fails
        { CHILD: 'C', PLACE: 'K2', URN: null, PL_POST: 'XX1 1XX' }, // line 4: not found, fails
      ],
    });
    const derived = deriveLocations(ret.Episodes, new Map(Object.entries(LOOKUP)), OWN);
    const issues = new IssueLog();
    runRules(
      [rule218],
      2026,
      { ...buildContext(ret, 2026), outsideEngland: outsideEngland(ret.Episodes, derived) },
      issues,
    );
    assert.deepEqual(
      issues.list().map((i) => i.row),
      [3, 4],
    );
    // Without a lookup nothing is known to be outside England: all three fail.
    const none = new IssueLog();
    runRules([rule218], 2026, { ...buildContext(ret, 2026), outsideEngland: outsideEngland(ret.Episodes, null) }, none);
    assert.equal(none.list().length, 3);
  });
});

describe('903 location rules against last year', () => {
  function crossHits(rule: CrossYearRule, now: Partial903, last: Partial903, lookup = true): string[] {
    const a = returnOf(now);
    const b = returnOf(last);
    const derived = lookup
      ? deriveLocations([...a.Episodes, ...b.Episodes], new Map(Object.entries(LOOKUP)), OWN)
      : null;
    const issues = new IssueLog();
    runRules([rule], 2026, buildCrossYearContext(a, b, 2026, derived), issues);
    return issues.list().map((i) => `${String(i.row)}:${i.severity}`);
  }
  const open = (child: string, rne: string, pl: string, home = 'N12 0AB') => ({
    CHILD: child,
    DECOM: '2025-01-01',
    DEC: null,
    RNE: rne,
    HOME_POST: home,
    PL_POST: pl,
  });
  const first = (child: string, rne: string, pl: string, home = 'N12 0AB') => ({
    CHILD: child,
    DECOM: '2025-01-01',
    RNE: rne,
    HOME_POST: home,
    PL_POST: pl,
  });
  // A: the same placement and home. B: placed in Hertfordshire now (PL_LA, PL_LOCATION and distance change) with RNE P.
  // C: the same placement, but last year's home postcode was the placement's (0.0 miles) and now is N12 0AB
  // (3.1 miles): only the distance changes.
  const last = {
    Episodes: [open('A', 'S', 'N12 1AB'), open('B', 'S', 'N12 1AB'), open('C', 'S', 'N12 1AB', 'N12 1AB')],
  };
  const now = {
    Episodes: [first('A', 'S', 'N12 1AB'), first('B', 'P', 'AL1 1AB'), first('C', 'S', 'N12 1AB', 'N12 0AB')],
  };

  it('503H and 503J compare PL_LA and PL_LOCATION; 452 only where the RNE is the same', () => {
    // B's PL_LA changes (line 3); C's stays the authority's.
    assert.deepEqual(crossHits(rule503HDerived, now, last), ['3:error']);
    assert.deepEqual(crossHits(rule503JDerived, now, last), ['3:error']);
    // B's RNE was S and is P: 452 does not apply.
    assert.deepEqual(crossHits(rule452, now, last), []);
  });

  it('503G and 453 compare distances: 0.2 miles or more apart, or blank before and given now', () => {
    // A: 3.1 = 3.1. B: 3.1 → 31.1. C: home = placement last year (0.0 miles) → 3.1 now: differs.
    assert.deepEqual(crossHits(rule503GDerived, now, last), ['3:error', '4:error']);
    // 453 also needs the same RNE: only C (S = S).
    assert.deepEqual(crossHits(rule453, now, last), ['4:error']);
  });

  it('without a lookup the derived rules do not run and 503G compares postcodes, as a query', () => {
    assert.deepEqual(crossHits(rule503GDerived, now, last, false), []);
    assert.deepEqual(crossHits(rule503G, now, last, false), ['3:query', '4:query']);
    // With a lookup the postcode comparison gives way to the derived one.
    assert.deepEqual(crossHits(rule503G, now, last), []);
  });
});
