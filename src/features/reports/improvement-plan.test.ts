/**
 * The improvement plan report kind (`lantern report improvement-plan`, the reports page; the same document as
 * /improvement/plan.docx, whose own tests are improvement/export/export.test.ts): built for a plan made by hand, on
 * both engines, written as DOCX and read back (internal and members); its period; and for the demo authority, the
 * DOCX opened by LibreOffice, rendered to PNG pages and its action counts compared with the plan page
 * (/improvement) read as a head of service.
 *
 * The plan by hand, as at 15 June 2026: an ILACS standard inspection (2 March 2026) with two recommendations;
 * theme 1 "Safety", objective 1a, four actions:
 *   1a.1 complete (completed 10 January 2026), green, due 31 January 2026 — answers recommendation 1;
 *   1a.2 in progress, amber, due 31 March 2026 — overdue (due before 15 June and not complete) and off track
 *        (amber, due within 20 working days: indeed past) — answers recommendation 1;
 *   1a.3 not started, green, due 31 December 2026 — neither;
 *   1a.4 blocked, green, due 31 December 2026 — off track (blocked), not overdue.
 *   Summary: 4 actions; 1 complete, 1 in progress, 1 not started, 1 blocked; 1 overdue; 2 off track; 2 current
 *   recommendations, 1 (recommendation 2) answered by no action.
 * Members: every one of those counts, the 4 actions included, is from 1 to 4, so every one is "c".
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildAuthority } from '../../../test/support/builders';
import { describeEachEngine } from '../../../test/support/databases';
import { tableRow } from '../../../test/support/html';
import { buildAction, buildInspectionWith, buildObjective, buildTheme } from '../../../test/support/improvement';
import { documentText, tableRows, zipEntry } from '../../../test/support/office';
import { renderDocx, renderSkip } from '../../../test/support/report-render';
import { startDemoWorld, type DemoWorld } from '../../../test/support/report-demo';
import type { Tx } from '../../db/client';
import { improvementActionRecommendations, improvementActions } from '../../db/schema/index';
import { todayInLondon } from '../../domain/today';
import { STATUS_LABELS } from '../../domain/improvement-status';
import { reportDocx } from '../../documents/docx';
import { ACTION_HEADERS, DOCUMENT_TITLE, improvementPlan } from './kinds/improvement-plan';
import type { ReportDocument } from '../../documents/model';

const TODAY = '2026-06-15';

async function buildPlan(db: Tx): Promise<number> {
  const la = await buildAuthority(db, { name: 'Plan Borough' });
  const inspection = await buildInspectionWith(db, {
    authorityId: la.id,
    kind: 'ilacs-standard',
    startDate: '2026-03-02',
    recommendations: ['Improve return home conversations.', 'Strengthen pathway planning.'],
  });
  const theme = await buildTheme(db, { authorityId: la.id, number: 1, title: 'Safety' });
  const objective = await buildObjective(db, { themeId: Number(theme.id), code: 'a', title: 'Children are safe' });
  const action = (number: number, values: Partial<typeof improvementActions.$inferInsert>) =>
    buildAction(db, { authorityId: la.id, objectiveId: Number(objective.id), number, ...values });
  const a1 = await action(1, {
    title: 'Tracker',
    status: 'complete',
    rag: 'green',
    startDate: '2025-12-01',
    dueDate: '2026-01-31',
    completedOn: '2026-01-10',
  });
  const a2 = await action(2, {
    title: 'Audit',
    status: 'in-progress',
    rag: 'amber',
    startDate: '2026-01-05',
    dueDate: '2026-03-31',
  });
  await action(3, { title: 'Training', status: 'not-started', rag: 'green' });
  await action(4, { title: 'Commissioning', status: 'blocked', rag: 'green' });
  const [r1] = inspection.recommendationIds as [number, number];
  await db.insert(improvementActionRecommendations).values([
    { actionId: Number(a1.id), recommendationId: r1 },
    { actionId: Number(a2.id), recommendationId: r1 },
  ]);
  return la.id;
}

const row = (rows: string[][], label: string) => rows.find((r) => r[0] === label);

describeEachEngine('the improvement plan report kind', (ctx) => {
  let internal: ReportDocument;
  let members: ReportDocument;

  before(async () => {
    const db = ctx.database.db;
    const authorityId = await buildPlan(db);
    internal = await improvementPlan.build(db, authorityId, { period: TODAY, audience: 'internal', today: TODAY });
    members = await improvementPlan.build(db, authorityId, { period: TODAY, audience: 'members', today: TODAY });
  });

  test('the title, the day as its period, the summary: 4 actions, 1 of each status, 1 overdue, 2 off track, 1 of 2 recommendations unanswered', async () => {
    assert.equal(internal.title, DOCUMENT_TITLE);
    assert.equal(internal.period, TODAY);
    const rows = tableRows(await zipEntry(await reportDocx(internal), 'word/document.xml'));
    const figures = [
      'Actions',
      'Complete',
      'In progress',
      'Not started',
      'Blocked',
      'Overdue',
      'Off track',
      'Current recommendations',
      'Recommendations not answered by any action',
    ].map((l) => row(rows, l)?.[1]);
    assert.deepEqual(figures, ['4', '1', '1', '1', '1', '1', '2', '2', '1']);
  });

  test('the recommendations with the actions answering them; the theme, the objective and its action table with the flags in words', async () => {
    const xml = await zipEntry(await reportDocx(internal), 'word/document.xml');
    const text = documentText(xml);
    assert.ok(text.includes('1. Improve return home conversations. Answered by 1a.1, 1a.2.'));
    assert.ok(text.includes('2. Strengthen pathway planning. Not answered.'));
    assert.ok(text.includes('Theme 1: Safety\n'));
    assert.ok(text.includes('Objective 1a: Children are safe\n'));
    const rows = tableRows(xml);
    assert.deepEqual(row(rows, 'Ref'), [...ACTION_HEADERS]);
    assert.deepEqual(row(rows, '1a.2')?.slice(1, 4), [
      'Audit',
      'Head of service; start 5 January 2026; due 31 March 2026',
      'In progress; OVERDUE: was due 31 March 2026; OFF TRACK; RAG: Amber',
    ]);
    assert.deepEqual(row(rows, '1a.1')?.[3], 'Complete; Completed 10 January 2026; RAG: Green');
    assert.deepEqual(row(rows, '1a.4')?.[3], 'Blocked; OFF TRACK; RAG: Green');
    assert.match(
      row(rows, '1a.1')?.[4] ?? '',
      /^Recommendation 1 \(ILACS standard inspection, 2 March 2026\): Improve return home conversations\.; Evidence: none named$/,
    );
  });

  test('members: every count (all from 1 to 4, the 4 actions too) is "c"', async () => {
    const rows = tableRows(await zipEntry(await reportDocx(members), 'word/document.xml'));
    assert.deepEqual(row(rows, 'Actions'), ['Actions', 'c']);
    assert.deepEqual(row(rows, 'Complete'), ['Complete', 'c']);
    assert.deepEqual(row(rows, 'Off track'), ['Off track', 'c']);
    assert.deepEqual(row(rows, 'Recommendations not answered by any action'), [
      'Recommendations not answered by any action',
      'c',
    ]);
  });
});

describe('the improvement plan’s period', () => {
  test('today, offered as today; a date; anything else refused naming --period', async () => {
    assert.deepEqual(await improvementPlan.periods(undefined as never, 0, '2026-06-15'), [
      { value: 'today', label: 'Today (15 June 2026)' },
    ]);
    for (const bad of ['2026-06', 'now', '2026-02-30']) {
      await assert.rejects(
        improvementPlan.build(undefined as never, 0, { period: bad, audience: 'internal', today: TODAY }),
        (e: Error & { errors?: Array<{ field: string; message: string }> }) => {
          assert.equal(e.errors?.[0]?.field, '--period');
          return true;
        },
      );
    }
  });
});

describe('the improvement plan for the demo authority, against the plan page', { timeout: 600_000 }, () => {
  let demo: DemoWorld;
  let doc: ReportDocument;
  let html: string;
  let rows: string[][];

  before(async () => {
    demo = await startDemoWorld({ asAt: '2026-03-31', childPopulation: 1000, years: 2 });
    const head = await demo.client('head-of-service');
    const page = await head.get('/improvement');
    assert.equal(page.status, 200);
    html = page.text;
    // The page judges the plan today; so does the report.
    doc = await improvementPlan.build(demo.world.database.db, demo.demo.authorityId, {
      period: 'today',
      audience: 'internal',
      today: todayInLondon(),
    });
    rows = tableRows(await zipEntry(await reportDocx(doc), 'word/document.xml'));
  });
  after(async () => {
    await demo?.close();
  });

  test('the action counts — all, by status, overdue, off track — and the recommendations not answered are the page’s', () => {
    const caption = 'Actions by status and RAG rating';
    const web = (label: string) => tableRow(html, caption, label)[1];
    assert.equal(row(rows, 'Actions')?.[1], web('All actions'));
    assert.ok(Number(web('All actions')) >= 5, 'the demo has a plan');
    for (const status of ['complete', 'in-progress', 'not-started', 'blocked'] as const)
      assert.equal(row(rows, STATUS_LABELS[status])?.[1], web(`Status: ${STATUS_LABELS[status]}`), status);
    assert.equal(row(rows, 'Overdue')?.[1], web('Overdue'));
    assert.equal(row(rows, 'Off track')?.[1], web('Off track'));
    const [unanswered, current] = (web('Current recommendations not yet answered') ?? '').split(' of ');
    assert.equal(row(rows, 'Recommendations not answered by any action')?.[1], unanswered);
    assert.equal(row(rows, 'Current recommendations')?.[1], current);
  });

  test(
    'LibreOffice opens the DOCX; every page renders with something on it; the headings and every action’s reference are on the pages',
    { skip: renderSkip('improvement plan'), timeout: 300_000 },
    async () => {
      const rendered = await renderDocx(await reportDocx(doc), 'plan');
      for (const [i, bytes] of rendered.pngBytes.entries())
        assert.ok(bytes > 1500, `page ${i + 1} is not blank (${bytes} bytes)`);
      const headings = doc.blocks.filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? b.text : ''));
      assert.ok(headings.length >= 4);
      for (const h of [DOCUMENT_TITLE, ...headings]) assert.ok(rendered.text.includes(h), `"${h}" is on a page`);
      const refs = rows.filter((r) => /^\d+[a-z]\.\d+$/.test(r[0] ?? '')).map((r) => r[0] ?? '');
      assert.equal(refs.length, Number(row(rows, 'Actions')?.[1]));
      for (const ref of refs) assert.ok(rendered.text.includes(ref), `${ref} is on a page`);
    },
  );
});
