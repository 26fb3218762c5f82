/**
 * Ofsted's inspection framework as data: the kinds of inspection and visit, the framework versions, the judgements
 * each version grades, and the four-point grade scale. Pure; everything that records, reads or shows an inspection
 * uses these names.
 *
 * Sources: Ofsted's single inspection framework (SIF, 2013–17) and ILACS framework (from January 2018); care leavers a
 * separate judgement from 1 January 2023 (Ofsted's consultation outcome, 2 December 2022); overall effectiveness
 * removed from April 2026 (Ofsted's announcement of 27 November 2025).
 */

/** The same four points in every era and for every judgement. */
export const GRADES = ['outstanding', 'good', 'requires-improvement', 'inadequate'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Record<Grade, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires improvement to be good',
  inadequate: 'Inadequate',
};

/** Good or better, as Ofsted's and councils' tables count it. */
export function isGoodOrBetter(grade: Grade): boolean {
  return grade === 'outstanding' || grade === 'good';
}

/** 1 (outstanding) to 4 (inadequate): for ordering and for weighted agreement. */
export function gradeRank(grade: Grade): number {
  return GRADES.indexOf(grade) + 1;
}

export function isGrade(value: unknown): value is Grade {
  return typeof value === 'string' && (GRADES as readonly string[]).includes(value);
}

/**
 * A grade as Ofsted, the official statistics or the community scrapes write it: "Requires improvement to be good",
 * "requires improvement", "RI", "Good" … Null for blanks and the scrapes' markers for a judgement that did not exist
 * ("inspection_pre_dates_judgement", "not_reported_post_reform", "Not reported (2026 framework change)").
 */
