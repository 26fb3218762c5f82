/**
 * Step 1 of reading a report: normalise the characters and drop the page furniture, whatever produced the text
 * (our own PDF extraction, another PDF tool, a copy from the web page, a Word document saved as text).
 *
 * - Windows and old Mac line endings → \n; a form feed (page break) → a blank line.
 * - Non-breaking, thin and other odd spaces → a space; zero-width characters and soft hyphens removed.
 * - Ligatures from PDF extraction (ﬁ ﬂ ﬀ ﬃ ﬄ) spelled out; curly quotes → straight; bullets of every font → "•";
 *   a paragraph number followed by a tab (Word's numbering) → the number and a space.
 * - Page furniture dropped: bare page numbers, "Page 3 of 12", running headers and footers (any line that, without
 *   its digits, repeats on three or more pages), Ofsted's address and copyright block, contents-list entries.
 * Pure.
 */

export interface Line {
  text: string;
  /** True when a page break or blank line came before it. */
  gapBefore: boolean;
}

const LIGATURES: Record<string, string> = { ﬀ: 'ff', ﬁ: 'fi', ﬂ: 'fl', ﬃ: 'ffi', ﬄ: 'ffl', ﬅ: 'st', ﬆ: 'st' };

/** Characters and spacing only: the text keeps its lines. */
export function normaliseCharacters(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n\n')
    .replace(/[ﬀﬁﬂﬃﬄﬅﬆ]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[\u00AD\u200B-\u200D\u2060]/g, '')
    .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑]/g, '-')
    .replace(/^[ \t]*[•●▪■◦○◆♦►➢✓·\uF0B7\uF0A7\uF076\uF0D8\uF0FC][ \t]*/gm, '• ')
    .replace(/^[ \t]*(\d{1,3}(?:\.\d{1,2})?[.)]?)\t+(?=\S)/gm, '$1 ') // Word's "1.<tab>text": a number, not a table cell
    .replace(/^[ \t]*[-–*o][ \t]+(?=\S)/gm, '• ')
    .replace(/[ ]+\t|\t[ ]+/g, '\t')
    .replace(/\t{2,}/g, '\t')
    .replace(/[ ]{2,}/g, ' ')
    .split('\n')
    .map((l) => l.replace(/^[ \t]+|[ \t]+$/g, ''))
    .join('\n');
}

