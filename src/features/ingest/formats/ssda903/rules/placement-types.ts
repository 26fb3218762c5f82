/**
 * What a single episode's placement type, provider and legal status allow, each rule looking at one row (or a
 * child's rows, read from the context's per-child index).
 * Sources: lac_validator/rules/lac2022_23/rule_178.py, rule_213.py, rule_366.py, rule_378.py, rule_382.py,
 * rule_384.py, rule_408.py, rule_426.py, rule_445.py, rule_446.py, rule_451.py, rule_460.py, rule_526.py;
 * lac2023_24/rule_217t.py; lac2025_26/rule_178.py, rule_213.py, rule_526.py (Z1 split into Z11–Z14); lac2024_25
 * deletes 217t, 445 and 451. A blank PLACE, LS or RNE is left to the reader's required-value check.
 */
import { PLACEMENT_PROVIDERS } from '../../../../../domain/code-lists';
import { TEMPORARY_PLACEMENTS } from '../codes';
import { addYears, at, rule903, validDate, type Rule903 } from './context';

const temporary = (place: string | null): boolean =>
  place !== null && (TEMPORARY_PLACEMENTS as readonly string[]).includes(place);

/** Placements that have no provider (rules 178 and 526), by collection year. */
function noProviderPlacements(year: number, rule: '178' | '526'): readonly string[] {
  if (year <= 2025) return ['T0', 'T1', 'T2', 'T3', 'T4', 'Z1'];
  // lac2025_26/rule_178.py leaves T4 out of its list (rule 213 still reports a T4 with a provider).
  return rule === '178'
    ? ['T0', 'T1', 'T2', 'T3', 'Z11', 'Z12', 'Z13', 'Z14']
    : ['T0', 'T1', 'T2', 'T3', 'T4', 'Z11', 'Z12', 'Z13', 'Z14'];
}

export const rule178 = rule903({
  code: '178',
  severity: 'error',
  message: 'Placement provider code is not a valid code.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_178.py and lac2025_26/rule_178.py: a PLACE_PROVIDER given must be PR0–PR5, and is not valid for the placements that have none (T0–T4 and Z1; from 2025/26 T0–T3 and Z11–Z14)',
  check(ctx, hit) {
    const none = noProviderPlacements(ctx.year, '178');
    const valid: readonly string[] = PLACEMENT_PROVIDERS;
    for (const e of ctx.ret.Episodes) {
      if (e.PLACE_PROVIDER === null) continue;
      if (!valid.includes(e.PLACE_PROVIDER) || (e.PLACE !== null && none.includes(e.PLACE)))
        hit(at(e, 'PLACE_PROVIDER', `PLACE_PROVIDER ${e.PLACE_PROVIDER}`));
    }
  },
});

export const rule213 = rule903({
  code: '213',
  severity: 'error',
  message: 'Placement provider information not required.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_213.py and lac2025_26/rule_213.py: PLACE_PROVIDER given for PLACE T0–T4 (from 2025/26 also Z11–Z14)',
  check(ctx, hit) {
    const places = ctx.year <= 2025 ? TEMPORARY_PLACEMENTS : [...TEMPORARY_PLACEMENTS, 'Z11', 'Z12', 'Z13', 'Z14'];
    for (const e of ctx.ret.Episodes)
      if (e.PLACE !== null && (places as readonly string[]).includes(e.PLACE) && e.PLACE_PROVIDER !== null)
        hit(at(e, 'PLACE_PROVIDER'));
  },
});

export const rule526 = rule903({
  code: '526',
  severity: 'error',
  message: 'Child is missing a placement provider code for at least one episode.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_526.py and lac2025_26/rule_526.py: PLACE_PROVIDER blank for a placement other than T0–T4 and Z1 (from 2025/26 Z11–Z14)',
  check(ctx, hit) {
    const none = noProviderPlacements(ctx.year, '526');
    for (const e of ctx.ret.Episodes)
      if (e.PLACE !== null && !none.includes(e.PLACE) && e.PLACE_PROVIDER === null) hit(at(e, 'PLACE_PROVIDER'));
  },
});

export const rule217t = rule903({
  code: '217t',
  severity: 'error',
  message: "Placement type 'P2' is not a valid placement type from 28 October 2023.",
  years: { from: 2024, to: 2024 },
  source:
    'lac_validator/rules/lac2023_24/rule_217t.py (deleted in lac2024_25, when P2 left the list): PLACE P2 with DEC after 28 October 2023 or blank',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes)
      if (e.PLACE === 'P2' && (e.DEC === null || (validDate(e.DEC) && e.DEC > '2023-10-28'))) hit(at(e, 'PLACE'));
  },
});

