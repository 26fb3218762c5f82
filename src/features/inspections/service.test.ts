/**
 * Inspection records on both engines: saved whole with their audit entry, read back with deadlines and the actions
 * that answer each recommendation, edited without losing the ids actions link to, and protected from deletion
 * while the improvement plan answers them.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import {
  accessLog,
  improvementActionRecommendations,
  inspectionJudgements,
  inspectionParagraphs,
  inspectionRecommendations,
  inspections,
} from '../../db/schema/index';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors';
import { createAuditor, type Auditor } from '../../accounts/access-log/auditor';
import { accessLogRepository } from '../../accounts/access-log/repository';
import { describeEachEngine } from '../../../test/support/databases';
import { buildAuthority } from '../../../test/support/builders';
import { buildAction, buildObjective, buildTheme } from '../../../test/support/improvement';
import {
  createInspection,
  deleteInspection,
  getInspection,
  latestGraded,
  listInspections,
  updateInspection,
} from './service';
import { validateInspection, type InspectionBody, type InspectionInput } from './validation';

function auditor(authorityId: number, action: string): Auditor {
  return createAuditor(accessLogRepository(), { userId: null, username: 'lead', authorityId }, action, null);
}

function checked(body: InspectionBody): InspectionInput {
  const result = validateInspection(body);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

/** Haringey-shaped: ILACS 2018, all RI, report received Wednesday 5 December 2018. */
const haringey: InspectionBody = {
  kind: 'ilacs-standard',
  startDate: '2018-10-22',
  endDate: '2018-11-09',
  leadInspector: 'A. Inspector',
  reportReceivedOn: '2018-12-05',
  publishedOn: '2018-12-14',
  summary: 'Services require improvement to be good.',
  judgements: {
    overall: 'requires-improvement',
    leaders: 'Requires improvement to be good',
    'help-and-protection': 'requires-improvement',
    'children-in-care-and-care-leavers': 'requires-improvement',
  },
  recommendations: [
    'Assessment of children’s needs when circumstances change.',
    'Child-focused plans in the disabled children’s team.',
    'Placement sufficiency for vulnerable adolescents.',
  ],
  paragraphs: [
    {
      number: 1,
      heading: 'The experiences and progress of children who need help and protection: requires improvement to be good',
      text: 'Paragraph one.',
    },
    {
      number: 2,
      heading: 'The experiences and progress of children who need help and protection: requires improvement to be good',
      text: 'Paragraph two.',
    },
  ],
};

