import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { accessLog, improvementActions, improvementThemes } from '../../db/schema/index';
import { ValidationError } from '../../core/errors';
import { createAuditor, type Auditor } from '../../accounts/access-log/auditor';
import { accessLogRepository } from '../../accounts/access-log/repository';
import { describeEachEngine } from '../../../test/support/databases';
import { buildAuthority } from '../../../test/support/builders';
import { buildInspectionWith } from '../../../test/support/improvement';
import { loadPlan, planActions } from './plan';
import {
  addProgressUpdate,
  createAction,
  createObjective,
  createTheme,
  deleteAction,
  deleteTheme,
  ensurePracticeDomains,
  getAction,
  linkRecommendation,
  setEvidence,
  unlinkRecommendation,
  updateAction,
} from './service';

const TODAY = '2026-06-10';

function auditor(authorityId: number, action: string): Auditor {
  return createAuditor(accessLogRepository(), { userId: null, username: 'lead', authorityId }, action, null);
}

async function rejects(promise: Promise<unknown>, expected: Record<string, string>): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof ValidationError, `expected a ValidationError, got ${String(e)}`);
    assert.deepEqual(Object.fromEntries(e.errors.map((x) => [x.field, x.message])), expected);
    return true;
  });
}

describeEachEngine('improvement plan service', (ctx) => {
  let la: { id: number };
  let other: { id: number };
  let objectiveId = 0;
  let recs: number[] = [];
  let otherRec = 0;
  const valid = () => ({
    objectiveId,
    title: 'Audit every re-referral in the month',
    owner: 'Head of the front door',
    startDate: '2026-02-02',
    dueDate: '2026-09-30',
    status: 'in-progress',
    rag: 'green',
    recommendationIds: [] as number[],
  });

  before(async () => {
    const db = ctx.database.db;
    la = await buildAuthority(db);
    other = await buildAuthority(db);
    recs = (
      await buildInspectionWith(db, {
        authorityId: la.id,
        kind: 'ilacs-short',
        startDate: '2024-06-10',
        recommendations: ['R1', 'R2'],
      })
    ).recommendationIds;
    otherRec = (
      await buildInspectionWith(db, {
        authorityId: other.id,
        kind: 'ilacs-short',
        startDate: '2024-06-10',
        recommendations: ['O1'],
      })
    ).recommendationIds[0] as number;
  });

  it('numbers themes 1, 2 … and objectives a, b … when no number or code is given, and refuses a number already used', async () => {
    const db = ctx.database.db;
    const t1 = await createTheme(db, la.id, { title: 'Front door' }, auditor(la.id, 'improvement.theme'));
    const t2 = await createTheme(
      db,
      la.id,
      { title: 'Children in care', description: 'Stability' },
      auditor(la.id, 'improvement.theme'),
    );
    const themes = await db
      .select()
      .from(improvementThemes)
      .where(eq(improvementThemes.authorityId, la.id))
      .orderBy(improvementThemes.number);
    assert.deepEqual(
      themes.map((t) => [Number(t.id), t.number]),
      [
        [t1, 1],
        [t2, 2],
      ],
    );
    await rejects(createTheme(db, la.id, { number: 2, title: 'Again' }, auditor(la.id, 'improvement.theme')), {
      number: 'There is already a theme 2: choose another number',
    });
    await rejects(createTheme(db, la.id, { title: '  ' }, auditor(la.id, 'improvement.theme')), {
      title: 'Enter the theme title',
    });
    objectiveId = await createObjective(
      db,
      la.id,
      t1,
      { title: 'Timely decisions' },
      auditor(la.id, 'improvement.objective'),
    );
    const b = await createObjective(
      db,
      la.id,
      t1,
      { title: 'Fewer re-referrals', code: 'B' },
      auditor(la.id, 'improvement.objective'),
    );
    assert.ok(b > objectiveId);
    await rejects(createObjective(db, la.id, t1, { title: 'x', code: 'b' }, auditor(la.id, 'improvement.objective')), {
      code: 'This theme already has an objective b: choose another letter',
    });
    await rejects(createObjective(db, la.id, t1, { title: 'x', code: 'b2' }, auditor(la.id, 'improvement.objective')), {
      code: 'The objective code must be one or two letters, for example b',
    });
    // A theme with objectives is not deleted.
    await rejects(deleteTheme(db, la.id, t1, auditor(la.id, 'improvement.theme')), {
      theme: 'This theme still has objectives: delete or move them first',
    });
    // Each change was logged: 2 themes and 2 objectives.
    const logged = await db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.authorityId, la.id)));
    assert.equal(logged.filter((l) => l.action === 'improvement.theme').length, 2);
    assert.equal(logged.filter((l) => l.action === 'improvement.objective').length, 2);
  });

  it('validates an action field by field: due before start, missing owner, unknown RAG and status, completion date', async () => {
    const db = ctx.database.db;
    const a = auditor(la.id, 'improvement.action');
    await rejects(createAction(db, la.id, { ...valid(), dueDate: '2026-02-01' }, a), {
      dueDate: 'The due date must be the same as or after the start date',
    });
    // Due on the start day is allowed (the boundary).
    const sameDay = await createAction(db, la.id, { ...valid(), dueDate: '2026-02-02' }, a);
    await deleteAction(db, la.id, sameDay, a);
    await rejects(createAction(db, la.id, { ...valid(), owner: '', rag: 'purple', status: 'done' }, a), {
      owner: 'Enter the owner',
      rag: 'Choose a RAG rating: red, amber or green',
      status: 'Choose a status: not started, in progress, complete or blocked',
    });
    await rejects(createAction(db, la.id, { ...valid(), startDate: '2026-02-30' }, a), {
      startDate: 'The start date must be a real date, for example 27 3 2026',
    });
    await rejects(createAction(db, la.id, { ...valid(), status: 'complete' }, a), {
      completedOn: 'Enter the date the action was completed',
    });
    await rejects(createAction(db, la.id, { ...valid(), objectiveId: 999_999 }, a), {
      objectiveId: 'Choose the objective the action belongs to',
    });
    await rejects(createAction(db, la.id, { ...valid(), recommendationIds: [otherRec] }, a), {
      recommendationIds: 'Choose recommendations from this authority’s inspections',
    });
    const actions = await db.select().from(improvementActions).where(eq(improvementActions.authorityId, la.id));
    assert.equal(actions.length, 0, 'nothing was saved by a rejected action');
  });

  it('creates an action answering several recommendations, numbers it within its objective, and edits it', async () => {
    const db = ctx.database.db;
    const a = auditor(la.id, 'improvement.action');
    const first = await createAction(
      db,
      la.id,
      { ...valid(), recommendationIds: [recs[0] as number, recs[1] as number] },
      a,
    );
    const second = await createAction(db, la.id, { ...valid(), title: 'Second' }, a);
    let plan = await loadPlan(db, la.id, TODAY);
    assert.deepEqual(
      planActions(plan).map((x) => [x.id, x.reference]),
      [
        [first, '1a.1'],
        [second, '1a.2'],
      ],
    );
    assert.equal(plan.summary.unansweredRecommendations, 0);
    // Edit: answers only R2 now, complete on 1 June.
    await updateAction(
      db,
      la.id,
      first,
      { ...valid(), status: 'complete', completedOn: '2026-06-01', recommendationIds: [recs[1] as number] },
      a,
    );
    const edited = await getAction(db, la.id, first);
    assert.deepEqual(
      [edited.status, edited.completedOn, edited.recommendationIds],
      ['complete', '2026-06-01', [recs[1]]],
    );
    plan = await loadPlan(db, la.id, TODAY);
    assert.deepEqual(
      plan.unansweredRecommendations.map((r) => r.text),
      ['R1'],
    );
    // A status other than complete clears the completion date.
    await updateAction(db, la.id, first, { ...valid(), status: 'in-progress', completedOn: '2026-06-01' }, a);
    assert.equal((await getAction(db, la.id, first)).completedOn, null);
    // Another authority's action is not found.
    await assert.rejects(updateAction(db, other.id, first, valid(), a), /Not found/);
    // Link R1 to the second action (twice: the second changes nothing), then unlink it; another authority's is refused.
    await linkRecommendation(db, la.id, second, recs[0] as number, a);
    await linkRecommendation(db, la.id, second, recs[0] as number, a);
    assert.deepEqual((await getAction(db, la.id, second)).recommendationIds, [recs[0]]);
    // The last edit of the first action dropped its links: R1 is answered by the second action now, R2 by none.
    assert.deepEqual(
      (await loadPlan(db, la.id, TODAY)).unansweredRecommendations.map((r) => r.text),
      ['R2'],
    );
    await rejects(linkRecommendation(db, la.id, second, otherRec, a), {
      recommendationIds: 'Choose recommendations from this authority’s inspections',
    });
    await unlinkRecommendation(db, la.id, second, recs[0] as number, a);
    assert.deepEqual((await getAction(db, la.id, second)).recommendationIds, []);
  });

  it('sets evidence: indicators that exist with numeric targets, the authority’s own practice domains', async () => {
    const db = ctx.database.db;
    const a = auditor(la.id, 'improvement.evidence');
    const domains = await ensurePracticeDomains(db, la.id);
    assert.deepEqual(
      domains.map((d) => d.key),
      [
        'quality-of-assessment',
        'quality-of-planning',
        'voice-of-the-child',
        'engagement-with-parents-and-carers',
        'management-oversight-and-supervision',
        'diversity-and-identity',
        'multi-agency-working',
        'impact-on-the-child',
      ],
    );
    assert.equal((await ensurePracticeDomains(db, la.id)).length, 8, 'seeded once');
    const otherDomains = await ensurePracticeDomains(db, other.id);
    const actionId = planActions(await loadPlan(db, la.id, TODAY))[0]?.id as number;
    await rejects(setEvidence(db, la.id, actionId, { indicators: [{ id: 'no-such-indicator', target: '5' }] }, a), {
      'indicators.0.id': 'There is no indicator called no-such-indicator in the catalogue',
    });
    await rejects(
      setEvidence(db, la.id, actionId, { indicators: [{ id: 'rereferrals-12-months', target: 'twenty' }] }, a),
      { 'indicators.0.target': 'The target must be a number, for example 85 or 12.5' },
    );
    await rejects(setEvidence(db, la.id, actionId, { domainIds: [otherDomains[0]?.id as number] }, a), {
      domainIds: 'Choose practice domains from this authority’s audit framework',
    });
    await setEvidence(
      db,
      la.id,
      actionId,
      {
        indicators: [
          { id: 'rereferrals-12-months', target: '18%' },
          { id: 'contacts-per-10k', target: '' },
        ],
        domainIds: [domains[2]?.id as number],
      },
      a,
    );
    const action = planActions(await loadPlan(db, la.id, TODAY))[0];
    assert.deepEqual(
      action?.indicators.map((i) => [i.id, i.target]),
      [
        ['contacts-per-10k', null],
        ['rereferrals-12-months', 18],
      ],
    );
    assert.deepEqual(
      action?.domains.map((d) => d.key),
      ['voice-of-the-child'],
    );
  });

  it('a progress update sets status, RAG and completion when it is the latest by date; a back-dated one does not', async () => {
    const db = ctx.database.db;
    const a = auditor(la.id, 'improvement.progress');
    const actionId = planActions(await loadPlan(db, la.id, TODAY))[0]?.id as number;
    await rejects(
      addProgressUpdate(
        db,
        la.id,
        actionId,
        { updatedOn: '2026-06-11', status: 'in-progress', rag: 'amber', note: 'x' },
        { name: 'Lead' },
        TODAY,
        a,
      ),
      {
        updatedOn: 'The date of the update must be today or in the past',
      },
    );
    await rejects(
      addProgressUpdate(
        db,
        la.id,
        actionId,
        { updatedOn: TODAY, status: 'in-progress', rag: 'amber', note: '' },
        { name: 'Lead' },
        TODAY,
        a,
      ),
      { note: 'Enter the progress note' },
    );
    await addProgressUpdate(
      db,
      la.id,
      actionId,
      { updatedOn: '2026-05-01', status: 'in-progress', rag: 'amber', note: 'Slipping.' },
      { name: 'Lead' },
      TODAY,
      a,
    );
    let action = await getAction(db, la.id, actionId);
    assert.deepEqual([action.status, action.rag, action.completedOn], ['in-progress', 'amber', null]);
    // Complete, dated today (the boundary: today is allowed).
    await addProgressUpdate(
      db,
      la.id,
      actionId,
      { updatedOn: TODAY, status: 'complete', rag: 'green', note: 'Done.' },
      { name: 'Lead' },
      TODAY,
      a,
    );
    action = await getAction(db, la.id, actionId);
    assert.deepEqual([action.status, action.rag, action.completedOn], ['complete', 'green', TODAY]);
    // Back-dated to April: kept as history, the action unchanged.
    await addProgressUpdate(
      db,
      la.id,
      actionId,
      { updatedOn: '2026-04-01', status: 'not-started', rag: 'red', note: 'Earlier.' },
      { name: 'Lead' },
      TODAY,
      a,
    );
    action = await getAction(db, la.id, actionId);
    assert.deepEqual([action.status, action.rag, action.completedOn], ['complete', 'green', TODAY]);
    // The action started on 2 February 2026: an in-progress update the day before is refused, one on the day is kept.
    await rejects(
      addProgressUpdate(
        db,
        la.id,
        actionId,
        { updatedOn: '2026-02-01', status: 'in-progress', rag: 'green', note: 'Early.' },
        { name: 'Lead' },
        TODAY,
        a,
      ),
      {
        updatedOn: 'The date of the update must be on or after the action’s start date',
      },
    );
    await addProgressUpdate(
      db,
      la.id,
      actionId,
      { updatedOn: '2026-02-02', status: 'in-progress', rag: 'green', note: 'Started.' },
      { name: 'Lead' },
      TODAY,
      a,
    );
    const plan = await loadPlan(db, la.id, TODAY);
    assert.equal(planActions(plan)[0]?.latestUpdate?.note, 'Done.');
  });
});
