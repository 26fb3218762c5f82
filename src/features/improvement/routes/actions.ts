/** An action: add, change, delete, and its page with the impact view (/improvement/actions/new, /actions/:id, /actions/:id/edit). */
import { z } from 'zod';
import { can } from '../../../domain/roles';
import { todayInLondon } from '../../../domain/today';
import type { FieldError } from '../../../core/errors';
import { ACTION_STATUSES, RAGS } from '../../../domain/improvement-status';
import { paths } from '../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../web/route';
import { dateParts, formList, formText, str, withDateParts } from '../../../web/form-input';
import { actionImpact } from '../impact';
import { actionPageModel } from '../view-model';
import { authorityRecommendations, currentInspectionIds } from '../plan';
import { createAction, deleteAction, getAction, objectiveChoices, progressHistory, updateAction } from '../service';
import { RAG_LABELS, STATUS_LABELS } from '../../../domain/improvement-status';
import { audienceOf, findAction, formChoice, idFrom, list, type Body } from './shared';

const actionForm = withDateParts(
  ['startDate', 'dueDate', 'completedOn'],
  z.strictObject({
    objectiveId: formText,
    number: formText,
    title: formText,
    successMeasure: formText,
    owner: formText,
    startDate: formText,
    dueDate: formText,
    completedOn: formText,
    status: formChoice,
    rag: formChoice,
    recommendationIds: formList,
    delete: formText.optional(),
  }),
);

