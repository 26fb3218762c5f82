/**
 * Deprivation of Liberty Orders (from 2026/27). Sources: lac_validator/rules/lac2026_27/rule_702.py (ended on or
 * before it started), rule_703.py / rule_704.py (dates outside the collection year), rule_705.py (a DoLO after one
 * still open, or inside the previous one), rule_707.py (care ended with a DoLO still open), rule_708.py (started
 * on or before the DOB), rule_709.py (a DoLO overlapping an episode placed other than K2, Z12 or Z13; only DoLOs
 * with both dates, as the validator does), rule_710.py (a DoLO overlapping a K1, P1, R5 or K3 placement).
 * rule_706.py (an open DoLO in last year's return must reappear this year) compares with last year's return, so it
 * is a cross-year rule (listed in cross-year.ts CROSS_YEAR_RULES). Dates that are not valid are left to rules
 * 700/701.
 */
import { defineRule } from '../../../rules';
import type { Row } from '../tables';
import { at, rule903, validDate } from './context';
import type { CrossYearCtx } from './cross-year-context';

export const rule702 = rule903({
  code: '702',
  severity: 'error',
  message: 'The date that the DoLO ended is before the date that it started.',
  years: { from: 2027 },
  source:
    "lac_validator/rules/lac2026_27/rule_702.py: DOLO_END on or before DOLO_START (the validator's <=, so ending on the start day fails too)",
  check(ctx, hit) {
    for (const d of ctx.ret.DoLo)
      if (validDate(d.DOLO_START) && validDate(d.DOLO_END) && d.DOLO_END <= d.DOLO_START) hit(at(d, 'DOLO_START'));
  },
});

export const rule703 = rule903({
  code: '703',
  severity: 'error',
  message: 'The date that the DoLO started is after the end of the collection year.',
  years: { from: 2027 },
  source: 'lac_validator/rules/lac2026_27/rule_703.py',
  check(ctx, hit) {
    for (const d of ctx.ret.DoLo) if (validDate(d.DOLO_START) && d.DOLO_START > ctx.end) hit(at(d, 'DOLO_START'));
  },
});

export const rule704 = rule903({
  code: '704',
  severity: 'error',
  message: 'The date that the DoLO ended is before the start or after the end of the collection year.',
  years: { from: 2027 },
  source: 'lac_validator/rules/lac2026_27/rule_704.py',
  check(ctx, hit) {
    for (const d of ctx.ret.DoLo)
      if (validDate(d.DOLO_END) && (d.DOLO_END < ctx.start || d.DOLO_END > ctx.end)) hit(at(d, 'DOLO_END'));
  },
});

export const rule705 = rule903({
  code: '705',
  severity: 'error',
  message: 'A DoLO cannot start when the previous DoLO is still open.',
  years: { from: 2027 },
  source:
    "lac_validator/rules/lac2026_27/rule_705.py: a child's DoLOs with a start, taken latest end first with open ones last (the validator's order); " +
    'each fails if the one after it in that order (the "previous" DoLO) is open or started later. The validator sorts and compares the dd/mm/yyyy strings; Lantern compares dates',
  check(ctx, hit) {
    const byChild = new Map<string, Array<Row<'DoLo'>>>();
    for (const d of ctx.ret.DoLo) {
      if (d.CHILD === null || !validDate(d.DOLO_START) || (d.DOLO_END !== null && !validDate(d.DOLO_END))) continue;
      const list = byChild.get(d.CHILD) ?? [];
      list.push(d);
      byChild.set(d.CHILD, list);
    }
    for (const list of byChild.values()) {
      // Latest end first; open DoLOs after every ended one, in file order (a stable sort).
      const order = [...list].sort((a, b) => {
        if (a.DOLO_END === null || b.DOLO_END === null)
          return (a.DOLO_END === null ? 1 : 0) - (b.DOLO_END === null ? 1 : 0);
        return a.DOLO_END < b.DOLO_END ? 1 : a.DOLO_END > b.DOLO_END ? -1 : 0;
      });
      for (let i = 0; i + 1 < order.length; i++) {
        const cur = order[i] as Row<'DoLo'>;
        const prev = order[i + 1] as Row<'DoLo'>;
        if (prev.DOLO_END === null || (cur.DOLO_START as string) < (prev.DOLO_START as string))
          hit(at(cur, 'DOLO_START', `previous DoLO at line ${prev.line}`));
      }
    }
  },
});

