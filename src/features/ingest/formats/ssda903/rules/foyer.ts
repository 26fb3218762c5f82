/**
 * A care leaver's accommodation against age (OC3).
 * Source: lac_validator/rules/lac2023_24/rule_347.py (new in 2023/24).
 */
import { addYears, at, rule903, validDate, type Rule903 } from './context';

/**
 * The validator compares ACCOM with "T", but ACCOM always carries a suitability digit (T1, T2), so as published the
 * rule never fires. Lantern checks the DfE's rule on the accommodation letter: T (a foyer) for a young person not yet
 * 18 on 1 April.
 */
export const rule347: Rule903 = rule903({
  code: '347',
  severity: 'error',
  message: 'Care leavers aged under 18 years, can not be accommodated in a Foyer.',
  years: { from: 2024 },
  source:
    'lac_validator/rules/lac2023_24/rule_347.py: ACCOM T (T1 or T2) with DOB less than 18 years before the start of the collection year',
  check(ctx, hit) {
    for (const o of ctx.ret.OC3)
      if (o.ACCOM !== null && o.ACCOM.startsWith('T') && validDate(o.DOB) && addYears(o.DOB, 18) > ctx.start)
        hit(at(o, 'ACCOM'));
  },
});

export const foyerRules: readonly Rule903[] = [rule347];
