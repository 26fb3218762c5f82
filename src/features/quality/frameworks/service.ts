/**
 * Changing audit frameworks: creating a framework, making the next draft version as a copy of the latest, editing a
 * draft (notes, which practice domains and in what order, each domain's guidance, questions and grade descriptors),
 * publishing it (which retires the version it replaces), and the authority's practice domains.
 *
 * A published or retired version is fixed for ever so that every audit stays readable against the version it was
 * graded with: any change to one raises VersionFixedError (409) and nothing changes. Bad input raises
 * ValidationError and nothing changes. Every change is recorded in the access log in its own transaction.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../../db/client';
import { rows } from '../../../db/query';
import {
  auditFrameworkDomains,
  auditFrameworkQuestions,
  auditFrameworks,
  auditFrameworkVersions,
  auditGradeDescriptors,
  type FrameworkVersionStatus,
  practiceDomains,
} from '../../../db/schema/quality';
import { GRADE_LABELS, GRADES, type Grade } from '../../../domain/ofsted';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../../core/errors';
import type { Auditor } from '../../../accounts/access-log/auditor';
import { fieldErrorsFromIssues, formText } from '../../../web/form-input';
import { loadFrameworkVersion } from './version';

type Id = number | string;

/** A change to a published or retired version. */
export class VersionFixedError extends ConflictError {
  constructor(
    readonly frameworkId: number,
    readonly version: number,
    readonly versionStatus: FrameworkVersionStatus,
  ) {
    super(
      `Version ${version} is ${versionStatus} and fixed: it cannot be changed. Create a new draft version to make changes.`,
    );
  }
}

/** A second draft while one exists. */
export class DraftExistsError extends ConflictError {
  constructor(
    readonly frameworkId: number,
    readonly version: number,
  ) {
    super(`Version ${version} is already a draft: change that version instead.`);
  }
}

