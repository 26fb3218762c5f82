/**
 * The CIN census XML for a collection year (named by its end: 2026 = 2025/26, ReferenceDate 2026-03-31), built
 * from the canonical model and written as a stream, one child at a time.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { eq } from 'drizzle-orm';
import { createCB } from 'xmlbuilder2';
import { ValidationError } from '../../../core/errors';
import type { Db } from '../../../db/client';
import { authorities } from '../../../db/schema/index';
import { FIRST_YEAR, LAST_YEAR } from '../../ingest/formats/cin/code-lists';
import { collectionYearBounds } from '../../ingest/rules';
import { censusChildren } from './load';
import { writeChild } from './write';

export interface CinExportOptions {
  /** The collection year, named by the year it ends (2026 = 2025/26). */
  year: number;
  /** The DfE LA number for Header/Source/LEA; defaults to the authority's own. The census needs one (see below). */
  laNumber?: string | null;
  /** Header/Source/DateTime (YYYY-MM-DDTHH:MM:SS); defaults to now. Tests fix it so two exports can be compared. */
  generatedAt?: string;
}

export async function exportCinCensus(
  db: Db,
  authorityId: number,
  options: CinExportOptions,
  outFile: string,
): Promise<{ children: number; episodes: number }> {
  const { year } = options;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new Error(`The CIN census can be exported for collection years ${FIRST_YEAR} to ${LAST_YEAR}, not ${year}`);
  }
  const [authority] = await db
    .select({ name: authorities.name, laNumber: authorities.laNumber })
    .from(authorities)
    .where(eq(authorities.id, authorityId));
  const laNumber = options.laNumber === undefined ? (authority?.laNumber ?? null) : options.laNumber;
  // Header/Source/LEA is required by the census XSD: a file without it is refused by the DfE's collection, so none
  // is written (the web page, the API and the CLI each show this message in their own way).
  if (laNumber === null || laNumber.trim() === '') {
    throw new ValidationError([
      {
        field: 'laNumber',
        message: `The CIN census needs ${authority?.name ?? 'the authority'}’s DfE LA number for its header (LEA), and none is recorded. Record the authority’s 3-digit LA number, then export again.`,
      },
    ]);
  }
  const period = collectionYearBounds(year);
  const out = createWriteStream(outFile, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => out.on('error', reject));
  failed.catch(() => {});
  let buffer: string[] = [];
  let error: Error | null = null;
  const xml = createCB({
    data: (chunk: string) => {
      buffer.push(chunk);
    },
    end: () => {},
    error: (e: Error) => {
      error = e;
    },
    prettyPrint: true,
  });
  const flush = async () => {
    if (error) throw error;
    if (buffer.length === 0) return;
    const text = buffer.join('');
    buffer = [];
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };

  xml.dec({ version: '1.0', encoding: 'UTF-8' });
  xml.ele('Message');
  xml.ele('Header');
  xml.ele('CollectionDetails');
  xml.ele('Collection').txt('CIN').up();
  xml.ele('Year').txt(String(year)).up();
  xml.ele('ReferenceDate').txt(period.end).up();
  xml.up();
  xml.ele('Source');
  xml.ele('SourceLevel').txt('L').up();
  xml.ele('LEA').txt(laNumber.trim()).up();
  xml.ele('SoftwareCode').txt('Lantern').up();
  xml.ele('Release').txt('1').up();
  xml.ele('SerialNo').txt('001').up();
  xml
    .ele('DateTime')
    .txt(options.generatedAt ?? new Date().toISOString().slice(0, 19))
    .up();
  xml.up();
  xml.up();
  xml.ele('Children');

  let children = 0;
  let episodes = 0;
  for await (const batch of censusChildren(db, authorityId, period)) {
    for (const c of batch) {
      episodes += writeChild(xml, c, { year, collectionStart: period.start, referenceDate: period.end });
      children++;
      await flush();
    }
  }
  xml.up();
  xml.up();
  xml.end();
  await flush();
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
  return { children, episodes };
}