export const rule366 = rule903({
  code: '366',
  severity: 'error',
  message: 'A child cannot change placement during the course of an individual short-term respite break.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_366.py: LS V3 with RNE other than S',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) if (e.LS === 'V3' && e.RNE !== null && e.RNE !== 'S') hit(at(e, 'RNE'));
  },
});

export const rule378 = rule903({
  code: '378',
  severity: 'error',
  message:
    'A child who is placed with parent(s) cannot be looked after under a single period of accommodation under Section 20 of the Children Act 1989.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_378.py: PLACE P1 with LS V2',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) if (e.PLACE === 'P1' && e.LS === 'V2') hit(at(e, 'PLACE'));
  },
});

const respite = (ls: string | null): boolean => ls === 'V3' || ls === 'V4';

export const rule382 = rule903({
  code: '382',
  severity: 'error',
  message: 'A child receiving respite care cannot be in a temporary placement.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_382.py: LS V3 or V4 with PLACE T0–T4',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) if (respite(e.LS) && temporary(e.PLACE)) hit(at(e, 'PLACE'));
  },
});

export const rule384 = rule903({
  code: '384',
  severity: 'error',
  message: 'A child receiving respite care cannot be in a long-term foster placement.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_384.py: LS V3 or V4 with PLACE U1 or U4',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) if (respite(e.LS) && (e.PLACE === 'U1' || e.PLACE === 'U4')) hit(at(e, 'PLACE'));
  },
});

export const rule408 = rule903({
  code: '408',
  severity: 'error',
  message: 'Child is placed for adoption with a placement order, but no placement order has been recorded.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_408.py: PLACE A5 or A6 with LS other than E1',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes)
      if ((e.PLACE === 'A5' || e.PLACE === 'A6') && e.LS !== null && e.LS !== 'E1') hit(at(e, 'LS'));
  },
});

export const rule426 = rule903({
  code: '426',
  severity: 'error',
  message: 'A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the same year.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_426.py: every V3 and V4 episode of a child with both (any DECOM)',
  check(ctx, hit) {
    const both = new Map<string, { v3: boolean; v4: boolean }>();
    for (const e of ctx.ret.Episodes) {
      if (e.CHILD === null || !respite(e.LS)) continue;
      const seen = both.get(e.CHILD) ?? { v3: false, v4: false };
      if (e.LS === 'V3') seen.v3 = true;
      else seen.v4 = true;
      both.set(e.CHILD, seen);
    }
    for (const e of ctx.ret.Episodes) {
      const seen = e.CHILD === null ? undefined : both.get(e.CHILD);
      if (respite(e.LS) && seen?.v3 && seen.v4) hit(at(e, 'LS'));
    }
  },
});

export const rule445 = rule903({
  code: '445',
  severity: 'error',
  message: 'D1 is not a valid code for episodes starting after December 2005.',
  years: { from: 2023, to: 2024 },
  source: 'lac_validator/rules/lac2022_23/rule_445.py (deleted in lac2024_25): LS D1 with DECOM after 31 December 2005',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes)
      if (e.LS === 'D1' && validDate(e.DECOM) && e.DECOM > '2005-12-31') hit(at(e, 'LS'));
  },
});

export const rule446 = rule903({
  code: '446',
  severity: 'error',
  message: 'E1 is not a valid code for episodes starting before December 2005.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_446.py: LS E1 with DECOM before 1 December 2005',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes)
      if (e.LS === 'E1' && validDate(e.DECOM) && e.DECOM < '2005-12-01') hit(at(e, 'LS'));
  },
});

export const rule451 = rule903({
  code: '451',
  severity: 'error',
  message: 'Child is still freed for adoption, but freeing orders could not be applied for since 30 December 2005.',
  years: { from: 2023, to: 2024 },
  source: 'lac_validator/rules/lac2022_23/rule_451.py (deleted in lac2024_25): LS D1 with DEC and REC blank',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) if (e.LS === 'D1' && e.DEC === null && e.REC === null) hit(at(e, 'LS'));
  },
});

export const rule460 = rule903({
  code: '460',
  severity: 'error',
  message:
    'Reason episode ceased is that child stayed with current carers at age 18 (or above), but child is aged under 18.',
  years: { from: 2023 },
  source: "lac_validator/rules/lac2022_23/rule_460.py: REC E17 with DEC before the 18th birthday (the Header's DOB)",
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) {
      if (e.REC !== 'E17' || !validDate(e.DEC) || e.CHILD === null) continue;
      const dob = ctx.header.get(e.CHILD)?.DOB ?? null;
      if (validDate(dob) && e.DEC < addYears(dob, 18)) hit(at(e, 'REC'));
    }
  },
});

export const placementTypeRules: readonly Rule903[] = [
  rule178,
  rule213,
  rule526,
  rule217t,
  rule366,
  rule378,
  rule382,
  rule384,
  rule408,
  rule426,
  rule445,
  rule446,
  rule451,
  rule460,
];
