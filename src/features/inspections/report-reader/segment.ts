/**
 * Step 2: lines → blocks (a paragraph, a bullet, a heading, a table row, a field). Two kinds of text reach us:
 *
 * - "paragraph" text, one paragraph a line (the seed's extraction, a copy from the web page): a line is a block,
 *   except that a line which does not end a sentence and is followed — after a page break or blank lines — by a line
 *   that starts in lower case is the same paragraph broken by the page ("…in the\n\nfuture. Children…");
 * - "wrapped" text, one printed line a line (our PDF extraction, pdftotext): consecutive lines are one block until a
 *   blank line or a line that always starts a block (a number, a bullet, a heading, a field, a table row).
 *
 * Which kind is decided by the text itself: if at least one line in seven is longer than 200 characters, no printer
 * wrapped it; otherwise it is wrapped if lines often go straight on in lower case (a sentence broken by the printer).
 * Pure.
 */
import type { Line } from './normalise';
import { endsBlock, gradeOnly, startsBlock } from './patterns';

export type Mode = 'paragraph' | 'wrapped';

export function modeOf(lines: readonly Line[]): Mode {
  if (lines.length === 0) return 'paragraph';
  const long = lines.filter((l) => l.text.length > 200).length;
  if (long * 7 >= lines.length) return 'paragraph';
  // A printer wraps mid-sentence, so wrapped text has many lines that go straight on in lower case; text with one
  // paragraph a line has almost none (a page break is a blank line, and a grade split over two lines does not count).
  let wraps = 0;
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i];
    if (l && !l.gapBefore && /^[a-z]/.test(l.text) && !/^(good|improvement|to be)\b/.test(l.text)) wraps++;
  }
  const longish = lines.filter((l) => l.text.length > 60).length;
  return wraps >= Math.max(2, longish * 0.05) ? 'wrapped' : 'paragraph';
}

/** The line does not finish a sentence, so a lower-case line after it continues it. */
function unfinished(text: string): boolean {
  return !/[.!?:;"')\]]$/.test(text) || /\b(e\.g|i\.e|etc|para|no)\.$/i.test(text);
}

/** A grade split across lines: "Requires improvement to be" / "good". */
function splitGrade(prev: string, next: string): boolean {
  return (
    /\brequires?( improvement( to( be)?)?)?$/i.test(prev) &&
    /^(improvement|to be|be good|good)\b/i.test(next) &&
    next.length < 40
  );
}

function join(prev: string, next: string): string {
  if (/[A-Za-z]-$/.test(prev) && /^[a-z]/.test(next)) return prev + next; // a word hyphenated at the line end
  return `${prev} ${next}`;
}

export function toBlocks(lines: readonly Line[], mode: Mode = modeOf(lines)): string[] {
  const blocks: string[] = [];
  let open = false; // the last block may still take more lines
  for (const line of lines) {
    const text = line.text;
    const last = blocks.length - 1;
    const prev = last >= 0 ? (blocks[last] ?? '') : '';
    if (last >= 0 && splitGrade(prev, text)) {
      blocks[last] = join(prev, text);
      open = !endsBlock(blocks[last] ?? '');
      continue;
    }
    if (mode === 'wrapped' && last >= 0 && prev.includes('\t') && /^[a-z]/.test(text) && !line.gapBefore) {
      // A table row whose first cell wrapped: "The impact of leaders … with\tGood" / "children and families".
      const tab = prev.indexOf('\t');
      blocks[last] = `${prev.slice(0, tab)} ${text}${prev.slice(tab)}`;
      continue;
    }
    const lowerContinuation = last >= 0 && /^[a-z(]/.test(text) && unfinished(prev) && !/^•\s/.test(text);
    let continues: boolean;
    if (mode === 'paragraph') {
      continues = lowerContinuation && !prev.includes('\t');
    } else {
      continues =
        last >= 0 &&
        !startsBlock(text) &&
        ((open && !line.gapBefore) || lowerContinuation) &&
        !(gradeOnly(prev) !== null && /^[a-z]/.test(text));
    }
    if (continues && last >= 0) {
      blocks[last] = join(prev, text);
      open = !endsBlock(blocks[last] ?? '');
    } else {
      blocks.push(text);
      open = !endsBlock(text) && !text.includes('\t');
    }
  }
  return blocks.map((b) => b.replace(/[ ]{2,}/g, ' ').trim()).filter((b) => b.length > 0);
}
