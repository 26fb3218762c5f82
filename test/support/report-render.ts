/**
 * A generated report opened as its reader opens it (issue 7's "Done means"): the DOCX opened by LibreOffice and
 * converted to PDF, that PDF rendered to PNG pages by poppler's pdftoppm, and the PDF's text read back page by page
 * (unpdf) — so a test can check that the headings, tables and figures are on the rendered pages, and that every page
 * rendered as a picture with something on it. In CI both tools must be there (.ci/run installs libreoffice and
 * poppler-utils); elsewhere the tests skip with a message.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDocumentProxy } from 'unpdf';
import { libreOffice } from './office';

const present = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' }).status === 0;

/** A test's `skip` option: false when LibreOffice and pdftoppm are here; in CI their absence is an error. */
export function renderSkip(what: string): false | string {
  const ok = present('soffice', ['--version']) && present('pdftoppm', ['-v']);
  if (!ok && process.env.CI)
    throw new Error(`soffice (LibreOffice) and pdftoppm (poppler-utils) must be installed in CI: ${what}`);
  return ok ? false : 'soffice (LibreOffice) or pdftoppm (poppler-utils) is not installed here; CI runs this';
}

export interface RenderedReport {
  /** The PDF LibreOffice wrote. */
  pdf: Buffer;
  /** Each page's text, in reading order, runs joined by spaces (whitespace collapsed). */
  pages: string[];
  /** All the pages' text, joined. */
  text: string;
  /** Each PNG page's size in bytes (a blank page compresses to almost nothing). */
  pngBytes: number[];
  /** The first page's PNG, for a person to look at when a test fails. */
  firstPng: Buffer;
}

/** Opens a DOCX in LibreOffice, converts it to PDF, renders every page to PNG (50 dpi) and reads the text back. */
export async function renderDocx(docx: Buffer, name = 'report'): Promise<RenderedReport> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lantern-render-'));
  const office = libreOffice();
  try {
    const file = path.join(dir, `${name}.docx`);
    writeFileSync(file, docx);
    office.convert('pdf', [file], dir);
    const pdfFile = path.join(dir, `${name}.pdf`);
    const pdf = readFileSync(pdfFile);
    const r = spawnSync('pdftoppm', ['-png', '-r', '50', pdfFile, path.join(dir, 'page')], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    assert.equal(r.status, 0, `pdftoppm failed: ${r.stderr}`);
    const pngs = readdirSync(dir)
      .filter((f) => /^page-\d+\.png$/.test(f))
      .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      const runs = content.items.map((i) => ('str' in i ? i.str : ''));
      pages.push(runs.join(' ').replace(/\s+/g, ' ').trim());
    }
    assert.equal(pngs.length, doc.numPages, 'one PNG for every page of the PDF');
    return {
      pdf,
      pages,
      text: pages.join(' '),
      pngBytes: pngs.map((f) => statSync(path.join(dir, f)).size),
      firstPng: readFileSync(path.join(dir, pngs[0] ?? 'page-1.png')),
    };
  } finally {
    office.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
