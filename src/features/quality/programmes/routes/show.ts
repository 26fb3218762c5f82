/** /quality/programmes/:programmeId: its summary, the selection record in words, its cases; POST opens or closes it. */
import { z } from 'zod';
import { todayInLondon } from '../../../../domain/today';
import { ConflictError, NotFoundError, type FieldError } from '../../../../core/errors';
import { formText, str } from '../../../../web/form-input';
import { paths } from '../../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../../web/route';
import { serviceAreaLabel } from '../../results';
import { selectionInWords } from '../selection';
import {
  AGENCY_LABELS,
  auditStatusText,
  getProgramme,
  KIND_LABELS,
  listProgrammes,
  programmeCases,
  setProgrammeStatus,
  STATUS_LABELS,
} from '../service';
import { pageTitle, programmeIdOf } from './shared';

async function renderProgramme(
  ctx: PageContext,
  programmeId: number,
  notice: { saved?: string; errors?: FieldError[] },
  status = 200,
) {
  // A GET is recorded as a view of the children listed; a refused POST changed nothing and records nothing.
  const recordView = status === 200;
  const { res, user, services, audit } = ctx;
  const db = services.db;
  const [summary] = await listProgrammes(db, user.authorityId, todayInLondon(), programmeId);
  if (!summary) throw new NotFoundError();
  const programme = await getProgramme(db, user.authorityId, programmeId);
  const cases = await programmeCases(db, programmeId);
  const selectionText = programme.selection
    ? await selectionInWords(db, user.authorityId, programme.selection, cases.length)
    : null;
  if (recordView)
    await db.transaction(async (tx) =>
      audit.record(tx, {
        recordType: 'audit-programme',
        recordId: String(programmeId),
        detail: { view: 'programme', cases: cases.length },
      }),
    );
  const errors = notice.errors ?? [];
  res.status(status).render('quality/programmes/views/show.njk', {
    pageTitle: pageTitle(programme.title, errors),
    errors,
    saved: notice.saved ?? '',
    programme: {
      ...summary,
      kindLabel: KIND_LABELS[summary.kind],
      statusLabel: STATUS_LABELS[summary.status],
      partners: programme.partnerAgencies
        .map((a) => (AGENCY_LABELS as Partial<Record<string, string>>)[a] ?? a)
        .join(', '),
      createdBy: programme.createdBy,
    },
    selectionText,
    selection: programme.selection,
    cases: cases.map((c) => ({
      ...c,
      childHref: paths.children.show({ childId: c.lanternId }),
      serviceLabel: c.serviceArea ? serviceAreaLabel(c.serviceArea) : '',
      auditText: auditStatusText(c),
      auditHref: c.auditId !== null ? paths.quality.audit({ auditId: c.auditId }) : null,
    })),
    editHref: paths.quality.editProgramme({ programmeId }),
    selectHref: paths.quality.selectCases({ programmeId }),
    allocateHref: paths.quality.allocateCases({ programmeId }),
    statusAction: paths.quality.programme({ programmeId }),
  });
}

const statusForm = z
  .strictObject({ status: formText })
  .superRefine((v, ctx) => {
    if (v.status !== 'open' && v.status !== 'closed')
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'Choose to open or to close the programme' });
  })
  .transform((v) => v.status as 'open' | 'closed');

export function programmeShowRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.quality.programme,
    access: 'audit:manage',
    audit: 'quality.programme.view',
    handler: async (ctx) => renderProgramme(ctx, programmeIdOf(ctx.req), { saved: str(ctx.req.query.saved) }),
  });

  r.page({
    method: 'post',
    path: paths.quality.programme,
    access: 'audit:manage',
    audit: 'quality.programme.status',
    body: async (ctx) => {
      // A programme that is not the authority's is 404 before its form is read.
      await getProgramme(ctx.services.db, ctx.user.authorityId, programmeIdOf(ctx.req));
      return statusForm;
    },
    invalid: (ctx, form) => renderProgramme(ctx, programmeIdOf(ctx.req), { errors: form.errors }, 400),
    handler: async (ctx) => {
      const programmeId = programmeIdOf(ctx.req);
      try {
        await setProgrammeStatus(ctx.services.db, ctx.user.authorityId, programmeId, ctx.body, ctx.audit);
      } catch (e) {
        if (e instanceof ConflictError)
          return renderProgramme(ctx, programmeId, { errors: [{ field: 'status', message: e.message }] }, 409);
        throw e;
      }
      ctx.res.redirect(303, paths.withQuery(paths.quality.programme({ programmeId }), { saved: ctx.body }));
    },
  });
}
