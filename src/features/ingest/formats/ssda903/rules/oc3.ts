/**
 * Care leavers (OC3) against the rest of the return, and the rows a return may hold only for children with an
 * episode. Sources (each rule names its file): lac_validator/rules/lac2022_23/rule_134.py, rule_153.py,
 * rule_344.py, rule_345.py, rule_391.py, rule_1000.py (this year's episodes; last year's are in
 * cross-year-adoption.ts), rule_1011.py, rule_1012.py, rule_1014.py, rule_3001.py (all unchanged to lac2026_27).
 *
 * A row "has care leaver data" when any of IN_TOUCH, ACTIV or ACCOM is given.
 */
import type { Row, TableName } from '../tables';
import { hasAdoptionData } from './adopters';
import { addYears, at, rule903, validDate } from './context';

const OC3_ITEMS = ['IN_TOUCH', 'ACTIV', 'ACCOM'] as const;
const hasCareLeaverData = (r: Row<'OC3'>) => OC3_ITEMS.some((c) => r[c] !== null);

export const rule153 = rule903({
  code: '153',
  severity: 'error',
  message:
    'Whether the authority is in touch with the care leaver, their activity and their accommodation must all be given, or all left blank.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_153.py: some of IN_TOUCH, ACTIV, ACCOM given and some blank',
  check(ctx, hit) {
    for (const r of ctx.ret.OC3) {
      const blank = OC3_ITEMS.find((c) => r[c] === null);
      if (blank !== undefined && hasCareLeaverData(r)) hit(at(r, blank, `${blank} is blank`));
    }
  },
});

export const rule344 = rule903({
  code: '344',
  severity: 'error',
  message:
    'The young person died or returned home to their parents for 6 months or more, so their activity and accommodation must be 0 (not given).',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_344.py: IN_TOUCH DIED or RHOM with ACTIV or ACCOM other than 0 (a blank too)',
  check(ctx, hit) {
    for (const r of ctx.ret.OC3) {
      if (r.IN_TOUCH !== 'DIED' && r.IN_TOUCH !== 'RHOM') continue;
      if (r.ACTIV !== '0') hit(at(r, 'ACTIV', `IN_TOUCH ${r.IN_TOUCH}, ACTIV ${r.ACTIV ?? 'blank'}`));
      else if (r.ACCOM !== '0') hit(at(r, 'ACCOM', `IN_TOUCH ${r.IN_TOUCH}, ACCOM ${r.ACCOM ?? 'blank'}`));
    }
  },
});

export const rule345 = rule903({
  code: '345',
  severity: 'error',
  message: 'The authority is in touch with the young person, so their activity and accommodation must be given, not 0.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_345.py: IN_TOUCH YES with ACTIV or ACCOM 0',
  check(ctx, hit) {
    for (const r of ctx.ret.OC3) {
      if (r.IN_TOUCH !== 'YES') continue;
      if (r.ACTIV === '0') hit(at(r, 'ACTIV'));
      else if (r.ACCOM === '0') hit(at(r, 'ACCOM'));
    }
  },
});

/**
 * 391 follows its message (17 to 21 at some time in the year): the validator checks only "under 17 on 31 March";
 * Lantern also reports a young person 22 or older all year (22nd birthday on or before 1 April).
 */
export const rule391 = rule903({
  code: '391',
  severity: 'error',
  message: 'The young person was not 17, 18, 19, 20 or 21 at any time in the collection year.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_391.py, read as its message: the OC3 row's DOB + 17 years after 31 March, or DOB + 22 years on or before 1 April, with care leaver data",
  check(ctx, hit) {
    for (const r of ctx.ret.OC3) {
      if (!validDate(r.DOB) || !hasCareLeaverData(r)) continue;
      if (addYears(r.DOB, 17) > ctx.end) hit(at(r, 'DOB', 'under 17 on 31 March'));
      else if (addYears(r.DOB, 22) <= ctx.start) hit(at(r, 'DOB', '22 or older on 1 April'));
    }
  },
});

export const rule134 = rule903({
  code: '134',
  severity: 'error',
  message: 'An adopted child (AD1) is not a care leaver: care leaver data must not be given for them.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_134.py: a child with an AD1 row with any item given and an OC3 row with any item given',
  check(ctx, hit) {
    const leavers = new Set(ctx.ret.OC3.filter(hasCareLeaverData).map((r) => r.CHILD));
    for (const a of ctx.ret.AD1)
      if (a.CHILD !== null && hasAdoptionData(a) && leavers.has(a.CHILD)) hit(at(a, 'CHILD'));
  },
});

