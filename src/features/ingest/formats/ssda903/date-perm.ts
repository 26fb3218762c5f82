/** SSDA903 PrevPerm DATE_PERM, whose day, month or year may be unknown (rule 632). */

/**
 * DATE_PERM as the 903 allows it: dd/mm/yyyy, the day and month each a number or ZZ, the year a number or ZZZZ
 * (case as written; Lantern keeps ZZ in capitals). Returns the latest day it can mean (YYYY-MM-DD), '' when the year
 * is unknown, or null when it is not such a date. A full date is read by the reader, not here.
 */
export function partialDatePerm(text: string): string | null {
  const m = /^(\d{2}|ZZ)\/(\d{2}|ZZ)\/(\d{4}|ZZZZ)$/i.exec(text.trim());
  if (!m) return null;
  const [, d, mo, y] = m as unknown as [string, string, string, string];
  const day = /z/i.test(d) ? null : Number(d);
  const month = /z/i.test(mo) ? null : Number(mo);
  if ((month !== null && (month < 1 || month > 12)) || (day !== null && (day < 1 || day > 31))) return null;
  if (/z/i.test(y)) return '';
  const year = Number(y);
  const lastOf = (mm: number) => new Date(Date.UTC(year, mm, 0)).getUTCDate();
  const mm = month ?? 12;
  const dd = day ?? lastOf(mm);
  if (dd > lastOf(mm)) return null;
  return `${y}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}
