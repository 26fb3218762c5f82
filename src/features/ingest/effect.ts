/**
 * What an import did, for its report (decision 0024): children and events added, merged, unchanged and removed by
 * table, and the headline figures before and after at the end of the period the files describe, with any figure
 * that moved by more than a tenth flagged in words. Kept with the import as JSON (import_batches.effect).
 */
import { getTableName } from 'drizzle-orm';
import { HEADLINE_LABELS, type Headline } from '../children/headline';
import { DATASET_TABLES, type DatasetTable } from './dataset';
import type { TableEffect, WriteResult } from './writer';

export interface ImportEffect {
  tables: Partial<Record<DatasetTable, TableEffect>>;
  /** The date the headline figures are counted at. */
  asAt: string;
  before: Headline;
  after: Headline;
  /** Sources that disagree about an event's value (each is also a query in the report). */
  disagreements: number;
  /** Children of the file that could not be matched safely to one held (each is also a query). */
  ambiguousChildren: number;
}

/** A change of more than this share of the figure before is flagged. */
export const FLAG_SHARE = 0.1;

export interface FlaggedChange {
  figure: keyof Headline;
  label: string;
  before: number;
  after: number;
  /** In words, e.g. "Children in need went from 2,126 to 4,179 (up 97%)". */
  words: string;
}

/** The headline figures that moved by more than a tenth (from none to some counts as more). */
export function flaggedChanges(before: Headline, after: Headline): FlaggedChange[] {
  const out: FlaggedChange[] = [];
  for (const figure of Object.keys(HEADLINE_LABELS) as Array<keyof Headline>) {
    const b = before[figure];
    const a = after[figure];
    if (a === b) continue;
    if (b !== 0 && Math.abs(a - b) / b <= FLAG_SHARE) continue;
    const label = HEADLINE_LABELS[figure];
    const change = b === 0 ? '' : ` (${a > b ? 'up' : 'down'} ${Math.round((Math.abs(a - b) / b) * 100)}%)`;
    out.push({
      figure,
      label,
      before: b,
      after: a,
      words: `${label} went from ${b.toLocaleString('en-GB')} to ${a.toLocaleString('en-GB')}${change}`,
    });
  }
  return out;
}

/**
 * The date an import's figures are counted at: the end of its period (31 March of a collection year; an as-at
 * date), or today for an extract or a period not yet ended.
 */
export function periodEnd(period: string, today: string): string {
  let end = today;
  if (/^\d{4}$/.test(period)) end = `${period}-03-31`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(period)) end = period;
  return end < today ? end : today;
}

/** Totals over the event tables (children apart). */
export function eventTotals(effect: ImportEffect): TableEffect {
  const total = { added: 0, merged: 0, unchanged: 0, removed: 0 };
  for (const [table, e] of Object.entries(effect.tables)) {
    if (table === 'children') continue;
    total.added += e.added;
    total.merged += e.merged;
    total.unchanged += e.unchanged;
    total.removed += e.removed;
  }
  return total;
}

/**
 * The tables a write changed, by SQL name: those it added, merged (changed a value of) or removed rows of, and teams
 * and workers when it added or removed any. Rows matched unchanged change nothing. The indicators that read none of
 * them need not be recomputed (indicators/stored-values.ts).
 */
export function tablesChanged(
  written: Pick<WriteResult, 'effect' | 'teamsAdded' | 'workersAdded' | 'teamsRemoved' | 'workersRemoved'>,
): string[] {
  const out: string[] = (Object.entries(written.effect) as Array<[DatasetTable, TableEffect]>)
    .filter(([, e]) => e.added + e.merged + e.removed > 0)
    .map(([table]) => getTableName(DATASET_TABLES[table]));
  if (written.teamsAdded + written.teamsRemoved > 0) out.push('teams');
  if (written.workersAdded + written.workersRemoved > 0) out.push('workers');
  return out.sort();
}

export function parseEffect(json: string | null): ImportEffect | null {
  if (!json) return null;
  return JSON.parse(json) as ImportEffect;
}
