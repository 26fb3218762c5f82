/**
 * Audit programmes on the web (audit:manage: admin, head of service, QA auditor; everyone else 403):
 *   /quality/programmes                        every programme with its progress and an overdue flag
 *   /quality/programmes/new                    set one up (kind, title, theme, framework version, dates, partners)
 *   /quality/programmes/:programmeId           its summary, the selection record in words, its cases; POST opens or
 *                                              closes it
 *   /quality/programmes/:programmeId/edit      change it
 *   /quality/programmes/:programmeId/select    choose its cases: random, stratified or by a named filter, from a seed
 *   /quality/programmes/:programmeId/allocate  allocate the unallocated cases (never the auditor's own team), or
 *                                              allocate and change auditors by hand
 * Pages that name children (the programme, allocation) are written to the access log as views; every POST is too.
 */
import { randomInt } from 'node:crypto';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { PARTNER_AGENCIES, PROGRAMME_KINDS, type ProgrammeSelection } from '../../../db/schema/index';
import { independentOf } from '../../../domain/allocation';
import { isIsoDate } from '../../../domain/dates';
import { todayInLondon } from '../../../domain/today';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../../core/errors';
import { paths } from '../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../web/route';
import { formatDate } from '../../../web/views';
import { serviceAreaLabel } from '../results';
import { CASE_FILTERS, caseFilter } from './filters';
import { selectCases, selectionInWords, type SelectionSettings } from './selection';
import {
  AGENCY_LABELS,
  allocateByHand,
  allocateUnallocated,
  auditorsWithLoad,
  auditStatusText,
  createProgramme,
  getProgramme,
  KIND_LABELS,
  listProgrammes,
  monthlyTitle,
  programmeCases,
  publishedVersionChoices,
  setProgrammeStatus,
  STATUS_LABELS,
  updateProgramme,
  validateProgramme,
  versionLabel,
  type ProgrammeRow,
} from './service';
import { dateFromParts, dateParts, fieldErrorsOf, str } from '../../../web/form-input';

type Body = Record<string, unknown>;

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === '' ? [] : [String(v)]);
const bodyOf = (req: Request): Body => (req.body ?? {}) as Body;

function programmeIdOf(req: Request): number {
  const parsed = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).safeParse(req.params.programmeId);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data;
}




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

const pageTitle = (title: string, errors: readonly FieldError[]) => `${errors.length ? 'Error: ' : ''}${title}`;

