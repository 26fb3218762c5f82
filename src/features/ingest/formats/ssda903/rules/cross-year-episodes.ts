/**
 * Cross-year rules on episodes (beside cross-year.ts): a child looked after before this year must have been in last
 * year's return, its first episode this year must carry on last year's last, and a care leaver whose care was open
 * at the end of last year must have episodes this year. Run only when last year's return has been imported.
 * Sources: lac_validator/rules/lac2022_23/rule_562.py, rule_1010.py, rule_NoE.py (unchanged in later years).
 */
import { defineRule } from '../../../rules';
import { at, validDate } from './context';
import type { CrossYearCtx, CrossYearRule } from './cross-year-context';

/** 1 April of the collection year. */
const startOf = (year: number): string => `${String(year - 1)}-04-01`;

export const rule562: CrossYearRule = defineRule<CrossYearCtx>({
  code: '562',
  severity: 'error',
  message:
    'Episode commenced before the start of the current collection year but there is a missing continuous episode in the previous year.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_562.py: a child's earliest episode this year, when it starts before 1 April, must start the day last year's latest episode (by DECOM) started",
  check(ctx, hit) {
    const start = startOf(ctx.year);
    for (const [child, first] of ctx.firstEpisode) {
      if ((first.DECOM as string) >= start) continue;
      const last = ctx.lastEpisode.get(child);
      if (!last || last.DECOM !== first.DECOM)
        hit(at(first, 'DECOM', `last year's latest episode started ${last?.DECOM ?? 'none'}`));
    }
  },
});

export const ruleNoE: CrossYearRule = defineRule<CrossYearCtx>({
  code: 'NoE',
  severity: 'error',
  message:
    'This child has no episodes loaded for previous year even though child started to be looked after before this current year.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_NoE.py: every episode starting before 1 April of a child with no episode in last year's return",
  check(ctx, hit) {
    const start = startOf(ctx.year);
    const lastYear = new Set<string>();
    for (const e of ctx.last.Episodes) if (e.CHILD !== null) lastYear.add(e.CHILD);
    for (const e of ctx.ret.Episodes)
      if (e.CHILD !== null && validDate(e.DECOM) && e.DECOM < start && !lastYear.has(e.CHILD)) hit(at(e, 'DECOM'));
  },
});

export const rule1010: CrossYearRule = defineRule<CrossYearCtx>({
  code: '1010',
  severity: 'error',
  message:
    'This child has no episodes loaded for current year even though there was an open episode of care at the end of the previous year, and care leaver data has been entered.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_1010.py: an OC3 row of a child with no episode this year whose latest episode last year (by DECOM) has no DEC',
  check(ctx, hit) {
    const thisYear = new Set<string>();
    for (const e of ctx.ret.Episodes) if (e.CHILD !== null) thisYear.add(e.CHILD);
    for (const o of ctx.ret.OC3) {
      if (o.CHILD === null || thisYear.has(o.CHILD)) continue;
      const last = ctx.lastEpisode.get(o.CHILD);
      if (last && last.DEC === null) hit(at(o, 'IN_TOUCH'));
    }
  },
});

export const crossYearEpisodeRules: readonly CrossYearRule[] = [rule562, ruleNoE, rule1010];
