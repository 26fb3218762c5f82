/**
 * /quality/programmes/:programmeId/allocate: allocate the unallocated cases (never the auditor's own team), or allocate
 * and change auditors by hand.
 */
import { z } from 'zod';
import { independentOf } from '../../../../domain/allocation';
import { todayInLondon } from '../../../../domain/today';
import { ConflictError, type FieldError } from '../../../../core/errors';
import { formText, str } from '../../../../web/form-input';
import { paths } from '../../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../../web/route';
import { formatDate } from '../../../../web/views';
import {
  allocateByHand,
  allocateUnallocated,
  auditorsWithLoad,
  auditStatusText,
  getProgramme,
  programmeCases,
  type ProgrammeRow,
} from '../service';
import { pageTitle, programmeIdOf, type Body } from './shared';

/** "automatic-3-1" → "3 cases allocated. 1 case left without an auditor: see why below."; "by-hand-2" → "2 cases changed." */
function allocationSavedText(saved: string): string {
  const plural = (n: number) => `${n} ${n === 1 ? 'case' : 'cases'}`;
  const auto = /^automatic-(\d+)-(\d+)$/.exec(saved);
  if (auto) {
    const [done, left] = [Number(auto[1]), Number(auto[2])];
    return `${plural(done)} allocated.${left ? ` ${plural(left)} left without an auditor: see why below.` : ''}`;
  }
  const hand = /^by-hand-(\d+)$/.exec(saved);
  return hand ? `${plural(Number(hand[1]))} changed.` : '';
}

async function renderAllocate(
  ctx: PageContext,
  programme: ProgrammeRow,
  model: { values: Body | null; errors: FieldError[]; saved?: string },
  status = 200,
) {
  const { res, user, services, audit } = ctx;
  const db = services.db;
  const programmeId = Number(programme.id);
  const [cases, auditors] = await Promise.all([
    programmeCases(db, programmeId),
    auditorsWithLoad(db, user.authorityId),
  ]);
  if (status === 200)
    await db.transaction(async (tx) =>
      audit.record(tx, {
        recordType: 'audit-programme',
        recordId: String(programmeId),
        detail: { view: 'allocation', cases: cases.length },
      }),
    );
  const { values, errors } = model;
  const errorFields = new Set(errors.map((e) => e.field));
  res.status(status).render('quality/programmes/views/allocate.njk', {
    pageTitle: pageTitle('Allocate the cases', errors),
    errors,
    savedText: allocationSavedText(model.saved ?? ''),
    programme: { id: programmeId, title: programme.title },
    programmeHref: paths.quality.programme({ programmeId }),
    action: paths.quality.allocateCases({ programmeId }),
    closed: programme.status === 'closed',
    unallocated: cases.filter((c) => c.auditorUserId === null && c.auditId === null).length,
    auditors: auditors.map((a) => ({ ...a, teamName: a.teamName ?? 'No team' })),
    cases: cases.map((c) => {
      const field = `auditor-${c.caseId}`;
      const chosen =
        values && field in values ? str(values[field]) : c.auditorUserId === null ? '' : String(c.auditorUserId);
      const eligible = auditors.filter((a) => independentOf(a.teamId, c.teamId));
      return {
        ...c,
        field,
        hasError: errorFields.has(field),
        childHref: paths.children.show({ childId: c.lanternId }),
        auditText: auditStatusText(c),
        auditHref: c.auditId !== null ? paths.quality.audit({ auditId: c.auditId }) : null,
        allocatedOnText: c.allocatedOn ? formatDate(c.allocatedOn) : '',
        reason:
          c.auditorUserId === null && eligible.length === 0
            ? auditors.length
              ? 'Every auditor is in the child’s team'
              : 'There are no auditors'
            : '',
        items: [
          { value: '', text: 'Not allocated', selected: chosen === '' },
          ...auditors.map((a) => ({
            value: String(a.userId),
            text: `${a.name} (${a.teamName ?? 'no team'}; ${a.load} open)${independentOf(a.teamId, c.teamId) ? '' : ' — the child’s team'}`,
            selected: chosen === String(a.userId),
          })),
        ],
      };
    }),
  });
}

/**
 * "Allocate automatically" (action=automatic), or each case's auditor chosen by hand (`auditor-<caseId>`: a user id,
 * or '' for none; anything else is -1, which no auditor has, for the service to refuse with the case's name).
 */
const allocationForm = z.record(z.string().regex(/^(?:action|auditor-\d+)$/), formText).transform((v) => {
  const chosen = new Map<number, number | null>();
  for (const [key, value] of Object.entries(v)) {
    const m = /^auditor-(\d+)$/.exec(key);
    if (m) chosen.set(Number(m[1]), value === '' ? null : /^\d+$/.test(value) ? Number(value) : -1);
  }
  return { automatic: v.action === 'automatic', chosen };
});

async function programmeOf(ctx: Pick<PageContext, 'req' | 'user' | 'services'>): Promise<ProgrammeRow> {
  return getProgramme(ctx.services.db, ctx.user.authorityId, programmeIdOf(ctx.req));
}

export function programmeAllocateRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.quality.allocateCases,
    access: 'audit:manage',
    audit: 'quality.programme.view',
    handler: async (ctx) =>
      renderAllocate(ctx, await programmeOf(ctx), { values: null, errors: [], saved: str(ctx.req.query.saved) }),
  });

  r.page({
    method: 'post',
    path: paths.quality.allocateCases,
    access: 'audit:manage',
    audit: 'quality.programme.allocate',
    body: async (ctx) => {
      await programmeOf(ctx);
      return allocationForm;
    },
    invalid: async (ctx, form) =>
      renderAllocate(ctx, await programmeOf(ctx), { values: form.input, errors: form.errors }, 400),
    handler: async (ctx) => {
      const { user, services, audit, body } = ctx;
      const programme = await programmeOf(ctx);
      const programmeId = Number(programme.id);
      const today = todayInLondon();
      let saved: string;
      try {
        if (body.automatic) {
          const result = await allocateUnallocated(services.db, user.authorityId, programmeId, today, audit);
          saved = `automatic-${result.allocated}-${result.unallocated.length}`;
        } else {
          saved = `by-hand-${await allocateByHand(services.db, user.authorityId, programmeId, body.chosen, today, audit)}`;
        }
      } catch (e) {
        if (e instanceof ConflictError)
          return renderAllocate(
            ctx,
            programme,
            { values: ctx.input, errors: [{ field: 'allocate', message: e.message }] },
            409,
          );
        throw e;
      }
      ctx.res.redirect(303, paths.withQuery(paths.quality.allocateCases({ programmeId }), { saved }));
    },
  });
}
