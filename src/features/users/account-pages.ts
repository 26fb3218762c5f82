/**
 * /admin/users/:userId: one user's account for the admin: role, scope, status and API tokens (name, created, last
 * used, expiry, revoked). The admin disables or enables the account (its sessions and tokens stop at their next
 * request) and revokes a token at once; each change is in the access log.
 */
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../core/errors';
import { paths } from '../../web/paths';
import type { PageContext, RouteBuilder } from '../../web/route';

const idOf = (value: unknown): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new NotFoundError();
  return n;
};

async function renderAccount(ctx: PageContext, status = 200, errors: Array<{ field: string; message: string }> = []) {
  const { req, res, user, services } = ctx;
  const account = await services.users.account(user.authorityId, idOf(req.params.userId));
  if (!account) throw new NotFoundError();
  const teams = await services.users.teams(user.authorityId);
  res.status(status).render('users/views/account.njk', {
    pageTitle: `${errors.length ? 'Error: ' : ''}${account.username}`,
    account,
    teamName: teams.find((t) => t.id === account.teamId)?.name ?? null,
    self: account.id === user.id,
    errors,
    changed: typeof req.query.changed === 'string' ? req.query.changed : null,
  });
}

export function accountPages(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.admin.user,
    access: 'user:manage',
    audit: 'user.view',
    handler: async (ctx) => {
      await renderAccount(ctx);
      await ctx.audit.record(ctx.services.db, { recordType: 'user', recordId: String(ctx.req.params.userId) });
    },
  });

  r.page({
    method: 'post',
    path: paths.admin.userStatus,
    access: 'user:manage',
    audit: 'user.status',
    body: z.strictObject({
      status: z.enum(['disable', 'enable'], { error: 'Choose to disable or enable the account' }),
    }),
    invalid: async (ctx, form) => {
      await renderAccount(ctx, 400, form.errors);
    },
    handler: async (ctx) => {
      const { req, res, user, services, audit, body } = ctx;
      const userId = idOf(req.params.userId);
      try {
        await services.users.setActive(user.authorityId, user.id, userId, body.status === 'enable', audit);
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        await audit.record(services.db, { recordType: 'user', recordId: String(userId), detail: { refused: true } });
        await renderAccount(ctx, 400, e.errors);
        return;
      }
      res.redirect(303, paths.withQuery(paths.admin.user({ userId }), { changed: body.status }));
    },
  });

  r.page({
    method: 'post',
    path: paths.admin.revokeToken,
    access: 'user:manage',
    audit: 'user.token-revoke',
    body: z.strictObject({}),
    invalid: async (ctx, form) => {
      await renderAccount(ctx, 400, form.errors);
    },
    handler: async ({ req, res, user, services, audit }) => {
      const userId = idOf(req.params.userId);
      await services.users.revokeToken(user.authorityId, userId, idOf(req.params.tokenId), audit);
      res.redirect(303, paths.withQuery(paths.admin.user({ userId }), { changed: 'revoked' }));
    },
  });
}
