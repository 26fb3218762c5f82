/** /quality/programmes/new and /quality/programmes/:programmeId/edit: set a programme up, and change it. */
import { PARTNER_AGENCIES, PROGRAMME_KINDS } from '../../../../db/schema/index';
import { todayInLondon } from '../../../../domain/today';
import type { FieldError } from '../../../../core/errors';
import { dateParts, str, withDateParts } from '../../../../web/form-input';
import { paths } from '../../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../../web/route';
import { formatDate } from '../../../../web/views';
import {
  AGENCY_LABELS,
  createProgramme,
  getProgramme,
  KIND_LABELS,
  monthlyTitle,
  programmeSchema,
  publishedVersionChoices,
  updateProgramme,
  versionLabel,
  type ProgrammeRow,
} from '../service';
import { list, pageTitle, programmeIdOf, type Body } from './shared';

async function renderForm(
  ctx: Pick<PageContext, 'res' | 'user' | 'services'>,
  model: { programme: ProgrammeRow | null; values: Body | null; errors: FieldError[] },
  status = 200,
) {
  const { programme, values, errors } = model;
  const versions = await publishedVersionChoices(ctx.services.db, ctx.user.authorityId);
  const chosenVersion = values
    ? str(values.frameworkVersionId)
    : programme
      ? String(programme.frameworkVersionId)
      : versions.length === 1
        ? String(versions[0]?.versionId)
        : '';
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
      ...(currentKept
        ? [
            {
              value: String(programme.frameworkVersionId),
              text: 'The version chosen before (no longer published)',
              selected: chosenVersion === String(programme.frameworkVersionId),
            },
          ]
        : []),
      ...versions.map((v) => ({
        value: String(v.versionId),
        text: `${versionLabel(v)}${v.publishedOn ? ` (published ${formatDate(v.publishedOn)})` : ''}`,
        selected: String(v.versionId) === chosenVersion,
      })),
    ],
    dates: [
      {
        field: 'startsOn',
        legend: 'Starts on',
        hint: 'For example, 1 3 2026',
        parts: dateParts(values, 'startsOn', programme?.startsOn),
      },
      {
        field: 'dueOn',
        legend: 'Audits due by',
        hint: 'The same as or after the start date, for example 31 3 2026',
        parts: dateParts(values, 'dueOn', programme?.dueOn),
      },
    ],
    agencyItems: PARTNER_AGENCIES.map((a) => ({ value: a, text: AGENCY_LABELS[a], checked: agencies.includes(a) })),
  });
}

/** The posted form against the versions it may choose: the published ones, and the one chosen before. */
const programmeForm = (allowed: ReadonlySet<number>) => withDateParts(['startsOn', 'dueOn'], programmeSchema(allowed));

async function publishedIds(ctx: Pick<PageContext, 'user' | 'services'>): Promise<Set<number>> {
  return new Set((await publishedVersionChoices(ctx.services.db, ctx.user.authorityId)).map((v) => v.versionId));
}

export function programmeFormRoutes(r: RouteBuilder): void {
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
    body: async (ctx) => programmeForm(await publishedIds(ctx)),
    invalid: (ctx, form) => renderForm(ctx, { programme: null, values: form.input, errors: form.errors }, 400),
    handler: async ({ res, user, services, audit, body }) => {
      const id = await createProgramme(services.db, user.authorityId, body, user.displayName, audit);
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
    body: async (ctx) => {
      const programme = await getProgramme(ctx.services.db, ctx.user.authorityId, programmeIdOf(ctx.req));
      return programmeForm(new Set([...(await publishedIds(ctx)), Number(programme.frameworkVersionId)]));
    },
    invalid: async (ctx, form) => {
      const programme = await getProgramme(ctx.services.db, ctx.user.authorityId, programmeIdOf(ctx.req));
      await renderForm(ctx, { programme, values: form.input, errors: form.errors }, 400);
    },
    handler: async ({ req, res, user, services, audit, body }) => {
      const programmeId = programmeIdOf(req);
      await updateProgramme(services.db, user.authorityId, programmeId, body, audit);
      res.redirect(303, paths.withQuery(paths.quality.programme({ programmeId }), { saved: 'updated' }));
    },
  });
}