/** A key from a title: lower case words joined by hyphens ("Voice of the child" → voice-of-the-child). */
export function keyFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** "A", "A and B", "A, B and C". */
export function listText(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// ——— reading ———

export interface FrameworkSummary {
  id: number;
  key: string;
  title: string;
  description: string;
  versions: Array<{
    id: number;
    version: number;
    status: FrameworkVersionStatus;
    publishedOn: string | null;
    publishedBy: string | null;
    audits: number;
  }>;
}

/** The authority's frameworks (by title), each with its versions newest first and how many audits used each. */
export async function listFrameworks(db: Tx, authorityId: number): Promise<FrameworkSummary[]> {
  const frameworks = await db
    .select()
    .from(auditFrameworks)
    .where(eq(auditFrameworks.authorityId, authorityId))
    .orderBy(asc(auditFrameworks.title), asc(auditFrameworks.id));
  const versions = await rows<{
    id: Id;
    framework_id: Id;
    version: Id;
    status: FrameworkVersionStatus;
    published_on: string | null;
    published_by: string | null;
    audits: Id;
  }>(
    db,
    sql`select v.id, v.framework_id, v.version, v.status, v.published_on::text as published_on, v.published_by,
               (select count(*) from case_audits a where a.framework_version_id = v.id and a.authority_id = ${authorityId}) as audits
          from audit_framework_versions v join audit_frameworks f on f.id = v.framework_id
         where f.authority_id = ${authorityId}
         order by v.framework_id, v.version desc`,
  );
  return frameworks.map((f) => ({
    id: Number(f.id),
    key: f.key,
    title: f.title,
    description: f.description,
    versions: versions
      .filter((v) => Number(v.framework_id) === Number(f.id))
      .map((v) => ({
        id: Number(v.id),
        version: Number(v.version),
        status: v.status,
        publishedOn: v.published_on,
        publishedBy: v.published_by,
        audits: Number(v.audits),
      })),
  }));
}

export async function getFramework(db: Tx, authorityId: number, frameworkId: number): Promise<FrameworkSummary> {
  const found = (await listFrameworks(db, authorityId)).find((f) => f.id === frameworkId);
  if (!found) throw new NotFoundError();
  return found;
}

/** The version id of a framework's version number (the authority's only), else NotFoundError. */
export async function versionIdOf(db: Tx, authorityId: number, frameworkId: number, version: number): Promise<number> {
  const [found] = await rows<{ id: Id }>(
    db,
    sql`select v.id from audit_framework_versions v join audit_frameworks f on f.id = v.framework_id
         where f.authority_id = ${authorityId} and f.id = ${frameworkId} and v.version = ${version}`,
  );
  if (!found) throw new NotFoundError();
  return Number(found.id);
}

/** How many audits were graded against a version. */
export async function auditsUsing(db: Tx, authorityId: number, versionId: number): Promise<number> {
  const [found] = await rows<{ n: Id }>(
    db,
    sql`select count(*) as n from case_audits where authority_id = ${authorityId} and framework_version_id = ${versionId}`,
  );
  return Number(found?.n ?? 0);
}

/** The version row, checked to be a draft, inside a transaction. */
async function draftVersion(tx: Tx, authorityId: number, frameworkId: number, version: number): Promise<number> {
  const [found] = await rows<{ id: Id; status: FrameworkVersionStatus }>(
    tx,
    sql`select v.id, v.status from audit_framework_versions v join audit_frameworks f on f.id = v.framework_id
         where f.authority_id = ${authorityId} and f.id = ${frameworkId} and v.version = ${version}
         for update of v`,
  );
  if (!found) throw new NotFoundError();
  if (found.status !== 'draft') throw new VersionFixedError(frameworkId, version, found.status);
  return Number(found.id);
}

// ——— frameworks ———

/** A title and a description: the new framework form and the practice domain forms (trimmed; every error at once). */
function titledForm(enterTitle: string) {
  return z
    .strictObject({ title: formText.pipe(z.string().trim()), description: formText.pipe(z.string().trim()) })
    .superRefine((v, ctx) => {
      const error = (field: string, message: string) => {
        ctx.addIssue({ code: 'custom', path: [field], message });
      };
      if (!v.title) error('title', enterTitle);
      else if (v.title.length > 200) error('title', 'Title must be 200 characters or fewer');
      else if (!keyFromTitle(v.title)) error('title', 'Title must include letters or numbers');
      if (v.description.length > 2000) error('description', 'Description must be 2000 characters or fewer');
    });
}

export const newFrameworkForm = titledForm('Enter a title for the framework');
export const domainForm = titledForm('Enter a title for the practice domain');

/** A checked title and description (`newFrameworkForm`, `domainForm`). */
export interface TitledInput {
  title: string;
  description: string;
}

export type NewFrameworkInput = TitledInput;

/** Creates a framework and its first (empty) draft version; returns the framework id. */
export async function createFramework(
  db: Db,
  authorityId: number,
  input: NewFrameworkInput,
  audit: Auditor,
): Promise<number> {
  const { title, description } = input;
  const key = keyFromTitle(title);
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ key: auditFrameworks.key, title: auditFrameworks.title })
      .from(auditFrameworks)
      .where(eq(auditFrameworks.authorityId, authorityId));
    if (existing.some((f) => f.key === key || f.title.toLowerCase() === title.toLowerCase()))
      throw new ValidationError([
        { field: 'title', message: 'A framework with this title already exists: choose a different title' },
      ]);
    const [framework] = await tx
      .insert(auditFrameworks)
      .values({ authorityId, key, title, description })
      .returning({ id: auditFrameworks.id });
    if (!framework) throw new Error('framework not saved');
    const [version] = await tx
      .insert(auditFrameworkVersions)
      .values({ frameworkId: framework.id, version: 1, status: 'draft', notes: '' })
      .returning({ id: auditFrameworkVersions.id });
    if (!version) throw new Error('version not saved');
    await audit.record(tx, {
      recordType: 'audit-framework',
      recordId: String(framework.id),
      detail: { change: 'create', key },
    });
    return Number(framework.id);
  });
}

/**
 * Makes the next draft version as a copy of the latest version (its domains, guidance, questions and descriptors;
 * notes left empty for what changes). Refuses with DraftExistsError when a draft already exists. Returns the new
 * version number.
 */
