/**
 * One helper through which every page and API route is declared, with its access rule and its audit action
 * beside it, so neither can be forgotten:
 *
 *   r.page({ method: 'get', path: paths.children.show, access: 'child:read', whenDenied: 'not-found',
 *            audit: 'child.view', handler: async (ctx) => … })
 *
 * - `access` is 'public', a Permission (src/domain/roles.ts) or a named Policy (src/domain/policies.ts), e.g.
 *   `anyoneSignedIn`. Access is decided here, on the route, never by an inline `can()` in the handler; checks that
 *   need the record itself stay in the services.
 * - `audit` names the action written to the access log, or null. A route that declares an action and answers
 *   2xx without having recorded it fails loudly (500), so an unaudited view cannot ship.
 * - `whenDenied: 'not-found'` makes a signed-in user without the permission get the same 404 as for a missing
 *   record (child records must not reveal that they exist).
 * - A form page declares `body` (a zod schema, strict: z.strictObject) and `invalid`: the posted fields (urlencoded
 *   or multipart) are parsed before the handler, which gets `ctx.body` typed from the schema. When the schema
 *   refuses them, or the handler throws a ValidationError (a rule that needs the database), `invalid` is called with
 *   every field error and the fields as posted, with the status already 400, to show the form again:
 *
 *     r.page({ method: 'post', path: paths.x.edit, access: 'x:manage', audit: 'x.save',
 *              body: xForm, invalid: (ctx, form) => renderX(ctx, { values: form.input, errors: form.errors }, 400),
 *              handler: async (ctx) => { await saveX(ctx.services.db, ctx.body, ctx.audit); ctx.res.redirect(303, …) } })
 * - A form page that takes files declares them in `files` with their limits, e.g.
 *   `files: { report: { maxBytes: 50 * 1024 * 1024, required: 'Choose the report' } }`: they are streamed to a
 *   temporary folder (src/web/upload.ts), given to the handler as `ctx.files.report`, and removed after it; a file
 *   too large, too many, of a type not accepted or missing comes to `invalid` with the other field errors.
 * - A filter page declares `query` (a zod schema for its GET query string) and `invalid` the same way: `ctx.query`
 *   is the parsed query; every error at once goes to `invalid`, with the query as it came and the status 400.
 * Every route is kept in `app.locals.routes` so that the route × role test can walk them all.
 */
import type express from 'express';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { hasPermission, type Policy } from '../domain/policies';
import type { Permission, Role } from '../domain/roles';
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../core/errors';
import { createAuditor, type Auditor } from '../accounts/access-log/auditor';
import type { CurrentUser } from '../accounts/users/service';
import type { WebServices } from './services';
import { fieldErrorsFromIssues, MAX_MULTIPART_FIELD_BYTES, readForm, type FormBody } from './form-input';
import { receiveForm, removeReceived, type FileFields, type UploadedFiles } from './upload';
import { invalidCsrfToken } from './csrf';

export type Access = 'public' | Permission | Policy;
export type Method = 'get' | 'post';

export interface RouteInfo {
  kind: 'page' | 'api';
  method: Method;
  path: string;
  /** 'public', or the name of the permission or policy. */
  access: string;
  /** Whether a signed-in user with the role passes the route's access rule (true for every role on a public route). */
  allows(role: Role): boolean;
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
  services: WebServices;
}

export interface PublicPageContext extends Omit<PageContext, 'user'> {
  user: CurrentUser | null;
}

/** The context of a page with this access rule: a public page may have no user. */
export type PageContextFor<A extends Access> = A extends 'public' ? PublicPageContext : PageContext;

/** A refused form: every field error, and the fields as posted (without the CSRF token) to fill the form again. */
export interface InvalidForm {
  errors: FieldError[];
  input: FormBody;
}

interface PageBase<A extends Access> {
  method: Method;
  path: PathLike;
  access: A;
  audit: string | null;
  /** Not for public pages (there is nothing to deny). */
  whenDenied?: A extends 'public' ? never : 'forbidden' | 'not-found';
}

export interface PageDef<A extends Access> extends PageBase<A> {
  body?: undefined;
  handler: (ctx: PageContextFor<A>) => Promise<void>;
}

export interface FormPageDef<
  A extends Access,
  B extends z.ZodType,
  F extends FileFields = FileFields,
