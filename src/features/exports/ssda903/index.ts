/**
 * Export of the SSDA903 CSV files for a collection year (named by its end: 2026 = 2025/26) from the canonical
 * model, so it works for the demo authority and imported data alike. One file per table of the year (SWEpisodes
 * from 2023/24, DoLo from 2026/27), always with its header row, written with csv-stringify as a stream.
 */
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Db } from '../../../db/client';
import { TABLE_COLUMNS, TABLE_FILE_NAMES, TABLE_NAMES, TABLE_YEARS } from '../../ingest/formats/ssda903/tables';
import { buildReturn } from './build';
import { loadCanonical } from './load';

export { buildReturn } from './build';

export async function exportSsda903(
  db: Db,
  authorityId: number,
  options: { year: number },
  outDir: string,
): Promise<{ files: Array<{ name: string; rows: number }> }> {
  const { year } = options;
  const canonical = await loadCanonical(db, authorityId, { start: `${year - 1}-04-01`, end: `${year}-03-31` });
  const tables = buildReturn(canonical, year);
  const files: Array<{ name: string; rows: number }> = [];
  for (const table of TABLE_NAMES) {
    if (year < TABLE_YEARS[table].from) continue;
    const name = TABLE_FILE_NAMES[table];
    const rows = tables[table];
    const columns = [...(TABLE_COLUMNS[table] as readonly string[])];
    await pipeline(
      Readable.from(rows),
      stringify({ header: true, columns, eof: true }),
      createWriteStream(path.join(outDir, name)),
    );
    files.push({ name, rows: rows.length });
  }
  return { files };
}
