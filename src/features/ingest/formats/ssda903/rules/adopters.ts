/**
 * The adoption (AD1) items and the episodes that end in adoption or special guardianship. Sources (each rule names
 * its file): lac_validator/rules/lac2022_23/rule_151.py, rule_199.py, rule_335.py, rule_390.py, rule_511.py,
 * rule_514.py, rule_516.py, rule_517.py, rule_518.py, rule_519.py, rule_520.py, rule_521.py, rule_524.py,
 * rule_582.py (all unchanged to lac2026_27), and the DfE's SSDA903 guidance on AD1 (adopters' number, sex and legal
 * status; placed for adoption A3–A6 with or without the current foster carer).
 *
 * A blank SEX_ADOPTR fails 514–524 as the validator's checks do ("is not MF"); a blank item is also rule 151's.
 */
import { ADOPTED_REC, PLACED_FOR_ADOPTION } from '../codes';
import type { Row } from '../tables';
import { at, rule903, validDate } from './context';

const adopted = (rec: string | null) => rec !== null && (ADOPTED_REC as readonly string[]).includes(rec);
const placedForAdoption = (place: string | null) =>
  place !== null && (PLACED_FOR_ADOPTION as readonly string[]).includes(place);

/** The AD1 items (all given or all blank: rule 151). */
const AD1_ITEMS = ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'] as const;
export const hasAdoptionData = (a: Row<'AD1'>) => AD1_ITEMS.some((c) => a[c] !== null);

export const rule151 = rule903({
  code: '151',
  severity: 'error',
  message: 'All data items relating to a child’s adoption must be given, or all left blank.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_151.py: some of DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR given and some blank',
  check(ctx, hit) {
    for (const a of ctx.ret.AD1) {
      const blank = AD1_ITEMS.find((c) => a[c] === null);
      if (blank !== undefined && hasAdoptionData(a)) hit(at(a, blank, `${blank} is blank`));
    }
  },
});

/** An adopters' legal status and the SEX_ADOPTR codes it allows (rules 514, 517–520, 524). */
function adopterSexRule(code: string, status: string, allowed: readonly string[], message: string) {
  return rule903({
    code,
    severity: 'error',
    message,
    years: { from: 2023 },
    source: `lac_validator/rules/lac2022_23/rule_${code}.py: LS_ADOPTR ${status} needs SEX_ADOPTR ${allowed.join(' or ')}`,
    check(ctx, hit) {
      for (const a of ctx.ret.AD1)
        if (a.LS_ADOPTR === status && (a.SEX_ADOPTR === null || !allowed.includes(a.SEX_ADOPTR)))
          hit(at(a, 'SEX_ADOPTR', `LS_ADOPTR ${status}, SEX_ADOPTR ${a.SEX_ADOPTR ?? 'blank'}`));
    },
  });
}

export const rule514 = adopterSexRule(
  '514',
  'L0',
  ['M1', 'F1'],
  'The adopters’ legal status shows a single adopter, but their sex shows a couple.',
);
export const rule517 = adopterSexRule(
  '517',
  'L3',
  ['MF'],
  'The adopters’ legal status is L3 (unmarried couple of different sexes), so their sex must be MF.',
);
export const rule518 = adopterSexRule(
  '518',
  'L4',
  ['MM', 'FF'],
  'The adopters’ legal status is L4 (unmarried couple of the same sex), so their sex must be MM or FF.',
);
export const rule519 = adopterSexRule(
  '519',
  'L2',
  ['MM', 'FF', 'MF'],
  'The adopters’ legal status shows a civil partnership, but their sex does not show a couple.',
);
export const rule520 = adopterSexRule(
  '520',
  'L11',
  ['MF'],
  'The adopters’ legal status shows a married couple of different sexes, but their sex does not show MF.',
);
export const rule524 = adopterSexRule(
  '524',
  'L12',
  ['MM', 'FF'],
  'The adopters’ legal status is L12 (married couple of the same sex), so their sex must be MM or FF.',
);

export const rule511 = rule903({
  code: '511',
  severity: 'error',
  message: 'Two adopters are reported, so their sex must be MM, FF or MF, not a single adopter’s M1 or F1.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_511.py: NB_ADOPTR 2 with SEX_ADOPTR M1 or F1',
  check(ctx, hit) {
    for (const a of ctx.ret.AD1)
      if (a.NB_ADOPTR === '2' && (a.SEX_ADOPTR === 'M1' || a.SEX_ADOPTR === 'F1'))
        hit(at(a, 'SEX_ADOPTR', `SEX_ADOPTR ${a.SEX_ADOPTR}`));
  },
});

export const rule390 = rule903({
  code: '390',
  severity: 'error',
  message: 'The episode ended in adoption (E11 or E12) but its placement is not a placement for adoption (A3 to A6).',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_390.py: REC E11/E12 needs PLACE A3, A4, A5 or A6',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes)
      if (adopted(e.REC) && !placedForAdoption(e.PLACE))
        hit(at(e, 'PLACE', `REC ${e.REC ?? ''}, PLACE ${e.PLACE ?? 'blank'}`));
  },
});

