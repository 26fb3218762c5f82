/**
 * The Ofsted report reader: an Ofsted report or letter in — a PDF, or its text pasted or saved — and a proposed
 * inspection record out, for the user to check and correct before it is saved. Every kind and era: SIF (2013–17),
 * ILACS standard and short inspections (2018, 2023 and April 2026 frameworks), focused visits, monitoring visits and
 * JTAIs. How it works and what it cannot do: docs/decisions/0013-reading-ofsted-reports.md.
 *
 *   normalise.ts  characters and page furniture
 *   segment.ts    lines → blocks (paragraphs, bullets, headings, table rows, fields)
 *   recognise.ts  blocks → the record, and a warning for each expected thing not found
 *   pdf.ts        a PDF's text layer as lines
 */
import { ValidationError } from '../../../core/errors';
import type { ProposedInspection } from '../proposal';
import { isPdf, pdfText } from './pdf';
import { readText } from './read-text';

export type { ProposedInspection } from '../proposal';

/** Read the text of a report. Pure and synchronous; never throws on odd text (it warns instead). */
export function readReportText(text: string): ProposedInspection {
  return readText(text);
}

function refuse(fileName: string, message: string): ValidationError {
  return new ValidationError([{ field: 'file', message: `${fileName}: ${message}` }]);
}

/** Enough letters and words to be a report rather than a stray file. */
function hasWords(text: string): boolean {
  return (text.match(/[A-Za-z]{3,}/g) ?? []).length >= 20;
}

/**
 * Read a file: a PDF (by its %PDF- signature, whatever its name) has its text layer read; anything else is read as
 * UTF-8 text. Throws ValidationError naming the file if it is empty, binary, not valid UTF-8, or a PDF with no text
 * layer (a scan).
 */
export async function readReportFile(bytes: Uint8Array, fileName: string): Promise<ProposedInspection> {
  if (bytes.length === 0)
    throw refuse(fileName, 'the file is empty. Choose the PDF of the Ofsted report or letter, or a text file of it.');
  if (isPdf(bytes)) {
    let text: string;
    try {
      text = await pdfText(bytes);
    } catch {
      throw refuse(
        fileName,
        'the PDF could not be opened. It may be damaged or password-protected: download the report from Ofsted again.',
      );
    }
    if (!hasWords(text)) {
      throw refuse(
        fileName,
        'the PDF has no text to read — it may be a scan. Use the PDF from the Ofsted reports website, or paste the report’s text.',
      );
    }
    return readText(text);
  }
  let text: string;
  // UTF-8, or UTF-16 with its byte order mark (Notepad's "Unicode").
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw refuse(
      fileName,
      'the file is neither a PDF nor UTF-8 text. Choose the PDF of the Ofsted report or letter, or a text file of it.',
    );
  }
  const controls = (text.match(/[\u0000-\u0008\u000E-\u001F]/g) ?? []).length;
  if (controls > 0 && controls * 100 > text.length) {
    throw refuse(
      fileName,
      'the file is neither a PDF nor text (it looks like a binary file). Choose the PDF of the Ofsted report or letter, or a text file of it.',
    );
  }
  if (!text.trim()) throw refuse(fileName, 'the file has no text in it.');
  if (!hasWords(text)) throw refuse(fileName, 'the file has too little text to be an Ofsted report or letter.');
  return readText(text);
}
