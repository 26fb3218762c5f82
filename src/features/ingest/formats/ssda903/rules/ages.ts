/**
 * The child's age against the placement and the reason an episode ceased. Sources: lac_validator/rules/lac2022_23/
 * rule_370.py–rule_374.py and rule_utils.py decom_before_dob (placement type against the age at DECOM),
 * lac2023_24/rule_370.py, rule_371.py and lac2024_25/rule_371.py (their later ages and codes), rule_386.py,
 * rule_387.py, rule_389.py, rule_407.py (REC against the age at DEC), rule_358.py, rule_359.py (legal status against
 * age), rule_304.py (UASC ceasing by 18).
 *
 * decom_before_dob leaves out episodes with no DEC, so the validator never checks a placement still open; the rule
 * is about the child's age when placed, so Lantern checks open episodes too.
 */
import type { Row } from '../tables';
import { addYears, at, rule903, validDate, type Ctx903, type Rule903 } from './context';

type Episode = Row<'Episodes'>;

function dobOf(ctx: Ctx903, e: Episode): string | null {
  const dob = e.CHILD === null ? null : (ctx.header.get(e.CHILD)?.DOB ?? null);
  return validDate(dob) ? dob : null;
}

/** A placement type for children of at least `age` when the episode starts. */
function placedTooYoung(
  code: string,
  place: string,
  age: number,
  years: { from: number; to?: number },
  message: string,
  source: string,
): Rule903 {
  return rule903({
    code,
    severity: 'error',
    message,
    years,
    source: `${source}: PLACE ${place} with DECOM before the ${age}th birthday (open episodes too, see above)`,
    check(ctx, hit) {
      for (const e of ctx.ret.Episodes) {
        if (e.PLACE !== place || !validDate(e.DECOM)) continue;
        const dob = dobOf(ctx, e);
        if (dob !== null && e.DECOM < addYears(dob, age)) hit(at(e, 'PLACE', `${place} before age ${age}`));
      }
    },
  });
}

export const rule370 = placedTooYoung(
  '370',
  'P2',
  15,
  { from: 2023, to: 2023 },
  'A child in independent living (P2) should be at least 15.',
  'lac_validator/rules/lac2022_23/rule_370.py',
);
export const rule370in2024 = placedTooYoung(
  '370',
  'P2',
  16,
  { from: 2024, to: 2024 },
  'A child in independent living (P2) should be at least 16.',
  'lac_validator/rules/lac2023_24/rule_370.py (deleted from 2024/25, when P2 was retired)',
);
export const rule371 = placedTooYoung(
  '371',
  'H5',
  14,
  { from: 2023, to: 2023 },
  'A child in semi-independent living (H5) should be at least 14.',
  'lac_validator/rules/lac2022_23/rule_371.py',
);
export const rule371in2024 = placedTooYoung(
  '371',
  'H5',
  16,
  { from: 2024, to: 2024 },
  'A child in supported accommodation (H5) should be at least 16.',
  'lac_validator/rules/lac2023_24/rule_371.py',
);
export const rule371from2025 = placedTooYoung(
  '371',
  'K3',
  16,
  { from: 2025 },
  'A child in supported accommodation not subject to the children’s homes regulations (K3) should be at least 16.',
  'lac_validator/rules/lac2024_25/rule_371.py',
);
export const rule372 = placedTooYoung(
  '372',
  'R5',
  10,
  { from: 2023 },
  'A child in youth custody or prison (R5) should be at least 10.',
  'lac_validator/rules/lac2022_23/rule_372.py',
);
export const rule373 = placedTooYoung(
  '373',
  'S1',
  4,
  { from: 2023 },
  'A child placed in a school (S1) should be at least 4.',
  'lac_validator/rules/lac2022_23/rule_373.py',
);
export const rule374 = placedTooYoung(
  '374',
  'P3',
  14,
  { from: 2023 },
  'A child in residential employment (P3) should be at least 14.',
  'lac_validator/rules/lac2022_23/rule_374.py',
);

