/**
 * The rules that compare this year's 903 return with last year's (the validator's `Header_last` and
 * `Episodes_last`): 202–204 (a child's sex, date of birth or ethnicity differs from last year's Header) and
 * 502/503A–503J (the first episode this year must carry on the episode left open at the end of last year).
 *
 * Sources: lac_validator/rules/lac2022_23/rule_202.py, rule_203.py, rule_204.py, rule_452.py, rule_453.py,
 * rule_502.py, rule_503A–J.py,
 * their re-issues in lac2023_24 and lac2024_25 (same logic), lac2025_26/rule_503D.py, and
 * lac_validator/rules/rule_utils.py `field_different_from_previous`:
 * - 202–204: a child in both Headers whose value differs (blank = blank; a date that is not a date counts as
 *   blank, as the validator coerces it). Lantern compares SEX as the child's sex, so last year's 1/2 equals this
 *   year's M/F across the 2024/25 change; the validator compares the codes as written, which would report every
 *   child in the first M/F year.
 * - 502: each episode of last year with no DEC must have started (DECOM) on the same day as the child's first
 *   episode this year (earliest valid DECOM).
 * - 503A–F: where the child's last episode of last year (latest valid DECOM) has no valid DEC, the first episode
 *   this year must have the same RNE (A), LS (B), CIN (C), PLACE (D), PLACE_PROVIDER (E), URN (F). 503D lets a
 *   placement recoded by the year's code-list change through: H5 → K3 (2023/24 and 2024/25, when K3 replaced H5)
 *   and Z1 → Z11–Z14 (2025/26 on, when Z1 was split; the lac2025_26 test passes Z1 → Z13 and Z1 → Z14).
 * - 503G/H/J compare the fields derived from the postcodes (location.ts): PL_DISTANCE (0.2 miles or more apart,
 *   or blank last year and not now), PL_LA and PL_LOCATION (blank equal to blank); 452 and 453 are 503H and 503G
 *   where the first episode's RNE is also last year's. They need a postcode lookup (decision 0027). Without one,
 *   452/453 are not run and 503G/H/J compare the postcodes the fields are derived from and report a query, not an
 *   error: a different placement postcode (H, J) or home or placement postcode (G) may or may not change them.
 *
 * Severity: the 903 validator does not mark queries in the code; its rules are reported
 * as errors, and so are these, apart from the postcode comparisons made without a lookup. Hits are on this year's rows: the Header row
 * (202–204) and the first episode (502, 503).
 */
import { defineRule } from '../../../rules';
import { canonicalSex } from '../codes';
import type { Row } from '../tables';
import { at, validDate } from './context';
import type { CrossYearCtx, CrossYearRule } from './cross-year-context';
import { crossYearEpisodeRules } from './cross-year-episodes';
import { crossYearAdoptionRules } from './cross-year-adoption';
import { crossYearStatusRules } from './cross-year-status';
import { rule706 } from './dolo';

/** A Header rule: the child's value this year against each of last year's Header rows (one hit per row). */
function headerRule(
  code: string,
  column: 'SEX' | 'DOB' | 'ETHNIC',
  message: string,
  source: string,
  value: (v: string | null, year: number) => string | null,
): CrossYearRule {
  return defineRule<CrossYearCtx>({
    code,
    severity: 'error',
    message,
    years: { from: 2023 },
    source,
    check(ctx, hit) {
      for (const h of ctx.ret.Header) {
        if (h.CHILD === null) continue;
        const now = value(h[column], ctx.year);
        const before = ctx.lastHeader.get(h.CHILD) ?? [];
        const differs = before.find((p) => value(p[column], ctx.year - 1) !== now);
        if (differs) hit(at(h, column, `last year: ${differs[column] ?? 'blank'}`));
      }
    },
  });
}

/** SEX as the child's sex (1 → M, 2 → F before 2024/25); a value not in the year's list is kept as written. */
const sexOf = (v: string | null, year: number): string | null => (v === null ? null : (canonicalSex(v, year) ?? v));

