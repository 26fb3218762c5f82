/**
 * The children (or workers) behind an indicator's value, as the signed-in user may see them: everyone in the
 * authority for authority-wide roles; only their team's children for team managers and social workers (the same
 * scope rule as the child record, src/features/children/scope.ts). Children outside the scope are counted as
 * hidden, never listed. Viewing the list is audited (indicator, period, how many) in the same transaction.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { rows } from '../../db/query';
import { children } from '../../db/schema/index';
import { childScope } from '../../domain/roles';
import { ForbiddenError } from '../../core/errors';
import type { Auditor } from '../../accounts/access-log/auditor';
import { childInScope } from '../children/scope';
import { fullName } from '../children/presenters';
import type { CurrentUser } from '../../accounts/users/service';
import type { IndicatorDefinition } from './definition';
import { drillDown } from './engine';
import type { Period } from './periods';

export const DRILL_PAGE = 100;

export interface DrillRow {
  readonly subjectId: number;
  readonly lanternId: string | null;
  readonly name: string | null;
  readonly numerator: number;
  readonly denominator: number;
  readonly detail: string | null;
}

export interface DrillList {
  /** Subjects the user may see. */
  readonly total: number;
  /** Subjects behind the number that the user may not see (other teams' children). */
  readonly hidden: number;
  readonly rows: readonly DrillRow[];
}

export async function childrenBehind(
  db: Tx,
  user: CurrentUser,
  def: IndicatorDefinition,
  period: Period,
  page: number,
  audit: Auditor,
): Promise<DrillList> {
  const scope = childScope(user);
  if (scope.kind === 'none') throw new ForbiddenError();
  return db.transaction(async (tx) => {
    const items = await drillDown(tx, def, user.authorityId, period);
    let visible: DrillRow[];
    if (def.subject === 'worker') {
      const workers =
        items.length === 0
          ? []
          : await rows<{ id: number | string; name: string; worker_ref: string }>(
              tx,
              sql`select id, name, worker_ref from workers where authority_id = ${user.authorityId} and id = any(${`{${items.map((i) => i.subjectId).join(',')}}`}::int[])`,
            );
      const byId = new Map(workers.map((w) => [Number(w.id), w]));
      // Team-scoped users see only their own team's workers.
      visible = items.flatMap((i) => {
        const w = byId.get(i.subjectId);
        return w ? [{ ...i, lanternId: w.worker_ref, name: w.name }] : [];
      });
      if (scope.kind === 'team') {
        const team = await rows<{ id: number | string }>(
          tx,
          sql`select id from workers where team_id = ${scope.teamId}`,
        );
        const inTeam = new Set(team.map((t) => Number(t.id)));
        visible = visible.filter((v) => inTeam.has(v.subjectId));
      }
    } else {
      const found =
        items.length === 0
          ? []
          : await rows<{
              id: number | string;
              lantern_id: string;
              first_name: string | null;
              last_name: string | null;
              la_child_id: string;
            }>(
              tx,
              sql`select c.id, c.lantern_id, c.first_name, c.last_name, c.la_child_id from children c
            where c.id = any(${`{${items.map((i) => i.subjectId).join(',')}}`}::bigint[]) and ${childInScope(scope, 'c', { id: children.id, authorityId: children.authorityId })}`,
            );
      const byId = new Map(found.map((c) => [Number(c.id), c]));
      visible = items.flatMap((i) => {
        const c = byId.get(i.subjectId);
        return c
          ? [
              {
                ...i,
                lanternId: c.lantern_id,
                name: fullName({ firstName: c.first_name, lastName: c.last_name, laChildId: c.la_child_id }),
              },
            ]
          : [];
      });
    }
    const start = (page - 1) * DRILL_PAGE;
    await audit.record(tx, {
      recordType: 'indicator',
      recordId: def.id,
      detail: {
        periodKind: period.kind,
        periodEnd: period.end,
        listed: Math.max(0, Math.min(DRILL_PAGE, visible.length - start)),
        page,
      },
    });
    return {
      total: visible.length,
      hidden: items.length - visible.length,
      rows: visible.slice(start, start + DRILL_PAGE),
    };
  });
}
