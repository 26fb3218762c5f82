/**
 * CSRF tokens of multipart forms. A form with files (or long text) is multipart; its body is streamed by the route
 * that takes it, after the app's CSRF middleware has run, so that middleware defers the check to the route
 * (app/web.ts sets `req.csrfCheck`). The token is the form's first field (`_csrf`, a hidden input before any other):
 * the route's reader checks it as soon as it arrives and refuses the post (403) if a file comes before a valid token,
 * or the body ends without one. A route that reads no body refuses every deferred post. Tokens never travel in a URL.
 */
import type { Request } from 'express';

/** Whether the CSRF check of this request is left to the route that reads its body: multipart posts to pages. */
export function deferCsrfCheck(req: Request): boolean {
  return (
    !req.path.startsWith('/api/') &&
    !['GET', 'HEAD', 'OPTIONS'].includes(req.method) &&
    req.is('multipart/form-data') === 'multipart/form-data'
  );
}

/** The error the app answers 403 to, as csrf-sync's own (app/web.ts, statusFor). */
export function invalidCsrfToken(): Error {
  return Object.assign(new Error('invalid csrf token'), { code: 'EBADCSRFTOKEN', status: 403 });
}

/**
 * Follows a multipart body's fields and files for its CSRF token: `field` for each field as it arrives, `file`
 * before a file is written (false: refuse it), `end` when the body is read (throws unless a valid token came).
 */
export function csrfWatch(req: Request): {
  field(name: string, value: string): void;
  fileAllowed(): boolean;
  end(): void;
} {
  const check = req.csrfCheck;
  let valid = check === undefined;
  let refused = false;
  return {
    field(name, value) {
      if (name === '_csrf' && check && !refused) valid = check(value);
    },
    fileAllowed() {
      if (!valid) refused = true;
      return valid;
    },
    end() {
      if (!valid || refused) throw invalidCsrfToken();
    },
  };
}
