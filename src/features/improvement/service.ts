/**
 * Building the improvement plan: themes, objectives and actions; the recommendations each action answers; the
 * evidence it names (indicators with a success target, practice domains); and dated progress updates. Every
 * change is validated (plain-English messages, per field), runs in one transaction and is written to the access
 * log in that transaction. Bad input raises ValidationError and changes nothing.
 *
 * Deleting: a theme or objective that still holds objectives or actions is not deleted (the user is told to move
 * or delete them first); deleting an action deletes its links, evidence and progress updates with it.
 *
 * A progress update sets the action's status, RAG and completion date only when it is the latest by date (an
 * update back-dated before the latest one is history and changes nothing on the action): completing sets
 * completedOn to the update's date (an action already complete keeps its date), any other status clears it.
 */
import { and, asc, eq, inArray, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/client';
import { ACTION_STATUSES, RAGS } from '../../domain/improvement-status';
import {
  improvementActionDomains,
  improvementActionIndicators,
  improvementActionRecommendations,
  improvementActions,
  improvementObjectives,
  improvementProgressUpdates,
  improvementThemes,
  inspectionRecommendations,
  inspections,
  practiceDomains,
} from '../../db/schema/index';
import { isIsoDate } from '../../domain/dates';
import { NotFoundError, ValidationError, type FieldError } from '../../core/errors';
import type { Auditor } from '../../accounts/access-log/auditor';
import { indicatorById } from '../indicators/registry';

export const TITLE_MAX = 300;
export const TEXT_MAX = 4000;

// ——— validation ———

/** What a form, an API body or a test hands in: any field may be missing or of the wrong type; the schema decides. */
type Loose<T> = { [K in keyof T]?: unknown };

function issuesToErrors(issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const i of issues) {
    const field = i.path.map(String).join('.') || 'form';
    if (seen.has(field)) continue; // one message per field, the first that applies
    seen.add(field);
    out.push({ field, message: i.message });
  }
  return out;
}

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(issuesToErrors(result.error.issues));
  return result.data;
}

const text = (label: string, maxLength = TITLE_MAX) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, `Enter the ${label}`)
    .max(maxLength, `The ${label} must be ${maxLength} characters or fewer`);

const optionalText = (label: string, maxLength = TEXT_MAX) =>
  z
    .string()
    .trim()
    .max(maxLength, `The ${label} must be ${maxLength} characters or fewer`)
    .optional()
    .transform((v) => v ?? '');

const date = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, `Enter the ${label}`)
    .refine(
      (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isIsoDate(v),
      `The ${label} must be a real date, for example 27 3 2026`,
    );

const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine(
      (v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && isIsoDate(v)),
      `The ${label} must be a real date, for example 27 3 2026`,
    );

const positiveInt = (label: string) =>
  z.coerce
    .number({ error: `The ${label} must be a whole number` })
    .int(`The ${label} must be a whole number`)
    .min(1, `The ${label} must be 1 or more`)
    .max(999, `The ${label} must be 999 or less`);

const idList = z
  .union([z.array(z.coerce.number().int().positive()), z.coerce.number().int().positive()])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v]));

export const themeSchema = z.object({
  number: z.preprocess((v) => (v === '' || v == null ? undefined : v), positiveInt('theme number').optional()),
  title: text('theme title'),
  description: optionalText('description'),
});
export type ThemeInput = Loose<z.input<typeof themeSchema>>;

export const objectiveSchema = z.object({
  code: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim().toLowerCase() : v),
    z
      .string()
      .regex(/^[a-z]{1,2}$/, 'The objective code must be one or two letters, for example b')
      .optional(),
  ),
  title: text('objective title'),
});
export type ObjectiveInput = Loose<z.input<typeof objectiveSchema>>;