export const rule1000 = rule903({
  code: '1000',
  severity: 'error',
  message: 'The child died in care, so care leaver information must not be given for them.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_1000.py: an OC3 row of a child with an episode ending E2 (this year's; last year's in cross-year-adoption.ts)",
  check(ctx, hit) {
    const died = new Set(ctx.ret.Episodes.filter((e) => e.REC === 'E2').map((e) => e.CHILD));
    for (const r of ctx.ret.OC3) if (r.CHILD !== null && died.has(r.CHILD)) hit(at(r, 'IN_TOUCH', 'REC E2'));
  },
});

export const rule1011 = rule903({
  code: '1011',
  severity: 'error',
  message:
    'The child’s care was transferred to another authority in their final episode (E3), so care leaver information must not be given here.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_1011.py: care leaver data for a child whose latest episode (by DECOM) ended E3',
  check(ctx, hit) {
    for (const r of ctx.ret.OC3) {
      if (r.CHILD === null || !hasCareLeaverData(r)) continue;
      if ((ctx.episodesByChild.get(r.CHILD) ?? []).at(-1)?.REC === 'E3') hit(at(r, 'IN_TOUCH', 'final REC E3'));
    }
  },
});

/** The tables 1012 looks at: rows in them are only for children with an episode in the return. */
const EPISODE_ONLY_TABLES = [
  'PlacedAdoption',
  'Missing',
  'Reviews',
  'AD1',
  'PrevPerm',
  'OC2',
] as const satisfies readonly TableName[];

export const rule1012 = rule903({
  code: '1012',
  severity: 'error',
  message:
    'The child has no episode in this return (a care leaver only in OC3, say): no adoption, missing, review, previous permanence or OC2 rows may be given for them.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_1012.py: PlacedAdoption, Missing, Reviews, AD1, PrevPerm and OC2 rows of a CHILD with no Episodes row',
  check(ctx, hit) {
    const inEpisodes = new Set(ctx.ret.Episodes.map((e) => e.CHILD));
    for (const table of EPISODE_ONLY_TABLES)
      for (const row of ctx.ret[table] as ReadonlyArray<{ file: string; line: number; CHILD: string | null }>)
        if (!inEpisodes.has(row.CHILD)) hit(at(row, 'CHILD', `${table} row`));
  },
});

export const rule1014 = rule903({
  code: '1014',
  severity: 'error',
  message: 'UASC information is not needed for a care leaver who was not looked after in the year.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_1014.py: a UASC row of a child with care leaver data and no episode open in the year (DECOM by 31 March, DEC blank or from 1 April)',
  check(ctx, hit) {
    const leavers = new Set(ctx.ret.OC3.filter(hasCareLeaverData).map((r) => r.CHILD));
    for (const u of ctx.ret.UASC) {
      if (u.CHILD === null || !leavers.has(u.CHILD)) continue;
      const inYear = (ctx.episodesByChild.get(u.CHILD) ?? []).some(
        (e) => (e.DECOM as string) <= ctx.end && (e.DEC === null || (validDate(e.DEC) && e.DEC >= ctx.start)),
      );
      if (!inYear) hit(at(u, 'CHILD'));
    }
  },
});

export const rule3001 = rule903({
  code: '3001',
  severity: 'error',
  message:
    'Care leaver information around the 17th birthday cannot show the young person living with former foster carers (Z1, Z2: staying put starts at 18).',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_3001.py: ACCOM Z1/Z2 where the Header's DOB + 17 years falls in the collection year",
  check(ctx, hit) {
    for (const r of ctx.ret.OC3) {
      if (r.ACCOM !== 'Z1' && r.ACCOM !== 'Z2') continue;
      const dob = r.CHILD === null ? null : (ctx.header.get(r.CHILD)?.DOB ?? null);
      if (!validDate(dob)) continue;
      const seventeen = addYears(dob, 17);
      if (seventeen >= ctx.start && seventeen <= ctx.end) hit(at(r, 'ACCOM', `17 on ${seventeen}`));
    }
  },
});

export const oc3Rules = [rule153, rule344, rule345, rule391, rule134, rule1000, rule1011, rule1012, rule1014, rule3001];
