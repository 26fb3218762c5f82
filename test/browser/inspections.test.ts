/**
 * Issue 5 in real Chromium, with axe-core on every page: a head of service reads in the PDF of an Ofsted report,
 * corrects what the reader proposed and saves it; builds an action that answers one of its recommendations, links
 * the evidence that will show its impact, records progress, watches the impact view and exports the plan. An
 * analyst filters the national picture; an elected member reads the inspections, the plan and an impact view but
 * cannot change them. The cycle runs with JavaScript on and off.
 *
 * The report is one of the reader's fictional fixtures (an April-2026-style inspection: four judgements, no overall
 * effectiveness), printed to PDF by Chromium in Ofsted's layout with a running footer, so the upload is a real PDF.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../src/app/server';
import { reportPdf } from '../../harness/report-pdf';
import { checkAccessibility, launch, newContext, signIn as signInAt, startDemo, visit } from './browser';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/ofsted-reports/ilacs-2026-four-judgements.txt');

describe('inspections and the improvement plan in a real browser', () => {
  let demo: Awaited<ReturnType<typeof startDemo>>;
  let server: RunningServer;
  let browser: Browser;
  let pdf: Buffer;

  before(async () => {
    demo = await startDemo({ childPopulation: 8000, years: 3 });
    server = demo.server;
    browser = await launch();
    pdf = Buffer.from(
      await reportPdf(
        browser,
        readFileSync(FIXTURE, 'utf8'),
        "Inspection of Calderbrook local authority children's services 11 May 2026 – 15 May 2026",
      ),
    );
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  const signIn = (page: Page, username: string) => signInAt(page, server.url, username);
  const h1 = async (page: Page) => ((await page.locator('h1').textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const main = async (page: Page) => ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');

  for (const javaScriptEnabled of [true, false]) {
    const js = javaScriptEnabled ? 'on' : 'off';
    test(`a head of service reads in a report, corrects and saves it, answers a recommendation with an action, links evidence and exports the plan (JavaScript ${js})`, async () => {
      const context = await newContext(browser, { javaScriptEnabled });
      const page = await context.newPage();
      await signIn(page, 'head-of-service');

      // The timeline: the demo borough's history, from the inadequate single inspection of 2017.
      await page.getByRole('link', { name: 'Inspections', exact: true }).click();
      await page.waitForURL(/\/inspections$/);
      await checkAccessibility(page);
      assert.equal(await h1(page), 'Inspections');
      const timeline = await main(page);
      assert.match(timeline, /Single inspection \(SIF\)/);
      assert.match(timeline, /ILACS short inspection/);
      assert.match(timeline, /Outstanding/);

      // Read in the PDF.
      await page.getByRole('button', { name: 'Read in an Ofsted report' }).click();
      await page.waitForURL(/\/inspections\/read$/);
      await checkAccessibility(page);
      await page
        .getByLabel('Report file')
        .setInputFiles({ name: 'calderbrook-2026.pdf', mimeType: 'application/pdf', buffer: pdf });
      await page.getByRole('button', { name: 'Read the report' }).click();
      await page.waitForLoadState('load');
      await checkAccessibility(page);

      // The proposal, for the user to check: kind, dates, the lead inspector, four judgements and no overall grade.
      // Monday to Friday on site: a short inspection (one week on site under Ofsted's ILACS framework).
      assert.equal(await page.getByLabel('Kind of inspection or visit').inputValue(), 'ilacs-short');
      assert.equal(await page.getByLabel('Framework').inputValue(), 'ilacs-2026');
      assert.equal(await page.getByLabel('Lead inspector (optional)').inputValue(), 'Tomasz Nowak');
      assert.equal(
        await page.getByLabel('The experiences and progress of children who need help and protection').inputValue(),
        'requires-improvement',
      );
      assert.equal(
        await page.getByLabel('The experiences and progress of children in care', { exact: true }).inputValue(),
        'good',
      );
      assert.equal(
        await page.getByLabel('Overall effectiveness').count(),
        0,
        'the 2026 framework has no overall effectiveness',
      );
      const recommendations = await page.getByLabel('What needs to improve (recommendations)').inputValue();
      assert.match(recommendations, /timeliness of initial child protection conferences/);

      // The user completes and corrects it: the day the report arrived (not in the report), and one recommendation
      // worded as the covering letter words it.
      await page.locator('#reportReceivedOn-day').fill('10');
      await page.locator('#reportReceivedOn-month').fill('6');
      await page.locator('#reportReceivedOn-year').fill('2026');
      const corrected = recommendations.replace(
        'The quality of plans for children in need.',
        `The quality and review of plans for children in need (${js}).`,
      );
      assert.notEqual(corrected, recommendations);
      await page.getByLabel('What needs to improve (recommendations)').fill(corrected);
      await page.getByRole('button', { name: 'Save inspection' }).click();
      await page.waitForURL(/\/inspections\/\d+/);
      await checkAccessibility(page);
      const record = await main(page);
      assert.match(record, /The inspection record was saved/);
      assert.match(record, /ILACS short inspection/);
      assert.match(record, /Tomasz Nowak/);
      assert.match(record, new RegExp(`The quality and review of plans for children in need \\(${js}\\)`));
      assert.doesNotMatch(record, /Overall effectiveness/);
      // Received Wednesday 10 June 2026 (day 0). Publish within 30 working days: 2 (11–12 June) + 5 × 5 (15 June –
      // 17 July) = 27, then 20, 21, 22 July → Wednesday 22 July 2026. Action plan within 70: 57 by Friday 28 August,
      // Monday 31 August is the summer bank holiday, 1–4 September → 61, 7–11 → 66, 14–17 → 70: Thursday 17 September 2026.
      assert.match(record, /22 July 2026/);
      assert.match(record, /17 September 2026/);
      const inspectionUrl = page.url();

      // Answer the corrected recommendation with a new action.
      await page.getByRole('link', { name: /add an action that answers recommendation 2/ }).click();
      await page.waitForURL(/\/improvement\/actions\/new\?recommendation=\d+/);
      await checkAccessibility(page);
      assert.equal(await h1(page), 'Add an action');
      const checked = page.locator('input[name="recommendationIds"]:checked');
      assert.equal(await checked.count(), 1, 'the recommendation is ticked already');
      await page.getByLabel('Objective').selectOption({ index: 1 });
      const title = `Review every child in need plan at six weeks with the family (${js})`;
      await page.getByLabel('Action', { exact: true }).fill(title);
      await page.getByLabel('Owner').fill('Head of Service, Children in Need');
      await page.locator('#startDate').fill('1');
      await page.locator('#startDate-month').fill('6');
      await page.locator('#startDate-year').fill('2026');
      await page.locator('#dueDate').fill('31');
      await page.locator('#dueDate-month').fill('3');
      await page.locator('#dueDate-year').fill('2027');
      await page.getByLabel('In progress').check();
      await page.getByLabel('Green').check();
      await page.getByRole('button', { name: 'Save action' }).click();
      await page.waitForURL(/\/improvement\/actions\/\d+\?saved=action$/);
      await checkAccessibility(page);
      assert.match(await h1(page), new RegExp(title.replace(/[()]/g, '\\$&')));

      // Its evidence: an indicator with the value that would show success, and an audit domain.
      await page.getByRole('link', { name: 'Choose its evidence' }).click();
      await page.waitForURL(/\/evidence$/);
      await checkAccessibility(page);
      await page.getByLabel('Child in need plans open 6 months or more', { exact: true }).check();
      await page.locator('#target-cin-plans-open-6-months').fill('120');
      await page.getByLabel('Quality of planning').check();
      await page.getByRole('button', { name: 'Save evidence' }).click();
      await page.waitForURL(/\/improvement\/actions\/\d+\?saved=evidence$/);
      await checkAccessibility(page);

      // The impact view: the indicator's monthly trend with its data table, and the domain's audit grades by month.
      const impact = await main(page);
      assert.match(impact, /Impact/);
      assert.match(impact, /Before the action/);
      assert.match(impact, /Success target/);
      assert.match(impact, /Quality of planning/);
      assert.ok(
        (await page.locator('main svg').count()) >= 2,
        'a chart for the indicator and one for the audit domain',
      );
      assert.ok((await page.locator('main table').count()) >= 2, 'each chart has its data table');

      // A progress update.
      await page.getByRole('link', { name: 'Add a progress update' }).click();
      await page.waitForURL(/\/progress$/);
      await checkAccessibility(page);
      await page.locator('#updatedOn').fill('2');
      await page.locator('#updatedOn-month').fill('6');
      await page.locator('#updatedOn-year').fill('2026');
      await page.getByLabel('In progress').check();
      await page.getByLabel('Amber').check();
      await page.getByLabel('Progress note').fill(`Six-week reviews started in two teams (${js}).`);
      await page.getByRole('button', { name: 'Save update' }).click();
      await page.waitForURL(/\?saved=progress/);
      await checkAccessibility(page);
      assert.match(await main(page), new RegExp(`Six-week reviews started in two teams \\(${js}\\)`));

      // The recommendation now shows the action that answers it.
      await visit(page, inspectionUrl);
      assert.match(
        await main(page),
        new RegExp(`Review every child in need plan at six weeks with the family \\(${js}\\)`),
      );

      // The whole plan on one page, and its exports.
      await page.getByRole('link', { name: 'Improvement plan', exact: true }).click();
      await page.waitForURL(/\/improvement$/);
      await checkAccessibility(page);
      const plan = await main(page);
      assert.match(plan, new RegExp(title.replace(/[()]/g, '\\$&')));
      assert.match(plan, /Overdue/);
      for (const [link, pattern] of [
        ['spreadsheet (XLSX)', /\.xlsx$/],
        ['document (DOCX)', /\.docx$/],
      ] as const) {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: link }).click(),
        ]);
        assert.match(download.suggestedFilename(), pattern);
        const file = await download.path();
        assert.ok(file && readFileSync(file).subarray(0, 2).toString() === 'PK', `${link} is a zip (OOXML) file`);
      }
      await context.close();
    });
  }

  test('an analyst filters the national picture by region and grade', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'analyst');
    await visit(page, `${server.url}/inspections/national`);
    assert.equal(await h1(page), 'National picture: Ofsted judgements');
    assert.match(await main(page), /statistical neighbours/);
    await page.getByLabel('Ofsted region').selectOption('London');
    await page.getByLabel('Grade', { exact: true }).selectOption('inadequate');
    await page.getByRole('button', { name: 'Show authorities' }).click();
    await page.waitForURL(/region=London/);
    await checkAccessibility(page);
    // Ofsted's official outcomes at 31 March 2025 and the later published inspections: the filter leaves only
    // London authorities graded inadequate (Harrow, January 2025, among them), not all 33 London authorities.
    const table = page.locator('table', {
      has: page.locator('caption', { hasText: 'Latest judgements of each authority' }),
    });
    const rows = await table.locator('tbody tr').allTextContents();
    assert.ok(rows.length >= 1 && rows.length < 33, `${rows.length} London authorities inadequate`);
    assert.ok(rows.some((r) => r.includes('Harrow')));
    for (const row of rows) assert.match(row, /Inadequate/);
    await context.close();
  });

  test('an elected member reads the inspections, the plan and an impact view, and cannot change them', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, 'member');
    await page.getByRole('link', { name: 'Inspections', exact: true }).click();
    await page.waitForURL(/\/inspections$/);
    await checkAccessibility(page);
    assert.equal(await page.getByRole('button', { name: 'Read in an Ofsted report' }).count(), 0);
    await page.getByRole('link', { name: 'Improvement plan', exact: true }).click();
    await page.waitForURL(/\/improvement$/);
    await checkAccessibility(page);
    assert.equal(await page.getByRole('button', { name: 'Add an action' }).count(), 0);
    await page.locator('main table a').first().click();
    await page.waitForURL(/\/improvement\/actions\/\d+$/);
    await checkAccessibility(page);
    assert.match(await main(page), /Impact/);
    assert.equal(await page.getByRole('link', { name: 'Change the action' }).count(), 0);
    const refused = await page.goto(`${server.url}/inspections/read`);
    assert.equal(refused?.status(), 403);
    await context.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`a head of service reads the audit results, filters them, reads moderation agreement and downloads the QA report (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await newContext(browser, { javaScriptEnabled });
      const page = await context.newPage();
      await signIn(page, 'head-of-service');
      await page.getByRole('link', { name: 'Audits', exact: true }).click();
      await page.waitForURL(/\/quality$/);
      await checkAccessibility(page);
      assert.equal(await h1(page), 'Audit results');
      assert.match(await main(page), /Grades by practice domain/);
      await page.getByLabel('Practice domain').selectOption({ label: 'Quality of assessment' });
      await page.getByRole('button', { name: 'Show results' }).click();
      await page.waitForURL(/domain=\d+/);
      await checkAccessibility(page);
      assert.match(await main(page), /Quality of assessment/);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: /Download the quality assurance report/ }).click(),
      ]);
      assert.match(download.suggestedFilename(), /\.docx$/);
      await visit(page, `${server.url}/quality/agreement`);
      assert.equal(await h1(page), 'Moderation agreement');
      assert.match(await main(page), /Weighted kappa|weighted kappa/);
      await context.close();
    });
  }

  test('an elected member reads the audit results with small numbers suppressed; a social worker may not', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, 'member');
    await visit(page, `${server.url}/quality`);
    await visit(page, `${server.url}/quality/agreement`);
    await context.close();
    const worker = await (await newContext(browser)).newPage();
    await signIn(worker, 'social-worker');
    // The social worker's "Audits" is the list of their team's audits, not the results.
    assert.equal(
      await worker.getByRole('link', { name: 'Audits', exact: true }).getAttribute('href'),
      '/quality/audits',
    );
    assert.equal((await worker.goto(`${server.url}/quality`))?.status(), 403);
    await worker.context().close();
  });
});
