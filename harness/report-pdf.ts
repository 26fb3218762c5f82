/**
 * An Ofsted report's text printed to a real PDF by Chromium, laid out as Ofsted's PDFs are — the title a heading, the
 * judgement table a table (tab-separated lines), bullets a list with the bullet carried as text (as Word's PDFs do),
 * paragraphs — with a running footer and page number on every page. Used by the reader's PDF tests, the browser test
 * that uploads a report, and the benchmark.
 */
import type { Browser } from 'playwright-core';

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One paragraph a line → HTML: the first line a heading, tab-separated lines a table, bullets a list. */
export function reportHtml(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
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
      list.push(`<li>• ${escape(bullet[1] ?? '')}</li>`);
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

/** HTML printed to an A4 PDF; with a footer, it runs on every page followed by the page number. */
export async function printPdf(browser: Browser, html: string, footer = ''): Promise<Uint8Array> {
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

/** A report's text as the PDF Ofsted would publish. */
export function reportPdf(browser: Browser, text: string, footer = ''): Promise<Uint8Array> {
  return printPdf(browser, reportHtml(text), footer);
}
