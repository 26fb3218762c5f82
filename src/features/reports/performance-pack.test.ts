/**
 * The monthly performance pack ("Performance Matters").
 *
 * 1. A small authority built by hand, on both engines (today 15 April 2026, so March 2026 is the latest complete
 *    month). Re-referrals within 12 months (percent, lower is better, default target 20%, green at 20, amber at 23):
 *    - five children (R1–R5) each have a referral on 15 April 2025 and another on 10 March 2026 (within 12 months of
 *      the first): March 2026 has 5 referrals, all re-referrals: 5 of 5 = 100%, above 23: red (off target); April
 *      2025 has 5 referrals, none a re-referral: 0 of 5 = 0%;
 *    - five other children (F1–F5) each have one referral, on 5 February 2026, with none before it: February 2026
 *      is 0 of 5 = 0%: green.
 *    So the March pack shows 100% (numerator 5, denominator 5), Off target, previous month February 2026 = 0%, and
 *    a change of +100 percentage points, worse (lower is better); from 0 the change is the largest relative one, so
 *    it leads the "moved most" table. The February pack shows 0%, On target, and does not list it as off target.
 *    Commentary written for March 2026 appears under the indicator's heading.
 *    Contacts per 10,000 children: R1 has 3 contacts in March 2026; the population is 18 × 1,000 = 18,000, so the
 *    rate is 3 × 10,000 ÷ 18,000 = 1.67 → 1.7 per 10,000. For members the 3 (a count from 1 to 4) and the rate made
 *    from it are "c" in the DOCX, and the re-referrals' 5 of 5 stays (5 is not suppressed); for officers they are
 *    3 and 1.7 per 10,000. A move made from 3 contacts (0 in February) is not listed among the largest movers.
 * 2. The demo authority (synthetic, 5,000 children, two years): the DOCX for the latest complete month opened by
 *    LibreOffice and rendered to PNG pages: every service area heading on the pages, every page drawn; every
 *    indicator's value in the DOCX equals the value the area page /performance/<area> shows an analyst for that
 *    month, and at least three of them are found beside their indicator on the rendered pages.
 * 3. Bad periods ("2026-13", "soon", the current month, a future month) refused with the message naming --period;
 *    the periods offered; the ranking of the largest movers worked by hand on made-up results.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it, test } from 'node:test';
import { PASSWORD, startTestWorld, type TestWorld } from '../../../test/support/app';
import { buildAuthority, buildChild, buildContact, buildReferral } from '../../../test/support/builders';
import { TestClient } from '../../../harness/client';
import { describeEachEngine } from '../../../test/support/databases';
import { buildPopulation } from '../../../test/support/indicators';
import { documentText, tableRows, zipEntry } from '../../../test/support/office';
import { renderDocx, renderSkip } from '../../../test/support/report-render';
import { indicatorCommentary } from '../../db/schema/index';
import { todayInLondon } from '../../domain/today';
import { ValidationError } from '../../core/errors';
import { createAuditor } from '../../accounts/access-log/auditor';
import { SERVICE_AREAS, SERVICE_AREA_LABELS } from '../indicators/definition';
import { lastCompleteMonth, periodLabel } from '../indicators/periods';
import type { PeriodValue } from '../indicators/engine';
import { indicatorById, indicatorsIn } from '../indicators/registry';
import type { IndicatorResult } from '../indicators/results';
import { refreshMonthlyValues } from '../indicators/stored-values';
import { generateDemoAuthority } from '../../synth/generate';
import { reportDocx } from '../../documents/docx';
import { loadPackData, packMonth, performancePack } from './kinds/performance-pack';
import { changeText, judgeChange, movedMost, packDocument, PACK_HEADINGS } from './kinds/performance-pack/document';
import { cellText, type Block, type ReportDocument, type TableBlock } from '../../documents/model';

const TODAY = '2026-04-15';
const REREFERRALS = 'Re-referrals within 12 months';

const tableCalled = (doc: ReportDocument, caption: string): TableBlock => {
  const found = doc.blocks.find((b): b is TableBlock => b.type === 'table' && b.caption === caption);
  if (!found) throw new Error(`no table ${caption}`);
  return found;
};
const rowOf = (t: TableBlock, first: string) => t.rows.find((r) => r[0] === first)?.map(cellText);

/** The rows of the first table after `caption` in a DOCX's document.xml. */
function docxTableAfter(xml: string, caption: string): string[][] {
  const at = xml.indexOf(`>${caption}<`);
  if (at < 0) throw new Error(`no caption ${caption}`);
  const rest = xml.slice(at);
  const end = rest.indexOf('</w:tbl>');
  return tableRows(rest.slice(0, end + '</w:tbl>'.length));
}

