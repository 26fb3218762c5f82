/**
 * The reports Lantern can write (issue 7), by kind: what each is called, what it is for, what its period means, and
 * how to build it as a ReportDocument. The writers (docx.ts, pdf.ts), the log (service.ts), the command line and,
 * later, the reports page and the API all go through this table, so a new kind (performance-pack, self-evaluation,
 * equalities, qa, improvement-plan) is one entry here and one module in kinds/.
 */
import type { Tx } from '../../db/client';
import { committeeDocument, loadCommitteeData } from './kinds/inspection-committee';
import type { Audience, ReportDocument } from './model';

export interface BuildOptions {
  period: string;
  audience: Audience;
  /** The day the report is as at (overdue actions, deadlines) and generated on. */
  today: string;
}

export interface ReportKind {
  readonly key: string;
  readonly title: string;
  readonly describe: string;
  /** What --period takes, for help text and error messages. */
  readonly periodHelp: string;
  /** Builds the document; refuses a period it cannot read with a ValidationError naming --period. */
  build(db: Tx, authorityId: number, options: BuildOptions): Promise<ReportDocument>;
}

export const REPORT_KINDS: readonly ReportKind[] = [
  {
    key: 'inspection-committee',
    title: 'Committee report on an inspection',
    describe: 'The inspection, its judgements beside the previous inspection’s, the summary, the recommendations, the improvement plan’s progress against them and the next steps.',
    periodHelp: 'an inspection’s id, or latest (the latest graded inspection)',
    async build(db, authorityId, options) {
      const data = await loadCommitteeData(db, authorityId, options.period, options.today);
      return committeeDocument(data, options.audience, options.today);
    },
  },
];

export function reportKind(key: string): ReportKind | undefined {
  return REPORT_KINDS.find((k) => k.key === key);
}
