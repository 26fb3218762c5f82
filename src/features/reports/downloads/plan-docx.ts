/**
 * The improvement plan as a Word document: the report engine's one layout (the improvement plan report kind,
 * src/features/reports/kinds/improvement-plan.ts, written by src/documents/docx.ts), for the download
 * /improvement/plan.docx. The same document is on the reports page and `lantern report improvement-plan`. The
 * spreadsheet export (xlsx.ts) is not a report document and keeps its own layout.
 */
import { reportDocx } from '../../../documents/docx';
import { DOCUMENT_TITLE, improvementPlanDocument } from '../../reports/kinds/improvement-plan';
import type { Audience } from '../../../documents/model';
import type { PlanExport } from '../../improvement/export/content';

export { DOCUMENT_TITLE };

/** The plan as DOCX (internal by default: the plan carries no child data; the members' version shows 1–4 as "c"). */
export function planDocument(input: PlanExport, audience: Audience = 'internal'): Promise<Buffer> {
  return reportDocx(improvementPlanDocument(input, audience, input.plan.today));
}