/** A reason ceased that needs the child to be under or over an age on DEC. */
function ceasedAtAge(
  code: string,
  recs: readonly string[],
  wrong: (dec: string, dob: string) => boolean,
  message: string,
  rule: string,
): Rule903 {
  return rule903({
    code,
    severity: 'error',
    message,
    years: { from: 2023 },
    source: `lac_validator/rules/lac2022_23/rule_${code}.py: ${rule}`,
    check(ctx, hit) {
      for (const e of ctx.ret.Episodes) {
        if (e.REC === null || !recs.includes(e.REC) || !validDate(e.DEC)) continue;
        const dob = dobOf(ctx, e);
        if (dob !== null && wrong(e.DEC, dob)) hit(at(e, 'REC'));
      }
    },
  });
}

export const rule386 = ceasedAtAge(
  '386',
  ['E11', 'E12'],
  (dec, dob) => dec >= addYears(dob, 18),
  'The child is shown as adopted (E11/E12) on or after the 18th birthday.',
  'REC E11/E12 with DEC on or after the 18th birthday',
);
export const rule387 = ceasedAtAge(
  '387',
  ['E5', 'E6'],
  (dec, dob) => dec < addYears(dob, 14),
  'The child is shown as moving to independent living (E5/E6) before the 14th birthday.',
  'REC E5/E6 with DEC before the 14th birthday',
);
export const rule389 = ceasedAtAge(
  '389',
  ['E7'],
  (dec, dob) => dec < addYears(dob, 16),
  'The child is shown as transferred to adult social care (E7) before the 16th birthday.',
  'REC E7 with DEC before the 16th birthday',
);
export const rule407 = ceasedAtAge(
  '407',
  ['E45', 'E46', 'E47', 'E48'],
  (dec, dob) => dec > addYears(dob, 18),
  'The episode ended with a special guardianship order (E45–E48) after the 18th birthday.',
  'REC E45–E48 with DEC after the 18th birthday (on it passes)',
);

export const rule358 = rule903({
  code: '358',
  severity: 'error',
  message: 'A child under 10 cannot be under a youth justice legal status (J1, J2 or J3).',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_358.py: LS J1–J3 with DECOM on or before the 10th birthday',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) {
      if ((e.LS !== 'J1' && e.LS !== 'J2' && e.LS !== 'J3') || !validDate(e.DECOM)) continue;
      const dob = dobOf(ctx, e);
      if (dob !== null && e.DECOM <= addYears(dob, 10)) hit(at(e, 'LS'));
    }
  },
});

export const rule359 = rule903({
  code: '359',
  severity: 'error',
  message:
    'A young person looked after past the 18th birthday must be accommodated under section 20(5) (V2) in a K2 placement.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_359.py: an open episode (no DEC) of a child 18 before 31 March, unless LS V2 with PLACE K2',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) {
      if (e.DEC !== null || (e.LS === 'V2' && e.PLACE === 'K2')) continue;
      const dob = dobOf(ctx, e);
      if (dob !== null && addYears(dob, 18) < ctx.end) hit(at(e, 'LS'));
    }
  },
});

export const rule304 = rule903({
  code: '304',
  severity: 'error',
  message: 'The date UASC status ceased is after the 18th birthday.',
  years: { from: 2023 },
  source: "lac_validator/rules/lac2022_23/rule_304.py: DUC after the UASC row's DOB + 18 years",
  check(ctx, hit) {
    for (const u of ctx.ret.UASC)
      if (validDate(u.DUC) && validDate(u.DOB) && u.DUC > addYears(u.DOB, 18)) hit(at(u, 'DUC'));
  },
});

export const ageRules = [
  rule304,
  rule358,
  rule359,
  rule370,
  rule370in2024,
  rule371,
  rule371in2024,
  rule371from2025,
  rule372,
  rule373,
  rule374,
  rule386,
  rule387,
  rule389,
  rule407,
];
