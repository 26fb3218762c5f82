/**
 * Inspections on the web: the timeline (/inspections), one record (/inspections/:id), the form that records or
 * corrects one (/inspections/new, /inspections/:id/edit), deletion with a confirmation, and reading an Ofsted report
 * in (/inspections/read) to fill the same form for checking. The API is in api.ts.
 *
 * The forms are multipart (a report's paragraphs can exceed the 100 kB urlencoded limit, and the read-in page takes a
 * file), so they carry the CSRF token in the action URL like every upload form; urlencoded posts work too.
 *
 * Order matters: the fixed paths (/inspections/new, /inspections/read) are mounted before /inspections/:inspectionId,
 * and /inspections/national (the national picture, mounted by its own feature) must be mounted before this feature.
 */
import type { Request, Response } from 'express';
import busboy from 'busboy';
import { z } from 'zod';
import { can } from '../../domain/roles';
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
} from '../../domain/ofsted';
import { todayInLondon } from '../../domain/today';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../core/errors';
import { GRADE_TAG } from '../../web/grade-tags';
import { paths } from '../../web/paths';
import type { PageContext, RouteBuilder } from '../../web/route';
import { formatDate } from '../../web/views';
import { inspectionApiRoutes, inspectionIdParams } from './api';
import { readReportFile, readReportText } from './report-reader/index';
import type { ProposedInspection } from './proposal';
import {
  createInspection,
  deleteInspection,
  getInspection,
  listInspections,
  updateInspection,
  type InspectionRecord,
} from './service';
import { buildTimeline } from './timeline';
import {
  DATE_FIELDS,
  checkForm,
  emptyForm,
  formFramework,
  formValuesFromFields,
  formValuesFromProposal,
  formValuesFromRecord,
  type InspectionFormValues,
} from './validation';

/** "Yes, delete this record", ticked. */
const deleteForm = z.object({ confirm: z.literal('yes', { error: 'Confirm that you want to delete this record' }) });

/** The largest report file the read-in page accepts. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** The largest text field (a pasted report, the paragraphs box). */
const MAX_FIELD_BYTES = 5 * 1024 * 1024;

export const DEADLINE_TAG: Record<string, string> = {
  met: 'govuk-tag--green',
  late: 'govuk-tag--orange',
  due: 'govuk-tag--blue',
  overdue: 'govuk-tag--red',
  unknown: 'govuk-tag--grey',
};

const DEADLINE_STATUS_LABELS: Record<string, string> = {
  met: 'Met',
  late: 'Late',
  due: 'Due',
  overdue: 'Overdue',
  unknown: 'Check',
};

/** "A focused visit is not graded", "An annual engagement meeting is not graded". */
function notGraded(kind: ActivityKind): string {
  const label = ACTIVITY_LABELS[kind];
  const lower = /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
  return `${/^[aeiou]/i.test(lower) ? 'An' : 'A'} ${lower} is not graded`;
}

/** "10 to 14 June 2024", "28 May to 1 June 2024", "10 June 2024". */
export function dateRange(start: string, end: string | null): string {
  if (!end || end === start) return formatDate(start);
  const [s, e] = [formatDate(start), formatDate(end)];
  if (start.slice(0, 7) === end.slice(0, 7)) return `${Number(start.slice(8, 10))} to ${e}`;
  if (start.slice(0, 4) === end.slice(0, 4)) return `${s.replace(/ \d{4}$/, '')} to ${e}`;
  return `${s} to ${e}`;
}

interface Received {
  fields: Record<string, string>;
  file: { name: string; bytes: Uint8Array } | null;
  problem: string | null;
}

