/**
 * How one episode leads to the next: reasons for placement change, temporary placements and the return from them,
 * adoption placements, remand, the category of need carried through a period, and a new period after care ended.
 * Each reads a child's episodes (valid DECOM, in DECOM order) from the context's index, built once per file.
 * Sources: lac_validator/rules/lac2022_23/rule_225.py, rule_226.py, rule_336.py, rule_364.py, rule_377.py,
 * rule_383.py, rule_432.py, rule_504.py; lac2025_26/rule_226.py (message only), rule_233.py, rule_234.py,
 * rule_383.py (PL_POST too).
 */
import { TEMPORARY_PLACEMENTS } from '../codes';
import type { Row } from '../tables';
import { addYears, at, daysBetween, rule903, validDate, type Ctx903, type Rule903 } from './context';

type Episode = Row<'Episodes'>;

const temporary = (place: string | null): boolean =>
  place !== null && (TEMPORARY_PLACEMENTS as readonly string[]).includes(place);

/** Each child's episodes as consecutive pairs (previous, next). */
function* pairs(ctx: Ctx903): Generator<[Episode, Episode]> {
  for (const eps of ctx.episodesByChild.values())
    for (let i = 1; i < eps.length; i++) yield [eps[i - 1] as Episode, eps[i] as Episode];
}

export const rule225 = rule903({
  code: '225',
  severity: 'error',
  message: 'Reason for placement change must be recorded.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_225.py: an episode ending X1 in a placement other than T0–T4, followed by an episode with RNE P, B, T or U in a placement other than T0–T4, needs REASON_PLACE_CHANGE',
  check(ctx, hit) {
    for (const [e, next] of pairs(ctx)) {
      if (e.REC !== 'X1' || e.REASON_PLACE_CHANGE !== null || temporary(e.PLACE) || temporary(next.PLACE)) continue;
      if (next.RNE !== null && ['P', 'B', 'T', 'U'].includes(next.RNE)) hit(at(e, 'REASON_PLACE_CHANGE'));
    }
  },
});

export const rule226 = rule903({
  code: '226',
  severity: 'error',
  message: 'Reason for placement change is not required for temporary placements.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_226.py: PLACE T0–T4 with REASON_PLACE_CHANGE given on the episode or on the child's episode before it",
  check(ctx, hit) {
    for (const eps of ctx.episodesByChild.values())
      eps.forEach((e, i) => {
        if (!temporary(e.PLACE)) return;
        const previous = i > 0 ? eps[i - 1] : undefined;
        if (e.REASON_PLACE_CHANGE !== null || (previous && previous.REASON_PLACE_CHANGE !== null))
          hit(at(e, 'REASON_PLACE_CHANGE'));
      });
  },
});

/**
 * The validator reads a column DATE_EPISODE_CEASED that the 903 does not have (it is DEC), so as published the
 * rule cannot run. Lantern checks what the DfE asks: no reason for placement change while the episode is open.
 */
export const rule233 = rule903({
  code: '233',
  severity: 'error',
  message: 'Reason for placement change is not required when the episode has not ceased.',
  years: { from: 2026 },
  source:
    'lac_validator/rules/lac2025_26/rule_233.py (new in 2025/26): DEC blank with REASON_PLACE_CHANGE given (the validator names the column DATE_EPISODE_CEASED)',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes)
      if (e.DEC === null && e.REASON_PLACE_CHANGE !== null) hit(at(e, 'REASON_PLACE_CHANGE'));
  },
});

/**
 * The DfE: the placement change is when the next episode starts, so a child under 10 on that day cannot have
 * changed placement for custody. The validator compares the 10th birthday with the start of the episode that
 * carries the reason, which reports a child who entered the placement at 9 and went into custody at 11. Lantern
 * compares it with the day the placement ended (DEC, the next episode's DECOM).
 */
export const rule234 = rule903({
  code: '234',
  severity: 'error',
  message: 'A child aged under 10 can not change placement due to being admitted to custody.',
  years: { from: 2026 },
  source:
    'lac_validator/rules/lac2025_26/rule_234.py (new in 2025/26): REASON_PLACE_CHANGE CUSTOD when the placement changed before the 10th birthday',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) {
      if (e.REASON_PLACE_CHANGE !== 'CUSTOD' || !validDate(e.DEC) || e.CHILD === null) continue;
      const dob = ctx.header.get(e.CHILD)?.DOB ?? null;
      if (validDate(dob) && e.DEC < addYears(dob, 10)) hit(at(e, 'REASON_PLACE_CHANGE'));
    }
  },
});

/**
 * The validator's comment gives the DfE's rule (A3 or A5, the placements with the current foster carer) but its
 * code checks A3 and A4; Lantern follows the DfE: A4 and A6 are adoptive placements with someone new, which need no
 * foster placement before them.
 */
