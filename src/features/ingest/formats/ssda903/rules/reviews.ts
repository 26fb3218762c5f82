/**
 * The Reviews table: the review's date and how the child took part. Sources: lac_validator/rules/lac2022_23/
 * rule_166.py (REVIEW a date), rule_167.py (REVIEW_CODE PN0–PN7 with a review, blank without), rule_440.py (PN0 is
 * for a child under 4 on the day) and rule_441.py (PN1–PN7 for a child 4 or over), unchanged in the later years.
 * The reader leaves REVIEW and REVIEW_CODE to 166 and 167, blank or not (tables.ts, codes.ts).
 */
import { REVIEW_PARTICIPATION_CODES } from '../../../../../domain/code-lists';
import { isIsoDate } from '../../../../../domain/dates';
import { addYears, at, rule903, validDate } from './context';

export const rule166 = rule903({
  code: '166',
  severity: 'error',
  message: 'The date of the review is blank or not a valid date.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_166.py: REVIEW blank or not a dd/mm/yyyy date',
  check(ctx, hit) {
    for (const r of ctx.ret.Reviews) {
      const review: string | null = r.REVIEW;
      if (review === null) hit(at(r, 'REVIEW', 'blank'));
      else if (!isIsoDate(review)) hit(at(r, 'REVIEW', `REVIEW "${review}"`));
    }
  },
});

export const rule167 = rule903({
  code: '167',
  severity: 'error',
  message: 'How the child took part in the review is blank or not a valid code (or given with no review date).',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_167.py: with a REVIEW, REVIEW_CODE one of PN0–PN7; with no REVIEW, no ' +
    'REVIEW_CODE',
  check(ctx, hit) {
    const codes: readonly string[] = REVIEW_PARTICIPATION_CODES;
    for (const r of ctx.ret.Reviews) {
      const ok = r.REVIEW !== null ? r.REVIEW_CODE !== null && codes.includes(r.REVIEW_CODE) : r.REVIEW_CODE === null;
      if (!ok) hit(at(r, 'REVIEW_CODE', r.REVIEW_CODE === null ? 'blank' : `REVIEW_CODE ${r.REVIEW_CODE}`));
    }
  },
});

export const rule440 = rule903({
  code: '440',
  severity: 'error',
  message: 'PN0 says the child was under 4 at the review, but the child was 4 or over by then.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_440.py: REVIEW_CODE PN0 with REVIEW after the 4th birthday (a review on the ' +
    '4th birthday itself passes)',
  check(ctx, hit) {
    for (const r of ctx.ret.Reviews)
      if (r.REVIEW_CODE === 'PN0' && validDate(r.REVIEW) && validDate(r.DOB) && r.REVIEW > addYears(r.DOB, 4))
        hit(at(r, 'REVIEW_CODE'));
  },
});

export const rule441 = rule903({
  code: '441',
  severity: 'error',
  message: 'PN1–PN7 say the child was 4 or over at the review, but the child was under 4 then.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_441.py: REVIEW_CODE PN1–PN7 with REVIEW before the 4th birthday',
  check(ctx, hit) {
    for (const r of ctx.ret.Reviews)
      if (
        r.REVIEW_CODE !== null &&
        /^PN[1-7]$/.test(r.REVIEW_CODE) &&
        validDate(r.REVIEW) &&
        validDate(r.DOB) &&
        r.REVIEW < addYears(r.DOB, 4)
      )
        hit(at(r, 'REVIEW_CODE'));
  },
});

export const reviewRules = [rule166, rule167, rule440, rule441];
