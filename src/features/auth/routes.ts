import type { Request } from 'express';
import { z } from 'zod';
import { anyoneSignedIn } from '../../domain/policies';
import { paths } from '../../web/paths';
import type { RouteBuilder } from '../../web/route';
import { DEMO_USERNAMES } from '../demo/users';

const signInSchema = z.object({
  username: z.string().trim().min(1, 'Enter your username').max(64, 'Enter a valid username and password'),
  password: z.string().min(1, 'Enter your password').max(200, 'Enter a valid username and password'),
  _csrf: z.string().optional(),
});

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
}

export function safeReturnTo(value: string | undefined): string {
  // Only same-site paths: never an open redirect.
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/sign-') ? value : paths.home({});
}

export function authRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.signIn,
    access: 'public',
    audit: null,
    handler: async ({ req, res, user, services }) => {
      if (user) {
        res.redirect(303, paths.home({}));
        return;
      }
      void req;
      res.render('auth/views/sign-in.njk', { demo: services.config.demo, demoUsers: services.config.demo ? DEMO_USERNAMES : [] });
    },
  });

  r.page({
    method: 'post',
    path: paths.signIn,
    access: 'public',
    audit: 'user.sign-in',
    handler: async ({ req, res, services, audit }) => {
      const parsed = signInSchema.safeParse(req.body);
      const render = (errors: Array<{ field: string; message: string }>) =>
        res.status(400).render('auth/views/sign-in.njk', {
          errors,
          values: { username: typeof req.body?.username === 'string' ? req.body.username : '' },
          demo: services.config.demo,
          demoUsers: services.config.demo ? DEMO_USERNAMES : [],
        });
      if (!parsed.success) {
        const seen = new Set<string>();
        const errors = parsed.error.issues
          .map((i) => ({ field: String(i.path[0]), message: i.message }))
          .filter((e) => e.field !== '_csrf' && !seen.has(e.field) && seen.add(e.field));
        await audit.record(services.db, { detail: { outcome: 'invalid' } });
        render(errors);
        return;
      }
      const user = await services.users.verifyPassword(parsed.data.username, parsed.data.password);
      if (!user) {
        await audit.record(services.db, { detail: { outcome: 'failed' } }, { userId: null, username: parsed.data.username.slice(0, 64), authorityId: null });
        render([{ field: 'username', message: 'Enter a valid username and password' }]);
        return;
      }
      const returnTo = req.session.returnTo;
      await regenerate(req); // a new session id on sign-in: no session fixation
      req.session.userId = user.id;
      await audit.record(services.db, { recordType: 'user', recordId: String(user.id), detail: { outcome: 'success' } }, { userId: user.id, username: user.username, authorityId: user.authorityId });
      res.redirect(303, safeReturnTo(returnTo));
    },
  });

  r.page({
    method: 'post',
    path: paths.signOut,
    access: anyoneSignedIn,
    audit: 'user.sign-out',
    handler: async ({ req, res, services, audit }) => {
      await audit.record(services.db);
      await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
      res.clearCookie('lantern.sid');
      res.redirect(303, paths.signIn({}));
    },
  });
}
