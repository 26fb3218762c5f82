/** /quality/programmes/:programmeId/select: choose its cases (random, stratified or by a named filter, from a seed). */
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { ProgrammeSelection } from '../../../../db/schema/index';
import { isIsoDate } from '../../../../domain/dates';
import { todayInLondon } from '../../../../domain/today';
import { ConflictError, type FieldError } from '../../../../core/errors';
import { dateParts, formText, str, withDateParts } from '../../../../web/form-input';
import { paths } from '../../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../../web/route';
import { serviceAreaLabel } from '../../results';
import { CASE_FILTERS, caseFilter } from '../filters';
import { selectCases, type SelectionSettings } from '../selection';
import { getProgramme, programmeCases, type ProgrammeRow } from '../service';
import { pageTitle, programmeIdOf, type Body } from './shared';

async function renderSelect(
  ctx: PageContext,
  programme: ProgrammeRow,
  model: { values: Body | null; errors: FieldError[] },
  status = 200,
) {
  const { res, user, services } = ctx;
  const db = services.db;
  const programmeId = Number(programme.id);
  const cases = await programmeCases(db, programmeId);
  const started = cases.filter((c) => c.auditId !== null).length;
  const teams = await services.db.query.teams.findMany({
    where: (t, { eq }) => eq(t.authorityId, user.authorityId),
    orderBy: (t, { asc }) => [asc(t.name)],
  });
  const serviceAreas = [...new Set(teams.map((t) => t.serviceArea))].sort((a, b) =>
    serviceAreaLabel(a).localeCompare(serviceAreaLabel(b)),
  );
  const { values, errors } = model;
  const previous = programme.selection;
  const method = values ? str(values.method) : (previous?.method ?? 'random');
  const scope = values ? str(values.scope) : previous ? scopeValue(previous.scope) : 'authority';
  const strata = values ? str(values.strata) : (previous?.strata ?? 'team');
  const filter = values ? str(values.filter) : (previous?.filter ?? '');
  const today = todayInLondon();
  res.status(status).render('quality/programmes/views/select.njk', {
    pageTitle: pageTitle('Choose the cases', errors),
    errors,
    programme: { id: programmeId, title: programme.title },
    programmeHref: paths.quality.programme({ programmeId }),
    action: paths.quality.selectCases({ programmeId }),
    chosen: cases.length,
    started,
    closed: programme.status === 'closed',
    method,
    values: {
      size: values ? str(values.size) : previous?.size ? String(previous.size) : '10',
      seed: values ? str(values.seed) : String(randomInt(1, 1_000_000)),
    },
    asAt: dateParts(values, 'asAt', today),
    scopeItems: [
      { value: 'authority', text: 'The whole authority', selected: scope === 'authority' },
      ...teams.map((t) => ({ value: `team-${t.id}`, text: `Team: ${t.name}`, selected: scope === `team-${t.id}` })),
      ...serviceAreas.map((a) => ({
        value: `service-${a}`,
        text: `Service area: ${serviceAreaLabel(a)}`,
        selected: scope === `service-${a}`,
      })),
    ],
    strataItems: [
      { value: 'team', text: 'By team', checked: strata === 'team' },
      { value: 'service', text: 'By service area', checked: strata === 'service' },
    ],
    filterItems: CASE_FILTERS.map((f) => ({
      value: f.key,
      text: f.title,
      hint: { text: f.definition },
      checked: filter === f.key,
    })),
  });
}

function scopeValue(scope: ProgrammeSelection['scope']): string {
  return scope.kind === 'team'
    ? `team-${scope.teamId}`
    : scope.kind === 'service'
      ? `service-${scope.serviceArea}`
      : 'authority';
}

