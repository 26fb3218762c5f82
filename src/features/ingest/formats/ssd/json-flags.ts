/**
 * The SSD's _json columns are objects of flags ({"NFA_FLAG": "Y", "CP_CONFERENCE_FLAG": "N", …}); extracts
 * differ in whether keys carry an OUTCOME_ prefix and in how a flag is written (Y, Yes, 1, true). These helpers
 * read them forgivingly.
 */

/** The object a _json column holds, or null (an array or scalar is not one). */
export function asObject(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function lookup(obj: Record<string, unknown>, key: string): unknown {
  const wanted = new Set([key.toUpperCase(), `OUTCOME_${key.toUpperCase()}`]);
  for (const [k, v] of Object.entries(obj)) if (wanted.has(k.toUpperCase())) return v;
  return undefined;
}

/** Whether the flag is set (Y, Yes, 1, true). */
export function flagSet(obj: Record<string, unknown> | null, key: string): boolean {
  if (!obj) return false;
  const v = lookup(obj, key);
  if (v === true || v === 1) return true;
  return typeof v === 'string' && ['Y', 'YES', '1', 'TRUE'].includes(v.trim().toUpperCase());
}

/** A string value of the object (blank → null). */
export function textOf(obj: Record<string, unknown> | null, key: string): string | null {
  if (!obj) return null;
  const v = lookup(obj, key);
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}
