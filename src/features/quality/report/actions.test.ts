/**
 * The QA report's actions sections for March 2026, as at 31 March (the report is made on 1 May 2026), by hand:
 *
 *   r1 Alpha, Assessment  raised 5 Mar   due 20 Mar  open                 → open, overdue
 *   r2 Alpha, Assessment  raised 6 Mar   due 31 Mar  open                 → open, not overdue (due on the day)
 *   r3 Alpha, Assessment  raised 7 Mar   due 25 Mar  completed 30 Mar     → completed (late)
 *   r4 Beta,  Voice       raised 8 Mar   due 15 Mar  completed 10 Apr     → open and overdue on 31 March
 *   r5 Alpha, Assessment  raised 20 Feb  due 1 Mar   open                 → not raised in March; overdue by team only
 *   r6 Alpha, Voice       raised 2 Apr   due 3 Apr   open                 → after the month: nowhere
 *   r7–r9 Alpha, Assessment raised 10 Mar due 11 Mar open               → open, overdue
 *
 *   Themes (raised in March): Assessment raised 6 (r1 r2 r3 r7 r8 r9), open 5, overdue 4 (r1 r7 r8 r9), completed 1;
 *                             Voice raised 1 (r4), open 1, overdue 1, completed 0.
 *   Overdue by team on 31 March: Alpha open 6 (r1 r2 r5 r7 r8 r9), overdue 5; Beta open 1, overdue 1.
 *   Members: 1–4 → c: Assessment 6, 5, c, c; Voice c, c, c, 0; Alpha 6, 5; Beta c, c.
 *   Made on 20 March instead (the month not over): as at 20 March, r1 (due that day) is not overdue and r3 is open:
 *     Assessment raised 6, open 6, overdue 3 (r7 r8 r9), completed 0.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { caseAuditActions } from '../../../db/schema/index';
import { describeEachEngine } from '../../../../test/support/databases';
import { buildAuthority, buildCaseAudit, buildChild, buildTeam } from '../../../../test/support/builders';
import { buildDomain } from '../../../../test/support/improvement';
import { tableRows, unzip, documentText } from '../../../../test/support/office';
import { loadQualityReport } from './content';
import { HEADINGS, qualityReportDocument } from '../../reports/downloads/qa-docx';

describeEachEngine('the QA report: themes from actions and overdue actions by team', (ctx) => {
  let authorityId = 0;

  before(async () => {
    const db = ctx.database.db;
    authorityId = (await buildAuthority(db)).id;
    const alpha = (await buildTeam(db, { authorityId, name: 'Alpha' })).id;
    const beta = (await buildTeam(db, { authorityId, name: 'Beta' })).id;
    const assessment = (await buildDomain(db, { authorityId, key: 'assessment', title: 'Assessment', sortOrder: 1 }))
      .id;
    const voice = (await buildDomain(db, { authorityId, key: 'voice', title: 'Voice', sortOrder: 2 })).id;
    const child = await buildChild(db, { authorityId });
    const auditA = (await buildCaseAudit(db, child, { teamId: alpha, submittedOn: '2026-02-15' })).id;
    const auditB = (await buildCaseAudit(db, child, { teamId: beta, submittedOn: '2026-03-01' })).id;
    const add = (auditId: number, domainId: number, raised: string, dueOn: string, completedOn: string | null = null) =>
      db.insert(caseAuditActions).values({
        auditId,
        domainId,
        description: 'An action',
        ownerName: 'Owner',
        dueOn,
        createdAt: new Date(`${raised}T12:00:00Z`),
        ...(completedOn ? { status: 'complete' as const, completedOn } : {}),
      });
    await add(auditA, assessment, '2026-03-05', '2026-03-20');
    await add(auditA, assessment, '2026-03-06', '2026-03-31');
    await add(auditA, assessment, '2026-03-07', '2026-03-25', '2026-03-30');
    await add(auditB, voice, '2026-03-08', '2026-03-15', '2026-04-10');
    await add(auditA, assessment, '2026-02-20', '2026-03-01');
    await add(auditA, voice, '2026-04-02', '2026-04-03');
    for (let i = 0; i < 3; i++) await add(auditA, assessment, '2026-03-10', '2026-03-11');
  });

  test('internal: the figures as at 31 March, and the two sections in the document', async () => {
    const report = await loadQualityReport(ctx.database.db, authorityId, '2026-03', 'internal', '2026-05-01');
    assert.equal(report.actions.asAt, '2026-03-31');
    assert.deepEqual(report.actions.themes, [
      { label: 'Assessment', raised: 6, open: 5, overdue: 4, completed: 1 },
      { label: 'Voice', raised: 1, open: 1, overdue: 1, completed: 0 },
    ]);
    assert.deepEqual(report.actions.overdueByTeam, [
      { label: 'Alpha', open: 6, overdue: 5 },
      { label: 'Beta', open: 1, overdue: 1 },
    ]);
    const xml = (await unzip(await qualityReportDocument(report))).get('word/document.xml')?.toString('utf8') ?? '';
    for (const h of [HEADINGS.actionThemes, HEADINGS.overdueByTeam])
      assert.match(xml, new RegExp(`<w:pStyle w:val="Heading1"/>(?:(?!</w:p>).)*${h}`, 's'), h);
    assert.ok(documentText(xml).includes('completed on 31 March 2026'));
    const rows = tableRows(xml);
    assert.ok(rows.some((r) => r.join('|') === 'Theme (practice domain)|Raised|Open|Overdue|Completed'));
    assert.ok(rows.some((r) => r.join('|') === 'Assessment|6|5|4|1'));
    assert.ok(rows.some((r) => r.join('|') === 'Voice|1|1|1|0'));
    assert.ok(rows.some((r) => r.join('|') === 'Alpha|6|5'));
    assert.ok(rows.some((r) => r.join('|') === 'Beta|1|1'));
  });

  test('members: counts from 1 to 4 are "c"', async () => {
    const report = await loadQualityReport(ctx.database.db, authorityId, '2026-03', 'members', '2026-05-01');
    const rows = tableRows(
      (await unzip(await qualityReportDocument(report))).get('word/document.xml')?.toString('utf8') ?? '',
    );
    assert.ok(rows.some((r) => r.join('|') === 'Assessment|6|5|c|c'));
    assert.ok(rows.some((r) => r.join('|') === 'Voice|c|c|c|0'));
    assert.ok(rows.some((r) => r.join('|') === 'Alpha|6|5'));
    assert.ok(rows.some((r) => r.join('|') === 'Beta|c|c'));
  });

  test('made before the month is over: as at that day (due that day is not overdue; completed later is open)', async () => {
    const report = await loadQualityReport(ctx.database.db, authorityId, '2026-03', 'internal', '2026-03-20');
    assert.equal(report.actions.asAt, '2026-03-20');
    assert.deepEqual(report.actions.themes[0], { label: 'Assessment', raised: 6, open: 6, overdue: 3, completed: 0 });
  });
});
