/**
 * One Child element into the census model, with the structure, type and code-list checks of its collection
 * year (Lantern rule codes LNT-…). The statutory rules (rules/) run on the result. Element order is not
 * checked: a file with the right elements in another order is read as a person would read it.
 */
import { LANTERN_RULES } from '../../issues';
import {
  CATEGORIES_OF_ABUSE,
  DISABILITY_CODES,
  ETHNICITY_CODES,
  FIRST_PRE_PROCEEDINGS_YEAR,
  FIRST_SEX_YEAR,
  GENDER_CURRENT_CODES,
  NO_DISABILITY,
  PP_OUTCOMES,
  PRIMARY_NEED_CODES,
  RETIRED_FACTORS,
  UPN_UNKNOWN_CODES,
  assessmentFactorsFor,
  closureReasonsFor,
  referralSourcesFor,
  sexFromGenderCurrent,
} from './code-lists';
import { ModuleReader, type ElementContext } from './elements';
import type {
  CinAssessment,
  CinChild,
  CinCpPlan,
  CinEpisode,
  CinPlanDates,
  CinPreProceedings,
  CinSection47,
} from './model';
import type { XmlNode } from './xml-stream';
import { collectionYearLabel } from '../../rules';

/**
 * The DfE rules the reader checks as it reads an element (a code missing or not in the year's list, a disability
 * given twice or NONE with others), reported under the DfE code rather than LNT-CODE / LNT-REQUIRED. For the rule
 * registry. Sources: cin_validator/rules/cin2022_23/rule_<code>.py.
 */
const READER_RULES: ReadonlyArray<readonly [code: string, what: string, years?: { from: number; to?: number }]> = [
  [
    '4180',
    'GenderCurrent missing or not 1, 2, 0 or 9 (until 2023/24; from 2024/25 Sex is rules/identifiers.ts)',
    {
      from: 2023,
      to: 2024,
    },
  ],
  ['4220', 'Ethnicity missing or not an ethnicity code'],
  ['8540', 'a Disability that is not a disability code'],
  ['8650', 'PrimaryNeedCode not a code of the list'],
  ['8640', "ReasonForClosure not a code of the year's list"],
  ['8730', 'NumberOfPreviousCPP missing'],
  ['8790', 'Disability NONE given with other disabilities'],
  ['8794', 'the same Disability given twice'],
  ['8905', 'InitialCategoryOfAbuse missing or not a category'],
  ['8590', 'a Child with no CINdetails'],
  ['8600', 'CINreferralDate missing (a date after the reference date is rules/census-year.ts)'],
  [
    '8866',
    "ReferralSource missing or not a code of the year's list (the DfE asks for it for referrals from 1 April 2013; Lantern needs it for every episode, as the canonical model does)",
  ],
  ['4010', 'CINPlanStartDate missing (a date after the reference date is rules/census-year.ts)'],
  ['8720', 'CPPstartDate missing (a date after the reference date is rules/census-year.ts)'],
  ['8910', 'LatestCategoryOfAbuse missing or not a category'],
];
export const CIN_READER_RULES = READER_RULES.map(([code, what, years]) => ({
  code,
  severity: 'error' as const,
  message: what,
  years: years ?? { from: 2023 },
  source: `cin_validator/rules/cin2022_23/rule_${code}.py, checked by the reader (cin/parse-child.ts)`,
}));