export function programmeRoutes(r: RouteBuilder): void {
  // ——— every programme ———
  r.page({
    method: 'get',
    path: paths.quality.programmes,
    access: 'audit:manage',
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const today = todayInLondon();
      const programmes = await listProgrammes(services.db, user.authorityId, today);
      res.render('quality/programmes/views/index.njk', {
        pageTitle: 'Audit programmes',
        saved: str(req.query.saved),
        programmes: programmes.map((p) => ({
          ...p,
          href: paths.quality.programme({ programmeId: p.id }),
          kindLabel: KIND_LABELS[p.kind],
          statusLabel: STATUS_LABELS[p.status],
          statusClass: p.status === 'open' ? 'govuk-tag--blue' : p.status === 'closed' ? 'govuk-tag--grey' : 'govuk-tag--yellow',
        })),
      });
    },
  });

  // ——— the programme form ———
  async function renderForm(
    ctx: Pick<PageContext, 'res' | 'user' | 'services'>,
    model: { programme: ProgrammeRow | null; values: Body | null; errors: FieldError[] },
    status = 200,
  ) {
    const { programme, values, errors } = model;
    const versions = await publishedVersionChoices(ctx.services.db, ctx.user.authorityId);
    const chosenVersion = values ? str(values.frameworkVersionId) : programme ? String(programme.frameworkVersionId) : versions.length === 1 ? String(versions[0]?.versionId) : '';
    const kind = values ? str(values.kind) : (programme?.kind ?? '');
    const agencies = values ? list(values.partnerAgencies) : (programme?.partnerAgencies ?? []);
    const currentKept = programme && !versions.some((v) => v.versionId === Number(programme.frameworkVersionId));
    const title = programme ? 'Change the programme' : 'Set up a programme';
    ctx.res.status(status).render('quality/programmes/views/form.njk', {
      pageTitle: pageTitle(title, errors),
      title,
      errors,
      action: programme ? paths.quality.editProgramme({ programmeId: programme.id }) : paths.quality.newProgramme({}),
      cancelHref: programme ? paths.quality.programme({ programmeId: programme.id }) : paths.quality.programmes({}),
      frameworksHref: paths.quality.frameworks({}),
      noVersions: versions.length === 0 && !programme,
      values: {
        title: values ? str(values.title) : (programme?.title ?? ''),
        theme: values ? str(values.theme) : (programme?.theme ?? ''),
      },
      monthlyExample: monthlyTitle(todayInLondon()),
      kindItems: PROGRAMME_KINDS.map((k) => ({
        value: k,
        text: KIND_LABELS[k],
        checked: k === kind,
        hint: {
          text:
            k === 'monthly'
              ? 'The regular monthly round of audits'
              : k === 'thematic'
                ? 'Audits of one theme, such as neglect or exploitation'
                : 'Audits on one theme where partner agencies add their part',
        },
      })),
      versionItems: [
        { value: '', text: 'Choose a framework version', selected: chosenVersion === '' },
        ...(currentKept && programme ? [{ value: String(programme.frameworkVersionId), text: 'The version chosen before (no longer published)', selected: chosenVersion === String(programme.frameworkVersionId) }] : []),
        ...versions.map((v) => ({
          value: String(v.versionId),
          text: `${versionLabel(v)}${v.publishedOn ? ` (published ${formatDate(v.publishedOn)})` : ''}`,
          selected: String(v.versionId) === chosenVersion,
        })),
      ],
      dates: [
        { field: 'startsOn', legend: 'Starts on', hint: 'For example, 1 3 2026', parts: dateParts(values, 'startsOn', programme?.startsOn) },
        { field: 'dueOn', legend: 'Audits due by', hint: 'The same as or after the start date, for example 31 3 2026', parts: dateParts(values, 'dueOn', programme?.dueOn) },
      ],
      agencyItems: PARTNER_AGENCIES.map((a) => ({ value: a, text: AGENCY_LABELS[a], checked: agencies.includes(a) })),
    });
  }

  function rawProgramme(body: Body) {
    return {
      kind: str(body.kind),
      title: str(body.title),
      theme: str(body.theme),
      frameworkVersionId: str(body.frameworkVersionId),
      startsOn: dateFromParts(body, 'startsOn'),
      dueOn: dateFromParts(body, 'dueOn'),
      partnerAgencies: list(body.partnerAgencies),
    };
  }

  r.page({
    method: 'get',
    path: paths.quality.newProgramme,
    access: 'audit:manage',
    audit: null,
    handler: async (ctx) => renderForm(ctx, { programme: null, values: null, errors: [] }),
  });

  r.page({
    method: 'post',
    path: paths.quality.newProgramme,
    access: 'audit:manage',
    audit: 'quality.programme.create',
    handler: async (ctx) => {
      const { req, res, user, services, audit } = ctx;
      const body = bodyOf(req);
      let id: number;
      try {
        const versions = await publishedVersionChoices(services.db, user.authorityId);
        const input = validateProgramme(rawProgramme(body), new Set(versions.map((v) => v.versionId)));
        id = await createProgramme(services.db, user.authorityId, input, user.displayName, audit);
      } catch (e) {
        return renderForm(ctx, { programme: null, values: body, errors: fieldErrorsOf(e) }, 400);
      }
      res.redirect(303, paths.withQuery(paths.quality.programme({ programmeId: id }), { saved: 'created' }));
    },
  });

  r.page({
    method: 'get',
    path: paths.quality.editProgramme,
    access: 'audit:manage',
    audit: null,
    handler: async (ctx) => {
      const programme = await getProgramme(ctx.services.db, ctx.user.authorityId, programmeIdOf(ctx.req));
      await renderForm(ctx, { programme, values: null, errors: [] });
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.editProgramme,
    access: 'audit:manage',
    audit: 'quality.programme.update',
    handler: async (ctx) => {
      const { req, res, user, services, audit } = ctx;
      const programme = await getProgramme(services.db, user.authorityId, programmeIdOf(req));
      const body = bodyOf(req);
      try {
        const versions = await publishedVersionChoices(services.db, user.authorityId);
        const allowed = new Set([...versions.map((v) => v.versionId), Number(programme.frameworkVersionId)]);
        const input = validateProgramme(rawProgramme(body), allowed);
        await updateProgramme(services.db, user.authorityId, Number(programme.id), input, audit);
      } catch (e) {
        return renderForm(ctx, { programme, values: body, errors: fieldErrorsOf(e) }, 400);
      }
      res.redirect(303, paths.withQuery(paths.quality.programme({ programmeId: programme.id }), { saved: 'updated' }));
    },
  });

  // ——— one programme ———
  async function renderProgramme(ctx: PageContext, programmeId: number, notice: { saved?: string; errors?: FieldError[] }, status = 200) {
    // A GET is recorded as a view of the children listed; a refused POST changed nothing and records nothing.
    const recordView = status === 200;
    const { res, user, services, audit } = ctx;
    const db = services.db;
    const [summary] = await listProgrammes(db, user.authorityId, todayInLondon(), programmeId);
    if (!summary) throw new NotFoundError();
    const programme = await getProgramme(db, user.authorityId, programmeId);
    const cases = await programmeCases(db, programmeId);
    const selectionText = programme.selection ? await selectionInWords(db, user.authorityId, programme.selection, cases.length) : null;
    if (recordView) await db.transaction(async (tx) => audit.record(tx, { recordType: 'audit-programme', recordId: String(programmeId), detail: { view: 'programme', cases: cases.length } }));
    const errors = notice.errors ?? [];
    res.status(status).render('quality/programmes/views/show.njk', {
      pageTitle: pageTitle(programme.title, errors),
      errors,
      saved: notice.saved ?? '',
      programme: {
        ...summary,
        kindLabel: KIND_LABELS[summary.kind],
        statusLabel: STATUS_LABELS[summary.status],
        partners: programme.partnerAgencies.map((a) => AGENCY_LABELS[a as keyof typeof AGENCY_LABELS] ?? a).join(', '),
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
    handler: async (ctx) => {
      const { req, res, user, services, audit } = ctx;
      const programmeId = programmeIdOf(req);
      await getProgramme(services.db, user.authorityId, programmeId);
      const to = str(bodyOf(req).status);
      try {
        if (to !== 'open' && to !== 'closed') throw new ValidationError([{ field: 'status', message: 'Choose to open or to close the programme' }]);
        await setProgrammeStatus(services.db, user.authorityId, programmeId, to, audit);
      } catch (e) {
        if (e instanceof ConflictError) return renderProgramme(ctx, programmeId, { errors: [{ field: 'status', message: e.message }] }, 409);
        return renderProgramme(ctx, programmeId, { errors: fieldErrorsOf(e) }, 400);
      }
      res.redirect(303, paths.withQuery(paths.quality.programme({ programmeId }), { saved: to }));
    },
  });

  // ——— choosing the cases ———
  async function renderSelect(ctx: PageContext, programme: ProgrammeRow, model: { values: Body | null; errors: FieldError[] }, status = 200) {
    const { res, user, services } = ctx;
    const db = services.db;
    const programmeId = Number(programme.id);
    const cases = await programmeCases(db, programmeId);
    const started = cases.filter((c) => c.auditId !== null).length;
    const teams = await services.db.query.teams.findMany({ where: (t, { eq }) => eq(t.authorityId, user.authorityId), orderBy: (t, { asc }) => [asc(t.name)] });
    const serviceAreas = [...new Set(teams.map((t) => t.serviceArea))].sort((a, b) => serviceAreaLabel(a).localeCompare(serviceAreaLabel(b)));
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
        ...serviceAreas.map((a) => ({ value: `service-${a}`, text: `Service area: ${serviceAreaLabel(a)}`, selected: scope === `service-${a}` })),
      ],
      strataItems: [
        { value: 'team', text: 'By team', checked: strata === 'team' },
        { value: 'service', text: 'By service area', checked: strata === 'service' },
      ],
      filterItems: CASE_FILTERS.map((f) => ({ value: f.key, text: f.title, hint: { text: f.definition }, checked: filter === f.key })),
    });
  }

  function scopeValue(scope: ProgrammeSelection['scope']): string {
    return scope.kind === 'team' ? `team-${scope.teamId}` : scope.kind === 'service' ? `service-${scope.serviceArea}` : 'authority';
  }

  /** The selection settings from the form, every error at once. */
  async function readSelection(ctx: PageContext, body: Body): Promise<SelectionSettings> {
    const errors: FieldError[] = [];
    const method = str(body.method);
    if (method !== 'random' && method !== 'stratified' && method !== 'filter') {
      errors.push({ field: 'method', message: 'Choose how to select the cases: a random sample, a stratified sample or every child matching a filter' });
    }
    let size: number | null = null;
    if (method === 'random' || method === 'stratified') {
      const s = str(body.size).trim();
      if (!s) errors.push({ field: 'size', message: 'Enter how many cases to choose' });
      else if (!/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 1000) errors.push({ field: 'size', message: 'The number of cases must be a whole number from 1 to 1,000' });
      else size = Number(s);
    }
    let scope: ProgrammeSelection['scope'] = { kind: 'authority' };
    if (method === 'random') {
      const value = str(body.scope);
      const teams = await ctx.services.db.query.teams.findMany({ where: (t, { eq }) => eq(t.authorityId, ctx.user.authorityId) });
      const team = /^team-(\d+)$/.exec(value);
      const service = /^service-(.+)$/.exec(value);
      if (value === 'authority') scope = { kind: 'authority' };
      else if (team && teams.some((t) => t.id === Number(team[1]))) scope = { kind: 'team', teamId: Number(team[1]) };
      else if (service && teams.some((t) => t.serviceArea === service[1])) scope = { kind: 'service', serviceArea: String(service[1]) };
      else errors.push({ field: 'scope', message: 'Choose where to sample from: the whole authority, a team or a service area' });
    }
    let strata: 'team' | 'service' | null = null;
    if (method === 'stratified') {
      const value = str(body.strata);
      if (value === 'team' || value === 'service') strata = value;
      else errors.push({ field: 'strata', message: 'Choose the strata: by team or by service area' });
    }
    let filter: string | null = null;
    if (method === 'filter') {
      const f = caseFilter(str(body.filter));
      if (f) filter = f.key;
      else errors.push({ field: 'filter', message: 'Choose the filter the children must match' });
    }
    const asAt = dateFromParts(body, 'asAt');
    if (!asAt) errors.push({ field: 'asAt', message: 'Enter the date the population is taken on' });
    else if (!isIsoDate(asAt)) errors.push({ field: 'asAt', message: 'The as-at date must be a real date, for example 1 3 2026' });
    const seedText = str(body.seed).trim();
    let seed = 0;
    if (!seedText) errors.push({ field: 'seed', message: 'Enter a seed: any whole number, which you can note to choose the same children again' });
    else if (!/^\d+$/.test(seedText) || Number(seedText) > 2_147_483_647) errors.push({ field: 'seed', message: 'The seed must be a whole number from 0 to 2,147,483,647' });
    else seed = Number(seedText);
    if (errors.length) throw new ValidationError(errors);
    return { method: method as SelectionSettings['method'], asAt, seed, size, scope, strata, filter };
  }

  r.page({
    method: 'get',
    path: paths.quality.selectCases,
    access: 'audit:manage',
    audit: null,
    handler: async (ctx) => {
      const programme = await getProgramme(ctx.services.db, ctx.user.authorityId, programmeIdOf(ctx.req));
      await renderSelect(ctx, programme, { values: null, errors: [] });
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.selectCases,
    access: 'audit:manage',
    audit: 'quality.programme.select',
    handler: async (ctx) => {
      const { req, res, user, services, audit } = ctx;
      const programme = await getProgramme(services.db, user.authorityId, programmeIdOf(req));
      const body = bodyOf(req);
      try {
        const settings = await readSelection(ctx, body);
        await selectCases(services.db, user.authorityId, Number(programme.id), settings, audit);
      } catch (e) {
        if (e instanceof ConflictError) return renderSelect(ctx, programme, { values: body, errors: [{ field: 'method', message: e.message }] }, 409);
        return renderSelect(ctx, programme, { values: body, errors: fieldErrorsOf(e) }, 400);
      }
      res.redirect(303, paths.withQuery(paths.quality.programme({ programmeId: programme.id }), { saved: 'selected' }));
    },
  });

  // ——— allocation ———
  async function renderAllocate(ctx: PageContext, programme: ProgrammeRow, model: { values: Body | null; errors: FieldError[]; saved?: string }, status = 200) {
    const { res, user, services, audit } = ctx;
    const db = services.db;
    const programmeId = Number(programme.id);
    const [cases, auditors] = await Promise.all([programmeCases(db, programmeId), auditorsWithLoad(db, user.authorityId)]);
    if (status === 200) await db.transaction(async (tx) => audit.record(tx, { recordType: 'audit-programme', recordId: String(programmeId), detail: { view: 'allocation', cases: cases.length } }));
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
        const chosen = values && field in values ? str(values[field]) : c.auditorUserId === null ? '' : String(c.auditorUserId);
        const eligible = auditors.filter((a) => independentOf(a.teamId, c.teamId));
        return {
          ...c,
          field,
          hasError: errorFields.has(field),
          childHref: paths.children.show({ childId: c.lanternId }),
          auditText: auditStatusText(c),
          auditHref: c.auditId !== null ? paths.quality.audit({ auditId: c.auditId }) : null,
          allocatedOnText: c.allocatedOn ? formatDate(c.allocatedOn) : '',
          reason: c.auditorUserId === null && eligible.length === 0 ? (auditors.length ? 'Every auditor is in the child’s team' : 'There are no auditors') : '',
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

  r.page({
    method: 'get',
    path: paths.quality.allocateCases,
    access: 'audit:manage',
    audit: 'quality.programme.view',
    handler: async (ctx) => {
      const programme = await getProgramme(ctx.services.db, ctx.user.authorityId, programmeIdOf(ctx.req));
      await renderAllocate(ctx, programme, { values: null, errors: [], saved: str(ctx.req.query.saved) });
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.allocateCases,
    access: 'audit:manage',
    audit: 'quality.programme.allocate',
    handler: async (ctx) => {
      const { req, res, user, services, audit } = ctx;
      const programme = await getProgramme(services.db, user.authorityId, programmeIdOf(req));
      const programmeId = Number(programme.id);
      const body = bodyOf(req);
      const today = todayInLondon();
      let saved: string;
      try {
        if (str(body.action) === 'automatic') {
          const result = await allocateUnallocated(services.db, user.authorityId, programmeId, today, audit);
          saved = `automatic-${result.allocated}-${result.unallocated.length}`;
        } else {
          const chosen = new Map<number, number | null>();
          for (const [key, value] of Object.entries(body)) {
            const m = /^auditor-(\d+)$/.exec(key);
            if (!m) continue;
            const v = str(value);
            chosen.set(Number(m[1]), v === '' ? null : /^\d+$/.test(v) ? Number(v) : -1);
          }
          const changed = await allocateByHand(services.db, user.authorityId, programmeId, chosen, today, audit);
          saved = `by-hand-${changed}`;
        }
      } catch (e) {
        if (e instanceof ConflictError) return renderAllocate(ctx, programme, { values: body, errors: [{ field: 'allocate', message: e.message }] }, 409);
        return renderAllocate(ctx, programme, { values: body, errors: fieldErrorsOf(e) }, 400);
      }
      res.redirect(303, paths.withQuery(paths.quality.allocateCases({ programmeId }), { saved }));
    },
  });
}
