/**
 * Reading rendered pages in route tests: text without tags, and GOV.UK tables found by their caption.
 */

/** Text without tags, whitespace collapsed. */
export const clean = (s: string): string =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** How a caption or a row heading is matched: the whole text, or its start. */
export interface TableMatch {
  caption?: 'exact' | 'prefix';
  row?: 'exact' | 'prefix';
}

function tableBody(html: string, caption: string, match: 'exact' | 'prefix'): string {
  const table = html
    .split('<table')
    .slice(1)
    .find((t) => {
      const text = clean(/<caption[^>]*>([\s\S]*?)<\/caption>/.exec(t)?.[1] ?? '');
      return match === 'exact' ? text === caption : text.startsWith(caption);
    });
  if (!table) throw new Error(`no table ${caption}`);
  return table.split('<tbody')[1] ?? '';
}

/** The cells (header first) of the row headed `row` in the table captioned `caption` (by default: caption by its start, row exactly). */
export function tableRow(html: string, caption: string, row: string, match: TableMatch = {}): string[] {
  for (const tr of tableBody(html, caption, match.caption ?? 'prefix')
    .split('<tr')
    .slice(1)) {
    const cells = [...tr.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => clean(m[1] ?? ''));
    if (match.row === 'prefix' ? cells[0]?.startsWith(row) : cells[0] === row) return cells;
  }
  throw new Error(`no row ${row} in ${caption}`);
}

/** The first cell of every body row of the table whose caption starts with `caption`. */
export function firstCells(html: string, caption: string): string[] {
  return tableBody(html, caption, 'prefix')
    .split('<tr')
    .slice(1)
    .map((tr) => clean(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/.exec(tr)?.[1] ?? ''));
}
