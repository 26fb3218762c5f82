/**
 * The inspections API: the timeline as JSON, one inspection with its deadlines, recording one (the same rules and
 * messages as the web form; problem+json 400 with per-field errors), and reading an Ofsted report (a PDF or text
 * as the raw request body) into the proposed record, which the caller checks and then POSTs.
 */
import type { Request } from 'express';
import { z } from 'zod';
import { todayInLondon } from '../../domain/today';
import { NotFoundError, ValidationError } from '../../core/errors';
import { paths } from '../../web/paths';
import type { RouteBuilder } from '../../web/route';
import { readReportFile } from './report-reader/index';
import {
  createInspection,
  getInspection,
  listInspections,
  type InspectionRecord,
  type InspectionSummary,
} from './service';
import { buildTimeline } from './timeline';
import { inspectionBody, validateInspection } from './validation';

/** The largest report accepted through the API: Ofsted's PDFs are well under 5 MB. */
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;

export const inspectionIdParams = z.object({
  inspectionId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});

const judgementSchema = z.object({ key: z.string(), grade: z.string(), label: z.string(), gradeLabel: z.string() });
const deadlineSchema = z.object({
  key: z.string(),
  label: z.string(),
  rule: z.string(),
  source: z.string(),
  due: z.string(),
  doneOn: z.string().nullable(),
  workingDays: z.number().describe('The rule’s count: 30, 70 or 20 working days after the day the report was received'),
  status: z.enum(['met', 'late', 'due', 'overdue', 'unknown']),
  workingDaysLeft: z
    .number()
    .nullable()
    .describe('While not done: working days from today to the due date (negative once passed)'),
  workingDaysLate: z.number().nullable().describe('Once done: working days after the due date (0 or less: on time)'),
  statusText: z.string(),
});
const summarySchema = z.object({
  id: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  framework: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  leadInspector: z.string().nullable(),
  theme: z.string().nullable(),
  reportReceivedOn: z.string().nullable(),
  publishedOn: z.string().nullable(),
  actionPlanSentOn: z.string().nullable(),
  source: z.string(),
  judgements: z.array(judgementSchema),
  recommendationCount: z.number(),
  priorityActionCount: z.number(),
  url: z.string(),
});
const timelineEntrySchema = summarySchema.extend({ deadlines: z.array(deadlineSchema) });
const windowSchema = z.object({ earliest: z.string(), expected: z.string(), latest: z.string() });
const nextSchema = z.object({
  route: z.enum(['short', 'standard', 'monitoring', 'unknown']),
  kind: z.string().optional(),
  decidedBy: z.object({ judgement: z.string(), grade: z.string() }).optional(),
  window: windowSchema.optional().describe('Short or standard: the expected date and the usual window (±6 months)'),
  steps: z
    .array(z.object({ label: z.string(), date: z.string().nullable(), approximate: z.boolean(), basis: z.string() }))
    .optional()
    .describe('Monitoring route'),
  reinspection: windowSchema
    .optional()
    .describe('Monitoring route: the standard re-inspection, indicatively [unverified]'),
  basis: z.string(),
  rule: z.string(),
  source: z.string(),
  verified: z.boolean(),
});
export const timelineResponse = z.object({
  inspections: z.array(timelineEntrySchema),
  latestGradedId: z.number().nullable(),
  attention: z.array(z.object({ inspectionId: z.number(), deadline: deadlineSchema })),
  next: nextSchema,
});
export const recordResponse = summarySchema.extend({
  summary: z.string(),
  createdBy: z.string(),
  recommendations: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      number: z.number(),
      text: z.string(),
      anchor: z.string().describe('The recommendation’s place on the inspection page, to cite it'),
      answeredBy: z.array(
        z.object({ actionId: z.number(), reference: z.string(), title: z.string(), status: z.string() }),
      ),
    }),
  ),
  paragraphs: z.array(
    z.object({ number: z.number(), judgement: z.string().nullable(), heading: z.string(), text: z.string() }),
  ),
  deadlines: z.array(deadlineSchema),
  actionPlanOnTime: z.boolean().nullable(),
});
const proposalResponse = z.object({
  kind: z.string().nullable(),
  framework: z.string().nullable(),
  authorityName: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  publishedOn: z.string().nullable(),
  leadInspector: z.string().nullable(),
  theme: z.string().nullable(),
  summary: z.string(),
  judgements: z.array(z.object({ key: z.string(), grade: z.string() })),
  recommendations: z.array(z.object({ kind: z.string(), number: z.number(), text: z.string() })),
  paragraphs: z.array(
    z.object({ number: z.number(), judgement: z.string().nullable(), heading: z.string(), text: z.string() }),
  ),
  warnings: z.array(z.string()),
});

function presentSummary(s: InspectionSummary): z.input<typeof summarySchema> {
  return { ...s, url: paths.inspections.show({ inspectionId: s.id }) };
}

