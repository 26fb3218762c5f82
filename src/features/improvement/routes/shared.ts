/** What the improvement plan's pages share: the route parameters, the form body, the audience, finding an action. */
import type { Request } from 'express';
import { z } from 'zod';
import { can } from '../../../domain/roles';
import { NotFoundError } from '../../../core/errors';
import type { PageContext } from '../../../web/route';
import type { Audience } from '../../indicators/present';
import type { CurrentUser } from '../../../accounts/users/service';
import { loadPlan, type PlanAction } from '../plan';

export type Body = Record<string, unknown>;

const idParam = (name: string) => z.object({ [name]: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export function idFrom(req: Request, name: string): number {
  const parsed = idParam(name).safeParse(req.params);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data[name] as number;
}

export function audienceOf(user: CurrentUser): Audience {
  return can(user.role, 'child:read') ? 'staff' : 'members';
}

/**
 * A posted radio choice: the string chosen, or undefined when none was (so that a service's default applies). The
 * forms' fields are shaped by their body schemas; their rules are the services' (the same for the API and the CLI).
 */
export const formChoice = z.preprocess((v) => (typeof v === 'string' ? v : undefined), z.string().optional());

export const list = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.map((x) => (typeof x === 'string' ? x : String(x as number)))
    : typeof v === 'string' && v !== ''
      ? [v]
      : [];

export async function findAction(
  ctx: Pick<PageContext, 'user' | 'services'>,
  actionId: number,
  today: string,
): Promise<{ action: PlanAction; themeTitle: string; objectiveTitle: string }> {
  const plan = await loadPlan(ctx.services.db, ctx.user.authorityId, today);
  for (const t of plan.themes) {
    for (const o of t.objectives) {
      const action = o.actions.find((a) => a.id === actionId);
      if (action)
        return { action, themeTitle: `${t.number}. ${t.title}`, objectiveTitle: `${t.number}${o.code}. ${o.title}` };
    }
  }
  throw new NotFoundError();
}
