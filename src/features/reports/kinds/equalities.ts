/**
 * The equalities report (issue 7): children in need, on a child protection plan and in care compared with the child
 * population by broad ethnic group, age band and sex, as at a date, with the percentage difference — the shape of
 * the table in the seed committee report (Barnet's Children, Education and Safeguarding Committee, 1 July 2019, paragraph 5.6.3, "CLA figures compared to published
 * population statistics").
 *
 * Every figure comes from the equalities page's own read model (src/features/indicators/equalities.ts,
 * equalitiesAt, /performance/equalities): the same counts, the same shares (one decimal place, of the children whose
 * group is recorded) and the same percentage difference ((cohort share − population share) ÷ population share,
 * percentDifference). Counts, shares and differences are typed (count / percent made from the cohort's counts) so
 * that the members' version shows "c" for a count from 1 to 4 and for every figure made from one.
 *
 * England: the seed compares with England's published shares. Lantern's reference data (src/features/reference,
 * measures.ts) holds DfE's national counts and rates, not the characteristics tables by ethnicity, age and sex, so
 * the report says so in a sentence and shows no England column; it never invents a figure.
 *
 * Period: an as-at date YYYY-MM-DD (the page's own asAt); the reports page offers the last day of each of the last
 * 12 complete months.
 */
import { longDate } from '../../../domain/dates';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { authorities } from '../../../db/schema/index';
import { isIsoDate } from '../../../domain/dates';
import { ValidationError } from '../../../core/errors';
import {
  COHORT_LABELS,
  COHORTS,
  equalitiesAt,
  type Cohort,
  type Dimension,
  type Equalities,
  type EqualitiesTable,
} from '../../indicators/equalities';
import type { ReportKind } from '../kind';
import {
  count,
  heading,
  paragraph,
  table,
  type Audience,
  type Block,
  type Cell,
  type PercentValue,
  type ReportDocument,
} from '../../../documents/model';

export const DIMENSION_LABELS: Record<Dimension, { caption: string; group: string; unknown: string }> = {
  ethnicity: {
    caption: 'By ethnic group',
    group: 'Ethnic group',
    unknown: 'their ethnicity not recorded (refused or not obtained)',
  },
  age: { caption: 'By age', group: 'Age band', unknown: 'their date of birth not recorded' },
  sex: { caption: 'By sex', group: 'Sex', unknown: 'their sex not recorded as male or female' },
};

export const EQUALITIES_HEADINGS = {
  introduction: 'About this report',
  england: 'England’s figures',
  cohorts: 'Children compared with the child population',
} as const;

/** Why there is no England column: what Lantern's reference data holds and what it would need. */
export const ENGLAND_NOT_LOADED =
  'England’s figures are not loaded: Lantern’s reference data holds DfE’s national counts and rates of children in need, on child protection plans and looked after, ' +
  'but not DfE’s characteristics tables by ethnicity, age and sex (“Children looked after in England including adoptions: characteristics” and ' +
  '“Characteristics of children in need”), which the Reference data page does not import, so this report shows no England column.';

export interface EqualitiesData {
  authorityName: string;
  equalities: Equalities;
}

/** A share as the page shows it (one decimal place), typed as a percentage made from the cohort's count and total. */
function share(value: number | null, from: readonly number[]): PercentValue {
  return { type: 'percent', value, from };
}

const populationShare = (v: number | null) =>
  v === null ? '–' : `${v.toLocaleString('en-GB', { maximumFractionDigits: 1 })}%`;

/** One cohort's table for one dimension: group, count, share, population share, percentage difference. */
export function cohortTable(t: EqualitiesTable, cohort: Cohort, asAt: string): Block[] {
  const labels = DIMENSION_LABELS[t.dimension];
  const total = t.totals[cohort];
  const rows: Cell[][] = t.rows.map((row) => {
    const c = row.cohorts[cohort];
    return [
      row.category,
      count(c.count),
      share(c.share, [c.count, total]),
      populationShare(row.population.share),
      share(c.difference, [c.count, total]),
    ];
  });
  rows.push([
    'Total with a known group',
    count(total),
    share(total === 0 ? null : 100, [total]),
    t.totals.population === 0 ? '–' : '100%',
    '',
  ]);
  return [
    heading(3, labels.caption),
    table(
      `${COHORT_LABELS[cohort]} ${labels.caption.toLowerCase()}, ${longDate(asAt)}`,
      [labels.group, 'Children', 'Share of children', 'Share of the population', 'Percentage difference'],
      rows,
      [false, true, true, true, true],
      [3, 1.5, 1.5, 1.5, 1.8],
    ),
    // Always "children": "child" beside a suppressed count would say it is 1.
    paragraph('Children not included in the shares, ', labels.unknown, ': ', count(t.unknown[cohort]), '.'),
  ];
}