const CHILD = { ChildIdentifiers: 'one', ChildCharacteristics: 'one', CINdetails: 'many' } as const;
const IDENTIFIERS = {
  LAchildID: 'one',
  UPN: 'one',
  FormerUPN: 'one',
  UPNunknown: 'one',
  PersonBirthDate: 'one',
  ExpectedPersonBirthDate: 'one',
  PersonDeathDate: 'one',
} as const;
const CHARACTERISTICS = { Ethnicity: 'one', Disabilities: 'one' } as const;
const CIN_DETAILS = {
  CINreferralDate: 'one',
  ReferralSource: 'one',
  PrimaryNeedCode: 'one',
  CINclosureDate: 'one',
  ReasonForClosure: 'one',
  DateOfInitialCPC: 'one',
  Assessments: 'many',
  CINPlanDates: 'many',
  Section47: 'many',
  ReferralNFA: 'one',
  ChildProtectionPlans: 'many',
} as const;
const ASSESSMENT = {
  AssessmentActualStartDate: 'one',
  AssessmentInternalReviewDate: 'one',
  AssessmentAuthorisationDate: 'one',
  FactorsIdentifiedAtAssessment: 'one',
} as const;
const PLAN_DATES = { CINPlanStartDate: 'one', CINPlanEndDate: 'one' } as const;
const SECTION47 = {
  S47ActualStartDate: 'one',
  InitialCPCtarget: 'one',
  DateOfInitialCPC: 'one',
  ICPCnotRequired: 'one',
} as const;
const CP_PLAN = {
  CPPstartDate: 'one',
  CPPendDate: 'one',
  InitialCategoryOfAbuse: 'one',
  LatestCategoryOfAbuse: 'one',
  NumberOfPreviousCPP: 'one',
  Reviews: 'one',
} as const;
const PRE_PROCEEDINGS = {
  PPStartDate: 'one',
  LBPSentDate: 'one',
  FGDMMeetingOffer: 'one',
  FGDMMeetingFac: 'one',
  InitialPPMeetingDate: 'one',
  ReviewMeetingsCount: 'one',
  StepDecisionDate: 'one',
  PPOutcome: 'one',
  CourtAppDate: 'one',
  LetterInitCPDate: 'one',
} as const;

export interface ChildContext extends ElementContext {
  year: number;
}

export function parseChild(node: XmlNode, ctx: ChildContext): CinChild {
  const yearLabel = collectionYearLabel(ctx.year);
  const child = new ModuleReader(node, ctx, CHILD);
  const out: CinChild = {
    line: node.line,
    lines: {},
    laChildId: null,
    upn: null,
    formerUpn: null,
    upnUnknown: null,
    birthDate: null,
    expectedBirthDate: null,
    sex: null,
    sexCode: null,
    sexElement: null,
    deathDate: null,
    ethnicity: null,
    disabilities: [],
    noDisability: false,
    episodes: [],
  };

  const ids = child.nodes('ChildIdentifiers')[0];
  if (!ids) child.missing('ChildIdentifiers');
  else {
    // LAchildID first, so that every later issue names the child.
    const idText = ids.children.find((c) => c.name === 'LAchildID')?.text ?? '';
    out.laChildId = idText === '' ? null : idText;
    ctx.child = out.laChildId;
    const sexYear = ctx.year >= FIRST_SEX_YEAR;
    const r = new ModuleReader(
      ids,
      ctx,
      { ...IDENTIFIERS, ...(sexYear ? { Sex: 'one' } : { GenderCurrent: 'one' }) },
      sexYear
        ? {
            GenderCurrent: `GenderCurrent is not used from 2024/25 (this return is ${yearLabel}): give Sex as M, F or U`,
          }
        : { Sex: `Sex is not used before 2024/25 (this return is ${yearLabel}): give GenderCurrent as 1, 2, 0 or 9` },
    );
    out.upn = r.text('UPN');
    out.formerUpn = r.text('FormerUPN');
    out.upnUnknown = r.code('UPNunknown', UPN_UNKNOWN_CODES, 'UPNunknown (UN1–UN7)');
    out.birthDate = r.date('PersonBirthDate');
    out.expectedBirthDate = r.date('ExpectedPersonBirthDate');
    out.deathDate = r.date('PersonDeathDate');
    // The other year's element is an error already (wrongYear above); its value is still read, so that the one
    // mistake gives one message rather than a second "missing" one.
    const sexText = r.text('Sex');
    const genderText = r.text('GenderCurrent');
    if (sexYear && (sexText !== null || genderText === null)) {
      // Whether the code is M, F or U is rule 4180's to say.
      out.sexCode = sexText;
      out.sexElement = sexText === null ? null : 'Sex';
      const c = sexText?.toUpperCase() ?? null;
      out.sex = c === 'M' || c === 'F' || c === 'U' ? c : null;
    } else if (!sexYear && (genderText !== null || sexText === null)) {
      out.sexCode = r.code('GenderCurrent', GENDER_CURRENT_CODES, 'GenderCurrent (1, 2, 0 or 9)', true, '4180');
      out.sexElement = out.sexCode === null ? null : 'GenderCurrent';
      out.sex = out.sexCode === null ? null : sexFromGenderCurrent(out.sexCode);
    } else if (sexText !== null) {
      const c = sexText.toUpperCase();
      out.sexCode = sexText;
      out.sexElement = 'Sex';
      out.sex = c === 'M' || c === 'F' || c === 'U' ? c : null;
    } else if (genderText !== null) {
      out.sexCode = genderText;
      out.sexElement = 'GenderCurrent';
      out.sex = (GENDER_CURRENT_CODES as readonly string[]).includes(genderText)
        ? sexFromGenderCurrent(genderText)
        : null;
    }
    Object.assign(out.lines, r.lines);
  }

  const chars = child.nodes('ChildCharacteristics')[0];
  if (!chars) child.missing('ChildCharacteristics');
  else {
    const r = new ModuleReader(chars, ctx, CHARACTERISTICS);
    out.ethnicity = r.code('Ethnicity', ETHNICITY_CODES, 'the DfE ethnicity codes', true, '4220');
    const disabilities = r.nodes('Disabilities')[0];
    if (disabilities) {
      const d = new ModuleReader(disabilities, ctx, { Disability: 'many' });
      for (const n of d.nodes('Disability')) {
        const code = n.text.toUpperCase();
        if (code === NO_DISABILITY) out.noDisability = true;
        else if ((DISABILITY_CODES as readonly string[]).includes(code)) {
          if (out.disabilities.includes(code)) d.error(n, '8794', `Disability ${code} is given more than once`);
          else out.disabilities.push(code);
        } else d.error(n, '8540', `Disability "${n.text}" is not a CIN disability code`);
      }
      if (out.noDisability && out.disabilities.length > 0) {
        d.error(null, '8790', 'Disability NONE is given together with other disabilities', 'Disability');
      }
    }
    Object.assign(out.lines, r.lines);
  }

  const details = child.nodes('CINdetails');
  if (details.length === 0) child.missing('CINdetails', '8590');
  for (const n of details) out.episodes.push(parseEpisode(n, ctx));
  return out;
}