export const actionSchema = z
  .object({
    objectiveId: z.coerce
      .number({ error: 'Choose the objective the action belongs to' })
      .int('Choose the objective the action belongs to')
      .positive('Choose the objective the action belongs to'),
    number: z.preprocess((v) => (v === '' || v == null ? undefined : v), positiveInt('action number').optional()),
    title: text('action', 1000),
    successMeasure: optionalText('success measure'),
    owner: text('owner', 200),
    startDate: date('start date'),
    dueDate: date('due date'),
    status: z
      .enum(ACTION_STATUSES, { error: 'Choose a status: not started, in progress, complete or blocked' })
      .default('not-started'),
    rag: z.enum(RAGS, { error: 'Choose a RAG rating: red, amber or green' }).default('green'),
    completedOn: optionalDate('completion date'),
    recommendationIds: idList,
  })
  .superRefine((a, ctx) => {
    if (a.dueDate < a.startDate)
      ctx.addIssue({
        code: 'custom',
        path: ['dueDate'],
        message: 'The due date must be the same as or after the start date',
      });
    if (a.status === 'complete' && !a.completedOn)
      ctx.addIssue({ code: 'custom', path: ['completedOn'], message: 'Enter the date the action was completed' });
    if (a.completedOn && a.completedOn < a.startDate)
      ctx.addIssue({
        code: 'custom',
        path: ['completedOn'],
        message: 'The completion date must be the same as or after the start date',
      });
  })
  .transform((a) => ({ ...a, completedOn: a.status === 'complete' ? a.completedOn : null }));
export type ActionInput = Loose<z.input<typeof actionSchema>>;

const TARGET_MESSAGE = 'The target must be a number, for example 85 or 12.5';
/** A success target: empty for none; "85", "12.5" or "85%" for a number. */
const target = z.unknown().transform((v, ctx): number | null => {
  if (v === '' || v == null) return null;
  const n =
    typeof v === 'number'
      ? v
      : typeof v === 'string' && v.trim() !== ''
        ? Number(v.trim().replace(/%$/, ''))
        : Number.NaN;
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', message: TARGET_MESSAGE });
    return z.NEVER;
  }
  return n;
});

export const evidenceSchema = z.object({
  indicators: z
    .array(z.object({ id: z.string().trim(), target }))
    .default([])
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((i, index) => {
        if (!indicatorById(i.id))
          ctx.addIssue({
            code: 'custom',
            path: [index, 'id'],
            message: `There is no indicator called ${i.id || '(blank)'} in the catalogue`,
          });
        if (seen.has(i.id))
          ctx.addIssue({
            code: 'custom',
            path: [index, 'id'],
            message: `${indicatorById(i.id)?.title ?? i.id} is listed twice`,
          });
        seen.add(i.id);
      });
    }),
  domainIds: idList,
});
export type EvidenceInput = Loose<z.input<typeof evidenceSchema>>;

export const progressSchema = z.object({
  updatedOn: date('date of the update'),
  status: z.enum(ACTION_STATUSES, { error: 'Choose a status: not started, in progress, complete or blocked' }),
  rag: z.enum(RAGS, { error: 'Choose a RAG rating: red, amber or green' }),
  note: text('progress note', TEXT_MAX),
});
export type ProgressInput = Loose<z.input<typeof progressSchema>>;

// ——— lookups ———

async function themeOr404(tx: Tx, authorityId: number, themeId: number) {
  const [theme] = await tx
    .select()
    .from(improvementThemes)
    .where(and(eq(improvementThemes.authorityId, authorityId), eq(improvementThemes.id, themeId)));
  if (!theme) throw new NotFoundError();
  return theme;
}

async function objectiveOf(tx: Tx, authorityId: number, objectiveId: number) {
  const [found] = await tx
    .select({ objective: improvementObjectives })
    .from(improvementObjectives)
    .innerJoin(improvementThemes, eq(improvementThemes.id, improvementObjectives.themeId))
    .where(and(eq(improvementThemes.authorityId, authorityId), eq(improvementObjectives.id, objectiveId)));
  return found?.objective;
}

async function objectiveOr404(tx: Tx, authorityId: number, objectiveId: number) {
  const objective = await objectiveOf(tx, authorityId, objectiveId);
  if (!objective) throw new NotFoundError();
  return objective;
}

async function actionOr404(tx: Tx, authorityId: number, actionId: number) {
  const [action] = await tx
    .select()
    .from(improvementActions)
    .where(and(eq(improvementActions.authorityId, authorityId), eq(improvementActions.id, actionId)));
  if (!action) throw new NotFoundError();
  return action;
}

export async function getTheme(db: Tx, authorityId: number, themeId: number) {
  return themeOr404(db, authorityId, themeId);
}

export async function getObjective(db: Tx, authorityId: number, objectiveId: number) {
  return objectiveOr404(db, authorityId, objectiveId);
}

