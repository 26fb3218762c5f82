/**
 * GET /api/ofsted-outcomes: every authority's latest Ofsted judgements, with the page's filter and counts by grade.
 */
import { z } from 'zod';
import { GRADES } from '../../../../domain/ofsted';
import { paths } from '../../../../web/paths';
import type { RouteBuilder } from '../../../../web/route';
import { gradeCounts, JUDGEMENT_FIELDS } from '../latest';
import { nationalLatest } from '../queries';
import { apply, nationalQuery, OF } from './filter';

const gradeSchema = z.enum(GRADES).nullable();
const outcomeSchema = z.object({
  laNumber: z.string(),
  laName: z.string(),
  region: z.string().nullable(),
  kind: z.string().nullable(),
  startDate: z.string(),
  publishedOn: z.string().nullable(),
  overall: gradeSchema,
  leaders: gradeSchema,
  helpAndProtection: gradeSchema,
  childrenInCare: gradeSchema,
  careLeavers: gradeSchema,
  source: z.string(),
  link: z.string().nullable(),
});
const countsSchema = z.object({
  judgement: z.enum(JUDGEMENT_FIELDS),
  label: z.string(),
  counts: z.object({
    outstanding: z.number(),
    good: z.number(),
    'requires-improvement': z.number(),
    inadequate: z.number(),
  }),
  none: z.number(),
});
const responseSchema = z.object({
  filter: z.object({ region: z.string().nullable(), grade: z.enum(GRADES).nullable(), of: z.enum(OF) }),
  total: z.number(),
  counts: z.array(countsSchema),
  outcomes: z.array(outcomeSchema),
});

export function nationalApi(r: RouteBuilder): void {
  r.api({
    method: 'get',
    path: paths.api.ofstedOutcomes,
    access: 'inspection:read',
    audit: null,
    tag: 'Inspections',
    summary: 'Every authority’s latest Ofsted judgements',
    description:
      'From Ofsted’s published outcomes (loaded as reference data): each authority’s latest graded inspection — overall effectiveness, impact of leaders, help and protection, children in care, care leavers (null when not graded: care leavers before 2023, overall from April 2026) — ' +
      'one row per authority, preferring Ofsted’s official table over the JT-39 and D2I scrapes for the same inspection. Filter by Ofsted region (?region=London) and by grade (?grade=inadequate), of the overall judgement (?of=overall, the default) or of any judgement (?of=any). ' +
      'Counts by grade are for the filtered rows.',
    query: nationalQuery,
    response: responseSchema,
    handler: async ({ services, query }) => {
      const latest = await nationalLatest(services.db);
      const { rows, grade } = apply(latest, query);
      return {
        filter: { region: query.region || null, grade, of: query.of },
        total: rows.length,
        counts: gradeCounts(rows),
        outcomes: rows.map((x) => ({
          laNumber: x.laNumber,
          laName: x.laName,
          region: x.region,
          kind: x.kind,
          startDate: x.startDate,
          publishedOn: x.publishedOn,
          overall: x.overall,
          leaders: x.leaders,
          helpAndProtection: x.helpAndProtection,
          childrenInCare: x.childrenInCare,
          careLeavers: x.careLeavers,
          source: x.source,
          link: x.link,
        })),
      };
    },
  });
}
