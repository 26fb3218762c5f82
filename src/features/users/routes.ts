import { z } from 'zod';
import { ROLES } from '../../domain/roles';
import { ConflictError, ValidationError } from '../../core/errors';
import { anyoneSignedIn } from '../../domain/policies';
import { paths } from '../../web/paths';
import type { RouteBuilder } from '../../web/route';
import { accountPages } from './account-pages';

const userView = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  teamId: z.number().nullable(),
  teamName: z.string().nullable(),
  active: z.boolean(),
  lastSignInAt: z
    .date()
    .nullable()
    .transform((d) => d?.toISOString() ?? null),
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

/** The add-a-user form's fields, as posted (a missing field is ''). Unknown fields, or fields that are not text, are refused. */
const UNREADABLE = { field: 'username', message: 'The form could not be read; try again' };
const posted = z.string({ error: UNREADABLE.message }).default('');
const userForm = z.strictObject(
  { username: posted, displayName: posted, role: posted, teamId: posted, password: posted },
  { error: UNREADABLE.message },
);

const FORM_ORDER = ['username', 'displayName', 'role', 'teamId', 'password'];

export function usersRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.admin.users,
    access: 'user:manage',
    audit: 'user.list',
    handler: async ({ req, res, user, services, audit }) => {
      const users = await services.users.list(user.authorityId, audit);
      res.render('users/views/index.njk', {
        pageTitle: 'Users and roles',
        users,
        created: typeof req.query.created === 'string' ? req.query.created : null,
      });
    },
  });

  r.page({
    method: 'get',
    path: paths.admin.newUser,
    access: 'user:manage',
    audit: null,
    handler: async ({ res, user, services }) => {
      res.render('users/views/new.njk', {
        pageTitle: 'Add a user',
        values: {},
        roles: ROLES,
        teams: await services.users.teams(user.authorityId),
      });
    },
  });

  r.page({
    method: 'post',
    path: paths.admin.newUser,
    access: 'user:manage',
    audit: 'user.create',
    body: userForm,
    invalid: async ({ res, user, services }, form) => {
      // The schema refuses only a form that was tampered with; the rules for each field are the service's.
      const errors = form.errors.some((e) => e.message === UNREADABLE.message) ? [UNREADABLE] : [...form.errors];
      errors.sort((a, b) => FORM_ORDER.indexOf(a.field) - FORM_ORDER.indexOf(b.field));
      res.render('users/views/new.njk', {
        pageTitle: 'Error: Add a user',
        errors,
        values: { ...form.input, password: '' },
        roles: ROLES,
        teams: await services.users.teams(user.authorityId),
      });
    },
    handler: async ({ body, res, user, services, audit }) => {
      const input = { ...body, teamId: body.teamId ? Number(body.teamId) : null };
      try {
        const created = await services.users.create(user.authorityId, input, audit);
        res.redirect(303, paths.withQuery(paths.admin.users({}), { created: created.username }));
      } catch (err) {
        if (err instanceof ConflictError) throw new ValidationError([{ field: 'username', message: err.message }]);
        throw err;
      }
    },
  });

  r.api({
    method: 'get',
    path: paths.api.me,
    access: anyoneSignedIn,
    audit: null,
    tag: 'Users',
    summary: 'Who am I',
    description: 'The signed-in user (or the token’s owner), their role and team scope.',
    response: z.object({
      id: z.number(),
      username: z.string(),
      displayName: z.string(),
      role: z.enum(ROLES),
      authorityId: z.number(),
      teamId: z.number().nullable(),
    }),
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
    response: z.object({
      id: z.number(),
      username: z.string(),
      displayName: z.string(),
      role: z.enum(ROLES),
      teamId: z.number().nullable(),
    }),
    handler: async ({ body, user, services, audit }) => {
      return services.users.create(user.authorityId, { ...body, teamId: body.teamId ?? null }, audit);
    },
  });
  // After /admin/users/new, which its /admin/users/:userId would otherwise take.
  accountPages(r);
}
