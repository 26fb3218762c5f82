/**
 * Header rules. Sources: lac_validator/rules/lac2022_23/rule_168.py (UPN pattern), rule_210.py (UN4 for a child
 * looked after more than a week at 31 March), lac2022_23/rule_209.py (UN1 at school age), lac2024_25/rule_232.py (SEX U, a query), rule_231.py (a young UASC, a query), rule_EPI.py.
 */
import { addYears, at, daysBetween, rule903, validDate } from './context';

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

/**
 * EPI is a warning in the validator ("episodes need to be loaded for this child"): a Header child with no Episodes
 * row and no OC3 row is in the return for no reason the return shows. Lantern reports it as a query.
 */
export const ruleEPI = rule903({
  code: 'EPI',
  severity: 'query',
  message:
    'The child is in the Header but has no episodes and no care leaver (OC3) row: check the episodes were included.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_EPI.py: Header children in neither Episodes nor OC3',
  check(ctx, hit) {
    const seen = new Set<string | null>([...ctx.ret.Episodes.map((e) => e.CHILD), ...ctx.ret.OC3.map((r) => r.CHILD)]);
    for (const h of ctx.ret.Header) if (h.CHILD !== null && !seen.has(h.CHILD)) hit(at(h, 'CHILD'));
  },
});

/**
 * 231 (new in 2024/25) asks for a check of the date of birth of an unaccompanied asylum-seeking child under 11 at
 * 31 March. The published check reads a Header column UASC_STATUS that the validator never creates (its CSV
 * ingress adds UASC), so it can never fire; Lantern follows the rule's meaning: a child in the UASC table whose
 * 11th birthday is after 31 March. A query, as its message ("please check") says.
 */
export const rule231 = rule903({
  code: '231',
  severity: 'query',
  message:
    'The child is recorded as an unaccompanied asylum-seeking child but is under 11 at 31 March: check the date of birth.',
  years: { from: 2025 },
  source: 'lac_validator/rules/lac2024_25/rule_231.py (see above: Lantern reads UASC from the UASC table)',
  check(ctx, hit) {
    const uasc = new Set(ctx.ret.UASC.map((u) => u.CHILD));
    for (const h of ctx.ret.Header)
      if (h.CHILD !== null && uasc.has(h.CHILD) && validDate(h.DOB) && addYears(h.DOB, 11) > ctx.end) hit(at(h, 'DOB'));
  },
});

/**
 * 209: a child of school age cannot have UPN UN1 ("not of school age"). School age: 4 by 31 August of the calendar
 * year before the collection year starts (31 August 2024 for 2025/26), as the validator counts it.
 */
export const rule209 = rule903({
  code: '209',
  severity: 'error',
  message: 'The child is of school age and should not have the unknown UPN code UN1 (not of school age).',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_209.py: UPN UN1 with DOB + 4 years on or before 31 August of the year before the collection year starts',
  check(ctx, hit) {
    const cutOff = `${ctx.year - 2}-08-31`;
    for (const h of ctx.ret.Header)
      if (h.UPN === 'UN1' && validDate(h.DOB) && addYears(h.DOB, 4) <= cutOff) hit(at(h, 'UPN'));
  },
});

export const headerRules = [rule168, rule209, rule210, rule232, ruleEPI, rule231];
