/**
 * The CIN census XML for a collection year (named by its end: 2026 = 2025/26, ReferenceDate 2026-03-31), built
 * from the canonical model and written as a stream, a batch of children at a time, to a file or an HTTP response.
 */
import { eq } from 'drizzle-orm';
import { ValidationError } from '../../../core/errors';
import type { Db } from '../../../db/client';
import { authorities } from '../../../db/schema/index';
import { FIRST_YEAR, LAST_YEAR } from '../../ingest/formats/cin/code-lists';
import { collectionYearBounds } from '../../ingest/rules';
import { censusChildren } from './load';
import { writeChild } from './write';
import { XmlWriter } from './xml';
import { openSink, type ExportTarget } from '../sink';

export interface CinExportOptions {
  /** The collection year, named by the year it ends (2026 = 2025/26). */
  year: number;
  /** The DfE LA number for Header/Source/LEA; defaults to the authority's own. The census needs one (see below). */
  laNumber?: string | null;
  /** Header/Source/DateTime (YYYY-MM-DDTHH:MM:SS); defaults to now. Tests fix it so two exports can be compared. */
  generatedAt?: string;
}

/**
 * The LA number the census's header gives (Header/Source/LEA): the one asked for, else the authority's own. The
 * census XSD requires it: a file without it is refused by the DfE's collection, so none is written (the web page,
 * the API and the CLI each show this message in their own way). Checked before anything is written, so a download
 * that cannot be made is refused before it starts.
 */
export async function cinLaNumber(db: Db, authorityId: number, laNumber?: string | null): Promise<string> {
  const [authority] = await db
    .select({ name: authorities.name, laNumber: authorities.laNumber })
    .from(authorities)
    .where(eq(authorities.id, authorityId));
  const chosen = laNumber === undefined ? (authority?.laNumber ?? null) : laNumber;
  if (chosen === null || chosen.trim() === '') {
    throw new ValidationError([
      {
        field: 'laNumber',
        message: `The CIN census needs ${authority?.name ?? 'the authority'}’s DfE LA number for its header (LEA), and none is recorded. Record the authority’s 3-digit LA number, then export again.`,
      },
    ]);
  }
  return chosen.trim();
}

/** Writes the census to a file or a stream (an HTTP response), a batch of children at a time. */
export async function exportCinCensus(
  db: Db,
  authorityId: number,
  options: CinExportOptions,
  target: ExportTarget,
): Promise<{ children: number; episodes: number }> {
  const { year } = options;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new Error(`The CIN census can be exported for collection years ${FIRST_YEAR} to ${LAST_YEAR}, not ${year}`);
  }
  const laNumber = await cinLaNumber(db, authorityId, options.laNumber);
  const period = collectionYearBounds(year);
  const out = openSink(target);
  const xml = new XmlWriter();

  xml.declaration();
  xml.ele('Message');
  xml.ele('Header');
  xml.ele('CollectionDetails');
  xml.leaf('Collection', 'CIN');
  xml.leaf('Year', String(year));
  xml.leaf('ReferenceDate', period.end);
  xml.up();
  xml.ele('Source');
  xml.leaf('SourceLevel', 'L');
  xml.leaf('LEA', laNumber);
  xml.leaf('SoftwareCode', 'Lantern');
  xml.leaf('Release', '1');
  xml.leaf('SerialNo', '001');
  xml.leaf('DateTime', options.generatedAt ?? new Date().toISOString().slice(0, 19));
  xml.up();
  xml.up();
  xml.ele('Children');
  await out.write(xml.take());

  let children = 0;
  let episodes = 0;
  for await (const batch of censusChildren(db, authorityId, period)) {
    for (const c of batch) {
      episodes += writeChild(xml, c, { year, collectionStart: period.start, referenceDate: period.end });
      children++;
    }
    await out.write(xml.take());
  }
  xml.up();
  xml.up();
  await out.write(xml.take());
  await out.end();
  return { children, episodes };
}
