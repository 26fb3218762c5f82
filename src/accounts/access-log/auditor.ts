/**
 * The audit trail's single entry point. A route or command declares the action it audits; the service that does
 * the work calls `record(tx, …)` inside the same transaction as the view or change, so the log entry and the
 * thing it records commit or roll back together.
 */
import type { Tx } from '../../db/client';
import type { AccessLogRepository } from './repository';

/** Who is acting: a signed-in user, or a named system process (the CLI, the demo loader). */
export interface Actor {
  userId: number | null;
  username: string;
  authorityId: number | null;
}

export interface AuditTarget {
  recordType?: string;
  recordId?: string;
  /** Allowlisted, non-identifying facts only (counts, kinds, codes) — never names, dates of birth or case notes. */
  detail?: Record<string, string | number | boolean | null>;
}

export interface Auditor {
  readonly action: string;
  readonly recorded: boolean;
  /** `actor` overrides who is recorded, for the one case where the actor is only known mid-request (sign-in). */
  record(tx: Tx, target?: AuditTarget, actor?: Actor): Promise<void>;
}

export function createAuditor(
  repo: AccessLogRepository,
  actor: Actor,
  action: string,
  requestId: string | null,
): Auditor {
  let recorded = false;
  return {
    action,
    get recorded() {
      return recorded;
    },
    async record(tx, target = {}, as = actor) {
      await repo.insert(tx, {
        authorityId: as.authorityId,
        userId: as.userId,
        username: as.username,
        action,
        recordType: target.recordType ?? null,
        recordId: target.recordId ?? null,
        requestId,
        detail: target.detail ?? null,
      });
      recorded = true;
    },
  };
}