const CLOSING =
  /^(The Office for Standards in Education, Children'?s Services and Skills \(Ofsted\) regulates|If you would like a copy of this document in a different format|You may reuse this information)/i;

/** Ofsted's closing block and letterhead: never part of the findings. */
const BOILERPLATE: RegExp[] = [
  /^The Office for Standards in Education, Children'?s Services and Skills \(Ofsted\) regulates/i,
  /^If you would like a copy of this document in a different format/i,
  /^You may reuse this information/i,
  /^This (report|publication|letter) is available at/i,
  /^Interested in our work\?/i,
  /^Piccadilly Gate$/i,
  /^Store Street$/i,
  /^Manchester,?( M1 2WD)?$/i,
  /^M1 2WD$/i,
  /^(T|Tel|Telephone)[:.]?\s*0300 123 \d{4}/i,
  /^Textphone[:.]?\s*0161/i,
  /^(E[:.]?\s*)?enquiries@ofsted\.gov\.uk$/i,
  /^(W[:.]?\s*)?www\.(gov\.uk\/ofsted|ofsted\.gov\.uk)\/?$/i,
  /^©\s*Crown copyright/i,
  /^No\.\s*\d{5,}\s*$/i,
  /^Contents$/i,
  /^(Ofsted produces this report under its power to combine reports|A full description of what the inspection judgements mean)/i,
  /^\d\s+(Ofsted produces this report under its power|A full description of what the inspection judgements mean)/i,
  /^Page \d+ of \d+$/i,
  /^\d{1,3}$/,
  /^-\s*\d{1,3}\s*-$/,
];

const CONTENTS_ENTRY =
  /^(The local authority|Summary of findings|What does the (local authority|LSCB) need to improve\?|The local authority'?s strengths|Progress since the last inspection|Summary for children and young people|Information about this (local authority )?area|Inspection judgements about the local authority|The Local Safeguarding Children Board.*|Executive summary|Recommendations|Areas for improvement|Next steps|Annex [A-Z].*|The inspection judgements and what they mean|Information about this inspection)\s*\.*\s*\d{1,3}$/i;

function isBoilerplate(text: string): boolean {
  return BOILERPLATE.some((re) => re.test(text)) || CONTENTS_ENTRY.test(text);
}

/** The key two lines share when they are the same running header or footer on different pages. */
function furnitureKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\d+/g, '#')
    .replace(/[^a-z#]+/g, ' ')
    .trim();
}

/** A line that might be a table cell or a grade: never treated as a running header however often it repeats. */
function isProtected(text: string): boolean {
  return /^(outstanding|good|inadequate|requires( improvement( to be( good)?)?)?|improvement( to be( good)?)?|to be good|judgement|grade|judgement\s+grade|areas for improvement|what needs to improve\??)$/i.test(
    text.trim(),
  );
}

/**
 * Lines with their gaps, furniture removed. A line that repeats (digits aside) three or more times is a running
 * header or footer — so are lines that begin with the report's own title and end in a page number.
 */
export function toLines(raw: string): Line[] {
  const text = normaliseCharacters(raw);
  const allLines = text.split('\n');
  // Ofsted's closing block (who Ofsted are, other formats, the licence, the address) ends every report: everything
  // from its first sentence on goes, if it comes in the second half of the text.
  // Its first sentence may wrap onto the next line anywhere (a PDF's text layer keeps the printed line breaks), so
  // each line is tested together with the one after it.
  const closing = allLines.findIndex(
    (l, i) => i > allLines.length / 2 && CLOSING.test(`${l} ${allLines[i + 1] ?? ''}`),
  );
  const rawLines = closing >= 0 ? allLines.slice(0, closing) : allLines;
  const counts = new Map<string, number>();
  for (const l of rawLines) {
    if (!l) continue;
    const k = furnitureKey(l);
    if (k.length >= 12) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const title = rawLines.find(
    (l) =>
      l.length > 0 &&
      l.length < 200 &&
      /^(Inspection of|Focused visit|Monitoring visit|Joint targeted area inspection)/i.test(l),
  );
  const titleKey = title ? furnitureKey(title) : null;

  const lines: Line[] = [];
  let gap = false;
  let seenTitle = false;
  let droppedText = false; // the last line was dropped boilerplate prose, so its lower-case continuation goes too
  let number: string | null = null; // a paragraph number printed on a line of its own ("12.")
  const kept = new Set<string>();
  let nonEmpty = 0;
  for (const l of rawLines) {
    if (!l) {
      gap = true;
      continue;
    }
    nonEmpty++;
    if (droppedText && /^[a-z]/.test(l)) continue;
    droppedText = false;
    const k = furnitureKey(l);
    // A line repeated on every page is furniture — but the first of them, at the top of the report, is its title.
    const firstOfRepeated = nonEmpty <= 15 && !kept.has(k);
    const repeated = (counts.get(k) ?? 0) >= 3 && !isProtected(l) && !firstOfRepeated;
    if ((counts.get(k) ?? 0) >= 3) kept.add(k);
    const footerWithTitle =
      titleKey !== null && k !== titleKey && k.startsWith(titleKey) && /\d\s*$/.test(l) && l.length < 220;
    const secondTitle = titleKey !== null && k === titleKey && seenTitle && !/\d/.test(l) && lines.length > 10;
    if (titleKey !== null && k === titleKey) seenTitle = true;
    if (repeated || footerWithTitle || secondTitle || isBoilerplate(l)) {
      droppedText =
        !repeated && !footerWithTitle && !secondTitle && /[a-z]{3}/.test(l) && !/[.!?]$/.test(l) && l.length > 40;
      gap = true;
      continue;
    }
    if (/^\d{1,3}[.)]$/.test(l)) {
      number = l;
      continue;
    }
    lines.push({ text: number ? `${number} ${l}` : l, gapBefore: gap });
    number = null;
    gap = false;
  }
  return lines;
}
