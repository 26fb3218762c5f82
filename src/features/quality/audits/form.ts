/**
 * The audit form as posted, checked two ways (pure, no database):
 * - `checkValues` on every save: only what a value may be (a grade key, a length, a feedback source). A draft may be
 *   saved half done.
 * - `checkComplete` on submit: every domain graded, the overall grade given, and a narrative for the overall grade and
 *   for each domain graded requires improvement or inadequate (the grades that lead to actions, and that moderators and
 *   leaders read the reasons for).
 * And `changesBetween`, what a save changed, for the audit's history: field names and grades from → to, never text.
 */
import { z } from 'zod';
import { isGrade, type Grade } from '../../../domain/ofsted';
import type { FieldError } from '../../../core/errors';
import { formText } from '../../../web/form-input';

/** The longest narrative, reflection or feedback kept (about ten pages of text). */
export const MAX_TEXT = 20_000;

/** Whose feedback the audit records (case_audits.feedback_from). */
export const FEEDBACK_FROM = ['child', 'parent', 'carer', 'family-member', 'not-obtained'] as const;
export type FeedbackFrom = (typeof FEEDBACK_FROM)[number];
export const FEEDBACK_FROM_LABELS: Record<FeedbackFrom, string> = {
  child: 'Child or young person',
  parent: 'Parent',
  carer: 'Carer',
  'family-member': 'Other family member',
  'not-obtained': 'Not obtained',
};

/** A domain as the form shows it: its id (practice_domains.id) and title. */
export interface FormDomain {
  domainId: number;
  title: string;
}

export interface AuditFormValues {
  /** By practice domain id: a grade key, or '' when not graded. */
  grades: Record<number, string>;
  narratives: Record<number, string>;
  overallGrade: string;
  overallNarrative: string;
  workerReflection: string;
  managerReflection: string;
  feedbackFrom: string;
  familyFeedback: string;
}

const TEXT_FIELDS = ['overallNarrative', 'workerReflection', 'managerReflection', 'familyFeedback'] as const;

const TEXT_LABELS: Record<(typeof TEXT_FIELDS)[number], string> = {
  overallNarrative: 'The overall narrative',
  workerReflection: 'The worker’s reflection',
  managerReflection: 'The manager’s reflection',
  familyFeedback: 'The feedback',
};

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The posted form, for the domains the audit is graded against (other posted keys are ignored). */
export function readAuditForm(body: Record<string, unknown>, domains: readonly FormDomain[]): AuditFormValues {
  const grades: Record<number, string> = {};
  const narratives: Record<number, string> = {};
  for (const d of domains) {
    grades[d.domainId] = str(body[`grade-${d.domainId}`]).trim();
    narratives[d.domainId] = str(body[`narrative-${d.domainId}`]).replace(/\r\n/g, '\n').trim();
  }
  const text = (name: string): string => str(body[name]).replace(/\r\n/g, '\n').trim();
  return {
    grades,
    narratives,
    overallGrade: str(body.overallGrade).trim(),
    overallNarrative: text('overallNarrative'),
    workerReflection: text('workerReflection'),
    managerReflection: text('managerReflection'),
    feedbackFrom: str(body.feedbackFrom).trim(),
    familyFeedback: text('familyFeedback'),
  };
}

/** What a value may be. Every save checks these; nothing is saved when any fails. */
export function checkValues(values: AuditFormValues, domains: readonly FormDomain[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const d of domains) {
    const g = values.grades[d.domainId] ?? '';
    if (g !== '' && !isGrade(g))
      errors.push({ field: `grade-${d.domainId}`, message: `Choose a grade for ${d.title} from the four given` });
    else if (g === '' && (values.narratives[d.domainId] ?? '') !== '') {
      // A domain's narrative is kept with its grade (case_audit_grades): it cannot be saved alone.
      errors.push({
        field: `grade-${d.domainId}`,
        message: `Choose a grade for ${d.title} to save its narrative, or clear the narrative`,
      });
    }
    if ((values.narratives[d.domainId] ?? '').length > MAX_TEXT) {
      errors.push({
        field: `narrative-${d.domainId}`,
        message: `The narrative for ${d.title} must be ${MAX_TEXT.toLocaleString('en-GB')} characters or fewer`,
      });
    }
  }
  if (values.overallGrade !== '' && !isGrade(values.overallGrade))
    errors.push({ field: 'overallGrade', message: 'Choose an overall grade from the four given' });
  for (const f of TEXT_FIELDS) {
    if (values[f].length > MAX_TEXT)
      errors.push({
        field: f,
        message: `${TEXT_LABELS[f]} must be ${MAX_TEXT.toLocaleString('en-GB')} characters or fewer`,
      });
  }
  if (values.feedbackFrom !== '' && !(FEEDBACK_FROM as readonly string[]).includes(values.feedbackFrom)) {
    errors.push({ field: 'feedbackFrom', message: 'Choose whose feedback this is from the list' });
  }
  return errors;
}

