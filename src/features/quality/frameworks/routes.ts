/**
 * Audit frameworks and practice domains on the web.
 *
 * Read (audit:manage, audit:conduct or audit:read — frameworks hold no child data; not written to the access log):
 *   /quality/frameworks                                   every framework with its versions and how many audits used each
 *   /quality/frameworks/:frameworkId                      → the latest version
 *   /quality/frameworks/:frameworkId/versions/:version    a version whole: notes, domains, questions, grade descriptors
 *   /quality/domains                                      the authority's practice domains and the versions using them
 * Change (audit:manage; each POST names its access-log action):
 *   /quality/frameworks/new                               create a framework (and its empty draft version 1)
 *   POST /quality/frameworks/:frameworkId/versions        the next draft, a copy of the latest version
 *   /quality/frameworks/:id/versions/:version/edit        a draft's notes and practice domains (ticked, ordered)
 *   /quality/frameworks/:id/versions/:version/domains/:domainId   one domain's guidance, questions, descriptors
 *   POST /quality/frameworks/:id/versions/:version/publish        publish (retires the version it replaces)
 *   POST /quality/domains, /quality/domains/:domainId     add a practice domain, change its title or description
 * A published or retired version is fixed: a change to it answers 409 with a page saying so.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import { GRADE_LABELS, GRADES } from '../../../domain/ofsted';
import { can } from '../../../domain/roles';
import { todayInLondon } from '../../../domain/today';
import { ConflictError, NotFoundError, type FieldError } from '../../../errors';
import { paths } from '../../../web/paths';
import { readsFrameworks } from '../policies';
import type { PageContext, RouteBuilder } from '../../../web/route';
import {
  auditsUsing,
  createDomain,
  createDraftVersion,
  createFramework,
  DraftExistsError,
  getDomain,
  getFramework,
  listDomains,
  listFrameworks,
  publishVersion,
  updateDomain,
  updateDraftDomain,
  updateDraftVersion,
  VersionFixedError,
  versionIdOf,
} from './service';
import { loadFrameworkVersion, type FrameworkVersionDetail } from './version';
import { fieldErrorsOf } from '../../../web/form-input';

type Body = Record<string, unknown>;

const VIEWS = 'quality/frameworks/views';

const positiveId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

function numberParam(req: Request, name: string): number {
  const parsed = positiveId.safeParse(req.params[name]);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data;
}

const bodyOf = (req: Request): Body => (req.body ?? {}) as Body;


const STATUS_TAGS = {
  draft: { text: 'Draft', classes: 'govuk-tag--yellow' },
  published: { text: 'Published', classes: 'govuk-tag--green' },
  retired: { text: 'Retired', classes: 'govuk-tag--grey' },
} as const;

const GRADE_ROWS = GRADES.map((grade) => ({ grade, label: GRADE_LABELS[grade] }));

/** The 409 page: the version is fixed, or a draft already exists. */
function renderConflict(res: Response, e: ConflictError, frameworkId: number): void {
  const draftVersion = e instanceof DraftExistsError ? e.version : null;
  res.status(409).render(`${VIEWS}/conflict.njk`, {
    pageTitle: draftVersion !== null ? 'A draft version already exists' : 'This version cannot be changed',
    message: e.message,
    frameworkId,
    draftVersion,
    fixed: e instanceof VersionFixedError ? { version: e.version, status: e.versionStatus } : null,
  });
}

/** Runs a change; a conflict answers the 409 page, anything else goes on. */
async function orConflict(res: Response, frameworkId: number, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (e) {
    if (e instanceof ConflictError) return renderConflict(res, e, frameworkId);
    throw e;
  }
}

