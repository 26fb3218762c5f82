/**
 * The self-evaluation report on an authority built by hand, on both engines, written as DOCX and read back.
 *
 * Today is 15 June 2026; the report is for 2025 (1 April 2025 to 31 March 2026). The latest complete month (May 2026)
 * is after the year's end, so the evidence month is March 2026, beside March 2025.
 *
 * Early help requests (local indicator, a count; neutral, so no RAG; no DfE benchmark):
 * - March 2026: child A on Mon 2 March (allocated Mon 16 March: the 10th working day, in time) and Tue 10 March
 *   (allocated Wed 11 March, in time); child B on Mon 2 March (allocated Tue 17 March: the 11th working day, late).
 *   3 requests; 2 of 3 allocated in time = 66.7%, below amber (80): Off target.
 * - March 2025: 5 requests (children A to E, Mon 3 March, each allocated Tue 4 March): 5; 5 of 5 = 100%.
 * - Another authority's request on 2 March 2026: not counted.
 * Audits (12 months April 2025 to March 2026; moderated grade where there is one):
 * - early help team: 1 April 2025 (first day: counts) engagement good, multi-agency RI; 31 March 2026 (last day)
 *   engagement outstanding, multi-agency good agreed RI. All domains 4, good or better 2 = 50%; engagement 2 of 2 =
 *   100%; multi-agency 0 of 2 = 0%.
 * - early help team, 31 March 2025: outside the 12 months. A cin-cp team's audit 1 October 2025 (engagement good):
 *   not early help's, but intervention and planning's (1 of 1 = 100%).
 * Ofsted: an ILACS standard inspection (13 January 2025) with two recommendations; action 1a.1 answers the first
 * (in progress, amber, due 31 March 2026: overdue on 15 June 2026); nothing answers the second.
 * Text: early help's 2025 summary in two paragraphs and strengths as a list; nothing else written.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildAuthority, buildChild, buildEarlyHelp, buildTeam } from '../../../test/support/builders';
import { describeEachEngine } from '../../../test/support/databases';
import {
  buildAction,
  buildAudit,
  buildDomain,
  buildInspectionWith,
  buildObjective,
  buildTheme,
} from '../../../test/support/improvement';
import { documentText, tableRows, zipEntry } from '../../../test/support/office';
import { caseAudits, improvementActionRecommendations } from '../../db/schema/index';
import { ValidationError } from '../../core/errors';
import { createAuditor } from '../../accounts/access-log/auditor';
import { accessLogRepository } from '../../accounts/access-log/repository';
import { reportDocx } from '../../documents/docx';
import {
  evidenceMonth,
  loadSelfEvaluationData,
  selfEvaluation,
  selfEvaluationDocument,
  SELF_EVALUATION_HEADINGS,
  textBlocks,
} from './kinds/self-evaluation';
import type { ReportDocument } from '../../documents/model';
import { saveSelfEvaluation, selfEvaluationForm } from './self-evaluation/service';

const TODAY = '2026-06-15';

test('the evidence month: the latest complete month, but not after the year’s end', () => {
  assert.equal(evidenceMonth(2025, TODAY).start, '2026-03-01', 'May 2026 is after 31 March 2026: March 2026');
  assert.equal(
    evidenceMonth(2026, TODAY).start,
    '2026-05-01',
    'the year is running: the last complete month, May 2026',
  );
  assert.equal(evidenceMonth(2026, '2026-04-10').start, '2026-03-01');
});

test('the service’s text as blocks: blank lines split paragraphs, a run of "- " lines is a list', () => {
  assert.deepEqual(textBlocks('One\ntwo.\n\n- a\n- b\n\nThree.'), [
    { type: 'paragraph', content: ['One two.'] },
    { type: 'bullets', items: [['a'], ['b']], numbered: false },
    { type: 'paragraph', content: ['Three.'] },
  ]);
});

describeEachEngine('the self-evaluation report', (ctx) => {
  let authorityId = 0;
  let internal: ReportDocument;
  let members: ReportDocument;
  let internalRows: string[][];
  let membersRows: string[][];
  let internalText = '';

  before(async () => {
    const db = ctx.database.db;
    authorityId = (await buildAuthority(db, { name: 'Evidence Borough' })).id;
    const other = (await buildAuthority(db)).id;
    const kids = [];
    for (let i = 0; i < 5; i++) kids.push(await buildChild(db, { authorityId }));
    const [a, b] = kids as [(typeof kids)[number], (typeof kids)[number]];
    await buildEarlyHelp(db, a, { requestDate: '2026-03-02', allocationDate: '2026-03-16' });
    await buildEarlyHelp(db, a, { requestDate: '2026-03-10', allocationDate: '2026-03-11' });
    await buildEarlyHelp(db, b, { requestDate: '2026-03-02', allocationDate: '2026-03-17' });
    for (const k of kids) await buildEarlyHelp(db, k, { requestDate: '2025-03-03', allocationDate: '2025-03-04' });
    await buildEarlyHelp(db, await buildChild(db, { authorityId: other }), {
      requestDate: '2026-03-02',
      allocationDate: '2026-03-03',
    });

    const eh = (await buildTeam(db, { authorityId, name: 'Early Help East', serviceArea: 'early-help' })).id;
    const cp = (await buildTeam(db, { authorityId, name: 'Family Support', serviceArea: 'cin-cp' })).id;
    const engagement = Number(
      (
        await buildDomain(db, {
          authorityId,
          key: 'engagement-with-parents-and-carers',
          title: 'Engagement with parents and carers',
          sortOrder: 1,
        })
      ).id,
    );
    const multi = Number(
      (await buildDomain(db, { authorityId, key: 'multi-agency-working', title: 'Multi-agency working', sortOrder: 2 }))
        .id,
    );
    const audit = async (teamId: number, submittedOn: string, grades: Parameters<typeof buildAudit>[1]['grades']) => {
      const made = await buildAudit(db, { authorityId, childId: a.id, submittedOn, grades });
      await db.update(caseAudits).set({ teamId }).where(eq(caseAudits.id, made.id));
    };
    await audit(eh, '2025-04-01', [
      { domainId: engagement, grade: 'good' },
      { domainId: multi, grade: 'requires-improvement' },
    ]);
    await audit(eh, '2026-03-31', [
      { domainId: engagement, grade: 'outstanding' },
      { domainId: multi, grade: 'good', agreedGrade: 'requires-improvement' },
    ]);
    await audit(eh, '2025-03-31', [{ domainId: engagement, grade: 'good' }]);
    await audit(cp, '2025-10-01', [{ domainId: engagement, grade: 'good' }]);

    const inspection = await buildInspectionWith(db, {
      authorityId,
      kind: 'ilacs-standard',
      startDate: '2025-01-13',
      recommendations: ['Improve the timeliness of early help.', 'Strengthen supervision.'],
    });
    const theme = await buildTheme(db, { authorityId, number: 1 });
    const objective = await buildObjective(db, { themeId: Number(theme.id), code: 'a' });
    const action = await buildAction(db, {
      authorityId,
      objectiveId: Number(objective.id),
      number: 1,
      title: 'Early help allocation tracker',
      status: 'in-progress',
      rag: 'amber',
      dueDate: '2026-03-31',
    });
    await db
      .insert(improvementActionRecommendations)
      .values({ actionId: Number(action.id), recommendationId: inspection.recommendationIds[0] as number });

    const audit2 = createAuditor(
      accessLogRepository(),
      { userId: null, username: 'head', authorityId },
      'self-evaluation.save',
      null,
    );
    await saveSelfEvaluation(
      db,
      authorityId,
      2025,
      'early-help',
      selfEvaluationForm.parse({
        summary: 'Our hubs are open.\n\nPanels meet weekly.',
        strengths: '- Partners attend.\n- Allocation is tracked.',
      }),
      { userId: null, name: 'Head One' },
      audit2,
    );

    const data = await loadSelfEvaluationData(db, authorityId, 2025, TODAY);
    internal = selfEvaluationDocument(data, 'internal', TODAY);
    members = selfEvaluationDocument(data, 'members', TODAY);
    const xml = await zipEntry(await reportDocx(internal), 'word/document.xml');
    internalRows = tableRows(xml);
    internalText = documentText(xml);
    membersRows = tableRows(await zipEntry(await reportDocx(members), 'word/document.xml'));
  });

  test('title and period: "Self-evaluation 2025 to 2026"; the eight area headings in order, then the Ofsted section', () => {
    assert.equal(internal.title, 'Self-evaluation 2025 to 2026');
    assert.equal(internal.period, '2025');
    assert.match(internalText, /Self-evaluation 2025 to 2026/);
    const headings = internal.blocks
      .filter((b) => b.type === 'heading' && b.level === 2)
      .map((b) => (b.type === 'heading' ? b.text : ''));
    assert.deepEqual(headings, [
      'Early help',
      'Front door',
      'Assessment',
      'Intervention and planning',
      'Children in care',
      'Fostering and adoption',
      'Care leavers',
      'Disabled children',
    ]);
    assert.ok(internalText.indexOf(SELF_EVALUATION_HEADINGS.ofsted) > internalText.indexOf('Disabled children'));
  });

  test('the service’s text: two paragraphs, a list, and "Not yet written" where empty', () => {
    assert.match(
      internalText,
      /Summary\nOur hubs are open\.\nPanels meet weekly\.\nStrengths and achievements\nPartners attend\.\nAllocation is tracked\.\nAreas for improvement\nNot yet written\.\nFocus for the year ahead\nNot yet written\./,
    );
  });

  test('indicators at March 2026 beside March 2025: 3 requests (5 a year before); 2 of 3 = 66.7% in time (5 of 5 = 100%), Off target; no benchmark published', () => {
    assert.deepEqual(
      internalRows.find((r) => r[0] === 'Indicator'),
      ['Indicator', 'March 2026', 'March 2025', 'England', 'Statistical neighbours', 'Year', 'RAG'],
    );
    assert.deepEqual(
      internalRows.find((r) => r[0] === 'Early help requests'),
      ['Early help requests', '3', '5', 'Not published', 'Not published', '–', '–'],
    );
    assert.deepEqual(
      internalRows.find((r) => r[0] === 'Early help requests allocated within 10 working days'),
      [
        'Early help requests allocated within 10 working days',
        '66.7%',
        '100%',
        'Not published',
        'Not published',
        '–',
        'Off target',
      ],
    );
  });

  test('audits April 2025 to March 2026: early help 2 of 4 = 50%; engagement 2 of 2 = 100%; multi-agency 0 of 2 = 0%; the cin-cp audit counts for intervention and planning', () => {
    assert.deepEqual(
      internalRows.find((r) => r[0] === 'All domains, audits of early help teams'),
      ['All domains, audits of early help teams', '4', '2', '50%'],
    );
    const eng = internalRows.filter((r) => r[0] === 'Engagement with parents and carers');
    assert.deepEqual(eng[0], ['Engagement with parents and carers', '2', '2', '100%']);
    assert.deepEqual(
      internalRows.find((r) => r[0] === 'Multi-agency working'),
      ['Multi-agency working', '2', '0', '0%'],
    );
    assert.deepEqual(
      internalRows.find((r) => r[0] === 'All domains, audits of children in need and child protection teams'),
      ['All domains, audits of children in need and child protection teams', '1', '1', '100%'],
    );
    assert.match(internalText, /Early help: case audit grades, April 2025 to March 2026/);
  });

  test('members: counts 1–4 and what is made from them are "c" (3 requests, 2 of 3, the audit counts); 5 and 5 of 5 stand; no RAG on a hidden value', () => {
    assert.deepEqual(membersRows.find((r) => r[0] === 'Early help requests')?.slice(1, 3), ['c', '5']);
    assert.deepEqual(
      membersRows.find((r) => r[0] === 'Early help requests allocated within 10 working days')?.slice(1),
      ['c', '100%', 'Not published', 'Not published', '–', '–'],
    );
    assert.deepEqual(
      membersRows.find((r) => r[0] === 'All domains, audits of early help teams'),
      ['All domains, audits of early help teams', 'c', 'c', 'c'],
    );
    assert.deepEqual(
      membersRows.find((r) => r[0] === 'Multi-agency working'),
      ['Multi-agency working', 'c', '0', 'c'],
    );
  });

  test('no indicator for disabled children: said plainly, and no indicator table for them', () => {
    assert.match(internalText, /Lantern holds no indicator for disabled children yet/);
    assert.ok(!internalText.includes('Disabled children: indicators'));
    assert.match(internalText, /Lantern holds no indicator for fostering/);
  });

  test('Ofsted: the latest graded inspection’s two recommendations; 1a.1 answers the first (in progress, amber, overdue); nothing answers the second', () => {
    assert.match(internalText, /The latest graded inspection is Ofsted’s ILACS standard inspection, 13 January 2025\./);
    assert.match(internalText, /Recommendation 1\nImprove the timeliness of early help\./);
    assert.deepEqual(
      internalRows.find((r) => r[0] === '1a.1 Early help allocation tracker'),
      ['1a.1 Early help allocation tracker', 'In progress', 'Amber', '31 March 2026', 'Overdue'],
    );
    assert.match(
      internalText,
      /Recommendation 2\nStrengthen supervision\.\nNo action in the improvement plan answers it yet\./,
    );
  });

  test('periods: the years with text (2025) and the current year (2026), newest first; a bad period names --period', async () => {
    const db = ctx.database.db;
    assert.deepEqual(await selfEvaluation.periods(db, authorityId, TODAY), [
      { value: '2026', label: '2026 to 2027' },
      { value: '2025', label: '2025 to 2026' },
    ]);
    for (const period of ['26', '1999', 'latest']) {
      await assert.rejects(
        selfEvaluation.build(db, authorityId, { period, audience: 'internal', today: TODAY }),
        (e: unknown) => e instanceof ValidationError && e.errors[0]?.field === '--period',
      );
    }
    const built = await selfEvaluation.build(db, authorityId, { period: '2025', audience: 'internal', today: TODAY });
    assert.equal(built.title, 'Self-evaluation 2025 to 2026');
  });
});