export async function createDraftVersion(
  db: Db,
  authorityId: number,
  frameworkId: number,
  audit: Auditor,
): Promise<number> {
  return db.transaction(async (tx) => {
    const [framework] = await rows<{ id: Id }>(
      tx,
      sql`select id from audit_frameworks where id = ${frameworkId} and authority_id = ${authorityId} for update`,
    );
    if (!framework) throw new NotFoundError();
    const versions = await tx
      .select({
        id: auditFrameworkVersions.id,
        version: auditFrameworkVersions.version,
        status: auditFrameworkVersions.status,
      })
      .from(auditFrameworkVersions)
      .where(eq(auditFrameworkVersions.frameworkId, frameworkId))
      .orderBy(asc(auditFrameworkVersions.version));
    const draft = versions.find((v) => v.status === 'draft');
    if (draft) throw new DraftExistsError(frameworkId, draft.version);
    const latest = versions[versions.length - 1];
    const number = (latest?.version ?? 0) + 1;
    const [created] = await tx
      .insert(auditFrameworkVersions)
      .values({ frameworkId, version: number, status: 'draft', notes: '' })
      .returning({ id: auditFrameworkVersions.id });
    if (!created) throw new Error('version not saved');
    if (latest) {
      const from = await loadFrameworkVersion(tx, authorityId, Number(latest.id));
      for (const d of from?.domains ?? []) {
        const [fd] = await tx
          .insert(auditFrameworkDomains)
          .values({ versionId: created.id, domainId: d.domainId, sortOrder: d.sortOrder, guidance: d.guidance })
          .returning({ id: auditFrameworkDomains.id });
        if (!fd) throw new Error('framework domain not saved');
        if (d.questions.length > 0)
          await tx
            .insert(auditFrameworkQuestions)
            .values(d.questions.map((q, i) => ({ frameworkDomainId: fd.id, sortOrder: i + 1, text: q.text })));
        const descriptors = GRADES.flatMap((grade) => {
          const text = d.descriptors[grade];
          return text ? [{ frameworkDomainId: fd.id, grade, text }] : [];
        });
        if (descriptors.length > 0) await tx.insert(auditGradeDescriptors).values(descriptors);
      }
    }
    await audit.record(tx, {
      recordType: 'audit-framework-version',
      recordId: String(created.id),
      detail: { change: 'create-draft', version: number, copiedFrom: latest?.version ?? null },
    });
    return number;
  });
}

export interface VersionInput {
  notes: unknown;
  /** The practice domain ids ticked. */
  domains: unknown;
  /** Order wanted for each ticked domain, by domain id (blank keeps it after the numbered ones). */
  order: Record<number, unknown>;
}

/**
 * The rules of a draft's notes and practice domains, against the authority's practice domains: notes of 4000
 * characters or fewer, domains from the list, each order a whole number (blank keeps it after the numbered ones).
 * Every error at once, named as the form's fields.
 */
function versionRules(knownIds: ReadonlySet<number>) {
  return z.custom<VersionInput>().transform((input, ctx) => {
    const error = (field: string, message: string) => {
      ctx.addIssue({ code: 'custom', path: [field], message });
    };
    const notes = str(input.notes).trim();
    const ticked = (
      Array.isArray(input.domains)
        ? input.domains
        : input.domains === undefined || input.domains === ''
          ? []
          : [input.domains]
    ).map((v) => Number(v));
    if (notes.length > 4000) error('notes', 'Notes must be 4000 characters or fewer');
    if (ticked.some((id) => !Number.isInteger(id) || !knownIds.has(id)))
      error('domains', 'Choose practice domains from the list');
    const order = new Map<number, number | null>();
    for (const id of ticked) {
      const raw = str(input.order[id]).trim();
      if (!raw) order.set(id, null);
      else if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1)
        error(`order-${id}`, 'Enter the order as a whole number, like 3');
      else order.set(id, Number(raw));
    }
    return { notes, wanted: [...new Set(ticked)], order };
  });
}