function parseEpisode(node: XmlNode, ctx: ChildContext): CinEpisode {
  const preYear = ctx.year >= FIRST_PRE_PROCEEDINGS_YEAR;
  const r = new ModuleReader(
    node,
    ctx,
    { ...CIN_DETAILS, ...(preYear ? { PreProceedingsandFGDM: 'many' } : {}) },
    preYear
      ? {}
      : {
          PreProceedingsandFGDM: `PreProceedingsandFGDM is part of the CIN census only from 2026/27 (this return is ${collectionYearLabel(ctx.year)})`,
        },
  );
  const nfaText = r.text('ReferralNFA');
  const ep: CinEpisode = {
    line: node.line,
    lines: r.lines,
    referralDate: r.date('CINreferralDate', true, '8600'),
    referralSource: r.code(
      'ReferralSource',
      referralSourcesFor(ctx.year),
      `ReferralSource for ${collectionYearLabel(ctx.year)}`,
      true,
      '8866',
    ),
    primaryNeedCode: r.code('PrimaryNeedCode', PRIMARY_NEED_CODES, 'PrimaryNeedCode (N0–N9)', false, '8650'),
    closureDate: r.date('CINclosureDate'),
    reasonForClosure: r.code(
      'ReasonForClosure',
      closureReasonsFor(ctx.year),
      `ReasonForClosure for ${collectionYearLabel(ctx.year)}`,
      false,
      '8640',
    ),
    dateOfInitialCpc: r.date('DateOfInitialCPC'),
    // Missing or not yes/no is rule 8568's to report.
    referralNfa: nfaText === null ? null : nfaTextValue(nfaText),
    assessments: r.nodes('Assessments').map((n) => parseAssessment(n, ctx)),
    cinPlans: r.nodes('CINPlanDates').map((n) => parsePlanDates(n, ctx)),
    section47s: r.nodes('Section47').map((n) => parseSection47(n, ctx)),
    cpPlans: r.nodes('ChildProtectionPlans').map((n) => parseCpPlan(n, ctx)),
    preProceedings: preYear ? r.nodes('PreProceedingsandFGDM').map((n) => parsePreProceedings(n, ctx)) : [],
  };
  return ep;
}

function nfaTextValue(t: string): boolean | null {
  const v = t.trim().toLowerCase();
  return v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : null;
}

