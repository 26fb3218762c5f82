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
import { CSV_SAFE_CAST } from '../../../domain/csv-safety';
import type { Db } from '../../../db/client';
import { TABLE_COLUMNS, TABLE_FILE_NAMES, TABLE_NAMES, TABLE_YEARS } from '../../ingest/formats/ssda903/tables';
import { buildReturn } from './build';
import { loadCanonical } from './load';
import { writeZip, type ExportTarget } from '../sink';

export { buildReturn } from './build';

/** Each table of the year's return, in the order of the return's files: its file's name, columns and rows. */
async function returnFiles(db: Db, authorityId: number, year: number) {
  const canonical = await loadCanonical(db, authorityId, { start: `${year - 1}-04-01`, end: `${year}-03-31` });
  const tables = buildReturn(canonical, year);
  return TABLE_NAMES.filter((table) => year >= TABLE_YEARS[table].from).map((table) => ({
    name: TABLE_FILE_NAMES[table],
    rows: tables[table],
    csv: () =>
      Readable.from(tables[table]).pipe(
        stringify({
          ...CSV_SAFE_CAST,
          header: true,
          columns: [...(TABLE_COLUMNS[table] as readonly string[])],
          eof: true,
        }),
      ),
  }));
}

/** The return as CSV files in a folder (the CLI). */
export async function exportSsda903(
  db: Db,
  authorityId: number,
  options: { year: number },
  outDir: string,
): Promise<{ files: Array<{ name: string; rows: number }> }> {
  const files = await returnFiles(db, authorityId, options.year);
  for (const f of files) await pipeline(f.csv(), createWriteStream(path.join(outDir, f.name)));
  return { files: files.map((f) => ({ name: f.name, rows: f.rows.length })) };
}

/** The return as a zip of its CSV files, written as a stream to a file or an HTTP response (a download). */
export async function exportSsda903Zip(
  db: Db,
  authorityId: number,
  options: { year: number },
  target: ExportTarget,
): Promise<{ files: Array<{ name: string; rows: number }> }> {
  const files = await returnFiles(db, authorityId, options.year);
  await writeZip(
    target,
    // In the order of their names, as the zip of the folder had them.
    [...files]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((f) => ({ name: f.name, content: f.csv })),
  );
  return { files: files.map((f) => ({ name: f.name, rows: f.rows.length })) };
}
