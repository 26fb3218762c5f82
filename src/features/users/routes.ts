import { z } from 'zod';
import { ROLES } from '../../domain/roles';
import { paths } from '../../web/paths';
import type { RouteBuilder } from '../../web/route';

const userView = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  teamId: z.number().nullable(),
  teamName: z.string().nullable(),
  active: z.boolean(),
  lastSignInAt: z.date().nullable().transform((d) => d?.toISOString() ?? null),
});

const createBody = z
  .object({
    username: z.string(),
    displayName: z.string(),
    role: z.string(),
    teamId: z.number().int().nullable().optional(),
    password: z.string(),
  })
  .strict();

export function usersRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.admin.users,
    access: 'user:manage',
    audit: 'user.list',
    handler: async ({ res, user, services, audit }) => {
      const users = await services.users.list(user.authorityId, audit);
      res.render('users/views/index.njk', { pageTitle: 'Users and roles', users });
    },
  });

  r.api({
    method: 'get',
    path: paths.api.me,
    access: 'signed-in',
    audit: null,
    tag: 'Users',
    summary: 'Who am I',
    description: 'The signed-in user (or the token’s owner), their role and team scope.',
    response: z.object({ id: z.number(), username: z.string(), displayName: z.string(), role: z.enum(ROLES), authorityId: z.number(), teamId: z.number().nullable() }),
    handler: async ({ user }) => user,
  });

  r.api({
    method: 'get',
    path: paths.api.users,
    access: 'user:manage',
    audit: 'user.list',
    tag: 'Users',
    summary: 'List users',
    response: z.object({ users: z.array(userView) }),
    handler: async ({ user, services, audit }) => ({ users: await services.users.list(user.authorityId, audit) }),
  });

  r.api({
    method: 'post',
    path: paths.api.users,
    access: 'user:manage',
    audit: 'user.create',
    tag: 'Users',
    summary: 'Create a user',
    description: 'Team managers and social workers need a teamId: they see only their team’s children.',
    body: createBody,
    status: 201,
    response: z.object({ id: z.number(), username: z.string(), displayName: z.string(), role: z.enum(ROLES), teamId: z.number().nullable() }),
    handler: async ({ body, user, services, audit }) => {
      return services.users.create(user.authorityId, { ...body, teamId: body.teamId ?? null }, audit);
    },
  });
}
