/**
 * A generated report as the pages show it: its period as it reads, its audience, a status tag and its file size.
 */
import { paths } from '../../../web/paths';
import type { WebServices } from '../../../web/services';
import type { PeriodChoice } from '../kind';
import type { Audience } from '../../../documents/model';
import { kindTitle, stepText, type ReportEntry } from '../queue';
import { REPORT_KINDS } from '../registry';

const AUDIENCE_SHORT: Record<Audience, string> = { internal: 'Internal', members: 'Members and public' };
const STATUS_TAGS: Record<string, { text: string; classes: string }> = {
  queued: { text: 'Waiting', classes: 'govuk-tag--grey' },
  running: { text: 'Being written', classes: 'govuk-tag--blue' },
  done: { text: 'Ready', classes: 'govuk-tag--green' },
  failed: { text: 'Failed', classes: 'govuk-tag--red' },
};

/** "123 KB", "1.4 MB". */
export function fileSize(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString('en-GB')} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Every kind's periods, for the forms and to show a stored period as it reads. */
export async function periodsByKind(
  services: WebServices,
  authorityId: number,
  today: string,
): Promise<Map<string, PeriodChoice[]>> {
  const out = new Map<string, PeriodChoice[]>();
  for (const kind of REPORT_KINDS) out.set(kind.key, await kind.periods(services.db, authorityId, today));
  return out;
}

export const periodLabel = (periods: Map<string, PeriodChoice[]>, entry: Pick<ReportEntry, 'kind' | 'period'>) =>
  periods.get(entry.kind)?.find((p) => p.value === entry.period)?.label ?? entry.period;

export function presentEntry(entry: ReportEntry, periods: Map<string, PeriodChoice[]>) {
  return {
    id: entry.id,
    kind: entry.kind,
    title: kindTitle(entry.kind),
    period: entry.period,
    periodLabel: periodLabel(periods, entry),
    audience: entry.audience,
    audienceLabel: AUDIENCE_SHORT[entry.audience],
    format: entry.format,
    formatLabel: entry.format.toUpperCase(),
    generatedBy: entry.generatedBy,
    createdAt: entry.createdAt,
    generatedAt: entry.generatedAt,
    status: entry.status,
    tag: STATUS_TAGS[entry.status] ?? { text: entry.status, classes: 'govuk-tag--grey' },
    size: fileSize(entry.bytes),
    bytes: entry.bytes,
    sha256: entry.sha256,
    error: entry.error,
    stepText: stepText(entry),
    stepsDone: entry.stepsDone,
    stepsTotal: entry.stepsTotal,
    href: paths.reports.report({ reportId: entry.id }),
    fileHref: paths.reports.file({ reportId: entry.id }),
  };
}
