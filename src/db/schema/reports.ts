/**
 * The generated-reports log (issue 7): every report Lantern writes — its kind, period, audience and format, who
 * asked for it and when, whether it worked — and the file itself, so that it can be downloaded again exactly as it
 * was sent to a committee (sha256 over the bytes). A report is queued, then running, then done or failed (with the
 * reason); `generateReport` (src/features/reports/service.ts) writes the row.
 */
import { bigint, customType, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { authorityId, createdAt, id, instant } from './columns';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const REPORT_AUDIENCES = ['internal', 'members'] as const;
export type ReportAudienceKey = (typeof REPORT_AUDIENCES)[number];
export const REPORT_FORMATS = ['docx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const generatedReports = pgTable(
  'generated_reports',
  {
    id: id(),
    authorityId: authorityId(),
    /** The registry's key, e.g. inspection-committee (src/features/reports/registry.ts). */
    kind: text('kind').notNull(),
    /** The period as the kind reads it (an inspection id, a month YYYY-MM …), resolved: never "latest". */
    period: text('period').notNull(),
    audience: text('audience').$type<ReportAudienceKey>().notNull(),
    format: text('format').$type<ReportFormat>().notNull(),
    status: text('status').$type<ReportStatus>().notNull().default('queued'),
    /** What it is doing now, for the progress page ("Reading the figures", "Writing the PDF"); null once finished. */
    progress: text('progress'),
    /** Where it has got to, out of `stepsTotal` (the progress page's "step 2 of 3"). */
    stepsDone: integer('steps_done').notNull().default(0),
    stepsTotal: integer('steps_total').notNull().default(0),
    /** When generation started (queued reports have none yet). */
    startedAt: instant('started_at'),
    /** Why it failed (a message for the person who asked, never child detail). */
    error: text('error'),
    /** Who asked for it: the user's name, or cli:<os user>. */
    generatedBy: text('generated_by').notNull(),
    /** When the file was finished. */
    generatedAt: instant('generated_at'),
    bytes: bigint('bytes', { mode: 'number' }),
    /** sha256 of the file, hex. */
    sha256: text('sha256'),
    content: bytea('content'),
    createdAt: createdAt(),
  },
  (t) => [index('generated_reports_authority').on(t.authorityId, t.createdAt)],
);

/**
 * The self-evaluation's text (issue 7): for each year and service area (src/features/reports/self-evaluation/areas.ts),
 * the service's own summary, strengths and achievements, areas for improvement and focus for the year ahead — the
 * shape of the seed self-assessment (001). Every save is a new row, so the text is kept year to year and every
 * version with its author; the latest row for (authority, year, area) is the current text. `year` is the year the
 * self-evaluation starts in (2026 = 2026 to 2027).
 */
export const selfEvaluationEntries = pgTable(
  'self_evaluation_entries',
  {
    id: id(),
    authorityId: authorityId(),
    year: integer('year').notNull(),
    area: text('area').notNull(),
    summary: text('summary').notNull().default(''),
    strengths: text('strengths').notNull().default(''),
    areasForImprovement: text('areas_for_improvement').notNull().default(''),
    focus: text('focus').notNull().default(''),
    authorUserId: integer('author_user_id'),
    authorName: text('author_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('self_evaluation_entries_key').on(t.authorityId, t.year, t.area, t.createdAt)],
);
