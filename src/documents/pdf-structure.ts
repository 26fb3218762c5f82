/**
 * A tagged PDF read back by its marked content (pdf.js through unpdf): each run of content with its structure tag
 * (H1, P, TH, TD, Lbl, LBody …) and its text joined, so that a table cell that wrapped over two lines is still one
 * cell. The tests use it to check what the PDF writer tagged and what each cell shows (suppression); a reports page
 * could use it to check a stored file.
 */
import { getDocumentProxy } from 'unpdf';

export interface MarkedText {
  tag: string;
  text: string;
  page: number;
}

export async function markedContent(bytes: Uint8Array): Promise<MarkedText[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const out: MarkedText[] = [];
  for (let page = 1; page <= pdf.numPages; page++) {
    const content = await (await pdf.getPage(page)).getTextContent({ includeMarkedContent: true });
    let current: { tag: string; parts: string[] } | null = null;
    for (const item of content.items) {
      if ('str' in item) {
        current?.parts.push(item.str);
        continue;
      }
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
        current = { tag: (item as { tag?: string }).tag ?? '', parts: [] };
      } else if (item.type === 'endMarkedContent' && current) {
        out.push({ tag: current.tag, text: current.parts.join(' ').replace(/\s+/g, ' ').trim(), page });
        current = null;
      }
    }
  }
  return out;
}
