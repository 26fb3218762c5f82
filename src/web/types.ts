import type { CurrentUser } from '../accounts/users/service';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      requestId: string;
      user?: CurrentUser;
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
