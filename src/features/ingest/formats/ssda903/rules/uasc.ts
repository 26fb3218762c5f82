/**
 * The UASC table on its own (the rules comparing it with last year's are in cross-year-status.ts). Source:
 * lac_validator/rules/lac2022_23/rule_104.py: DUC, when given, is a date on or after 1 April of the collection
 * year (a status that ceased before the year began has no place in the return). The reader leaves DUC to this rule.
 */
import { at, rule903, validDate } from './context';

export const rule104 = rule903({
  code: '104',
  severity: 'error',
  message: 'The date UASC status ceased is not a valid date, or is before the collection year.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_104.py: DUC not a dd/mm/yyyy date, or before 1 April',
  check(ctx, hit) {
    for (const u of ctx.ret.UASC)
      if (u.DUC !== null && (!validDate(u.DUC) || u.DUC < ctx.start)) hit(at(u, 'DUC', `DUC "${u.DUC}"`));
  },
});

export const uascRules = [rule104];