describeEachEngine('performance pack on a small authority', (ctx) => {
  let authorityId = 0;
  before(async () => {
    const db = ctx.database.db;
    const la = await buildAuthority(db, { name: 'Hand Borough' });
    authorityId = la.id;
    await buildPopulation(db, la.id, 2025, 1000);
    for (let i = 1; i <= 5; i++) {
      const child = await buildChild(db, { authorityId: la.id, firstName: `ChildR${i}` });
      await buildReferral(db, child, { referralDate: '2025-04-15' });
      await buildReferral(db, child, { referralDate: '2026-03-10' });
      if (i === 1)
        for (const day of ['05', '06', '09']) await buildContact(db, child, { contactDate: `2026-03-${day}` });
    }
    for (let i = 1; i <= 5; i++) {
      const child = await buildChild(db, { authorityId: la.id, firstName: `ChildF${i}` });
      await buildReferral(db, child, { referralDate: '2026-02-05' });
    }
    await db.insert(indicatorCommentary).values({
      authorityId: la.id,
      indicatorId: 'rereferrals-12-months',
      periodKind: 'month',
      periodEnd: '2026-03-31',
      goingWell: 'Step-down decisions are recorded on time',
      toImprove: 'Families referred again within the year',
      actions: 'Review every repeat referral at the weekly panel',
      authorUserId: 1,
      authorName: 'Pat Head',
      createdAt: new Date('2026-04-02T09:00:00Z'),
    });
  });

  it('shows March 2026: 5 of 5 re-referrals = 100%, off target, February 0%, and the commentary beside it', async () => {
    const data = await loadPackData(ctx.database.db, authorityId, '2026-03', TODAY);
    const doc = packDocument(data, 'internal', TODAY);
    assert.equal(doc.title, 'Performance Matters: March 2026');
    assert.equal(doc.subtitle, 'Hand Borough');
    assert.equal(doc.period, '2026-03');
    const figures = tableCalled(doc, `${REREFERRALS}: figures for March 2026`);
    assert.deepEqual(rowOf(figures, 'Value, March 2026'), ['Value, March 2026', '100%']);
    assert.deepEqual(rowOf(figures, 'Numerator'), ['Numerator', '5']);
    assert.deepEqual(rowOf(figures, 'Denominator'), ['Denominator', '5']);
    assert.deepEqual(rowOf(figures, 'Target'), ['Target', '20% (lower is better)']);
    assert.deepEqual(rowOf(figures, 'RAG'), ['RAG', 'Off target']);
    // February: F1–F5's referrals, none a re-referral: 0 of 5 = 0%.
    assert.deepEqual(rowOf(figures, 'Previous month, February 2026'), ['Previous month, February 2026', '0%']);
    assert.deepEqual(rowOf(figures, 'Change since the previous month'), [
      'Change since the previous month',
      '+100 percentage points (worse)',
    ]);

    // The trend: 12 months, April 2025 (0 of 5: the first referrals) to March 2026.
    const chart = doc.blocks.find((b) => b.type === 'chart' && b.title.startsWith(REREFERRALS));
    assert.ok(chart && chart.type === 'chart');
    assert.equal(chart.data.rows.length, 12);
    assert.deepEqual(chart.data.rows[0]?.map(cellText), ['April 2025', '0%', '0', '5']);
    assert.deepEqual(chart.data.rows[11]?.map(cellText), ['March 2026', '100%', '5', '5']);
    assert.match(chart.alt, /0% in April 2025 and 100% in March 2026/);

    // The commentary comes after the indicator's heading and before the next indicator's.
    const at = doc.blocks.findIndex((b) => b.type === 'heading' && b.text === REREFERRALS);
    const nextHeading = doc.blocks.findIndex((b, i) => i > at && b.type === 'heading');
    const section = doc.blocks
      .slice(at, nextHeading)
      .flatMap((b: Block) => (b.type === 'paragraph' ? [b.content.map(cellText).join('')] : []));
    assert.ok(section.includes('Commentary by Pat Head, 2 April 2026'));
    assert.ok(section.includes('What is going well: Step-down decisions are recorded on time'));
    assert.ok(section.includes('What needs to improve: Families referred again within the year'));
    assert.ok(section.includes('Actions: Review every repeat referral at the weekly panel'));
    // Another indicator has none: 3 contacts, 1.7 per 10,000.
    const contacts = doc.blocks.findIndex((b) => b.type === 'heading' && b.text === 'Contacts per 10,000 children');
    assert.ok(contacts > 0);
    const next = doc.blocks.findIndex((b, i) => i > contacts && b.type === 'heading');
    assert.ok(
      doc.blocks
        .slice(contacts, next)
        .some((b) => b.type === 'paragraph' && b.content.join('') === 'No commentary was written for this month.'),
    );
    const contactFigures = tableCalled(doc, 'Contacts per 10,000 children: figures for March 2026');
    assert.deepEqual(rowOf(contactFigures, 'Value, March 2026'), ['Value, March 2026', '1.7 per 10,000']);
    assert.deepEqual(rowOf(contactFigures, 'Counted'), ['Counted', '3']);
    assert.deepEqual(rowOf(contactFigures, 'Child population aged 0–17'), ['Child population aged 0–17', '18,000']);
  });

  it('lists the off-target indicator and the largest mover in the executive summary; on target in February, it is not listed', async () => {
    const march = packDocument(await loadPackData(ctx.database.db, authorityId, '2026-03', TODAY), 'internal', TODAY);
    const off = tableCalled(march, 'Indicators off target or near target, March 2026');
    assert.deepEqual(rowOf(off, REREFERRALS), [REREFERRALS, 'Front door', '100%', '20%', 'Off target']);
    const moved = tableCalled(march, 'The indicators that moved most, March 2026');
    // From 0% to 100%: infinitely large relative to 0, so first.
    assert.deepEqual(moved.rows[0]?.map(cellText), [REREFERRALS, '0%', '100%', '+100 percentage points', 'Worse']);
    // Contacts went from 0 to 3, but 3 is a count from 1 to 4: not listed.
    assert.ok(!moved.rows.some((r) => r[0] === 'Contacts per 10,000 children'));

    const february = packDocument(
      await loadPackData(ctx.database.db, authorityId, '2026-02', TODAY),
      'internal',
      TODAY,
    );
    const figures = tableCalled(february, `${REREFERRALS}: figures for February 2026`);
    assert.deepEqual(rowOf(figures, 'RAG'), ['RAG', 'On target']);
    const offBlock = february.blocks.find((b) => b.type === 'table' && b.caption.startsWith('Indicators off target'));
    assert.ok(
      !offBlock || (offBlock.type === 'table' && !offBlock.rows.some((r) => r[0] === REREFERRALS)),
      'on target, so not listed as off target',
    );
  });

  it('writes "c" for the 3 contacts (and the rate made from them) in the members’ DOCX, and the figures for officers', async () => {
    const internal = await performancePack.build(ctx.database.db, authorityId, {
      period: '2026-03',
      audience: 'internal',
      today: TODAY,
    });
    const members = await performancePack.build(ctx.database.db, authorityId, {
      period: '2026-03',
      audience: 'members',
      today: TODAY,
    });
    const caption = 'Contacts per 10,000 children: figures for March 2026';
    const officersXml = await zipEntry(await reportDocx(internal), 'word/document.xml');
    const membersXml = await zipEntry(await reportDocx(members), 'word/document.xml');
    const officersRows = docxTableAfter(officersXml, caption);
    const membersRows = docxTableAfter(membersXml, caption);
    const row = (rows: string[][], first: string) => rows.find((r) => r[0] === first);
    assert.deepEqual(row(officersRows, 'Value, March 2026'), ['Value, March 2026', '1.7 per 10,000']);
    assert.deepEqual(row(officersRows, 'Counted'), ['Counted', '3']);
    assert.deepEqual(row(membersRows, 'Value, March 2026'), ['Value, March 2026', 'c']);
    assert.deepEqual(row(membersRows, 'Counted'), ['Counted', 'c']);
    // The change from February (0) would give the 3 away: "c" too.
    assert.deepEqual(row(membersRows, 'Change since the previous month'), ['Change since the previous month', 'c']);
    // 5 of 5 re-referrals: 5 is not suppressed.
    const rereferrals = docxTableAfter(membersXml, `${REREFERRALS}: figures for March 2026`);
    assert.deepEqual(row(rereferrals, 'Value, March 2026'), ['Value, March 2026', '100%']);
    assert.deepEqual(row(rereferrals, 'Numerator'), ['Numerator', '5']);
    // The contacts' trend chart is not drawn for members (its table shows the 3 as "c"); it is for officers.
    const text = documentText(membersXml);
    assert.match(
      text,
      /Contacts per 10,000 children: 12 months to March 2026: the chart is not shown because it would show counts from 1 to 4/,
    );
    assert.doesNotMatch(documentText(officersXml), /the chart is not shown/);
    const trend = docxTableAfter(membersXml, 'Contacts per 10,000 children: values by month');
    assert.deepEqual(
      trend.find((r) => r[0] === 'March 2026'),
      ['March 2026', 'c', 'c', '18,000'],
    );
    assert.doesNotMatch(text, /ChildR|ChildF/);
  });
});