> extends PageBase<A> {
  /**
   * The posted form's schema; its output is `ctx.body`. Or a function of the request that gives it, for rules
   * checked against the authority's data (the published versions to choose from, its teams), so that those errors
   * come at once with the others.
   */
  body: B | ((ctx: PageContextFor<A>) => B | Promise<B>);
  /**
   * The form's file fields and their limits (size, count, types; required or not). The files are streamed to a
   * temporary folder, never held in memory, handed to the handler as `ctx.files`, and removed after the handler,
   * whether it succeeds or fails (unless it calls `ctx.keepFiles()`). A file too large, too many, of a type not
   * accepted, or missing, is a field error given to `invalid` with the text fields' errors, all at once.
   */
  files?: F;
  /** Shows the form again with its errors (the status is already 400). */
  invalid: (ctx: PageContextFor<A>, form: InvalidForm) => Promise<void> | void;
  /** The longest text field kept from a multipart form (default 2 MB). */
  maxFieldBytes?: number;
  /** The field error (on `form`) when a multipart field is longer than `maxFieldBytes`. */
  tooLongMessage?: string;
  /** Or the whole field error, from the name of the field too long. */
  tooLong?: (field: string) => FieldError;
  /**
   * `body` is the parsed form; `input` the fields as posted (to show the form again on a conflict); `files` the
   * files of each file field; `keepFiles()` hands their temporary folder (its path) to the handler, which must then
   * remove it (e.g. a background import).
   */
  handler: (
    ctx: PageContextFor<A> & { body: z.output<B>; input: FormBody; files: UploadedFiles<F>; keepFiles: () => string },
  ) => Promise<void>;
}

/**
 * A page whose GET query string is read by a schema (a filter form), like a form page's body: its output is
 * `ctx.query`; when the schema refuses the query, or the handler throws a ValidationError (a rule that needs the
 * database), `invalid` gets every error at once and the query as it came, with the status already 400.
 */
export interface QueryPageDef<A extends Access, Q extends z.ZodType> extends PageBase<A> {
  body?: undefined;
  /** The query string's schema (strict: z.strictObject, with formText fields). */
  query: Q;
  /** Shows the page again with its errors (the status is already 400). */
  invalid: (ctx: PageContextFor<A>, form: InvalidForm) => Promise<void> | void;
  /** `query` is the parsed query; `input` the query string's fields as they came. */
  handler: (ctx: PageContextFor<A> & { query: z.output<Q>; input: FormBody }) => Promise<void>;
}

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
  /** When the route answers 409 (the record's state refuses the change), for the OpenAPI document. */
  conflict?: string;
}

