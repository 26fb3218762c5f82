/**
 * Generating a report and keeping it: `generateReport` builds the kind's ReportDocument (registry.ts), writes it as
 * DOCX or PDF, and records it in generated_reports with who asked, when, its size, its sha256 and the file itself, so
 * that it can be downloaded again exactly as sent. The row is written first as running and finished as done (or
 * failed, with the reason), so a long report is visible while it runs and a failure is not lost. Bad input — an
 * unknown kind, audience or format, or a period the kind cannot read — is refused before anything is written.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { generatedReports, REPORT_FORMATS, type ReportFormat } from '../../db/schema/index';
import { todayInLondon } from '../../domain/today';
import { ValidationError } from '../../core/errors';
import { reportDocx } from '../../documents/docx';
import { isAudience, type Audience, type ReportDocument } from '../../documents/model';
import { reportPdf } from '../../documents/pdf';
import { REPORT_KINDS, reportKind, type ReportKind } from './registry';

export interface ReportRequest {
  kind: string;
  period: string;
  audience: string;
  format: string;
  /** Defaults to today in London. */
  today?: string;
}

export interface GeneratedReport {
  id: number;
  kind: string;
  period: string;
  audience: Audience;
  format: ReportFormat;
  document: ReportDocument;
  bytes: Buffer;
  sha256: string;
}

export const isReportFormat = (v: unknown): v is ReportFormat =>
  typeof v === 'string' && (REPORT_FORMATS as readonly string[]).includes(v);

export function writeReport(document: ReportDocument, format: ReportFormat): Promise<Buffer> {
  return format === 'docx' ? reportDocx(document) : reportPdf(document);
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The three steps every report goes through, by the CLI (generateReport) or the server's runner (queue.ts). */
export const REPORT_STEPS = 3;
export const STEP_READING = 'Reading the figures';
export const stepWriting = (format: ReportFormat) => `Writing the ${format.toUpperCase()}`;
export const STEP_KEEPING = 'Keeping the file';

export interface CheckedRequest {
  kind: ReportKind;
  audience: Audience;
  format: ReportFormat;
}

/** The kind, audience and format of a request, or a ValidationError naming the field (nothing is written). */
export function checkRequest(
  request: Pick<ReportRequest, 'kind' | 'audience' | 'format'>,
  fields: { audience: string } = { audience: '--audience' },
): CheckedRequest {
  const kind = reportKind(request.kind);
  if (!kind)
    throw new ValidationError([
      {
        field: 'kind',
        message: `There is no report "${request.kind}": choose one of ${REPORT_KINDS.map((k) => k.key).join(', ')}`,
      },
    ]);
  const audience = request.audience;
  if (!isAudience(audience))
    throw new ValidationError([
      { field: fields.audience, message: `The audience is internal or members, not "${audience}"` },
    ]);
  const format = request.format;
  if (!isReportFormat(format))
    throw new ValidationError([{ field: 'format', message: `Reports are written as docx or pdf, not "${format}"` }]);
  return { kind, audience, format };
}

/** Step 3: keeps the file with its size and sha256 and marks the report done. */
export async function keepReport(db: Tx, id: number, bytes: Buffer): Promise<string> {
  const digest = sha256(bytes);
  await db
    .update(generatedReports)
    .set({
      status: 'done',
      generatedAt: new Date(),
      bytes: bytes.length,
      sha256: digest,
      content: new Uint8Array(bytes),
      stepsDone: REPORT_STEPS,
      progress: null,
    })
    .where(eq(generatedReports.id, id));
  return digest;
}

/** Marks a report failed with the reason its requester reads. */
export async function failReport(db: Tx, id: number, reason: string): Promise<void> {
  await db
    .update(generatedReports)
    .set({ status: 'failed', error: reason.slice(0, 500), progress: null })
    .where(eq(generatedReports.id, id));
}

/** Records where a running report has got to (steps done so far, and what it is doing now). */
export async function reportProgress(db: Tx, id: number, stepsDone: number, progress: string): Promise<void> {
  await db.update(generatedReports).set({ stepsDone, progress }).where(eq(generatedReports.id, id));
}

/**
 * Builds, writes and stores a report at once (the command line); returns it with its log id. `actor` is the user's
 * name (or cli:<os user>). The web and the API queue reports instead (queue.ts), through the same steps.
 */
export async function generateReport(
  db: Tx,
  authorityId: number,
  request: ReportRequest,
  actor: string,
): Promise<GeneratedReport> {
  const { kind, audience, format } = checkRequest(request);
  const today = request.today ?? todayInLondon();
  // Step 1. Refuses a bad period (ValidationError) before the log has a row.
  const document = await kind.build(db, authorityId, { period: request.period, audience, today });

  const [row] = await db
    .insert(generatedReports)
    .values({
      authorityId,
      kind: kind.key,
      period: document.period,
      audience,
      format,
      status: 'running',
      generatedBy: actor,
      startedAt: new Date(),
      stepsTotal: REPORT_STEPS,
      stepsDone: 1,
      progress: stepWriting(format),
    })
    .returning({ id: generatedReports.id });
  if (!row) throw new Error('generated_reports insert returned no row');
  const id = Number(row.id);
  try {
    const bytes = await writeReport(document, format);
    await reportProgress(db, id, 2, STEP_KEEPING);
    const digest = await keepReport(db, id, bytes);
    return { id, kind: kind.key, period: document.period, audience, format, document, bytes, sha256: digest };
  } catch (err) {
    await failReport(db, id, err instanceof Error ? err.message : 'The report could not be written');
    throw err;
  }
}