export function frameworkRoutes(r: RouteBuilder): void {
  // ——— frameworks ———
  r.page({
    method: 'get',
    path: paths.quality.frameworks,
    access: readsFrameworks,
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const frameworks = await listFrameworks(services.db, user.authorityId);
      res.render(`${VIEWS}/list.njk`, {
        pageTitle: 'Audit frameworks',
        frameworks,
        statusTags: STATUS_TAGS,
        canManage: can(user.role, 'audit:manage'),
        created: typeof req.query.created === 'string',
      });
    },
  });

  function renderNewFramework(res: Response, values: Body, errors: FieldError[] = [], status = 200): void {
    res.status(status).render(`${VIEWS}/new.njk`, { pageTitle: `${errors.length ? 'Error: ' : ''}Create a framework`, values, errors });
  }

  r.page({
    method: 'get',
    path: paths.quality.newFramework,
    access: 'audit:manage',
    audit: null,
    handler: async ({ res }) => renderNewFramework(res, {}),
  });

  r.page({
    method: 'post',
    path: paths.quality.newFramework,
    access: 'audit:manage',
    audit: 'quality.framework.create',
    handler: async ({ req, res, user, services, audit }) => {
      const body = bodyOf(req);
      let frameworkId: number;
      try {
        frameworkId = await createFramework(services.db, user.authorityId, { title: body.title, description: body.description }, audit);
      } catch (e) {
        return renderNewFramework(res, body, fieldErrorsOf(e), 400);
      }
      res.redirect(303, paths.quality.editFrameworkVersion({ frameworkId, version: 1 }));
    },
  });

  r.page({
    method: 'get',
    path: paths.quality.framework,
    access: readsFrameworks,
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const framework = await getFramework(services.db, user.authorityId, numberParam(req, 'frameworkId'));
      const latest = framework.versions[0];
      if (!latest) throw new NotFoundError();
      res.redirect(302, paths.quality.frameworkVersion({ frameworkId: framework.id, version: latest.version }));
    },
  });

  // ——— a version ———
  async function loadVersion(ctx: Pick<PageContext, 'req' | 'user' | 'services'>): Promise<FrameworkVersionDetail> {
    const frameworkId = numberParam(ctx.req, 'frameworkId');
    const version = numberParam(ctx.req, 'version');
    const versionId = await versionIdOf(ctx.services.db, ctx.user.authorityId, frameworkId, version);
    const detail = await loadFrameworkVersion(ctx.services.db, ctx.user.authorityId, versionId);
    if (!detail) throw new NotFoundError();
    return detail;
  }

  async function renderVersion(ctx: Pick<PageContext, 'req' | 'res' | 'user' | 'services'>, errors: FieldError[] = [], status = 200): Promise<void> {
    const detail = await loadVersion(ctx);
    const framework = await getFramework(ctx.services.db, ctx.user.authorityId, detail.frameworkId);
    const audits = await auditsUsing(ctx.services.db, ctx.user.authorityId, detail.versionId);
    const draft = framework.versions.find((v) => v.status === 'draft') ?? null;
    ctx.res.status(status).render(`${VIEWS}/version.njk`, {
      pageTitle: `${errors.length ? 'Error: ' : ''}${detail.title}, version ${detail.version}`,
      detail,
      framework,
      audits,
      draft,
      errors,
      statusTag: STATUS_TAGS[detail.status],
      statusTags: STATUS_TAGS,
      gradeRows: GRADE_ROWS,
      canManage: can(ctx.user.role, 'audit:manage'),
      saved: typeof ctx.req.query.saved === 'string' ? ctx.req.query.saved : null,
    });
  }

  r.page({
    method: 'get',
    path: paths.quality.frameworkVersion,
    access: readsFrameworks,
    audit: null,
    handler: async (ctx) => {
      await renderVersion(ctx);
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.newFrameworkVersion,
    access: 'audit:manage',
    audit: 'quality.framework.version.create',
    handler: async ({ req, res, user, services, audit }) => {
      const frameworkId = numberParam(req, 'frameworkId');
      await orConflict(res, frameworkId, async () => {
        const version = await createDraftVersion(services.db, user.authorityId, frameworkId, audit);
        res.redirect(303, paths.quality.editFrameworkVersion({ frameworkId, version }));
      });
    },
  });

  // ——— a draft's notes and domains ———
  async function renderVersionForm(ctx: Pick<PageContext, 'req' | 'res' | 'user' | 'services'>, values: Body | null, errors: FieldError[] = [], status = 200): Promise<void> {
    const detail = await loadVersion(ctx);
    if (detail.status !== 'draft') return renderConflict(ctx.res, new VersionFixedError(detail.frameworkId, detail.version, detail.status), detail.frameworkId);
    const domains = await listDomains(ctx.services.db, ctx.user.authorityId);
    const inVersion = new Map(detail.domains.map((d) => [d.domainId, d.sortOrder]));
    const ticked = values ? new Set((Array.isArray(values.domains) ? values.domains : values.domains ? [values.domains] : []).map(String)) : null;
    const choices = domains
      .map((d) => ({
        id: d.id,
        title: d.title,
        description: d.description,
        checked: ticked ? ticked.has(String(d.id)) : inVersion.has(d.id),
        order: values ? String(values[`order-${d.id}`] ?? '') : inVersion.has(d.id) ? String(inVersion.get(d.id)) : '',
        rank: inVersion.get(d.id) ?? 1000,
      }))
      .sort((a, b) => a.rank - b.rank);
    ctx.res.status(status).render(`${VIEWS}/version-form.njk`, {
      pageTitle: `${errors.length ? 'Error: ' : ''}Change ${detail.title}, version ${detail.version}`,
      detail,
      choices,
      notes: values ? String(values.notes ?? '') : detail.notes,
      errors,
    });
  }

  r.page({
    method: 'get',
    path: paths.quality.editFrameworkVersion,
    access: 'audit:manage',
    audit: null,
    handler: async (ctx) => renderVersionForm(ctx, null),
  });

  r.page({
    method: 'post',
    path: paths.quality.editFrameworkVersion,
    access: 'audit:manage',
    audit: 'quality.framework.version.update',
    handler: async (ctx) => {
      const { req, res, user, services, audit } = ctx;
      const frameworkId = numberParam(req, 'frameworkId');
      const version = numberParam(req, 'version');
      const body = bodyOf(req);
      const order: Record<number, unknown> = {};
      for (const [k, v] of Object.entries(body)) {
        const m = /^order-(\d+)$/.exec(k);
        if (m) order[Number(m[1])] = v;
      }
      await orConflict(res, frameworkId, async () => {
        try {
          await updateDraftVersion(services.db, user.authorityId, frameworkId, version, { notes: body.notes, domains: body.domains, order }, audit);
        } catch (e) {
          if (e instanceof ConflictError) throw e;
          return renderVersionForm(ctx, body, fieldErrorsOf(e), 400);
        }
        res.redirect(303, `${paths.quality.frameworkVersion({ frameworkId, version })}?saved=version`);
      });
    },
  });

  // ——— one domain of a draft ———
  async function renderDomainForm(ctx: Pick<PageContext, 'req' | 'res' | 'user' | 'services'>, values: Body | null, errors: FieldError[] = [], status = 200): Promise<void> {
    const detail = await loadVersion(ctx);
    if (detail.status !== 'draft') return renderConflict(ctx.res, new VersionFixedError(detail.frameworkId, detail.version, detail.status), detail.frameworkId);
    const domainId = numberParam(ctx.req, 'domainId');
    const domain = detail.domains.find((d) => d.domainId === domainId);
    if (!domain) throw new NotFoundError();
    const form = values
      ? {
          guidance: String(values.guidance ?? ''),
          questions: String(values.questions ?? ''),
          descriptors: Object.fromEntries(GRADES.map((g) => [g, String(values[`descriptor-${g}`] ?? '')])),
        }
      : {
          guidance: domain.guidance,
          questions: domain.questions.map((q) => q.text).join('\n'),
          descriptors: Object.fromEntries(GRADES.map((g) => [g, domain.descriptors[g] ?? ''])),
        };
    ctx.res.status(status).render(`${VIEWS}/domain-form.njk`, {
      pageTitle: `${errors.length ? 'Error: ' : ''}${domain.title}: ${detail.title}, version ${detail.version}`,
      detail,
      domain,
      form,
      gradeRows: GRADE_ROWS,
      errors,
    });
  }

  r.page({
    method: 'get',
    path: paths.quality.editFrameworkDomain,
    access: 'audit:manage',
    audit: null,
    handler: async (ctx) => renderDomainForm(ctx, null),
  });

  r.page({
    method: 'post',
    path: paths.quality.editFrameworkDomain,
    access: 'audit:manage',
    audit: 'quality.framework.domain.update',
    handler: async (ctx) => {
      const { req, res, user, services, audit } = ctx;
      const frameworkId = numberParam(req, 'frameworkId');
      const version = numberParam(req, 'version');
      const domainId = numberParam(req, 'domainId');
      const body = bodyOf(req);
      await orConflict(res, frameworkId, async () => {
        try {
          await updateDraftDomain(
            services.db,
            user.authorityId,
            frameworkId,
            version,
            domainId,
            { guidance: body.guidance, questions: body.questions, descriptors: Object.fromEntries(GRADES.map((g) => [g, body[`descriptor-${g}`]])) },
            audit,
          );
        } catch (e) {
          if (e instanceof ConflictError) throw e;
          return renderDomainForm(ctx, body, fieldErrorsOf(e), 400);
        }
        res.redirect(303, `${paths.quality.frameworkVersion({ frameworkId, version })}?saved=domain#domain-${domainId}`);
      });
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.publishFrameworkVersion,
    access: 'audit:manage',
    audit: 'quality.framework.version.publish',
    handler: async (ctx) => {
      const { req, res, user, services, audit } = ctx;
      const frameworkId = numberParam(req, 'frameworkId');
      const version = numberParam(req, 'version');
      await orConflict(res, frameworkId, async () => {
        try {
          await publishVersion(services.db, user.authorityId, frameworkId, version, todayInLondon(), user.displayName, audit);
        } catch (e) {
          if (e instanceof ConflictError) throw e;
          return renderVersion(ctx, fieldErrorsOf(e), 400);
        }
        res.redirect(303, `${paths.quality.frameworkVersion({ frameworkId, version })}?saved=published`);
      });
    },
  });

  // ——— practice domains ———
  async function renderDomains(ctx: Pick<PageContext, 'req' | 'res' | 'user' | 'services'>, values: Body = {}, errors: FieldError[] = [], status = 200): Promise<void> {
    const domains = await listDomains(ctx.services.db, ctx.user.authorityId);
    ctx.res.status(status).render(`${VIEWS}/domains.njk`, {
      pageTitle: `${errors.length ? 'Error: ' : ''}Practice domains`,
      domains,
      statusTags: STATUS_TAGS,
      values,
      errors,
      canManage: can(ctx.user.role, 'audit:manage'),
      saved: typeof ctx.req.query.saved === 'string' ? ctx.req.query.saved : null,
    });
  }

  r.page({
    method: 'get',
    path: paths.quality.domains,
    access: readsFrameworks,
    audit: null,
    handler: async (ctx) => {
      await renderDomains(ctx);
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.domains,
    access: 'audit:manage',
    audit: 'quality.domain.create',
    handler: async (ctx) => {
      const body = bodyOf(ctx.req);
      try {
        await createDomain(ctx.services.db, ctx.user.authorityId, { title: body.title, description: body.description }, ctx.audit);
      } catch (e) {
        return renderDomains(ctx, body, fieldErrorsOf(e), 400);
      }
      ctx.res.redirect(303, `${paths.quality.domains({})}?saved=created`);
    },
  });

  async function renderDomainEdit(ctx: Pick<PageContext, 'req' | 'res' | 'user' | 'services'>, values: Body | null, errors: FieldError[] = [], status = 200): Promise<void> {
    const domain = await getDomain(ctx.services.db, ctx.user.authorityId, numberParam(ctx.req, 'domainId'));
    ctx.res.status(status).render(`${VIEWS}/domain-edit.njk`, {
      pageTitle: `${errors.length ? 'Error: ' : ''}Change ${domain.title}`,
      domain,
      values: values ?? { title: domain.title, description: domain.description },
      errors,
    });
  }

  r.page({
    method: 'get',
    path: paths.quality.domain,
    access: 'audit:manage',
    audit: null,
    handler: async (ctx) => renderDomainEdit(ctx, null),
  });

  r.page({
    method: 'post',
    path: paths.quality.domain,
    access: 'audit:manage',
    audit: 'quality.domain.update',
    handler: async (ctx) => {
      const body = bodyOf(ctx.req);
      const domainId = numberParam(ctx.req, 'domainId');
      try {
        await updateDomain(ctx.services.db, ctx.user.authorityId, domainId, { title: body.title, description: body.description }, ctx.audit);
      } catch (e) {
        return renderDomainEdit(ctx, body, fieldErrorsOf(e), 400);
      }
      ctx.res.redirect(303, `${paths.quality.domains({})}?saved=updated`);
    },
  });
}
