import type { CurrentUser } from '../accounts/users/service';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      requestId: string;
      user?: CurrentUser;
      /**
       * Set on a multipart post, whose CSRF token is read with its body by the route (web/csrf.ts): whether a token
       * is the session's.
       */
      csrfCheck?: (token: string | undefined) => boolean;
    }
    interface Locals {
      cspNonce: string;
      user?: CurrentUser;
      csrfToken?: string;
      currentPath?: string;
    }
  }
}

declare module 'express-session' {
  interface SessionData {
    userId?: number;
    returnTo?: string;
  }
}

export {};