/** A grade that needs its reasons written down. */
function needsNarrative(grade: string): boolean {
  return grade === 'requires-improvement' || grade === 'inadequate';
}

/** What submitting needs beyond valid values. */
export function checkComplete(values: AuditFormValues, domains: readonly FormDomain[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const d of domains) {
    const g = values.grades[d.domainId] ?? '';
    if (g === '') errors.push({ field: `grade-${d.domainId}`, message: `Choose a grade for ${d.title}` });
    else if (needsNarrative(g) && (values.narratives[d.domainId] ?? '') === '') {
      errors.push({
        field: `narrative-${d.domainId}`,
        message: `Write a narrative for ${d.title}: it is graded ${g === 'inadequate' ? 'inadequate' : 'requires improvement'}`,
      });
    }
  }
  if (values.overallGrade === '') errors.push({ field: 'overallGrade', message: 'Choose an overall grade' });
  if (values.overallNarrative === '')
    errors.push({ field: 'overallNarrative', message: 'Write the overall narrative' });
  return errors;
}

/**
 * The audit form as a schema for the form kernel: the posted fields read by `readAuditForm` and checked by
 * `checkValues`, and on submit (when those pass) by `checkComplete`; every error at once, in the form's order.
 */
export function auditForm(domains: readonly FormDomain[], submit: boolean) {
  return z
    .record(
      z
        .string()
        .regex(
          /^(?:(?:grade|narrative)-\d+|overallGrade|overallNarrative|workerReflection|managerReflection|feedbackFrom|familyFeedback)$/,
        ),
      formText,
    )
    .transform((body) => readAuditForm(body, domains))
    .superRefine((values, ctx) => {
      const errors = checkValues(values, domains);
      if (submit && errors.length === 0) errors.push(...checkComplete(values, domains));
      for (const e of errors) ctx.addIssue({ code: 'custom', path: [e.field], message: e.message });
    });
}

export interface GradeChange {
  /** grade-<domainId> or overallGrade. */
  field: string;
  from: Grade | null;
  to: Grade | null;
}

/** What a save changed: the names of the fields, and each grade's from → to (narrative text is never copied). */
export interface AuditChanges {
  fields: string[];
  grades: GradeChange[];
}

const asGrade = (v: string | undefined | null): Grade | null => (v && isGrade(v) ? v : null);

export function changesBetween(
  before: AuditFormValues,
  after: AuditFormValues,
  domains: readonly FormDomain[],
): AuditChanges {
  const fields: string[] = [];
  const grades: GradeChange[] = [];
  for (const d of domains) {
    const from = asGrade(before.grades[d.domainId]);
    const to = asGrade(after.grades[d.domainId]);
    if (from !== to) {
      fields.push(`grade-${d.domainId}`);
      grades.push({ field: `grade-${d.domainId}`, from, to });
    }
    if ((before.narratives[d.domainId] ?? '') !== (after.narratives[d.domainId] ?? ''))
      fields.push(`narrative-${d.domainId}`);
  }
  if (asGrade(before.overallGrade) !== asGrade(after.overallGrade)) {
    fields.push('overallGrade');
    grades.push({ field: 'overallGrade', from: asGrade(before.overallGrade), to: asGrade(after.overallGrade) });
  }
  for (const f of [
    'overallNarrative',
    'workerReflection',
    'managerReflection',
    'feedbackFrom',
    'familyFeedback',
  ] as const) {
    if (before[f] !== after[f]) fields.push(f);
  }
  return { fields, grades };
}

/** A history line's words for a field name kept in an event ("Grade: Voice of the child", "Worker’s reflection"). */
export function fieldLabel(field: string, domainTitles: ReadonlyMap<number, string>): string {
  const m = /^(grade|narrative)-(\d+)$/.exec(field);
  if (m) {
    const title = domainTitles.get(Number(m[2])) ?? `domain ${m[2]}`;
    return `${m[1] === 'grade' ? 'Grade' : 'Narrative'}: ${title}`;
  }
  const fixed: Record<string, string> = {
    overallGrade: 'Overall grade',
    overallNarrative: 'Overall narrative',
    workerReflection: 'Worker’s reflection',
    managerReflection: 'Manager’s reflection',
    feedbackFrom: 'Feedback from',
    familyFeedback: 'Feedback',
  };
  return fixed[field] ?? field;
}
