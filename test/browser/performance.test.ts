/**
 * Issue 4 in real Chromium, with axe-core on every page: a head of service reads the performance dashboards with
 * their benchmarks, writes commentary and drills down to the children behind a number; an elected member reads the
 * same dashboards with small numbers suppressed and no way to the children; a team manager works from the trackers
 * (sort, filter, CSV, open a child); an admin changes a target; an analyst opens the reference data page.
 * The demo borough loads the published reference files (the repository's reference-data/) on first start, so benchmarks
 * show. Journeys that post forms run with JavaScript on and off.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../src/app/server';
import { checkAccessibility, launch, newContext, signIn as signInAt, startDemo, visit } from './browser';

describe('performance dashboards and trackers in a real browser', () => {
  let demo: Awaited<ReturnType<typeof startDemo>>;
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    demo = await startDemo({ childPopulation: 8000, years: 3 });
    server = demo.server;
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  const signIn = (page: Page, username: string) => signInAt(page, server.url, username);

  const h1 = async (page: Page) => ((await page.locator('h1').textContent()) ?? '').trim();

  for (const javaScriptEnabled of [true, false]) {
    test(`a head of service reads a dashboard, writes commentary and drills down to the children (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await newContext(browser, { javaScriptEnabled });
      const page = await context.newPage();
      await signIn(page, 'head-of-service');
      await page.getByRole('link', { name: 'Performance', exact: true }).click();
      await page.waitForURL(/\/performance$/);
      await checkAccessibility(page);
      assert.match(await h1(page), /^Performance indicators: /);

      // The period chooser is a plain GET form.
      await page.getByLabel('Financial year').check();
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/period=year/);
      await checkAccessibility(page);
      assert.match(await h1(page), /^Performance indicators: \d{4}\/\d{2}/);

      await visit(page, `${server.url}/performance`);
      await page.getByRole('link', { name: 'Children in care', exact: true }).first().click();
      await page.waitForURL(/\/performance\/children-in-care/);
      await checkAccessibility(page);
      assert.match(await h1(page), /^Children in care: /);
      assert.ok((await page.locator('svg.app-chart').count()) > 5, 'a trend chart for each indicator');

      // One indicator: its definition, benchmarks from the published DfE files, and the commentary form.
      await page.getByRole('link', { name: 'Children in care per 10,000 children', exact: true }).click();
      await page.waitForURL(/\/performance\/indicators\/cla-per-10k/);
      await checkAccessibility(page);
      assert.equal(await h1(page), 'Children in care per 10,000 children');
      const main = (await page.locator('main').textContent()) ?? '';
      assert.match(main, /Benchmarks by published year/);
      assert.match(main, /England/);
      assert.match(main, /Statistical neighbours \(mean\)/);
      const note = `Fewer children are coming into care (${javaScriptEnabled ? 'on' : 'off'})`;
      await page.getByLabel('What is going well').fill(note);
      await page.getByRole('button', { name: 'Save commentary' }).click();
      await page.waitForURL(/saved=1/);
      await checkAccessibility(page);
      assert.match((await page.locator('main').textContent()) ?? '', new RegExp(note.replace(/[()]/g, '\\$&')));

      await page
        .getByRole('link', { name: /See who is behind this number/ })
        .first()
        .click();
      await page.waitForURL(/\/children\?/);
      await checkAccessibility(page);
      assert.equal(await h1(page), 'Children behind this number');
      await page.locator('main table a').first().click();
      await page.waitForURL(/\/children\/L\d+/);
      await checkAccessibility(page);
      await context.close();
    });
  }

  test('a member sees the dashboards with small numbers as c, the equalities view, and never a child', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'member');
    await visit(page, `${server.url}/performance`);
    await visit(page, `${server.url}/performance/front-door`);
    assert.match((await page.locator('main').textContent()) ?? '', /shown as c to protect children’s privacy/);
    assert.equal(await page.getByRole('link', { name: /See who is behind this number/ }).count(), 0);
    await visit(page, `${server.url}/performance/equalities`);
    assert.match(await h1(page), /^Equalities as at /);
    await visit(page, `${server.url}/performance/indicators/rereferrals-12-months/children`, 403);
    await visit(page, `${server.url}/trackers`, 403);
    await context.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`a team manager works from the trackers: sorts, filters, downloads and opens a child (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await newContext(browser, { javaScriptEnabled });
      const page = await context.newPage();
      await signIn(page, 'team-manager');
      await page.getByRole('link', { name: 'Trackers', exact: true }).click();
      await page.waitForURL(/\/trackers$/);
      await checkAccessibility(page);
      assert.equal(await h1(page), 'Trackers');
      await page.getByRole('link', { name: 'Work due and overdue' }).first().click();
      await page.waitForURL(/\/trackers\/due/);
      await checkAccessibility(page);
      assert.equal(await h1(page), 'Work due and overdue');
      assert.match(
        (await page.locator('main').textContent()) ?? '',
        /You can see only children allocated to your team/,
      );

      // Sort by a column heading (a link), then filter to overdue work only.
      const sortLink = page.locator('main thead a').first();
      if (await sortLink.count()) {
        await sortLink.click();
        await page.waitForURL(/sort=/);
        await checkAccessibility(page);
      }
      await page.getByLabel('Status').selectOption({ label: 'Overdue' });
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/status=overdue/);
      await checkAccessibility(page);

      const csv = await page.request.get(
        await page
          .getByRole('link', { name: 'Download this list as CSV' })
          .getAttribute('href')
          .then((h) => new URL(h ?? '', page.url()).toString()),
      );
      assert.equal(csv.status(), 200);
      assert.match(csv.headers()['content-type'] ?? '', /text\/csv/);

      const child = page.locator('main tbody a[href^="/children/"]').first();
      if (await child.count()) {
        await child.click();
        await page.waitForURL(/\/children\/L\d+/);
        await checkAccessibility(page);
      }
      await visit(page, `${server.url}/trackers/caseloads`);
      await visit(page, `${server.url}/trackers/plo`);
      await context.close();
    });
  }

  test('an admin changes a target (an error first); an analyst reads the reference data page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'admin');
    await page.getByRole('link', { name: 'Targets', exact: true }).click();
    await page.waitForURL(/\/admin\/indicators$/);
    await checkAccessibility(page);
    await page.getByRole('link', { name: 'Re-referrals within 12 months', exact: true }).click();
    await page.waitForURL(/\/admin\/indicators\/rereferrals-12-months/);
    await checkAccessibility(page);
    await page.getByLabel('Green threshold').fill('30');
    await page.getByLabel('Amber threshold').fill('25');
    await page.getByRole('button', { name: 'Save target' }).click();
    await checkAccessibility(page);
    assert.match(
      (await page.locator('.govuk-error-summary').textContent()) ?? '',
      /the green threshold must be at most the amber threshold/,
    );
    await page.getByLabel('Green threshold').fill('18');
    await page.getByLabel('Amber threshold').fill('22');
    await page.getByRole('button', { name: 'Save target' }).click();
    await page.waitForURL(/\/admin\/indicators\?saved=/);
    await checkAccessibility(page);
    assert.match(
      (await page.locator('main').textContent()) ?? '',
      /The target for Re-referrals within 12 months has been saved/,
    );
    await context.close();

    const analystContext = await newContext(browser);
    const analyst = await analystContext.newPage();
    await signIn(analyst, 'analyst');
    await visit(analyst, `${server.url}/admin/reference`);
    assert.equal(await h1(analyst), 'Reference data');
    assert.match((await analyst.locator('main').textContent()) ?? '', /Barnet/);
    await visit(analyst, `${server.url}/trackers`);
    await analystContext.close();
  });
});
