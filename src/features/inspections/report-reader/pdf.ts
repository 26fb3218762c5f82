/**
 * A PDF's text layer, laid out as text the reader understands. pdf.js (through unpdf, which bundles it with no
 * further dependencies) parses the file; nothing is rendered and no fonts are fetched. From the positioned runs of
 * text we rebuild what a person sees:
 *
 * - runs at the same height are one printed line; a wide gap between two runs (a table's cells) becomes a tab;
 * - running headers and footers (lines in the top 4% or bottom 6.5% of the page) are dropped;
 * - a paragraph ends — and a blank line is written — where the gap to the next line is wider than the usual line
 *   spacing, or where a line stops short of the text's right edge by more than the next line's first word (so that
 *   word would have fitted: the typesetter broke the line on purpose). List items whose bullets were drawn as
 *   graphics, and short headings, are separated this way;
 * - at a page break, the paragraph goes on unless the page's last line ended it.
 */
import { getDocumentProxy } from 'unpdf';

interface Run {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface PrintedLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? 0;
}

function linesOf(runs: readonly Run[]): PrintedLine[] {
  const sorted = runs.filter((r) => r.str.trim().length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Run[][] = [];
  for (const r of sorted) {
    const row = rows[rows.length - 1];
    const first = row?.[0];
    if (row && first && Math.abs(first.y - r.y) <= Math.max(2, Math.min(first.size, r.size) * 0.4)) row.push(r);
    else rows.push([r]);
  }
  return rows.map((row) => {
    const cells = [...row].sort((a, b) => a.x - b.x);
    let text = '';
    let end: number | null = null;
    for (const c of cells) {
      if (end !== null) {
        const gap = c.x - end;
        if (gap > c.size * 2) text += '\t';
        else if (gap > c.size * 0.15 && !text.endsWith(' ') && !c.str.startsWith(' ')) text += ' ';
      }
      text += c.str;
      end = c.x + c.width;
    }
    const first = cells[0];
    return {
      text: text.replace(/[ ]+/g, ' ').trim(),
      x0: first?.x ?? 0,
      x1: end ?? 0,
      y: first?.y ?? 0,
      size: median(cells.map((c) => c.size)),
    };
  });
}

/** The line ends its paragraph: the next line's first word would have fitted after it. */
function endsShort(line: PrintedLine, next: PrintedLine | undefined, rightEdge: number): boolean {
  if (!next || line.text.includes('\t') || next.text.includes('\t')) return false;
  const charWidth = line.text.length > 0 ? (line.x1 - line.x0) / line.text.length : line.size / 2;
  const firstWord = next.text.split(/\s+/)[0] ?? '';
  return rightEdge - line.x1 > (firstWord.length + 2) * charWidth;
}

/** The text of every page; pages are joined as the paragraphs run on. Throws if pdf.js cannot open the bytes. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    const pages: PrintedLine[][] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const [, , , top] = page.view as [number, number, number, number];
      const height = top || page.getViewport({ scale: 1 }).height;
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const t = item.transform as number[];
        runs.push({
          str: item.str,
          x: t[4] ?? 0,
          y: t[5] ?? 0,
          width: item.width,
          size: Math.hypot(t[2] ?? 0, t[3] ?? 0) || item.height || 10,
        });
      }
      pages.push(linesOf(runs).filter((l) => l.text.length > 0 && l.y > height * 0.065 && l.y < height * 0.96));
    }
    const all = pages.flat();
    const rightEdge = quantile(
      all.filter((l) => !l.text.includes('\t') && l.text.length > 30).map((l) => l.x1),
      0.9,
    );
    const out: string[] = [];
    pages.forEach((lines, p) => {
      const steps = lines
        .slice(1)
        .map((l, i) => (lines[i]?.y ?? 0) - l.y)
        .filter((s) => s > 0);
      const usual = median(steps);
      lines.forEach((line, i) => {
        const prev = lines[i - 1];
        if (prev && (prev.y - line.y > usual * 1.35 || endsShort(prev, line, rightEdge))) out.push('');
        out.push(line.text);
      });
      const last = lines[lines.length - 1];
      const nextPage = pages[p + 1];
      if (last && nextPage && nextPage.length > 0) {
        // A page break mid-paragraph (no blank line), or between paragraphs (a form feed: the reader's page break).
        const first = nextPage[0];
        const ended =
          endsShort(last, first, rightEdge) || (/[.:?!"')]$/.test(last.text) && /^[A-Z0-9•"']/.test(first?.text ?? ''));
        if (ended) out.push('\f');
      }
    });
    return out.join('\n');
  } finally {
    await pdf.loadingTask.destroy();
  }
}

export function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}
