/**
 * Header rules. Sources: lac_validator/rules/lac2022_23/rule_168.py (UPN pattern), rule_210.py (UN4 for a child
 * looked after more than a week at 31 March), lac2024_25/rule_232.py (SEX U, a query).
 */
import { at, daysBetween, rule903 } from './context';

const UPN = /^(?:[A-HJ-NP-RT-Z]\d{12}|[A-HJ-NP-RT-Z]\d{11}[A-Z]|UN[1-5])$/;

export const rule168 = rule903({
  code: '168',
  severity: 'error',
  message: 'Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_168.py: a letter other than I, O or S, then 12 digits or 11 digits and a letter',
  check(ctx, hit) {
    for (const h of ctx.ret.Header) if (h.UPN !== null && !UPN.test(h.UPN)) hit(at(h, 'UPN'));
  },
});

export const rule210 = rule903({
  code: '210',
  severity: 'error',
  message: 'Children looked after for more than a week at 31 March should not have an unknown UPN code of UN4.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_210.py: an episode open at 31 March whose period began more than 7 days before',
  check(ctx, hit) {
    for (const h of ctx.ret.Header) {
      if (h.UPN !== 'UN4' || h.CHILD === null) continue;
      const eps = ctx.episodesByChild.get(h.CHILD) ?? [];
      const last = eps[eps.length - 1];
      if (!last || (last.DEC !== null && last.DEC <= ctx.end)) continue;
      // The start of the period holding the last episode: back through continuation episodes.
      let i = eps.length - 1;
      while (i > 0 && (eps[i] as { RNE: string | null }).RNE !== 'S') i--;
      const start = (eps[i] as { DECOM: string | null }).DECOM as string;
      if (daysBetween(start, ctx.end) > 7) hit(at(h, 'UPN'));
    }
  },
});

export const rule232 = rule903({
  code: '232',
  severity: 'query',
  message: "The child's sex is recorded as U (unknown or not recorded). Check this is correct.",
  years: { from: 2025 },
  source: 'lac_validator/rules/lac2024_25/rule_232.py (a query: the authority may confirm it)',
  check(ctx, hit) {
    for (const h of ctx.ret.Header) if (h.SEX === 'U') hit(at(h, 'SEX'));
  },
});

export const headerRules = [rule168, rule210, rule232];