export const rule202 = headerRule(
  '202',
  'SEX',
  'The sex code conflicts with the sex already recorded for this child in last year’s return.',
  'lac_validator/rules/lac2022_23/rule_202.py (unchanged since): SEX differs from Header_last for a child in both; 1/2 and M/F compared as the same sex',
  sexOf,
);

export const rule203 = headerRule(
  '203',
  'DOB',
  'Date of birth disagrees with the date of birth already recorded for this child in last year’s return.',
  'lac_validator/rules/lac2022_23/rule_203.py (unchanged since): DOB differs from Header_last for a child in both; an invalid date counts as blank',
  (v) => (validDate(v) ? v : null),
);

export const rule204 = headerRule(
  '204',
  'ETHNIC',
  'Ethnic origin code disagrees with the ethnic origin already recorded for this child in last year’s return.',
  'lac_validator/rules/lac2022_23/rule_204.py (unchanged since): ETHNIC differs (ignoring case) from Header_last for a child in both',
  (v) => v,
);

export const rule502 = defineRule<CrossYearCtx>({
  code: '502',
  severity: 'error',
  message:
    "Last year's record ended with an open episode. The date on which that episode started does not match the start date of the first episode on this year's record.",
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_502.py: every Episodes_last row with a blank DEC against the earliest DECOM this year',
  check(ctx, hit) {
    const reported = new Set<string>();
    for (const open of ctx.last.Episodes) {
      if (open.CHILD === null || open.DEC !== null || reported.has(open.CHILD)) continue;
      const first = ctx.firstEpisode.get(open.CHILD);
      if (!first || first.DECOM === open.DECOM) continue;
      reported.add(open.CHILD);
      hit(at(first, 'DECOM', `last year's open episode started ${open.DECOM ?? 'blank'}`));
    }
  },
});

type EpisodeColumn = 'RNE' | 'LS' | 'CIN' | 'PLACE' | 'PLACE_PROVIDER' | 'URN';

/**
 * A 503 rule: for each child whose last episode of last year is open (no valid DEC), `differs(before, now)` on
 * the first episode this year.
 */
function carriedOver(
  r: Omit<CrossYearRule, 'check'> & {
    column: string;
    differs: (before: Row<'Episodes'>, now: Row<'Episodes'>, ctx: CrossYearCtx) => string | null;
  },
): CrossYearRule {
  const { column, differs, ...rule } = r;
  return defineRule<CrossYearCtx>({
    ...rule,
    check(ctx, hit) {
      for (const [child, first] of ctx.firstEpisode) {
        const before = ctx.lastEpisode.get(child);
        if (!before || validDate(before.DEC)) continue;
        const detail = differs(before, first, ctx);
        if (detail !== null) hit(at(first, column, detail));
      }
    },
  });
}

function sameField(column: EpisodeColumn, allowed?: (before: string | null, now: string | null) => boolean) {
  return (before: Row<'Episodes'>, now: Row<'Episodes'>): string | null => {
    const a = before[column];
    const b = now[column];
    if (a === b || allowed?.(a, b)) return null;
    return `last year: ${a ?? 'blank'}`;
  };
}

function rule503(code: string, column: EpisodeColumn, what: string, file: string): CrossYearRule {
  return carriedOver({
    code,
    severity: 'error',
    message: `The ${what} in the first episode does not match the open episode at the end of last year.`,
    years: { from: 2023 },
    source: `lac_validator/rules/lac2022_23/${file} (re-issued unchanged in lac2023_24, lac2024_25): field_different_from_previous(${column})`,
    column,
    differs: sameField(column),
  });
}

