/**
 * The improvement plan on the web and the API.
 *
 * Pages (read: inspection:read, every role, members included — the plan holds no child data; change:
 * improvement:manage):
 *   /improvement                                   the whole plan for the improvement board, with filters
 *   /improvement/themes/new, /themes/:id/edit      a theme (edit also deletes an empty theme)
 *   /improvement/themes/:id/objectives/new, /objectives/:id/edit
 *   /improvement/actions/new[?recommendation=&objective=]
 *   /improvement/actions/:id                       the action and its impact view
 *   /improvement/actions/:id/edit, /evidence, /progress
 * API: GET /api/improvement-plan (the plan), GET /api/improvement-plan/actions/:actionId (one action, with impact).
 * The XLSX and DOCX downloads (paths.improvement.xlsx / docx) are mounted by src/features/improvement/export/.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import { can } from '../../domain/roles';
import { todayInLondon } from '../../domain/today';
import { NotFoundError, type FieldError } from '../../core/errors';
import { ACTION_STATUSES, RAGS } from '../../db/schema/index';
import { paths } from '../../web/paths';
import type { PageContext, RouteBuilder } from '../../web/route';
import { SERVICE_AREAS, SERVICE_AREA_LABELS } from '../indicators/definition';
import { indicatorsIn } from '../indicators/registry';
import type { Audience } from '../indicators/present';
import type { CurrentUser } from '../../accounts/users/service';
import { actionImpact } from './impact';
import { actionPageModel, filterPlan, planFilterSchema, planPageModel } from './view-model';
import { authorityRecommendations, currentInspectionIds, loadPlan, type PlanAction } from './plan';
import { actionResponse, asResponse, planResponse } from './api';
import {
  addProgressUpdate,
  createAction,
  createObjective,
  createTheme,
  deleteAction,
  deleteObjective,
  deleteTheme,
  ensurePracticeDomains,
  getAction,
  getObjective,
  getTheme,
  objectiveChoices,
  progressHistory,
  setEvidence,
  updateAction,
  updateObjective,
  updateTheme,
} from './service';
import { RAG_LABELS, STATUS_LABELS } from '../../domain/improvement-status';
import { dateFromParts, dateParts, fieldErrorsOf, str } from '../../web/form-input';

type Body = Record<string, unknown>;

const idParam = (name: string) => z.object({ [name]: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

function idFrom(req: Request, name: string): number {
  const parsed = idParam(name).safeParse(req.params);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data[name] as number;
}

function audienceOf(user: CurrentUser): Audience {
  return can(user.role, 'child:read') ? 'staff' : 'members';
}

function bodyOf(req: Request): Body {
  return (req.body ?? {}) as Body;
}





const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === '' ? [] : [String(v)]);

export function improvementRoutes(r: RouteBuilder): void {
  // ——— the plan ———
  r.page({
    method: 'get',
    path: paths.improvement.plan,
    access: 'inspection:read',
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const today = todayInLondon();
      const filter = planFilterSchema.parse(req.query);
      const plan = await loadPlan(services.db, user.authorityId, today);
      res.render('improvement/views/plan.njk', {
        pageTitle: 'Improvement plan',
        ...planPageModel(plan, filterPlan(plan, filter), filter),
        canManage: can(user.role, 'improvement:manage'),
        saved: typeof req.query.saved === 'string' ? req.query.saved : null,
      });
    },
  });

  // ——— themes ———
  function renderTheme(res: Response, model: { themeId: number | null; values: Body; errors?: FieldError[] }, status = 200) {
    res.status(status).render('improvement/views/theme-form.njk', {
      pageTitle: `${model.errors?.length ? 'Error: ' : ''}${model.themeId ? 'Change theme' : 'Add a theme'}`,
      ...model,
      errors: model.errors ?? [],
    });
  }

  r.page({
    method: 'get',
    path: paths.improvement.newTheme,
    access: 'improvement:manage',
    audit: null,
    handler: async ({ res }) => renderTheme(res, { themeId: null, values: {} }),
  });

  r.page({
    method: 'post',
    path: paths.improvement.newTheme,
    access: 'improvement:manage',
    audit: 'improvement.theme',
    handler: async ({ req, res, user, services, audit }) => {
      const body = bodyOf(req);
      try {
        await createTheme(services.db, user.authorityId, { number: body.number, title: body.title, description: body.description }, audit);
      } catch (e) {
        return renderTheme(res, { themeId: null, values: body, errors: fieldErrorsOf(e) }, 400);
      }
      res.redirect(303, paths.improvement.planFor({ saved: 'theme' }));
    },
  });

  r.page({
    method: 'get',
    path: paths.improvement.editTheme,
    access: 'improvement:manage',
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const theme = await getTheme(services.db, user.authorityId, idFrom(req, 'themeId'));
      renderTheme(res, { themeId: Number(theme.id), values: { number: String(theme.number), title: theme.title, description: theme.description } });
    },
  });

  r.page({
    method: 'post',
    path: paths.improvement.editTheme,
    access: 'improvement:manage',
    audit: 'improvement.theme',
    handler: async ({ req, res, user, services, audit }) => {
      const themeId = idFrom(req, 'themeId');
      const body = bodyOf(req);
      try {
        if (body.delete === 'yes') await deleteTheme(services.db, user.authorityId, themeId, audit);
        else await updateTheme(services.db, user.authorityId, themeId, { number: body.number, title: body.title, description: body.description }, audit);
      } catch (e) {
        return renderTheme(res, { themeId, values: body, errors: fieldErrorsOf(e).map((x) => (x.field === 'theme' ? { ...x, field: 'title' } : x)) }, 400);
      }
      res.redirect(303, paths.improvement.planFor({ saved: body.delete === 'yes' ? 'theme-deleted' : 'theme' }));
    },
  });

  // ——— objectives ———
  async function renderObjective(ctx: Pick<PageContext, 'res' | 'user' | 'services'>, model: { themeId: number; objectiveId: number | null; values: Body; errors?: FieldError[] }, status = 200) {
    const theme = await getTheme(ctx.services.db, ctx.user.authorityId, model.themeId);
    ctx.res.status(status).render('improvement/views/objective-form.njk', {
      pageTitle: `${model.errors?.length ? 'Error: ' : ''}${model.objectiveId ? 'Change objective' : 'Add an objective'}`,
      theme,
      ...model,
      errors: model.errors ?? [],
    });
  }

  r.page({
    method: 'get',
    path: paths.improvement.newObjective,
    access: 'improvement:manage',
    audit: null,
    handler: async (ctx) => renderObjective(ctx, { themeId: idFrom(ctx.req, 'themeId'), objectiveId: null, values: {} }),
  });

  r.page({
    method: 'post',
    path: paths.improvement.newObjective,
    access: 'improvement:manage',
    audit: 'improvement.objective',
    handler: async (ctx) => {
      const { req, res, user, services, audit } = ctx;
      const themeId = idFrom(req, 'themeId');
      const body = bodyOf(req);
      try {
        await createObjective(services.db, user.authorityId, themeId, { code: body.code, title: body.title }, audit);
      } catch (e) {
        return renderObjective(ctx, { themeId, objectiveId: null, values: body, errors: fieldErrorsOf(e) }, 400);
      }
      res.redirect(303, paths.improvement.planFor({ saved: 'objective' }));
    },
  });

  r.page({
    method: 'get',
    path: paths.improvement.editObjective,
    access: 'improvement:manage',
    audit: null,
    handler: async (ctx) => {
      const objective = await getObjective(ctx.services.db, ctx.user.authorityId, idFrom(ctx.req, 'objectiveId'));
      await renderObjective(ctx, { themeId: Number(objective.themeId), objectiveId: Number(objective.id), values: { code: objective.code, title: objective.title } });
    },
  });

  r.page({
    method: 'post',
    path: paths.improvement.editObjective,
    access: 'improvement:manage',
    audit: 'improvement.objective',
    handler: async (ctx) => {
      const { req, res, user, services, audit } = ctx;
      const objective = await getObjective(services.db, user.authorityId, idFrom(req, 'objectiveId'));
      const objectiveId = Number(objective.id);
      const body = bodyOf(req);
      try {
        if (body.delete === 'yes') await deleteObjective(services.db, user.authorityId, objectiveId, audit);
        else await updateObjective(services.db, user.authorityId, objectiveId, { code: body.code, title: body.title }, audit);
      } catch (e) {
        const errors = fieldErrorsOf(e).map((x) => (x.field === 'objective' ? { ...x, field: 'title' } : x));
        return renderObjective(ctx, { themeId: Number(objective.themeId), objectiveId, values: body, errors }, 400);
      }
      res.redirect(303, paths.improvement.planFor({ saved: body.delete === 'yes' ? 'objective-deleted' : 'objective' }));
    },
  });

  // ——— actions ———
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
    const groups = new Map<number, { inspectionId: number; legend: string; current: boolean; startDate: string; items: Array<{ value: string; text: string; checked: boolean }> }>();
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
    const grouped = [...groups.values()].sort((a, b) => (a.current === b.current ? b.startDate.localeCompare(a.startDate) : a.current ? -1 : 1));
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
      objectives: objectives.map((o) => ({ value: String(o.id), text: o.label, selected: String(model.values.objectiveId ?? '') === String(o.id) })),
      statuses: ACTION_STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s], checked: (model.values.status ?? 'not-started') === s })),
      rags: RAGS.map((g) => ({ value: g, text: RAG_LABELS[g], checked: (model.values.rag ?? 'green') === g })),
      groups: grouped,
      errors,
    });
  }

  function actionInput(body: Body) {
    return {
      objectiveId: body.objectiveId,
      number: body.number,
      title: body.title,
      successMeasure: body.successMeasure,
      owner: body.owner,
      startDate: dateFromParts(body, 'startDate'),
      dueDate: dateFromParts(body, 'dueDate'),
      completedOn: dateFromParts(body, 'completedOn'),
      status: body.status,
      rag: body.rag,
      recommendationIds: list(body.recommendationIds),
    };
  }

  r.page({
    method: 'get',
    path: paths.improvement.newAction,
    access: 'improvement:manage',
    audit: null,
    handler: async (ctx) => {
      const q = z
        .object({ recommendation: z.coerce.number().int().positive().optional().catch(undefined), objective: z.coerce.number().int().positive().optional().catch(undefined) })
        .parse(ctx.req.query);
      await renderActionForm(ctx, {
        actionId: null,
        body: null,
        values: { recommendationIds: q.recommendation ? [String(q.recommendation)] : [], objectiveId: q.objective ? String(q.objective) : '', status: 'not-started', rag: 'green' },
      });
    },
  });

  r.page({
    method: 'post',
    path: paths.improvement.newAction,
    access: 'improvement:manage',
    audit: 'improvement.action',
    handler: async (ctx) => {
      const body = bodyOf(ctx.req);
      let actionId: number;
      try {
        actionId = await createAction(ctx.services.db, ctx.user.authorityId, actionInput(body), ctx.audit);
      } catch (e) {
        return renderActionForm(ctx, { actionId: null, values: { ...body, recommendationIds: list(body.recommendationIds) }, body, errors: fieldErrorsOf(e) }, 400);
      }
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
    handler: async (ctx) => {
      const actionId = idFrom(ctx.req, 'actionId');
      const body = bodyOf(ctx.req);
      try {
        if (body.delete === 'yes') {
          await deleteAction(ctx.services.db, ctx.user.authorityId, actionId, ctx.audit);
          return ctx.res.redirect(303, paths.improvement.planFor({ saved: 'action-deleted' }));
        }
        await updateAction(ctx.services.db, ctx.user.authorityId, actionId, actionInput(body), ctx.audit);
      } catch (e) {
        return renderActionForm(ctx, { actionId, values: { ...body, recommendationIds: list(body.recommendationIds) }, body, errors: fieldErrorsOf(e) }, 400);
      }
      ctx.res.redirect(303, `${paths.improvement.action({ actionId })}?saved=action`);
    },
  });

  async function findAction(ctx: Pick<PageContext, 'user' | 'services'>, actionId: number, today: string): Promise<{ action: PlanAction; themeTitle: string; objectiveTitle: string }> {
    const plan = await loadPlan(ctx.services.db, ctx.user.authorityId, today);
    for (const t of plan.themes) {
      for (const o of t.objectives) {
        const action = o.actions.find((a) => a.id === actionId);
        if (action) return { action, themeTitle: `${t.number}. ${t.title}`, objectiveTitle: `${t.number}${o.code}. ${o.title}` };
      }
    }
    throw new NotFoundError();
  }

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

  // ——— evidence ———
  async function renderEvidence(ctx: Pick<PageContext, 'res' | 'user' | 'services'>, actionId: number, model: { chosen: Map<string, string>; domainIds: Set<string>; errors?: FieldError[] }, status = 200) {
    const a = await getAction(ctx.services.db, ctx.user.authorityId, actionId);
    const domains = await ensurePracticeDomains(ctx.services.db, ctx.user.authorityId);
    const errors = model.errors ?? [];
    const areas = SERVICE_AREAS.map((area) => ({
      id: `area-${area}`,
      label: SERVICE_AREA_LABELS[area],
      items: indicatorsIn(area).map((d) => ({
        id: d.id,
        title: d.title,
        unit: d.unit,
        polarity: d.polarity,
        checked: model.chosen.has(d.id),
        target: model.chosen.get(d.id) ?? '',
        defaultTarget: d.target ?? null,
      })),
    })).filter((x) => x.items.length > 0);
    ctx.res.status(status).render('improvement/views/evidence.njk', {
      pageTitle: `${errors.length ? 'Error: ' : ''}Evidence for ${a.title}`,
      action: a,
      areas,
      domains: domains.map((d) => ({ value: String(d.id), text: d.title, checked: model.domainIds.has(String(d.id)) })),
      errors,
    });
  }

  r.page({
    method: 'get',
    path: paths.improvement.evidence,
    access: 'improvement:manage',
    audit: null,
    handler: async (ctx) => {
      const actionId = idFrom(ctx.req, 'actionId');
      const a = await getAction(ctx.services.db, ctx.user.authorityId, actionId);
      await renderEvidence(ctx, actionId, {
        chosen: new Map(a.indicators.map((i) => [i.id, i.target === null ? '' : String(i.target)])),
        domainIds: new Set(a.domainIds.map(String)),
      });
    },
  });

  r.page({
    method: 'post',
    path: paths.improvement.evidence,
    access: 'improvement:manage',
    audit: 'improvement.evidence',
    handler: async (ctx) => {
      const actionId = idFrom(ctx.req, 'actionId');
      const body = bodyOf(ctx.req);
      const ids = list(body.indicators);
      const chosen = new Map(ids.map((id) => [id, str(body[`target-${id}`]).trim()]));
      try {
        await setEvidence(ctx.services.db, ctx.user.authorityId, actionId, { indicators: ids.map((id) => ({ id, target: chosen.get(id) ?? '' })), domainIds: list(body.domainIds) }, ctx.audit);
      } catch (e) {
        // indicators.N.target → the target box of that indicator; indicators.N.id → its checkbox.
        const errors = fieldErrorsOf(e).map((x) => {
          const m = /^indicators\.(\d+)\.(id|target)$/.exec(x.field);
          const id = m ? ids[Number(m[1])] : undefined;
          return m && id ? { ...x, field: m[2] === 'target' ? `target-${id}` : `indicator-${id}` } : x;
        });
        return renderEvidence(ctx, actionId, { chosen, domainIds: new Set(list(body.domainIds)), errors }, 400);
      }
      ctx.res.redirect(303, `${paths.improvement.action({ actionId })}?saved=evidence`);
    },
  });

  // ——— progress ———
  async function renderProgress(ctx: Pick<PageContext, 'res' | 'user' | 'services'>, actionId: number, model: { values: Body; body: Body | null; errors?: FieldError[] }, status = 200) {
    const found = await findAction(ctx, actionId, todayInLondon());
    const errors = model.errors ?? [];
    ctx.res.status(status).render('improvement/views/progress.njk', {
      pageTitle: `${errors.length ? 'Error: ' : ''}Progress update for ${found.action.reference}`,
      action: found.action,
      updatedOn: dateParts(model.body, 'updatedOn', str(model.values.updatedOn)),
      values: model.values,
      statuses: ACTION_STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s], checked: model.values.status === s })),
      rags: RAGS.map((g) => ({ value: g, text: RAG_LABELS[g], checked: model.values.rag === g })),
      errors,
    });
  }

  r.page({
    method: 'get',
    path: paths.improvement.progress,
    access: 'improvement:manage',
    audit: null,
    handler: async (ctx) => {
      const actionId = idFrom(ctx.req, 'actionId');
      const found = await findAction(ctx, actionId, todayInLondon());
      await renderProgress(ctx, actionId, { body: null, values: { updatedOn: todayInLondon(), status: found.action.status, rag: found.action.rag, note: '' } });
    },
  });

  r.page({
    method: 'post',
    path: paths.improvement.progress,
    access: 'improvement:manage',
    audit: 'improvement.progress',
    handler: async (ctx) => {
      const actionId = idFrom(ctx.req, 'actionId');
      const body = bodyOf(ctx.req);
      try {
        await addProgressUpdate(
          ctx.services.db,
          ctx.user.authorityId,
          actionId,
          { updatedOn: dateFromParts(body, 'updatedOn'), status: body.status, rag: body.rag, note: body.note },
          { name: ctx.user.displayName },
          todayInLondon(),
          ctx.audit,
        );
      } catch (e) {
        return renderProgress(ctx, actionId, { values: body, body, errors: fieldErrorsOf(e) }, 400);
      }
      ctx.res.redirect(303, `${paths.improvement.action({ actionId })}?saved=progress#progress`);
    },
  });

  // ——— API ———
  r.api({
    method: 'get',
    path: paths.api.improvementPlan,
    access: 'inspection:read',
    audit: null,
    tag: 'Improvement plan',
    summary: 'The improvement plan',
    description:
      'Themes → objectives → actions, each action with its status, RAG, overdue and off-track flags, latest progress update, the recommendations it answers and its evidence; the current recommendations no action answers; summary counts. Overdue: due before today and not complete. Off track: not complete and red, blocked, or amber within 20 working days of its due date.',
    response: planResponse,
    handler: async ({ user, services }) => asResponse(await loadPlan(services.db, user.authorityId, todayInLondon())),
  });

  r.api({
    method: 'get',
    path: paths.api.improvementAction,
    access: 'inspection:read',
    audit: null,
    tag: 'Improvement plan',
    summary: 'One improvement action with its impact series',
    description:
      'The action, and for each evidence indicator its kept monthly values from 12 months before the action started to the latest complete month, the value before it started, the latest, whether the success target is met and the latest benchmark; for each audit domain the grades by month. For members, counts from 1 to 4 (and figures made from them) are "c".',
    params: z.object({ actionId: z.coerce.number().int().positive() }),
    response: actionResponse,
    handler: async (ctx) => {
      const today = todayInLondon();
      const found = await findAction(ctx, ctx.params.actionId, today);
      const [impact, history] = await Promise.all([
        actionImpact(ctx.services.db, ctx.user.authorityId, found.action, today, audienceOf(ctx.user)),
        progressHistory(ctx.services.db, found.action.id),
      ]);
      return asResponse({ action: found.action, progressUpdates: history.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })), impact });
    },
  });
}
