/**
 * The improvement plan as an Excel workbook (exceljs), in the shape authorities send Ofsted with their action plan:
 *
 * - "Action plan": one row per action — Ref, the Ofsted recommendation(s) it answers (number and text), Theme,
 *   Objective, Action, Owner, Start, Due, Status, RAG, Overdue / off track, Latest progress (date and note), Evidence
 *   of impact (indicators with their target, audit domains). Bold header row frozen at the top, text wrapped, dates
 *   as real dates (dd/mm/yyyy), an autofilter on the header.
 * - "Recommendations": each recommendation with the actions answering it, or "Not answered".
 *
 * Built from loadPlan's PlanView only (content.ts), so the file says what the plan page says.
 */
// exceljs is loaded when a workbook is read or written: a large module most processes never use.
import type ExcelJS from 'exceljs';
import { planActions } from '../plan';
import {
  answeringActions,
  evidenceLines,
  flagText,
  inspectionName,
  latestProgressText,
  ragText,
  recommendationCitation,
  statusText,
  type PlanExport,
} from './content';

export const ACTION_PLAN_SHEET = 'Action plan';
export const RECOMMENDATIONS_SHEET = 'Recommendations';

export const ACTION_COLUMNS = [
  { header: 'Ref', key: 'ref', width: 8 },
  { header: 'Ofsted recommendation(s) answered', key: 'recommendations', width: 48 },
  { header: 'Theme', key: 'theme', width: 26 },
  { header: 'Objective', key: 'objective', width: 30 },
  { header: 'Action', key: 'action', width: 44 },
  { header: 'Owner', key: 'owner', width: 24 },
  { header: 'Start', key: 'start', width: 12 },
  { header: 'Due', key: 'due', width: 12 },
  { header: 'Status', key: 'status', width: 13 },
  { header: 'RAG', key: 'rag', width: 8 },
  { header: 'Overdue / off track', key: 'flags', width: 14 },
  { header: 'Latest progress', key: 'progress', width: 44 },
  { header: 'Evidence of impact', key: 'evidence', width: 48 },
] as const;

export const RECOMMENDATION_COLUMNS = [
  { header: 'Inspection', key: 'inspection', width: 34 },
  { header: 'Number', key: 'number', width: 9 },
  { header: 'Recommendation', key: 'text', width: 70 },
  { header: 'Answered by', key: 'actions', width: 60 },
] as const;

/** A calendar date as Excel stores one: midnight UTC of that day (exceljs writes the serial number). */
export function excelDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export async function planWorkbook(input: PlanExport): Promise<Buffer> {
  const { plan } = input;
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lantern';
  wb.title = `Improvement plan – ${input.authorityName}`;
  // A fixed timestamp from the plan's day, so the same plan gives the same file contents.
  wb.created = excelDate(plan.today);
  wb.modified = excelDate(plan.today);

  const sheet = wb.addWorksheet(ACTION_PLAN_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ACTION_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const theme of plan.themes) {
    for (const objective of theme.objectives) {
      for (const a of objective.actions) {
        sheet.addRow({
          ref: a.reference,
          recommendations: a.recommendations.map(recommendationCitation).join('\n') || 'None linked',
          theme: `${theme.number}. ${theme.title}`,
          objective: `${theme.number}${objective.code}. ${objective.title}`,
          action: a.successMeasure ? `${a.title}\nSuccess: ${a.successMeasure}` : a.title,
          owner: a.owner,
          start: excelDate(a.startDate),
          due: excelDate(a.dueDate),
          status: statusText(a),
          rag: ragText(a),
          flags: flagText(a),
          progress: latestProgressText(a),
          evidence: evidenceLines(a).join('\n') || 'None named',
        });
      }
    }
  }
  styleTable(sheet, ACTION_COLUMNS.length);
  for (const key of ['start', 'due'] as const) sheet.getColumn(key).numFmt = 'dd/mm/yyyy';
  // Flags and RAG in colour as well as words (the words carry the meaning; colour only helps the eye).
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const rag = row.getCell('rag');
    const fill =
      rag.value === 'Red' ? 'FFF4CCCC' : rag.value === 'Amber' ? 'FFFFE5B4' : rag.value === 'Green' ? 'FFD9EAD3' : null;
    if (fill) rag.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    const flags = row.getCell('flags');
    if (flags.value) flags.font = { bold: true, color: { argb: 'FFB10E1E' } };
  });

  const recSheet = wb.addWorksheet(RECOMMENDATIONS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  recSheet.columns = RECOMMENDATION_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const answering = answeringActions(plan);
  for (const r of input.recommendations) {
    const actions = answering.get(r.id) ?? [];
    recSheet.addRow({
      inspection: inspectionName(r),
      number: r.kind === 'priority-action' ? `APA ${r.number}` : r.number,
      text: r.text,
      actions: actions.length ? actions.map((a) => `${a.reference} ${a.title}`).join('\n') : 'Not answered',
    });
  }
  styleTable(recSheet, RECOMMENDATION_COLUMNS.length);
  // Every action must appear: the workbook is checked against the plan it came from.
  if (sheet.rowCount - 1 !== planActions(plan).length) throw new Error('The action plan sheet lost an action');

  return Buffer.from(await wb.xlsx.writeBuffer());
}

function styleTable(sheet: ExcelJS.Worksheet, columns: number): void {
  sheet.eachRow((row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns } };
}
