/**
 * A report is data plus a layout (issue 7): a `ReportDocument` is the ordered blocks a reader sees — headings,
 * paragraphs, bullet lists, tables, charts (each followed by its data as a table) and page breaks — built once by a
 * report kind (kinds/*.ts) and written by any writer (docx.ts, pdf.ts) without the writer knowing which report it is.
 *
 * Figures that could identify people are not plain text: a `count` (how many of something) and a `percent` made from
 * counts stay typed until the writer asks for their text, so that suppression (suppress.ts) can find every one of
 * them. For the members' audience every count from 1 to 4, and every percentage made from one, is shown as "c".
 */
export const AUDIENCES = ['internal', 'members'] as const;
export type Audience = (typeof AUDIENCES)[number];

export function isAudience(value: unknown): value is Audience {
  return typeof value === 'string' && (AUDIENCES as readonly string[]).includes(value);
}

/** A count (suppressible); `suppressed` is set by suppress.ts, never by a report kind. */
export interface CountValue {
  readonly type: 'count';
  readonly value: number;
  readonly suppressed?: boolean;
}

/** A whole-number percentage made from counts: suppressed whenever any of `from` is. */
export interface PercentValue {
  readonly type: 'percent';
  readonly value: number | null;
  readonly from: readonly number[];
  readonly suppressed?: boolean;
}

/** A table cell, or a piece of running text: plain text, a count or a percentage. */
export type Cell = string | CountValue | PercentValue;
export type Inline = Cell;

export const count = (value: number): CountValue => ({ type: 'count', value });
export const percent = (numerator: number, denominator: number): PercentValue => ({
  type: 'percent',
  value: denominator > 0 ? Math.round((100 * numerator) / denominator) : null,
  from: [numerator, denominator],
});

export interface HeadingBlock {
  readonly type: 'heading';
  readonly level: 1 | 2 | 3;
  readonly text: string;
}

export interface ParagraphBlock {
  readonly type: 'paragraph';
  /** Text and figures, joined as they are. */
  readonly content: readonly Inline[];
  readonly bold?: boolean;
}

export interface BulletsBlock {
  readonly type: 'bullets';
  readonly items: ReadonlyArray<readonly Inline[]>;
  /** Numbered (1, 2, 3 …) rather than bulleted. */
  readonly numbered?: boolean;
}

export interface TableBlock {
  readonly type: 'table';
  readonly caption: string;
  readonly head: readonly string[];
  readonly rows: ReadonlyArray<readonly Cell[]>;
  /** Per column: right-aligned figures. Defaults to false for every column. */
  readonly numeric?: readonly boolean[];
  /** Per column: relative widths (e.g. [3, 1, 1]); equal when absent. */
  readonly widths?: readonly number[];
}

export interface ChartBlock {
  readonly type: 'chart';
  readonly title: string;
  /** What the chart shows, the period and its first and last values: the image's description. */
  readonly alt: string;
  /** Server-rendered SVG (src/documents/charts/line-chart.ts), drawn at `width` × `height` pixels. */
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** The chart's figures, always written after it. */
  readonly data: TableBlock;
}

export interface PageBreakBlock {
  readonly type: 'page-break';
}

export type Block = HeadingBlock | ParagraphBlock | BulletsBlock | TableBlock | ChartBlock | PageBreakBlock;

export interface ReportDocument {
  /** The registry's key, e.g. inspection-committee. */
  readonly kind: string;
  readonly title: string;
  readonly subtitle: string;
  readonly authorityName: string;
  /** The period as the kind resolved it (e.g. "latest" becomes the inspection's id): what the log records. */
  readonly period: string;
  readonly periodLabel: string;
  readonly audience: Audience;
  /** ISO date. */
  readonly generatedOn: string;
  readonly blocks: readonly Block[];
}

// ——— block helpers for report kinds ———

export const heading = (level: 1 | 2 | 3, text: string): HeadingBlock => ({ type: 'heading', level, text });
export const paragraph = (...content: Inline[]): ParagraphBlock => ({ type: 'paragraph', content });
export const bullets = (items: ReadonlyArray<readonly Inline[]>, numbered = false): BulletsBlock => ({
  type: 'bullets',
  items,
  numbered,
});
export const table = (
  caption: string,
  head: readonly string[],
  rows: ReadonlyArray<readonly Cell[]>,
  numeric?: readonly boolean[],
  widths?: readonly number[],
): TableBlock => ({
  type: 'table',
  caption,
  head,
  rows,
  ...(numeric ? { numeric } : {}),
  ...(widths ? { widths } : {}),
});

/** Each column's share of the table's width, in per cent (equal when the table gives no widths). */
export function columnShares(t: TableBlock): number[] {
  const n = t.head.length;
  const w = t.widths && t.widths.length === n ? t.widths : Array.from({ length: n }, () => 1);
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => (100 * x) / total);
}

// ——— text ———

/** A cell's text as the reader sees it: "c" once suppressed, "–" for a percentage with nothing to divide by. */
export function cellText(cell: Cell): string {
  if (typeof cell === 'string') return cell;
  if (cell.suppressed) return 'c';
  if (cell.type === 'count') return cell.value.toLocaleString('en-GB');
  return cell.value === null ? '–' : `${cell.value}%`;
}

export const inlineText = (content: readonly Inline[]): string => content.map(cellText).join('');

export const AUDIENCE_NOTES: Record<Audience, string> = {
  internal: 'Audience: internal (officers). Counts are shown as they are.',
  members:
    'Audience: elected members and the public. Counts from 1 to 4, and any percentage made from one, are shown as "c"; no child is identified.',
};