/** The checked value of a schema, or a ValidationError with every error. */
function checked<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues));
  return parsed.data;
}

/** Saves a draft's notes and which practice domains it has, in which order. */
export async function updateDraftVersion(
  db: Db,
  authorityId: number,
  frameworkId: number,
  version: number,
  input: VersionInput,
  audit: Auditor,
): Promise<void> {
  const known = await db
    .select({ id: practiceDomains.id })
    .from(practiceDomains)
    .where(eq(practiceDomains.authorityId, authorityId));
  const { notes, wanted, order } = checked(versionRules(new Set(known.map((d) => Number(d.id)))), input);
  await db.transaction(async (tx) => {
    const versionId = await draftVersion(tx, authorityId, frameworkId, version);
    const current = await tx.select().from(auditFrameworkDomains).where(eq(auditFrameworkDomains.versionId, versionId));
    const currentOrder = new Map(current.map((c) => [Number(c.domainId), c.sortOrder]));
    // Numbered first by their number; unnumbered after, keeping their current order (new ones last).
    const ranked = wanted
      .map((id, i) => ({ id, number: order.get(id) ?? null, was: currentOrder.get(id) ?? 1000 + i }))
      .sort((a, b) => (a.number ?? 10000) - (b.number ?? 10000) || a.was - b.was);
    const removed = current.filter((c) => !wanted.includes(Number(c.domainId))).map((c) => c.id);
    if (removed.length > 0) {
      await tx.delete(auditFrameworkQuestions).where(inArray(auditFrameworkQuestions.frameworkDomainId, removed));
      await tx.delete(auditGradeDescriptors).where(inArray(auditGradeDescriptors.frameworkDomainId, removed));
      await tx.delete(auditFrameworkDomains).where(inArray(auditFrameworkDomains.id, removed));
    }
    for (const [i, d] of ranked.entries()) {
      if (currentOrder.has(d.id)) {
        await tx
          .update(auditFrameworkDomains)
          .set({ sortOrder: i + 1 })
          .where(and(eq(auditFrameworkDomains.versionId, versionId), eq(auditFrameworkDomains.domainId, d.id)));
      } else {
        await tx.insert(auditFrameworkDomains).values({ versionId, domainId: d.id, sortOrder: i + 1, guidance: '' });
      }
    }
    await tx.update(auditFrameworkVersions).set({ notes }).where(eq(auditFrameworkVersions.id, versionId));
    await audit.record(tx, {
      recordType: 'audit-framework-version',
      recordId: String(versionId),
      detail: { change: 'update', version, domains: wanted.length, removed: removed.length },
    });
  });
}

/** The questions of a textarea: one a line, trimmed, blanks ignored. */
export function questionLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

export interface DomainContentInput {
  guidance: unknown;
  /** One question a line; blank lines ignored. */
  questions: unknown;
  descriptors: Partial<Record<Grade, unknown>>;
}

/**
 * The rules of one domain's content in a draft: guidance of 2000 characters or fewer; questions one a line (30 or
 * fewer, each 500 characters or fewer); the four grade descriptors, each given and 2000 characters or fewer.
 */
const domainContentRules = z.custom<DomainContentInput>().transform((input, ctx) => {
  const error = (field: string, message: string) => {
    ctx.addIssue({ code: 'custom', path: [field], message });
  };
  const guidance = str(input.guidance).trim();
  const questions = questionLines(str(input.questions));
  if (guidance.length > 2000) error('guidance', 'Guidance must be 2000 characters or fewer');
  if (questions.length > 30) error('questions', 'Enter 30 questions or fewer');
  const long = questions.findIndex((q) => q.length > 500);
  if (long >= 0) error('questions', `Question ${long + 1} must be 500 characters or fewer`);
  const descriptors = {} as Record<Grade, string>;
  for (const grade of GRADES) {
    const text = str(input.descriptors[grade]).trim();
    if (!text) error(`descriptor-${grade}`, `Enter the descriptor for ${GRADE_LABELS[grade]}`);
    else if (text.length > 2000)
      error(`descriptor-${grade}`, `The descriptor for ${GRADE_LABELS[grade]} must be 2000 characters or fewer`);
    descriptors[grade] = text;
  }
  return { guidance, questions, descriptors };
});

