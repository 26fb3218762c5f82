/**
 * One SSD table written as a CSV file with csv-stringify, streamed: rows go out as they are produced, with the
 * writer's backpressure respected, so an authority's half a million rows never sit in memory as one string.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import path from 'node:path';
import { stringify, type Stringifier } from 'csv-stringify';
import { CSV_SAFE_CAST } from '../../../domain/csv-safety';
import type { SsdTable } from '../../ingest/formats/ssd/tables';

export type Cell = string | number | null | undefined;

export class CsvOut {
  private readonly stringifier: Stringifier;
  private readonly done: Promise<void>;
  rows = 0;

  constructor(
    dir: string,
    readonly table: SsdTable,
  ) {
    this.stringifier = stringify({
      ...CSV_SAFE_CAST,
      header: true,
      columns: [...table.columns],
      record_delimiter: 'windows',
    });
    const out = createWriteStream(path.join(dir, `${table.name}.csv`));
    this.stringifier.pipe(out);
    this.done = finished(out);
  }

  get fileName(): string {
    return `${this.table.name}.csv`;
  }

  /** Writes one row; columns not given are blank. */
  async write(row: Readonly<Record<string, Cell>>): Promise<void> {
    const record = this.table.columns.map((c) => {
      const v = row[c];
      return v === null || v === undefined ? '' : String(v);
    });
    this.rows++;
    if (!this.stringifier.write(record)) await once(this.stringifier, 'drain');
  }

  async close(): Promise<{ name: string; rows: number }> {
    this.stringifier.end();
    await this.done;
    return { name: this.fileName, rows: this.rows };
  }
}

/** Y, N or blank, as the SSD writes flags. */
export const flag = (b: boolean | null | undefined): string => (b === null || b === undefined ? '' : b ? 'Y' : 'N');
