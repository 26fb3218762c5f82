import type { Request, Response } from 'express';
import { z } from 'zod';
import { anyoneSignedIn } from '../../domain/policies';
import type { FieldError } from '../../core/errors';
import type { WebServices } from '../../web/services';
import { paths } from '../../web/paths';
import type { RouteBuilder } from '../../web/route';
import { ROLES } from '../../domain/roles';
import { DEFAULT_THROTTLE } from '../../domain/sign-in-throttle';
import { signInThrottle, type Lock } from '../../accounts/users/sign-in-failures';

/** Not strict: a password manager's extra field must not stop anyone signing in. */
const signInSchema = z.object({
  username: z.string().trim().min(1, 'Enter your username').max(64, 'Enter a valid username and password'),
  password: z.string().min(1, 'Enter your password').max(200, 'Enter a valid username and password'),
});

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.regenerate((err: unknown) => {
      if (err) reject(err instanceof Error ? err : new Error('The session could not be regenerated', { cause: err }));
      else resolve();
    }),
  );
}

export function safeReturnTo(value: string | undefined): string {
  // Only same-site paths: never an open redirect.
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/sign-')
    ? value
    : paths.home({});
}

/** What a locked sign-in is told: how long to wait, never whether the username exists. */
function lockMessage(lock: Lock, now: Date): string {
  const minutes = Math.max(1, Math.ceil((lock.until.getTime() - now.getTime()) / 60_000));
  const wait = `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return lock.scope === 'account'
    ? `There have been too many failed attempts to sign in with this username. Wait ${wait}, then try again`
    : `There have been too many failed attempts to sign in from your network. Wait ${wait}, then try again`;
}

/** In the demo authority every role has one user, named after the role (src/app/demo/bootstrap.ts). */
const DEMO_USERNAMES: readonly string[] = ROLES;

/** The sign-in page again with its errors and the username as typed (never the password). */
function renderSignIn(res: Response, services: WebServices, errors: FieldError[], username: unknown): void {
  res.render('auth/views/sign-in.njk', {
    errors,
    values: { username: typeof username === 'string' ? username : '' },
    demo: services.config.demo,
    demoUsers: services.config.demo ? DEMO_USERNAMES : [],
  });
}

export function authRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.signIn,
    access: 'public',
    audit: null,
    handler: async ({ res, user, services }) => {
      if (user) {
        res.redirect(303, paths.home({}));
        return;
      }
      res.render('auth/views/sign-in.njk', {
        demo: services.config.demo,
        demoUsers: services.config.demo ? DEMO_USERNAMES : [],
      });
    },
  });

  r.page({
    method: 'post',
    path: paths.signIn,
    access: 'public',
    audit: 'user.sign-in',
    body: signInSchema,
    invalid: async ({ res, services, audit }, form) => {
      // One message a field, the first that applies.
      const seen = new Set<string>();
      const errors = form.errors.filter((e) => !seen.has(e.field) && seen.add(e.field));
      await audit.record(services.db, { detail: { outcome: 'invalid' } });
      renderSignIn(res, services, errors, form.input.username);
    },
    handler: async ({ req, body, res, services, audit }) => {
      const now = new Date();
      const keys = { username: body.username, address: req.ip ?? 'unknown' };
      const throttle = signInThrottle({ ...DEFAULT_THROTTLE, ...services.config.signIn });
      const who = { userId: null, username: body.username.slice(0, 64), authorityId: null };
      // Locked: no password is checked, right or wrong, until the lock ends.
      const lock = await throttle.lock(services.db, keys, now);
      if (lock) {
        await audit.record(services.db, { detail: { outcome: 'locked', scope: lock.scope } }, who);
        res.status(429).set('Retry-After', String(Math.ceil((lock.until.getTime() - now.getTime()) / 1000)));
        renderSignIn(res, services, [{ field: 'username', message: lockMessage(lock, now) }], body.username);
        return;
      }
      const user = await services.users.verifyPassword(body.username, body.password);
      if (!user) {
        const locked = await throttle.failed(services.db, keys, now);
        await audit.record(
          services.db,
          { detail: { outcome: 'failed', ...(locked ? { locked: locked.scope } : {}) } },
          who,
        );
        res.status(locked ? 429 : 400);
        renderSignIn(
          res,
          services,
          [{ field: 'username', message: locked ? lockMessage(locked, now) : 'Enter a valid username and password' }],
          body.username,
        );
        return;
      }
      await throttle.succeeded(services.db, keys);
      const returnTo = req.session.returnTo;
      await regenerate(req); // a new session id on sign-in: no session fixation
      req.session.userId = user.id;
      await audit.record(
        services.db,
        { recordType: 'user', recordId: String(user.id), detail: { outcome: 'success' } },
        { userId: user.id, username: user.username, authorityId: user.authorityId },
      );
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
      await new Promise<void>((resolve) =>
        req.session.destroy(() => {
          resolve();
        }),
      );
      res.clearCookie('lantern.sid');
      res.redirect(303, paths.signIn({}));
    },
  });
}