/** Saves one domain's guidance, questions and the four grade descriptors in a draft. */
export async function updateDraftDomain(
  db: Db,
  authorityId: number,
  frameworkId: number,
  version: number,
  domainId: number,
  input: DomainContentInput,
  audit: Auditor,
): Promise<void> {
  const content = domainContentRules.safeParse(input);
  // A fixed version answers 409 before any complaint about the input.
  await db.transaction(async (tx) => {
    const versionId = await draftVersion(tx, authorityId, frameworkId, version);
    const [fd] = await tx
      .select({ id: auditFrameworkDomains.id })
      .from(auditFrameworkDomains)
      .where(and(eq(auditFrameworkDomains.versionId, versionId), eq(auditFrameworkDomains.domainId, domainId)));
    if (!fd) throw new NotFoundError();
    if (!content.success) throw new ValidationError(fieldErrorsFromIssues(content.error.issues));
    const { guidance, questions, descriptors } = content.data;
    await tx.update(auditFrameworkDomains).set({ guidance }).where(eq(auditFrameworkDomains.id, fd.id));
    await tx.delete(auditFrameworkQuestions).where(eq(auditFrameworkQuestions.frameworkDomainId, fd.id));
    if (questions.length > 0)
      await tx
        .insert(auditFrameworkQuestions)
        .values(questions.map((text, i) => ({ frameworkDomainId: fd.id, sortOrder: i + 1, text })));
    await tx.delete(auditGradeDescriptors).where(eq(auditGradeDescriptors.frameworkDomainId, fd.id));
    await tx
      .insert(auditGradeDescriptors)
      .values(GRADES.map((grade) => ({ frameworkDomainId: fd.id, grade, text: descriptors[grade] })));
    await audit.record(tx, {
      recordType: 'audit-framework-version',
      recordId: String(versionId),
      detail: { change: 'update-domain', version, domainId, questions: questions.length },
    });
  });
}

/** Refuses a version with nothing to grade against: what is missing, one message per domain and problem. */
export function publishProblems(detail: {
  domains: Array<{
    domainId: number;
    title: string;
    questions: unknown[];
    descriptors: Partial<Record<Grade, string>>;
  }>;
}): FieldError[] {
  if (detail.domains.length === 0)
    return [{ field: 'domains', message: 'Add at least one practice domain before publishing' }];
  const errors: FieldError[] = [];
  for (const d of detail.domains) {
    if (d.questions.length === 0)
      errors.push({ field: `domain-${d.domainId}`, message: `${d.title} needs at least one question` });
    const missing = GRADES.filter((g) => !d.descriptors[g]?.trim()).map((g) => GRADE_LABELS[g]);
    if (missing.length > 0)
      errors.push({
        field: `domain-${d.domainId}`,
        message: `${d.title} needs a grade descriptor for ${listText(missing)}`,
      });
  }
  return errors;
}

/** Publishes a complete draft on `today` by `publishedBy`, retiring the version it replaces. */
export async function publishVersion(
  db: Db,
  authorityId: number,
  frameworkId: number,
  version: number,
  today: string,
  publishedBy: string,
  audit: Auditor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const versionId = await draftVersion(tx, authorityId, frameworkId, version);
    const detail = await loadFrameworkVersion(tx, authorityId, versionId);
    if (!detail) throw new NotFoundError();
    const problems = publishProblems(detail);
    if (problems.length) throw new ValidationError(problems);
    const retired = await tx
      .update(auditFrameworkVersions)
      .set({ status: 'retired' })
      .where(and(eq(auditFrameworkVersions.frameworkId, frameworkId), eq(auditFrameworkVersions.status, 'published')))
      .returning({ version: auditFrameworkVersions.version });
    await tx
      .update(auditFrameworkVersions)
      .set({ status: 'published', publishedOn: today, publishedBy })
      .where(eq(auditFrameworkVersions.id, versionId));
    await audit.record(tx, {
      recordType: 'audit-framework-version',
      recordId: String(versionId),
      detail: { change: 'publish', version, retired: retired.map((r) => r.version).join(',') || null },
    });
  });
}

