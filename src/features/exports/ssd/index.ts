/**
 * The Standard Safeguarding Dataset extract of everything Lantern holds for an authority: one CSV file per SSD
 * table (the tables Lantern has data for), with the SSD's column names, dates as YYYY-MM-DD (the SSD's datetime
 * columns hold calendar dates; ssd_missing's times are ISO 8601 UTC), Y/N flags, and Lantern's ids as the SSD's
 * ids (the LA child ID as pers_person_id, the worker ref as prof_professional_id). Rows are streamed from the
 * database in pages and out to the files; every table's file is written, with its header, even when empty.
 *
 * What the SSD has no column for is not exported (names, carer references, the worker on a visit…); the import's
 * read-*.ts files say what comes back and how.
 */
import { mkdir } from 'node:fs/promises';
import type { Db } from '../../../db/client';
import { loadLookups } from './source';
import { writeCare } from './write-care';
import { writeIdentity } from './write-identity';
import { writeJourney } from './write-journey';

export async function exportSsd(
  db: Db,
  authorityId: number,
  outDir: string,
): Promise<{ files: Array<{ name: string; rows: number }> }> {
  await mkdir(outDir, { recursive: true });
  const lookups = await loadLookups(db, authorityId);
  const files = [
    ...(await writeIdentity(db, lookups, outDir)),
    ...(await writeJourney(db, lookups, outDir)),
    ...(await writeCare(db, lookups, outDir)),
  ];
  return { files };
}
