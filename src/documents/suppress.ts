/**
 * Small-number suppression for the members' audience (src/domain/suppression.ts: counts from 1 to 4 are "c", zero
 * is shown). Every writer passes its document through `forAudience` first, so no writer can forget: for members,
 * every count cell and every count in running text from 1 to 4 is marked suppressed, and so is every percentage made
 * from one; a chart whose figures hold a suppressed value is not drawn (its picture would show the number) and its
 * table, with the "c"s, stands alone.
 */
import { suppress } from '../domain/suppression';
import type { Block, Cell, ChartBlock, ReportDocument, TableBlock } from './model';

const small = (n: number) => suppress(n) === 'c';

export function suppressCell(cell: Cell): Cell {
  if (typeof cell === 'string') return cell;
  if (cell.type === 'count') return small(cell.value) ? { ...cell, suppressed: true } : cell;
  return cell.from.some(small) ? { ...cell, suppressed: true } : cell;
}

const isSuppressed = (cell: Cell) => typeof cell !== 'string' && cell.suppressed === true;

function suppressTable(t: TableBlock): TableBlock {
  return { ...t, rows: t.rows.map((r) => r.map(suppressCell)) };
}

/** A chart for members: drawn when none of its figures is suppressed; else replaced by a note and its table. */
function suppressChart(c: ChartBlock): Block[] {
  const data = suppressTable(c.data);
  if (!data.rows.some((r) => r.some(isSuppressed))) return [{ ...c, data }];
  return [
    {
      type: 'paragraph',
      content: [
        `${c.title}: the chart is not shown because it would show counts from 1 to 4; its figures follow, with those counts shown as "c".`,
      ],
    },
    data,
  ];
}

function suppressBlock(b: Block): Block[] {
  switch (b.type) {
    case 'paragraph':
      return [{ ...b, content: b.content.map(suppressCell) }];
    case 'bullets':
      return [{ ...b, items: b.items.map((i) => i.map(suppressCell)) }];
    case 'table':
      return [suppressTable(b)];
    case 'chart':
      return suppressChart(b);
    default:
      return [b];
  }
}

/** The document as its audience may see it: unchanged for internal, suppressed for members. */
export function forAudience(doc: ReportDocument): ReportDocument {
  if (doc.audience !== 'members') return doc;
  return { ...doc, blocks: doc.blocks.flatMap(suppressBlock) };
}
