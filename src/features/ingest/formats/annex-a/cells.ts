/**
 * One Annex A cell as a person would read it: exceljs hands over numbers, strings, booleans, Dates, rich text,
 * formulas with their results and hyperlinks; each column type (layouts.ts) says what the value must be. Dates may
 * be real Excel dates, Excel serial numbers in an unformatted cell, or text in the formats fields.ts accepts.
 */
import { parseCode, type CodeListId } from '../../../annex-a/codes';
import type { AnnexAColumn } from '../../../annex-a/layouts';
import { excelSerialToDate, parseDate, parseId, parseWholeNumber } from '../../fields';

export type Raw = string | number | boolean | Date | null;

/** The plain value of an exceljs cell value (rich text joined, a formula's result, a hyperlink's text). */
export function rawValue(v: unknown): Raw {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;

    if (Array.isArray(o.richText))
      return rawValue((o.richText as Array<{ text?: unknown }>).map((r) => String(r.text ?? '')).join(''));
    if ('result' in o) return rawValue(o.result);
    if ('text' in o) return rawValue(o.text);
    if ('error' in o) return String(o.error);
  }

  return String(v);
}

/** The cell as text (for headings, messages and text columns). */
export function rawText(v: Raw): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** Option lists that differ between layouts: a workbook may use either (e.g. F3 from 2022 in a 2024 heading row). */
const OTHER_LAYOUTS: Partial<Record<CodeListId, CodeListId>> = {
  source2022: 'source',
  activity: 'activity2022',
  activity2022: 'activity',
};

function parseAnyLayoutCode(list: CodeListId, text: string): string | null {
  const other = OTHER_LAYOUTS[list];
  return parseCode(list, text) ?? (other ? parseCode(other, text) : null);
}

export type Parsed = { ok: true; value: string | number | null } | { ok: false; problem: 'type' | 'code' };

/** A cell read as its column's type: ISO date, whole number, canonical code, ID or text; null when blank. */
export function parseCell(column: AnnexAColumn, raw: Raw): Parsed {
  if (raw === null) return { ok: true, value: null };
  switch (column.type) {
    case 'date': {
      if (raw instanceof Date) return { ok: true, value: raw.toISOString().slice(0, 10) };
      if (typeof raw === 'number') {
        const d = excelSerialToDate(raw);
        return d && raw >= 3000 ? { ok: true, value: d } : { ok: false, problem: 'type' };
      }
      const d = parseDate(String(raw));
      return d ? { ok: true, value: d } : { ok: false, problem: 'type' };
    }
    case 'int': {
      if (typeof raw === 'number')
        return Number.isInteger(raw) ? { ok: true, value: raw } : { ok: false, problem: 'type' };
      const n = parseWholeNumber(rawText(raw));
      return n === null
        ? { ok: true, value: null }
        : Number.isNaN(n)
          ? { ok: false, problem: 'type' }
          : { ok: true, value: n };
    }
    case 'id': {
      const text = typeof raw === 'number' && Number.isInteger(raw) ? String(raw) : rawText(raw);
      return { ok: true, value: parseId(text) };
    }
    case 'code': {
      const text = typeof raw === 'boolean' ? (raw ? 'Yes' : 'No') : rawText(raw);
      const code = column.codes ? parseAnyLayoutCode(column.codes, text) : text;
      return code === null ? { ok: false, problem: 'code' } : { ok: true, value: code };
    }
    default: {
      const text = rawText(raw);
      return { ok: true, value: text === '' ? null : text };
    }
  }
}
