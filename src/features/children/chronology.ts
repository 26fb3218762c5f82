/**
 * The child's chronology in plain English: pure mapping from the raw event rows the repository reads (one row per
 * dated event, from every child-level table) to readable entries.
 *
 * `CHRONOLOGY_KINDS` is the one list of event kinds. For each it gives the area of the child's journey (used to
 * filter) and `rank`, the order of events that fall on the same day: the order things happen in practice (a contact
 * before the referral it leads to, a placement ending before the next one starts, a period of care starting before
 * its first placement). Ties beyond that are broken by time of day (missing episodes) and then by the row's id.
 */
import { longDate } from '../../domain/dates';
import { GRADE_LABELS, isGrade } from '../../domain/ofsted';
import {
  ACCOMMODATION,
  ACTIVITY,
  ALLOCATION_ROLE,
  ASSESSMENT_FACTOR,
  BRAG,
  CARE_LEAVER_ELIGIBILITY,
  CLOSURE_REASON,
  codeAndLabel,
  COURT_ORDER,
  CP_CATEGORY,
  CP_REVIEW_PARTICIPATION,
  DECISION_REVERSED_REASON,
  DISABILITY,
  EARLY_HELP_OUTCOME,
  IN_TOUCH,
  label,
  LADO_OUTCOME,
  LEGAL_STATUS,
  MASH_DECISION,
  PERMANENCE_PLAN,
  PLACEMENT_CHANGE_REASON,
  PLACEMENT_PROVIDER,
  PLACEMENT_TYPE,
  PLO_OUTCOME,
  PRIMARY_NEED,
  REASON_CEASED,
  REFERRAL_SOURCE,
  REVIEW_PARTICIPATION,
  S47_OUTCOME,
  SDQ_REASON,
  STRATEGY_OUTCOME,
  VISIT_KIND,
} from './code-labels';

export const AREAS = {
  identity: 'Identity',
  'front-door': 'Contacts and referrals',
  'early-help': 'Early help',
  assessment: 'Assessments',
  'child-protection': 'Child protection',
  'child-in-need': 'Child in need',
  visits: 'Visits',
  court: 'Pre-proceedings and court',
  'in-care': 'In care',
  health: 'Health',
  education: 'Education',
  missing: 'Missing and away',
  permanence: 'Adoption and special guardianship',
  'care-leaver': 'Leaving care',
  'private-fostering': 'Private fostering',
  lado: 'LADO',
  quality: 'Case audits',
  allocation: 'Allocations',
} as const;
export type Area = keyof typeof AREAS;

export function isArea(value: unknown): value is Area {
  return typeof value === 'string' && Object.hasOwn(AREAS, value);
}

const kind = (area: Area, rank: number) => ({ area, rank });