/** An action's own fields with the ids it links to, for its edit and evidence forms. */
export async function getAction(db: Tx, authorityId: number, actionId: number) {
  const action = await actionOr404(db, authorityId, actionId);
  const [recs, indicators, domains] = await Promise.all([
    db
      .select({ id: improvementActionRecommendations.recommendationId })
      .from(improvementActionRecommendations)
      .where(eq(improvementActionRecommendations.actionId, actionId)),
    db
      .select()
      .from(improvementActionIndicators)
      .where(eq(improvementActionIndicators.actionId, actionId))
      .orderBy(asc(improvementActionIndicators.indicatorId)),
    db
      .select({ id: improvementActionDomains.domainId })
      .from(improvementActionDomains)
      .where(eq(improvementActionDomains.actionId, actionId)),
  ]);
  return {
    ...action,
    id: Number(action.id),
    objectiveId: Number(action.objectiveId),
    recommendationIds: recs.map((r) => Number(r.id)),
    indicators: indicators.map((i) => ({ id: i.indicatorId, target: i.target == null ? null : Number(i.target) })),
    domainIds: domains.map((d) => Number(d.id)),
  };
}

/** The authority's objectives with their theme, in plan order, for the action form's choice. */
export async function objectiveChoices(db: Tx, authorityId: number) {
  const found = await db
    .select({
      id: improvementObjectives.id,
      code: improvementObjectives.code,
      title: improvementObjectives.title,
      themeNumber: improvementThemes.number,
      themeTitle: improvementThemes.title,
    })
    .from(improvementObjectives)
    .innerJoin(improvementThemes, eq(improvementThemes.id, improvementObjectives.themeId))
    .where(eq(improvementThemes.authorityId, authorityId))
    .orderBy(asc(improvementThemes.number), asc(improvementObjectives.code));
  return found.map((o) => ({
    ...o,
    id: Number(o.id),
    label: `${o.themeNumber}${o.code} ${o.title} (theme ${o.themeNumber}: ${o.themeTitle})`,
  }));
}

// ——— the eight practice domains ———

/**
 * The practice domains of issue 6's audit framework, in its order. Seeded for an authority that has none, so that
 * actions can name them as evidence before the QA programme is set up.
 */
export const DEFAULT_PRACTICE_DOMAINS: ReadonlyArray<{ key: string; title: string }> = [
  { key: 'quality-of-assessment', title: 'Quality of assessment' },
  { key: 'quality-of-planning', title: 'Quality of planning' },
  { key: 'voice-of-the-child', title: 'Voice of the child' },
  { key: 'engagement-with-parents-and-carers', title: 'Engagement with parents and carers' },
  { key: 'management-oversight-and-supervision', title: 'Management oversight and supervision' },
  { key: 'diversity-and-identity', title: 'Diversity and identity' },
  { key: 'multi-agency-working', title: 'Multi-agency working' },
  { key: 'impact-on-the-child', title: 'Impact on the child' },
];

/** Seeds the eight practice domains if the authority has none; returns the authority's domains in order. */
export async function ensurePracticeDomains(db: Tx, authorityId: number) {
  const existing = await practiceDomainsOf(db, authorityId);
  if (existing.length > 0) return existing;
  await db
    .insert(practiceDomains)
    .values(DEFAULT_PRACTICE_DOMAINS.map((d, i) => ({ authorityId, key: d.key, title: d.title, sortOrder: i + 1 })))
    .onConflictDoNothing();
  return practiceDomainsOf(db, authorityId);
}

export async function practiceDomainsOf(db: Tx, authorityId: number) {
  const found = await db
    .select()
    .from(practiceDomains)
    .where(eq(practiceDomains.authorityId, authorityId))
    .orderBy(asc(practiceDomains.sortOrder), asc(practiceDomains.title));
  return found.map((d) => ({ id: Number(d.id), key: d.key, title: d.title }));
}

// ——— themes ———

export async function createTheme(db: Tx, authorityId: number, input: ThemeInput, audit: Auditor): Promise<number> {
  const data = parseOrThrow(themeSchema, input);
  return db.transaction(async (tx) => {
    const number = data.number ?? (await nextThemeNumber(tx, authorityId));
    await assertThemeNumberFree(tx, authorityId, number, null);
    const [row] = await tx
      .insert(improvementThemes)
      .values({ authorityId, number, title: data.title, description: data.description })
      .returning({ id: improvementThemes.id });
    if (!row) throw new Error('theme not saved');
    await audit.record(tx, {
      recordType: 'improvement-theme',
      recordId: String(row.id),
      detail: { change: 'create', number },
    });
    return Number(row.id);
  });
}