export const rule503A = rule503('503A', 'RNE', 'reason for new episode', 'rule_503A.py');
export const rule503B = rule503('503B', 'LS', 'legal status', 'rule_503B.py');
export const rule503C = rule503('503C', 'CIN', 'category of need', 'rule_503C.py');
export const rule503E = rule503('503E', 'PLACE_PROVIDER', 'placement provider', 'rule_503E.py');
export const rule503F = rule503('503F', 'URN', 'Ofsted URN', 'rule_503F.py');

const PLACE_MESSAGE =
  'The placement type in the first episode does not match the open episode at the end of last year.';

/** 503D to 2024/25: H5 last year and K3 this year is the same placement under the new code. */
export const rule503D = carriedOver({
  code: '503D',
  severity: 'error',
  message: PLACE_MESSAGE,
  years: { from: 2023, to: 2025 },
  source:
    'lac_validator/rules/lac2024_25/rule_503D.py and rule_utils.py: PLACE differs, except H5 → K3 in the year K3 came in',
  column: 'PLACE',
  differs: sameField('PLACE', (before, now) => before === 'H5' && now === 'K3'),
});

/** 503D from 2025/26: Z1 last year and any of Z11–Z14 this year is the same placement under the split code. */
export const rule503D2026 = carriedOver({
  code: '503D',
  severity: 'error',
  message: PLACE_MESSAGE,
  years: { from: 2026 },
  source:
    'lac_validator/rules/lac2025_26/rule_503D.py: PLACE differs, except Z1 → Z11–Z14 after the split (its test passes Z1 → Z13 and Z14)',
  column: 'PLACE',
  differs: sameField('PLACE', (before, now) => before === 'Z1' && now !== null && /^Z1[1-4]$/.test(now)),
});

/** A postcode without spaces, upper case: "n13 1ab" and "N131AB" are the same postcode. */
const postcode = (v: string | null): string | null => (v === null ? null : v.replace(/\s+/g, '').toUpperCase());

function postcodesDiffer(columns: ReadonlyArray<'HOME_POST' | 'PL_POST'>) {
  return (before: Row<'Episodes'>, now: Row<'Episodes'>, ctx: CrossYearCtx): string | null => {
    if (ctx.derived !== null) return null; // the derived fields are compared instead (below)
    const changed = columns.filter((c) => postcode(before[c]) !== postcode(now[c]));
    return changed.length === 0 ? null : changed.map((c) => `${c} last year: ${before[c] ?? 'blank'}`).join('; ');
  };
}

export const rule503G = carriedOver({
  code: '503G',
  severity: 'query',
  message:
    'The home or placement postcode in the first episode differs from the open episode at the end of last year, so the placement distance may not match. Check the first episode.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2024_25/rule_503G.py compares PL_DISTANCE (0.2 miles or more); without a postcode lookup Lantern compares HOME_POST and PL_POST instead',
  column: 'PL_POST',
  differs: postcodesDiffer(['HOME_POST', 'PL_POST']),
});

export const rule503H = carriedOver({
  code: '503H',
  severity: 'query',
  message:
    'The placement postcode in the first episode differs from the open episode at the end of last year, so the placement local authority may not match. Check the first episode.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2024_25/rule_503H.py compares PL_LA; without a postcode lookup Lantern compares PL_POST instead',
  column: 'PL_POST',
  differs: postcodesDiffer(['PL_POST']),
});

export const rule503J = carriedOver({
  code: '503J',
  severity: 'query',
  message:
    'The placement postcode in the first episode differs from the open episode at the end of last year, so the placement location (in or out of the authority) may not match. Check the first episode.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2024_25/rule_503J.py compares PL_LOCATION; without a postcode lookup Lantern compares PL_POST instead',
  column: 'PL_POST',
  differs: postcodesDiffer(['PL_POST']),
});

/** Distances compared as the validator does: 0.2 miles or more apart, or blank last year and given now. */
function distanceDiffers(before: number | null, now: number | null): boolean {
  if (before === null) return now !== null;
  return now !== null && Math.abs(now - before) >= 0.2 - 1e-9;
}