/** The selection settings from the form, against the authority's teams and service areas; every error at once. */
function selectionForm(teams: ReadonlyArray<{ id: number; serviceArea: string }>) {
  const scopeOf = (value: string): ProgrammeSelection['scope'] | null => {
    const team = /^team-(\d+)$/.exec(value);
    const service = /^service-(.+)$/.exec(value);
    if (value === 'authority') return { kind: 'authority' };
    if (team && teams.some((t) => t.id === Number(team[1]))) return { kind: 'team', teamId: Number(team[1]) };
    if (service && teams.some((t) => t.serviceArea === service[1]))
      return { kind: 'service', serviceArea: String(service[1]) };
    return null;
  };
  const sized = (method: string) => method === 'random' || method === 'stratified';
  const schema = z
    .strictObject({
      method: formText,
      size: formText,
      scope: formText,
      strata: formText,
      filter: formText,
      asAt: formText,
      seed: formText,
    })
    .superRefine((v, ctx) => {
      const error = (field: string, message: string) => {
        ctx.addIssue({ code: 'custom', path: [field], message });
      };
      const { method } = v;
      if (method !== 'random' && method !== 'stratified' && method !== 'filter') {
        error(
          'method',
          'Choose how to select the cases: a random sample, a stratified sample or every child matching a filter',
        );
      }
      if (sized(method)) {
        const s = v.size.trim();
        if (!s) error('size', 'Enter how many cases to choose');
        else if (!/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 1000)
          error('size', 'The number of cases must be a whole number from 1 to 1,000');
      }
      if (method === 'random' && !scopeOf(v.scope))
        error('scope', 'Choose where to sample from: the whole authority, a team or a service area');
      if (method === 'stratified' && v.strata !== 'team' && v.strata !== 'service')
        error('strata', 'Choose the strata: by team or by service area');
      if (method === 'filter' && !caseFilter(v.filter)) error('filter', 'Choose the filter the children must match');
      if (!v.asAt) error('asAt', 'Enter the date the population is taken on');
      else if (!isIsoDate(v.asAt)) error('asAt', 'The as-at date must be a real date, for example 1 3 2026');
      const seed = v.seed.trim();
      if (!seed) error('seed', 'Enter a seed: any whole number, which you can note to choose the same children again');
      else if (!/^\d+$/.test(seed) || Number(seed) > 2_147_483_647)
        error('seed', 'The seed must be a whole number from 0 to 2,147,483,647');
    })
    .transform((v): SelectionSettings => ({
      method: v.method as SelectionSettings['method'],
      asAt: v.asAt,
      seed: Number(v.seed.trim()),
      size: sized(v.method) ? Number(v.size.trim()) : null,
      scope: v.method === 'random' ? (scopeOf(v.scope) ?? { kind: 'authority' }) : { kind: 'authority' },
      strata: v.method === 'stratified' ? (v.strata as 'team' | 'service') : null,
      filter: v.method === 'filter' ? (caseFilter(v.filter)?.key ?? null) : null,
    }));
  return withDateParts(['asAt'], schema);
}

async function programmeOf(ctx: Pick<PageContext, 'req' | 'user' | 'services'>): Promise<ProgrammeRow> {
  return getProgramme(ctx.services.db, ctx.user.authorityId, programmeIdOf(ctx.req));
}

export function programmeSelectRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.quality.selectCases,
    access: 'audit:manage',
    audit: null,
    handler: async (ctx) => renderSelect(ctx, await programmeOf(ctx), { values: null, errors: [] }),
  });

  r.page({
    method: 'post',
    path: paths.quality.selectCases,
    access: 'audit:manage',
    audit: 'quality.programme.select',
    body: async (ctx) => {
      await programmeOf(ctx);
      return selectionForm(
        await ctx.services.db.query.teams.findMany({ where: (t, { eq }) => eq(t.authorityId, ctx.user.authorityId) }),
      );
    },
    invalid: async (ctx, form) =>
      renderSelect(ctx, await programmeOf(ctx), { values: form.input, errors: form.errors }, 400),
    handler: async (ctx) => {
      const programme = await programmeOf(ctx);
      try {
        await selectCases(ctx.services.db, ctx.user.authorityId, Number(programme.id), ctx.body, ctx.audit);
      } catch (e) {
        if (e instanceof ConflictError)
          return renderSelect(
            ctx,
            programme,
            { values: ctx.input, errors: [{ field: 'method', message: e.message }] },
            409,
          );
        throw e;
      }
      ctx.res.redirect(
        303,
        paths.withQuery(paths.quality.programme({ programmeId: programme.id }), { saved: 'selected' }),
      );
    },
  });
}
