/** A draft’s notes and practice domains (ticked, ordered). */
import { z } from 'zod';
import { type FieldError } from '../../../../core/errors';
import { paths } from '../../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../../web/route';
import { listDomains, updateDraftVersion } from '../service';
import type { FormBody } from '../../../../web/form-input';
import { loadDraft, numberParam, orConflict, VIEWS } from './shared';

/** The fields the form posts: notes, the ticked domains, and an order for each domain (its rules: the service's). */
const versionFields = z.record(
  z.string().regex(/^(?:notes|domains|order-\d+)$/),
  z.union([z.string(), z.array(z.string())]),
);

export function frameworkVersionFormRoutes(r: RouteBuilder): void {
  // ——— a draft's notes and domains ———
  async function renderVersionForm(
    ctx: Pick<PageContext, 'req' | 'res' | 'user' | 'services'>,
    values: FormBody | null,
    errors: FieldError[] = [],
    status = 200,
  ): Promise<void> {
    const detail = await loadDraft(ctx);
    if (!detail) return;
    const domains = await listDomains(ctx.services.db, ctx.user.authorityId);
    const inVersion = new Map(detail.domains.map((d) => [d.domainId, d.sortOrder]));
    const ticked = values
      ? new Set((Array.isArray(values.domains) ? values.domains : values.domains ? [values.domains] : []).map(String))
      : null;
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
    body: versionFields,
    // A fixed version answers 409 (loadDraft) before any complaint about the input.
    invalid: (ctx, form) => renderVersionForm(ctx, form.input, form.errors, 400),
    handler: async ({ req, res, user, services, audit, body }) => {
      const frameworkId = numberParam(req, 'frameworkId');
      const version = numberParam(req, 'version');
      const order: Record<number, unknown> = {};
      for (const [k, v] of Object.entries(body)) {
        const m = /^order-(\d+)$/.exec(k);
        if (m) order[Number(m[1])] = v;
      }
      await orConflict(res, frameworkId, async () => {
        await updateDraftVersion(
          services.db,
          user.authorityId,
          frameworkId,
          version,
          { notes: body.notes, domains: body.domains, order },
          audit,
        );
        res.redirect(303, `${paths.quality.frameworkVersion({ frameworkId, version })}?saved=version`);
      });
    },
  });
}
