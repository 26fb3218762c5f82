/**
 * The Header's MOTHER and MC_DOB. Sources: lac_validator/rules/lac2022_23/rule_165.py, rule_174.py, rule_611.py,
 * rule_612.py, rule_620.py, rule_621.py, rule_625.py; lac2024_25/rule_174.py and rule_612.py (the same with SEX
 * M/F). Where a published rule compares SEX with one year's codes, Lantern reads SEX as the year codes it
 * (canonicalSex): 1/2 until 2023/24, M/F from 2024/25.
 */
import { canonicalSex } from '../codes';
import type { Row } from '../tables';
import { addYears, at, rule903, validDate, type Ctx903 } from './context';

const sexOf = (h: Row<'Header'>, ctx: Ctx903) => (h.SEX === null ? null : canonicalSex(h.SEX, ctx.year));

/**
 * 165 compares SEX with '1' and '2', the codes until 2023/24; from 2024/25 SEX is M/F/U and the published rule can
 * no longer fire. The DfE's rule is about the child's sex, so Lantern reads SEX as the year codes it
 * (canonicalSex). A MOTHER that is not 0 or 1 is the reader's to report (a code outside the list).
 */
export const rule165 = rule903({
  code: '165',
  severity: 'error',
  message:
    'Mother status does not fit the child: it must be blank for a boy, and given for a girl looked after in the year ' +
    'but not for one only in OC3.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_165.py. Children with an episode (V3/V4 short breaks left out): MOTHER ' +
    'given for a male child; MOTHER blank for a female child with an episode in the year; MOTHER given for a female ' +
    'child with no episode in the year but an OC3 row with IN_TOUCH, ACTIV or ACCOM. Sex read as the year codes it',
  check(ctx, hit) {
    const oc3 = new Set<string>();
    for (const r of ctx.ret.OC3)
      if (r.CHILD !== null && (r.IN_TOUCH !== null || r.ACTIV !== null || r.ACCOM !== null)) oc3.add(r.CHILD);
    for (const [child, all] of ctx.episodesByChild) {
      const h = ctx.header.get(child);
      const eps = all.filter((e) => e.LS !== 'V3' && e.LS !== 'V4');
      if (!h || eps.length === 0) continue;
      const sex = sexOf(h, ctx);
      const inYear = eps.some(
        (e) => (e.DECOM as string) <= ctx.end && (e.DEC === null || !validDate(e.DEC) || e.DEC >= ctx.start),
      );
      if (sex === 'M' && h.MOTHER !== null) hit(at(h, 'MOTHER', 'a male child'));
      else if (sex === 'F' && h.MOTHER === null && inYear) hit(at(h, 'MOTHER', 'blank for a girl looked after'));
      else if (sex === 'F' && h.MOTHER !== null && !inYear && oc3.has(child))
        hit(at(h, 'MOTHER', 'given for a care leaver not looked after in the year'));
    }
  },
});

export const rule611 = rule903({
  code: '611',
  severity: 'error',
  message: "The child is recorded as a mother but the date of birth of the mother's child is blank.",
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_611.py: MOTHER 1 needs MC_DOB',
  check(ctx, hit) {
    for (const h of ctx.ret.Header) if (h.MOTHER === '1' && h.MC_DOB === null) hit(at(h, 'MC_DOB'));
  },
});

export const rule174 = rule903({
  code: '174',
  severity: 'error',
  message: "The date of birth of a mother's child is given for a male child.",
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_174.py (SEX 1), lac2024_25/rule_174.py (SEX M)',
  check(ctx, hit) {
    for (const h of ctx.ret.Header) if (h.MC_DOB !== null && sexOf(h, ctx) === 'M') hit(at(h, 'MC_DOB'));
  },
});

export const rule612 = rule903({
  code: '612',
  severity: 'error',
  message: "The date of birth of a mother's child is given but MOTHER says the child is not a mother.",
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_612.py (SEX 2), lac2024_25/rule_612.py (SEX F): MOTHER 0 or blank with MC_DOB',
  check(ctx, hit) {
    for (const h of ctx.ret.Header)
      if (h.MC_DOB !== null && h.MOTHER !== '1' && sexOf(h, ctx) === 'F') hit(at(h, 'MOTHER'));
  },
});

export const rule620 = rule903({
  code: '620',
  severity: 'error',
  message: 'The child is recorded as a mother but was under 11 at the start of the year.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_620.py: MOTHER 1 with the 11th birthday after 1 April',
  check(ctx, hit) {
    for (const h of ctx.ret.Header)
      if (h.MOTHER === '1' && validDate(h.DOB) && addYears(h.DOB, 11) > ctx.start) hit(at(h, 'MOTHER'));
  },
});

export const rule621 = rule903({
  code: '621',
  severity: 'error',
  message: "The mother's child is shown as born on or before the mother's own date of birth.",
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_621.py: MC_DOB, when given, after DOB',
  check(ctx, hit) {
    for (const h of ctx.ret.Header)
      if (validDate(h.MC_DOB) && validDate(h.DOB) && h.MC_DOB <= h.DOB) hit(at(h, 'MC_DOB'));
  },
});

export const rule625 = rule903({
  code: '625',
  severity: 'error',
  message: "The mother's child is shown as born after the end of the year, or after the mother left care.",
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_625.py: MC_DOB after 31 March, or after the DEC of the child's latest episode. " +
    'The validator takes the latest DEC of any episode, so a mother who left care and came back (her last episode ' +
    'still open) would be held to the earlier leaving date; Lantern takes the DEC of her last episode, and none when ' +
    'it is open, as the rule means: the baby was born while she was looked after or before',
  check(ctx, hit) {
    for (const h of ctx.ret.Header) {
      if (h.CHILD === null || !validDate(h.MC_DOB)) continue;
      const eps = ctx.episodesByChild.get(h.CHILD) ?? [];
      const left = eps[eps.length - 1]?.DEC ?? null;
      if (h.MC_DOB > ctx.end || (validDate(left) && h.MC_DOB > left)) hit(at(h, 'MC_DOB'));
    }
  },
});

export const motherRules = [rule165, rule174, rule611, rule612, rule620, rule621, rule625];
