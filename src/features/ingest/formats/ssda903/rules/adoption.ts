/**
 * Adoption in the episodes and in AD1. Sources: lac_validator/rules/lac2022_23/rule_601.py (an adoption in the
 * year needs an AD1 row), rule_602.py (an AD1 row needs an adoption episode), rule_331.py, rule_333.py (the
 * order of the adoption dates), rule_184.py (a decision to place for adoption after the birth), rule_1003.py and
 * rule_334.py (the decisions against the start of care).
 */
import { ADOPTED_REC } from '../codes';
import { at, rule903, validDate, type Ctx903 } from './context';

const adopted = (rec: string | null) => rec !== null && (ADOPTED_REC as readonly string[]).includes(rec);

export const rule601 = rule903({
  code: '601',
  severity: 'error',
  message:
    'The additional fields relating to adoption have not been completed although the episode data shows that the child was adopted during the year.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_601.py: REC E11/E12 with DEC in the year and no AD1 row',
  check(ctx, hit) {
    const ad1 = new Set(ctx.ret.AD1.map((a) => a.CHILD));
    for (const e of ctx.ret.Episodes) {
      if (adopted(e.REC) && e.DEC !== null && e.DEC >= ctx.start && e.DEC <= ctx.end && !ad1.has(e.CHILD))
        hit(at(e, 'REC'));
    }
  },
});

export const rule602 = rule903({
  code: '602',
  severity: 'error',
  message:
    'The episode data confirms that the child was adopted during the year; they have an adoption record but the reason for ceasing is not adoption (E11 or E12).',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_602.py: an AD1 row needs an episode ended E11/E12 in the year',
  check(ctx, hit) {
    for (const a of ctx.ret.AD1) {
      if (a.CHILD === null) continue;
      const eps = ctx.episodesByChild.get(a.CHILD) ?? [];
      if (!eps.some((e) => adopted(e.REC) && e.DEC !== null && e.DEC >= ctx.start && e.DEC <= ctx.end))
        hit(at(a, 'CHILD'));
    }
  },
});

export const rule331 = rule903({
  code: '331',
  severity: 'error',
  message: 'The child was matched with the adopters after the adoption placement began.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_331.py: AD1 DATE_MATCH after the DECOM of the child's episode ending E11/E12",
  check(ctx, hit) {
    for (const a of ctx.ret.AD1) {
      if (a.CHILD === null || !validDate(a.DATE_MATCH)) continue;
      const match = a.DATE_MATCH;
      const eps = ctx.episodesByChild.get(a.CHILD) ?? [];
      if (eps.some((e) => adopted(e.REC) && (e.DECOM as string) < match)) hit(at(a, 'DATE_MATCH'));
    }
  },
});

export const rule333 = rule903({
  code: '333',
  severity: 'error',
  message:
    'The date the child should be placed for adoption is missing, or after the date the child was matched with adopters.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_333.py: a DATE_MATCH needs a DATE_INT on or before it',
  check(ctx, hit) {
    for (const a of ctx.ret.AD1) {
      if (!validDate(a.DATE_MATCH)) continue;
      if (a.DATE_INT === null || (validDate(a.DATE_INT) && a.DATE_INT > a.DATE_MATCH)) hit(at(a, 'DATE_INT'));
    }
  },
});

export const rule184 = rule903({
  code: '184',
  severity: 'error',
  message: 'The decision that the child should be placed for adoption is dated before the child was born.',
  years: { from: 2023 },
  source: "lac_validator/rules/lac2022_23/rule_184.py: PlacedAdoption DATE_PLACED before the Header's DOB",
  check(ctx, hit) {
    for (const p of ctx.ret.PlacedAdoption) {
      const dob = p.CHILD === null ? null : (ctx.header.get(p.CHILD)?.DOB ?? null);
      if (validDate(p.DATE_PLACED) && validDate(dob) && p.DATE_PLACED < dob) hit(at(p, 'DATE_PLACED'));
    }
  },
});

/** The DECOM of each child's first (or last) episode with RNE S in the file. */
function careStart(ctx: Ctx903, child: string, which: 'first' | 'last'): string | null {
  const starts = (ctx.episodesByChild.get(child) ?? []).filter((e) => e.RNE === 'S');
  const e = which === 'first' ? starts[0] : starts[starts.length - 1];
  return e ? e.DECOM : null;
}

export const rule1003 = rule903({
  code: '1003',
  severity: 'error',
  message:
    'The decision that the child should be placed for adoption is dated before the child started to be looked after.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_1003.py: PlacedAdoption DATE_PLACED before the DECOM of the child's first episode with RNE S",
  check(ctx, hit) {
    for (const p of ctx.ret.PlacedAdoption) {
      if (p.CHILD === null || !validDate(p.DATE_PLACED)) continue;
      const start = careStart(ctx, p.CHILD, 'first');
      if (start !== null && p.DATE_PLACED < start) hit(at(p, 'DATE_PLACED'));
    }
  },
});

export const rule334 = rule903({
  code: '334',
  severity: 'error',
  message:
    'The date the child should be placed for adoption is before the child started to be looked after in the latest period of care.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_334.py: AD1 DATE_INT before the DECOM of the child's last episode with RNE S",
  check(ctx, hit) {
    for (const a of ctx.ret.AD1) {
      if (a.CHILD === null || !validDate(a.DATE_INT)) continue;
      const start = careStart(ctx, a.CHILD, 'last');
      if (start !== null && a.DATE_INT < start) hit(at(a, 'DATE_INT'));
    }
  },
});

export const adoptionRules = [rule601, rule602, rule331, rule333, rule184, rule1003, rule334];
