/**
 * How a child's episodes follow one another.
 * Sources: lac_validator/rules/lac2022_23/rule_142.py, rule_148.py, rule_357.py, rule_433.py, rule_501.py.
 */
import type { Row } from '../tables';
import { at, rule903, validDate } from './context';

type Episode = Row<'Episodes'>;

/** Each child's episodes (valid DECOM, in DECOM order) as consecutive pairs. */
function* pairs(byChild: Map<string, Episode[]>): Generator<[Episode, Episode]> {
  for (const eps of byChild.values())
    for (let i = 1; i < eps.length; i++) yield [eps[i - 1] as Episode, eps[i] as Episode];
}

export const rule142 = rule903({
  code: '142',
  severity: 'error',
  message: 'A new episode has started, but the previous episode has not ended.',
  years: { from: 2023 },
  source: "lac_validator/rules/lac2022_23/rule_142.py: every episode but the child's last needs DEC and REC",
  check(ctx, hit) {
    for (const [previous] of pairs(ctx.episodesByChild)) {
      if (previous.DEC === null) hit(at(previous, 'DEC'));
      else if (previous.REC === null) hit(at(previous, 'REC'));
    }
  },
});

export const rule148 = rule903({
  code: '148',
  severity: 'error',
  message: 'Date episode ceased and reason episode ceased must both be coded, or both left blank.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_148.py',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) {
      if ((e.DEC === null) !== (e.REC === null)) hit(at(e, e.DEC === null ? 'DEC' : 'REC'));
    }
  },
});

export const rule501 = rule903({
  code: '501',
  severity: 'error',
  message: 'A new episode has started before the end date of the previous episode.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_501.py',
  check(ctx, hit) {
    for (const [previous, e] of pairs(ctx.episodesByChild)) {
      if (validDate(previous.DEC) && (e.DECOM as string) < previous.DEC) hit(at(e, 'DECOM'));
    }
  },
});

export const rule433 = rule903({
  code: '433',
  severity: 'error',
  message:
    'The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_433.py: RNE L, P, T, U or B needs DECOM equal to the previous DEC',
  check(ctx, hit) {
    for (const [previous, e] of pairs(ctx.episodesByChild)) {
      if (e.RNE === null || e.RNE === 'S' || !validDate(previous.DEC)) continue;
      if (e.DECOM !== previous.DEC) hit(at(e, 'DECOM'));
    }
  },
});

export const rule357 = rule903({
  code: '357',
  severity: 'error',
  message:
    'If this is the first episode ever for this child, reason for new episode must be S. Check whether there is an episode immediately preceding this one, which has been left out. If not the reason for new episode code must be amended to S.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_357.py. Without last year's return, a child's first episode in the file that starts in the collection year is taken to be the first ever (an episode open on 1 April starts before it)",
  check(ctx, hit) {
    for (const eps of ctx.episodesByChild.values()) {
      const first = eps[0];
      if (first && (first.DECOM as string) >= ctx.start && first.RNE !== null && first.RNE !== 'S')
        hit(at(first, 'RNE'));
    }
  },
});

export const episodeSequenceRules = [rule142, rule148, rule501, rule433, rule357];
