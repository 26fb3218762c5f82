/**
 * How long a legal status, short break or temporary placement may last. An episode still open is measured to
 * the end of the collection year (31 March).
 * Sources: lac_validator/rules/lac2022_23/rule_361.py (L1 police protection, 72 hours: more than 3 days),
 * rule_362.py (L2 emergency protection order, 21 days), rule_363.py (L3 child assessment order, 7 days),
 * rule_365.py (V3/V4 short break, 17 days), rule_375.py (T1 hospital, 6 weeks), rule_376.py (T3 carer's holiday,
 * 3 weeks), rule_379.py (T4 other temporary, 7 days).
 */
import type { Row } from '../tables';
import { at, daysBetween, rule903, validDate, type Ctx903, type Rule903 } from './context';

function longestAllowed(
  code: string,
  field: 'LS' | 'PLACE',
  values: readonly string[],
  maxDays: number,
  message: string,
): Rule903 {
  return rule903({
    code,
    severity: 'error',
    message,
    years: { from: 2023 },
    source: `lac_validator/rules/lac2022_23/rule_${code}.py`,
    check(ctx, hit) {
      for (const spell of spells(ctx, field, values)) {
        if (daysBetween(spell.start, spell.end) > maxDays)
          hit(at(spell.first, field, `${daysBetween(spell.start, spell.end)} days`));
      }
    },
  });
}

/** Runs of consecutive episodes of a child with the same value of `field` among `values`, with their dates. */
function* spells(
  ctx: Ctx903,
  field: 'LS' | 'PLACE',
  values: readonly string[],
): Generator<{ first: Row<'Episodes'>; start: string; end: string }> {
  for (const eps of ctx.episodesByChild.values()) {
    let run: { first: Row<'Episodes'>; start: string; end: string } | null = null;
    for (const e of eps) {
      const value = e[field];
      const end = validDate(e.DEC) ? e.DEC : ctx.end;
      if (value !== null && values.includes(value)) {
        if (run && run.first[field] === value && run.end === e.DECOM) run.end = end;
        else {
          if (run) yield run;
          run = { first: e, start: e.DECOM as string, end };
        }
      } else if (run) {
        yield run;
        run = null;
      }
    }
    if (run) yield run;
  }
}

export const rule361 = longestAllowed(
  '361',
  'LS',
  ['L1'],
  3,
  'Child in police protection (L1) for more than 72 hours.',
);
export const rule362 = longestAllowed(
  '362',
  'LS',
  ['L2'],
  21,
  'Emergency protection order (EPO, L2) lasting more than 21 days.',
);
export const rule363 = longestAllowed(
  '363',
  'LS',
  ['L3'],
  7,
  'Child assessment order (CAO, L3) lasting more than 7 days.',
);
export const rule365 = longestAllowed(
  '365',
  'LS',
  ['V3', 'V4'],
  17,
  'Any individual short-term respite placement must not exceed 17 days.',
);
export const rule375 = longestAllowed('375', 'PLACE', ['T1'], 42, 'Hospital placement (T1) lasting more than 6 weeks.');
export const rule376 = longestAllowed(
  '376',
  'PLACE',
  ['T3'],
  21,
  "Temporary placement during the carer's holiday (T3) lasting more than 3 weeks.",
);
export const rule379 = longestAllowed(
  '379',
  'PLACE',
  ['T4'],
  7,
  'Temporary placement for another reason (T4) lasting more than 7 days.',
);

export const durationRules = [rule361, rule362, rule363, rule365, rule375, rule376, rule379];
