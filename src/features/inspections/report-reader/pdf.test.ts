/**
 * Real PDFs, made in the test: a fixture (and the seed) written to HTML as Ofsted lays a report out — a heading, a
 * judgement table, bullets, paragraphs, a running footer with the page number — printed to PDF by Chromium, then read
 * by readReportFile. The record must be the one the text gives. A PDF with no text layer (a picture only, as a scan
 * is) is refused.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { ValidationError } from '../../../errors';
import { readReportFile, readReportText } from './index';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const fixture = (name: string) => readFileSync(path.join(repoRoot, 'test', 'fixtures', 'ofsted-reports', name), 'utf8');
const seed = () => readFileSync(path.resolve(repoRoot, '../shared/seeds/003_0049c76980c3f19e.txt'), 'utf8');
const CHROMIUM = process.env.LANTERN_CHROMIUM ?? '/usr/bin/chromium';

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One paragraph a line → HTML: the first line a heading, tab-separated lines a table, bullets a list. */
function reportHtml(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  const out: string[] = [];
  let table: string[] | null = null;
  let list: string[] | null = null;
  const flush = () => {
    if (table) out.push(`<table><caption>Judgements</caption>${table.join('')}</table>`);
    if (list) out.push(`<ul>${list.join('')}</ul>`);
    table = null;
    list = null;
  };
  lines.forEach((line, i) => {
    const bullet = /^[-•]\s*(.+)$/.exec(line);
    if (i === 0) out.push(`<h1>${escape(line)}</h1>`);
    else if (bullet) {
      if (table) flush();
      list ??= [];
      list.push(`<li>• ${escape(bullet[1] ?? '')}</li>`); // Word's PDFs, Ofsted's, carry the bullet as text
    } else if (line.includes('\t')) {
      if (list) flush();
      const [a, b] = line.split('\t');
      table ??= [];
      table.push(`<tr><td>${escape(a ?? '')}</td><td>${escape(b ?? '')}</td></tr>`);
    } else {
      flush();
      out.push(`<p>${escape(line)}</p>`);
    }
  });
  flush();
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Report</title><style>
    body { font-family: Arial, sans-serif; font-size: 11pt; line-height: 1.4; }
    h1 { font-size: 18pt; } table { border-collapse: collapse; width: 100%; } td { padding: 4pt 8pt; vertical-align: top; }
    td:first-child { width: 60%; } caption { display: none; } ul { list-style: none; padding-left: 12pt; }
  </style></head><body>${out.join('\n')}</body></html>`;
}

describe('reading a PDF printed by Chromium', { skip: existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}` }, () => {
  let browser: Browser;
  before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
  });

  async function pdfOf(html: string, footer: string): Promise<Uint8Array> {
    const page = await browser.newPage();
    try {
      await page.setContent(html);
      const buffer = await page.pdf({
        format: 'A4',
        margin: { top: '20mm', bottom: '25mm', left: '20mm', right: '20mm' },
        displayHeaderFooter: footer.length > 0,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-size:8pt; width:100%; margin: 0 20mm;">${escape(footer)} <span class="pageNumber"></span></div>`,
      });
      return new Uint8Array(buffer);
    } finally {
      await page.close();
    }
  }

  test('the 2024 Kestrelford fixture, footers on every page: the same record as its text', async () => {
    const text = fixture('ilacs-2024-web-paste.txt');
    const bytes = await pdfOf(reportHtml(text), "Inspection of Kestrelford local authority children's services 10 June 2024 – 21 June 2024");
    assert.equal(new TextDecoder().decode(bytes.subarray(0, 5)), '%PDF-');
    const fromPdf = await readReportFile(bytes, 'kestrelford.pdf');
    assert.deepEqual(fromPdf, readReportText(text));
  });

  test('the seed, printed over several pages: 64 paragraphs, 5 judgements, 4 items and the same record as its text', async () => {
    const text = seed();
    const bytes = await pdfOf(reportHtml(text), "Inspection of Barnet local authority children's services 10 June 2024 – 14 June 2024");
    const fromPdf = await readReportFile(bytes, 'barnet.pdf');
    const fromText = readReportText(text);
    assert.equal(fromPdf.paragraphs.length, 64);
    assert.equal(fromPdf.judgements.length, 5);
    assert.equal(fromPdf.recommendations.length, 4);
    assert.deepEqual(fromPdf, fromText);
  });

  test('a PDF named .txt is still read as a PDF (by its %PDF- signature)', async () => {
    const text = fixture('ilacs-2026-four-judgements.txt');
    const fromPdf = await readReportFile(await pdfOf(reportHtml(text), ''), 'calderbrook.txt');
    assert.equal(fromPdf.framework, 'ilacs-2026');
    assert.deepEqual(fromPdf.judgements, readReportText(text).judgements);
  });

  test('a PDF with no text layer (a picture only, like a scan) is refused, naming the file', async () => {
    const html = '<!doctype html><html lang="en"><head><title>Scan</title></head><body><svg width="400" height="500" role="img" aria-label="scan"><rect width="400" height="500" fill="#ddd"/><rect x="40" y="40" width="300" height="12" fill="#333"/></svg></body></html>';
    const bytes = await pdfOf(html, '');
    await assert.rejects(readReportFile(bytes, 'scanned-report.pdf'), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.match(e.errors[0]?.message ?? '', /^scanned-report\.pdf: the PDF has no text to read — it may be a scan/);
      return true;
    });
  });
});