// ——— practice domains ———

export interface DomainSummary {
  id: number;
  key: string;
  title: string;
  description: string;
  /** "Practice standards audit version 2" … */
  usedBy: Array<{ frameworkId: number; title: string; version: number; status: FrameworkVersionStatus }>;
}

export async function listDomains(db: Tx, authorityId: number): Promise<DomainSummary[]> {
  const domains = await db
    .select()
    .from(practiceDomains)
    .where(eq(practiceDomains.authorityId, authorityId))
    .orderBy(asc(practiceDomains.sortOrder), asc(practiceDomains.title));
  const uses = await rows<{
    domain_id: Id;
    framework_id: Id;
    title: string;
    version: Id;
    status: FrameworkVersionStatus;
  }>(
    db,
    sql`select fd.domain_id, f.id as framework_id, f.title, v.version, v.status
          from audit_framework_domains fd
          join audit_framework_versions v on v.id = fd.version_id
          join audit_frameworks f on f.id = v.framework_id
         where f.authority_id = ${authorityId}
         order by f.title, f.id, v.version`,
  );
  return domains.map((d) => ({
    id: Number(d.id),
    key: d.key,
    title: d.title,
    description: d.description,
    usedBy: uses
      .filter((u) => Number(u.domain_id) === Number(d.id))
      .map((u) => ({
        frameworkId: Number(u.framework_id),
        title: u.title,
        version: Number(u.version),
        status: u.status,
      })),
  }));
}

export async function getDomain(db: Tx, authorityId: number, domainId: number): Promise<DomainSummary> {
  const found = (await listDomains(db, authorityId)).find((d) => d.id === domainId);
  if (!found) throw new NotFoundError();
  return found;
}

/** Adds a practice domain (key from the title, unique in the authority); returns its id. */
export async function createDomain(db: Db, authorityId: number, input: TitledInput, audit: Auditor): Promise<number> {
  const { title, description } = input;
  const key = keyFromTitle(title);
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ key: practiceDomains.key, title: practiceDomains.title, sortOrder: practiceDomains.sortOrder })
      .from(practiceDomains)
      .where(eq(practiceDomains.authorityId, authorityId));
    if (existing.some((d) => d.key === key || d.title.toLowerCase() === title.toLowerCase())) {
      throw new ValidationError([{ field: 'title', message: 'A practice domain with this title already exists' }]);
    }
    const sortOrder = Math.max(0, ...existing.map((d) => d.sortOrder)) + 1;
    const [row] = await tx
      .insert(practiceDomains)
      .values({ authorityId, key, title, description, sortOrder })
      .returning({ id: practiceDomains.id });
    if (!row) throw new Error('domain not saved');
    await audit.record(tx, {
      recordType: 'practice-domain',
      recordId: String(row.id),
      detail: { change: 'create', key },
    });
    return Number(row.id);
  });
}

/** Changes a practice domain's title and description (its key stays: audits and trends hold to it). */
export async function updateDomain(
  db: Db,
  authorityId: number,
  domainId: number,
  input: TitledInput,
  audit: Auditor,
): Promise<void> {
  const { title, description } = input;
  await db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: practiceDomains.id, title: practiceDomains.title })
      .from(practiceDomains)
      .where(eq(practiceDomains.authorityId, authorityId));
    if (!existing.some((d) => Number(d.id) === domainId)) throw new NotFoundError();
    if (existing.some((d) => Number(d.id) !== domainId && d.title.toLowerCase() === title.toLowerCase())) {
      throw new ValidationError([{ field: 'title', message: 'A practice domain with this title already exists' }]);
    }
    await tx
      .update(practiceDomains)
      .set({ title, description })
      .where(and(eq(practiceDomains.id, domainId), eq(practiceDomains.authorityId, authorityId)));
    await audit.record(tx, { recordType: 'practice-domain', recordId: String(domainId), detail: { change: 'update' } });
  });
}
