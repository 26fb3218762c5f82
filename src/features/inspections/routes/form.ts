/**
 * The inspection form, as the create, edit and read-in pages show it: the judgements of the framework chosen (or
 * the default for the kind and the start date), the dates as GOV.UK date inputs, the error summary's links.
 */
import {
  ACTIVITY_KINDS,
  ACTIVITY_LABELS,
  FRAMEWORK_JUDGEMENTS,
  FRAMEWORK_LABELS,
  FRAMEWORKS,
  GRADE_LABELS,
  GRADES,
  JUDGEMENT_KEYS,
  isActivityKind,
  isGraded,
  type ActivityKind,
} from '../../../domain/ofsted';
import { todayInLondon } from '../../../domain/today';
import type { FieldError } from '../../../core/errors';
import { str } from '../../../web/form-input';
import { paths } from '../../../web/paths';
import type { PageContext } from '../../../web/route';
import type { InspectionRecord } from '../service';
import { DATE_FIELDS, formFramework, type InspectionFormValues } from '../validation';
import { recordTitle } from './shared';

/** "A focused visit is not graded", "An annual engagement meeting is not graded". */
function notGraded(kind: ActivityKind): string {
  const label = ACTIVITY_LABELS[kind];
  const lower = /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
  return `${/^[aeiou]/i.test(lower) ? 'An' : 'A'} ${lower} is not graded`;
}

/** Where the error summary links for a field: the first box of a date, the select of a judgement. */
function hrefFor(field: string): string {
  if ((DATE_FIELDS as readonly string[]).includes(field)) return `#${field}-day`;
  if (field.startsWith('judgements.')) return `#judgement-${field.slice('judgements.'.length)}`;
  if (field === 'body') return '#kind';
  return `#${field}`;
}

function errorList(errors: readonly FieldError[]): Array<{ text: string; href: string }> {
  return errors.map((e) => ({ text: e.message, href: hrefFor(e.field) }));
}

export type FormMode = 'create' | 'edit' | 'read';

interface FormPage {
  mode: FormMode;
  values: InspectionFormValues;
  errors?: FieldError[];
  inspection?: InspectionRecord;
  warnings?: string[];
  readFrom?: string;
}

export function renderForm(ctx: Pick<PageContext, 'res'>, page: FormPage, status = 200): void {
  const today = todayInLondon();
  const framework = formFramework(page.values, today);
  // A kind Ofsted does not grade (a visit, a JTAI, a meeting) shows no grades; no kind yet shows the framework's.
  // (Grades already given for such a kind stay on show, with their errors, so that they can be cleared.)
  const ungraded =
    isActivityKind(page.values.kind) &&
    !isGraded(page.values.kind) &&
    Object.values(page.values.grades).every((g) => !g);
  const shown = ungraded ? [] : FRAMEWORK_JUDGEMENTS[framework];
  const errors = page.errors ?? [];
  const title =
    page.mode === 'edit' && page.inspection
      ? `Change: ${recordTitle(page.inspection)}`
      : page.mode === 'read'
        ? 'Check the inspection read from the report'
        : 'Record an inspection or visit';
  const action =
    page.mode === 'edit' && page.inspection
      ? paths.inspections.edit({ inspectionId: page.inspection.id })
      : paths.inspections.create({});
  ctx.res.status(status).render('inspections/views/form.njk', {
    pageTitle: `${errors.length ? 'Error: ' : ''}${title}`,
    title,
    mode: page.mode,
    action,
    redrawAction: paths.inspections.redrawForm({}),
    cancelHref: page.inspection
      ? paths.inspections.show({ inspectionId: page.inspection.id })
      : paths.inspections.index({}),
    values: page.values,
    errors,
    errorList: errorList(errors),
    warnings: page.warnings ?? [],
    readFrom: page.readFrom ?? null,
    inspection: page.inspection ?? null,
    kindItems: [
      { value: '', text: 'Choose the kind', selected: page.values.kind === '' },
      ...ACTIVITY_KINDS.map((k) => ({ value: k, text: ACTIVITY_LABELS[k], selected: page.values.kind === k })),
    ],
    frameworkItems: [
      { value: '', text: 'Decide from the kind and the start date', selected: page.values.framework === '' },
      ...FRAMEWORKS.map((f) => ({ value: f, text: FRAMEWORK_LABELS[f], selected: page.values.framework === f })),
    ],
    shownFramework: FRAMEWORK_LABELS[framework],
    ungradedText: ungraded
      ? `${notGraded(page.values.kind as ActivityKind)}. If you change the kind to a graded inspection, show its judgements before saving.`
      : null,
    judgements: shown.map((j) => ({
      key: j.key,
      label: j.label,
      items: [{ value: '', text: 'Not graded' }, ...GRADES.map((g) => ({ value: g, text: GRADE_LABELS[g] }))].map(
        (i) => ({ ...i, selected: (page.values.grades[j.key] ?? '') === i.value }),
      ),
    })),
    // Grades posted for judgements the shown framework does not make: kept, so that the rules can name them.
    otherGrades: JUDGEMENT_KEYS.filter((k) => !shown.some((j) => j.key === k) && page.values.grades[k]).map((k) => ({
      key: k,
      grade: page.values.grades[k],
    })),
    dateFields: [
      {
        field: 'startDate',
        legend: 'Start date',
        hint: 'The first day of the inspection or visit (or of the meeting), for example 10 6 2024',
      },
      { field: 'endDate', legend: 'End date (optional)', hint: 'The last day of fieldwork' },
      {
        field: 'reportReceivedOn',
        legend: 'Date the report or letter was received (optional)',
        hint: 'The statutory clocks start here: publish within 30 working days, action plan within 70',
      },
      { field: 'publishedOn', legend: 'Date the report was published (optional)' },
      { field: 'actionPlanSentOn', legend: 'Date the action plan was sent to Ofsted (optional)' },
    ].map((d) => ({ ...d, parts: page.values.dates[d.field as (typeof DATE_FIELDS)[number]] })),
    paragraphsOpen: errors.some((e) => e.field === 'paragraphs'),
  });
}

/** What the read-in form carries along while the user checks it: the file read and the reader's warnings. */
export function readState(fields: Record<string, unknown>): { readFrom?: string; warnings: string[] } {
  const warnings = str(fields.warnings)
    .split('\n')
    .map((w) => w.trim())
    .filter(Boolean)
    .slice(0, 50);
  const readFrom = str(fields.readFrom);
  return readFrom ? { readFrom, warnings } : { warnings };
}