/** Every kind of chronology event, with its area and its order within a day. */
export const CHRONOLOGY_KINDS = {
  born: kind('identity', 0),
  'immigration-status-started': kind('identity', 2),
  'disability-recorded': kind('identity', 4),
  contact: kind('front-door', 10),
  'early-help-started': kind('early-help', 12),
  'early-help-ended': kind('early-help', 14),
  'private-fostering-notified': kind('private-fostering', 16),
  referral: kind('front-door', 20),
  'allocation-ended': kind('allocation', 21),
  allocated: kind('allocation', 22),
  'strategy-discussion': kind('child-protection', 24),
  's47-started': kind('child-protection', 26),
  'assessment-started': kind('assessment', 28),
  'assessment-authorised': kind('assessment', 30),
  's47-ended': kind('child-protection', 32),
  icpc: kind('child-protection', 34),
  'cp-plan-started': kind('child-protection', 36),
  'cin-plan-started': kind('child-in-need', 38),
  'cp-review': kind('child-protection', 40),
  'pre-proceedings-started': kind('court', 42),
  'pre-proceedings-ended': kind('court', 44),
  'care-proceedings-issued': kind('court', 46),
  'placement-ended': kind('in-care', 48),
  'care-started': kind('in-care', 50),
  'legal-status': kind('in-care', 52),
  'placement-started': kind('in-care', 54),
  'permanence-plan': kind('in-care', 55),
  'cla-review': kind('in-care', 56),
  'health-assessment': kind('health', 58),
  'dental-check': kind('health', 59),
  sdq: kind('health', 60),
  'cla-outcomes': kind('health', 60.5),
  pep: kind('education', 61),
  'missing-started': kind('missing', 62),
  'missing-ended': kind('missing', 63),
  'rhi-completed': kind('missing', 64),
  'dolo-started': kind('court', 65),
  'adm-decision': kind('permanence', 66),
  'placement-order': kind('permanence', 67),
  matched: kind('permanence', 68),
  'ffa-placed': kind('permanence', 69),
  'placed-for-adoption': kind('permanence', 70),
  'decision-reversed': kind('permanence', 71),
  'permanence-order': kind('permanence', 72),
  'care-proceedings-concluded': kind('court', 74),
  'cin-plan-ended': kind('child-in-need', 76),
  'cp-plan-ended': kind('child-protection', 78),
  'dolo-ended': kind('court', 79),
  'care-ended': kind('in-care', 80),
  'care-leaver-started': kind('care-leaver', 82),
  'pa-linked': kind('care-leaver', 83),
  'staying-put': kind('care-leaver', 84),
  'pathway-plan-review': kind('care-leaver', 85),
  'care-leaver-contact': kind('care-leaver', 86),
  'care-leaver-ended': kind('care-leaver', 87),
  'private-fostering-visit': kind('private-fostering', 88),
  'private-fostering-assessed': kind('private-fostering', 89),
  'private-fostering-ended': kind('private-fostering', 90),
  visit: kind('visits', 91),
  'lado-referral': kind('lado', 92),
  'lado-closed': kind('lado', 93),
  'case-audit': kind('quality', 94),
  'referral-closed': kind('front-door', 95),
  'immigration-status-ended': kind('identity', 97),
  died: kind('identity', 99),
} as const satisfies Record<string, { area: Area; rank: number }>;
export type ChronologyKind = keyof typeof CHRONOLOGY_KINDS;

/** One dated event as the repository reads it. `data` holds the row's fields, as JSON, under stable names. */
export interface ChronologyRow {
  date: string;
  /** Time of day (HH:MM, UK time) for events recorded with a time, else null. */
  time: string | null;
  kind: ChronologyKind;
  /** The table the event came from, and the row's id there. */
  source: string;
  sourceId: number;
  worker: string | null;
  team: string | null;
  data: Record<string, unknown>;
}

export interface ChronologyEntry {
  date: string;
  time: string | null;
  kind: ChronologyKind;
  area: Area;
  areaLabel: string;
  title: string;
  /** Plain-English details, or '' when the title says it all. */
  detail: string;
  worker: string | null;
  team: string | null;
  source: string;
  sourceId: number;
}

export function toEntries(rows: readonly ChronologyRow[]): ChronologyEntry[] {
  return sortRows(rows).map(toEntry);
}

