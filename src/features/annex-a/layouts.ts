/**
 * The Ofsted ILACS Annex A workbook, one typed definition per layout: eleven sheets 'List 1' … 'List 11', each with
 * its column headings in order, each column's type and, for coded columns, its option list (codes.ts).
 *
 * Source: Social Finance's liia-tools (`la-agg.yml` for the 2022 order) and liia-tools-pipeline (its
 * `Annex_A_schema.yml` for 2024, `Annex_A_schema_2026.diff.yml` for 2026). Layouts:
 * - 2022: the original ILACS Annex A;
 * - 2024: List 9 gains UASC, personal adviser, pathway plan review and latest contact (and the 2022 activity codes
 *   F3/P3 give way to F4/P4/F5/P5);
 * - 2026: "Gender" becomes "Sex" in all eleven lists.
 */
import type { CodeListId } from './codes';

export type AnnexALayoutYear = 2022 | 2024 | 2026;
export const ANNEX_A_LAYOUTS: readonly AnnexALayoutYear[] = [2022, 2024, 2026];

export type ColumnType = 'id' | 'text' | 'date' | 'int' | 'code';

export interface AnnexAColumn {
  /** A stable name for the column across layouts. */
  key: string;
  heading: string;
  type: ColumnType;
  /** The source marks the column as not blank. */
  required: boolean;
  codes?: CodeListId;
}

export type ListNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11;

export interface AnnexAList {
  list: ListNumber;
  sheet: string;
  title: string;
  columns: readonly AnnexAColumn[];
}

const col = (key: string, heading: string, type: ColumnType, required: boolean, codes?: CodeListId): AnnexAColumn =>
  codes ? { key, heading, type, required, codes } : { key, heading, type, required };

function common(year: AnnexALayoutYear): AnnexAColumn[] {
  return [
    col('childId', 'Child Unique ID', 'id', true),
    col('sex', year >= 2026 ? 'Sex' : 'Gender', 'code', true, 'sex'),
    col('ethnicity', 'Ethnicity', 'code', true, 'ethnicity'),
    col('dob', 'Date of Birth', 'date', false),
    col('age', 'Age of Child (Years)', 'int', false),
  ];
}

const disability = col('disability', 'Does the Child have a Disability', 'code', true, 'yesNoUnknown');
const team = col('team', 'Allocated Team', 'text', true);
const worker = col('worker', 'Allocated Worker', 'text', true);

