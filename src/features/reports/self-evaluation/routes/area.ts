/**
 * GET and POST /self-evaluation/:year/:area: an area's four sections, with its earlier versions; a new version is
 * saved (303 back to the year's page), or the form comes back with an error summary (400) and nothing saved.
 */
import { z } from 'zod';
import { NotFoundError } from '../../../../core/errors';
import { formText, str } from '../../../../web/form-input';
import { paths } from '../../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../../web/route';
import { selfEvaluationArea, yearLabel, type SelfEvaluationArea } from '../areas';
import {
  saveSelfEvaluation,
  selfEvaluationForm,
  selfEvaluationHistory,
  SECTIONS,
  type SelfEvaluationInput,
} from '../service';
import { yearParam } from './year-param';

/** Hints for the form, in the seed self-assessment's words. */
export const SECTION_HINTS: Record<(typeof SECTIONS)[number], string> = {
  summary:
    'Where the service stands: what the last inspection or visit found, what has changed since, and what the audits and performance data show.',
  strengths:
    'What is working well and what has been achieved this year, with the evidence. Start a line with "- " to make a bulleted list.',
  areasForImprovement:
    'What is not yet good enough, and how you know (audits, performance data, feedback from children, families and Ofsted).',
  focus:
    'Your focus for the year ahead and the improvement plan themes it falls under. Start a line with "- " to make a bulleted list.',
};

const SECTION_TITLES: Record<(typeof SECTIONS)[number], string> = {
  summary: 'Summary',
  strengths: 'Strengths and achievements',
  areasForImprovement: 'Areas for improvement',
  focus: 'Focus for the year ahead',
};

/** An area's four sections as posted ('' when absent), checked by the service's rules (at least one written, lengths). */
const areaForm = z
  .strictObject({ summary: formText, strengths: formText, areasForImprovement: formText, focus: formText })
  .transform((posted, ctx) => {
    const checked = selfEvaluationForm.safeParse(posted);
    if (checked.success) return checked.data;
    for (const issue of checked.error.issues)
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return z.NEVER;
  });

function areaParam(value: unknown): SelfEvaluationArea {
  const area = typeof value === 'string' ? selfEvaluationArea(value) : undefined;
  if (!area) throw new NotFoundError();
  return area;
}

export function areaPages(r: RouteBuilder): void {
  async function renderForm(
    ctx: PageContext,
    year: number,
    area: SelfEvaluationArea,
    values: Partial<Record<keyof SelfEvaluationInput, string>> | null,
    errors: Array<{ field: string; message: string }> = [],
  ) {
    const { res, user, services } = ctx;
    const history = await selfEvaluationHistory(services.db, user.authorityId, year, area.key);
    const current = history[0];
    res.status(errors.length ? 400 : 200).render('reports/self-evaluation/views/area.njk', {
      pageTitle: `${errors.length ? 'Error: ' : ''}${area.label}: self-evaluation ${yearLabel(year)}`,
      area,
      year,
      yearLabel: yearLabel(year),
      action: paths.selfEvaluation.area({ year, area: area.key }),
      backHref: paths.selfEvaluation.indexFor({ year }),
      fields: SECTIONS.map((s) => ({
        name: s,
        label: SECTION_TITLES[s],
        hint: SECTION_HINTS[s],
        value: values ? (values[s] ?? '') : (current?.[s] ?? ''),
      })),
      history: history.map((h) => ({ authorName: h.authorName, createdAt: h.createdAt })),
      errors,
    });
  }

  r.page({
    method: 'get',
    path: paths.selfEvaluation.area,
    access: 'self-evaluation:write',
    audit: null,
    handler: async (ctx) => {
      const year = yearParam(ctx.req.params.year);
      const area = areaParam(ctx.req.params.area);
      await renderForm(ctx, year, area, null);
    },
  });

  r.page({
    method: 'post',
    path: paths.selfEvaluation.area,
    access: 'self-evaluation:write',
    audit: 'self-evaluation.save',
    body: areaForm,
    invalid: async (ctx, form) => {
      const posted = Object.fromEntries(SECTIONS.map((s) => [s, str(form.input[s])]));
      await renderForm(ctx, yearParam(ctx.req.params.year), areaParam(ctx.req.params.area), posted, form.errors);
    },
    handler: async (ctx) => {
      const { req, body, res, user, services, audit } = ctx;
      const year = yearParam(req.params.year);
      const area = areaParam(req.params.area);
      await saveSelfEvaluation(
        services.db,
        user.authorityId,
        year,
        area.key,
        body,
        { userId: user.id, name: user.displayName },
        audit,
      );
      res.redirect(303, paths.selfEvaluation.indexFor({ year, saved: area.key }));
    },
  });
}