export function actionRoutes(r: RouteBuilder): void {
  async function renderActionForm(
    ctx: Pick<PageContext, 'res' | 'user' | 'services'>,
    model: { actionId: number | null; values: Body; body: Body | null; errors?: FieldError[] },
    status = 200,
  ) {
    const { services, user } = ctx;
    const [objectives, recommendations, current] = await Promise.all([
      objectiveChoices(services.db, user.authorityId),
      authorityRecommendations(services.db, user.authorityId),
      currentInspectionIds(services.db, user.authorityId),
    ]);
    const chosen = new Set(list(model.values.recommendationIds));
    // Recommendations grouped by inspection, the current inspections first (newest first), then the earlier ones.
    const currentSet = new Set(current);
    const groups = new Map<
      number,
      {
        inspectionId: number;
        legend: string;
        current: boolean;
        startDate: string;
        items: Array<{ value: string; text: string; checked: boolean }>;
      }
    >();
    for (const rec of recommendations) {
      const group = groups.get(rec.inspectionId) ?? {
        inspectionId: rec.inspectionId,
        legend: rec.inspectionLabel,
        current: currentSet.has(rec.inspectionId),
        startDate: rec.inspectionDate,
        items: [],
      };
      group.items.push({
        value: String(rec.id),
        text: `${rec.kind === 'priority-action' ? 'Area for priority action' : 'Recommendation'} ${rec.number}: ${rec.text}`,
        checked: chosen.has(String(rec.id)),
      });
      groups.set(rec.inspectionId, group);
    }
    const grouped = [...groups.values()].sort((a, b) =>
      a.current === b.current ? b.startDate.localeCompare(a.startDate) : a.current ? -1 : 1,
    );
    const errors = model.errors ?? [];
    ctx.res.status(status).render('improvement/views/action-form.njk', {
      pageTitle: `${errors.length ? 'Error: ' : ''}${model.actionId ? 'Change action' : 'Add an action'}`,
      actionId: model.actionId,
      values: model.values,
      dates: {
        startDate: dateParts(model.body, 'startDate', str(model.values.startDate)),
        dueDate: dateParts(model.body, 'dueDate', str(model.values.dueDate)),
        completedOn: dateParts(model.body, 'completedOn', str(model.values.completedOn)),
      },
      objectives: objectives.map((o) => ({
        value: String(o.id),
        text: o.label,
        selected: `${(model.values.objectiveId as string | number | null | undefined) ?? ''}` === String(o.id),
      })),
      statuses: ACTION_STATUSES.map((s) => ({
        value: s,
        text: STATUS_LABELS[s],
        checked: (model.values.status ?? 'not-started') === s,
      })),
      rags: RAGS.map((g) => ({ value: g, text: RAG_LABELS[g], checked: (model.values.rag ?? 'green') === g })),
      groups: grouped,
      errors,
    });
  }

  function actionInput({ delete: _delete, ...input }: z.output<typeof actionForm>) {
    return input;
  }

  /** The form again with what was posted (the date boxes as typed) and the errors. */
  const invalid = (
    ctx: Pick<PageContext, 'res' | 'user' | 'services'>,
    actionId: number | null,
    form: { input: Body; errors: FieldError[] },
  ) =>
    renderActionForm(
      ctx,
      {
        actionId,
        values: { ...form.input, recommendationIds: list(form.input.recommendationIds) },
        body: form.input,
        errors: form.errors,
      },
      400,
    );

  r.page({
    method: 'get',
    path: paths.improvement.newAction,
    access: 'improvement:manage',
    audit: null,
    handler: async (ctx) => {
      const q = z
        .object({
          recommendation: z.coerce.number().int().positive().optional().catch(undefined),
          objective: z.coerce.number().int().positive().optional().catch(undefined),
        })
        .parse(ctx.req.query);
      await renderActionForm(ctx, {
        actionId: null,
        body: null,
        values: {
          recommendationIds: q.recommendation ? [String(q.recommendation)] : [],
          objectiveId: q.objective ? String(q.objective) : '',
          status: 'not-started',
          rag: 'green',
        },
      });
    },
  });

  r.page({
    method: 'post',
    path: paths.improvement.newAction,
    access: 'improvement:manage',
    audit: 'improvement.action',
    body: actionForm,
    invalid: (ctx, form) => invalid(ctx, null, form),
    handler: async (ctx) => {
      const actionId = await createAction(ctx.services.db, ctx.user.authorityId, actionInput(ctx.body), ctx.audit);
      ctx.res.redirect(303, `${paths.improvement.action({ actionId })}?saved=action`);
    },
  });

  r.page({
    method: 'get',
    path: paths.improvement.editAction,
    access: 'improvement:manage',
    audit: null,
    handler: async (ctx) => {
      const a = await getAction(ctx.services.db, ctx.user.authorityId, idFrom(ctx.req, 'actionId'));
      await renderActionForm(ctx, {
        actionId: a.id,
        body: null,
        values: {
          objectiveId: String(a.objectiveId),
          number: String(a.number),
          title: a.title,
          successMeasure: a.successMeasure,
          owner: a.owner,
          startDate: a.startDate,
          dueDate: a.dueDate,
          completedOn: a.completedOn ?? '',
          status: a.status,
          rag: a.rag,
          recommendationIds: a.recommendationIds.map(String),
        },
      });
    },
  });

  r.page({
    method: 'post',
    path: paths.improvement.editAction,
    access: 'improvement:manage',
    audit: 'improvement.action',
    body: actionForm,
    invalid: (ctx, form) => invalid(ctx, idFrom(ctx.req, 'actionId'), form),
    handler: async (ctx) => {
      const actionId = idFrom(ctx.req, 'actionId');
      if (ctx.body.delete === 'yes') {
        await deleteAction(ctx.services.db, ctx.user.authorityId, actionId, ctx.audit);
        ctx.res.redirect(303, paths.improvement.planFor({ saved: 'action-deleted' }));
        return;
      }
      await updateAction(ctx.services.db, ctx.user.authorityId, actionId, actionInput(ctx.body), ctx.audit);
      ctx.res.redirect(303, `${paths.improvement.action({ actionId })}?saved=action`);
    },
  });

  r.page({
    method: 'get',
    path: paths.improvement.action,
    access: 'inspection:read',
    audit: null,
    handler: async (ctx) => {
      const today = todayInLondon();
      const found = await findAction(ctx, idFrom(ctx.req, 'actionId'), today);
      const audience = audienceOf(ctx.user);
      const [impact, history] = await Promise.all([
        actionImpact(ctx.services.db, ctx.user.authorityId, found.action, today, audience),
        progressHistory(ctx.services.db, found.action.id),
      ]);
      ctx.res.render('improvement/views/action.njk', {
        pageTitle: `${found.action.reference} ${found.action.title}`,
        ...actionPageModel(found.action, impact, history, audience),
        themeTitle: found.themeTitle,
        objectiveTitle: found.objectiveTitle,
        canManage: can(ctx.user.role, 'improvement:manage'),
        saved: typeof ctx.req.query.saved === 'string' ? ctx.req.query.saved : null,
      });
    },
  });
}