export async function updateTheme(
  db: Tx,
  authorityId: number,
  themeId: number,
  input: ThemeInput,
  audit: Auditor,
): Promise<void> {
  const data = parseOrThrow(themeSchema, input);
  await db.transaction(async (tx) => {
    const theme = await themeOr404(tx, authorityId, themeId);
    const number = data.number ?? theme.number;
    await assertThemeNumberFree(tx, authorityId, number, themeId);
    await tx
      .update(improvementThemes)
      .set({ number, title: data.title, description: data.description })
      .where(eq(improvementThemes.id, themeId));
    await audit.record(tx, {
      recordType: 'improvement-theme',
      recordId: String(themeId),
      detail: { change: 'update', number },
    });
  });
}

export async function deleteTheme(db: Tx, authorityId: number, themeId: number, audit: Auditor): Promise<void> {
  await db.transaction(async (tx) => {
    await themeOr404(tx, authorityId, themeId);
    const [held] = await tx
      .select({ n: sql<number>`count(*)` })
      .from(improvementObjectives)
      .where(eq(improvementObjectives.themeId, themeId));
    if (Number(held?.n ?? 0) > 0)
      throw new ValidationError([
        { field: 'theme', message: 'This theme still has objectives: delete or move them first' },
      ]);
    await tx.delete(improvementThemes).where(eq(improvementThemes.id, themeId));
    await audit.record(tx, {
      recordType: 'improvement-theme',
      recordId: String(themeId),
      detail: { change: 'delete' },
    });
  });
}

async function nextThemeNumber(tx: Tx, authorityId: number): Promise<number> {
  const [found] = await tx
    .select({ n: max(improvementThemes.number) })
    .from(improvementThemes)
    .where(eq(improvementThemes.authorityId, authorityId));
  return Number(found?.n ?? 0) + 1;
}

async function assertThemeNumberFree(
  tx: Tx,
  authorityId: number,
  number: number,
  exceptId: number | null,
): Promise<void> {
  const [clash] = await tx
    .select({ id: improvementThemes.id })
    .from(improvementThemes)
    .where(and(eq(improvementThemes.authorityId, authorityId), eq(improvementThemes.number, number)));
  if (clash && Number(clash.id) !== exceptId)
    throw new ValidationError([
      { field: 'number', message: `There is already a theme ${number}: choose another number` },
    ]);
}

// ——— objectives ———

export async function createObjective(
  db: Tx,
  authorityId: number,
  themeId: number,
  input: ObjectiveInput,
  audit: Auditor,
): Promise<number> {
  const data = parseOrThrow(objectiveSchema, input);
  return db.transaction(async (tx) => {
    await themeOr404(tx, authorityId, themeId);
    const code = data.code ?? (await nextObjectiveCode(tx, themeId));
    await assertObjectiveCodeFree(tx, themeId, code, null);
    const [row] = await tx
      .insert(improvementObjectives)
      .values({ themeId, code, title: data.title })
      .returning({ id: improvementObjectives.id });
    if (!row) throw new Error('objective not saved');
    await audit.record(tx, {
      recordType: 'improvement-objective',
      recordId: String(row.id),
      detail: { change: 'create', code },
    });
    return Number(row.id);
  });
}

export async function updateObjective(
  db: Tx,
  authorityId: number,
  objectiveId: number,
  input: ObjectiveInput,
  audit: Auditor,
): Promise<void> {
  const data = parseOrThrow(objectiveSchema, input);
  await db.transaction(async (tx) => {
    const objective = await objectiveOr404(tx, authorityId, objectiveId);
    const code = data.code ?? objective.code;
    await assertObjectiveCodeFree(tx, objective.themeId, code, objectiveId);
    await tx
      .update(improvementObjectives)
      .set({ code, title: data.title })
      .where(eq(improvementObjectives.id, objectiveId));
    await audit.record(tx, {
      recordType: 'improvement-objective',
      recordId: String(objectiveId),
      detail: { change: 'update', code },
    });
  });
}

