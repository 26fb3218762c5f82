/**
 * The reports Lantern can write (issue 7), in the order the reports page lists them. Each kind is one module in
 * kinds/ exporting a ReportKind (kind.ts); the writers (docx.ts, pdf.ts), the log (service.ts), the command line,
 * the reports page and the API all go through this list.
 */
import type { ReportKind } from './kind';
import { equalities } from './kinds/equalities';
import { improvementPlan } from './kinds/improvement-plan';
import { inspectionCommittee } from './kinds/inspection-committee';
import { performancePack } from './kinds/performance-pack';
import { qaReport } from './kinds/qa';
import { selfEvaluation } from './kinds/self-evaluation';

export type { ReportKind } from './kind';

export const REPORT_KINDS: readonly ReportKind[] = [
  performancePack,
  selfEvaluation,
  inspectionCommittee,
  equalities,
  qaReport,
  improvementPlan,
];

export function reportKind(key: string): ReportKind | undefined {
  return REPORT_KINDS.find((k) => k.key === key);
}
