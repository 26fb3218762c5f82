/**
 * One helper through which every page and API route is declared, with its access rule and its audit action
 * beside it, so neither can be forgotten:
 *
 *   r.page({ method: 'get', path: paths.children.show, access: 'child:read', whenDenied: 'not-found',
 *            audit: 'child.view', handler: async (ctx) => … })
 *
 * - `access` is 'public', 'signed-in' or a Permission (src/domain/roles.ts).
 * - `audit` names the action written to the access log, or null. A route that declares an action and answers
 *   2xx without having recorded it fails loudly (500), so an unaudited view cannot ship.
 * - `whenDenied: 'not-found'` makes a signed-in user without the permission get the same 404 as for a missing
 *   record (child records must not reveal that they exist).
 * Every route is kept in `app.locals.routes` so that the route × role test can walk them all.
 */
import type express from 'express';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { can, type Permission } from '../domain/roles';
import { ForbiddenError, NotFoundError, ValidationError } from '../core/errors';
import { createAuditor, type Auditor } from '../accounts/access-log/auditor';
import type { CurrentUser } from '../accounts/users/service';
import type { Services } from '../app/services';

export type Access = 'public' | 'signed-in' | Permission;
export type Method = 'get' | 'post';

export interface RouteInfo {
  kind: 'page' | 'api';
  method: Method;
  path: string;
  access: Access;
  audit: string | null;
  whenDenied: 'forbidden' | 'not-found';
}

interface PathLike {
  pattern: string;
}

export interface PageContext {
  req: Request;
  res: Response;
  user: CurrentUser;
  requestId: string;
  audit: Auditor;
  services: Services;
}

export interface PublicPageContext extends Omit<PageContext, 'user'> {
  user: CurrentUser | null;
}

type PageDef =
  | { method: Method; path: PathLike; access: 'public'; audit: string | null; handler: (ctx: PublicPageContext) => Promise<void> }
  | {
      method: Method;
      path: PathLike;
      access: Exclude<Access, 'public'>;
      audit: string | null;
      whenDenied?: 'forbidden' | 'not-found';
      handler: (ctx: PageContext) => Promise<void>;
    };

export interface ApiContext<P, Q, B> extends PageContext {
  params: P;
  query: Q;
  body: B;
}

/** What every API route declares: where, who may call it, what it audits, how it is documented, its parameters. */
interface ApiRouteBase<P extends z.ZodType, Q extends z.ZodType> {
  method: Method;
  path: PathLike;
  access: Exclude<Access, 'public'>;
  audit: string | null;
  whenDenied?: 'forbidden' | 'not-found';
  summary: string;
  description?: string;
  tag: string;
  params?: P;
  query?: Q;
}

export interface ApiDef<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> extends ApiRouteBase<P, Q> {
  body?: B;
  /** The response schema is also the presenter: fields not in it are stripped before sending. */
  response: R;
  status?: 200 | 201;
  handler: (ctx: ApiContext<z.output<P>, z.output<Q>, z.output<B>>) => Promise<z.input<R>>;
}

/** An API route whose request or response is not JSON (file uploads, downloads): the handler answers itself. */
export interface RawApiDef<P extends z.ZodType, Q extends z.ZodType> extends ApiRouteBase<P, Q> {
  /** Content types of the request body it takes, if any (e.g. application/zip). */
  requestTypes?: readonly string[];
  /** Content types it answers with, and the status. */
  responseTypes: readonly string[];
  status?: 200 | 201 | 202;
  handler: (ctx: ApiContext<z.output<P>, z.output<Q>, undefined>) => Promise<void>;
}

export class RouteBuilder {
  readonly routes: RouteInfo[] = [];

  constructor(
    private readonly router: express.Router,
    private readonly services: Services,
    private readonly openapi: OpenAPIRegistry,
  ) {}

  page(def: PageDef): void {
    const whenDenied = def.access === 'public' ? 'forbidden' : (def.whenDenied ?? 'forbidden');
    this.routes.push({ kind: 'page', method: def.method, path: def.path.pattern, access: def.access, audit: def.audit, whenDenied });
    this.router[def.method](def.path.pattern, async (req: Request, res: Response) => {
      const user = req.user ?? null;
      if (def.access !== 'public') {
        if (!user) {
          if (req.session && req.method === 'GET') req.session.returnTo = req.originalUrl;
          res.redirect(303, '/sign-in');
          return;
        }
        checkAccess(user, def.access, whenDenied);
      }
      const audit = this.auditorFor(req, user, def.audit);
      const ctx = { req, res, user, requestId: req.requestId, audit, services: this.services };
      await (def.handler as (c: PublicPageContext) => Promise<void>)(ctx);
      assertAudited(def.audit, audit, res);
    });
  }

