/**
 * OC2: children looked after continuously for 12 months at 31 March (looked-after.ts) — the SDQ, the health and
 * conviction flags and the substance misuse items, which ages each is asked at, and who may have an OC2 row at all.
 * Sources: lac_validator/rules/lac2022_23/rule_157.py, 158, 159, 180, 181, 182, 185–193, 197B, 197a, 198, 215,
 * 542–547 (unchanged in the later year folders). Ages are the OC2 row's DOB plus whole years (29 February births
 * reach an age on 28 February in other years, as the validator's pandas does); "at the start" is 1 April, "at the end"
 * 31 March of the collection year.
 */
import type { Row } from '../tables';
import { addYears, at, rule903, validDate, type Ctx903, type Rule903 } from './context';
import { continuouslyLookedAfterChildren } from './looked-after';

/** The eight yes/no items of OC2 (rule 181). */
const FLAGS = [
  'CONVICTED',
  'HEALTH_CHECK',
  'IMMUNISATIONS',
  'TEETH_CHECK',
  'HEALTH_ASSESSMENT',
  'SUBSTANCE_MISUSE',
  'INTERVENTION_RECEIVED',
  'INTERVENTION_OFFERED',
] as const;
/** The four items every child looked after for the year has (rule 191). */
const CORE = ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE'] as const;
/** The items asked only of some children (rule 182). */
const CONDITIONAL = ['CONVICTED', 'HEALTH_CHECK', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'] as const;

type Oc2 = Row<'OC2'>;

/** The day the OC2 row's child reaches `years` (null when DOB is not a date). */
function birthday(o: Oc2, years: number): string | null {
  return validDate(o.DOB) ? addYears(o.DOB, years) : null;
}

const lookedAfter = (ctx: Ctx903, o: Oc2) => o.CHILD !== null && continuouslyLookedAfterChildren(ctx).has(o.CHILD);
const sdqGiven = (o: Oc2) => o.SDQ_SCORE !== null || o.SDQ_REASON !== null;

/** A rule that tests each OC2 row on its own. */
function oc2Rule(
  code: string,
  message: string,
  source: string,
  column: string,
  fails: (o: Oc2, ctx: Ctx903) => boolean,
): Rule903 {
  return rule903({
    code,
    severity: 'error',
    message,
    years: { from: 2023 },
    source: `lac_validator/rules/lac2022_23/rule_${code}.py: ${source}`,
    check(ctx, hit) {
      for (const o of ctx.ret.OC2) if (fails(o, ctx)) hit(at(o, column));
    },
  });
}

export const rule157 = oc2Rule(
  '157',
  'SDQ1 (no SDQ because of the child’s age) is given for a child aged 4 or over on 1 April and not yet 16 on 31 March.',
  'looked after for the year, 4th birthday by 1 April, 16th on or after 31 March, no score and reason SDQ1',
  'SDQ_REASON',
  (o, ctx) => {
    const four = birthday(o, 4);
    const sixteen = birthday(o, 16);
    return (
      o.SDQ_SCORE === null &&
      o.SDQ_REASON === 'SDQ1' &&
      four !== null &&
      sixteen !== null &&
      four <= ctx.start &&
      sixteen >= ctx.end &&
      lookedAfter(ctx, o)
    );
  },
);

export const rule158 = oc2Rule(
  '158',
  'The child received an intervention for substance misuse, so whether one was offered must be left blank.',
  'INTERVENTION_RECEIVED 1 with INTERVENTION_OFFERED given',
  'INTERVENTION_OFFERED',
  (o) => o.INTERVENTION_RECEIVED === '1' && o.INTERVENTION_OFFERED !== null,
);

export const rule159 = oc2Rule(
  '159',
  'The child has a substance misuse problem and received no intervention, so whether one was offered must be given.',
  'SUBSTANCE_MISUSE 1, INTERVENTION_RECEIVED 0 and INTERVENTION_OFFERED blank',
  'INTERVENTION_OFFERED',
  (o) => o.SUBSTANCE_MISUSE === '1' && o.INTERVENTION_RECEIVED === '0' && o.INTERVENTION_OFFERED === null,
);

export const rule180 = oc2Rule(
  '180',
  'The SDQ score is not a whole number from 0 to 40.',
  'SDQ_SCORE, when given, one of 0–40 (the reader leaves the score to this rule)',
  'SDQ_SCORE',
  (o) => o.SDQ_SCORE !== null && !(/^\d+(\.0*)?$/.test(o.SDQ_SCORE) && Number(o.SDQ_SCORE) <= 40),
);

export const rule181 = rule903({
  code: '181',
  severity: 'error',
  message: 'The items about children looked after for 12 months must each be 0 or 1 when given.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_181.py: CONVICTED, HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK, ' +
    'HEALTH_ASSESSMENT, SUBSTANCE_MISUSE, INTERVENTION_RECEIVED and INTERVENTION_OFFERED 0, 1 or blank (the reader ' +
    'leaves these codes to this rule); one hit per row, at its first bad item',
  check(ctx, hit) {
    for (const o of ctx.ret.OC2) {
      const bad = FLAGS.filter((f) => o[f] !== null && o[f] !== '0' && o[f] !== '1');
      const first = bad[0];
      if (first) hit(at(o, first, bad.map((f) => `${f} ${o[f] ?? ''}`).join(', ')));
    }
  },
});

export const rule182 = oc2Rule(
  '182',
  'Immunisations, teeth check, health assessment and substance misuse must all be given when any other item of the ' +
    '12-month data is.',
  'any of IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE blank while any of CONVICTED, ' +
    'HEALTH_CHECK, INTERVENTION_RECEIVED, INTERVENTION_OFFERED is given',
  'IMMUNISATIONS',
  (o) => CORE.some((f) => o[f] === null) && CONDITIONAL.some((f) => o[f] !== null),
);

export const rule185 = oc2Rule(
  '185',
  'An SDQ score is given for a child not looked after continuously for 12 months at 31 March.',
  'SDQ_SCORE given for a child not continuously looked after',
  'SDQ_SCORE',
  (o, ctx) => o.SDQ_SCORE !== null && !lookedAfter(ctx, o),
);

export const rule186 = oc2Rule(
  '186',
  'A child looked after for 12 months, aged 4 or over on 1 April and under 17 on 31 March, needs an SDQ score or a ' +
    'reason for none.',
  'looked after for the year, 4th birthday by 1 April, 17th after 31 March, SDQ_SCORE and SDQ_REASON blank',
  'SDQ_SCORE',
  (o, ctx) => {
    const four = birthday(o, 4);
    const seventeen = birthday(o, 17);
    return (
      !sdqGiven(o) &&
      four !== null &&
      seventeen !== null &&
      four <= ctx.start &&
      seventeen > ctx.end &&
      lookedAfter(ctx, o)
    );
  },
);

export const rule187 = rule903({
  code: '187',
  severity: 'error',
  message:
    'A child looked after continuously for 12 months at 31 March cannot also have adoption (AD1) or care leaver (OC3) data.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_187.py: for a continuously looked-after child, OC3 IN_TOUCH, ACTIV, ACCOM and ' +
    'AD1 DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR blank (each such row is hit)',
  check(ctx, hit) {
    const cla = continuouslyLookedAfterChildren(ctx);
    for (const r of ctx.ret.OC3)
      if (r.CHILD !== null && cla.has(r.CHILD) && (r.IN_TOUCH !== null || r.ACTIV !== null || r.ACCOM !== null))
        hit(at(r, 'IN_TOUCH'));
    for (const a of ctx.ret.AD1) {
      const given = [a.DATE_INT, a.DATE_MATCH, a.FOSTER_CARE, a.NB_ADOPTR, a.SEX_ADOPTR, a.LS_ADOPTR];
      if (a.CHILD !== null && cla.has(a.CHILD) && given.some((v) => v !== null)) hit(at(a, 'DATE_INT'));
    }
  },
});

export const rule188 = oc2Rule(
  '188',
  'The child is under 4 on 31 March, but an SDQ score or a reason for none is given.',
  '4th birthday after 31 March with SDQ_SCORE or SDQ_REASON given',
  'SDQ_SCORE',
  (o, ctx) => {
    const four = birthday(o, 4);
    return sdqGiven(o) && four !== null && four > ctx.end;
  },
);

export const rule189 = oc2Rule(
  '189',
  'The child was 17 or over on 1 April, but an SDQ score or a reason for none is given.',
  '17th birthday before 1 April with SDQ_SCORE or SDQ_REASON given (a 17th birthday on 1 April itself passes)',
  'SDQ_SCORE',
  (o, ctx) => {
    const seventeen = birthday(o, 17);
    return sdqGiven(o) && seventeen !== null && seventeen < ctx.start;
  },
);

export const rule190 = oc2Rule(
  '190',
  'The child was not looked after continuously for 12 months at 31 March, but items about children looked after for ' +
    '12 months are given.',
  'any of the eight OC2 items given for a child not continuously looked after',
  'CONVICTED',
  (o, ctx) => FLAGS.some((f) => o[f] !== null) && !lookedAfter(ctx, o),
);

export const rule191 = rule903({
  code: '191',
  severity: 'error',
  message:
    'The child was looked after continuously for 12 months at 31 March, but immunisations, teeth check, health ' +
    'assessment or substance misuse is blank, or the child has no OC2 row.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_191.py: a continuously looked-after child’s OC2 row has IMMUNISATIONS, ' +
    'TEETH_CHECK, HEALTH_ASSESSMENT and SUBSTANCE_MISUSE; a continuously looked-after child with no OC2 row is hit ' +
    'at the first episode',
  check(ctx, hit) {
    const cla = continuouslyLookedAfterChildren(ctx);
    const withRow = new Set<string>();
    for (const o of ctx.ret.OC2) {
      if (o.CHILD === null) continue;
      withRow.add(o.CHILD);
      const blank = CORE.find((f) => o[f] === null);
      if (blank && cla.has(o.CHILD)) hit(at(o, blank));
    }
    for (const child of cla) {
      const first = ctx.episodesByChild.get(child)?.[0];
      if (first && !withRow.has(child)) hit(at(first, 'CHILD', 'no OC2 row'));
    }
  },
});

export const rule192 = oc2Rule(
  '192',
  'The child has a substance misuse problem, but whether an intervention was received is blank.',
  'SUBSTANCE_MISUSE 1 with INTERVENTION_RECEIVED blank',
  'INTERVENTION_RECEIVED',
  (o) => o.SUBSTANCE_MISUSE === '1' && o.INTERVENTION_RECEIVED === null,
);

export const rule193 = oc2Rule(
  '193',
  'The child has no substance misuse problem recorded, but whether an intervention was received or offered is given.',
  'SUBSTANCE_MISUSE 0 or blank with INTERVENTION_RECEIVED or INTERVENTION_OFFERED given',
  'SUBSTANCE_MISUSE',
  (o) => o.SUBSTANCE_MISUSE !== '1' && (o.INTERVENTION_RECEIVED !== null || o.INTERVENTION_OFFERED !== null),
);

export const rule197B = oc2Rule(
  '197B',
  'A child looked after for 12 months who turned 4 or 17 during the year needs an SDQ score or a reason for none.',
  'looked after for the year, 4th or 17th birthday from 1 April to 31 March, SDQ_SCORE and SDQ_REASON blank',
  'SDQ_REASON',
  (o, ctx) => {
    const four = birthday(o, 4);
    const seventeen = birthday(o, 17);
    const inYear = (d: string | null) => d !== null && d >= ctx.start && d <= ctx.end;
    return !sdqGiven(o) && (inYear(four) || inYear(seventeen)) && lookedAfter(ctx, o);
  },
);

export const rule197a = oc2Rule(
  '197a',
  'A reason for no SDQ score is given although the score is.',
  'SDQ_SCORE and SDQ_REASON both given',
  'SDQ_REASON',
  (o) => o.SDQ_SCORE !== null && o.SDQ_REASON !== null,
);

export const rule198 = oc2Rule(
  '198',
  'A reason for no SDQ score is given for a child not looked after continuously for 12 months at 31 March.',
  'SDQ_REASON given for a child not continuously looked after',
  'SDQ_REASON',
  (o, ctx) => o.SDQ_REASON !== null && !lookedAfter(ctx, o),
);

export const rule215 = rule903({
  code: '215',
  severity: 'error',
  message: 'The child has care leaver (OC3) data and also items about children looked after for 12 months (OC2).',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_215.py: a child with OC3 IN_TOUCH, ACTIV or ACCOM and an OC2 row with any of ' +
    'the eight items given; both rows are hit',
  check(ctx, hit) {
    const oc2 = new Map<string, Oc2[]>();
    for (const o of ctx.ret.OC2) {
      if (o.CHILD === null || !FLAGS.some((f) => o[f] !== null)) continue;
      const list = oc2.get(o.CHILD);
      if (list) list.push(o);
      else oc2.set(o.CHILD, [o]);
    }
    for (const r of ctx.ret.OC3) {
      if (r.CHILD === null || (r.IN_TOUCH === null && r.ACTIV === null && r.ACCOM === null)) continue;
      const rows = oc2.get(r.CHILD);
      if (!rows) continue;
      hit(at(r, 'IN_TOUCH'));
      for (const o of rows) hit(at(o, 'CONVICTED'));
    }
  },
});

export const rule542 = oc2Rule(
  '542',
  'The child is under 10 on 31 March, so conviction information must be left blank.',
  '10th birthday after 31 March with CONVICTED given',
  'CONVICTED',
  (o, ctx) => {
    const ten = birthday(o, 10);
    return o.CONVICTED !== null && ten !== null && ten > ctx.end;
  },
);

export const rule543 = oc2Rule(
  '543',
  'The child is 10 or over on 31 March and was looked after for 12 months, but conviction information is blank.',
  'looked after for the year, 10th birthday before 31 March, CONVICTED blank (a 10th birthday on 31 March itself ' +
    'may give it or not: 542 and 543 both pass)',
  'CONVICTED',
  (o, ctx) => {
    const ten = birthday(o, 10);
    return o.CONVICTED === null && ten !== null && ten < ctx.end && lookedAfter(ctx, o);
  },
);

export const rule544 = oc2Rule(
  '544',
  'Conviction is recorded, so immunisations, teeth check, health assessment and substance misuse must be given.',
  'CONVICTED 1 with any of IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE blank',
  'CONVICTED',
  (o) => o.CONVICTED === '1' && CORE.some((f) => o[f] === null),
);

export const rule545 = oc2Rule(
  '545',
  'The child is under 5 on 31 March and was looked after for 12 months, but whether health surveillance checks are up ' +
    'to date is blank.',
  'looked after for the year, 5th birthday after 31 March, HEALTH_CHECK blank',
  'HEALTH_CHECK',
  (o, ctx) => {
    const five = birthday(o, 5);
    return o.HEALTH_CHECK === null && five !== null && five > ctx.end && lookedAfter(ctx, o);
  },
);

export const rule546 = oc2Rule(
  '546',
  'The child is 5 or over on 31 March, so whether health surveillance checks are up to date must be left blank.',
  'looked after for the year, 5th birthday by 31 March, HEALTH_CHECK given',
  'HEALTH_CHECK',
  (o, ctx) => {
    const five = birthday(o, 5);
    return o.HEALTH_CHECK !== null && five !== null && five <= ctx.end && lookedAfter(ctx, o);
  },
);

export const rule547 = oc2Rule(
  '547',
  'Health surveillance checks are recorded as up to date, so immunisations, teeth check, health assessment and ' +
    'substance misuse must be given.',
  'HEALTH_CHECK 1 with any of IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE blank',
  'HEALTH_CHECK',
  (o) => o.HEALTH_CHECK === '1' && CORE.some((f) => o[f] === null),
);

export const oc2Rules = [
  rule157,
  rule158,
  rule159,
  rule180,
  rule181,
  rule182,
  rule185,
  rule186,
  rule187,
  rule188,
  rule189,
  rule190,
  rule191,
  rule192,
  rule193,
  rule197B,
  rule197a,
  rule198,
  rule215,
  rule542,
  rule543,
  rule544,
  rule545,
  rule546,
  rule547,
];