describe('performance pack: the period', () => {
  test('takes YYYY-MM or latest, and refuses anything else naming --period', () => {
    assert.equal(packMonth('2026-03', TODAY), '2026-03');
    assert.equal(packMonth('latest', TODAY), '2026-03');
    assert.equal(packMonth('2019-07', TODAY), '2019-07');
    const refused = (period: string, message: RegExp) => {
      assert.throws(
        () => packMonth(period, TODAY),
        (e: unknown) =>
          e instanceof ValidationError && e.errors[0]?.field === '--period' && message.test(e.errors[0].message),
        period,
      );
    };
    refused('2026-13', /Give a month as YYYY-MM \(for example 2026-03\) or latest, not "2026-13"/);
    refused('2026-00', /not "2026-00"/);
    refused('soon', /not "soon"/);
    refused('2026-3', /not "2026-3"/);
    // April 2026 is still running on 15 April; May is to come.
    refused('2026-04', /April 2026 is not complete yet: the latest complete month is 2026-03 \(March 2026\)/);
    refused('2026-05', /May 2026 is not complete yet/);
  });

  test('offers the last 12 complete months, newest first, labelled as months', async () => {
    // periods() reads nothing from the database.
    const choices = await performancePack.periods(undefined as never, 0, TODAY);
    assert.equal(choices.length, 12);
    assert.deepEqual(choices[0], { value: '2026-03', label: 'March 2026' });
    assert.deepEqual(choices[11], { value: '2025-04', label: 'April 2025' });
  });

  test('moved most: ranked by the change relative to last month, leaving out values from 1 to 4 and those without two values', () => {
    const feb = { kind: 'month' as const, start: '2026-02-01', end: '2026-02-28' };
    const mar = { kind: 'month' as const, start: '2026-03-01', end: '2026-03-31' };
    const result = (
      id: string,
      before: [number, number | null, number | null],
      now: [number, number | null, number | null],
    ): IndicatorResult => {
      const definition = indicatorById(id);
      if (!definition) throw new Error(id);
      const trend = [
        { period: feb, numerator: before[0], denominator: before[1], value: before[2] },
        { period: mar, numerator: now[0], denominator: now[1], value: now[2] },
      ];
      return {
        definition,
        period: mar,
        periodLabel: 'March 2026',
        current: trend[1] as PeriodValue,
        rag: null,
        thresholds: { target: null, green: null, amber: null, changed: false, updatedBy: null, updatedAt: null },
        trend,
        benchmarks: [],
      };
    };
    const results = [
      // 100 → 160 requests: +60, 60 ÷ 100 = 0.6.
      result('early-help-requests', [100, null, 100], [160, null, 160]),
      // 80% (40 of 50) → 88% (44 of 50): +8, 8 ÷ 80 = 0.1; higher is better: better.
      result('contacts-decision-1-working-day', [40, 50, 80], [44, 50, 88]),
      // 50% (2 of 4) → 80% (4 of 5): made from counts from 1 to 4, left out.
      result('referrals-nfa', [2, 4, 50], [4, 5, 80]),
      // No value in February (nothing to divide by): left out.
      result('early-help-allocated-10-working-days', [0, 0, null], [9, 10, 90]),
      // 20% (10 of 50) → 30% (15 of 50): +10, 10 ÷ 20 = 0.5; lower is better: worse.
      result('rereferrals-12-months', [10, 50, 20], [15, 50, 30]),
    ];
    const moved = movedMost(results);
    assert.deepEqual(
      moved.map((m) => [m.result.definition.id, m.change, m.relative]),
      [
        ['early-help-requests', 60, 0.6],
        ['rereferrals-12-months', 10, 0.5],
        ['contacts-decision-1-working-day', 8, 0.1],
      ],
    );
    assert.deepEqual(
      movedMost(results, 2).map((m) => m.result.definition.id),
      ['early-help-requests', 'rereferrals-12-months'],
    );
    const [requests, rereferrals, decisions] = moved.map((m) => m.result.definition);
    assert.ok(requests && rereferrals && decisions);
    assert.equal(judgeChange(requests, 60), 'Neither (demand)');
    assert.equal(judgeChange(rereferrals, 10), 'Worse');
    assert.equal(judgeChange(decisions, 8), 'Better');
    assert.equal(changeText(rereferrals, -2.5), '−2.5 percentage points');
    assert.equal(changeText(requests, 1234), '+1,234');
  });
});