/** Date order; same-day events in `rank` order, then by time, then by source row: stable and deterministic. */
export function sortRows(rows: readonly ChronologyRow[]): ChronologyRow[] {
  return [...rows].sort(
    (a, b) =>
      compare(a.date, b.date) ||
      CHRONOLOGY_KINDS[a.kind].rank - CHRONOLOGY_KINDS[b.kind].rank ||
      compare(a.time ?? '', b.time ?? '') ||
      compare(a.source, b.source) ||
      a.sourceId - b.sourceId,
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function toEntry(row: ChronologyRow): ChronologyEntry {
  const { title, details } = describe(row);
  const area = CHRONOLOGY_KINDS[row.kind].area;
  return {
    date: row.date,
    time: row.time,
    kind: row.kind,
    area,
    areaLabel: AREAS[area],
    title,
    detail: sentence(details),
    worker: row.worker,
    team: row.team,
    source: row.source,
    sourceId: row.sourceId,
  };
}

/** Joins the non-empty parts with "; " and capitalises the first letter. */
function sentence(parts: ReadonlyArray<string | null | undefined | false>): string {
  const text = parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('; ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

function str(d: Record<string, unknown>, key: string): string | null {
  const v = d[key];
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null;
}

function num(d: Record<string, unknown>, key: string): number | null {
  const v = d[key];
  return typeof v === 'number' ? v : typeof v === 'string' && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : null;
}

function bool(d: Record<string, unknown>, key: string): boolean | null {
  const v = d[key];
  return typeof v === 'boolean' ? v : null;
}

function strings(d: Record<string, unknown>, key: string): string[] {
  const v = d[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function yesNo(value: boolean | null, yes: string, no: string): string | null {
  return value === null ? null : value ? yes : no;
}

function gradeLabel(grade: string): string {
  return isGrade(grade) ? GRADE_LABELS[grade] : grade;
}

function on(prefix: string, iso: string | null): string | null {
  return iso ? `${prefix} ${longDate(iso)}` : null;
}

function describe(row: ChronologyRow): { title: string; details: Array<string | null | false> } {
  const d = row.data;
  const k = row.kind;
  switch (k) {
    case 'born':
      return { title: 'Born', details: [] };
    case 'died':
      return { title: 'Died', details: [] };
    case 'immigration-status-started':
      return { title: `Immigration status recorded: ${immigration(str(d, 'status'))}`, details: [] };
    case 'immigration-status-ended':
      return { title: `Immigration status ended: ${immigration(str(d, 'status'))}`, details: [] };
    case 'disability-recorded':
      return { title: `Disability recorded: ${label(DISABILITY, str(d, 'code')).toLowerCase()}`, details: [] };

    case 'contact':
      return {
        title: 'Contact received',
        details: [
          source(str(d, 'source')),
          str(d, 'mashDecision') &&
            `decision: ${label(MASH_DECISION, str(d, 'mashDecision'))}${str(d, 'decisionDate') ? ` on ${longDate(str(d, 'decisionDate'))}` : ''}`,
          brag(str(d, 'bragInitial'), str(d, 'bragFinal')),
        ],
      };
    case 'referral':
      return {
        title: bool(d, 'nfa') ? 'Referral received — no further action' : 'Referral received',
        details: [
          source(str(d, 'source')),
          str(d, 'primaryNeed') && `primary need: ${codeAndLabel(PRIMARY_NEED, str(d, 'primaryNeed'))}`,
        ],
      };
    case 'referral-closed':
      return {
        title: 'Case closed',
        details: [str(d, 'reason') && `reason: ${codeAndLabel(CLOSURE_REASON, str(d, 'reason'))}`],
      };

    case 'early-help-started':
      return {
        title: 'Early help requested',
        details: [
          str(d, 'organisation') && `lead organisation: ${str(d, 'organisation')}`,
          on('allocated', str(d, 'allocationDate')),
          on('assessment started', str(d, 'assessmentStartDate')),
          on('assessment completed', str(d, 'assessmentCompletionDate')),
        ],
      };
    case 'early-help-ended':
      return {
        title: 'Early help ended',
        details: [str(d, 'outcome') && `outcome: ${label(EARLY_HELP_OUTCOME, str(d, 'outcome'))}`],
      };

    case 'assessment-started':
      return { title: 'Assessment started', details: [on('child seen', str(d, 'childSeenDate'))] };
    case 'assessment-authorised':
      return {
        title: 'Assessment authorised',
        details: [
          yesNo(
            bool(d, 'childSeen'),
            bool(d, 'childSeenAlone') ? 'child seen, and seen alone' : 'child seen',
            'child not seen',
          ),
          factors(strings(d, 'factors')),
          yesNo(
            bool(d, 'furtherServices'),
            'further children’s social care services needed',
            'no further children’s social care services needed',
          ),
        ],
      };

    case 'strategy-discussion':
      return {
        title: 'Strategy discussion',
        details: [attendance(d), str(d, 'outcome') && `outcome: ${label(STRATEGY_OUTCOME, str(d, 'outcome'))}`],
      };
    case 's47-started':
      return { title: 'Section 47 enquiry started', details: [] };
    case 's47-ended':
      return {
        title: 'Section 47 enquiry completed',
        details: [
          str(d, 'outcome') && `outcome: ${label(S47_OUTCOME, str(d, 'outcome'))}`,
          bool(d, 'icpcNotRequired') && 'initial child protection conference not required',
        ],
      };
    case 'icpc':
      return {
        title: bool(d, 'transferIn')
          ? 'Transfer-in child protection conference'
          : 'Initial child protection conference',
        details: [
          yesNo(bool(d, 'outcomeCpPlan'), 'child protection plan made', 'no child protection plan'),
          on('due by', str(d, 'targetDate')),
        ],
      };
    case 'cp-plan-started': {
      const previous = num(d, 'previousPlans') ?? 0;
      return {
        title: 'Child protection plan started',
        details: [
          str(d, 'initialCategory') && `category: ${label(CP_CATEGORY, str(d, 'initialCategory'))}`,
          previous > 0 ? 'second or subsequent plan' : 'first plan',
          bool(d, 'epoOrPoliceProtection') &&
            'emergency protection order or police protection in the previous six months',
        ],
      };
    }
    case 'cp-review':
      return {
        title: 'Child protection review conference',
        details: [
          yesNo(bool(d, 'quorate'), 'quorate', 'not quorate'),
          str(d, 'participation') && label(CP_REVIEW_PARTICIPATION, str(d, 'participation')),
          on('was due', str(d, 'dueDate')),
        ],
      };
    case 'cp-plan-ended':
      return {
        title: 'Child protection plan ended',
        details: [
          str(d, 'latestCategory') && `latest category: ${label(CP_CATEGORY, str(d, 'latestCategory'))}`,
          duration(str(d, 'startDate'), row.date),
        ],
      };

    case 'cin-plan-started':
      return { title: 'Child in need plan started', details: [] };
    case 'cin-plan-ended':
      return { title: 'Child in need plan ended', details: [duration(str(d, 'startDate'), row.date)] };

    case 'visit':
      return {
        title: label(VISIT_KIND, str(d, 'kind')) || 'Visit',
        details: [
          bool(d, 'seen') === false
            ? 'child not seen'
            : bool(d, 'seenAlone')
              ? 'child seen alone'
              : bool(d, 'seen')
                ? 'child seen'
                : null,
        ],
      };

    case 'pre-proceedings-started':
      return {
        title: 'Pre-proceedings (PLO) started',
        details: [
          on('letter before proceedings sent', str(d, 'letterDate')),
          yesNo(
            bool(d, 'fgdmOffered'),
            'family group decision-making offered',
            'family group decision-making not offered',
          ),
          on('initial meeting', str(d, 'initialMeetingDate')),
        ],
      };
    case 'pre-proceedings-ended':
      return {
        title: 'Pre-proceedings (PLO) ended',
        details: [
          str(d, 'outcome') && `outcome: ${label(PLO_OUTCOME, str(d, 'outcome'))}`,
          num(d, 'reviewMeetings') !== null &&
            `${num(d, 'reviewMeetings')} review meeting${num(d, 'reviewMeetings') === 1 ? '' : 's'}`,
          duration(str(d, 'startDate'), row.date),
        ],
      };
    case 'care-proceedings-issued':
      return { title: 'Care proceedings issued', details: [] };
    case 'care-proceedings-concluded':
      return {
        title: 'Care proceedings concluded',
        details: [
          str(d, 'finalOrder') && `final order: ${label(COURT_ORDER, str(d, 'finalOrder'))}`,
          weeks(str(d, 'issueDate'), row.date),
        ],
      };

    case 'care-started':
      return {
        title: 'Started to be looked after',
        details: [
          str(d, 'categoryOfNeed') && `category of need: ${codeAndLabel(PRIMARY_NEED, str(d, 'categoryOfNeed'))}`,
        ],
      };
    case 'legal-status':
      return { title: `Legal status: ${codeAndLabel(LEGAL_STATUS, str(d, 'legalStatus'))}`, details: [] };
    case 'placement-started':
      return {
        title: 'Placement started',
        details: [
          codeAndLabel(PLACEMENT_TYPE, str(d, 'placementType')),
          str(d, 'provider') &&
            `provider: ${label(PLACEMENT_PROVIDER, str(d, 'provider')).replace(/^./, (c) => c.toLowerCase())}`,
          bool(d, 'inArea') === null
            ? null
            : bool(d, 'inArea')
              ? 'in the authority’s area'
              : 'outside the authority’s area',
          num(d, 'distanceMiles') !== null && `${num(d, 'distanceMiles')} miles from home`,
        ],
      };
    case 'placement-ended':
      return {
        title: 'Placement ended',
        details: [
          codeAndLabel(PLACEMENT_TYPE, str(d, 'placementType')),
          str(d, 'changeReason') && `reason: ${label(PLACEMENT_CHANGE_REASON, str(d, 'changeReason')).toLowerCase()}`,
        ],
      };
    case 'permanence-plan':
      return { title: `Permanence plan: ${label(PERMANENCE_PLAN, str(d, 'plan')).toLowerCase()}`, details: [] };
    case 'cla-review':
      return {
        title: 'Looked-after review',
        details: [
          str(d, 'participation') && codeAndLabel(REVIEW_PARTICIPATION, str(d, 'participation')),
          on('was due', str(d, 'dueDate')),
        ],
      };
    case 'care-ended':
      return {
        title: 'Stopped being looked after',
        details: [
          str(d, 'reasonCeased') && `reason: ${codeAndLabel(REASON_CEASED, str(d, 'reasonCeased'))}`,
          duration(str(d, 'startDate'), row.date),
        ],
      };

    case 'health-assessment':
      return {
        title: str(d, 'kind') === 'initial' ? 'Initial health assessment' : 'Review health assessment',
        details: [],
      };
    case 'dental-check':
      return { title: 'Dental check', details: [] };
    case 'sdq':
      return {
        title: 'Strengths and difficulties questionnaire',
        details: [
          num(d, 'score') !== null
            ? `score: ${num(d, 'score')}`
            : str(d, 'reason') && `no score: ${label(SDQ_REASON, str(d, 'reason')).toLowerCase()}`,
        ],
      };
    case 'cla-outcomes':
      return {
        title: 'Health and offending at 31 March, after 12 months in care',
        details: [
          yesNo(bool(d, 'immunisations'), 'immunisations up to date', 'immunisations not up to date'),
          yesNo(
            bool(d, 'healthCheck'),
            'health surveillance checks up to date',
            'health surveillance checks not up to date',
          ),
          yesNo(bool(d, 'convicted'), 'convicted or cautioned in the year', 'not convicted or cautioned in the year'),
          yesNo(bool(d, 'substanceMisuse'), 'a substance misuse problem', 'no substance misuse problem'),
          yesNo(bool(d, 'interventionReceived'), 'received an intervention', 'no intervention received'),
          yesNo(bool(d, 'interventionOffered'), 'offered an intervention', 'not offered an intervention'),
        ],
      };
    case 'pep':
      return { title: 'Personal education plan reviewed', details: [] };

    case 'missing-started':
      return {
        title: str(d, 'kind') === 'A' ? 'Away from placement without authorisation' : 'Went missing',
        details: [],
      };
    case 'missing-ended':
      return {
        title: str(d, 'kind') === 'A' ? 'Returned after being away from placement' : 'Returned after being missing',
        details: [
          str(d, 'rhiOfferedDate')
            ? `return home interview offered ${longDate(str(d, 'rhiOfferedDate'))}`
            : 'no return home interview offered',
          str(d, 'rhiOfferedDate')
            ? str(d, 'rhiAcceptedDate')
              ? `accepted ${longDate(str(d, 'rhiAcceptedDate'))}`
              : 'not accepted'
            : null,
        ],
      };
    case 'rhi-completed':
      return { title: 'Return home interview completed', details: [] };

    case 'adm-decision':
      return { title: 'Agency decision: should be placed for adoption', details: [] };
    case 'placement-order':
      return { title: 'Placement order granted', details: [] };
    case 'matched':
      return { title: 'Matched with prospective adopters', details: [] };
    case 'ffa-placed':
      return { title: 'Placed in a fostering for adoption placement', details: [] };
    case 'placed-for-adoption':
      return { title: 'Placed for adoption', details: [] };
    case 'decision-reversed':
      return {
        title: 'Adoption decision reversed',
        details: [str(d, 'reason') && `reason: ${codeAndLabel(DECISION_REVERSED_REASON, str(d, 'reason'))}`],
      };
    case 'permanence-order':
      return {
        title: `${cap(label(COURT_ORDER, str(d, 'orderType')) || 'Permanence order')} made`,
        details: [bool(d, 'adoptedByFosterCarer') && 'adopted by their foster carer'],
      };

    case 'care-leaver-started':
      return {
        title: 'Became entitled to leaving-care support',
        details: [str(d, 'eligibility') && label(CARE_LEAVER_ELIGIBILITY, str(d, 'eligibility'))],
      };
    case 'pa-linked':
      return { title: 'Personal adviser linked', details: [] };
    case 'staying-put':
      return { title: 'Staying put arrangement started', details: [] };
    case 'pathway-plan-review':
      return { title: 'Pathway plan reviewed', details: [] };
    case 'care-leaver-contact':
      return {
        title: `Care leaver contact: ${label(IN_TOUCH, str(d, 'inTouch')).toLowerCase() || 'recorded'}`,
        details: [
          str(d, 'accommodation') &&
            `accommodation: ${label(ACCOMMODATION, str(d, 'accommodation')).toLowerCase()}${bool(d, 'accommodationSuitable') === null ? '' : bool(d, 'accommodationSuitable') ? ' (suitable)' : ' (not suitable)'}`,
          str(d, 'activity') && `activity: ${label(ACTIVITY, str(d, 'activity')).toLowerCase()}`,
        ],
      };
    case 'care-leaver-ended':
      return {
        title: 'Leaving-care support ended',
        details: [str(d, 'eligibility') && label(CARE_LEAVER_ELIGIBILITY, str(d, 'eligibility'))],
      };

    case 'dolo-started':
      return { title: 'Deprivation of Liberty Order made', details: [] };
    case 'dolo-ended':
      return { title: 'Deprivation of Liberty Order ended', details: [] };

    case 'private-fostering-notified':
      return {
        title: 'Private fostering arrangement notified',
        details: [on('arrangement started', str(d, 'arrangementStartDate'))],
      };
    case 'private-fostering-visit':
      return { title: 'Private fostering: initial visit', details: [] };
    case 'private-fostering-assessed':
      return { title: 'Private fostering: assessment completed', details: [] };
    case 'private-fostering-ended':
      return { title: 'Private fostering arrangement ended', details: [] };

    case 'lado-referral':
      return {
        title: 'LADO referral about an adult working with the child',
        details: [
          str(d, 'sector') && `sector: ${str(d, 'sector')?.replace(/-/g, ' ')}`,
          on('initial consideration', str(d, 'initialConsiderationDate')),
          yesNo(bool(d, 'strategyMeetingHeld'), 'strategy meeting held', 'no strategy meeting'),
        ],
      };
    case 'lado-closed':
      return {
        title: 'LADO referral closed',
        details: [str(d, 'outcome') && `outcome: ${label(LADO_OUTCOME, str(d, 'outcome'))}`],
      };

    case 'case-audit': {
      const grade = str(d, 'overallGrade');
      const agreed = str(d, 'agreedOverallGrade');
      return {
        title: `Case audit${grade ? `: ${gradeLabel(grade).toLowerCase()}` : ''}`,
        details: [
          str(d, 'auditorName') && `auditor: ${str(d, 'auditorName')}`,
          agreed && agreed !== grade
            ? `moderated to ${gradeLabel(agreed).toLowerCase()}`
            : agreed
              ? 'grade confirmed at moderation'
              : null,
        ],
      };
    }

    case 'allocated':
      return {
        title: `Allocated: ${(label(ALLOCATION_ROLE, str(d, 'role')) || 'worker').toLowerCase()}`,
        // The reason for the change of worker that began it (the 903's SW_REASON; imports keep it here).
        details: [
          row.worker,
          row.team,
          str(d, 'changeReason') && `reason for the change: code ${str(d, 'changeReason')}`,
        ],
      };
    case 'allocation-ended':
      return {
        title: `Allocation ended: ${(label(ALLOCATION_ROLE, str(d, 'role')) || 'worker').toLowerCase()}`,
        details: [row.worker, row.team, str(d, 'endReason') && `reason code ${str(d, 'endReason')}`],
      };
    default:
      return assertNever(k);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unmapped chronology kind: ${String(value)}`);
}

function cap(text: string): string {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function source(code: string | null): string | null {
  return code ? `source: ${codeAndLabel(REFERRAL_SOURCE, code)}` : null;
}

function brag(initial: string | null, final: string | null): string | null {
  if (!initial && !final) return null;
  if (initial && final && initial !== final) return `BRAG rating: ${label(BRAG, initial)}, then ${label(BRAG, final)}`;
  return `BRAG rating: ${label(BRAG, final ?? initial)}`;
}

function immigration(status: string | null): string {
  return status === 'UASC' ? 'unaccompanied asylum-seeking child' : (status ?? 'unknown').toLowerCase();
}

function factors(codes: string[]): string | null {
  if (codes.length === 0) return null;
  return `factors: ${codes.map((c) => label(ASSESSMENT_FACTOR, c).toLowerCase()).join(', ')}`;
}

function attendance(d: Record<string, unknown>): string {
  const present = (['police', 'health', 'education'] as const).filter((p) => bool(d, `${p}Present`));
  const absent = (['police', 'health', 'education'] as const).filter((p) => bool(d, `${p}Present`) === false);
  if (present.length === 3) return 'police, health and education present';
  const parts = [];
  if (present.length) parts.push(`${list(present)} present`);
  if (absent.length) parts.push(`${list(absent)} not present`);
  return parts.join(', ');
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Whole days between two ISO dates. */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  );
}

/** "after 1 year and 3 months" style durations for the end of a plan or period of care. */
function duration(start: string | null, end: string): string | null {
  if (!start) return null;
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  const [ey, em, ed] = end.split('-').map(Number) as [number, number, number];
  let months = (ey - sy) * 12 + (em - sm) - (ed < sd ? 1 : 0);
  if (months < 0) return null;
  if (months === 0) {
    const days = daysBetween(start, end);
    return `after ${days} day${days === 1 ? '' : 's'}`;
  }
  const years = Math.floor(months / 12);
  months -= years * 12;
  const y = years ? `${years} year${years === 1 ? '' : 's'}` : '';
  const m = months ? `${months} month${months === 1 ? '' : 's'}` : '';
  return `after ${[y, m].filter(Boolean).join(' and ')}`;
}

function weeks(start: string | null, end: string): string | null {
  if (!start) return null;
  const w = Math.floor(daysBetween(start, end) / 7);
  return w >= 0 ? `after ${w} week${w === 1 ? '' : 's'}` : null;
}

/** Filters entries to one area (all when `area` is null) and orders them oldest or newest first. */
export function selectEntries(
  entries: readonly ChronologyEntry[],
  area: Area | null,
  order: 'oldest' | 'newest',
): ChronologyEntry[] {
  const chosen = area ? entries.filter((e) => e.area === area) : [...entries];
  return order === 'newest' ? chosen.reverse() : chosen;
}
