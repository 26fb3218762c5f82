/**
 * Adoption in the episodes and in AD1. Sources: lac_validator/rules/lac2022_23/rule_601.py (an adoption in the
 * year needs an AD1 row), rule_602.py (an AD1 row needs an adoption episode).
 */
import { ADOPTED_REC } from '../codes';
import { at, rule903 } from './context';

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

export const adoptionRules = [rule601, rule602];
