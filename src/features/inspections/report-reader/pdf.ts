/**
 * A PDF's text layer, laid out as text the reader understands: one printed line a line, a blank line where the gap
 * between lines is wider than a line's own spacing (a new paragraph or heading), a tab where a wide gap separates two
 * runs on one line (a table's cells), and a form feed between pages. pdf.js (through unpdf, which bundles it with no
 * further dependencies) does the parsing; nothing is rendered and no fonts are fetched.
 */
import { extractTextItems, getDocumentProxy } from 'unpdf';

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  fontSize: number;
}

interface PrintedLine {
  y: number;
  size: number;
  text: string;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function linesOf(items: readonly Item[]): PrintedLine[] {
  const visible = items.filter((it) => it.str.length > 0);
  const sorted = [...visible].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    const first = row?.[0];
    const tolerance = Math.max(2, (first?.fontSize ?? it.fontSize) * 0.4);
    if (row && first && Math.abs(first.y - it.y) <= tolerance) row.push(it);
    else rows.push([it]);
  }
  return rows.map((row) => {
    const cells = [...row].sort((a, b) => a.x - b.x);
    let text = '';
    let end: number | null = null;
    for (const c of cells) {
      if (end !== null) {
        const gap = c.x - end;
        const size = c.fontSize || 10;
        if (gap > size * 2.5) text += '\t';
        else if (gap > size * 0.15 && !text.endsWith(' ') && !c.str.startsWith(' ')) text += ' ';
      }
      text += c.str;
      end = c.x + c.width;
    }
    const y = cells[0]?.y ?? 0;
    const size = median(cells.map((c) => c.fontSize || 10));
    return { y, size, text: text.replace(/[ ]+/g, ' ').trim() };
  }).filter((l) => l.text.length > 0);
}

function pageText(items: readonly Item[]): string {
  const lines = linesOf(items);
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1];
    const b = lines[i];
    if (a && b) steps.push(a.y - b.y);
  }
  const usual = median(steps.filter((s) => s > 0));
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const prev = lines[i - 1];
    if (prev && usual > 0 && prev.y - line.y > usual * 1.35) out.push('');
    out.push(line.text);
  }
  return out.join('\n');
}

/** The text of every page, pages separated by a form feed. Throws if the bytes are not a PDF pdf.js can open. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    const { items } = await extractTextItems(pdf);
    return items.map((page) => pageText(page)).join('\n\f\n');
  } finally {
    await pdf.loadingTask.destroy();
  }
}

export function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}
