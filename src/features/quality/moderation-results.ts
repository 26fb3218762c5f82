/**
 * What moderation shows: each audited domain's grade beside the grade the latest moderation agreed, one row per
 * audit and domain (`lantern audits export`), and how far auditors and moderators agree — exact agreement and
 * Cohen's weighted kappa (src/domain/agreement.ts), overall and per auditor (`lantern audits agreement`).
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { rows } from '../../db/query';
import { agreement, type Agreement } from '../../domain/agreement';
import { isGrade, type Grade } from '../../domain/ofsted';

export interface AuditDomainRow {
  auditId: number;
  lanternId: string;
  team: string | null;
  auditor: string;
  domain: string;
  auditorGrade: Grade;
  submittedOn: string | null;
  moderator: string | null;
  moderationLevel: string | null;
  moderatedGrade: Grade | null;
  moderatedOn: string | null;
  reason: string;
}

export interface AuditPeriod {
  /** Audits submitted on or after this day (inclusive). */
  from?: string | null;
  /** … and on or before this day. */
  to?: string | null;
}

const day = (v: unknown): string | null =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
const grade = (v: unknown): Grade | null => (isGrade(v) ? v : null);

/** One row per submitted audit and domain, with the latest moderation's grade beside the auditor's. */
export async function auditDomainRows(
  db: Tx,
  authorityId: number,
  period: AuditPeriod = {},
): Promise<AuditDomainRow[]> {
  const found = await rows<Record<string, unknown>>(
    db,
    sql`select a.id as audit_id, c.lantern_id, t.name as team, a.auditor_name, d.title as domain, g.grade, a.submitted_on,
               mo.moderator_name, mo.level, mg.grade as moderated_grade, mo.moderated_on, coalesce(mg.reason, '') as reason
          from case_audits a
          join children c on c.id = a.child_id
          join case_audit_grades g on g.audit_id = a.id
          join practice_domains d on d.id = g.domain_id
          left join teams t on t.id = a.team_id
          left join lateral (
            select m.id, m.moderator_name, m.level, m.moderated_on from case_audit_moderations m
             where m.audit_id = a.id order by m.moderated_on desc, m.id desc limit 1
          ) mo on true
          left join case_audit_moderation_grades mg on mg.moderation_id = mo.id and mg.domain_id = g.domain_id
         where a.authority_id = ${authorityId} and a.submitted_on is not null
           and (${period.from ?? null}::date is null or a.submitted_on >= ${period.from ?? null}::date)
           and (${period.to ?? null}::date is null or a.submitted_on <= ${period.to ?? null}::date)
         order by a.submitted_on, a.id, d.sort_order, d.id`,
  );
  return found.map((r) => ({
    auditId: Number(r.audit_id),
    lanternId: String(r.lantern_id),
    team: r.team === null ? null : String(r.team),
    auditor: String(r.auditor_name),
    domain: String(r.domain),
    auditorGrade: grade(r.grade) ?? 'inadequate',
    submittedOn: day(r.submitted_on),
    moderator: r.moderator_name === null ? null : String(r.moderator_name),
    moderationLevel: r.level === null ? null : String(r.level),
    moderatedGrade: grade(r.moderated_grade),
    moderatedOn: day(r.moderated_on),
    reason: String(r.reason ?? ''),
  }));
}

export interface AgreementSummary {
  /** Every moderated domain grade. */
  overall: Agreement;
  /** By auditor, in name order. */
  byAuditor: Array<{ auditor: string } & Agreement>;
  /** By practice domain, in the domains' order. */
  byDomain: Array<{ domain: string } & Agreement>;
}

/** Auditor against moderator on every moderated domain grade of the audits submitted in the period. */
export async function moderationAgreement(
  db: Tx,
  authorityId: number,
  period: AuditPeriod = {},
): Promise<AgreementSummary> {
  const moderated = (await auditDomainRows(db, authorityId, period)).filter((r) => r.moderatedGrade !== null);
  const pairsOf = (list: AuditDomainRow[]) =>
    list.map((r) => ({ first: r.auditorGrade, second: r.moderatedGrade as Grade }));
  const group = (key: (r: AuditDomainRow) => string) => {
    const groups = new Map<string, AuditDomainRow[]>();
    for (const r of moderated) {
      const list = groups.get(key(r)) ?? [];
      list.push(r);
      groups.set(key(r), list);
    }
    return groups;
  };
  const auditors = group((r) => r.auditor);
  const domains = group((r) => r.domain);
  return {
    overall: agreement(pairsOf(moderated)),
    byAuditor: [...auditors.keys()]
      .sort((a, b) => a.localeCompare(b, 'en-GB'))
      .map((auditor) => ({ auditor, ...agreement(pairsOf(auditors.get(auditor) ?? [])) })),
    byDomain: [...domains.keys()].map((domain) => ({ domain, ...agreement(pairsOf(domains.get(domain) ?? [])) })),
  };
}
