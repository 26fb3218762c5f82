/**
 * The 903 URN rules (decision 0027): each checked against a small made-up register, passing, failing and at its
 * boundary; without a register only 1008's shape check and 230 run. Every expected line is worked out by hand from
 * the rows beside it (row n is on line n + 1 of Episodes.csv).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProviderFacts } from '../../../../reference/providers';
import { IssueLog } from '../../../issues';
import { runRules } from '../../../rules';
import { buildContext } from './context';
import { returnOf, type Partial903 } from './testing';
import {
  rule1008,
  rule219,
  rule221,
  rule221in2023,
  rule221in2024,
  rule224,
  rule227,
  rule228,
  rule229,
  rule230,
  urnsOf,
  type UrnRule,
} from './urn';

const OWN = 'E09000003';
const fact = (f: Partial<ProviderFacts>): ProviderFacts => ({
  placeCodes: [],
  providerCodes: [],
  postcode: null,
  closed: null,
  source: 'test',
  ...f,
});
/** A made-up register. */
const REGISTER: Record<string, ProviderFacts> = {
  // A private children's home in the authority.
  SC100001: fact({ placeCodes: ['K2'], providerCodes: ['PR4'], postcode: 'N12 1AB' }),
  // A secure home run by another authority, in Hertfordshire, whose registration ended on 30 September 2025.
  SC100002: fact({ placeCodes: ['K1', 'K2'], providerCodes: ['PR2'], postcode: 'AL1 1AB', closed: '2025-09-30' }),
  // Supported accommodation (seven-digit URN), the authority's own.
  '2000003': fact({ placeCodes: ['K3', 'H5'], providerCodes: ['PR1'], postcode: 'N12 2AB' }),
};
/** The authority of each registered setting's postcode, as the postcode lookup gives it. */
const SETTING_LA: Record<string, string | null> = { SC100001: OWN, SC100002: 'E10000015', '2000003': OWN };

function run(
  rule: UrnRule,
  Episodes: NonNullable<Partial903['Episodes']>,
  options: { register?: boolean; postcodes?: boolean; authority?: string | null; outside?: number[] } = {},
  year = 2026,
): string[] {
  const ret = returnOf({ Episodes });
  const base = buildContext(ret, year);
  const ctx = {
    ...base,
    outsideEngland: new Set((options.outside ?? []).flatMap((i) => ret.Episodes[i] ?? [])),
    providers: options.register === false ? null : new Map(Object.entries(REGISTER)),
    providerLa: options.postcodes === false ? null : new Map(Object.entries(SETTING_LA)),
    authorityCode: options.authority === undefined ? OWN : options.authority,
  };
  const issues = new IssueLog();
  runRules([rule], year, ctx, issues);
  return issues.list().map((i) => `${String(i.row)}:${String(i.column)}`);
}