export const rule336 = rule903({
  code: '336',
  severity: 'error',
  message: 'Child does not have a foster placement immediately prior to being placed for adoption.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_336.py: PLACE A3 or A5 needs the child's previous episode in A3–A6 or U1–U6 (the child's first episode is exempt)",
  check(ctx, hit) {
    const before = ['A3', 'A4', 'A5', 'A6', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6'];
    for (const [previous, e] of pairs(ctx))
      if ((e.PLACE === 'A3' || e.PLACE === 'A5') && (previous.PLACE === null || !before.includes(previous.PLACE)))
        hit(at(e, 'PLACE'));
  },
});

export const rule364 = rule903({
  code: '364',
  severity: 'error',
  message:
    'Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a child can be detained in custody in Local Authority (LA) accommodation.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_364.py: a child's J2 episodes, joined where one starts the day the last ended, more than 21 days in all (an open episode counted to 31 March)",
  check(ctx, hit) {
    for (const eps of ctx.episodesByChild.values()) {
      let run: Episode[] = [];
      let days = 0;
      const close = () => {
        if (days > 21) for (const e of run) hit(at(e, 'LS', `${String(days)} days`));
        run = [];
        days = 0;
      };
      for (const e of eps) {
        if (e.LS !== 'J2') {
          close();
          continue;
        }
        const last = run[run.length - 1];
        if (last && last.DEC !== e.DECOM) close();
        const end = validDate(e.DEC) ? e.DEC : ctx.end;
        run.push(e);
        days += daysBetween(e.DECOM as string, end);
      }
      close();
    }
  },
});

export const rule377 = rule903({
  code: '377',
  severity: 'error',
  message:
    'Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in any 12-month period.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_377.py: every T3 episode of a child with more than two in the file',
  check(ctx, hit) {
    const count = new Map<string, number>();
    for (const e of ctx.ret.Episodes)
      if (e.PLACE === 'T3' && e.CHILD !== null) count.set(e.CHILD, (count.get(e.CHILD) ?? 0) + 1);
    for (const e of ctx.ret.Episodes)
      if (e.PLACE === 'T3' && e.CHILD !== null && (count.get(e.CHILD) ?? 0) > 2) hit(at(e, 'PLACE'));
  },
});

/**
 * From 2025/26 the placement postcode must also be the one before the temporary placement. Two blank postcodes are
 * the same (pandas compares blank with blank as different, which would report every return to a placement with no
 * postcode recorded).
 */
function returnsToPlacement(code: string, years: { from: number; to?: number }, withPostcode: boolean, source: string) {
  return rule903({
    code,
    severity: 'error',
    message: 'A child in a temporary placement must subsequently return to his/her normal placement.',
    years,
    source,
    check(ctx, hit) {
      for (const eps of ctx.episodesByChild.values()) {
        for (let i = 2; i < eps.length; i++) {
          const before = eps[i - 2] as Episode;
          const temp = eps[i - 1] as Episode;
          const e = eps[i] as Episode;
          if (!temporary(temp.PLACE)) continue;
          const back = e.RNE === 'P' && e.PLACE === before.PLACE && (!withPostcode || e.PL_POST === before.PL_POST);
          if (!back) hit(at(e, 'PLACE'));
        }
      }
    },
  });
}

export const rule383 = returnsToPlacement(
  '383',
  { from: 2023, to: 2025 },
  false,
  'lac_validator/rules/lac2022_23/rule_383.py: the episode after one in T0–T4 needs RNE P and the PLACE of the episode before the temporary one',
);
export const rule383From2026 = returnsToPlacement(
  '383',
  { from: 2026 },
  true,
  'lac_validator/rules/lac2025_26/rule_383.py: as before, and the PL_POST of the episode before the temporary one',
);

export const rule432 = rule903({
  code: '432',
  severity: 'error',
  message:
    'The child ceased to be looked after at the end of the previous episode but the reason for the new episode is not started to be looked after.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_432.py: the child's previous episode ended with a REC that ends care (E2 to E48, the validator's list) and RNE is not S",
  check(ctx, hit) {
    const ended = [
      ...['E2', 'E3', 'E4A', 'E4B', 'E5', 'E6', 'E7', 'E8', 'E9', 'E11', 'E12', 'E13', 'E14', 'E15', 'E16', 'E17'],
      ...['E41', 'E45', 'E46', 'E47', 'E48'],
    ];
    for (const [previous, e] of pairs(ctx))
      if (previous.REC !== null && ended.includes(previous.REC) && e.RNE !== 'S') hit(at(e, 'RNE'));
  },
});

export const rule504 = rule903({
  code: '504',
  severity: 'error',
  message: 'The category of need code differs from that reported at start of current period of being looked after.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_504.py: an episode starting the day the child's previous one ended X1 has a different CIN",
  check(ctx, hit) {
    for (const [previous, e] of pairs(ctx))
      if (previous.REC === 'X1' && previous.DEC === e.DECOM && e.CIN !== previous.CIN) hit(at(e, 'CIN'));
  },
});

export const placementChangeRules: readonly Rule903[] = [
  rule225,
  rule226,
  rule233,
  rule234,
  rule336,
  rule364,
  rule377,
  rule383,
  rule383From2026,
  rule432,
  rule504,
];
