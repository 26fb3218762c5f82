/**
 * When the Header's MOTHER must be given and when it must not (the values themselves are mother.ts). Sources:
 * lac_validator/rules/lac2022_23/rule_393.py and lac2024_25/rule_393.py (SEX 2, then F), rule_399.py,
 * rule_607.py and lac2024_25/rule_607.py, rule_628.py. SEX is read as the year codes it (canonicalSex), as in
 * mother.ts.
 */
import { canonicalSex } from '../codes';
import type { Row } from '../tables';
import { at, rule903, validDate, type Ctx903 } from './context';

const shortBreak = (ls: string | null) => ls === 'V3' || ls === 'V4';
const female = (h: Row<'Header'>, ctx: Ctx903) => h.SEX !== null && canonicalSex(h.SEX, ctx.year) === 'F';

export const rule393 = rule903({
  code: '393',
  severity: 'error',
  message: 'The child is a girl looked after (other than in short breaks), but MOTHER is blank.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_393.py (SEX 2), lac2024_25/rule_393.py (SEX F): a female child with an ' +
    'episode whose LS is not V3 or V4 has MOTHER',
  check(ctx, hit) {
    for (const h of ctx.ret.Header) {
      if (h.CHILD === null || h.MOTHER !== null || !female(h, ctx)) continue;
      if ((ctx.episodesByChild.get(h.CHILD) ?? []).some((e) => !shortBreak(e.LS))) hit(at(h, 'MOTHER'));
    }
  },
});

export const rule399 = rule903({
  code: '399',
  severity: 'error',
  message: 'The child is looked after only in short breaks (V3/V4), so MOTHER and reviews must not be given.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_399.py: for a child all of whose episodes are V3 or V4, MOTHER, REVIEW and ' +
    'REVIEW_CODE blank. Lantern hits the Header row (MOTHER given) and each of the child’s Reviews rows; the ' +
    'validator also lists the child’s episodes',
  check(ctx, hit) {
    const onlyShortBreaks = new Set<string>();
    for (const [child, eps] of ctx.episodesByChild) if (eps.every((e) => shortBreak(e.LS))) onlyShortBreaks.add(child);
    for (const h of ctx.ret.Header)
      if (h.CHILD !== null && onlyShortBreaks.has(h.CHILD) && h.MOTHER !== null) hit(at(h, 'MOTHER'));
    for (const r of ctx.ret.Reviews)
      if (r.CHILD !== null && onlyShortBreaks.has(r.CHILD) && (r.REVIEW !== null || r.REVIEW_CODE !== null))
        hit(at(r, 'REVIEW'));
  },
});

export const rule607 = rule903({
  code: '607',
  severity: 'error',
  message: 'The child is a girl who ceased to be looked after in the year, but MOTHER is blank.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_607.py (SEX 2), lac2024_25/rule_607.py (SEX F): a female child with an ' +
    'episode ending in the year with a REC other than X1, LS not V3 or V4, has MOTHER. Lantern hits the Header row ' +
    'once; the validator also lists the episodes',
  check(ctx, hit) {
    for (const h of ctx.ret.Header) {
      if (h.CHILD === null || h.MOTHER !== null || !female(h, ctx)) continue;
      const left = (ctx.episodesByChild.get(h.CHILD) ?? []).some(
        (e) =>
          validDate(e.DEC) &&
          e.DEC >= ctx.start &&
          e.DEC <= ctx.end &&
          e.REC !== null &&
          e.REC !== 'X1' &&
          !shortBreak(e.LS),
      );
      if (left) hit(at(h, 'MOTHER'));
    }
  },
});

export const rule628 = rule903({
  code: '628',
  severity: 'error',
  message: 'MOTHER is given for a care leaver who was not looked after during the year.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_628.py: a Header child with no episode in the file and an OC3 row with ' +
    'IN_TOUCH, ACTIV or ACCOM has MOTHER blank',
  check(ctx, hit) {
    const inEpisodes = new Set<string>();
    for (const e of ctx.ret.Episodes) if (e.CHILD !== null) inEpisodes.add(e.CHILD);
    const careLeavers = new Set<string>();
    for (const r of ctx.ret.OC3)
      if (r.CHILD !== null && (r.IN_TOUCH !== null || r.ACTIV !== null || r.ACCOM !== null)) careLeavers.add(r.CHILD);
    for (const h of ctx.ret.Header)
      if (h.CHILD !== null && h.MOTHER !== null && careLeavers.has(h.CHILD) && !inEpisodes.has(h.CHILD))
        hit(at(h, 'MOTHER'));
  },
});

export const motherStatusRules = [rule393, rule399, rule607, rule628];
