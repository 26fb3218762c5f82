/**
 * Missing and away episodes. Sources: lac_validator/rules/lac2022_23/rule_564.py (MIS_START required),
 * rule_567.py (MIS_END not before MIS_START), rule_574.py (a period starts before the previous one ended),
 * rule_570.py (MIS_START not after the year), rule_571.py (MIS_END within the year), rule_586.py (MIS_START after
 * the child's birth), rule_581.py (missing while looked after).
 */
import { compareDateText } from '../../../../../domain/dates';
import type { Row } from '../tables';
import { at, rule903, validDate } from './context';

export const rule564 = rule903({
  code: '564',
  severity: 'error',
  message:
    'Child was missing or away from placement without authorisation. Date started to be missing or away from placement without authorisation is blank.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_564.py',
  check(ctx, hit) {
    for (const m of ctx.ret.Missing) if (m.MISSING !== null && m.MIS_START === null) hit(at(m, 'MIS_START'));
  },
});

export const rule567 = rule903({
  code: '567',
  severity: 'error',
  message:
    'The date that the missing episode or episode that the child was away from placement without authorisation ended is before the date that it started.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_567.py',
  check(ctx, hit) {
    for (const m of ctx.ret.Missing) {
      if (validDate(m.MIS_START) && validDate(m.MIS_END) && m.MIS_END < m.MIS_START) hit(at(m, 'MIS_END'));
    }
  },
});

export const rule574 = rule903({
  code: '574',
  severity: 'error',
  message:
    'A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_574.py: sorted by MIS_START, each starts on or after the previous end',
  check(ctx, hit) {
    const byChild = new Map<string, Array<Row<'Missing'>>>();
    for (const m of ctx.ret.Missing) {
      if (m.CHILD === null || !validDate(m.MIS_START)) continue;
      const list = byChild.get(m.CHILD);
      if (list) list.push(m);
      else byChild.set(m.CHILD, [m]);
    }
    for (const list of byChild.values()) {
      list.sort((a, b) => compareDateText(a.MIS_START as string, b.MIS_START as string));
      for (let i = 1; i < list.length; i++) {
        const previous = list[i - 1] as Row<'Missing'>;
        const m = list[i] as Row<'Missing'>;
        if (previous.MIS_END === null || (validDate(previous.MIS_END) && (m.MIS_START as string) < previous.MIS_END))
          hit(at(m, 'MIS_START'));
      }
    }
  },
});

export const rule570 = rule903({
  code: '570',
  severity: 'error',
  message: 'The child is shown as starting to be missing or away after the end of the collection year.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_570.py: MIS_START after 31 March',
  check(ctx, hit) {
    for (const m of ctx.ret.Missing) if (validDate(m.MIS_START) && m.MIS_START > ctx.end) hit(at(m, 'MIS_START'));
  },
});

export const rule571 = rule903({
  code: '571',
  severity: 'error',
  message: 'The date the child stopped being missing or away is outside the collection year.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_571.py: MIS_END, when given, from 1 April to 31 March',
  check(ctx, hit) {
    for (const m of ctx.ret.Missing)
      if (validDate(m.MIS_END) && (m.MIS_END < ctx.start || m.MIS_END > ctx.end)) hit(at(m, 'MIS_END'));
  },
});

export const rule586 = rule903({
  code: '586',
  severity: 'error',
  message: 'The child is shown as missing or away on or before the date of birth.',
  years: { from: 2023 },
  source: "lac_validator/rules/lac2022_23/rule_586.py: MIS_START after the Missing row's DOB",
  check(ctx, hit) {
    for (const m of ctx.ret.Missing)
      if (validDate(m.MIS_START) && validDate(m.DOB) && m.MIS_START <= m.DOB) hit(at(m, 'MIS_START'));
  },
});

export const rule581 = rule903({
  code: '581',
  severity: 'error',
  message: 'The child is shown as missing or away when not looked after: the start is in none of the child’s episodes.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_581.py: MIS_START within an episode of the child (DECOM to DEC, or open)',
  check(ctx, hit) {
    for (const m of ctx.ret.Missing) {
      if (m.CHILD === null || !validDate(m.MIS_START)) continue;
      const day = m.MIS_START;
      const eps = ctx.episodesByChild.get(m.CHILD) ?? [];
      if (!eps.some((e) => (e.DECOM as string) <= day && (e.DEC === null || !validDate(e.DEC) || day <= e.DEC)))
        hit(at(m, 'MIS_START'));
    }
  },
});

export const missingRules = [rule570, rule571, rule581, rule586, rule564, rule567, rule574];
