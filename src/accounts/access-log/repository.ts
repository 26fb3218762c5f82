import { and, count, desc, eq, gte, ilike, lt, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { accessLog } from '../../db/schema/index';

export interface AccessLogEntry {
  authorityId: number | null;
  userId: number | null;
  username: string | null;
  action: string;
  recordType?: string | null;
  recordId?: string | null;
  requestId?: string | null;
  detail?: Record<string, string | number | boolean | null> | null;
}

export interface AccessLogFilter {
  authorityId: number;
  username?: string | undefined;
  action?: string | undefined;
  recordId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export function accessLogRepository() {
  return {
    async insert(tx: Tx, entry: AccessLogEntry): Promise<void> {
      await tx.insert(accessLog).values({
        authorityId: entry.authorityId,
        userId: entry.userId,
        username: entry.username,
        action: entry.action,
        recordType: entry.recordType ?? null,
        recordId: entry.recordId ?? null,
        requestId: entry.requestId ?? null,
        detail: entry.detail ?? null,
      });
    },

    async find(tx: Tx, filter: AccessLogFilter) {
      const where: SQL[] = [eq(accessLog.authorityId, filter.authorityId)];
      if (filter.username) where.push(ilike(accessLog.username, filter.username));
      if (filter.action) where.push(eq(accessLog.action, filter.action));
      if (filter.recordId) where.push(eq(accessLog.recordId, filter.recordId));
      if (filter.from) where.push(gte(accessLog.occurredAt, new Date(`${filter.from}T00:00:00Z`)));
      if (filter.to)
        where.push(lt(accessLog.occurredAt, new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000)));
      const condition = and(...where);
      const [rows, [total]] = await Promise.all([
        tx
          .select()
          .from(accessLog)
          .where(condition)
          .orderBy(desc(accessLog.occurredAt), desc(accessLog.id))
          .limit(filter.pageSize)
          .offset((filter.page - 1) * filter.pageSize),
        tx.select({ n: count() }).from(accessLog).where(condition),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    async actions(tx: Tx, authorityId: number): Promise<string[]> {
      const rows = await tx
        .selectDistinct({ action: accessLog.action })
        .from(accessLog)
        .where(eq(accessLog.authorityId, authorityId))
        .orderBy(accessLog.action);
      return rows.map((r) => r.action);
    },
  };
}
export type AccessLogRepository = ReturnType<typeof accessLogRepository>;
