/**
 * Issue 7 in real Chromium, with axe-core on every page: the reports councils send.
 *
 * An analyst (JavaScript off) opens Reports, asks for the monthly performance pack for members as DOCX, follows it
 * on its progress page with "Check progress" until it is ready, and downloads it: a Word file whose text is the pack.
 * A head of service (JavaScript on) writes an area of the self-evaluation (a blank form gives the GOV.UK error
 * summary; the saved text is on the year's page), then asks for the self-evaluation as PDF for officers and waits
 * on its page, which follows the report by itself, for the download. A member sees only the members' audience,
 * can generate the equalities report for members, and gets 404 for the officers' report.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../src/app/server';
import { checkAccessibility, launch, newContext, signIn as signInAt, startDemo } from './browser';

describe('reports in a real browser', () => {
  let demo: Awaited<ReturnType<typeof startDemo>>;
  let server: RunningServer;
  let browser: Browser;
  /** The officers' self-evaluation, set by the head of service's test and opened by the member's. */
  let internalReportUrl = '';

  before(async () => {
    demo = await startDemo({ childPopulation: 3000, years: 2 });
    server = demo.server;
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  const signIn = (page: Page, username: string) => signInAt(page, server.url, username);
  const h1 = async (page: Page) => ((await page.locator('h1').textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const main = async (page: Page) => ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
  const section = (page: Page, key: string) => page.locator('section', { has: page.locator(`#${key}-title`) });

  /** Chooses the first period, an audience and a format in one kind's form, and asks for the report. */
  async function generate(page: Page, key: string, audience: RegExp, format: string): Promise<void> {
    const form = section(page, key);
    const options = await form.getByLabel('Period').locator('option').allTextContents();
    assert.ok(options.length > 0, `${key} offers periods`);
    await form.getByLabel(audience).check();
    await form.getByLabel(format, { exact: true }).check();
    await form.getByRole('button', { name: 'Generate report' }).click();
    await page.waitForURL(/\/reports\/\d+$/, { timeout: 20_000 });
    await checkAccessibility(page);
  }

  test('an analyst generates the performance pack for members, follows its progress without JavaScript and downloads it', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, 'analyst');
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await page.waitForURL(/\/reports$/);
    await checkAccessibility(page);
    assert.equal(await h1(page), 'Reports');
    for (const title of [
      'Monthly performance pack',
      'Self-evaluation',
      'Committee report on an inspection',
      'Equalities report',
    ])
      assert.match(await main(page), new RegExp(title));

    await generate(page, 'performance-pack', /Members and the public/, 'Word (DOCX)');
    // The page does not follow the report by itself without JavaScript: the reader checks again.
    for (let i = 0; i < 240 && (await page.getByRole('button', { name: /Download the report/ }).count()) === 0; i++) {
      assert.doesNotMatch(await main(page), /Failed/, 'the report failed');
      await page.waitForTimeout(1000);
      await page.getByRole('link', { name: 'Check progress' }).click();
      await page.waitForLoadState('load');
    }
    await checkAccessibility(page);
    const text = await main(page);
    assert.match(text, /Ready/);
    assert.match(text, /Audience Members and public/);
    assert.match(text, /[0-9a-f]{64}/, 'the file’s SHA-256');
    const href = await page.getByRole('button', { name: /Download the report/ }).getAttribute('href');
    const file = await context.request.get(`${server.url}${href}`);
    assert.equal(file.status(), 200);
    assert.match(
      file.headers()['content-disposition'] ?? '',
      /attachment; filename="?lantern-performance-pack-\d{4}-\d{2}-members\.docx"?/,
    );
    const bytes = await file.body();
    assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'a DOCX is a zip');
    await context.close();
  });

  test('a head of service writes the self-evaluation for an area, then generates it as PDF and the page follows it', async () => {
    const context = await newContext(browser, { javaScriptEnabled: true });
    const page = await context.newPage();
    await signIn(page, 'head-of-service');
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await page.waitForURL(/\/reports$/);
    await page.getByRole('link', { name: 'Write the self-evaluation' }).click();
    await page.waitForURL(/\/self-evaluation/);
    await checkAccessibility(page);
    assert.match(await h1(page), /^Self-evaluation \d{4} to \d{4}$/);
    await page.getByRole('link', { name: 'Edit disabled children' }).click();
    await page.waitForURL(/\/self-evaluation\/\d{4}\/[a-z-]+$/);
    await checkAccessibility(page);
    assert.equal(await h1(page), 'Disabled children');

    // Every field blanked: the error summary, nothing saved.
    for (const field of await page.locator('textarea').all()) await field.fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForLoadState('load');
    await checkAccessibility(page);
    assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /There is a problem/);

    const summary =
      'Short breaks reach more families this year; the disabled children’s team closed its waiting list in June.';
    await page.locator('textarea').first().fill(summary);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/self-evaluation(\?.*)?$/);
    await checkAccessibility(page);
    assert.match(await main(page), /Success/);

    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await page.waitForURL(/\/reports$/);
    await generate(page, 'self-evaluation', /Internal/, 'PDF');
    internalReportUrl = page.url();
    // With JavaScript the page follows the report from the API and shows the download when it is ready.
    await page.getByRole('button', { name: /Download the report/ }).waitFor({ timeout: 240_000 });
    await checkAccessibility(page);
    const href = await page.getByRole('button', { name: /Download the report/ }).getAttribute('href');
    const file = await context.request.get(`${server.url}${href}`);
    assert.equal(file.status(), 200);
    const bytes = await file.body();
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    assert.ok(bytes.includes(Buffer.from('Disabled children')) || bytes.length > 10_000, 'a PDF with content');
    await context.close();
  });

  test('a member is offered the members’ version only, generates the equalities report, and cannot open the officers’ report', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, 'member');
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await page.waitForURL(/\/reports$/);
    await checkAccessibility(page);
    assert.equal(
      await section(page, 'equalities')
        .getByLabel(/Internal/)
        .count(),
      0,
      'no internal audience for members',
    );
    assert.doesNotMatch(await main(page), /Internal/);
    await generate(page, 'equalities', /Members and the public/, 'Word (DOCX)');
    assert.ok(internalReportUrl, 'the head of service’s report');
    const response = await page.goto(internalReportUrl);
    assert.equal(response?.status(), 404);
    await checkAccessibility(page);
    await context.close();
  });
});
