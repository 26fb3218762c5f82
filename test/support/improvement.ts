/**
 * Builders for improvement-plan tests: inspections with their recommendations, themes, objectives, actions,
 * practice domains and case audits, inserted directly so that each test states exactly what it needs.
 */
import type { Tx } from '../../src/db/client';
import {
  caseAuditGrades,
  caseAudits,
  improvementActions,
  improvementObjectives,
  improvementProgressUpdates,
  improvementThemes,
  indicatorValues,
  inspectionRecommendations,
  inspections,
  practiceDomains,
} from '../../src/db/schema/index';
import type { ActivityKind, Grade } from '../../src/domain/ofsted';

function one<T>(rows: T[]): T {
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function buildInspectionWith(
  db: Tx,
  values: {
    authorityId: number;
    kind: ActivityKind;
    startDate: string;
    recommendations?: readonly string[];
    priorityActions?: readonly string[];
  },
): Promise<{ id: number; recommendationIds: number[]; priorityActionIds: number[] }> {
  const inspection = one(
    await db
      .insert(inspections)
      .values({ authorityId: values.authorityId, kind: values.kind, startDate: values.startDate, createdBy: 'test' })
      .returning(),
  );
  const add = async (kind: 'recommendation' | 'priority-action', texts: readonly string[]) => {
    const ids: number[] = [];
    for (const [i, text] of texts.entries()) {
      const row = one(
        await db
          .insert(inspectionRecommendations)
          .values({ inspectionId: inspection.id, kind, number: i + 1, text })
          .returning(),
      );
      ids.push(Number(row.id));
    }
    return ids;
  };
  return {
    id: Number(inspection.id),
    recommendationIds: await add('recommendation', values.recommendations ?? []),
    priorityActionIds: await add('priority-action', values.priorityActions ?? []),
  };
}

export async function buildTheme(db: Tx, values: { authorityId: number; number: number; title?: string }) {
  return one(
    await db
      .insert(improvementThemes)
      .values({ title: `Theme ${values.number}`, ...values })
      .returning(),
  );
}

export async function buildObjective(db: Tx, values: { themeId: number; code: string; title?: string }) {
  return one(
    await db
      .insert(improvementObjectives)
      .values({ title: `Objective ${values.code}`, ...values })
      .returning(),
  );
}

export async function buildAction(
  db: Tx,
  values: { authorityId: number; objectiveId: number; number: number } & Partial<
    typeof improvementActions.$inferInsert
  >,
) {
  return one(
    await db
      .insert(improvementActions)
      .values({
        title: `Action ${values.number}`,
        owner: 'Head of service',
        startDate: '2026-01-05',
        dueDate: '2026-12-31',
        ...values,
      })
      .returning(),
  );
}

export async function buildProgressUpdate(
  db: Tx,
  values: { actionId: number } & Partial<typeof improvementProgressUpdates.$inferInsert>,
) {
  return one(
    await db
      .insert(improvementProgressUpdates)
      .values({
        updatedOn: '2026-02-01',
        status: 'in-progress',
        rag: 'green',
        note: 'On track.',
        authorName: 'Test User',
        ...values,
      })
      .returning(),
  );
}

export async function buildDomain(
  db: Tx,
  values: { authorityId: number; key: string; title?: string; sortOrder?: number },
) {
  return one(
    await db
      .insert(practiceDomains)
      .values({ title: values.key, ...values })
      .returning(),
  );
}

/** A submitted case audit (unless status says otherwise) with one grade per domain given. */
export async function buildAudit(
  db: Tx,
  values: {
    authorityId: number;
    childId: number;
    submittedOn: string | null;
    status?: string;
    grades: ReadonlyArray<{ domainId: number; grade: Grade; agreedGrade?: Grade | null }>;
  },
) {
  const audit = one(
    await db
      .insert(caseAudits)
      .values({
        authorityId: values.authorityId,
        childId: values.childId,
        auditorName: 'Auditor',
        status: values.status ?? 'submitted',
        submittedOn: values.submittedOn,
      })
      .returning(),
  );
  for (const g of values.grades) {
    await db
      .insert(caseAuditGrades)
      .values({ auditId: audit.id, domainId: g.domainId, grade: g.grade, agreedGrade: g.agreedGrade ?? null });
  }
  return audit;
}

/** A kept monthly indicator value (as refreshMonthlyValues keeps them). */
export async function keepMonthlyValue(
  db: Tx,
  values: {
    authorityId: number;
    indicatorId: string;
    month: string;
    numerator: number;
    denominator: number;
    value: number | null;
  },
) {
  const [y, m] = values.month.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  await db.insert(indicatorValues).values({
    authorityId: values.authorityId,
    indicatorId: values.indicatorId,
    periodKind: 'month',
    periodStart: `${values.month}-01`,
    periodEnd: end,
    numerator: values.numerator,
    denominator: values.denominator,
    value: values.value,
  });
}