export async function deleteObjective(db: Tx, authorityId: number, objectiveId: number, audit: Auditor): Promise<void> {
  await db.transaction(async (tx) => {
    await objectiveOr404(tx, authorityId, objectiveId);
    const [held] = await tx
      .select({ n: sql<number>`count(*)` })
      .from(improvementActions)
      .where(eq(improvementActions.objectiveId, objectiveId));
    if (Number(held?.n ?? 0) > 0)
      throw new ValidationError([
        { field: 'objective', message: 'This objective still has actions: delete or move them first' },
      ]);
    await tx.delete(improvementObjectives).where(eq(improvementObjectives.id, objectiveId));
    await audit.record(tx, {
      recordType: 'improvement-objective',
      recordId: String(objectiveId),
      detail: { change: 'delete' },
    });
  });
}

async function nextObjectiveCode(tx: Tx, themeId: number): Promise<string> {
  const found = await tx
    .select({ code: improvementObjectives.code })
    .from(improvementObjectives)
    .where(eq(improvementObjectives.themeId, themeId));
  const used = new Set(found.map((f) => f.code));
  for (let i = 0; i < 26; i++) {
    const code = String.fromCharCode(97 + i);
    if (!used.has(code)) return code;
  }
  throw new ValidationError([
    { field: 'code', message: 'Every letter a to z is taken in this theme: enter a two-letter code' },
  ]);
}

async function assertObjectiveCodeFree(tx: Tx, themeId: number, code: string, exceptId: number | null): Promise<void> {
  const [clash] = await tx
    .select({ id: improvementObjectives.id })
    .from(improvementObjectives)
    .where(and(eq(improvementObjectives.themeId, themeId), eq(improvementObjectives.code, code)));
  if (clash && Number(clash.id) !== exceptId)
    throw new ValidationError([
      { field: 'code', message: `This theme already has an objective ${code}: choose another letter` },
    ]);
}

// ——— actions ———

export async function createAction(db: Tx, authorityId: number, input: ActionInput, audit: Auditor): Promise<number> {
  const data = parseOrThrow(actionSchema, input);
  return db.transaction(async (tx) => {
    if (!(await objectiveOf(tx, authorityId, data.objectiveId)))
      throw new ValidationError([{ field: 'objectiveId', message: 'Choose the objective the action belongs to' }]);
    const number = data.number ?? (await nextActionNumber(tx, data.objectiveId));
    await assertActionNumberFree(tx, data.objectiveId, number, null);
    await assertRecommendationsOf(tx, authorityId, data.recommendationIds);
    const [row] = await tx
      .insert(improvementActions)
      .values({
        authorityId,
        objectiveId: data.objectiveId,
        number,
        title: data.title,
        successMeasure: data.successMeasure,
        owner: data.owner,
        startDate: data.startDate,
        dueDate: data.dueDate,
        completedOn: data.completedOn,
        status: data.status,
        rag: data.rag,
      })
      .returning({ id: improvementActions.id });
    if (!row) throw new Error('action not saved');
    const actionId = Number(row.id);
    if (data.recommendationIds.length) {
      await tx
        .insert(improvementActionRecommendations)
        .values(data.recommendationIds.map((recommendationId) => ({ actionId, recommendationId })));
    }
    await audit.record(tx, {
      recordType: 'improvement-action',
      recordId: String(actionId),
      detail: { change: 'create', recommendations: data.recommendationIds.length },
    });
    return actionId;
  });
}

export async function updateAction(
  db: Tx,
  authorityId: number,
  actionId: number,
  input: ActionInput,
  audit: Auditor,
): Promise<void> {
  const data = parseOrThrow(actionSchema, input);
  await db.transaction(async (tx) => {
    const action = await actionOr404(tx, authorityId, actionId);
    if (!(await objectiveOf(tx, authorityId, data.objectiveId)))
      throw new ValidationError([{ field: 'objectiveId', message: 'Choose the objective the action belongs to' }]);
    const number =
      data.number ??
      (Number(action.objectiveId) === data.objectiveId ? action.number : await nextActionNumber(tx, data.objectiveId));
    await assertActionNumberFree(tx, data.objectiveId, number, actionId);
    await assertRecommendationsOf(tx, authorityId, data.recommendationIds);
    await tx
      .update(improvementActions)
      .set({
        objectiveId: data.objectiveId,
        number,
        title: data.title,
        successMeasure: data.successMeasure,
        owner: data.owner,
        startDate: data.startDate,
        dueDate: data.dueDate,
        completedOn: data.completedOn,
        status: data.status,
        rag: data.rag,
        updatedAt: new Date(),
      })
      .where(eq(improvementActions.id, actionId));
    await tx.delete(improvementActionRecommendations).where(eq(improvementActionRecommendations.actionId, actionId));
    if (data.recommendationIds.length) {
      await tx
        .insert(improvementActionRecommendations)
        .values(data.recommendationIds.map((recommendationId) => ({ actionId, recommendationId })));
    }
    await audit.record(tx, {
      recordType: 'improvement-action',
      recordId: String(actionId),
      detail: { change: 'update', recommendations: data.recommendationIds.length },
    });
  });
}

