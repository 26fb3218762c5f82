/**
 * Deprivation of Liberty Orders (from 2026/27). Sources: lac_validator/rules/lac2026_27/rule_707.py (care ended
 * with a DoLO still open), rule_709.py (a DoLO overlapping an episode placed other than K2, Z12 or Z13; only
 * DoLOs with both dates, as the validator does).
 */
import { at, rule903, validDate } from './context';

export const rule707 = rule903({
  code: '707',
  severity: 'error',
  message: 'Child ceased to be looked after but there is a DoLO without an end date.',
  years: { from: 2027 },
  source: 'lac_validator/rules/lac2026_27/rule_707.py: the child\'s last episode has a REC other than X1',
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
        (e) => validDate(e.DEC) && start <= e.DEC && end >= (e.DECOM as string) && !['K2', 'Z12', 'Z13'].includes(e.PLACE ?? ''),
      );
      if (wrong) hit(at(d, 'DOLO_START'));
    }
  },
});

export const doloRules = [rule707, rule709];
