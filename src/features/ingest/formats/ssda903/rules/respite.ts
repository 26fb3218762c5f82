/**
 * Very short episodes and respite care.
 * Sources: lac_validator/rules/lac2022_23/rule_355.py (an episode that starts and ends on the same day "appears to
 * have lasted for less than 24 hours"), rule_367.py (short breaks under V3: at most 75 days in the collection year;
 * each V3 episode counted from its start, or 1 April, to its end, or 31 March; episodes of no length ignored).
 */
import { at, daysBetween, rule903, validDate, type Rule903 } from './context';

/**
 * 355 is worded as a doubt ("appears to"): an episode can really start and end on one day (a legal status changed
 * the same day), so Lantern reports it as a query for the authority to explain, not an error.
 */
export const rule355: Rule903 = rule903({
  code: '355',
  severity: 'query',
  message: 'Episode appears to have lasted for less than 24 hours',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_355.py',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) {
      if (validDate(e.DECOM) && e.DECOM === e.DEC) hit(at(e, 'DEC'));
    }
  },
});

export const rule367: Rule903 = rule903({
  code: '367',
  severity: 'error',
  message: 'The maximum amount of respite care allowable is 75 days in any 12-month period.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_367.py',
  check(ctx, hit) {
    for (const eps of ctx.episodesByChild.values()) {
      const spells = eps
        .filter((e) => e.LS === 'V3')
        .map((e) => {
          const start = (e.DECOM as string) < ctx.start ? ctx.start : (e.DECOM as string);
          const end = validDate(e.DEC) && e.DEC <= ctx.end ? e.DEC : ctx.end;
          return { e, days: daysBetween(start, end) };
        })
        .filter((s) => s.days > 0);
      const total = spells.reduce((n, s) => n + s.days, 0);
      if (total > 75) for (const s of spells) hit(at(s.e, 'DECOM', `${total} days of respite in the year`));
    }
  },
});

export const respiteRules: readonly Rule903[] = [rule355, rule367];