/** The eleven lists of a layout, in order. */
export function annexALayout(year: AnnexALayoutYear): readonly AnnexAList[] {
  const c = common(year);
  const sexHeading = year >= 2026 ? 'Sex' : 'Gender';
  const list9 =
    year === 2022
      ? [
          ...c,
          disability,
          team,
          worker,
          col('eligibility', 'Eligibility Category', 'code', true, 'eligibility'),
          col('inTouch', 'LA in Touch', 'code', true, 'inTouch'),
          col('accommodation', 'Type of Accommodation', 'code', false, 'accommodation'),
          col('suitability', 'Suitability of Accommodation', 'code', false, 'suitability'),
          col('activity', 'Activity Status', 'code', false, 'activity2022'),
        ]
      : [
          ...c,
          col(
            'uasc',
            'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)',
            'code',
            true,
            'yesNo',
          ),
          disability,
          team,
          worker,
          col('personalAdviser', 'Allocated Personal Advisor', 'text', true),
          col('eligibility', 'Eligibility Category', 'code', true, 'eligibility'),
          col('pathwayReview', 'Latest Pathway Plan Review Date', 'date', false),
          col('inTouch', 'LA in Touch', 'code', true, 'inTouch'),
          col('latestContact', 'Latest Date of Contact', 'date', false),
          col('accommodation', 'Type of Accommodation', 'code', false, 'accommodation'),
          col('suitability', 'Suitability of Accommodation', 'code', false, 'suitability'),
          col('activity', 'Activity Status', 'code', false, 'activity'),
        ];
  const lists: Array<Omit<AnnexAList, 'sheet'>> = [
    {
      list: 1,
      title: 'Contacts',
      columns: [
        ...c,
        col('contactDate', 'Date of Contact', 'date', true),
        col('source', 'Contact Source', 'code', true, year === 2022 ? 'source2022' : 'source'),
      ],
    },
    {
      list: 2,
      title: 'Early help',
      columns: [
        ...c,
        col('ehStart', 'Assessment start date', 'date', true),
        col('ehEnd', 'Assessment completion date', 'date', false),
        col('organisation', 'Organisation completing assessment', 'text', true),
      ],
    },
    {
      list: 3,
      title: 'Referrals',
      columns: [
        ...c,
        col('referralDate', 'Date of Referral', 'date', true),
        col('source', 'Referral Source', 'code', true, year === 2022 ? 'source2022' : 'source'),
        col('nfa', 'Referral NFA?', 'code', true, 'yesNo'),
        col('referrals12m', 'Number of Referrals in Last 12 Months', 'int', true),
        team,
        worker,
      ],
    },
    {
      list: 4,
      title: 'Assessments',
      columns: [
        ...c,
        disability,
        col('assessmentStart', 'Continuous Assessment Start Date', 'date', true),
        col('childSeen', 'Child Seen During Continuous Assessment', 'code', true, 'yesNoUnknown'),
        col('authorised', 'Continuous Assessment Date of Authorisation', 'date', false),
        col(
          'furtherServices',
          "Was the child assessed as requiring LA children's social care support?",
          'code',
          false,
          'yesNo',
        ),
        team,
        worker,
      ],
    },
    {
      list: 5,
      title: 'Section 47 enquiries and Initial Child Protection Conferences',
      columns: [
        ...c,
        disability,
        col('s47Start', 'Strategy discussion initiating Section 47 Enquiry Start Date', 'date', true),
        col(
          'icpcNotRequired',
          'Was an Initial Child Protection Conference deemed unnecessary?',
          'code',
          false,
          'yesNo',
        ),
        col('icpcDate', 'Date of Initial Child Protection Conference', 'date', false),
        col(
          'icpcCpPlan',
          'Did the Initial Child Protection Conference Result in a Child Protection Plan',
          'code',
          false,
          'yesNoUnknown',
        ),
        col('s47s12m', 'Number of Section 47 Enquiries in the last 12 months', 'int', true),
        col('icpcs12m', 'Number of ICPCs in the last 12 months', 'int', true),
        team,
        worker,
      ],
    },
    {
      list: 6,
      title: 'Children in need',
      columns: [
        ...c,
        disability,
        col('cinStart', 'CIN Start Date', 'date', false),
        col('primaryNeed', 'Primary Need Code', 'code', true, 'primaryNeed'),
        col('lastSeen', 'Date Child Was Last Seen', 'date', false),
        col('cinClosure', 'CIN Closure Date', 'date', false),
        col('closureReason', 'Reason for Closure', 'code', false, 'closureReason'),
        col('caseStatus', 'Case Status', 'code', true, 'caseStatus'),
        team,
        worker,
      ],
    },
    {
      list: 7,
      title: 'Child protection',
      columns: [
        ...c,
        disability,
        col('cpStart', 'Child Protection Plan Start Date', 'date', true),
        col('initialCategory', 'Initial Category of Abuse', 'code', true, 'abuseCategory'),
        col('latestCategory', 'Latest Category of Abuse', 'code', true, 'abuseCategory'),
        col('lastVisit', 'Date of the Last Statutory Visit', 'date', false),
        col('seenAlone', 'Was the Child Seen Alone?', 'code', false, 'yesNoUnknown'),
        col('latestReview', 'Date of latest review conference', 'date', false),
        col('cpEnd', 'Child Protection Plan End Date', 'date', false),
        col(
          'epo',
          'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)',
          'code',
          true,
          'yesNo',
        ),
        col('previousPlans', 'Number of Previous Child Protection Plans', 'int', true),
        team,
        worker,
      ],
    },
    {
      list: 8,
      title: 'Children in care',
      columns: [
        ...c,
        col('uasc', 'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)', 'code', true, 'yesNo'),
        disability,
        col('claStart', 'Date Started to be Looked After', 'date', true),
        col('categoryOfNeed', "Child's Category of Need", 'code', true, 'categoryOfNeed'),
        col(
          'secondPeriod',
          'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)',
          'code',
          true,
          'yesNo',
        ),
        col('legalStatusStart', 'Start date of current legal status', 'date', true),
        col('legalStatus', "Child's Legal Status", 'code', true, 'legalStatus'),
        col('latestReview', 'Date of Latest Statutory Review', 'date', false),
        col('lastVisit', 'Date of Last Social Work Visit', 'date', false),
        col('permanencePlan', 'What is the permanence plan for this child?', 'code', false, 'permanencePlan'),
        col('lastIroVisit', 'Date of Last IRO Visit / Contact to the Child', 'date', false),
        col('lastHealth', 'Date of Last Health Assessment', 'date', false),
        col('lastDental', 'Date of Last Dental Check', 'date', false),
        col('placements12m', 'Number of Placements in the Last 12 months', 'int', true),
        col('claEnd', 'Date Ceased to be Looked After', 'date', false),
        col('reasonCeased', 'Reason Ceased to be Looked After', 'code', false, 'reasonCeased'),
        col('placementStart', 'Start Date of Most Recent Placement', 'date', true),
        col('placementType', 'Placement Type', 'code', true, 'placementType'),
        col('provider', 'Placement Provider', 'code', true, 'placementProvider'),
        col('postcode', 'Placement postcode', 'text', true),
        col('urn', 'URN of Placement', 'text', false),
        col('location', 'Placement Location', 'code', true, 'placementLocation'),
        col('laOfPlacement', 'LA of Placement', 'text', true),
        col(
          'missing12m',
          "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
          'int',
          true,
        ),
        col(
          'absent12m',
          "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
          'int',
          true,
        ),
        col(
          'rhiOffered',
          'Was the child offered a Return Interview after their last missing episode (Y/N)?',
          'code',
          false,
          'yesNo',
        ),
        col(
          'rhiAccepted',
          'Did the child accept a Return Interview after their last missing episode (Y/N)?',
          'code',
          false,
          'yesNo',
        ),
        team,
        worker,
      ],
    },
    { list: 9, title: 'Care leavers', columns: list9 },
    {
      list: 10,
      title: 'Adoption',
      columns: [
        col('childId', 'Child Unique ID', 'id', true),
        col('familyId', 'Family identifier', 'text', false),
        ...c.slice(1),
        disability,
        col('enteredCare', 'Date the Child Entered Care', 'date', true),
        col('decisionDate', 'Date of Decision that Child Should be Placed for Adoption', 'date', true),
        col('placementOrder', 'Date of Placement Order', 'date', false),
        col('matched', 'Date of Matching Child and Prospective Adopters', 'date', false),
        col('placed', 'Date Placed for Adoption', 'date', false),
        col('adoptionOrder', 'Date of Adoption Order', 'date', false),
        col('reversedDate', 'Date of Decision that Child Should No Longer be Placed for Adoption', 'date', false),
        col(
          'reversedReason',
          'Reason Why Child No Longer Placed for Adoption',
          'code',
          false,
          'decisionReversedReason',
        ),
        col(
          'ffaDate',
          'Date the child was placed for fostering in FFA or concurrent planning placement',
          'date',
          false,
        ),
      ],
    },
    {
      list: 11,
      title: 'Adopters',
      columns: [
        col('adopterId', 'Individual adopter identifier', 'id', true),
        col('familyId', 'Family identifier', 'text', false),
        col('sex', sexHeading, 'code', false, 'sex'),
        col('ethnicity', 'Ethnicity', 'code', false, 'ethnicity'),
        col('disability', 'Disability', 'code', true, 'yesNoUnknown'),
        col('ffa', 'Is the (prospective) adopter fostering for adoption?', 'code', true, 'yesNo'),
        col('enquiry', 'Date enquiry received', 'date', true),
        col('stage1Start', 'Date Stage 1 started', 'date', false),
        col('stage1End', 'Date Stage 1 ended', 'date', false),
        col('stage2Start', 'Date Stage 2 started', 'date', false),
        col('stage2End', 'Date Stage 2 ended', 'date', false),
        col('applied', 'Date application submitted', 'date', false),
        col('approved', 'Date application approved', 'date', false),
        col('matched', 'Date adopter matched with child(ren)', 'date', false),
        col('placed', 'Date child/children placed with adopter(s)', 'date', false),
        col('childrenPlaced', 'No. of children placed', 'int', false),
        col('adoptionOrder', 'Date of Adoption Order', 'date', false),
        col('left', 'Date of leaving adoption process', 'date', false),
        col('leftReason', 'Reason for leaving adoption process', 'code', false, 'leavingAdoptionReason'),
      ],
    },
  ];
  return lists.map((l) => ({ ...l, sheet: `List ${l.list}` }));
}

/** One list of a layout. */
export function annexAList(year: AnnexALayoutYear, list: ListNumber): AnnexAList {
  const found = annexALayout(year).find((l) => l.list === list);
  if (!found) throw new Error(`no List ${list}`);
  return found;
}
