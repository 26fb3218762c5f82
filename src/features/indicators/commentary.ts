/**
 * Commentary beside an indicator and a period: what is going well, what needs to improve, and the actions.
 * Written by heads of service and directors; every version is kept with its author and time, and the latest is
 * what dashboards and reports show. Writing it is audited in the same transaction.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/client';
import { indicatorCommentary } from '../../db/schema/index';
import type { Auditor } from '../../accounts/access-log/auditor';
import type { Period } from './periods';

export const COMMENTARY_MAX = 4000;

export const commentaryForm = z
  .object({
    goingWell: z
      .string()
      .trim()
      .max(COMMENTARY_MAX, `What is going well must be ${COMMENTARY_MAX} characters or fewer`)
      .default(''),
    toImprove: z
      .string()
      .trim()
      .max(COMMENTARY_MAX, `What needs to improve must be ${COMMENTARY_MAX} characters or fewer`)
      .default(''),
    actions: z.string().trim().max(COMMENTARY_MAX, `Actions must be ${COMMENTARY_MAX} characters or fewer`).default(''),
  })
  .refine((c) => c.goingWell !== '' || c.toImprove !== '' || c.actions !== '', {
    error: 'Write at least one of what is going well, what needs to improve or the actions',
    path: ['goingWell'],
  });

export type CommentaryInput = z.output<typeof commentaryForm>;

export interface Commentary extends CommentaryInput {
  readonly id: number;
  readonly indicatorId: string;
  readonly periodKind: string;
  readonly periodEnd: string;
  readonly authorName: string;
  readonly createdAt: Date;
}

export async function addCommentary(
  db: Tx,
  authorityId: number,
  indicatorId: string,
  period: Period,
  input: CommentaryInput,
  author: { userId: number; name: string },
  audit: Auditor,
): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(indicatorCommentary)
      .values({
        authorityId,
        indicatorId,
        periodKind: period.kind,
        periodEnd: period.end,
        ...input,
        authorUserId: author.userId,
        authorName: author.name,
      })
      .returning({ id: indicatorCommentary.id });
    if (!row) throw new Error('commentary not saved');
    await audit.record(tx, {
      recordType: 'indicator',
      recordId: indicatorId,
      detail: { periodKind: period.kind, periodEnd: period.end },
    });
    return row.id;
  });
}

/** Every version for an indicator and period, newest first. */
export async function commentaryHistory(
  db: Tx,
  authorityId: number,
  indicatorId: string,
  period: Period,
): Promise<Commentary[]> {
  return db
    .select()
    .from(indicatorCommentary)
    .where(
      and(
        eq(indicatorCommentary.authorityId, authorityId),
        eq(indicatorCommentary.indicatorId, indicatorId),
        eq(indicatorCommentary.periodKind, period.kind),
        eq(indicatorCommentary.periodEnd, period.end),
      ),
    )
    .orderBy(desc(indicatorCommentary.createdAt), desc(indicatorCommentary.id));
}

/** The latest commentary for each of some indicators in a period. */
export async function latestCommentary(
  db: Tx,
  authorityId: number,
  indicatorIds: readonly string[],
  period: Period,
): Promise<Map<string, Commentary>> {
  if (indicatorIds.length === 0) return new Map();
  const all = await db
    .select()
    .from(indicatorCommentary)
    .where(
      and(
        eq(indicatorCommentary.authorityId, authorityId),
        inArray(indicatorCommentary.indicatorId, [...indicatorIds]),
        eq(indicatorCommentary.periodKind, period.kind),
        eq(indicatorCommentary.periodEnd, period.end),
      ),
    )
    .orderBy(desc(indicatorCommentary.createdAt), desc(indicatorCommentary.id));
  const out = new Map<string, Commentary>();
  for (const c of all) if (!out.has(c.indicatorId)) out.set(c.indicatorId, c);
  return out;
}