export function equalitiesDocument(data: EqualitiesData, audience: Audience, generatedOn: string): ReportDocument {
  const e = data.equalities;
  const populationText =
    e.populationYear === null
      ? 'no child population estimate is loaded'
      : `the child population aged 0 to 17 (mid-${e.populationYear} estimate)`;
  const blocks: Block[] = [
    heading(1, EQUALITIES_HEADINGS.introduction),
    paragraph(
      `Children in need, on a child protection plan and in care in ${data.authorityName} on ${longDate(e.asAt)}, compared with ${populationText}, ` +
        'by broad ethnic group, age band and sex. These are the figures on Lantern’s equalities page for the same date.',
    ),
    paragraph(
      'Each share is of the children whose group is recorded; children whose ethnicity or sex is not recorded are left out and counted beneath each table. ' +
        'The percentage difference is how much larger or smaller the group’s share is than its share of the population: ' +
        '(share of children − share of the population) ÷ share of the population. A share of 40% against 53% of the population is 25% lower (−25%); a positive figure is higher.',
    ),
    heading(2, EQUALITIES_HEADINGS.england),
    paragraph(ENGLAND_NOT_LOADED),
  ];
  // Headings without a skipped level: the cohorts (heading 2) under one heading 1, each dimension a heading 3.
  blocks.push(heading(1, EQUALITIES_HEADINGS.cohorts));
  for (const cohort of COHORTS) {
    blocks.push(heading(2, COHORT_LABELS[cohort]));
    for (const t of e.tables) blocks.push(...cohortTable(t, cohort, e.asAt));
  }
  return {
    kind: 'equalities',
    title: 'Equalities report',
    subtitle: `Children in need, on child protection plans and in care compared with the child population, ${longDate(e.asAt)}`,
    authorityName: data.authorityName,
    period: e.asAt,
    periodLabel: `As at ${longDate(e.asAt)}`,
    audience,
    generatedOn,
    blocks,
  };
}

export function parseAsAt(period: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(period) || !isIsoDate(period)) {
    throw new ValidationError([
      {
        field: '--period',
        message: `Give the date the report is as at, as YYYY-MM-DD (for example 2026-03-31), not "${period}"`,
      },
    ]);
  }
  return period;
}

/** The last day of each of the 12 complete months before `today`, newest first. */
export function monthEnds(today: string, n = 12): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(y, m - 1 - i, 0)).toISOString().slice(0, 10));
}

export async function loadEqualitiesData(db: Tx, authorityId: number, asAt: string): Promise<EqualitiesData> {
  const [authority] = await db
    .select({ name: authorities.name })
    .from(authorities)
    .where(eq(authorities.id, authorityId))
    .limit(1);
  return {
    authorityName: authority?.name ?? 'Unknown authority',
    equalities: await equalitiesAt(db, authorityId, asAt),
  };
}

export const equalities: ReportKind = {
  key: 'equalities',
  title: 'Equalities report',
  describe:
    'Children in need, on child protection plans and in care compared with the child population by ethnic group, age band and sex, with the percentage difference (the equalities page’s figures).',
  periodHelp: 'the date the report is as at, YYYY-MM-DD (for example 2026-03-31)',
  async periods(_db, _authorityId, today) {
    return monthEnds(today).map((d) => ({ value: d, label: `As at ${longDate(d)}` }));
  },
  async build(db, authorityId, options) {
    const asAt = parseAsAt(options.period);
    return equalitiesDocument(await loadEqualitiesData(db, authorityId, asAt), options.audience, options.today);
  },
};
