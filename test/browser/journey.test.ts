/**
 * In real Chromium, as a user would: sign in to the demo authority, find a child, open the record, read the
 * chronology, and, as an admin, read the access log that recorded it; as an analyst, import a 903 return, read its
 * report and withdraw it. axe-core runs on every page visited.
 * The journey runs twice: with JavaScript, and with JavaScript turned off (everything must work without it).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { allocations, authorities, children, cpPlans, periodsOfCare, users } from '../../src/db/schema/index';
import { exportSsda903 } from '../../src/features/exports/ssda903/index';
import { SAMPLE_903 } from '../support/ssda903-sample';
import type { RunningServer } from '../../src/app/server';
import { checkAccessibility, launch, newContext, signIn as signInAt, startDemo, visit } from './browser';

describe('the child record in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let demo: Awaited<ReturnType<typeof startDemo>>;
  /** A child in the demo team-manager's team who has been on a CP plan or in care: a long chronology. */
  let child: { lanternId: string; firstName: string | null; lastName: string | null };

  before(async () => {
    demo = await startDemo({ childPopulation: 8000, years: 3 });
    server = demo.server;
    const db = server.runtime.database.db;
    const [manager] = await db.select().from(users).where(eq(users.username, 'team-manager'));
    assert.ok(manager?.teamId);
    const [row] = await db
      .select({ lanternId: children.lanternId, firstName: children.firstName, lastName: children.lastName })
      .from(children)
      .innerJoin(
        allocations,
        and(eq(allocations.childId, children.id), isNull(allocations.endDate), eq(allocations.teamId, manager.teamId)),
      )
      .where(
        sql`exists (select 1 from ${cpPlans} where ${cpPlans.childId} = ${children.id}) or exists (select 1 from ${periodsOfCare} where ${periodsOfCare.childId} = ${children.id})`,
      )
      .orderBy(children.id)
      .limit(1);
    assert.ok(row, 'the demo team has a child with a CP plan or a period of care');
    child = row;
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  const signIn = (page: Page, username: string) => signInAt(page, server.url, username);

  /**
   * Uploads files on the import page, waits for the job (with JavaScript the page follows it; without, the user
   * presses Refresh), and opens the import's report: axe on each page.
   */
  async function importAndReadReport(page: Page, files: string[], javaScript: boolean): Promise<void> {
    await visit(page, `${server.url}/data/imports`);
    await page.getByLabel('Files to import').setInputFiles(files);
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.waitForURL(/\/data\/imports\/jobs\//);
    await checkAccessibility(page);
    for (let i = 0; i < 100 && !((await page.locator('h1').textContent()) ?? '').includes('Import finished'); i++) {
      if (javaScript) await page.waitForTimeout(200);
      else await page.getByRole('button', { name: 'Refresh' }).click();
    }
    assert.equal((await page.locator('h1').textContent())?.trim(), 'Import finished');
    await checkAccessibility(page);
    await page
      .locator('main')
      .getByRole('link', { name: /Report/ })
      .first()
      .click();
    await page.waitForURL(/\/data\/imports\/\d+$/);
    await checkAccessibility(page);
  }

  for (const javaScriptEnabled of [true, false]) {
    test(`a team manager finds a child and reads the chronology (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await newContext(browser, { javaScriptEnabled });
      const page = await context.newPage();
      await signIn(page, 'team-manager');
      assert.match((await page.locator('h1').textContent()) ?? '', /Welcome/);

      // Search by surname from the home page's search box.
      await page.getByLabel('Find a child').fill(child.lastName ?? child.lanternId);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/\/children\?/);
      await checkAccessibility(page);
      await page
        .getByRole('link', { name: new RegExp(`${child.firstName} ${child.lastName}`) })
        .first()
        .click();
      await page.waitForURL(new RegExp(`/children/${child.lanternId}`));
      await checkAccessibility(page);
      assert.equal((await page.locator('h1').textContent())?.trim(), `${child.firstName} ${child.lastName}`);
      assert.match((await page.locator('main').textContent()) ?? '', new RegExp(child.lanternId));

      // The chronology lists events in date order, and includes the child-protection or care part of the journey.
      const chronologyLink = page.getByRole('link', { name: /chronology/i }).first();
      if (await chronologyLink.count()) {
        await chronologyLink.click();
        await checkAccessibility(page);
      }
      const text = (await page.locator('main').textContent()) ?? '';
      assert.match(text, /Child protection plan|Period of care|Started to be looked after|looked after/i);
      const dates = await page
        .locator('[data-chronology-date]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-chronology-date') ?? ''));
      assert.ok(dates.length > 3, 'the chronology has several events');
      assert.deepEqual(dates, [...dates].sort(), 'in date order');

      // Looking for a child outside the team finds nothing and a direct link answers 404.
      await visit(page, `${server.url}/children/L9999999`, 404);
      await context.close();
    });
  }

  test(`an analyst imports last year's 903 on top of the demo (JavaScript on), reads that no figure changed and a child's sources, withdraws it (JavaScript off) and downloads Annex A`, async () => {
    // Last year's return (2024/25), as Lantern exports it from the demo: the same events the demo holds.
    const dir = mkdtempSync(path.join(tmpdir(), 'lantern-browser-903-'));
    const db = server.runtime.database.db;
    const [demoAuthority] = await db
      .select({ id: authorities.id })
      .from(authorities)
      .where(eq(authorities.code, 'DEMO'));
    assert.ok(demoAuthority);
    const files = (await exportSsda903(db, demoAuthority.id, { year: 2025 }, dir)).files.map((f) => f.name);
    // A child in care during 2024/25, whose record the return also gives.
    const [inCare] = await db
      .select({ lanternId: children.lanternId })
      .from(children)
      .innerJoin(periodsOfCare, eq(periodsOfCare.childId, children.id))
      .where(
        and(
          eq(children.authorityId, demoAuthority.id),
          sql`${periodsOfCare.startDate} <= '2025-03-31' and (${periodsOfCare.endDate} is null or ${periodsOfCare.endDate} >= '2024-04-01')`,
        ),
      )
      .orderBy(children.id)
      .limit(1);
    assert.ok(inCare, 'the demo has a child in care in 2024/25');
    const context = await newContext(browser, { javaScriptEnabled: true });
    const page = await context.newPage();
    await signIn(page, 'analyst');
    await importAndReadReport(
      page,
      files.map((n) => path.join(dir, n)),
      true,
    );
    assert.match((await page.locator('h1').textContent()) ?? '', /SSDA903 children looked after return 2024\/25/);
    // The same events the demo holds: merged into them, so no figure moves.
    assert.match((await page.locator('main').textContent()) ?? '', /No headline figure changed at 31 March 2025\./);
    const report = page.url();
    const importId = /\/(\d+)$/.exec(report)?.[1] ?? '';

    // The child's record says the return is one of the sources of their events.
    await visit(page, `${server.url}/children/${inCare.lanternId}?sources=1`);
    assert.match(
      (await page.locator('main').textContent()) ?? '',
      new RegExp(`SSDA903 2024/25 \\(import ${importId}\\)`),
    );
    await context.close();

    const offContext = await newContext(browser, { javaScriptEnabled: false });
    const off = await offContext.newPage();
    await signIn(off, 'analyst');
    await off.goto(report);
    // Withdraw it, without JavaScript: a reason is required; the withdrawal runs in the background, and the user
    // presses Refresh until its page goes on to the report, which then says who withdrew it and why.
    await off.getByRole('button', { name: 'Withdraw this import' }).click();
    await off.waitForURL(/\/data\/imports\/\d+\/withdraw$/);
    await checkAccessibility(off);
    await off.getByRole('button', { name: 'Withdraw import' }).click();
    assert.match(
      (await off.locator('.govuk-error-summary').textContent()) ?? '',
      /Enter why the import is being withdrawn/,
    );
    await off.getByLabel('Why is this import being withdrawn?').fill('Imported to try the journey');
    await off.getByRole('button', { name: 'Withdraw import' }).click();
    await checkAccessibility(off);
    for (let i = 0; i < 300 && !/\/data\/imports\/\d+$/.test(off.url()); i++)
      await off.getByRole('button', { name: 'Refresh' }).click();
    await off.waitForURL(/\/data\/imports\/\d+$/);
    await checkAccessibility(off);
    const withdrawn = (await off.locator('main').textContent()) ?? '';
    assert.match(withdrawn, /Withdrawn by\s*analyst/);
    assert.match(withdrawn, /Imported to try the journey/);
    assert.match(withdrawn, /What withdrawing it did/);
    // And the child's record no longer names it.
    await visit(off, `${server.url}/children/${inCare.lanternId}?sources=1`);
    assert.doesNotMatch((await off.locator('main').textContent()) ?? '', new RegExp(`\\(import ${importId}\\)`));

    await visit(off, `${server.url}/data/exports`);
    const [download] = await Promise.all([
      off.waitForEvent('download'),
      off.getByRole('button', { name: 'Download Annex A' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^DEMO-annex-a-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await offContext.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an analyst imports a 903 return without JavaScript, pressing Refresh until it is done, and reads its report', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lantern-browser-903-'));
    const files = {
      'header.csv': SAMPLE_903.header,
      'episodes.csv': SAMPLE_903.episodes,
      'sw.csv': SAMPLE_903.socialWorkers,
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, 'analyst');
    await importAndReadReport(
      page,
      Object.keys(files).map((n) => path.join(dir, n)),
      false,
    );
    assert.match((await page.locator('h1').textContent()) ?? '', /SSDA903 children looked after return 2025\/26/);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an admin reads the access log that recorded the view; an elected member sees only aggregates', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'admin');
    await visit(page, `${server.url}/admin/access-log?action=child.view&recordId=${child.lanternId}`);
    const rows = await page.locator('main tbody tr').count();
    assert.ok(rows >= 2, 'both journeys’ views were logged');
    await visit(page, `${server.url}/admin/users`);
    // A user's account page (status, tokens, disable), reached from the list.
    const account = await page.locator('main table a[href^="/admin/users/"]').first().getAttribute('href');
    assert.ok(account, 'the list links each user to their account');
    await visit(page, `${server.url}${account}`);
    await visit(page, `${server.url}/children?q=${encodeURIComponent(child.lanternId)}`);
    await context.close();

    const memberContext = await newContext(browser);
    const member = await memberContext.newPage();
    await signIn(member, 'member');
    assert.match((await member.locator('main').textContent()) ?? '', /Children in care/);
    await visit(member, `${server.url}/children/${child.lanternId}`, 404);
    await memberContext.close();
  });
});
