/**
 * What a report kind is (issue 7): its key, title and description, what its period means, and how to build it as a
 * ReportDocument. Each kind is one module in kinds/ exporting one ReportKind; registry.ts lists them.
 */
import type { Tx } from '../../db/client';
import type { Audience, ReportDocument } from '../../documents/model';

export interface BuildOptions {
  period: string;
  audience: Audience;
  /** The day the report is as at (overdue actions, deadlines) and generated on. */
  today: string;
}

/** A period a user can pick on the reports page: its value (what --period takes) and how it reads. */
export interface PeriodChoice {
  readonly value: string;
  readonly label: string;
}

export interface ReportKind {
  readonly key: string;
  readonly title: string;
  readonly describe: string;
  /** What --period takes, for help text and error messages. */
  readonly periodHelp: string;
  /** The periods the reports page offers, newest first (the first is the default). */
  periods(db: Tx, authorityId: number, today: string): Promise<PeriodChoice[]>;
  /** Builds the document; refuses a period it cannot read with a ValidationError naming --period. */
  build(db: Tx, authorityId: number, options: BuildOptions): Promise<ReportDocument>;
}
