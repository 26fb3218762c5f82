/**
 * Placement type against RNE, URN and provider.
 * Sources: lac_validator/rules/lac2022_23/rule_217.py, rule_218.py, rule_222.py, rule_380.py, rule_381.py,
 * rule_550.py; the lists of placements without an Ofsted URN follow PLACE's changes by year (H5/P2 gone in
 * 2024/25, Z1 split into Z11–Z14 in 2025/26).
 */
import { TEMPORARY_PLACEMENTS } from '../codes';
import { at, rule903 } from './context';

/** Placement types for which no Ofsted URN is recorded, by collection year (rules 218 and 222). */
export function urnExemptPlacements(year: number): readonly string[] {
  const base = ['P1', 'P3', 'R1', 'R2', 'R5', 'T0', 'T1', 'T2', 'T3', 'T4'];
  if (year <= 2024) return [...base, 'H5', 'P2', 'Z1'];
  if (year === 2025) return [...base, 'Z1'];
  return [...base, 'Z11', 'Z12', 'Z13', 'Z14'];
}

export const rule217 = rule903({
  code: '217',
  severity: 'error',
  message:
    'If the placement is with the current foster carer (A3 or A5), the reason for new episode must be S, T or U.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_217.py',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) {
      if ((e.PLACE === 'A3' || e.PLACE === 'A5') && e.RNE !== null && !['S', 'T', 'U'].includes(e.RNE))
        hit(at(e, 'RNE'));
    }
  },
});

export const rule218 = rule903({
  code: '218',
  severity: 'error',
  message: 'Ofsted Unique reference number (URN) is required.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_218.py: for episodes ending in or after the collection year, except placements outside England (PL_LA WAL, SCO or NIR, derived from PL_POST when a postcode lookup is loaded: location.ts)',
  check(ctx, hit) {
    const exempt = urnExemptPlacements(ctx.year);
    for (const e of ctx.ret.Episodes) {
      if (e.PLACE === null || exempt.includes(e.PLACE) || e.URN !== null || ctx.outsideEngland?.has(e)) continue;
      if (e.DEC === null || e.DEC >= ctx.start) hit(at(e, 'URN'));
    }
  },
});

export const rule222 = rule903({
  code: '222',
  severity: 'error',
  message: 'Ofsted Unique reference number (URN) should not be recorded for this placement type.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_222.py (XXXXXXX is allowed); lac2023_24/rule_222.py leaves out H5, which registers with Ofsted from 28 October 2023 (rule 230)',
  check(ctx, hit) {
    const exempt = urnExemptPlacements(ctx.year).filter((p) => !(ctx.year === 2024 && p === 'H5'));
    for (const e of ctx.ret.Episodes) {
      if (e.PLACE !== null && exempt.includes(e.PLACE) && e.URN !== null && e.URN !== 'XXXXXXX') hit(at(e, 'URN'));
    }
  },
});

const temporary = (place: string | null) =>
  place !== null && (TEMPORARY_PLACEMENTS as readonly string[]).includes(place);

export const rule380 = rule903({
  code: '380',
  severity: 'error',
  message: 'A period of care cannot start with a temporary placement.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_380.py: RNE S with PLACE T0–T4',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) if (e.RNE === 'S' && temporary(e.PLACE)) hit(at(e, 'PLACE'));
  },
});

export const rule381 = rule903({
  code: '381',
  severity: 'error',
  message: 'A period of care cannot end with a temporary placement.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_381.py: REC other than X1 with PLACE T0–T4',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) if (e.REC !== null && e.REC !== 'X1' && temporary(e.PLACE)) hit(at(e, 'PLACE'));
  },
});

export const rule550 = rule903({
  code: '550',
  severity: 'error',
  message: 'A placement provider code of PR0 can only be associated with placement P1.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_550.py',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) if (e.PLACE_PROVIDER === 'PR0' && e.PLACE !== 'P1') hit(at(e, 'PLACE_PROVIDER'));
  },
});

export const placementRules = [rule217, rule218, rule222, rule380, rule381, rule550];
