/**
 * Audit framework versions as the rest of Lantern reads them: one version whole (its domains in order, each with its
 * questions and grade descriptors), the published versions to choose from, and installing a framework definition
 * (the default "Practice standards audit") idempotently.
 */
import { sql } from 'drizzle-orm';
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
import { GRADES, type Grade, isGrade } from '../../../domain/ofsted';
import { ensurePracticeDomains } from './practice-domains';
import type { FrameworkDefinition } from './default-framework';

export interface FrameworkDomainDetail {
  frameworkDomainId: number;
  domainId: number;
  key: string;
  title: string;
  guidance: string;
  sortOrder: number;
  questions: Array<{ id: number; text: string }>;
  descriptors: Partial<Record<Grade, string>>;
}

export interface FrameworkVersionDetail {
  frameworkId: number;
  key: string;
  title: string;
  description: string;
  versionId: number;
  version: number;
  status: FrameworkVersionStatus;
  notes: string;
  publishedOn: string | null;
  publishedBy: string | null;
  domains: FrameworkDomainDetail[];
}

type Id = number | string;

function dayText(value: unknown): string | null {
  if (value == null) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

/** One version of one of the authority's frameworks, whole; null when it is not the authority's (or missing). */
export async function loadFrameworkVersion(
  db: Tx,
  authorityId: number,
  versionId: number,
): Promise<FrameworkVersionDetail | null> {
  const [head] = await rows<{
    framework_id: Id;
    key: string;
    title: string;
    description: string;
    version_id: Id;
    version: Id;
    status: FrameworkVersionStatus;
    notes: string;
    published_on: unknown;
    published_by: string | null;
  }>(
    db,
    sql`select f.id as framework_id, f.key, f.title, f.description, v.id as version_id, v.version, v.status, v.notes,
               v.published_on::text as published_on, v.published_by
          from audit_framework_versions v join audit_frameworks f on f.id = v.framework_id
         where v.id = ${versionId} and f.authority_id = ${authorityId}`,
  );
  if (!head) return null;
  const domainRows = await rows<{
    id: Id;
    domain_id: Id;
    key: string;
    title: string;
    guidance: string;
    sort_order: Id;
  }>(
    db,
    sql`select fd.id, fd.domain_id, d.key, d.title, fd.guidance, fd.sort_order
          from audit_framework_domains fd join practice_domains d on d.id = fd.domain_id
         where fd.version_id = ${versionId}
         order by fd.sort_order, fd.id`,
  );
  const questionRows = await rows<{ id: Id; framework_domain_id: Id; text: string }>(
    db,
    sql`select q.id, q.framework_domain_id, q.text
          from audit_framework_questions q join audit_framework_domains fd on fd.id = q.framework_domain_id
         where fd.version_id = ${versionId}
         order by q.sort_order, q.id`,
  );
  const descriptorRows = await rows<{ framework_domain_id: Id; grade: string; text: string }>(
    db,
    sql`select g.framework_domain_id, g.grade, g.text
          from audit_grade_descriptors g join audit_framework_domains fd on fd.id = g.framework_domain_id
         where fd.version_id = ${versionId}`,
  );
  const domains: FrameworkDomainDetail[] = domainRows.map((d) => ({
    frameworkDomainId: Number(d.id),
    domainId: Number(d.domain_id),
    key: d.key,
    title: d.title,
    guidance: d.guidance,
    sortOrder: Number(d.sort_order),
    questions: [],
    descriptors: {},
  }));
  const byId = new Map(domains.map((d) => [d.frameworkDomainId, d]));
  for (const q of questionRows)
    byId.get(Number(q.framework_domain_id))?.questions.push({ id: Number(q.id), text: q.text });
  for (const g of descriptorRows) {
    const domain = byId.get(Number(g.framework_domain_id));
    if (domain && isGrade(g.grade)) domain.descriptors[g.grade] = g.text;
  }
  return {
    frameworkId: Number(head.framework_id),
    key: head.key,
    title: head.title,
    description: head.description,
    versionId: Number(head.version_id),
    version: Number(head.version),
    status: head.status,
    notes: head.notes,
    publishedOn: dayText(head.published_on),
    publishedBy: head.published_by,
    domains,
  };
}

/**
 * Published versions, newest first within each framework (for choosing a programme's framework). Only versions in
 * force (status published); a retired version stays readable through loadFrameworkVersion.
 */
export async function publishedVersions(
  db: Tx,
  authorityId: number,
): Promise<Array<{ versionId: number; frameworkId: number; title: string; version: number; publishedOn: string }>> {
  const found = await rows<{ version_id: Id; framework_id: Id; title: string; version: Id; published_on: unknown }>(
    db,
    sql`select v.id as version_id, f.id as framework_id, f.title, v.version, v.published_on::text as published_on
          from audit_framework_versions v join audit_frameworks f on f.id = v.framework_id
         where f.authority_id = ${authorityId} and v.status = 'published' and v.published_on is not null
         order by f.title, f.id, v.version desc`,
  );
  return found.map((r) => ({
    versionId: Number(r.version_id),
    frameworkId: Number(r.framework_id),
    title: r.title,
    version: Number(r.version),
    publishedOn: dayText(r.published_on) ?? '',
  }));
}

function titleFromKey(key: string): string {
  const words = key.split('-').filter(Boolean).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Writes a definition's versions (creating missing practice domains), each published on the given day; idempotent by
 * framework key + version number: a version that already exists is left exactly as it is. Every published version
 * but the newest ends retired. Returns version ids in order.
 */
export async function installFramework(
  db: Db,
  authorityId: number,
  def: FrameworkDefinition,
  published: Array<{ publishedOn: string; publishedBy: string }>,
): Promise<number[]> {
  if (published.length !== def.versions.length)
    throw new Error(`installFramework: ${def.versions.length} versions but ${published.length} publication days`);
  await ensurePracticeDomains(db, authorityId);
  return db.transaction(async (tx) => {
    const wanted = [...new Set(def.versions.flatMap((v) => v.domains.map((d) => d.key)))];
    const known = await rows<{ id: Id; key: string }>(
      tx,
      sql`select id, key from practice_domains where authority_id = ${authorityId}`,
    );
    const domainIds = new Map(known.map((d) => [d.key, Number(d.id)]));
    const missing = wanted.filter((k) => !domainIds.has(k));
    if (missing.length > 0) {
      const [top] = await rows<{ n: Id | null }>(
        tx,
        sql`select max(sort_order) as n from practice_domains where authority_id = ${authorityId}`,
      );
      const base = Number(top?.n ?? 0);
      const inserted = await tx
        .insert(practiceDomains)
        .values(missing.map((key, i) => ({ authorityId, key, title: titleFromKey(key), sortOrder: base + i + 1 })))
        .onConflictDoNothing()
        .returning({ id: practiceDomains.id, key: practiceDomains.key });
      for (const r of inserted) domainIds.set(r.key, Number(r.id));
    }

    await tx
      .insert(auditFrameworks)
      .values({ authorityId, key: def.key, title: def.title, description: def.description })
      .onConflictDoNothing();
    const [framework] = await rows<{ id: Id }>(
      tx,
      sql`select id from audit_frameworks where authority_id = ${authorityId} and key = ${def.key}`,
    );
    if (!framework) throw new Error('framework not saved');
    const frameworkId = Number(framework.id);

    const ids: number[] = [];
    for (const [i, version] of def.versions.entries()) {
      const number = i + 1;
      const [existing] = await rows<{ id: Id }>(
        tx,
        sql`select id from audit_framework_versions where framework_id = ${frameworkId} and version = ${number}`,
      );
      if (existing) {
        ids.push(Number(existing.id));
        continue;
      }
      const when = published[i];
      if (!when) throw new Error('publication day missing');
      const [row] = await tx
        .insert(auditFrameworkVersions)
        .values({
          frameworkId,
          version: number,
          status: 'published',
          notes: version.notes,
          publishedOn: when.publishedOn,
          publishedBy: when.publishedBy,
        })
        .returning({ id: auditFrameworkVersions.id });
      if (!row) throw new Error('version not saved');
      const versionId = Number(row.id);
      for (const [order, domain] of version.domains.entries()) {
        const domainId = domainIds.get(domain.key);
        if (domainId === undefined) throw new Error(`practice domain ${domain.key} missing`);
        const [fd] = await tx
          .insert(auditFrameworkDomains)
          .values({ versionId, domainId, sortOrder: order + 1, guidance: domain.guidance })
          .returning({ id: auditFrameworkDomains.id });
        if (!fd) throw new Error('framework domain not saved');
        const frameworkDomainId = Number(fd.id);
        if (domain.questions.length > 0) {
          await tx
            .insert(auditFrameworkQuestions)
            .values(domain.questions.map((text, q) => ({ frameworkDomainId, sortOrder: q + 1, text })));
        }
        await tx
          .insert(auditGradeDescriptors)
          .values(GRADES.map((grade) => ({ frameworkDomainId, grade, text: domain.descriptors[grade] })));
      }
      ids.push(versionId);
    }
    // Only the newest published version is in force.
    await tx.execute(
      sql`update audit_framework_versions set status = 'retired'
           where framework_id = ${frameworkId} and status = 'published'
             and version < (select max(version) from audit_framework_versions where framework_id = ${frameworkId} and status = 'published')`,
    );
    return ids;
  });
}