  api<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(def: ApiDef<P, Q, B, R>): void {
    const status = def.status ?? 200;
    this.mountApi(
      def,
      def.body ? { 'application/json': { schema: def.body } } : undefined,
      { [status]: { description: 'Success', content: { 'application/json': { schema: def.response } } } },
      async (ctx) => {
        const body = parse(def.body, ctx.req.body, 'body');
        const result = await def.handler({ ...ctx, body });
        assertAudited(def.audit, ctx.audit, ctx.res);
        ctx.res.status(status).json(def.response.parse(result));
      },
    );
  }

  apiRaw<P extends z.ZodType, Q extends z.ZodType>(def: RawApiDef<P, Q>): void {
    const binary = { schema: { type: 'string', format: 'binary' } } as const;
    this.mountApi(
      def,
      def.requestTypes ? Object.fromEntries(def.requestTypes.map((t) => [t, binary])) : undefined,
      { [def.status ?? 200]: { description: 'Success', content: Object.fromEntries(def.responseTypes.map((t) => [t, t.includes('json') ? { schema: { type: 'object' } } : binary])) } },
      async (ctx) => {
        await def.handler({ ...ctx, body: undefined });
        assertAudited(def.audit, ctx.audit, ctx.res);
      },
    );
  }

  /**
   * What every API route shares: its place in the route table and the OpenAPI document, a problem+json 401 for
   * a caller with no session or token, the access check, parsing of path and query, and the auditor.
   */
  private mountApi<P extends z.ZodType, Q extends z.ZodType>(
    def: ApiRouteBase<P, Q>,
    requestBody: Record<string, unknown> | undefined,
    success: Record<number, unknown>,
    run: (ctx: Omit<ApiContext<z.output<P>, z.output<Q>, undefined>, 'body'>) => Promise<void>,
  ): void {
    const whenDenied = def.whenDenied ?? 'forbidden';
    this.routes.push({ kind: 'api', method: def.method, path: def.path.pattern, access: def.access, audit: def.audit, whenDenied });
    this.openapi.registerPath({
      method: def.method,
      path: def.path.pattern.replace(/:([A-Za-z]+)/g, '{$1}'),
      summary: def.summary,
      description: `${def.description ?? ''}${def.description ? '\n\n' : ''}Requires: ${def.access}.`,
      tags: [def.tag],
      security: [{ bearerAuth: [] }, { sessionCookie: [] }],
      request: {
        ...(def.params ? { params: def.params as never } : {}),
        ...(def.query ? { query: def.query as never } : {}),
        ...(requestBody ? { body: { content: requestBody as never } } : {}),
      },
      responses: {
        ...(success as Record<number, never>),
        400: { description: 'Invalid request (application/problem+json)' },
        401: { description: 'Not signed in or no valid token (application/problem+json)' },
        ...(whenDenied === 'forbidden' ? { 403: { description: 'Not permitted (application/problem+json)' } } : {}),
        404: { description: 'Not found (application/problem+json)' },
      },
    });
    this.router[def.method](def.path.pattern, async (req: Request, res: Response) => {
      const user = req.user;
      if (!user) {
        res.status(401).type('application/problem+json').json({
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          detail: 'Sign in, or send a personal API token as "Authorization: Bearer <token>".',
        });
        return;
      }
      checkAccess(user, def.access, whenDenied);
      const params = parse(def.params, req.params, 'path');
      const query = parse(def.query, req.query, 'query');
      const audit = this.auditorFor(req, user, def.audit);
      await run({ req, res, user, requestId: req.requestId, audit, services: this.services, params, query });
    });
  }

  private auditorFor(req: Request, user: CurrentUser | null, action: string | null): Auditor {
    return createAuditor(
      this.services.accessLogRepository,
      { userId: user?.id ?? null, username: user?.username ?? 'anonymous', authorityId: user?.authorityId ?? null },
      action ?? 'unaudited',
      req.requestId,
    );
  }
}

function checkAccess(user: CurrentUser, access: Exclude<Access, 'public'>, whenDenied: 'forbidden' | 'not-found'): void {
  if (access === 'signed-in' || can(user.role, access)) return;
  throw whenDenied === 'not-found' ? new NotFoundError() : new ForbiddenError();
}

function assertAudited(action: string | null, audit: Auditor, res: Response): void {
  if (action && !audit.recorded && res.statusCode < 300) {
    throw new Error(`Route declared audit action ${action} but did not record it`);
  }
}

function parse<S extends z.ZodType>(schema: S | undefined, value: unknown, where: string): z.output<S> {
  if (!schema) return undefined as z.output<S>;
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    throw new ValidationError(
      result.error.issues.map((i) => ({ field: i.path.length ? i.path.join('.') : where, message: i.message })),
    );
  }
  return result.data;
}
