/**
 * Which SSD table a CSV file holds, from its header alone (never its name): every SSD field starts with its
 * table's 4-letter prefix (pers_, cine_, clap_…), so the prefix most of the header shares names the table.
 */
import { headerKey } from '../../csv';
import { SKIPPED_BY_COLUMN, SKIPPED_TABLES, SSD_TABLES, type SsdTable, type SsdTableKey } from './tables';

export type Recognised = { kind: 'loaded'; key: SsdTableKey; table: SsdTable } | { kind: 'skipped'; name: string };

const BY_PREFIX = new Map<string, SsdTableKey>(
  (Object.entries(SSD_TABLES) as Array<[SsdTableKey, SsdTable]>).map(([k, t]) => [t.prefix, k]),
);

export function recogniseHeader(header: readonly string[]): Recognised | null {
  const keys = header.map(headerKey).filter((k) => k !== '');
  if (keys.length === 0) return null;
  for (const k of keys) {
    const name = SKIPPED_BY_COLUMN[k];
    if (name) return { kind: 'skipped', name };
  }
  const counts = new Map<string, number>();
  for (const k of keys) {
    const i = k.indexOf('_');
    if (i <= 0) continue;
    const prefix = k.slice(0, i);
    counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [p, n] of counts) if (n > bestCount) [best, bestCount] = [p, n];
  // Most of the header must share the prefix: a file that merely has one such column is not an SSD table.
  if (best === null || bestCount * 2 < keys.length) return null;
  const key = BY_PREFIX.get(best);
  if (key) {
    const table = SSD_TABLES[key];
    // One column with the prefix is not enough unless it is the table's key (a file may be cut down to a few).
    if (bestCount < 2 && !keys.includes(table.pk ?? table.required[0] ?? '')) return null;
    return { kind: 'loaded', key, table };
  }
  const skipped = SKIPPED_TABLES[best];
  return skipped && bestCount >= 2 ? { kind: 'skipped', name: skipped } : null;
}
