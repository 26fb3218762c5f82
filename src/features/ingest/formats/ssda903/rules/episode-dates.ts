/**
 * Dates against each other, the child's birth and the collection year, and how an episode ends against the next.
 * Sources: lac_validator/rules/lac2022_23/rule_301.py, rule_302.py, rule_351.py, rule_352.py, rule_353.py,
 * rule_354.py, rule_356.py, rule_385.py, rule_388.py, rule_431.py, rule_437.py (the same in every later year).
 */
import type { Row } from '../tables';
import { addYears, at, rule903, validDate } from './context';

type Episode = Row<'Episodes'>;

export const rule302 = rule903({
  code: '302',
  severity: 'error',
  message: "The child's first episode starts before the child was born.",
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_302.py: the child's earliest DECOM in the file against the Header's DOB. " +
    'The validator marks both rows; Lantern reports the episode (one problem, one issue)',
  check(ctx, hit) {
    for (const [child, eps] of ctx.episodesByChild) {
      const first = eps[0];
      const dob = ctx.header.get(child)?.DOB ?? null;
      if (first && validDate(dob) && (first.DECOM as string) < dob) hit(at(first, 'DECOM'));
    }
  },
});

export const rule354 = rule903({
  code: '354',
  severity: 'error',
  message: 'The episode starts after the end of the collection year.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_354.py: DECOM after 31 March. Its message speaks of the date the episode ' +
    'ceased, but its check (and the DfE guidance it cites) is the start date, DECOM: Lantern follows the check',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) if (validDate(e.DECOM) && e.DECOM > ctx.end) hit(at(e, 'DECOM'));
  },
});

export const rule356 = rule903({
  code: '356',
  severity: 'error',
  message: 'The episode ends before it starts.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_356.py: DEC before DECOM (the same day passes)',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes)
      if (validDate(e.DEC) && validDate(e.DECOM) && e.DEC < e.DECOM) hit(at(e, 'DEC', `starts ${e.DECOM}`));
  },
});

export const rule388 = rule903({
  code: '388',
  severity: 'error',
  message:
    'The reason the episode ceased does not agree with what follows it: X1 (a new episode begins) needs a next episode ' +
    'starting that day, and an episode followed the same day by another must end X1.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_388.py: each child's episodes in DECOM order. An episode with a next one: " +
    'REC X1 with DEC not the next DECOM, or REC other than X1 with DEC the next DECOM. The last episode: REC X1 with a DEC',
  check(ctx, hit) {
    for (const eps of ctx.episodesByChild.values()) {
      eps.forEach((e: Episode, i) => {
        if (!validDate(e.DEC) || e.REC === null) return;
        const next = eps[i + 1];
        if (next === undefined) {
          if (e.REC === 'X1') hit(at(e, 'REC', 'no episode follows'));
        } else if (e.REC === 'X1' ? e.DEC !== next.DECOM : e.DEC === next.DECOM) {
          hit(at(e, 'REC', `next episode starts ${next.DECOM as string}`));
        }
      });
    }
  },
});

export const rule301 = rule903({
  code: '301',
  severity: 'error',
  message: 'The date of birth is after the end of the collection year.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_301.py: Header DOB after 31 March',
  check(ctx, hit) {
    for (const h of ctx.ret.Header) if (validDate(h.DOB) && h.DOB > ctx.end) hit(at(h, 'DOB'));
  },
});

export const rule351 = rule903({
  code: '351',
  severity: 'error',
  message: 'The child was over 25 at the start of the collection year.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_351.py: 1 April after the 25th birthday (the birthday itself passes)',
  check(ctx, hit) {
    for (const h of ctx.ret.Header) if (validDate(h.DOB) && ctx.start > addYears(h.DOB, 25)) hit(at(h, 'DOB'));
  },
});

export const rule352 = rule903({
  code: '352',
  severity: 'error',
  message: 'The child started to be looked after (RNE S) aged 18 or over.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_352.py: RNE S with DECOM on or after the 18th birthday',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) {
      if (e.RNE !== 'S' || !validDate(e.DECOM) || e.CHILD === null) continue;
      const dob = ctx.header.get(e.CHILD)?.DOB ?? null;
      if (validDate(dob) && e.DECOM >= addYears(dob, 18)) hit(at(e, 'DECOM'));
    }
  },
});

/** 14 October 1991, when the Children Act 1989 came into force: no episode of this return can start before it. */
const CHILDREN_ACT = '1991-10-14';

export const rule353 = rule903({
  code: '353',
  severity: 'error',
  message: 'The episode starts before 14 October 1991.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_353.py',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) if (validDate(e.DECOM) && e.DECOM < CHILDREN_ACT) hit(at(e, 'DECOM'));
  },
});

export const rule385 = rule903({
  code: '385',
  severity: 'error',
  message: 'The episode ends after the end of the collection year.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_385.py: DEC after 31 March',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) if (validDate(e.DEC) && e.DEC > ctx.end) hit(at(e, 'DEC'));
  },
});

export const rule431 = rule903({
  code: '431',
  severity: 'error',
  message: 'The episode is a new start (RNE S) but the previous episode ended on or after the day it starts.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_431.py: each child's episodes in DECOM order; RNE S with DECOM on or before the previous DEC",
  check(ctx, hit) {
    for (const eps of ctx.episodesByChild.values())
      eps.forEach((e, i) => {
        const previous = eps[i - 1];
        if (e.RNE === 'S' && previous && validDate(previous.DEC) && (e.DECOM as string) <= previous.DEC)
          hit(at(e, 'RNE', `previous episode ended ${previous.DEC}`));
      });
  },
});

export const rule437 = rule903({
  code: '437',
  severity: 'error',
  message:
    'The episode ended because the child died (E2) or was assessed as 18 or over (E15), but later episodes follow.',
  years: { from: 2023 },
  source: "lac_validator/rules/lac2022_23/rule_437.py: REC E2 or E15 on any but the child's last episode",
  check(ctx, hit) {
    for (const eps of ctx.episodesByChild.values())
      eps.forEach((e, i) => {
        if ((e.REC === 'E2' || e.REC === 'E15') && i < eps.length - 1) hit(at(e, 'REC'));
      });
  },
});

export const episodeDateRules = [
  rule301,
  rule302,
  rule351,
  rule352,
  rule353,
  rule354,
  rule356,
  rule385,
  rule388,
  rule431,
  rule437,
];