/**
 * A rule on a derived field of the first episode against last year's open episode (with a postcode lookup only);
 * `sameRne` adds 452/453's condition that the first episode's RNE is last year's.
 */
function derivedCarriedOver(
  r: Omit<CrossYearRule, 'check'> & {
    field: 'PL_LA' | 'PL_LOCATION' | 'PL_DISTANCE';
    sameRne: boolean;
  },
): CrossYearRule {
  const { field, sameRne, ...rule } = r;
  return defineRule<CrossYearCtx>({
    ...rule,
    check(ctx, hit) {
      const derived = ctx.derived;
      if (derived === null) return;
      for (const [child, first] of ctx.firstEpisode) {
        const before = ctx.lastEpisode.get(child);
        if (!before || validDate(before.DEC) || (sameRne && first.RNE !== before.RNE)) continue;
        const a = derived.get(before)?.[field] ?? null;
        const b = derived.get(first)?.[field] ?? null;
        const differs =
          field === 'PL_DISTANCE' ? distanceDiffers(a as number | null, b as number | null) : String(a) !== String(b);
        if (differs) hit(at(first, 'PL_POST', `${field} last year: ${a ?? 'blank'}, now: ${b ?? 'blank'}`));
      }
    },
  });
}

export const rule503GDerived = derivedCarriedOver({
  code: '503G',
  severity: 'error',
  message: 'The distance in the first episode does not match the open episode at the end of last year.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2024_25/rule_503G.py: PL_DISTANCE (derived, location.ts) 0.2 miles or more from last year’s open episode, or blank then and given now',
  field: 'PL_DISTANCE',
  sameRne: false,
});

export const rule503HDerived = derivedCarriedOver({
  code: '503H',
  severity: 'error',
  message:
    'The placement local authority in the first episode does not match the open episode at the end of last year.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2024_25/rule_503H.py: PL_LA (derived, location.ts) differs; blank equals blank',
  field: 'PL_LA',
  sameRne: false,
});

export const rule503JDerived = derivedCarriedOver({
  code: '503J',
  severity: 'error',
  message:
    'The placement location (in or out of the authority) in the first episode does not match the open episode at the end of last year.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2024_25/rule_503J.py: PL_LOCATION (derived, location.ts) differs; blank equals blank',
  field: 'PL_LOCATION',
  sameRne: false,
});

export const rule452 = derivedCarriedOver({
  code: '452',
  severity: 'error',
  message:
    'The local authority of the placement in the first episode this year contradicts the open episode at the end of last year.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_452.py: with the same RNE, PL_LA (derived, location.ts) differs from last year’s open last episode',
  field: 'PL_LA',
  sameRne: true,
});

export const rule453 = derivedCarriedOver({
  code: '453',
  severity: 'error',
  message:
    'The distance from home in the first episode this year contradicts the open episode at the end of last year.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_453.py: with the same RNE, PL_DISTANCE (derived, location.ts) 0.2 miles or more apart, or blank then and given now',
  field: 'PL_DISTANCE',
  sameRne: true,
});

/** The cross-year rules, run by the 903 format only when last year's return has been imported. */
export const CROSS_YEAR_RULES: readonly CrossYearRule[] = [
  rule202,
  rule203,
  rule204,
  rule502,
  rule503A,
  rule503B,
  rule503C,
  rule503D,
  rule503D2026,
  rule503E,
  rule503F,
  rule503G,
  rule503H,
  rule503J,
  rule503GDerived,
  rule503HDerived,
  rule503JDerived,
  rule452,
  rule453,
  rule706, // DoLo (2026/27+), in dolo.ts
  ...crossYearEpisodeRules, // 562, NoE, 1010, in cross-year-episodes.ts
  ...crossYearAdoptionRules, // adoption decisions, missing, care leavers: cross-year-adoption.ts
  ...crossYearStatusRules, // UASC, mother and UPN against last year: cross-year-status.ts
];
