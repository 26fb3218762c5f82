/**
 * The self-evaluation's text on the web and the API (issue 7):
 *   GET  /self-evaluation?year=2026        the year's eight service areas, who last edited each and when, a year
 *                                          picker, "Start from last year's text" and a link to generate the report
 *                                          (report:read; every role)
 *   POST /self-evaluation                  start the year from last year's text (self-evaluation:write)
 *   GET  /self-evaluation/:year/:area      the form, with the area's earlier versions (self-evaluation:write)
 *   POST /self-evaluation/:year/:area      save a new version: 303 back to the year's page; 400 with an error summary
 *                                          and nothing saved on bad input
 *   GET  /api/self-evaluation/:year        the year's current text by area (report:read)
 * An unknown area, or a year outside 2000–2100, is 404. The text holds no child data; writes go to the access log.
 */
import { z } from 'zod';
import { can } from '../../../domain/roles';
import { todayInLondon } from '../../../domain/today';
import { NotFoundError } from '../../../core/errors';
import { formText, str } from '../../../web/form-input';
import { paths } from '../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../web/route';
import {
  FIRST_YEAR,
  isSelfEvaluationYear,
  LAST_YEAR,
  selfEvaluationArea,
  selfEvaluationYear,
  SELF_EVALUATION_AREAS,
  yearLabel,
  type SelfEvaluationArea,
} from './areas';
import {
  currentSelfEvaluation,
  saveSelfEvaluation,
  selfEvaluationForm,
  selfEvaluationHistory,
  SECTIONS,
  startFromLastYear,
  yearsWithText,
  type SelfEvaluationInput,
} from './service';

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

/** "Start from last year's text": the year, posted. */
const copyForm = z.object({ year: formText });

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

/** A year from the path: four digits, 2000–2100; anything else is not found. */
function yearParam(value: unknown): number {
  const s = typeof value === 'string' ? value : '';
  const year = /^\d{4}$/.test(s) ? Number(s) : NaN;
  if (!isSelfEvaluationYear(year)) throw new NotFoundError();
  return year;
}

function areaParam(value: unknown): SelfEvaluationArea {
  const area = typeof value === 'string' ? selfEvaluationArea(value) : undefined;
  if (!area) throw new NotFoundError();
  return area;
}

/** The page's year: ?year= when it reads as one, else the current year. */
function pageYear(value: unknown, today: string): number {
  const s = typeof value === 'string' ? value.trim() : '';
  const year = /^\d{4}$/.test(s) ? Number(s) : NaN;
  return isSelfEvaluationYear(year) ? year : selfEvaluationYear(today);
}

const SAVED_MESSAGES: Record<string, string> = {
  copied: 'Last year’s text has been copied into the areas that had none.',
  nothing: 'Nothing was copied: every area with text last year already has text this year.',
};

export function selfEvaluationRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.selfEvaluation.index,
    access: 'report:read',
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const today = todayInLondon();
      const year = pageYear(req.query.year, today);
      const [current, lastYear, years] = await Promise.all([
        currentSelfEvaluation(services.db, user.authorityId, year),
        currentSelfEvaluation(services.db, user.authorityId, year - 1),
        yearsWithText(services.db, user.authorityId),
      ]);
      const thisYear = selfEvaluationYear(today);
      const choices = [...new Set([thisYear + 1, thisYear, ...years, year])].sort((a, b) => b - a);
      const savedArea = typeof req.query.saved === 'string' ? selfEvaluationArea(req.query.saved) : undefined;
      const banner = savedArea
        ? `The ${savedArea.label.toLowerCase()} self-evaluation has been saved.`
        : typeof req.query.done === 'string'
          ? SAVED_MESSAGES[req.query.done]
          : undefined;
      const canWrite = can(user.role, 'self-evaluation:write');
      res.render('reports/self-evaluation/views/index.njk', {
        pageTitle: `Self-evaluation ${yearLabel(year)}`,
        year,
        yearLabel: yearLabel(year),
        lastYearLabel: yearLabel(year - 1),
        years: choices.map((y) => ({ value: String(y), text: yearLabel(y), selected: y === year })),
        rows: SELF_EVALUATION_AREAS.map((a) => {
          const e = current.get(a.key);
          return {
            key: a.key,
            label: a.label,
            authorName: e?.authorName ?? null,
            createdAt: e?.createdAt ?? null,
            href: paths.selfEvaluation.area({ year, area: a.key }),
          };
        }),
        canWrite,
        canCopy:
          canWrite &&
          lastYear.size > 0 &&
          SELF_EVALUATION_AREAS.some((a) => lastYear.has(a.key) && !current.has(a.key)),
        // The reports page's self-evaluation section (its period select offers this year when it has text).
        reportHref: `${paths.reports.list({})}#self-evaluation-title`,
        banner,
      });
    },
  });

  r.page({
    method: 'post',
    path: paths.selfEvaluation.index,
    access: 'self-evaluation:write',
    audit: 'self-evaluation.copy',
    body: copyForm,
    invalid: () => {
      throw new NotFoundError();
    },
    handler: async ({ body, res, user, services, audit }) => {
      const year = yearParam(body.year.trim());
      const copied = await startFromLastYear(
        services.db,
        user.authorityId,
        year,
        { userId: user.id, name: user.displayName },
        audit,
      );
      res.redirect(303, paths.selfEvaluation.indexFor({ year, done: copied.length > 0 ? 'copied' : 'nothing' }));
    },
  });

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

  const entrySchema = z.object({
    key: z.string(),
    label: z.string(),
    written: z.boolean(),
    summary: z.string(),
    strengths: z.string(),
    areasForImprovement: z.string(),
    focus: z.string(),
    authorName: z.string().nullable(),
    updatedAt: z.string().nullable(),
  });

  r.api({
    method: 'get',
    path: paths.api.selfEvaluation,
    access: 'report:read',
    audit: null,
    tag: 'Reports',
    summary: 'A year’s self-evaluation text by service area',
    description: `The current text (the latest version) of each of the eight service areas for the year the self-evaluation starts in (${FIRST_YEAR}–${LAST_YEAR}; 2026 means 1 April 2026 to 31 March 2027): summary, strengths and achievements, areas for improvement and focus for the year ahead, with who last saved it and when. Areas with no text have written false and empty text.`,
    params: z.object({ year: z.string().regex(/^\d{4}$/, 'year must be four digits, e.g. 2026') }),
    response: z.object({ year: z.number(), label: z.string(), areas: z.array(entrySchema) }),
    handler: async ({ params, user, services }) => {
      const year = yearParam(params.year);
      const current = await currentSelfEvaluation(services.db, user.authorityId, year);
      return {
        year,
        label: yearLabel(year),
        areas: SELF_EVALUATION_AREAS.map((a) => {
          const e = current.get(a.key);
          return {
            key: a.key,
            label: a.label,
            written: e !== undefined,
            summary: e?.summary ?? '',
            strengths: e?.strengths ?? '',
            areasForImprovement: e?.areasForImprovement ?? '',
            focus: e?.focus ?? '',
            authorName: e?.authorName ?? null,
            updatedAt: e ? e.createdAt.toISOString() : null,
          };
        }),
      };
    },
  });
}