export function presentRecord(r: InspectionRecord): z.input<typeof recordResponse> {
  const page = paths.inspections.show({ inspectionId: r.id });
  return {
    ...presentSummary(r),
    summary: r.summary,
    createdBy: r.createdBy,
    recommendations: r.recommendations.map((x) => ({ ...x, anchor: `${page}#recommendation-${x.id}` })),
    paragraphs: r.paragraphs,
    deadlines: r.deadlines,
    actionPlanOnTime: r.actionPlanOnTime,
  };
}

/** A raw request body, in memory up to a limit (reports are small). */
export async function readBody(req: Request, limit: number): Promise<{ bytes: Uint8Array; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      tooLarge = true;
      continue; // drain the rest without keeping it
    }
    chunks.push(chunk);
  }
  return { bytes: tooLarge ? new Uint8Array() : new Uint8Array(Buffer.concat(chunks)), tooLarge };
}

export function inspectionApiRoutes(r: RouteBuilder): void {
  r.api({
    method: 'get',
    path: paths.api.inspections,
    access: 'inspection:read',
    audit: null,
    tag: 'Inspections',
    summary: 'The inspection timeline',
    description:
      'Every inspection and visit, oldest first, with judgements, counts of recommendations and the statutory deadlines (report published within 30 working days of receipt, action plan within 70, a draft within 20 after areas for priority action) with their status today; the deadlines that need attention; and the next-inspection window or the monitoring route.',
    response: timelineResponse,
    handler: async ({ services, user }) => {
      const timeline = buildTimeline(await listInspections(services.db, user.authorityId), todayInLondon());
      return {
        inspections: timeline.entries.map((e) => ({ ...presentSummary(e), deadlines: e.deadlines })),
        latestGradedId: timeline.latestGraded?.id ?? null,
        attention: timeline.attention.map((a) => ({ inspectionId: a.inspection.id, deadline: a.deadline })),
        next: timeline.next,
      };
    },
  });

  r.api({
    method: 'get',
    path: paths.api.inspection,
    access: 'inspection:read',
    audit: null,
    tag: 'Inspections',
    summary: 'One inspection or visit',
    description:
      'Its judgements, recommendations (each with the improvement actions that answer it), numbered paragraphs, and statutory deadlines with their status today.',
    params: inspectionIdParams,
    response: recordResponse,
    handler: async ({ params, services, user }) => {
      const record = await getInspection(services.db, user.authorityId, params.inspectionId);
      if (!record) throw new NotFoundError();
      return presentRecord(record);
    },
  });

  r.api({
    method: 'post',
    path: paths.api.inspections,
    access: 'inspection:manage',
    audit: 'inspection.create',
    tag: 'Inspections',
    summary: 'Record an inspection or visit',
    description:
      'The same rules as the web form: a known kind; real dates, none before the start date; the framework defaulted from the kind and the start date; grades only for SIF and ILACS standard and short inspections, for every judgement of their framework and no other; text for every recommendation. Answers 201 with the record, or a problem+json 400 listing each field’s error.',
    body: inspectionBody,
    response: recordResponse,
    status: 201,
    handler: async ({ body, services, user, audit }) => {
      const checked = validateInspection(body);
      if (!checked.ok) throw new ValidationError(checked.errors);
      const id = await createInspection(services.db, user.authorityId, checked.value, user.username, audit);
      const record = await getInspection(services.db, user.authorityId, id);
      if (!record) throw new NotFoundError();
      return presentRecord(record);
    },
  });

  r.apiRaw({
    method: 'post',
    path: paths.api.readReport,
    access: 'inspection:manage',
    audit: null,
    tag: 'Inspections',
    summary: 'Read an Ofsted report into a proposed record',
    description:
      'Send the PDF of an Ofsted report or letter, or its text, as the request body (?filename= names it in messages). Answers with the proposed record and the reader’s warnings; nothing is saved. Check and correct it, then POST it to /api/inspections.',
    query: z.object({ filename: z.string().trim().max(200).optional() }),
    requestTypes: ['application/pdf', 'text/plain', 'application/octet-stream'],
    responseTypes: ['application/json'],
    handler: async ({ req, res, query }) => {
      const name = query.filename || 'the request body';
      const body = await readBody(req, MAX_REPORT_BYTES);
      if (body.tooLarge)
        throw new ValidationError([
          {
            field: 'body',
            message: `${name} is larger than ${MAX_REPORT_BYTES / 1024 / 1024} MB: an Ofsted report is far smaller`,
          },
        ]);
      if (body.bytes.length === 0)
        throw new ValidationError([
          { field: 'body', message: 'The request body is empty: send the PDF or the text of the report as the body' },
        ]);
      const proposal = await readReportFile(body.bytes, name);
      res.status(200).json(proposalResponse.parse(proposal));
    },
  });
}