/** A posted form: multipart (with at most one file, kept in memory: reports are small) or urlencoded. */
async function receiveForm(req: Request): Promise<Received> {
  if (!req.is('multipart/form-data')) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    return {
      fields: Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Record<
        string,
        string
      >,
      file: null,
      problem: null,
    };
  }
  const out: Received = { fields: {}, file: null, problem: null };
  await new Promise<void>((resolve, reject) => {
    const bb = busboy({
      headers: req.headers,
      limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 200, fieldSize: MAX_FIELD_BYTES },
    });
    bb.on('file', (_name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => {
        out.problem = `${info.filename || 'The file'} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB: an Ofsted report is far smaller`;
      });
      stream.on('end', () => {
        if (info.filename)
          out.file = { name: info.filename.replace(/^.*[\\/]/, ''), bytes: new Uint8Array(Buffer.concat(chunks)) };
      });
    });
    bb.on('field', (name, value, info) => {
      if (info.valueTruncated) out.problem = `The text in “${name}” is longer than ${MAX_FIELD_BYTES / 1024 / 1024} MB`;
      out.fields[name] = value;
    });
    bb.on('close', () => {
      resolve();
    });
    bb.on('error', reject);
    req.pipe(bb);
  });
  return out;
}

function inspectionIdOf(req: Request): number {
  const parsed = inspectionIdParams.safeParse(req.params);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data.inspectionId;
}

/** Where the error summary links for a field: the first box of a date, the select of a judgement. */
function hrefFor(field: string): string {
  if ((DATE_FIELDS as readonly string[]).includes(field)) return `#${field}-day`;
  if (field.startsWith('judgements.')) return `#judgement-${field.slice('judgements.'.length)}`;
  if (field === 'body') return '#kind';
  return `#${field}`;
}

export function errorList(errors: readonly FieldError[]): Array<{ text: string; href: string }> {
  return errors.map((e) => ({ text: e.message, href: hrefFor(e.field) }));
}

function recordTitle(r: { kindLabel: string; startDate: string; endDate: string | null }): string {
  return `${r.kindLabel}, ${dateRange(r.startDate, r.endDate)}`;
}

type FormMode = 'create' | 'edit' | 'read';

interface FormPage {
  mode: FormMode;
  values: InspectionFormValues;
  errors?: FieldError[];
  inspection?: InspectionRecord;
  warnings?: string[];
  readFrom?: string;
}