/** Each indicator's value as an area page /performance/<area> shows it to the client, by title. */
async function areaValues(client: TestClient, asAt: string): Promise<Map<string, string>> {
  const web = new Map<string, string>();
  for (const area of SERVICE_AREAS) {
    const page = await client.get(`/performance/${area}?period=month&asAt=${asAt}`);
    assert.equal(page.status, 200, area);
    for (const def of indicatorsIn(area)) {
      const m = new RegExp(`id="${def.id}-heading">[\\s\\S]*?<span class="app-figure">([^<]*)</span>`).exec(page.text);
      assert.ok(m?.[1], `${def.id} on the ${area} page`);
      web.set(def.title, m[1].trim());
    }
  }
  return web;
}

describe(
  'performance pack for the demo authority, opened in LibreOffice',
  { skip: renderSkip('performance pack rendered') },
  () => {
    let world: TestWorld;
    let demoId = 0;
    let analyst: TestClient;
    let member: TestClient;
    const today = todayInLondon();
    const month = lastCompleteMonth(today);
    const label = periodLabel(month);

    before(async () => {
      world = await startTestWorld();
      const db = world.database.db;
      const demo = await generateDemoAuthority(world.database, {
        seed: 1,
        childPopulation: 5000,
        years: 2,
        asAt: today,
        code: 'DEMO',
        name: 'Demo Borough',
      });
      demoId = demo.authorityId;
      await refreshMonthlyValues(db, demoId, today, { months: 14 });
      const audit = createAuditor(
        world.services.accessLogRepository,
        { userId: null, username: 'test-setup', authorityId: demoId },
        'user.create',
        null,
      );
      await world.services.users.create(
        demoId,
        { username: 'demo-analyst', displayName: 'Demo Analyst', role: 'analyst', teamId: null, password: PASSWORD },
        audit,
      );
      await world.services.users.create(
        demoId,
        { username: 'demo-member', displayName: 'Demo Member', role: 'member', teamId: null, password: PASSWORD },
        audit,
      );
      analyst = new TestClient(world.baseUrl);
      await analyst.signIn('demo-analyst', PASSWORD);
      member = new TestClient(world.baseUrl);
      await member.signIn('demo-member', PASSWORD);
    });
    after(async () => {
      await world?.close();
    });

    it('renders every service area on drawn pages, with the area pages’ values', async () => {
      const doc = await performancePack.build(world.database.db, demoId, {
        period: 'latest',
        audience: 'internal',
        today,
      });
      assert.equal(doc.title, `Performance Matters: ${label}`);
      const docx = await reportDocx(doc);
      const xml = await zipEntry(docx, 'word/document.xml');

      // What the area pages show the analyst, indicator by indicator.
      const web = await areaValues(analyst, month.end);
      // Every indicator's value in the DOCX is the page's.
      for (const [title, value] of web) {
        const rows = docxTableAfter(xml, `${title}: figures for ${label}`);
        assert.deepEqual(
          rows.find((r) => r[0] === `Value, ${label}`),
          [`Value, ${label}`, value],
          title,
        );
      }

      const rendered = await renderDocx(docx, 'performance-pack');
      for (const area of SERVICE_AREAS)
        assert.ok(
          rendered.text.includes(SERVICE_AREA_LABELS[area]),
          `${SERVICE_AREA_LABELS[area]} on the rendered pages`,
        );
      assert.ok(rendered.text.includes(PACK_HEADINGS.summary));
      assert.ok(rendered.pngBytes.length > 10, `many pages (${rendered.pngBytes.length})`);
      for (const [i, bytes] of rendered.pngBytes.entries())
        assert.ok(bytes > 2000, `page ${i + 1} is drawn (${bytes} bytes)`);
      // Beside its indicator on the rendered pages: the caption, then the value row.
      let found = 0;
      for (const [title, value] of web) {
        if (value === 'No data') continue;
        const at = rendered.text.indexOf(`${title}: figures for ${label}`);
        if (at < 0) continue;
        const near = rendered.text.slice(at, at + 300);
        if (near.includes(`Value, ${label} ${value}`)) found += 1;
      }
      assert.ok(found >= 3, `at least three indicators' values found beside them on the rendered pages (${found})`);
    });

    it('gives members the values the area pages show a member, "c" where they do', async () => {
      const doc = await performancePack.build(world.database.db, demoId, {
        period: 'latest',
        audience: 'members',
        today,
      });
      const xml = await zipEntry(await reportDocx(doc), 'word/document.xml');
      const web = await areaValues(member, month.end);
      assert.ok([...web.values()].includes('c'), 'the demo month has a value from 1 to 4, so the test can fail');
      for (const [title, value] of web) {
        const rows = docxTableAfter(xml, `${title}: figures for ${label}`);
        assert.deepEqual(
          rows.find((r) => r[0] === `Value, ${label}`),
          [`Value, ${label}`, value],
          title,
        );
      }
    });
  },
);
