/**
 * GET /api/self-evaluation/:year: the year's current text by area (report:read).
 */
import { z } from 'zod';
import { paths } from '../../../../web/paths';
import type { RouteBuilder } from '../../../../web/route';
import { FIRST_YEAR, LAST_YEAR, SELF_EVALUATION_AREAS, yearLabel } from '../areas';
import { currentSelfEvaluation } from '../service';
import { yearParam } from './year-param';

export function selfEvaluationApi(r: RouteBuilder): void {
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