function renderForm(ctx: Pick<PageContext, 'res'>, page: FormPage, status = 200): void {
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
function readState(fields: Record<string, string>): { readFrom?: string; warnings: string[] } {
  const warnings = (fields.warnings ?? '')
    .split('\n')
    .map((w) => w.trim())
    .filter(Boolean)
    .slice(0, 50);
  return fields.readFrom ? { readFrom: fields.readFrom, warnings } : { warnings };
}

function recommendationBlocks(record: InspectionRecord) {
  const groups = [
    { kind: 'recommendation', heading: 'What needs to improve', caption: 'recommendations' },
    { kind: 'priority-action', heading: 'Areas for priority action', caption: 'areas for priority action' },
  ];
  return groups
    .map((g) => ({ ...g, items: record.recommendations.filter((r) => r.kind === g.kind) }))
    .filter((g) => g.items.length > 0);
}

function paragraphGroups(record: InspectionRecord) {
  const groups: Array<{ heading: string; paragraphs: Array<{ number: number; lines: string[] }> }> = [];
  for (const p of record.paragraphs) {
    let last = groups[groups.length - 1];
    if (!last || last.heading !== p.heading) {
      last = { heading: p.heading, paragraphs: [] };
      groups.push(last);
    }
    last.paragraphs.push({ number: p.number, lines: p.text.split('\n') });
  }
  return groups;
}

async function loadOr404(ctx: Pick<PageContext, 'req' | 'services' | 'user'>): Promise<InspectionRecord> {
  const record = await getInspection(ctx.services.db, ctx.user.authorityId, inspectionIdOf(ctx.req));
  if (!record) throw new NotFoundError();
  return record;
}

function renderDelete(res: Response, record: InspectionRecord, errors: FieldError[] = [], status = 200): void {
  res.status(status).render('inspections/views/delete.njk', {
    pageTitle: `${errors.length ? 'Error: ' : ''}Delete: ${recordTitle(record)}`,
    title: recordTitle(record),
    record,
    errors,
    errorList: errors.map((e) => ({ text: e.message, href: '#confirm' })),
  });
}

function renderRead(res: Response, errors: FieldError[] = [], values: { text?: string } = {}, status = 200): void {
  res.status(status).render('inspections/views/read.njk', {
    pageTitle: `${errors.length ? 'Error: ' : ''}Read in an Ofsted report`,
    errors,
    errorList: errors.map((e) => ({ text: e.message, href: e.field === 'text' ? '#text' : '#file' })),
    values,
  });
}

export function inspectionRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.inspections.index,
    access: 'inspection:read',
    audit: null,
    handler: async ({ req, res, services, user }) => {
      const today = todayInLondon();
      const timeline = buildTimeline(await listInspections(services.db, user.authorityId), today);
      res.render('inspections/views/index.njk', {
        pageTitle: 'Inspections',
        timeline,
        today,
        canManage: can(user.role, 'inspection:manage'),
        deleted: req.query.deleted === '1',
        gradeTag: GRADE_TAG,
        deadlineTag: DEADLINE_TAG,
        deadlineStatus: DEADLINE_STATUS_LABELS,
        dateRange,
        isGraded,
      });
    },
  });

  // Fixed paths before /inspections/:inspectionId.
  r.page({
    method: 'get',
    path: paths.inspections.create,
    access: 'inspection:manage',
    audit: null,
    handler: async ({ res }) => {
      renderForm({ res }, { mode: 'create', values: emptyForm() });
    },
  });

  r.page({
    method: 'post',
    path: paths.inspections.create,
    access: 'inspection:manage',
    audit: 'inspection.create',
    handler: async ({ req, res, services, user, audit }) => {
      const received = await receiveForm(req);
      const values = formValuesFromFields(received.fields);
      const mode: FormMode = received.fields.mode === 'read' ? 'read' : 'create';
      const checked = received.problem
        ? { ok: false as const, errors: [{ field: 'body', message: received.problem }] }
        : checkForm(values);
      if (!checked.ok) {
        renderForm({ res }, { mode, values, errors: checked.errors, ...readState(received.fields) }, 400);
        return;
      }
      const id = await createInspection(services.db, user.authorityId, checked.value, user.username, audit);
      res.redirect(303, `${paths.inspections.show({ inspectionId: id })}?saved=1`);
    },
  });

  // "Show the judgements of the framework chosen": the same form, re-drawn from what was posted, never saved.
  r.page({
    method: 'post',
    path: paths.inspections.redrawForm,
    access: 'inspection:manage',
    audit: null,
    handler: async (ctx) => {
      const received = await receiveForm(ctx.req);
      const values = formValuesFromFields(received.fields);
      const editing = inspectionIdParams.safeParse({ inspectionId: received.fields.inspectionId });
      if (editing.success) {
        const record = await getInspection(ctx.services.db, ctx.user.authorityId, editing.data.inspectionId);
        if (!record) throw new NotFoundError();
        renderForm(ctx, { mode: 'edit', values, inspection: record });
        return;
      }
      const mode: FormMode = received.fields.mode === 'read' ? 'read' : 'create';
      renderForm(ctx, { mode, values, ...readState(received.fields) });
    },
  });

  r.page({
    method: 'get',
    path: paths.inspections.read,
    access: 'inspection:manage',
    audit: null,
    handler: async ({ res }) => {
      renderRead(res);
    },
  });

  r.page({
    method: 'post',
    path: paths.inspections.read,
    access: 'inspection:manage',
    audit: null,
    handler: async ({ req, res }) => {
      const received = await receiveForm(req);
      if (received.problem) {
        renderRead(res, [{ field: 'file', message: received.problem }], {}, 400);
        return;
      }
      const text = received.fields.text ?? '';
      let proposal: ProposedInspection;
      let source: string;
      try {
        if (received.file && received.file.bytes.length > 0) {
          source = `report: ${received.file.name}`;
          proposal = await readReportFile(received.file.bytes, received.file.name);
        } else if (received.file && received.file.name && !text.trim()) {
          renderRead(
            res,
            [
              {
                field: 'file',
                message: `${received.file.name}: the file is empty. Choose the PDF of the Ofsted report or letter, or a text file of it.`,
              },
            ],
            {},
            400,
          );
          return;
        } else if (text.trim()) {
          source = 'report: pasted text';
          proposal = readReportText(text);
        } else {
          renderRead(
            res,
            [
              {
                field: 'file',
                message: 'Choose the PDF or text file of the Ofsted report or letter, or paste its text',
              },
            ],
            {},
            400,
          );
          return;
        }
      } catch (e) {
        if (e instanceof ValidationError) {
          renderRead(
            res,
            e.errors.map((x) => ({ field: x.field === 'text' ? 'text' : 'file', message: x.message })),
            { text },
            400,
          );
          return;
        }
        throw e;
      }
      renderForm(
        { res },
        {
          mode: 'read',
          values: formValuesFromProposal(proposal, source),
          warnings: proposal.warnings,
          readFrom: source.replace(/^report: /, ''),
        },
      );
    },
  });

  r.page({
    method: 'get',
    path: paths.inspections.show,
    access: 'inspection:read',
    audit: null,
    handler: async (ctx) => {
      const record = await loadOr404(ctx);
      const canImprove = can(ctx.user.role, 'improvement:manage');
      ctx.res.render('inspections/views/show.njk', {
        pageTitle: recordTitle(record),
        title: recordTitle(record),
        record,
        saved: ctx.req.query.saved === '1',
        canManage: can(ctx.user.role, 'inspection:manage'),
        canImprove,
        frameworkLabel: record.framework
          ? FRAMEWORK_LABELS[record.framework]
          : 'None (not made under an inspection framework)',
        recommendationBlocks: recommendationBlocks(record),
        paragraphGroups: paragraphGroups(record),
        summaryParagraphs: record.summary
          .split(/\n+/)
          .map((x) => x.trim())
          .filter(Boolean),
        gradeTag: GRADE_TAG,
        deadlineTag: DEADLINE_TAG,
        deadlineStatus: DEADLINE_STATUS_LABELS,
        dateRange,
      });
    },
  });

  r.page({
    method: 'get',
    path: paths.inspections.edit,
    access: 'inspection:manage',
    audit: null,
    handler: async (ctx) => {
      const record = await loadOr404(ctx);
      renderForm(ctx, { mode: 'edit', values: formValuesFromRecord(record), inspection: record });
    },
  });

  r.page({
    method: 'post',
    path: paths.inspections.edit,
    access: 'inspection:manage',
    audit: 'inspection.update',
    handler: async (ctx) => {
      const record = await loadOr404(ctx);
      const received = await receiveForm(ctx.req);
      const values = formValuesFromFields(received.fields);
      const checked = received.problem
        ? { ok: false as const, errors: [{ field: 'body', message: received.problem }] }
        : checkForm(values);
      if (!checked.ok) {
        renderForm(ctx, { mode: 'edit', values, inspection: record, errors: checked.errors }, 400);
        return;
      }
      try {
        await updateInspection(ctx.services.db, ctx.user.authorityId, record.id, checked.value, ctx.audit);
      } catch (e) {
        if (e instanceof ValidationError) {
          renderForm(ctx, { mode: 'edit', values, inspection: record, errors: e.errors }, 400);
          return;
        }
        throw e;
      }
      ctx.res.redirect(303, `${paths.inspections.show({ inspectionId: record.id })}?saved=1`);
    },
  });

  r.page({
    method: 'get',
    path: paths.inspections.remove,
    access: 'inspection:manage',
    audit: null,
    handler: async (ctx) => {
      renderDelete(ctx.res, await loadOr404(ctx));
    },
  });

  r.page({
    method: 'post',
    path: paths.inspections.remove,
    access: 'inspection:manage',
    audit: 'inspection.delete',
    body: deleteForm,
    invalid: async (ctx, form) => {
      renderDelete(ctx.res, await loadOr404(ctx), form.errors, 400);
    },
    handler: async (ctx) => {
      const record = await loadOr404(ctx);
      try {
        await deleteInspection(ctx.services.db, ctx.user.authorityId, record.id, ctx.audit);
      } catch (e) {
        if (e instanceof ConflictError) {
          renderDelete(ctx.res, record, [{ field: 'confirm', message: e.message }], 409);
          return;
        }
        throw e;
      }
      ctx.res.redirect(303, `${paths.inspections.index({})}?deleted=1`);
    },
  });

  inspectionApiRoutes(r);
}