function parseAssessment(node: XmlNode, ctx: ChildContext): CinAssessment {
  const r = new ModuleReader(node, ctx, ASSESSMENT);
  let factors: string[] | null = null;
  const f = r.nodes('FactorsIdentifiedAtAssessment')[0];
  if (f) {
    factors = [];
    // 18A and 19A were retired in 2021/22; the validator keeps reading them and queries them (8945Q, 8950Q).
    const codes = [...assessmentFactorsFor(ctx.year), ...RETIRED_FACTORS];
    const fr = new ModuleReader(f, ctx, { AssessmentFactors: 'many' });
    for (const n of fr.nodes('AssessmentFactors')) {
      const code = n.text.toUpperCase();
      if (codes.includes(code)) factors.push(code);
      else
        fr.error(
          n,
          LANTERN_RULES.code,
          `AssessmentFactors "${n.text}" is not a factor code for ${collectionYearLabel(ctx.year)}`,
        );
    }
  }
  return {
    line: node.line,
    lines: r.lines,
    startDate: r.date('AssessmentActualStartDate', true),
    internalReviewDate: r.date('AssessmentInternalReviewDate'),
    authorisationDate: r.date('AssessmentAuthorisationDate'),
    factors,
  };
}

function parsePlanDates(node: XmlNode, ctx: ChildContext): CinPlanDates {
  const r = new ModuleReader(node, ctx, PLAN_DATES);
  return {
    line: node.line,
    lines: r.lines,
    startDate: r.date('CINPlanStartDate', true, '4010'),
    endDate: r.date('CINPlanEndDate'),
  };
}

function parseSection47(node: XmlNode, ctx: ChildContext): CinSection47 {
  const r = new ModuleReader(node, ctx, SECTION47);
  return {
    line: node.line,
    lines: r.lines,
    startDate: r.date('S47ActualStartDate', true),
    icpcTarget: r.date('InitialCPCtarget'),
    icpcDate: r.date('DateOfInitialCPC'),
    icpcNotRequired: r.yesNo('ICPCnotRequired', true),
  };
}

function parseCpPlan(node: XmlNode, ctx: ChildContext): CinCpPlan {
  const r = new ModuleReader(node, ctx, CP_PLAN);
  const reviews: CinCpPlan['reviews'] = [];
  const undatedReviews: number[] = [];
  const rv = r.nodes('Reviews')[0];
  if (rv) {
    const rr = new ModuleReader(rv, ctx, { CPPreviewDate: 'many' });
    const dates = rr.nodes('CPPreviewDate');
    // A Reviews group with no date in it, or an empty CPPreviewDate, is a review record with a missing date (8842Q).
    if (dates.length === 0) undatedReviews.push(rv.line);
    for (const n of dates) {
      if (n.text === '') undatedReviews.push(n.line);
      const d = rr.dateOf(n);
      if (d) reviews.push({ date: d, line: n.line });
    }
  }
  return {
    line: node.line,
    lines: r.lines,
    startDate: r.date('CPPstartDate', true, '8720'),
    endDate: r.date('CPPendDate'),
    initialCategory: r.code(
      'InitialCategoryOfAbuse',
      CATEGORIES_OF_ABUSE,
      'the categories of abuse (NEG, PHY, SAB, EMO, MUL)',
      true,
      '8905',
    ),
    latestCategory: r.code(
      'LatestCategoryOfAbuse',
      CATEGORIES_OF_ABUSE,
      'the categories of abuse (NEG, PHY, SAB, EMO, MUL)',
      true,
      '8910',
    ),
    // The liia XSD says positiveInteger, which refuses 0; a first plan has 0 previous
    // plans, so Lantern accepts 0.
    previousPlans: r.wholeNumber('NumberOfPreviousCPP', true, '8730'),
    reviews,
    undatedReviews,
  };
}

function parsePreProceedings(node: XmlNode, ctx: ChildContext): CinPreProceedings {
  const r = new ModuleReader(node, ctx, PRE_PROCEEDINGS);
  const outcome = r.code('PPOutcome', Object.keys(PP_OUTCOMES), 'PPOutcome (A proceedings issued, B stepped down)');
  return {
    line: node.line,
    lines: r.lines,
    startDate: r.date('PPStartDate', true),
    letterSentDate: r.date('LBPSentDate'),
    fgdmOffered: r.yesNo('FGDMMeetingOffer'),
    fgdmFacilitated: r.yesNo('FGDMMeetingFac'),
    initialMeetingDate: r.date('InitialPPMeetingDate'),
    reviewMeetings: r.wholeNumber('ReviewMeetingsCount'),
    decisionDate: r.date('StepDecisionDate'),
    outcome,
    courtApplicationDate: r.date('CourtAppDate'),
    letterInitiatingCareProceedingsDate: r.date('LetterInitCPDate'),
  };
}
