/**
 * Previous permanence (PrevPerm): what permanence option (adoption P1, special guardianship P2, a residence or child
 * arrangements order P3, unknown P4, none Z1) the child had before starting to be looked after, where it was
 * arranged (LA_PERM) and when (DATE_PERM, whose day, month or year may be unknown: ZZ/05/2019, ZZ/ZZ/2019,
 * ZZ/ZZ/ZZZZ). Sources (each rule names its file): lac_validator/rules/lac2022_23/rule_630.py, rule_632.py (with
 * rule_utils.py valid_date), rule_634.py, rule_635.py (all unchanged to lac2026_27). 633, LA_PERM's code list, is a
 * code rule (codes.ts).
 */
import { partialDatePerm } from '../date-perm';
import { at, rule903, validDate } from './context';

/** DATE_PERM's latest possible day ('' when the year is unknown), or null when it is not a valid DATE_PERM. */
function latestDatePerm(value: string): string | null {
  return validDate(value) ? value : partialDatePerm(value);
}

export const rule630 = rule903({
  code: '630',
  severity: 'error',
  message:
    'The child started to be looked after in the year, so their previous permanence option must be given, with where and when it was arranged unless it is Z1 (none).',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_630.py: an episode with RNE S and DECOM from 1 April needs a PrevPerm row for the child, with PREV_PERM, and LA_PERM and DATE_PERM unless PREV_PERM is Z1',
  check(ctx, hit) {
    if (!ctx.given.has('PrevPerm')) return;
    const prevPerm = new Map(ctx.ret.PrevPerm.map((p) => [p.CHILD, p]));
    for (const e of ctx.ret.Episodes) {
      if (e.RNE !== 'S' || !validDate(e.DECOM) || e.DECOM < ctx.start || e.CHILD === null) continue;
      const p = prevPerm.get(e.CHILD);
      if (!p) hit(at(e, 'RNE', 'no PrevPerm row'));
      else if (p.PREV_PERM === null) hit(at(e, 'RNE', 'PREV_PERM blank'));
      else if (p.PREV_PERM !== 'Z1' && (p.LA_PERM === null || p.DATE_PERM === null))
        hit(at(e, 'RNE', `PREV_PERM ${p.PREV_PERM} without ${p.LA_PERM === null ? 'LA_PERM' : 'DATE_PERM'}`));
    }
  },
});

/**
 * 632 compares DATE_PERM with the start of the period of care it describes: the child's first episode with RNE S
 * starting in the year (as the export writes it), else their first episode. The validator takes the child's first
 * episode in the file, which for a child whose earlier period ended in the order (an SGO, say) and who came back into
 * care in the year is before the order: a false positive its own message warns of. A date whose year is unknown
 * (ZZZZ) is valid and not compared.
 */
export const rule632 = rule903({
  code: '632',
  severity: 'error',
  message:
    'The date of the previous permanence order is not a valid date (dd/mm/yyyy, with ZZ for an unknown day or month and ZZZZ for an unknown year), or is not before the child started to be looked after.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_632.py and rule_utils.py valid_date: DATE_PERM's latest possible day on or after the DECOM of the period it describes, or not a date",
  check(ctx, hit) {
    for (const p of ctx.ret.PrevPerm) {
      if (p.DATE_PERM === null) continue;
      const latest = latestDatePerm(p.DATE_PERM);
      if (latest === null) {
        hit(at(p, 'DATE_PERM', `"${p.DATE_PERM}"`));
        continue;
      }
      if (latest === '' || p.CHILD === null) continue;
      const eps = ctx.episodesByChild.get(p.CHILD) ?? [];
      const start = eps.find((e) => e.RNE === 'S' && (e.DECOM as string) >= ctx.start) ?? eps[0];
      if (start && latest >= (start.DECOM as string))
        hit(at(p, 'DATE_PERM', `started to be looked after on ${start.DECOM as string}`));
    }
  },
});

export const rule634 = rule903({
  code: '634',
  severity: 'error',
  message: 'Previous permanence is given for a child who did not start to be looked after in the collection year.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_634.py: a PrevPerm row with any item given whose child's latest DECOM is before 1 April (the rule's check; its message's 1 April 2016 is the date the items began)",
  check(ctx, hit) {
    for (const p of ctx.ret.PrevPerm) {
      if (p.CHILD === null || (p.PREV_PERM === null && p.LA_PERM === null && p.DATE_PERM === null)) continue;
      const last = (ctx.episodesByChild.get(p.CHILD) ?? []).at(-1);
      if (last && (last.DECOM as string) < ctx.start)
        hit(at(p, 'PREV_PERM', `latest episode from ${last.DECOM as string}`));
    }
  },
});

/**
 * 635 follows its message: where and when a previous permanence order was arranged must not be given when there was
 * none (Z1). The validator's check looks only for a blank PREV_PERM; Lantern reports both.
 */
export const rule635 = rule903({
  code: '635',
  severity: 'error',
  message:
    'Where or when a previous permanence order was arranged is given, but the previous permanence option is Z1 (none) or blank.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_635.py, read with its message: LA_PERM or DATE_PERM given with PREV_PERM Z1 or blank',
  check(ctx, hit) {
    for (const p of ctx.ret.PrevPerm)
      if ((p.LA_PERM !== null || p.DATE_PERM !== null) && (p.PREV_PERM === null || p.PREV_PERM === 'Z1'))
        hit(at(p, 'PREV_PERM', `PREV_PERM ${p.PREV_PERM ?? 'blank'}`));
  },
});

export const previousPermanenceRules = [rule630, rule632, rule634, rule635];
