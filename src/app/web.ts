/**
 * createApp(services): the web application, with its middleware mounted in one fixed, readable order:
 * request id → health → security headers (CSP nonce) → static files → body parsing → session → views →
 * authentication → CSRF → routes → not found → errors.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response } from 'express';
import session from 'express-session';
import helmet from 'helmet';
import { csrfSync } from 'csrf-sync';
import { deferCsrfCheck } from '../web/csrf';
import { sql } from 'drizzle-orm';
import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../core/errors';
import type { Services } from './services';
import { navigationFor, qualityNavigationFor } from '../web/navigation';
import { paths } from '../web/paths';
import { RouteBuilder } from '../web/route';
import { DatabaseSessionStore } from '../web/session-store';
import { configureViews, govukFrontendDist } from '../web/views';
import { govukStylesheet } from '../web/stylesheet';
import { registerRoutes } from './routes';
import '../web/types';

export function createApp(services: Services) {
  const { config, logger } = services;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 1);

  // 1. A request id for every request: it ties log lines to access-log entries.
  app.use((req, res, next) => {
    const incoming = req.get('x-request-id');
    req.requestId = incoming && /^[A-Za-z0-9-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', req.requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // Path only, never query strings (searches may carry names).
      logger.info(
        {
          requestId: req.requestId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      );
    });
    next();
  });

  // 2. Health: 200 once the app and the database answer.
  app.get(paths.health.pattern, async (_req, res) => {
    try {
      await services.db.execute(sql`select 1`);
      res.json({ status: 'ok', database: services.database.kind });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });

  // 3. Security headers, with a fresh CSP nonce per request for the GOV.UK template's inline script.
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: config.secureCookies ? [] : null,
        },
      },
      strictTransportSecurity: config.secureCookies,
    }),
  );

  // 4. Static files: GOV.UK Frontend's assets, styles and scripts, and Lantern's own.
  const staticOptions = { maxAge: config.production ? '1d' : 0, index: false } as const;
  app.use('/assets', express.static(path.join(govukFrontendDist, 'govuk', 'assets'), staticOptions));
  app.get('/static/govuk.css', async (_req, res) => {
    res
      .type('text/css')
      .set('Cache-Control', config.production ? 'public, max-age=86400' : 'no-cache')
      .send(await govukStylesheet());
  });
  app.use('/govuk', express.static(path.join(govukFrontendDist, 'govuk'), { ...staticOptions, extensions: [] }));
  app.use(
    '/static',
    express.static(path.join(path.dirname(fileURLToPath(import.meta.url)), '../web/static'), staticOptions),
  );

  // 5. Body parsing: forms and JSON, small limits.
  app.use(express.urlencoded({ extended: false, limit: '100kb' }));
  app.use(express.json({ limit: '1mb', type: ['application/json', 'application/*+json'] }));

  // 6. Sessions, stored in the database.
  const store = new DatabaseSessionStore(services.db);
  app.locals.sessionStore = store;
  app.use(
    session({
      name: 'lantern.sid',
      secret: config.sessionSecret,
      store,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: 8 * 60 * 60 * 1000 },
    }),
  );

  // 7. Views.
  configureViews(app);
  app.locals.demo = config.demo;

  // 8. Authentication: the session's user, or a bearer token on the API.
  app.use(async (req, res, next) => {
    const header = req.get('authorization');
    if (header && req.path.startsWith('/api/')) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const user = match?.[1] ? await services.users.userForToken(match[1]) : null;
      if (!user) {
        problem(res, 401, 'Unauthorized', 'The API token is missing, invalid, revoked or expired.');
        return;
      }
      req.user = user;
      next();
      return;
    }
    if (req.session.userId) {
      const user = await services.users.findCurrentUser(req.session.userId);
      if (user) req.user = user;
      else delete req.session.userId;
    }
    next();
  });

  // 9. CSRF: synchroniser tokens on every form. The API takes changes only with a bearer token, which a
  // browser never sends by itself, so it needs no CSRF token; cookie-authenticated API calls are read-only.
  // A multipart form (file upload, long text) is streamed by its route, after this middleware: its token is the
  // form's first field, which the route checks as it reads the body, before any file is written (web/csrf.ts). A
  // token is never put in a URL, where logs and the browser's history would keep it.
  const { csrfSynchronisedProtection, generateToken, getTokenFromState } = csrfSync({
    getTokenFromRequest: (req) => (req.body as Record<string, unknown> | undefined)?._csrf as string | undefined,
    skipCsrfProtection: (req) => deferCsrfCheck(req),
  });
  app.use((req, res, next) => {
    if (req.path.startsWith('/api/')) {
      const safe = req.method === 'GET' || req.method === 'HEAD';
      if (!safe && !req.get('authorization')) {
        problem(
          res,
          403,
          'Forbidden',
          'Changes through the API need a personal API token ("Authorization: Bearer <token>").',
        );
        return;
      }
      next();
      return;
    }
    csrfSynchronisedProtection(req, res, (err?: unknown) => {
      if (err) {
        next(err);
        return;
      }
      if (deferCsrfCheck(req)) {
        const stored = getTokenFromState(req);
        req.csrfCheck = (token) => typeof stored === 'string' && typeof token === 'string' && token === stored;
      }
      res.locals.csrfToken = generateToken(req);
      res.locals.user = req.user;
      res.locals.currentPath = req.path;
      res.locals.navigation = navigationFor(req.user ?? null, req.path);
      res.locals.qualityNavigation = qualityNavigationFor(req.user ?? null, req.path);
      next();
    });
  });

  // 10. Routes.
  const router = express.Router();
  const openapi = new OpenAPIRegistry();
  openapi.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'A personal API token: lantern users token USERNAME',
  });
  openapi.registerComponent('securitySchemes', 'sessionCookie', { type: 'apiKey', in: 'cookie', name: 'lantern.sid' });
  const builder = new RouteBuilder(router, services, openapi);
  registerRoutes(builder, services);
  const document = new OpenApiGeneratorV3(openapi.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'Lantern API',
      version: '0.1.0',
      description:
        'Children’s services data, with the same rules as the web interface. Errors are application/problem+json (RFC 9457).',
    },
    servers: [{ url: '/' }],
  });
  router.get(paths.api.openapi.pattern, (_req, res) => {
    res.json(document);
  });
  app.use(router);
  app.locals.routes = builder.routes;
  app.locals.openapi = document;

  // 11. Not found.
  app.use((req, _res, next) => {
    next(new NotFoundError());
  });

  // 12. Errors: problem+json on the API, GOV.UK error pages elsewhere.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = statusOf(err);
    if (status >= 500)
      logger.error(
        {
          requestId: req.requestId,
          err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err),
        },
        'request failed',
      );
    if (res.headersSent) return;
    if (req.path.startsWith('/api/')) {
      const body: Record<string, unknown> = {};
      if (err instanceof ValidationError) body.errors = err.errors;
      problem(
        res,
        status,
        titleFor(status),
        status >= 500 ? 'Something went wrong. Quote the request id to your administrator.' : errMessage(err, status),
        body,
        req.requestId,
      );
      return;
    }
    // 400 and 409 say what was wrong (a conflict: "this audit was submitted and is locked"); 403 and 404 say nothing more.
    const page = status === 404 || status === 403 || status === 400 || status === 409 ? status : 500;
    res.status(status).render(`errors/${page}.njk`, {
      requestId: req.requestId,
      message: status === 400 || status === 409 ? errMessage(err, status) : undefined,
    });
  });

  return app;
}

function statusOf(err: unknown): number {
  if (
    err instanceof ValidationError ||
    err instanceof NotFoundError ||
    err instanceof ForbiddenError ||
    err instanceof ConflictError
  )
    return err.status;
  const code = (err as { code?: string } | null)?.code;
  if (code === 'EBADCSRFTOKEN' || (err as { message?: string } | null)?.message === 'invalid csrf token') return 403;
  const s =
    (err as { status?: number; statusCode?: number } | null)?.status ??
    (err as { statusCode?: number } | null)?.statusCode;
  return typeof s === 'number' && s >= 400 && s < 600 ? s : 500;
}

function titleFor(status: number): string {
  return (
    { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict' }[status] ??
    'Internal Server Error'
  );
}

function errMessage(err: unknown, status: number): string {
  if (status === 404) return 'Not found';
  return err instanceof Error ? err.message : titleFor(status);
}

function problem(
  res: Response,
  status: number,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
  requestId?: string,
): void {
  res
    .status(status)
    .type('application/problem+json')
    .send(
      JSON.stringify({ type: 'about:blank', title, status, detail, ...(requestId ? { requestId } : {}), ...extra }),
    );
}
