/**
 * Ofsted ILACS Annex A (XLSX), 2022, 2024 and 2026 layouts, as an import format. A workbook is claimed when it
 * is a zip whose workbook lists at least one sheet named like "List 1" … "List 11"; it is then streamed
 * (workbook.ts), its rows checked (cells.ts, headings.ts, rules.ts) and turned into canonical rows (build.ts).
 *
 * The period is the as-at date: `options.asAt` when given, otherwise the latest date in the workbook (not counting
 * dates of birth), with a query saying so.
 */
import type { ImportContext, ImportFormat, ReadResult, SourceFile } from '../../format';
import { LANTERN_RULES } from '../../issues';
import { runRules } from '../../rules';
import { Dataset } from '../../dataset';
import { isIsoDate, longDate } from '../../../../domain/dates';
import { collectionYearOf } from '../../../../domain/code-lists';
import { buildDataset } from './build';
import { listFromSheetName } from './headings';
import { annexARules } from './rules';
import { readAnnexAWorkbook, sheetNames, type ListData } from './workbook';
import type { ListNumber } from '../../../annex-a/layouts';

function latestDate(lists: ReadonlyMap<ListNumber, ListData>): string | null {
  let latest: string | null = null;
  for (const data of lists.values())
    for (const r of data.rows)
      for (const [k, v] of Object.entries(r.values))
        if (k !== 'dob' && typeof v === 'string' && isIsoDate(v) && (latest === null || v > latest)) latest = v;
  return latest;
}

export const annexAFormat: ImportFormat = {
  id: 'annex-a',
  filePerReturn: true,

  async claim(files: readonly SourceFile[]): Promise<SourceFile[]> {
    const out: SourceFile[] = [];
    for (const f of files) {
      const names = await sheetNames(f.path);
      if (names && names.some((n) => listFromSheetName(n) !== null)) out.push(f);
    }
    return out;
  },

  async read(files: readonly SourceFile[], ctx: ImportContext): Promise<ReadResult | null> {
    const { issues } = ctx;
    if (files.length !== 1) {
      for (const f of files.slice(1))
        issues.error(
          f.name,
          null,
          null,
          LANTERN_RULES.file,
          'Import one Annex A workbook at a time: each describes the authority as at its own date.',
        );
      if (files.length === 0) return null;
    }
    const file = files[0] as SourceFile;
    ctx.progress({ stage: 'reading', file: file.name, done: 0, total: file.size });
    const lists = await readAnnexAWorkbook(file.path, file.name, issues, file.onBytes);
    if (!lists) return null;
    if (lists.size === 0) {
      issues.error(
        file.name,
        null,
        null,
        LANTERN_RULES.file,
        'No sheet of this workbook is an Annex A list (sheets "List 1" … "List 11" with their headings).',
      );
      return null;
    }
    let asAt = ctx.options.asAt ?? null;
    if (asAt !== null && !isIsoDate(asAt)) {
      issues.error(file.name, null, null, LANTERN_RULES.type, `The as-at date "${asAt}" is not a date (YYYY-MM-DD).`);
      return null;
    }
    if (asAt === null) {
      asAt = latestDate(lists);
      if (asAt === null) {
        issues.error(
          file.name,
          null,
          null,
          LANTERN_RULES.file,
          'The workbook has no dates, so the date it is as at cannot be told: give the as-at date.',
        );
        return null;
      }
      issues.query(
        file.name,
        null,
        null,
        'LNT-AA-ASAT',
        `The workbook does not say what date it is as at; taken as ${longDate(asAt)}, the latest date in it. Give the as-at date if that is wrong.`,
      );
    }
    ctx.progress({ stage: 'checking', file: file.name, done: file.size, total: file.size });
    runRules(annexARules, collectionYearOf(asAt), { file: file.name, asAt, lists }, issues);
    const dataset: Dataset = buildDataset(lists, { file: file.name, asAt, issues });
    return { period: asAt, periodLabel: `as at ${longDate(asAt)}`, collectionYear: null, dataset };
  },
};
