/**
 * The monthly quality assurance report as a Word document: the report engine's one layout (the QA report kind,
 * src/features/reports/kinds/qa.ts, written by src/documents/docx.ts), for the download /quality/report.docx
 * and `lantern audits report`. The same document is on the reports page and `lantern report qa`.
 */
import { reportDocx } from '../../../documents/docx';
import { QA_HEADINGS, qaDocument, reportTitle } from '../../reports/kinds/qa';
import { todayInLondon } from '../../../domain/today';
import type { QualityReport } from '../../quality/report/content';

export { reportTitle };
export const HEADINGS = QA_HEADINGS;

/** The report for its audience (report.audience) as DOCX; the writers suppress counts from 1 to 4 for members. */
export function qualityReportDocument(report: QualityReport, generatedOn: string = todayInLondon()): Promise<Buffer> {
  return reportDocx(qaDocument(report, report.audience, generatedOn));
}
