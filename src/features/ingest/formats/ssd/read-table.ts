/**
 * The loop every SSD table reader shares: stream the file's rows, check the primary key is present and unique,
 * and hand each row's cells to the table's own handler.
 */
import type { SourceFile } from '../../format';
import { LANTERN_RULES } from '../../issues';
import type { Cells } from './cells';
import { readSsdRows } from './csv-rows';
import type { SsdReadState } from './state';
import type { SsdTable } from './tables';

export type RowHandler = (state: SsdReadState, c: Cells) => void;

/** `seen` holds the keys already read (shared by several files of one table, so a key twice across them is found). */
export async function readTable(
  state: SsdReadState,
  file: SourceFile,
  table: SsdTable,
  handle: RowHandler,
  seen = new Set<string>(),
): Promise<number> {
  let rows = 0;
  for await (const row of readSsdRows(file, table, state.issues)) {
    rows++;
    const c = state.cells(file.name, row.line, row.values);
    if (table.pk) {
      const key = c.id(table.pk, true);
      if (key === null) continue;
      if (seen.has(key)) {
        c.problem(
          table.pk,
          LANTERN_RULES.duplicate,
          `${table.pk} ${key} appears more than once in ${table.name}; each row needs its own ID.`,
        );
        continue;
      }
      seen.add(key);
    }
    handle(state, c);
  }
  return rows;
}