export const rule706 = defineRule<CrossYearCtx>({
  code: '706',
  severity: 'error',
  message:
    "There is an open DoLO in last year's return and there is no corresponding DoLO recorded at the start of this year.",
  years: { from: 2027 },
  source:
    'lac_validator/rules/lac2026_27/rule_706.py: each DoLO of last year with no DOLO_END needs a DoLO of the child this year with the same DOLO_START. ' +
    "The validator returns last year's row numbers as if they were this year's; Lantern reports the child's first DoLo row this year, or their Header row when they have none " +
    "(a child not in this year's Header is left to the INT rules). Last year's DoLOs whose start is not a date are skipped (rule 700/701 reported them then). " +
    'Last year must be 2026/27 or later to have a DoLo table, so in practice this first runs in 2027/28',
  check(ctx, hit) {
    // This year's DoLOs and Header rows by child, indexed once (not scanned once per DoLO of last year).
    const dolos = new Map<string, Array<Row<'DoLo'>>>();
    for (const d of ctx.ret.DoLo) {
      if (d.CHILD === null) continue;
      const list = dolos.get(d.CHILD);
      if (list) list.push(d);
      else dolos.set(d.CHILD, [d]);
    }
    const headers = new Map<string, Row<'Header'>>();
    for (const h of ctx.ret.Header) if (h.CHILD !== null && !headers.has(h.CHILD)) headers.set(h.CHILD, h);
    for (const old of ctx.last.DoLo) {
      if (old.CHILD === null || old.DOLO_END !== null || !validDate(old.DOLO_START)) continue;
      const child = old.CHILD;
      const mine = dolos.get(child) ?? [];
      if (mine.some((d) => d.DOLO_START === old.DOLO_START)) continue;
      const detail = `last year's DoLO from ${old.DOLO_START} has no end`;
      const first = mine[0];
      const header = headers.get(child);
      if (first) hit(at(first, 'DOLO_START', detail));
      else if (header) hit(at(header, 'CHILD', detail));
    }
  },
});

export const rule707 = rule903({
  code: '707',
  severity: 'error',
  message: 'Child ceased to be looked after but there is a DoLO without an end date.',
  years: { from: 2027 },
  source: "lac_validator/rules/lac2026_27/rule_707.py: the child's last episode has a REC other than X1",
  check(ctx, hit) {
    for (const d of ctx.ret.DoLo) {
      if (d.CHILD === null || d.DOLO_END !== null) continue;
      const eps = ctx.episodesByChild.get(d.CHILD) ?? [];
      const last = eps[eps.length - 1];
      if (last && last.REC !== null && last.REC !== 'X1') hit(at(d, 'DOLO_END'));
    }
  },
});

export const rule709 = rule903({
  code: '709',
  severity: 'error',
  message: 'Child with a DoLO is in an unexpected placement type.',
  years: { from: 2027 },
  source: 'lac_validator/rules/lac2026_27/rule_709.py',
  check(ctx, hit) {
    for (const d of ctx.ret.DoLo) {
      if (d.CHILD === null || !validDate(d.DOLO_START) || !validDate(d.DOLO_END)) continue;
      const start = d.DOLO_START;
      const end = d.DOLO_END;
      const eps = ctx.episodesByChild.get(d.CHILD) ?? [];
      const wrong = eps.some(
        (e) =>
          validDate(e.DEC) &&
          start <= e.DEC &&
          end >= (e.DECOM as string) &&
          !['K2', 'Z12', 'Z13'].includes(e.PLACE ?? ''),
      );
      if (wrong) hit(at(d, 'DOLO_START'));
    }
  },
});

export const rule708 = rule903({
  code: '708',
  severity: 'error',
  message: "Dates of DoLOs are before child's date of birth.",
  years: { from: 2027 },
  source: "lac_validator/rules/lac2026_27/rule_708.py: DOLO_START on or before the DoLo row's own DOB",
  check(ctx, hit) {
    for (const d of ctx.ret.DoLo)
      if (validDate(d.DOLO_START) && validDate(d.DOB) && d.DOLO_START <= d.DOB) hit(at(d, 'DOLO_START'));
  },
});

const NOT_UNDER_DOLO = ['K1', 'P1', 'R5', 'K3'];

export const rule710 = rule903({
  code: '710',
  severity: 'error',
  message:
    "Child with a DoLO can not be placed in secure children's homes, with parents, young offender institutions, or supported accommodation.",
  years: { from: 2027 },
  source:
    'lac_validator/rules/lac2026_27/rule_710.py: DoLOs with both dates overlapping (start <= DEC or DEC blank, end >= DECOM) an episode placed K1, P1, R5 or K3. ' +
    'The validator reads a PLACEMENT column, which is PLACE in the CSV return; it also marks the episode, Lantern reports the DoLO row once',
  check(ctx, hit) {
    for (const d of ctx.ret.DoLo) {
      if (d.CHILD === null || !validDate(d.DOLO_START) || !validDate(d.DOLO_END)) continue;
      const start = d.DOLO_START;
      const end = d.DOLO_END;
      const eps = ctx.episodesByChild.get(d.CHILD) ?? [];
      const wrong = eps.find(
        (e) =>
          (!validDate(e.DEC) || start <= e.DEC) &&
          end >= (e.DECOM as string) &&
          e.PLACE !== null &&
          NOT_UNDER_DOLO.includes(e.PLACE),
      );
      if (wrong) hit(at(d, 'DOLO_START', `${wrong.PLACE ?? ''} episode at ${wrong.file}:${wrong.line}`));
    }
  },
});

export const doloRules = [rule702, rule703, rule704, rule705, rule707, rule708, rule709, rule710];
