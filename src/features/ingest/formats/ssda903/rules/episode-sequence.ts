/**
 * How a child's episodes follow one another.
 * Sources: lac_validator/rules/lac2022_23/rule_142.py, rule_148.py, rule_357.py, rule_433.py, rule_501.py,
 * rule_434.py, rule_435.py, rule_436.py (what RNE says changed against what did).
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

/** The placement's columns that say whether the placement changed (the validator's list for 434–436). */
const PLACEMENT_COLUMNS = ['PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'] as const;

/**
 * Whether the placement is the same as the previous episode's. `blanksEqual`: 434 and 436 count two blanks as
 * equal (the validator fills blanks first); 435 does not (pandas: a blank equals nothing), so an episode with a blank
 * placement column never counts as the same placement there.
 */
function samePlacement(e: Episode, previous: Episode, blanksEqual: boolean): boolean {
  return PLACEMENT_COLUMNS.every((c) =>
    blanksEqual ? (e[c] ?? '') === (previous[c] ?? '') : e[c] !== null && e[c] === previous[c],
  );
}

export const rule434 = rule903({
  code: '434',
  severity: 'error',
  message:
    'The reason for new episode is a change of legal status only (L), but the legal status is unchanged or the placement changed.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_434.py: each child's episodes in DECOM order; RNE L with LS equal to the previous, or any of PLACE, PL_POST, URN, PLACE_PROVIDER different",
  check(ctx, hit) {
    for (const [previous, e] of pairs(ctx.episodesByChild))
      if (e.RNE === 'L' && (e.LS === previous.LS || !samePlacement(e, previous, true))) hit(at(e, 'RNE'));
  },
});

export const rule435 = rule903({
  code: '435',
  severity: 'error',
  message:
    'The reason for new episode is a change of placement only (P or T), but the legal status changed or the placement did not.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_435.py: RNE P or T with LS different from the previous, or PLACE, PL_POST, URN and PLACE_PROVIDER all equal (a blank equal to nothing, as in the validator)',
  check(ctx, hit) {
    for (const [previous, e] of pairs(ctx.episodesByChild))
      if ((e.RNE === 'P' || e.RNE === 'T') && (e.LS !== previous.LS || samePlacement(e, previous, false)))
        hit(at(e, 'RNE'));
  },
});

export const rule436 = rule903({
  code: '436',
  severity: 'error',
  message:
    'The reason for new episode is a change of both legal status and placement (U or B), but one of them did not change.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_436.py: RNE U or B with LS equal to the previous, or PLACE, PL_POST, URN and PLACE_PROVIDER all equal (blanks equal)',
  check(ctx, hit) {
    for (const [previous, e] of pairs(ctx.episodesByChild))
      if ((e.RNE === 'U' || e.RNE === 'B') && (e.LS === previous.LS || samePlacement(e, previous, true)))
        hit(at(e, 'RNE'));
  },
});

export const episodeSequenceRules = [rule142, rule148, rule501, rule433, rule357, rule434, rule435, rule436];