describeEachEngine('inspection records', (ctx) => {
  let la: { id: number };
  let other: { id: number };

  before(async () => {
    la = await buildAuthority(ctx.database.db);
    other = await buildAuthority(ctx.database.db);
  });

  it('saves an inspection with its judgements, recommendations and paragraphs, audited, and reads it back with its deadlines', async () => {
    const db = ctx.database.db;
    const id = await createInspection(db, la.id, checked(haringey), 'lead', auditor(la.id, 'inspection.create'));
    const record = await getInspection(db, la.id, id, '2019-03-19');
    assert.ok(record);
    assert.equal(record.framework, 'ilacs-2018', 'defaulted from the kind and the start date (2018)');
    assert.deepEqual(
      record.judgements.map((j) => [j.key, j.grade]),
      [
        ['leaders', 'requires-improvement'],
        ['help-and-protection', 'requires-improvement'],
        ['children-in-care-and-care-leavers', 'requires-improvement'],
        ['overall', 'requires-improvement'],
      ],
    );
    assert.deepEqual(
      record.recommendations.map((r) => [r.kind, r.number]),
      [
        ['recommendation', 1],
        ['recommendation', 2],
        ['recommendation', 3],
      ],
    );
    assert.equal(record.recommendationCount, 3);
    assert.deepEqual(
      record.paragraphs.map((p) => [p.number, p.judgement]),
      [
        [1, 'help-and-protection'],
        [2, 'help-and-protection'],
      ],
    );
    // Received Wednesday 5 December 2018: publish by Monday 21 January 2019 (30 working days; published 14 December,
    // on time); action plan by Monday 18 March 2019 (70 working days; not sent, and on Tuesday 19 March one working day overdue).
    assert.deepEqual(
      record.deadlines.map((d) => [d.key, d.due, d.status]),
      [
        ['publish-report', '2019-01-21', 'met'],
        ['action-plan', '2019-03-18', 'overdue'],
      ],
    );
    assert.equal(record.actionPlanOnTime, null, 'not sent yet');
    const log = await db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.action, 'inspection.create'), eq(accessLog.recordId, String(id))));
    assert.equal(log.length, 1);
    assert.deepEqual(log[0]?.detail, {
      kind: 'ilacs-standard',
      framework: 'ilacs-2018',
      judgements: 4,
      recommendations: 3,
      priorityActions: 0,
      paragraphs: 2,
    });
  });

  it('another authority cannot read, change or delete it', async () => {
    const db = ctx.database.db;
    const id = await createInspection(
      db,
      la.id,
      checked({ kind: 'monitoring-visit', startDate: '2017-09-05', theme: 'Front door' }),
      'lead',
      auditor(la.id, 'inspection.create'),
    );
    assert.equal(await getInspection(db, other.id, id), null);
    await assert.rejects(
      updateInspection(
        db,
        other.id,
        id,
        checked({ kind: 'monitoring-visit', startDate: '2017-09-06' }),
        auditor(other.id, 'inspection.update'),
      ),
      NotFoundError,
    );
    await assert.rejects(deleteInspection(db, other.id, id, auditor(other.id, 'inspection.delete')), NotFoundError);
    assert.equal((await getInspection(db, la.id, id))?.startDate, '2017-09-05');
  });

  it('lists oldest first with counts, and the latest graded is the latest SIF or ILACS inspection, not a later visit', async () => {
    const db = ctx.database.db;
    const x = await buildAuthority(db);
    const a = auditor(x.id, 'inspection.create');
    const sif = await createInspection(
      db,
      x.id,
      checked({
        kind: 'sif',
        startDate: '2017-04-24',
        endDate: '2017-05-18',
        judgements: {
          overall: 'inadequate',
          'help-and-protection': 'inadequate',
          'children-in-care': 'inadequate',
          leaders: 'inadequate',
        },
        recommendations: ['One', 'Two'],
      }),
      'lead',
      a,
    );
    const ilacs = await createInspection(
      db,
      x.id,
      checked({
        kind: 'ilacs-standard',
        startDate: '2019-05-13',
        endDate: '2019-05-24',
        judgements: {
          overall: 'good',
          leaders: 'good',
          'help-and-protection': 'good',
          'children-in-care-and-care-leavers': 'good',
        },
      }),
      'lead',
      a,
    );
    const visit = await createInspection(
      db,
      x.id,
      checked({
        kind: 'focused-visit',
        startDate: '2021-02-02',
        theme: 'Care leavers',
        priorityActions: ['Pathway plans'],
      }),
      'lead',
      a,
    );
    const list = await listInspections(db, x.id);
    assert.deepEqual(
      list.map((i) => i.id),
      [sif, ilacs, visit],
    );
    assert.deepEqual(
      list.map((i) => [i.recommendationCount, i.priorityActionCount]),
      [
        [2, 0],
        [0, 0],
        [0, 1],
      ],
    );
    assert.equal(list[2]?.framework, 'ilacs-2018', 'a visit carries the framework in force');
    assert.equal((await latestGraded(db, x.id))?.id, ilacs);
    assert.equal(await latestGraded(db, (await buildAuthority(db)).id), null);
  });

  it('keeps recommendation ids through edits: same text renumbered, same number retyped; removes the rest', async () => {
    const db = ctx.database.db;
    const id = await createInspection(
      db,
      la.id,
      checked({ ...haringey, recommendations: ['Alpha', 'Bravo', 'Charlie'] }),
      'lead',
      auditor(la.id, 'inspection.create'),
    );
    const before = (await getInspection(db, la.id, id))?.recommendations ?? [];
    const ids = Object.fromEntries(before.map((r) => [r.text, r.id]));
    // Bravo removed; Charlie moves to 2 (same text); Alpha retyped at number 1 (same number); Delta is new.
    await updateInspection(
      db,
      la.id,
      id,
      checked({
        ...haringey,
        recommendations: ['Alpha (retyped)', 'Charlie', 'Delta'],
        actionPlanSentOn: '2019-03-18',
      }),
      auditor(la.id, 'inspection.update'),
    );
    const after = await getInspection(db, la.id, id);
    assert.deepEqual(
      after?.recommendations.map((r) => [
        r.number,
        r.text,
        r.id === ids.Alpha ? 'Alpha' : r.id === ids.Charlie ? 'Charlie' : r.id === ids.Bravo ? 'Bravo' : 'new',
      ]),
      [
        [1, 'Alpha (retyped)', 'Alpha'],
        [2, 'Charlie', 'Charlie'],
        [3, 'Delta', 'new'],
      ],
    );
    // Sent on the 70th working day: on time.
    assert.equal(after?.actionPlanOnTime, true);
    const log = await db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.action, 'inspection.update'), eq(accessLog.recordId, String(id))));
    assert.equal(log[0]?.detail?.recommendationsRemoved, 1);
    assert.equal(log[0]?.detail?.recommendationsAdded, 1);
  });

  describe('with an improvement action answering a recommendation', () => {
    let id = 0;
    let answered = 0;

    before(async () => {
      const db = ctx.database.db;
      id = await createInspection(
        db,
        la.id,
        checked({ ...haringey, recommendations: ['Keep me', 'Answered one', 'Free one'] }),
        'lead',
        auditor(la.id, 'inspection.create'),
      );
      const recs = (await getInspection(db, la.id, id))?.recommendations ?? [];
      answered = recs.find((r) => r.text === 'Answered one')?.id ?? 0;
      const theme = await buildTheme(db, { authorityId: la.id, number: 2 });
      const objective = await buildObjective(db, { themeId: Number(theme.id), code: 'a' });
      const action = await buildAction(db, {
        authorityId: la.id,
        objectiveId: Number(objective.id),
        number: 1,
        title: 'Audit plans monthly',
      });
      await db
        .insert(improvementActionRecommendations)
        .values({ actionId: Number(action.id), recommendationId: answered });
    });

    it('shows which actions answer each recommendation, and none for the others', async () => {
      const record = await getInspection(ctx.database.db, la.id, id);
      assert.deepEqual(
        record?.recommendations.map((r) => [r.text, r.answeredBy.map((a) => `${a.reference} ${a.title}`)]),
        [
          ['Keep me', []],
          ['Answered one', ['2a.1 Audit plans monthly']],
          ['Free one', []],
        ],
      );
    });

    it('refuses to remove the answered recommendation, naming the action, and changes nothing', async () => {
      const db = ctx.database.db;
      await assert.rejects(
        updateInspection(
          db,
          la.id,
          id,
          checked({ ...haringey, leadInspector: 'Changed', recommendations: ['Keep me', 'Free one'] }),
          auditor(la.id, 'inspection.update'),
        ),
        (e: unknown) => {
          assert.ok(e instanceof ValidationError);
          assert.deepEqual(e.errors, [
            {
              field: 'recommendations',
              message:
                'Recommendation 2 (“Answered one”) is answered by improvement action 2a.1, so it cannot be removed: keep it, or first take it off the action in the improvement plan',
            },
          ]);
          return true;
        },
      );
      const record = await getInspection(db, la.id, id);
      assert.equal(record?.leadInspector, 'A. Inspector');
      assert.deepEqual(
        record?.recommendations.map((r) => r.text),
        ['Keep me', 'Answered one', 'Free one'],
      );
    });

    it('allows removing another one; the answered one keeps its id when renumbered', async () => {
      const db = ctx.database.db;
      await updateInspection(
        db,
        la.id,
        id,
        checked({ ...haringey, recommendations: ['Answered one', 'Keep me'] }),
        auditor(la.id, 'inspection.update'),
      );
      const record = await getInspection(db, la.id, id);
      assert.deepEqual(
        record?.recommendations.map((r) => [r.number, r.text, r.id === answered]),
        [
          [1, 'Answered one', true],
          [2, 'Keep me', false],
        ],
      );
    });

    it('refuses to delete the inspection while the plan answers it, and then deletes it all once the link is gone', async () => {
      const db = ctx.database.db;
      await assert.rejects(deleteInspection(db, la.id, id, auditor(la.id, 'inspection.delete')), (e: unknown) => {
        assert.ok(e instanceof ConflictError);
        assert.equal(
          e.message,
          'This ILACS standard inspection cannot be deleted: improvement plan action 2a.1 answers its recommendation 1. Take those recommendations off the actions first.',
        );
        return true;
      });
      assert.ok(await getInspection(db, la.id, id));
      await db
        .delete(improvementActionRecommendations)
        .where(eq(improvementActionRecommendations.recommendationId, answered));
      await deleteInspection(db, la.id, id, auditor(la.id, 'inspection.delete'));
      assert.equal(await getInspection(db, la.id, id), null);
      for (const table of [inspectionJudgements, inspectionRecommendations, inspectionParagraphs] as const) {
        assert.equal((await db.select().from(table).where(eq(table.inspectionId, id))).length, 0);
      }
      assert.equal((await db.select().from(inspections).where(eq(inspections.id, id))).length, 0);
      assert.equal(
        (
          await db
            .select()
            .from(accessLog)
            .where(and(eq(accessLog.action, 'inspection.delete'), eq(accessLog.recordId, String(id))))
        ).length,
        1,
      );
    });
  });
});
