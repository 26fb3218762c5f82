/**
 * Social worker episodes (from 2023/24). Sources: lac_validator/rules/lac2023_24/rule_SW08STG2.py (episodes of a
 * child must not overlap), lac2025_26/rule_SW17STG2.py (a child looked after at 31 March has a social worker episode open then).
 * Both read the child's social worker episodes from the context's index (swEpisodesByChild), built once per file.
 */
import type { Row } from '../tables';
import { at, rule903, validDate } from './context';

export const ruleSW08STG2 = rule903({
  code: 'SW08STG2',
  severity: 'error',
  message: "A child's social worker episodes overlap.",
  years: { from: 2024 },
  source:
    'lac_validator/rules/lac2023_24/rule_SW08STG2.py: sorted by SW_DECOM, each starts on or after the previous SW_DEC',
  check(ctx, hit) {
    for (const list of ctx.swEpisodesByChild.values()) {
      for (let i = 1; i < list.length; i++) {
        const previous = list[i - 1] as Row<'SWEpisodes'>;
        const s = list[i] as Row<'SWEpisodes'>;
        if (previous.SW_DEC === null || (validDate(previous.SW_DEC) && (s.SW_DECOM as string) < previous.SW_DEC))
          hit(at(s, 'SW_DECOM'));
      }
    }
  },
});

export const ruleSW17STG2 = rule903({
  code: 'SW17STG2',
  severity: 'error',
  message: 'The child is looked after at 31 March but has no social worker episode open on that date.',
  years: { from: 2026 },
  source:
    'lac_validator/rules/lac2025_26/rule_SW17STG2.py (new in 2025/26: the ruleset of earlier years has no SW17STG2)',
  check(ctx, hit) {
    for (const [child, eps] of ctx.episodesByChild) {
      const open = eps.some(
        (e) => (e.DECOM as string) <= ctx.end && (e.DEC === null || (validDate(e.DEC) && e.DEC > ctx.end)),
      );
      if (!open) continue;
      // The child's own social worker episodes, indexed once per file (scanning every row per child was quadratic).
      const covered = (ctx.swEpisodesByChild.get(child) ?? []).some(
        (s) => (s.SW_DECOM as string) <= ctx.end && (s.SW_DEC === null || (validDate(s.SW_DEC) && s.SW_DEC >= ctx.end)),
      );
      const last = eps[eps.length - 1];
      if (!covered && last) hit(at(last, 'CHILD'));
    }
  },
});

export const socialWorkerRules = [ruleSW08STG2, ruleSW17STG2];