export interface ApiDef<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
> extends ApiRouteBase<P, Q> {
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
    private readonly services: WebServices,
    private readonly openapi: OpenAPIRegistry,
  ) {}

  page<A extends Access, Q extends z.ZodType>(def: QueryPageDef<A, Q>): void;
  page<A extends Access>(def: PageDef<A>): void;
  page<A extends Access, B extends z.ZodType, F extends FileFields = FileFields>(def: FormPageDef<A, B, F>): void;
  page(def: PageDef<Access> | FormPageDef<Access, z.ZodType> | QueryPageDef<Access, z.ZodType>): void {
    const whenDenied = def.access === 'public' ? 'forbidden' : (def.whenDenied ?? 'forbidden');
    const rule = accessRule(def.access);
    this.routes.push({
      kind: 'page',
      method: def.method,
      path: def.path.pattern,
      ...rule,
      audit: def.audit,
      whenDenied,
    });
    this.router[def.method](def.path.pattern, async (req: Request, res: Response) => {
      const user = req.user ?? null;
      if (def.access !== 'public') {
        if (!user) {
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- express-session's types promise a session; a request refused before the session middleware has none
          if (req.session && req.method === 'GET') req.session.returnTo = req.originalUrl;
          res.redirect(303, '/sign-in');
          return;
        }
        checkAccess(user, rule, whenDenied);
      }
      const audit = this.auditorFor(req, user, def.audit);
      const ctx = { req, res, user, requestId: req.requestId, audit, services: this.services };
      // A multipart post's CSRF token is checked as its body is read (web/csrf.ts): a page that reads none refuses it.
      if (req.csrfCheck && ('query' in def || def.body === undefined)) throw invalidCsrfToken();
      if ('query' in def) {
        await queryPage(def, ctx);
      } else if (def.body === undefined) {
        await def.handler(ctx);
      } else {
        await this.runForm(def, ctx);
      }
      assertAudited(def.audit, audit, res);
    });
  }

  /**
   * A form page's request: the fields (and files) read, the schema parsed, every error at once to `invalid`, or the
   * handler; the temporary files removed after either.
   */
  private async runForm(form: FormPageDef<Access, z.ZodType>, ctx: PageContextFor<Access>): Promise<void> {
    const { req, res } = ctx;
    const maxFieldBytes = form.maxFieldBytes ?? MAX_MULTIPART_FIELD_BYTES;
    const received = form.files
      ? await receiveForm(req, form.files, maxFieldBytes)
      : { ...(await readForm(req, maxFieldBytes)), dir: null, files: {}, fileErrors: [] };
    let kept = false;
    try {
      // The CSRF token, and the names of files that an urlencoded post sends as text, are not fields.
      const input = Object.fromEntries(
        Object.entries(received.fields).filter(([k]) => k !== '_csrf' && !(form.files && k in form.files)),
      );
      const invalid = async (errors: FieldError[]) => {
        res.status(400);
        await form.invalid(ctx, { errors, input });
      };
      const errors = [...received.fileErrors];
      const tooLong = received.tooLong[0];
      if (tooLong !== undefined) {
        errors.push(
          form.tooLong?.(tooLong) ?? {
            field: 'form',
            message: form.tooLongMessage ?? 'A field of the form is longer than Lantern keeps',
          },
        );
        await invalid(errors);
        return;
      }
      const schema = typeof form.body === 'function' ? await form.body(ctx) : form.body;
      const parsed = schema.safeParse(input);
      if (!parsed.success) errors.push(...fieldErrorsFromIssues(parsed.error.issues));
      if (errors.length > 0 || !parsed.success) {
        await invalid(errors);
        return;
      }
      const keepFiles = () => {
        if (!received.dir) throw new Error('No files were received to keep');
        kept = true;
        return received.dir;
      };
      try {
        await form.handler({ ...ctx, body: parsed.data, input, files: received.files, keepFiles });
      } catch (e) {
        if (!(e instanceof ValidationError) || res.headersSent) throw e;
        await invalid(e.errors);
      }
    } finally {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by keepFiles, which the type checker does not follow
      if (!kept) await removeReceived(received.dir);
    }
  }

  api<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
    def: ApiDef<P, Q, B, R>,
  ): void {
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
      {
        [def.status ?? 200]: {
          description: 'Success',
          content: Object.fromEntries(
            def.responseTypes.map((t) => [t, t.includes('json') ? { schema: { type: 'object' } } : binary]),
          ),
        },
      },
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
    const rule = accessRule(def.access);
    this.routes.push({
      kind: 'api',
      method: def.method,
      path: def.path.pattern,
      ...rule,
      audit: def.audit,
      whenDenied,
    });
    this.openapi.registerPath({
      method: def.method,
      path: def.path.pattern.replace(/:([A-Za-z]+)/g, '{$1}'),
      summary: def.summary,
      description: `${def.description ?? ''}${def.description ? '\n\n' : ''}Requires: ${rule.access}.`,
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
        ...(def.conflict ? { 409: { description: `${def.conflict} (application/problem+json)` } } : {}),
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
      checkAccess(user, rule, whenDenied);
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

/** A query page's request: its query string parsed, then the handler; a refusal of either goes to `invalid`. */
async function queryPage(def: QueryPageDef<Access, z.ZodType>, ctx: PublicPageContext): Promise<void> {
  const input: FormBody = { ...(ctx.req.query as FormBody) };
  const invalid = async (errors: FieldError[]) => {
    ctx.res.status(400);
    await def.invalid(ctx, { errors, input });
  };
  const parsed = def.query.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsFromIssues(parsed.error.issues));
  try {
    await def.handler({ ...ctx, query: parsed.data, input });
  } catch (e) {
    if (!(e instanceof ValidationError) || ctx.res.headersSent) throw e;
    return invalid(e.errors);
  }
}

/** A route's access rule as the route table keeps it: its name and whether a role passes. */
function accessRule(access: Access): Pick<RouteInfo, 'access' | 'allows'> {
  if (access === 'public') return { access, allows: () => true };
  const p = typeof access === 'string' ? hasPermission(access) : access;
  return { access: p.name, allows: (role) => p.allows(role) };
}

function checkAccess(user: CurrentUser, rule: Pick<RouteInfo, 'allows'>, whenDenied: 'forbidden' | 'not-found'): void {
  if (rule.allows(user.role)) return;
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