export async function deleteAction(db: Tx, authorityId: number, actionId: number, audit: Auditor): Promise<void> {
  await db.transaction(async (tx) => {
    await actionOr404(tx, authorityId, actionId);
    await tx.delete(improvementActionRecommendations).where(eq(improvementActionRecommendations.actionId, actionId));
    await tx.delete(improvementActionIndicators).where(eq(improvementActionIndicators.actionId, actionId));
    await tx.delete(improvementActionDomains).where(eq(improvementActionDomains.actionId, actionId));
    await tx.delete(improvementProgressUpdates).where(eq(improvementProgressUpdates.actionId, actionId));
    await tx.delete(improvementActions).where(eq(improvementActions.id, actionId));
    await audit.record(tx, {
      recordType: 'improvement-action',
      recordId: String(actionId),
      detail: { change: 'delete' },
    });
  });
}

/** Links one more recommendation to an action (nothing happens if it is already linked). */
export async function linkRecommendation(
  db: Tx,
  authorityId: number,
  actionId: number,
  recommendationId: number,
  audit: Auditor,
): Promise<void> {
  await db.transaction(async (tx) => {
    await actionOr404(tx, authorityId, actionId);
    await assertRecommendationsOf(tx, authorityId, [recommendationId]);
    await tx.insert(improvementActionRecommendations).values({ actionId, recommendationId }).onConflictDoNothing();
    await audit.record(tx, {
      recordType: 'improvement-action',
      recordId: String(actionId),
      detail: { change: 'link-recommendation', recommendationId },
    });
  });
}

export async function unlinkRecommendation(
  db: Tx,
  authorityId: number,
  actionId: number,
  recommendationId: number,
  audit: Auditor,
): Promise<void> {
  await db.transaction(async (tx) => {
    await actionOr404(tx, authorityId, actionId);
    await tx
      .delete(improvementActionRecommendations)
      .where(
        and(
          eq(improvementActionRecommendations.actionId, actionId),
          eq(improvementActionRecommendations.recommendationId, recommendationId),
        ),
      );
    await audit.record(tx, {
      recordType: 'improvement-action',
      recordId: String(actionId),
      detail: { change: 'unlink-recommendation', recommendationId },
    });
  });
}

async function nextActionNumber(tx: Tx, objectiveId: number): Promise<number> {
  const [found] = await tx
    .select({ n: max(improvementActions.number) })
    .from(improvementActions)
    .where(eq(improvementActions.objectiveId, objectiveId));
  return Number(found?.n ?? 0) + 1;
}

async function assertActionNumberFree(
  tx: Tx,
  objectiveId: number,
  number: number,
  exceptId: number | null,
): Promise<void> {
  const [clash] = await tx
    .select({ id: improvementActions.id })
    .from(improvementActions)
    .where(and(eq(improvementActions.objectiveId, objectiveId), eq(improvementActions.number, number)));
  if (clash && Number(clash.id) !== exceptId)
    throw new ValidationError([
      { field: 'number', message: `This objective already has an action ${number}: choose another number` },
    ]);
}

async function assertRecommendationsOf(tx: Tx, authorityId: number, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: inspectionRecommendations.id })
    .from(inspectionRecommendations)
    .innerJoin(inspections, eq(inspections.id, inspectionRecommendations.inspectionId))
    .where(and(eq(inspections.authorityId, authorityId), inArray(inspectionRecommendations.id, [...ids])));
  if (found.length !== ids.length)
    throw new ValidationError([
      { field: 'recommendationIds', message: 'Choose recommendations from this authority’s inspections' },
    ]);
}

// ——— evidence ———

