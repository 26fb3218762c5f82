/**
 * What an import (or its withdrawal) did, in words, for its report page and the CLI (decision 0024): the headline
 * figures that moved by more than a tenth, the figures before and after, and table by table the rows added,
 * merged, unchanged and removed, children first, each table with a plain-English name.
 */
import { HEADLINE_LABELS, type Headline } from '../children/headline';
import { DATASET_TABLES, type DatasetTable } from './dataset';
import { eventTotals, flaggedChanges, type ImportEffect } from './effect';
import type { TableEffect } from './writer';

/** Each table an import writes, as a person names it. */
export const TABLE_LABELS: Record<DatasetTable, string> = {
  children: 'Children',
  childDisabilities: 'Disabilities',
  immigrationStatuses: 'Immigration statuses',
  familyLinks: 'Family links',
  allocations: 'Allocations to teams and workers',
  contacts: 'Contacts',
  earlyHelpEpisodes: 'Early help episodes',
  cinEpisodes: 'Referrals (children in need episodes)',
  assessments: 'Assessments',
  strategyDiscussions: 'Strategy discussions',
  s47Enquiries: 'Section 47 enquiries',
  initialCpConferences: 'Initial child protection conferences',
  cinPlans: 'Child in need plans',
  cpPlans: 'Child protection plans',
  cpReviews: 'Child protection reviews',
  visits: 'Visits',
  preProceedings: 'Pre-proceedings',
  careProceedings: 'Care proceedings',
  periodsOfCare: 'Periods of care',
  legalStatuses: 'Legal statuses',
  placements: 'Placements',
  claReviews: 'Reviews of children in care',
  healthAssessments: 'Health assessments',
  dentalChecks: 'Dental checks',
  sdqScores: 'Strengths and difficulties questionnaires',
  claOutcomes: 'Outcomes of children looked after 12 months (OC2)',
  personalEducationPlans: 'Personal education plans',
  missingEpisodes: 'Missing and away from placement episodes',
  permanenceMilestones: 'Permanence milestones',
  careLeavers: 'Care leaver records',
  pathwayPlanReviews: 'Pathway plan reviews',
  careLeaverContacts: 'Care leaver contacts',
  privateFostering: 'Private fostering arrangements',
  deprivationOfLibertyOrders: 'Deprivation of liberty orders',
};

export interface EffectView {
  /** The effect of withdrawing the import (a withdrawn import keeps that), not of importing it. */
  withdrawal: boolean;
  /** The date the headline figures are counted at. */
  asAt: string;
  /** Each headline figure that moved by more than a tenth, in words. */
  flagged: string[];
  /** Whether any headline figure moved at all. */
  moved: boolean;
  headline: Array<{ label: string; before: number; after: number }>;
  /** Children first, then each table in the order they are written; only tables the import touched. */
  tables: Array<{ label: string } & TableEffect>;
  children: TableEffect;
  events: TableEffect;
  disagreements: number;
  ambiguousChildren: number;
}

const NONE: TableEffect = { added: 0, merged: 0, unchanged: 0, removed: 0 };

/**
 * An import's kept effect (import_batches.effect) as its report shows it; a withdrawn import keeps
 * `{ withdrawal: effect }`. Null for an import that kept none (rejected, unchanged, or made before decision 0024).
 */
export function effectView(json: string | null): EffectView | null {
  if (!json) return null;
  const stored = JSON.parse(json) as ImportEffect | { withdrawal: ImportEffect };
  const withdrawal = 'withdrawal' in stored;
  const effect = withdrawal ? stored.withdrawal : stored;
  const tables = (Object.keys(DATASET_TABLES) as DatasetTable[])
    .map((table) => ({ table, e: effect.tables[table] }))
    .filter((t): t is { table: DatasetTable; e: TableEffect } => {
      const e = t.e;
      return e !== undefined && e.added + e.merged + e.unchanged + e.removed > 0;
    })
    .map(({ table, e }) => ({ label: TABLE_LABELS[table], ...e }));
  const headline = (Object.keys(HEADLINE_LABELS) as Array<keyof Headline>).map((figure) => ({
    label: HEADLINE_LABELS[figure],
    before: effect.before[figure],
    after: effect.after[figure],
  }));
  return {
    withdrawal,
    asAt: effect.asAt,
    flagged: flaggedChanges(effect.before, effect.after).map((f) => f.words),
    moved: headline.some((h) => h.before !== h.after),
    headline,
    tables,
    children: effect.tables.children ?? NONE,
    events: eventTotals(effect),
    disagreements: effect.disagreements,
    ambiguousChildren: effect.ambiguousChildren,
  };
}

const n = (x: number) => x.toLocaleString('en-GB');

function counts(e: TableEffect): string {
  return `${n(e.added)} added, ${n(e.merged)} merged, ${n(e.unchanged)} unchanged, ${n(e.removed)} removed`;
}

/** The effect in a few lines, for the terminal: children, events, and each flagged change (or that none moved). */
export function effectLines(view: EffectView): string[] {
  const lines = [`Children: ${counts(view.children)}.`, `Events: ${counts(view.events)}.`];
  if (!view.moved) lines.push(`No headline figure changed (at ${view.asAt}).`);
  else if (view.flagged.length === 0) lines.push(`No headline figure changed by more than 10% (at ${view.asAt}).`);
  else for (const words of view.flagged) lines.push(`Flagged: ${words} (at ${view.asAt}).`);
  return lines;
}
