/**
 * A report's status and progress as the API and the report page give it (queued, running step N of 3, done, failed).
 */
import { z } from 'zod';
import { paths } from '../../../web/paths';
import type { WebServices } from '../../../web/services';
import type { PeriodChoice } from '../kind';
import { AUDIENCES } from '../../../documents/model';
import { kindTitle, reportsAhead, stepText, type ReportEntry } from '../queue';
import { periodLabel } from './present-entry';

const stepsSchema = z.array(
  z.object({ number: z.number(), label: z.string(), state: z.enum(['done', 'current', 'to do']) }),
);
export const statusSchema = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  audience: z.enum(AUDIENCES),
  format: z.enum(['docx', 'pdf']),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z
    .string()
    .nullable()
    .describe('What it is doing now, e.g. "Step 2 of 3: Writing the PDF"; null when not running'),
  stepsDone: z.number(),
  stepsTotal: z.number(),
  steps: stepsSchema,
  ahead: z.number().nullable().describe('Reports ahead of it in the queue, while queued'),
  error: z.string().nullable(),
  generatedBy: z.string(),
  createdAt: z.string(),
  generatedAt: z.string().nullable(),
  bytes: z.number().nullable(),
  sha256: z.string().nullable(),
  href: z.string().describe('This status'),
  file: z.string().nullable().describe('The file, once done'),
});
export type StatusBody = z.input<typeof statusSchema>;

function stepLabels(format: string): string[] {
  return ['Reading the figures', `Writing the ${format.toUpperCase()}`, 'Keeping the file'];
}

export async function statusBody(
  services: WebServices,
  entry: ReportEntry,
  periods: Map<string, PeriodChoice[]> | null,
): Promise<StatusBody> {
  const labels = stepLabels(entry.format);
  return {
    id: entry.id,
    kind: entry.kind,
    title: kindTitle(entry.kind),
    period: entry.period,
    periodLabel: periods ? periodLabel(periods, entry) : entry.period,
    audience: entry.audience,
    format: entry.format,
    status: entry.status,
    progress: entry.status === 'running' ? stepText(entry) : null,
    stepsDone: entry.stepsDone,
    stepsTotal: entry.stepsTotal,
    steps: labels.map((label, i) => ({
      number: i + 1,
      label,
      state:
        entry.status === 'done' || i < entry.stepsDone
          ? 'done'
          : entry.status === 'running' && i === entry.stepsDone
            ? 'current'
            : 'to do',
    })),
    ahead: entry.status === 'queued' ? await reportsAhead(services.db, entry.id) : null,
    error: entry.error,
    generatedBy: entry.generatedBy,
    createdAt: entry.createdAt.toISOString(),
    generatedAt: entry.generatedAt ? entry.generatedAt.toISOString() : null,
    bytes: entry.bytes,
    sha256: entry.sha256,
    href: paths.api.report({ reportId: entry.id }),
    file: entry.status === 'done' ? paths.api.reportFile({ reportId: entry.id }) : null,
  };
}