/** Replaces the action's evidence: the indicators (each with its success target) and the practice domains. */
export async function setEvidence(
  db: Tx,
  authorityId: number,
  actionId: number,
  input: EvidenceInput,
  audit: Auditor,
): Promise<void> {
  const data = parseOrThrow(evidenceSchema, input);
  await db.transaction(async (tx) => {
    await actionOr404(tx, authorityId, actionId);
    if (data.domainIds.length) {
      const found = await tx
        .select({ id: practiceDomains.id })
        .from(practiceDomains)
        .where(and(eq(practiceDomains.authorityId, authorityId), inArray(practiceDomains.id, data.domainIds)));
      if (found.length !== data.domainIds.length)
        throw new ValidationError([
          { field: 'domainIds', message: 'Choose practice domains from this authority’s audit framework' },
        ]);
    }
    await tx.delete(improvementActionIndicators).where(eq(improvementActionIndicators.actionId, actionId));
    await tx.delete(improvementActionDomains).where(eq(improvementActionDomains.actionId, actionId));
    if (data.indicators.length)
      await tx
        .insert(improvementActionIndicators)
        .values(data.indicators.map((i) => ({ actionId, indicatorId: i.id, target: i.target })));
    if (data.domainIds.length)
      await tx.insert(improvementActionDomains).values(data.domainIds.map((domainId) => ({ actionId, domainId })));
    await audit.record(tx, {
      recordType: 'improvement-action',
      recordId: String(actionId),
      detail: { change: 'evidence', indicators: data.indicators.length, domains: data.domainIds.length },
    });
  });
}

// ——— progress ———

/**
 * Adds a dated progress update. `today` bounds the date (an update cannot speak for the future). When it is the
 * latest by date, it sets the action's status, RAG and completion date (see the header).
 */
export async function addProgressUpdate(
  db: Tx,
  authorityId: number,
  actionId: number,
  input: ProgressInput,
  author: { name: string },
  today: string,
  audit: Auditor,
): Promise<number> {
  const data = parseOrThrow(progressSchema, input);
  if (data.updatedOn > today)
    throw new ValidationError([{ field: 'updatedOn', message: 'The date of the update must be today or in the past' }]);
  return db.transaction(async (tx) => {
    const action = await actionOr404(tx, authorityId, actionId);
    if (data.updatedOn < action.startDate && data.status !== 'not-started') {
      throw new ValidationError([
        { field: 'updatedOn', message: 'The date of the update must be on or after the action’s start date' },
      ]);
    }
    const [latest] = await tx
      .select({ d: max(improvementProgressUpdates.updatedOn) })
      .from(improvementProgressUpdates)
      .where(eq(improvementProgressUpdates.actionId, actionId));
    const [row] = await tx
      .insert(improvementProgressUpdates)
      .values({
        actionId,
        updatedOn: data.updatedOn,
        status: data.status,
        rag: data.rag,
        note: data.note,
        authorName: author.name,
      })
      .returning({ id: improvementProgressUpdates.id });
    if (!row) throw new Error('update not saved');
    const latestOn = latest?.d ?? null;
    const isLatest = latestOn === null || data.updatedOn >= String(latestOn);
    if (isLatest) {
      await tx
        .update(improvementActions)
        .set({
          status: data.status,
          rag: data.rag,
          completedOn:
            data.status === 'complete'
              ? action.status === 'complete' && action.completedOn
                ? action.completedOn
                : data.updatedOn
              : null,
          updatedAt: new Date(),
        })
        .where(eq(improvementActions.id, actionId));
    }
    await audit.record(tx, {
      recordType: 'improvement-action',
      recordId: String(actionId),
      detail: { change: 'progress', status: data.status, rag: data.rag, latest: isLatest },
    });
    return Number(row.id);
  });
}

/** Every progress update of an action, newest first. */
export async function progressHistory(db: Tx, actionId: number) {
  const found = await db
    .select()
    .from(improvementProgressUpdates)
    .where(eq(improvementProgressUpdates.actionId, actionId))
    .orderBy(sql`${improvementProgressUpdates.updatedOn} desc, ${improvementProgressUpdates.id} desc`);
  return found.map((u) => ({
    id: Number(u.id),
    updatedOn: u.updatedOn,
    status: u.status,
    rag: u.rag,
    note: u.note,
    authorName: u.authorName,
    createdAt: u.createdAt,
  }));
}