export const rule516 = rule903({
  code: '516',
  severity: 'error',
  message:
    'The episode ended in a special guardianship order to former foster carers (E45 or E46), but the child was not placed with foster carers (U1 to U6).',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_516.py: REC E45/E46 needs PLACE U1–U6',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes)
      if ((e.REC === 'E45' || e.REC === 'E46') && (e.PLACE === null || !/^U[1-6]$/.test(e.PLACE)))
        hit(at(e, 'PLACE', `REC ${e.REC}, PLACE ${e.PLACE ?? 'blank'}`));
  },
});

/**
 * 335: whether the adopters were the foster carers must agree with the placement the child was adopted from (A3/A5
 * with the current foster carer, A4/A6 not; the retired A1/A2 likewise).
 */
export const rule335 = rule903({
  code: '335',
  severity: 'error',
  message:
    'Whether the child was adopted by their foster carers disagrees with the adoption placement (A3 or A5 is with the current foster carer, A4 or A6 is not).',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_335.py: an episode ending E11/E12 placed A2/A3/A5 needs FOSTER_CARE not 0; placed A1/A4/A6, not 1',
  check(ctx, hit) {
    for (const a of ctx.ret.AD1) {
      if (a.CHILD === null || (a.FOSTER_CARE !== '0' && a.FOSTER_CARE !== '1')) continue;
      const wrong = (ctx.episodesByChild.get(a.CHILD) ?? []).find(
        (e) =>
          adopted(e.REC) &&
          (a.FOSTER_CARE === '0'
            ? ['A2', 'A3', 'A5'].includes(e.PLACE ?? '')
            : ['A1', 'A4', 'A6'].includes(e.PLACE ?? '')),
      );
      if (wrong) hit(at(a, 'FOSTER_CARE', `FOSTER_CARE ${a.FOSTER_CARE}, adopted from PLACE ${wrong.PLACE ?? ''}`));
    }
  },
});

export const rule521 = rule903({
  code: '521',
  severity: 'error',
  message:
    'The date of the decision that adoption is in the child’s best interests must be on or before the date the child was placed for adoption.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_521.py: AD1 DATE_INT after the DECOM of an episode of the child's placed A3–A6",
  check(ctx, hit) {
    for (const a of ctx.ret.AD1) {
      if (a.CHILD === null || !validDate(a.DATE_INT)) continue;
      const when = a.DATE_INT;
      const placed = (ctx.episodesByChild.get(a.CHILD) ?? []).find(
        (e) => placedForAdoption(e.PLACE) && (e.DECOM as string) < when,
      );
      if (placed) hit(at(a, 'DATE_INT', `placed for adoption on ${placed.DECOM as string}`));
    }
  },
});

/**
 * 582 is a query: its own message says the match is expected before the adoption "in most circumstances".
 */
export const rule582 = rule903({
  code: '582',
  severity: 'query',
  message:
    'The child was adopted on the day they were matched with the adopters; the match is normally before the adoption.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_582.py: an episode ending E11/E12 whose DEC is the AD1 DATE_MATCH (a query: "in most circumstances")',
  check(ctx, hit) {
    const matched = new Map<string, string>();
    for (const a of ctx.ret.AD1) if (a.CHILD !== null && validDate(a.DATE_MATCH)) matched.set(a.CHILD, a.DATE_MATCH);
    for (const e of ctx.ret.Episodes)
      if (adopted(e.REC) && e.CHILD !== null && validDate(e.DEC) && matched.get(e.CHILD) === e.DEC) hit(at(e, 'DEC'));
  },
});

/**
 * 199: an adopted child is a new child in law (a new CHILD ID); no episode may follow an adoption. In this year's
 * file; a cross-year rule (cross-year-adoption.ts) looks at last year's adoptions.
 */
export const rule199 = rule903({
  code: '199',
  severity: 'error',
  message: 'The child was adopted from care earlier, so cannot have a later episode under the same ID.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_199.py: every episode after the child's first episode ending E11/E12 (by DECOM); this year's file here, last year's in cross-year-adoption.ts",
  check(ctx, hit) {
    for (const eps of ctx.episodesByChild.values()) {
      const i = eps.findIndex((e) => adopted(e.REC));
      if (i < 0) continue;
      const when = eps[i]?.DECOM as string;
      for (const e of eps.slice(i + 1)) hit(at(e, 'DECOM', `adopted (episode from ${when})`));
    }
  },
});

export const adopterRules = [
  rule151,
  rule335,
  rule390,
  rule511,
  rule514,
  rule516,
  rule517,
  rule518,
  rule519,
  rule520,
  rule521,
  rule524,
  rule582,
  rule199,
];
