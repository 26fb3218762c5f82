/**
 * The generated-reports log (issue 7): every report Lantern writes — its kind, period, audience and format, who
 * asked for it and when, whether it worked — and the file itself, so that it can be downloaded again exactly as it
 * was sent to a committee (sha256 over the bytes). A report is queued, then running, then done or failed (with the
 * reason); `generateReport` (src/features/reports/service.ts) writes the row.
 */
import { bigint, customType, index, pgTable, text } from 'drizzle-orm/pg-core';
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