describe('903 URN rules', () => {
  it('looks up each URN once, upper case, leaving out blanks and the XXXXXXX placeholder', () => {
    const ret = returnOf({
      Episodes: [{ URN: 'sc100001' }, { URN: 'SC100001' }, { URN: 'XXXXXXX' }, { URN: null }, { URN: ' 2000003 ' }],
    });
    assert.deepEqual(urnsOf(ret.Episodes), ['SC100001', '2000003']);
  });

  it('219: the placement type must be one the setting is registered for', () => {
    const hit = run(rule219, [
      { URN: 'SC100001', PLACE: 'K2' }, // line 2: K2 is registered: passes
      { URN: 'SC100001', PLACE: 'K1' }, // line 3: K1 is not: fails
      { URN: 'SC100002', PLACE: 'K1' }, // line 4: the second of two registered types: passes
      { URN: 'XXXXXXX', PLACE: 'K1' }, // line 5: the placeholder is not checked
      { URN: 'SC999999', PLACE: 'K1' }, // line 6: not in the register: left to 1008
    ]);
    assert.deepEqual(hit, ['3:PLACE']);
    assert.deepEqual(run(rule219, [{ URN: 'SC100001', PLACE: 'K1' }], { register: false }), [], 'no register: not run');
  });

  it('221: the placement postcode must be the setting’s, for the years’ placement types', () => {
    const episodes = [
      { URN: 'SC100001', PLACE: 'K2', LS: 'C2', PL_POST: 'n121ab' }, // line 2: same postcode, ignoring space/case
      { URN: 'SC100001', PLACE: 'K2', LS: 'C2', PL_POST: 'N12 1AC' }, // line 3: another postcode: fails
      { URN: 'SC100001', PLACE: 'K2', LS: 'V3', PL_POST: 'N12 1AC' }, // line 4: a short break: not checked
      { URN: 'SC100001', PLACE: 'K2', LS: 'C2', PL_POST: null }, // line 5: no placement postcode: not checked
      { URN: '2000003', PLACE: 'K3', LS: 'C2', PL_POST: 'E1 1AA' }, // line 6: K3, checked from 2024/25 only
      { URN: '2000003', PLACE: 'H5', LS: 'C2', PL_POST: 'E1 1AA' }, // line 7: H5, checked in 2023/24 only
    ];
    assert.deepEqual(run(rule221, episodes, {}, 2026), ['3:PL_POST', '6:PL_POST']);
    assert.deepEqual(run(rule221in2024, episodes, {}, 2024), ['3:PL_POST', '7:PL_POST']);
    assert.deepEqual(run(rule221in2023, episodes, {}, 2023), ['3:PL_POST']);
  });

  it('224: the placement provider must be one the setting is registered as', () => {
    const hit = run(rule224, [
      { URN: 'SC100001', PLACE_PROVIDER: 'PR4' }, // line 2: passes
      { URN: 'SC100001', PLACE_PROVIDER: 'PR3' }, // line 3: fails
      { URN: 'SC100001', PLACE_PROVIDER: null }, // line 4: no provider: left to the rules on PLACE_PROVIDER
    ]);
    assert.deepEqual(hit, ['3:PLACE_PROVIDER']);
  });

  it('227: an episode may not start on or after the day the registration ended (30 September 2025)', () => {
    const hit = run(rule227, [
      { URN: 'SC100002', DECOM: '2025-09-29' }, // line 2: the day before: passes
      { URN: 'SC100002', DECOM: '2025-09-30' }, // line 3: the day itself: fails
      { URN: 'SC100001', DECOM: '2025-12-01' }, // line 4: still registered: passes
    ]);
    assert.deepEqual(hit, ['3:DECOM']);
  });

  it('228: an episode may not end after the registration ended, nor be open at 31 March after it', () => {
    const hit = run(rule228, [
      { URN: 'SC100002', DECOM: '2025-06-01', DEC: '2025-09-30' }, // line 2: ends on the day: passes
      { URN: 'SC100002', DECOM: '2025-06-01', DEC: '2025-10-01' }, // line 3: the day after: fails
      { URN: 'SC100002', DECOM: '2025-06-01', DEC: null }, // line 4: open at 31 March 2026 > 30 Sept 2025: fails
      { URN: 'SC100001', DECOM: '2025-06-01', DEC: null }, // line 5: still registered: passes
    ]);
    assert.deepEqual(hit, ['3:DEC', '4:URN']);
    // In 2024/25 the year ends on 31 March 2025, before the registration ended: open passes.
    assert.deepEqual(run(rule228, [{ URN: 'SC100002', DECOM: '2024-06-01', DEC: null }], {}, 2025), []);
  });

  it('229: own provision (PR1) in the authority, another authority’s (PR2) outside it', () => {
    const episodes = [
      { URN: '2000003', PLACE_PROVIDER: 'PR1' }, // line 2: own, in the authority: passes
      { URN: 'SC100002', PLACE_PROVIDER: 'PR1' }, // line 3: own, in Hertfordshire: fails
      { URN: 'SC100002', PLACE_PROVIDER: 'PR2' }, // line 4: another's, in Hertfordshire: passes
      { URN: 'SC100001', PLACE_PROVIDER: 'PR2' }, // line 5: another's, in the authority: fails
      { URN: 'SC100001', PLACE_PROVIDER: 'PR4' }, // line 6: private: not checked
    ];
    assert.deepEqual(run(rule229, episodes), ['3:PLACE_PROVIDER', '5:PLACE_PROVIDER']);
    assert.deepEqual(run(rule229, episodes, { postcodes: false }), [], 'no postcode lookup: not run');
    assert.deepEqual(run(rule229, episodes, { authority: null }), [], 'the authority’s code not known: not run');
  });

  it('230 (2023/24 only): supported accommodation (H5) in England needs a URN from 29 October 2023', () => {
    const hit = run(
      rule230,
      [
        { PLACE: 'H5', DECOM: '2023-05-01', DEC: '2023-10-28', URN: null }, // line 2: ended the day before: passes
        { PLACE: 'H5', DECOM: '2023-05-01', DEC: '2023-10-29', URN: null }, // line 3: ended on the day: fails
        { PLACE: 'H5', DECOM: '2023-05-01', DEC: null, URN: 'XXXXXXX' }, // line 4: open, placeholder: fails
        { PLACE: 'H5', DECOM: '2023-05-01', DEC: null, URN: '2000003' }, // line 5: has a URN: passes
        { PLACE: 'H5', DECOM: '2023-05-01', DEC: null, URN: null }, // line 6: in Wales: passes
        { PLACE: 'K2', DECOM: '2023-05-01', DEC: null, URN: null }, // line 7: not H5: not this rule
      ],
      { register: false, outside: [4] },
      2024,
    );
    assert.deepEqual(hit, ['3:URN', '4:URN']);
  });

  it('1008: a URN must be shaped like one always, and be in the register when one is loaded', () => {
    const episodes = [
      { URN: 'SC100001' }, // line 2: registered: passes
      { URN: '2000003' }, // line 3: seven digits, registered: passes
      { URN: 'XXXXXXX' }, // line 4: the placeholder: passes
      { URN: 'XXXXXX' }, // line 5: six Xs is not the placeholder: badly shaped
      { URN: '2345' }, // line 6: four digits: badly shaped
      { URN: 'SC999999' }, // line 7: well shaped, not registered
      { URN: null }, // line 8: none: passes
    ];
    assert.deepEqual(run(rule1008, episodes), ['5:URN', '6:URN', '7:URN']);
    assert.deepEqual(run(rule1008, episodes, { register: false }), ['5:URN', '6:URN']);
  });
});
