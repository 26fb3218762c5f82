/**
 * GET /inspections/national: every authority's latest graded judgements from Ofsted's published outcomes, filtered by
 * Ofsted region and grade with a GET form that works without JavaScript; counts by grade; the authority's own latest
 * judgements beside its statistical neighbours'.
 */
import { GRADE_LABELS, GRADES, type Grade } from '../../../../domain/ofsted';
import { ACTIVITY_LABELS, isActivityKind } from '../../../../domain/ofsted';
import { formatDate } from '../../../../web/views';
import { paths } from '../../../../web/paths';
import type { RouteBuilder } from '../../../../web/route';
import { OFSTED_REGIONS } from '../../../reference/ofsted-outcomes';
import { gradeCounts, JUDGEMENT_FIELDS, JUDGEMENT_FIELD_LABELS, type LatestJudgements } from '../latest';
import { nationalLatest, neighbourPicture } from '../queries';
import { apply, nationalQuery, type NationalQuery } from './filter';

const gradeText = (g: Grade | null, blank: string) => (g ? GRADE_LABELS[g] : blank);
const kindText = (k: string | null) => (k && isActivityKind(k) ? ACTIVITY_LABELS[k] : 'Not stated');

/** A table row of judgements: GOV.UK table cells. */
function judgementCells(
  r: Pick<
    LatestJudgements,
    'overall' | 'leaders' | 'helpAndProtection' | 'childrenInCare' | 'careLeavers' | 'startDate'
  >,
) {
  return JUDGEMENT_FIELDS.map((f) => ({
    text: gradeText(
      r[f],
      f === 'overall' && r.startDate >= '2026-04-01' ? 'Not graded (April 2026 framework)' : 'Not graded',
    ),
  }));
}

export function nationalPage(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.inspections.national,
    access: 'inspection:read',
    audit: null,
    handler: async ({ req, res, services, user }) => {
      const parsed = nationalQuery.safeParse({
        region: typeof req.query.region === 'string' ? req.query.region : undefined,
        grade: typeof req.query.grade === 'string' ? req.query.grade : undefined,
        of: typeof req.query.of === 'string' && req.query.of !== '' ? req.query.of : undefined,
      });
      const errors = parsed.success
        ? []
        : parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'region'), message: i.message }));
      const q: NationalQuery = parsed.success ? parsed.data : { region: '', grade: '', of: 'overall' };
      const latest = await nationalLatest(services.db);
      const { rows, grade } = apply(latest, q);
      const picture = await neighbourPicture(services.db, user.authorityId, latest);
      const asked = typeof req.query.region === 'string' ? req.query.region : q.region;
      const askedGrade = typeof req.query.grade === 'string' ? req.query.grade : q.grade;
      res.status(errors.length ? 400 : 200).render('inspections/views/national.njk', {
        pageTitle: `${errors.length ? 'Error: ' : ''}National picture: Ofsted judgements`,
        errors,
        loaded: latest.length,
        total: rows.length,
        filtered: Boolean(q.region || grade),
        filterText: [
          q.region ? `in ${q.region}` : null,
          grade
            ? `${q.of === 'overall' ? 'judged' : 'with any judgement'} ${GRADE_LABELS[grade].toLowerCase()}${q.of === 'overall' ? ' overall' : ''}`
            : null,
        ]
          .filter(Boolean)
          .join(', '),
        regionItems: [
          { value: '', text: 'All regions', selected: asked === '' },
          ...OFSTED_REGIONS.map((g) => ({ value: g, text: g, selected: g === asked })),
        ],
        gradeItems: [
          { value: '', text: 'Any grade', selected: askedGrade === '' },
          ...GRADES.map((g) => ({ value: g, text: GRADE_LABELS[g], selected: g === askedGrade })),
        ],
        ofItems: [
          { value: 'overall', text: 'Overall effectiveness', checked: q.of === 'overall' },
          { value: 'any', text: 'Any judgement', checked: q.of === 'any' },
        ],
        clearHref: paths.inspections.national({}),
        countHead: [
          { text: 'Judgement' },
          ...GRADES.map((g) => ({ text: GRADE_LABELS[g], format: 'numeric' })),
          { text: 'Not graded', format: 'numeric' },
        ],
        countRows: gradeCounts(rows).map((c) => [
          { text: c.label },
          ...GRADES.map((g) => ({ text: c.counts[g].toLocaleString('en-GB'), format: 'numeric' })),
          { text: c.none.toLocaleString('en-GB'), format: 'numeric' },
        ]),
        tableHead: [
          { text: 'Authority' },
          { text: 'Ofsted region' },
          { text: 'Inspection' },
          { text: 'Type' },
          { text: 'Published' },
          ...JUDGEMENT_FIELDS.map((f) => ({ text: JUDGEMENT_FIELD_LABELS[f] })),
        ],
        tableRows: rows.map((x) => [
          { text: `${x.laName} (${x.laNumber})` },
          { text: x.region ?? 'Not known' },
          { text: formatDate(x.startDate) },
          { text: kindText(x.kind) },
          { text: x.publishedOn ? formatDate(x.publishedOn) : 'Not known' },
          ...judgementCells(x),
        ]),
        own: {
          from: picture.own.from,
          name: picture.own.name,
          comparedAs: picture.own.comparedAs ?? picture.own.laNumber,
          laNumber: picture.own.laNumber,
          summary: picture.own.row
            ? [
                {
                  key: { text: 'Inspection' },
                  value: { text: `${formatDate(picture.own.row.startDate)} (${kindText(picture.own.row.kind)})` },
                },
                {
                  key: { text: 'Published' },
                  value: { text: picture.own.row.publishedOn ? formatDate(picture.own.row.publishedOn) : 'Not known' },
                },
                ...JUDGEMENT_FIELDS.map((f, i) => ({
                  key: { text: JUDGEMENT_FIELD_LABELS[f] },
                  value: judgementCells(
                    picture.own.row ?? {
                      overall: null,
                      leaders: null,
                      helpAndProtection: null,
                      childrenInCare: null,
                      careLeavers: null,
                      startDate: '',
                    },
                  )[i] ?? { text: '' },
                })),
              ]
            : [],
        },
        model: picture.model,
        neighbourHead: [
          { text: 'Rank', format: 'numeric' },
          { text: 'Neighbour' },
          { text: 'Inspection' },
          ...JUDGEMENT_FIELDS.map((f) => ({ text: JUDGEMENT_FIELD_LABELS[f] })),
        ],
        neighbourRows: picture.neighbours.map((n) => [
          { text: String(n.rank), format: 'numeric' },
          { text: `${n.name} (${n.laNumber})` },
          ...(n.latest
            ? [{ text: formatDate(n.latest.startDate) }, ...judgementCells(n.latest)]
            : [{ text: 'No published judgements loaded', colspan: 1 + JUDGEMENT_FIELDS.length }]),
        ]),
        neighbourSummary: picture.summary,
      });
    },
  });
}
