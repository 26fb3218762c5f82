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
import { ValidationError } from '../../../core/errors';
import { printPdf, reportHtml } from '../../../../harness/report-pdf';
import { readReportFile, readReportText } from './index';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const fixture = (name: string) => readFileSync(path.join(repoRoot, 'test', 'fixtures', 'ofsted-reports', name), 'utf8');
const seed = () =>
  readFileSync(path.join(repoRoot, 'test', 'fixtures', 'ofsted-reports', 'ofsted-barnet-2024.txt'), 'utf8');
const CHROMIUM = process.env.LANTERN_CHROMIUM ?? '/usr/bin/chromium';

describe(
  'reading a PDF printed by Chromium',
  { skip: existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}` },
  () => {
    let browser: Browser;
    before(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    });
    after(async () => {
      await browser?.close();
    });

    const pdfOf = (html: string, footer: string) => printPdf(browser, html, footer);

    test('the 2024 Kestrelford fixture, footers on every page: the same record as its text', async () => {
      const text = fixture('ilacs-2024-web-paste.txt');
      const bytes = await pdfOf(
        reportHtml(text),
        "Inspection of Kestrelford local authority children's services 10 June 2024 – 21 June 2024",
      );
      assert.equal(new TextDecoder().decode(bytes.subarray(0, 5)), '%PDF-');
      const fromPdf = await readReportFile(bytes, 'kestrelford.pdf');
      assert.deepEqual(fromPdf, readReportText(text));
    });

    test('the seed, printed over several pages: 64 paragraphs, 5 judgements, 4 items and the same record as its text', async () => {
      const text = seed();
      const bytes = await pdfOf(
        reportHtml(text),
        "Inspection of Barnet local authority children's services 10 June 2024 – 14 June 2024",
      );
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
      const html =
        '<!doctype html><html lang="en"><head><title>Scan</title></head><body><svg width="400" height="500" role="img" aria-label="scan"><rect width="400" height="500" fill="#ddd"/><rect x="40" y="40" width="300" height="12" fill="#333"/></svg></body></html>';
      const bytes = await pdfOf(html, '');
      await assert.rejects(readReportFile(bytes, 'scanned-report.pdf'), (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.match(
          e.errors[0]?.message ?? '',
          /^scanned-report\.pdf: the PDF has no text to read — it may be a scan/,
        );
        return true;
      });
    });
  },
);
