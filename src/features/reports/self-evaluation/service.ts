/**
 * The self-evaluation's text, kept in Lantern year to year (issue 7): for each year and service area (areas.ts) the
 * service's summary, strengths and achievements, areas for improvement and focus for the year ahead. Every save is a
 * new row of self_evaluation_entries, so every version is kept with its author and time; the latest row for
 * (authority, year, area) is the current text. "Start from last year's text" copies each area's current text of the
 * year before into the year, only for areas with no text in it yet. Every write is audited in the same transaction.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../../db/client';
import { rows } from '../../../db/query';
import { selfEvaluationEntries } from '../../../db/schema/index';
import { NotFoundError } from '../../../core/errors';
import type { Auditor } from '../../../accounts/access-log/auditor';
import { isSelfEvaluationYear, selfEvaluationArea, SELF_EVALUATION_AREA_KEYS } from './areas';

export const SELF_EVALUATION_MAX = 8000;

export const SECTION_LABELS = {
  summary: 'Summary',
  strengths: 'Strengths and achievements',
  areasForImprovement: 'Areas for improvement',
  focus: 'Focus for the year ahead',
} as const;
export type Section = keyof typeof SECTION_LABELS;
export const SECTIONS = Object.keys(SECTION_LABELS) as Section[];

const field = (label: string) =>
  z
    .string()
    .default('')
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .max(
          SELF_EVALUATION_MAX,
          `${label} must be ${SELF_EVALUATION_MAX.toLocaleString('en-GB')} characters or fewer`,
        ),
    );

export const selfEvaluationForm = z
  .object({
    summary: field(SECTION_LABELS.summary),
    strengths: field(SECTION_LABELS.strengths),
    areasForImprovement: field(SECTION_LABELS.areasForImprovement),
    focus: field(SECTION_LABELS.focus),
  })
  .refine((v) => SECTIONS.some((s) => v[s] !== ''), {
    error:
      'Write at least one of the summary, strengths and achievements, areas for improvement or focus for the year ahead',
    path: ['summary'],
  });

export type SelfEvaluationInput = z.output<typeof selfEvaluationForm>;

export interface SelfEvaluationEntry extends SelfEvaluationInput {
  readonly id: number;
  readonly year: number;
  readonly area: string;
  readonly authorName: string;
  readonly createdAt: Date;
}

export interface Author {
  userId: number | null;
  name: string;
}

function checkYearAndArea(year: number, area?: string): void {
  if (!isSelfEvaluationYear(year)) throw new NotFoundError();
  if (area !== undefined && !selfEvaluationArea(area)) throw new NotFoundError();
}

const columns = {
  id: selfEvaluationEntries.id,
  year: selfEvaluationEntries.year,
  area: selfEvaluationEntries.area,
  summary: selfEvaluationEntries.summary,
  strengths: selfEvaluationEntries.strengths,
  areasForImprovement: selfEvaluationEntries.areasForImprovement,
  focus: selfEvaluationEntries.focus,
  authorName: selfEvaluationEntries.authorName,
  createdAt: selfEvaluationEntries.createdAt,
};

/** Saves a new version of an area's text for the year (the input already read by selfEvaluationForm). */
export async function saveSelfEvaluation(
  db: Tx,
  authorityId: number,
  year: number,
  area: string,
  input: SelfEvaluationInput,
  author: Author,
  audit: Auditor,
): Promise<number> {
  checkYearAndArea(year, area);
  const text = selfEvaluationForm.parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(selfEvaluationEntries)
      .values({ authorityId, year, area, ...text, authorUserId: author.userId, authorName: author.name })
      .returning({ id: selfEvaluationEntries.id });
    if (!row) throw new Error('self-evaluation not saved');
    await audit.record(tx, { recordType: 'self-evaluation', recordId: `${year}/${area}`, detail: { year, area } });
    return row.id;
  });
}

/** The current text of every area that has some for the year, by area key. */
export async function currentSelfEvaluation(
  db: Tx,
  authorityId: number,
  year: number,
): Promise<Map<string, SelfEvaluationEntry>> {
  const all = await db
    .select(columns)
    .from(selfEvaluationEntries)
    .where(and(eq(selfEvaluationEntries.authorityId, authorityId), eq(selfEvaluationEntries.year, year)))
    .orderBy(desc(selfEvaluationEntries.createdAt), desc(selfEvaluationEntries.id));
  const out = new Map<string, SelfEvaluationEntry>();
  for (const e of all) if (SELF_EVALUATION_AREA_KEYS.includes(e.area) && !out.has(e.area)) out.set(e.area, e);
  return out;
}

/** Every version of an area's text for the year, newest first. */
export async function selfEvaluationHistory(
  db: Tx,
  authorityId: number,
  year: number,
  area: string,
): Promise<SelfEvaluationEntry[]> {
  return db
    .select(columns)
    .from(selfEvaluationEntries)
    .where(
      and(
        eq(selfEvaluationEntries.authorityId, authorityId),
        eq(selfEvaluationEntries.year, year),
        eq(selfEvaluationEntries.area, area),
      ),
    )
    .orderBy(desc(selfEvaluationEntries.createdAt), desc(selfEvaluationEntries.id));
}

/** The years that have any text, newest first. */
export async function yearsWithText(db: Tx, authorityId: number): Promise<number[]> {
  const found = await rows<{ year: number | string }>(
    db,
    sql`select distinct year from self_evaluation_entries where authority_id = ${authorityId} order by year desc`,
  );
  return found.map((r) => Number(r.year));
}

/**
 * Copies each area's current text of year − 1 into the year as a new version by `author`, only for areas with no
 * text in the year yet. Returns the keys of the areas copied (none when last year has no text or every area has
 * some already; nothing is then written to the log either).
 */
export async function startFromLastYear(
  db: Tx,
  authorityId: number,
  year: number,
  author: Author,
  audit: Auditor,
): Promise<string[]> {
  checkYearAndArea(year);
  return db.transaction(async (tx) => {
    const last = await currentSelfEvaluation(tx, authorityId, year - 1);
    const now = await currentSelfEvaluation(tx, authorityId, year);
    const copy = SELF_EVALUATION_AREA_KEYS.filter((k) => last.has(k) && !now.has(k));
    if (copy.length === 0) return [];
    await tx.insert(selfEvaluationEntries).values(
      copy.map((area) => {
        const e = last.get(area) as SelfEvaluationEntry;
        return {
          authorityId,
          year,
          area,
          summary: e.summary,
          strengths: e.strengths,
          areasForImprovement: e.areasForImprovement,
          focus: e.focus,
          authorUserId: author.userId,
          authorName: author.name,
        };
      }),
    );
    await audit.record(tx, {
      recordType: 'self-evaluation',
      recordId: String(year),
      detail: { year, copiedFrom: year - 1, areas: copy.length },
    });
    return copy;
  });
}
