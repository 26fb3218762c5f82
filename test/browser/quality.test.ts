/**
 * Issue 6 in real Chromium, with axe-core on every page: the quality assurance programme end to end.
 *
 * A QA lead (the qa-auditor) reads the audit framework, sets up a thematic programme, chooses its cases with a seed
 * and allocates them, giving one by hand to the team manager (never a case of their own team). The team manager
 * reads the child's record, completes the audit with its grades, narrative, reflections and an action, and submits
 * it, after which it is locked. The head of service moderates it (double lock), changing one grade with a reason,
 * and reads the results, the themes from actions and the monthly report. Each role sees only what it should: a
 * social worker reads their team's audits but not programmes or moderation; an analyst has the aggregates but no
 * casework; a member reads the results only; an administrator runs programmes but reads no audit.
 *
 * The auditor's part runs with JavaScript off, the QA lead's and moderator's with it on.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../src/app/server';
import { checkAccessibility, launch, newContext, signIn as signInAt, startDemo, visit } from './browser';

describe('the quality assurance programme in a real browser', () => {
  let demo: Awaited<ReturnType<typeof startDemo>>;
  let server: RunningServer;
  let browser: Browser;
  /** Set by the QA lead's test, read by the ones after it. */
  let programmeUrl = '';
  let allocatedChild = '';
  let auditUrl = '';

  before(async () => {
    demo = await startDemo({ childPopulation: 4000, years: 2 });
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
  /** The names of the per-domain grade radios on an audit or moderation form, in page order. */
  const radioNames = async (page: Page) => {
    const names: string[] = [];
    for (const input of await page.locator('input[type=radio][name^="grade-"][value="good"]').all())
      names.push((await input.getAttribute('name')) ?? '');
    return names;
  };
  const clickAndCheck = async (page: Page, click: () => Promise<void>, url: RegExp) => {
    await click();
    try {
      await page.waitForURL(url, { timeout: 20_000 });
    } catch {
      const summary = (await page.locator('.govuk-error-summary').count())
        ? await page.locator('.govuk-error-summary').textContent()
        : null;
      assert.fail(`stayed on ${page.url()} (${await h1(page)}), not ${url}: ${(summary ?? '').replace(/\s+/g, ' ')}`);
    }
    await checkAccessibility(page);
  };

  test('a QA lead reads the framework, sets up a programme, chooses its cases from a seed and allocates them', async () => {
    const context = await newContext(browser, { javaScriptEnabled: true });
    const page = await context.newPage();
    await signIn(page, 'qa-auditor');
    await clickAndCheck(page, () => page.getByRole('link', { name: 'Audits', exact: true }).click(), /\/quality$/);

    // The framework and its versions: version 2 in force, version 1 kept for the audits graded against it.
    await clickAndCheck(
      page,
      () => page.getByRole('link', { name: 'Frameworks', exact: true }).click(),
      /\/quality\/frameworks$/,
    );
    const frameworks = await main(page);
    assert.match(frameworks, /Practice standards audit/);
    assert.match(frameworks, /Published/);
    assert.match(frameworks, /Retired/);

    // A thematic programme.
    await clickAndCheck(
      page,
      () => page.getByRole('link', { name: 'Programmes', exact: true }).click(),
      /\/quality\/programmes$/,
    );
    await clickAndCheck(
      page,
      () => page.getByRole('button', { name: 'Set up a programme' }).click(),
      /\/quality\/programmes\/new$/,
    );
    await page.getByLabel('Thematic').check();
    await page.getByLabel('Title').fill('Neglect: browser thematic audit');
    await page.getByLabel('Theme').fill('Neglect');
    const versions = await page.getByLabel('Audit framework version').locator('option').allTextContents();
    const v2 = versions.find((v) => v.includes('Practice standards audit, version 2'));
    assert.ok(v2, `version 2 is offered (${versions.join('; ')})`);
    await page.getByLabel('Audit framework version').selectOption({ label: v2 });
    const today = new Date();
    const due = new Date(today.getTime() + 28 * 86_400_000);
    for (const [prefix, d] of [
      ['startsOn', today],
      ['dueOn', due],
    ] as const) {
      await page.locator(`#${prefix}-day`).fill(String(d.getUTCDate()));
      await page.locator(`#${prefix}-month`).fill(String(d.getUTCMonth() + 1));
      await page.locator(`#${prefix}-year`).fill(String(d.getUTCFullYear()));
    }
    await clickAndCheck(
      page,
      () => page.getByRole('button', { name: 'Save programme' }).click(),
      /\/quality\/programmes\/\d+/,
    );
    programmeUrl = page.url().replace(/\?.*$/, '');
    assert.equal(await h1(page), 'Neglect: browser thematic audit');

    // Six children at random from the whole authority, seed 4242.
    await clickAndCheck(page, () => page.getByRole('button', { name: 'Choose the cases' }).click(), /\/select$/);
    await page.getByLabel('A random sample').check();
    await page.getByLabel('Number of cases').fill('6');
    await page.getByLabel('Seed').fill('4242');
    await clickAndCheck(
      page,
      () => page.getByRole('button', { name: 'Choose the cases' }).click(),
      /\/quality\/programmes\/\d+(\?.*)?$/,
    );
    const chosen = await main(page);
    assert.match(chosen, /6 of [\d,]+ children/);
    assert.match(chosen, /seed 4242/);
    assert.match(chosen, /6 selected, 0 allocated/);

    // Allocation: automatic first, then one case by hand to the team manager, outside their own team.
    await clickAndCheck(page, () => page.getByRole('button', { name: 'Allocate the cases' }).click(), /\/allocate$/);
    await clickAndCheck(
      page,
      () => page.getByRole('button', { name: 'Allocate the unallocated cases' }).click(),
      /\/allocate(\?.*)?$/,
    );
    const managerTeam = (
      (await page.getByRole('row').filter({ hasText: 'Taylor Manager' }).first().locator('td').first().textContent()) ??
      ''
    ).trim();
    assert.ok(managerTeam.length > 0, 'the team manager has a team');
    const rows = page.locator('form table tbody tr');
    let given = -1;
    for (let i = 0; i < (await rows.count()) && given < 0; i++) {
      const team = ((await rows.nth(i).locator('td').first().textContent()) ?? '').trim();
      if (team !== managerTeam) given = i;
    }
    assert.ok(given >= 0, 'a chosen case outside the team manager’s team');
    const givenRow = rows.nth(given);
    allocatedChild = ((await givenRow.locator('th .govuk-body-s').textContent()) ?? '').trim();
    const managerOption = (await givenRow.locator('select option').allTextContents()).find((o) =>
      o.includes('Taylor Manager'),
    );
    assert.ok(managerOption, 'the team manager is offered for a case outside their team');
    await givenRow.locator('select').selectOption({ label: managerOption });
    await clickAndCheck(page, () => page.getByRole('button', { name: 'Save auditors' }).click(), /\/allocate(\?.*)?$/);
    assert.match(
      (await page.locator('form table tbody tr').filter({ hasText: allocatedChild }).textContent()) ?? '',
      /Taylor Manager/,
    );

    // By hand, a case of the manager's own team is refused, with the reason.
    // (Every row's auditor options name every team, so the row is found by its team cell.)
    const caseRows = page.locator('form table tbody tr');
    let own = -1;
    for (let i = 0; i < (await caseRows.count()) && own < 0; i++) {
      if (((await caseRows.nth(i).locator('td').first().textContent()) ?? '').trim() === managerTeam) own = i;
    }
    const ownTeamRow = caseRows.nth(Math.max(own, 0));
    if (own >= 0 && (await ownTeamRow.locator('select').count()) > 0) {
      const ownOption = (await ownTeamRow.locator('select option').allTextContents()).find((o) =>
        o.includes('Taylor Manager'),
      );
      if (ownOption) {
        await ownTeamRow.locator('select').selectOption({ label: ownOption });
        await page.getByRole('button', { name: 'Save auditors' }).click();
        await page.waitForLoadState('load');
        await checkAccessibility(page);
        assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Taylor Manager is in/);
      }
    }

    await visit(page, programmeUrl);
    await page.getByRole('button', { name: 'Open the programme' }).click();
    await page.waitForLoadState('load');
    await checkAccessibility(page);
    assert.match(await main(page), /Open/);
    await context.close();
  });

  test('the team manager reads the child’s record, completes the audit with an action and submits it; it is then locked (JavaScript off)', async () => {
    assert.ok(allocatedChild, 'the QA lead allocated a case');
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, 'team-manager');
    await clickAndCheck(page, () => page.getByRole('link', { name: 'Audits', exact: true }).click(), /\/quality$/);
    await clickAndCheck(
      page,
      () =>
        page.locator('nav[aria-label="Quality assurance"]').getByRole('link', { name: 'Audits', exact: true }).click(),
      /\/quality\/audits$/,
    );
    const allocated = page.getByRole('row').filter({ hasText: allocatedChild });
    assert.equal(await allocated.count(), 1, 'the allocated case is listed');

    // The child is in another team, yet the auditor may open their record while the audit is open.
    const recordHref = await allocated.getByRole('link').first().getAttribute('href');
    assert.ok(recordHref);
    await clickAndCheck(
      page,
      () => allocated.getByRole('button', { name: /Start audit/ }).click(),
      /\/quality\/audits\/\d+\/edit$/,
    );
    auditUrl = page.url().replace(/\/edit$/, '');
    await visit(page, `${server.url}${recordHref}`);
    await visit(page, `${auditUrl}/edit`);

    // Grade every domain good but one, which needs its narrative.
    const domains = await radioNames(page);
    assert.equal(domains.length, 8, 'eight practice domains in version 2');
    for (const name of domains.slice(1)) await page.locator(`input[name="${name}"][value="good"]`).check();
    await page.locator(`input[name="${domains[0]}"][value="requires-improvement"]`).check();
    await page.locator('input[name="overallGrade"][value="good"]').check();
    await page
      .locator('#workerReflection')
      .fill('The worker reflected that visits had become less frequent over the summer.');

    // Submitting without the narrative is refused, and nothing is submitted.
    await page.getByRole('button', { name: 'Submit audit' }).click();
    await page.waitForLoadState('load');
    await checkAccessibility(page);
    const problems = (await page.locator('.govuk-error-summary').textContent()) ?? '';
    assert.match(problems, /narrative/i);

    // Save a draft with the narratives, then submit.
    await page.locator(`input[name="${domains[0]}"][value="requires-improvement"]`).check();
    for (const name of domains.slice(1)) await page.locator(`input[name="${name}"][value="good"]`).check();
    await page.locator('input[name="overallGrade"][value="good"]').check();
    await page
      .locator(`#narrative-${domains[0]?.replace('grade-', '')}`)
      .fill('The assessment was not updated when the family moved.');
    await page.locator('#overallNarrative').fill('The child is safer and their school attendance has improved.');
    await page
      .locator('#workerReflection')
      .fill('The worker reflected that visits had become less frequent over the summer.');
    await page.locator('#managerReflection').fill('Supervision will track the assessment update.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForLoadState('load');
    await checkAccessibility(page);

    // An action for the worker, with an owner and a due date.
    await visit(page, auditUrl);
    await clickAndCheck(page, () => page.getByRole('link', { name: 'Add an action' }).click(), /\/actions$/);
    await page.getByLabel('What needs to be done').fill('Update the assessment to reflect the family’s move.');
    await page.getByLabel('Theme (optional)').selectOption({ label: 'Quality of assessment' });
    await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Sam Worker' });
    const due = new Date(Date.now() + 14 * 86_400_000);
    await page.locator('#dueOn-day').fill(String(due.getUTCDate()));
    await page.locator('#dueOn-month').fill(String(due.getUTCMonth() + 1));
    await page.locator('#dueOn-year').fill(String(due.getUTCFullYear()));
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.waitForLoadState('load');
    await checkAccessibility(page);
    assert.match(await main(page), /Update the assessment to reflect the family’s move/);

    await visit(page, `${auditUrl}/edit`);
    await page.getByRole('button', { name: 'Submit audit' }).click();
    await page.waitForURL(new RegExp(`${auditUrl.replace(server.url, '')}(\\?.*)?$`));
    await checkAccessibility(page);
    assert.match(await main(page), /Submitted/);

    // Locked: the form says so, and the child's record closes to this out-of-team manager again.
    const locked = await page.goto(`${auditUrl}/edit`);
    assert.equal(locked?.status(), 409);
    assert.match(await main(page), /locked/);
    assert.equal((await page.goto(`${server.url}${recordHref}`))?.status(), 404);
    await context.close();
  });

  test('the head of service moderates the audit, changing a grade with a reason, and reads the results, themes and report', async () => {
    assert.ok(auditUrl, 'the audit was submitted');
    const context = await newContext(browser, { javaScriptEnabled: true });
    const page = await context.newPage();
    await signIn(page, 'head-of-service');
    await visit(page, `${server.url}/quality/moderation`);
    // The queue is oldest first, 50 a page: the programme filter finds this one.
    await page.getByLabel('Programme').selectOption({ label: 'Neglect: browser thematic audit' });
    await clickAndCheck(
      page,
      () => page.getByRole('button', { name: 'Show audits' }).click(),
      /\/quality\/moderation\?.*programme=\d+/,
    );
    const auditId = auditUrl.split('/').at(-1) as string;
    const queued = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: `Audit ${auditId}`, exact: true }) });
    assert.equal(await queued.count(), 1, 'the submitted audit awaits moderation');
    await clickAndCheck(page, () => queued.getByRole('link', { name: /^Moderate/ }).click(), /\/moderate$/);

    // A changed grade needs its reason.
    await page.locator('input[name="level"][value="double-lock"]').check();
    const names = await radioNames(page);
    const changed = names.at(-1) as string;
    await page.locator(`input[name="${changed}"][value="requires-improvement"]`).check();
    await page.getByRole('button', { name: 'Save moderation' }).click();
    await page.waitForLoadState('load');
    await checkAccessibility(page);
    assert.match(
      (await page.locator('.govuk-error-summary').textContent()) ?? '',
      /Give the reason for changing .* from Good to Requires improvement/,
    );
    await page.locator(`input[name="level"][value="double-lock"]`).check();
    await page.locator(`input[name="${changed}"][value="requires-improvement"]`).check();
    await page
      .locator(`#reason-${changed.replace('grade-', '')}`)
      .fill('The impact on the child is not yet evidenced in the record.');
    await clickAndCheck(
      page,
      () => page.getByRole('button', { name: 'Save moderation' }).click(),
      /\/quality\/moderation\?saved=/,
    );

    await visit(page, auditUrl);
    const audit = await main(page);
    assert.match(audit, /Moderated/);
    assert.match(audit, /Double lock/);
    assert.match(audit, /The impact on the child is not yet evidenced in the record\./);

    // What leaders read.
    await visit(page, `${server.url}/quality`);
    const results = await main(page);
    assert.match(results, /Themes from actions/);
    assert.match(results, /Overdue actions by team/);
    await visit(page, `${server.url}/quality/actions`);
    await page.getByLabel('Programme').selectOption({ label: 'Neglect: browser thematic audit' });
    await clickAndCheck(
      page,
      () => page.getByRole('button', { name: 'Show actions' }).click(),
      /\/quality\/actions\?.*programme=\d+/,
    );
    const actions = await main(page);
    assert.match(actions, /Update the assessment to reflect the family’s move/);
    assert.match(actions, /Showing 1 to 1 of 1 action|1 action/);
    await visit(page, `${server.url}/quality/actions?status=overdue`);
    // The monthly report, as the signed-in head of service (the results page links it).
    await visit(page, `${server.url}/quality`);
    const reportHref = await page
      .getByRole('link', { name: /Download the quality assurance report/ })
      .getAttribute('href');
    const report = await context.request.get(`${server.url}${reportHref}`);
    assert.equal(report.status(), 200);
    assert.match(report.headers()['content-type'] ?? '', /wordprocessingml/);
    await context.close();
  });

  test('each role sees only what it should', async () => {
    assert.ok(auditUrl && programmeUrl);
    const expectations: Array<[string, Array<[string, number]>]> = [
      // A social worker: their team's audits and actions, no programmes, moderation or results; this audit is of
      // another team's child.
      [
        'social-worker',
        [
          ['/quality/audits', 200],
          ['/quality/actions', 200],
          ['/quality/programmes', 403],
          ['/quality/moderation', 403],
          ['/quality', 403],
          [auditUrl, 404],
        ],
      ],
      // An analyst: the aggregates, no casework.
      [
        'analyst',
        [
          ['/quality', 200],
          ['/quality/audits', 403],
          ['/quality/programmes', 403],
          [auditUrl, 403],
        ],
      ],
      // A member: the results only.
      [
        'member',
        [
          ['/quality', 200],
          ['/quality/audits', 403],
          ['/quality/actions', 403],
          ['/quality/frameworks', 403],
          [auditUrl, 403],
        ],
      ],
      // An administrator runs programmes but reads no audit.
      [
        'admin',
        [
          [programmeUrl, 200],
          ['/quality/programmes', 200],
          [auditUrl, 403],
          ['/quality/moderation', 403],
        ],
      ],
      // The director reads audits and results but does not run programmes or moderate.
      [
        'director',
        [
          [auditUrl, 200],
          ['/quality', 200],
          ['/quality/programmes', 403],
          ['/quality/moderation', 403],
        ],
      ],
    ];
    for (const [role, visits] of expectations) {
      const context = await newContext(browser, { javaScriptEnabled: false });
      const page = await context.newPage();
      await signIn(page, role);
      for (const [url, status] of visits)
        await visit(page, url.startsWith('http') ? url : `${server.url}${url}`, status);
      await context.close();
    }
  });
});