export function parseGrade(text: string | null | undefined): Grade | null {
  if (text == null) return null;
  const t = text.trim().toLowerCase().replace(/[‘’']/g, "'").replace(/\s+/g, ' ');
  if (!t) return null;
  if (t === 'outstanding') return 'outstanding';
  if (t === 'good') return 'good';
  if (t === 'ri' || t.startsWith('requires improvement') || t === 'requires improvement to be good')
    return 'requires-improvement';
  if (t === 'inadequate') return 'inadequate';
  return null;
}

/** What Ofsted (or the authority) did. */
export const ACTIVITY_KINDS = [
  'sif',
  'ilacs-standard',
  'ilacs-short',
  'focused-visit',
  'monitoring-visit',
  'jtai',
  'engagement-meeting',
  'self-evaluation',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  sif: 'Single inspection (SIF)',
  'ilacs-standard': 'ILACS standard inspection',
  'ilacs-short': 'ILACS short inspection',
  'focused-visit': 'Focused visit',
  'monitoring-visit': 'Monitoring visit',
  jtai: 'Joint targeted area inspection (JTAI)',
  'engagement-meeting': 'Annual engagement meeting',
  'self-evaluation': 'Self-evaluation',
};

export function isActivityKind(value: unknown): value is ActivityKind {
  return typeof value === 'string' && (ACTIVITY_KINDS as readonly string[]).includes(value);
}

/** Kinds that end in graded judgements. Visits, JTAIs, meetings and self-evaluations are not graded. */
export function isGraded(kind: ActivityKind): boolean {
  return kind === 'sif' || kind === 'ilacs-standard' || kind === 'ilacs-short';
}

/** Kinds after which the authority must send Ofsted an action plan (s137(3) Education and Inspections Act 2006). */
export function needsActionPlan(kind: ActivityKind): boolean {
  return isGraded(kind) || kind === 'jtai';
}

export const FRAMEWORKS = ['sif', 'ilacs-2018', 'ilacs-2023', 'ilacs-2026'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const FRAMEWORK_LABELS: Record<Framework, string> = {
  sif: 'Single inspection framework (2013–2017)',
  'ilacs-2018': 'ILACS (January 2018)',
  'ilacs-2023': 'ILACS (January 2023: care leavers judged separately)',
  'ilacs-2026': 'ILACS (April 2026: no overall effectiveness)',
};

export function isFramework(value: unknown): value is Framework {
  return typeof value === 'string' && (FRAMEWORKS as readonly string[]).includes(value);
}

/** The framework in force for an activity of this kind starting on this date. */
export function frameworkFor(kind: ActivityKind, startDate: string): Framework {
  if (kind === 'sif' || startDate < '2018-01-01') return 'sif';
  if (startDate < '2023-01-01') return 'ilacs-2018';
  if (startDate < '2026-04-01') return 'ilacs-2023';
  return 'ilacs-2026';
}

export const JUDGEMENT_KEYS = [
  'overall',
  'leaders',
  'help-and-protection',
  'children-in-care-and-care-leavers',
  'children-in-care',
  'care-leavers',
  'adoption',
  'lscb',
] as const;
export type JudgementKey = (typeof JUDGEMENT_KEYS)[number];

export function isJudgementKey(value: unknown): value is JudgementKey {
  return typeof value === 'string' && (JUDGEMENT_KEYS as readonly string[]).includes(value);
}

export interface JudgementDefinition {
  key: JudgementKey;
  /** As the framework's reports word it. */
  label: string;
  /** A short name for tables. */
  short: string;
}

const ILACS_LEADERS: JudgementDefinition = {
  key: 'leaders',
  label: 'The impact of leaders on social work practice with children and families',
  short: 'Impact of leaders',
};
const ILACS_HELP: JudgementDefinition = {
  key: 'help-and-protection',
  label: 'The experiences and progress of children who need help and protection',
  short: 'Help and protection',
};
const ILACS_CIC: JudgementDefinition = {
  key: 'children-in-care',
  label: 'The experiences and progress of children in care',
  short: 'Children in care',
};
const ILACS_LEAVERS: JudgementDefinition = {
  key: 'care-leavers',
  label: 'The experiences and progress of care leavers',
  short: 'Care leavers',
};
const OVERALL: JudgementDefinition = { key: 'overall', label: 'Overall effectiveness', short: 'Overall effectiveness' };

/** The judgements each framework grades, in the order its reports list them. */
export const FRAMEWORK_JUDGEMENTS: Record<Framework, readonly JudgementDefinition[]> = {
  sif: [
    OVERALL,
    { key: 'help-and-protection', label: 'Children who need help and protection', short: 'Help and protection' },
    {
      key: 'children-in-care',
      label: 'Children looked after and achieving permanence',
      short: 'Children looked after',
    },
    { key: 'adoption', label: 'Adoption performance', short: 'Adoption performance' },
    { key: 'care-leavers', label: 'Experiences and progress of care leavers', short: 'Care leavers' },
    { key: 'leaders', label: 'Leadership, management and governance', short: 'Leadership, management and governance' },
    { key: 'lscb', label: 'Effectiveness of the Local Safeguarding Children Board', short: 'LSCB' },
  ],
  'ilacs-2018': [
    ILACS_LEADERS,
    ILACS_HELP,
    {
      key: 'children-in-care-and-care-leavers',
      label: 'The experiences and progress of children in care and care leavers',
      short: 'Children in care and care leavers',
    },
    OVERALL,
  ],
  'ilacs-2023': [ILACS_LEADERS, ILACS_HELP, ILACS_CIC, ILACS_LEAVERS, OVERALL],
  'ilacs-2026': [ILACS_LEADERS, ILACS_HELP, ILACS_CIC, ILACS_LEAVERS],
};

/** The judgement an ILACS or SIF heading names, whatever the era's wording. */
export function judgementLabel(framework: Framework, key: JudgementKey): string {
  return FRAMEWORK_JUDGEMENTS[framework].find((j) => j.key === key)?.label ?? key;
}

/** Recommendations ("what needs to improve") and, after a focused visit, areas for priority action. */
export const RECOMMENDATION_KINDS = ['recommendation', 'priority-action'] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

export const RECOMMENDATION_KIND_LABELS: Record<RecommendationKind, string> = {
  recommendation: 'Recommendation (what needs to improve)',
  'priority-action': 'Area for priority action',
};
