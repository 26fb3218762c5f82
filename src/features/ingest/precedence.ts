/**
 * Which source wins when two describe the same event (decision 0024), as pure functions.
 *
 * An event's value for a field is the first value given, in this order of sources:
 *
 * 1. the case system: its SSD extracts, newest import first, then what Lantern itself holds (made in Lantern, or
 *    by the demo generator — the demo stands for the case system);
 * 2. the statutory returns (SSDA903, CIN census): the later collection year first (it may end an episode that was
 *    open at the earlier one's 31 March), and within a year the newer import;
 * 3. Annex A, which fills gaps only: the later as-at date first.
 *
 * A blank never erases a value another source gave: a source that leaves a field empty gives nothing for it.
 */

/** Where a contribution came from: an import, or (importId null) what Lantern held before any import touched it. */
export interface Source {
  importId: number | null;
  /** ssd, 903, cin, annex-a; null for Lantern's own record. */
  format: string | null;
  /** The import's period key: a collection year ('2025') or an as-at date ('2026-03-31'); 'extract' for the SSD. */
  period: string | null;
}

const TIER: Record<string, number> = { ssd: 1, '903': 2, cin: 2, 'annex-a': 3 };

function tier(source: Source): number {
  if (source.format === null) return 1;
  return TIER[source.format] ?? 4;
}

/** Negative when `a` comes before (wins over) `b`. */
export function compareSources(a: Source, b: Source): number {
  const byTier = tier(a) - tier(b);
  if (byTier !== 0) return byTier;
  // Within a tier: a later period first (collection years and as-at dates sort as text), then the newer import.
  // Lantern's own record (no import) comes after every import of the case system.
  const pa = a.period ?? '';
  const pb = b.period ?? '';
  if (pa !== pb && a.format !== 'ssd' && b.format !== 'ssd') return pa < pb ? 1 : -1;
  return (b.importId ?? 0) - (a.importId ?? 0);
}

/** What one source gave for one event: its non-blank values by column. */
export interface Contribution {
  source: Source;
  values: Readonly<Record<string, unknown>>;
}

/** Two values the same? Values are already canonical (dates as text, arrays as arrays of text). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  return a === b;
}

/** The event's values: for each column, the first non-blank value in order of precedence (null if none gave one). */
export function mergeValues(
  columns: readonly string[],
  contributions: readonly Contribution[],
): Record<string, unknown> {
  const ordered = [...contributions].sort((a, b) => compareSources(a.source, b.source));
  const out: Record<string, unknown> = {};
  for (const column of columns) {
    out[column] = null;
    for (const c of ordered) {
      const v = c.values[column];
      if (v !== null && v !== undefined) {
        out[column] = v;
        break;
      }
    }
  }
  return out;
}

export interface Disagreement {
  column: string;
  /** The value the incoming source gave. */
  given: unknown;
  /** The value the event keeps (may be the one given). */
  kept: unknown;
  /** The source of the kept value. */
  keptFrom: Source;
  /** The other source whose value differs from the one given (the winner, or the one the given value beat). */
  other: { source: Source; value: unknown };
}

/**
 * Where the incoming source and another source each give a value for the same column and the values differ: one
 * disagreement per column, naming the value kept and where it came from.
 */
export function disagreements(
  columns: readonly string[],
  incoming: Contribution,
  others: readonly Contribution[],
): Disagreement[] {
  const all = [incoming, ...others];
  const merged = mergeValues(columns, all);
  const out: Disagreement[] = [];
  for (const column of columns) {
    const given = incoming.values[column];
    if (given === null || given === undefined) continue;
    const differing = others
      .filter((o) => o.values[column] !== null && o.values[column] !== undefined)
      .filter((o) => !sameValue(o.values[column], given))
      .sort((a, b) => compareSources(a.source, b.source))[0];
    if (!differing) continue;
    const kept = merged[column];
    const keptFrom =
      [...all]
        .sort((a, b) => compareSources(a.source, b.source))
        .find((c) => c.values[column] !== null && c.values[column] !== undefined)?.source ?? incoming.source;
    out.push({
      column,
      given,
      kept,
      keptFrom,
      other: { source: differing.source, value: differing.values[column] },
    });
  }
  return out;
}
