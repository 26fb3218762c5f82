/** What the framework pages share: ids from the path, labels, a fixed version's page, the version named by the path. */
import type { Request, Response } from 'express';
import { z } from 'zod';
import { GRADE_LABELS, GRADES } from '../../../../domain/ofsted';
import { ConflictError, NotFoundError } from '../../../../core/errors';
import type { PageContext } from '../../../../web/route';
import { DraftExistsError, VersionFixedError, versionIdOf } from '../service';
import { loadFrameworkVersion, type FrameworkVersionDetail } from '../version';

export type Body = Record<string, unknown>;

export const VIEWS = 'quality/frameworks/views';

const positiveId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export function numberParam(req: Request, name: string): number {
  const parsed = positiveId.safeParse(req.params[name]);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data;
}

export const STATUS_TAGS = {
  draft: { text: 'Draft', classes: 'govuk-tag--yellow' },
  published: { text: 'Published', classes: 'govuk-tag--green' },
  retired: { text: 'Retired', classes: 'govuk-tag--grey' },
} as const;

export const GRADE_ROWS = GRADES.map((grade) => ({ grade, label: GRADE_LABELS[grade] }));

/** The 409 page: the version is fixed, or a draft already exists. */
export function renderConflict(res: Response, e: ConflictError, frameworkId: number): void {
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
export async function orConflict(res: Response, frameworkId: number, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (e) {
    if (e instanceof ConflictError) {
      renderConflict(res, e, frameworkId);
      return;
    }
    throw e;
  }
}

/** The version named by the path (404 when it is not the authority's). */
export async function loadVersion(
  ctx: Pick<PageContext, 'req' | 'user' | 'services'>,
): Promise<FrameworkVersionDetail> {
  const frameworkId = numberParam(ctx.req, 'frameworkId');
  const version = numberParam(ctx.req, 'version');
  const versionId = await versionIdOf(ctx.services.db, ctx.user.authorityId, frameworkId, version);
  const detail = await loadFrameworkVersion(ctx.services.db, ctx.user.authorityId, versionId);
  if (!detail) throw new NotFoundError();
  return detail;
}

/** The version named by the path when it is a draft; otherwise its 409 page is sent and null returned. */
export async function loadDraft(
  ctx: Pick<PageContext, 'req' | 'res' | 'user' | 'services'>,
): Promise<FrameworkVersionDetail | null> {
  const detail = await loadVersion(ctx);
  if (detail.status === 'draft') return detail;
  renderConflict(ctx.res, new VersionFixedError(detail.frameworkId, detail.version, detail.status), detail.frameworkId);
  return null;
}
