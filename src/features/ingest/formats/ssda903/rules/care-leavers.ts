/**
 * OC3 (care leavers) for 17- and 18-year-olds who were still looked after on their birthday: the DfE collects
 * care-leaver information for them only if they had left care by then. Both rules read the OC3 row's own DOB and
 * take "17 or 18" as at 31 March (17th birthday on or before it, 19th after it); a row counts as care-leaver data
 * when any of IN_TOUCH, ACTIV or ACCOM is given.
 * Sources: lac_validator/rules/lac2022_23/rule_1007.py; lac_validator/rules/lac2023_24/rule_1016.py (added in
 * 2023/24, unchanged to lac2026_27). Both follow the rules' text where the validator's code departs from it (see
 * each rule's source): 1007 also counts an open episode as looked after on the birthday; 1016 looks at the
 * birthday in the year, not always the 17th.
 */
import type { Row } from '../tables';
import { addYears, at, rule903, validDate } from './context';

const hasCareLeaverData = (r: Row<'OC3'>) => r.IN_TOUCH !== null || r.ACTIV !== null || r.ACCOM !== null;

/** The OC3 row's DOB when the child is 17 or 18 on the collection year's last day, else null. */
function dobIfAged17or18(r: Row<'OC3'>, end: string): string | null {
  if (!validDate(r.DOB)) return null;
  return addYears(r.DOB, 17) <= end && addYears(r.DOB, 19) > end ? r.DOB : null;
}

/** The child's last birthday on or before 31 March (for a 17- or 18-year-old, their 17th or 18th, in the year). */
function lastBirthday(dob: string, year: number, end: string): string {
  const born = Number(dob.slice(0, 4));
  const thisYear = addYears(dob, year - born);
  return thisYear <= end ? thisYear : addYears(dob, year - 1 - born);
}

export const rule1007 = rule903({
  code: '1007',
  severity: 'error',
  message:
    'Care leaver information is not required for 17- or 18-year olds who are still looked after on their 17th or 18th birthday.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_1007.py: the birthday is the last one on or before 31 March (the 17th or 18th); an episode covers it when DECOM <= birthday < DEC. ' +
    'An open episode (DEC blank) also covers it here: the rule text the validator quotes ("current episode DEC and/or REC not provided") means exactly that case, which the pandas comparison with a missing DEC drops',
  check(ctx, hit) {
    for (const r of ctx.ret.OC3) {
      if (r.CHILD === null || !hasCareLeaverData(r)) continue;
      const dob = dobIfAged17or18(r, ctx.end);
      if (dob === null) continue;
      const birthday = lastBirthday(dob, ctx.year, ctx.end);
      const eps = ctx.episodesByChild.get(r.CHILD) ?? [];
      const inCare = eps.some(
        (e) => (e.DECOM as string) <= birthday && (e.DEC === null || (validDate(e.DEC) && e.DEC > birthday)),
      );
      if (inCare) hit(at(r, 'IN_TOUCH', `looked after on ${birthday}`));
    }
  },
});

export const rule1016 = rule903({
  code: '1016',
  severity: 'error',
  message:
    'Care leaver information is not required for 17- or 18-year olds who cease to be looked after, after their birthday.',
  years: { from: 2024 },
  source:
    'lac_validator/rules/lac2023_24/rule_1016.py, read as its message says: an episode ending after the birthday in the year (the 17th or 18th, as in 1007). ' +
    'The validator\'s code fails any DEC on or after the 17th birthday (it tests "17th or 18th", which comes to the 17th, with years of 365.2425 days); ' +
    'that rejects the OC3 row of every 18-year-old who left care after turning 17, including those leaving on their 18th birthday, whose care-leaver information the OC3 exists to collect. ' +
    'A DEC on the birthday is not after it: 1007 likewise counts a child ceasing on the birthday as no longer looked after on it',
  check(ctx, hit) {
    const decs = new Map<string, string[]>();
    for (const e of ctx.ret.Episodes) {
      if (e.CHILD === null || !validDate(e.DEC)) continue;
      const list = decs.get(e.CHILD) ?? [];
      list.push(e.DEC);
      decs.set(e.CHILD, list);
    }
    for (const r of ctx.ret.OC3) {
      if (r.CHILD === null || !hasCareLeaverData(r)) continue;
      const dob = dobIfAged17or18(r, ctx.end);
      if (dob === null) continue;
      const birthday = lastBirthday(dob, ctx.year, ctx.end);
      const late = (decs.get(r.CHILD) ?? []).find((dec) => dec > birthday);
      if (late !== undefined) hit(at(r, 'IN_TOUCH', `ceased on ${late}, after the birthday on ${birthday}`));
    }
  },
});

export const careLeaverRules = [rule1007, rule1016];
