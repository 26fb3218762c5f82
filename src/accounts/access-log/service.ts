import type { Db } from '../../db/client';
import type { Auditor } from './auditor';
import type { AccessLogFilter, AccessLogRepository } from './repository';

export function accessLogService(db: Db, repo: AccessLogRepository) {
  return {
    /** Reading the log is itself an access worth recording. */
    async search(filter: AccessLogFilter, audit: Auditor) {
      return db.transaction(async (tx) => {
        const result = await repo.find(tx, filter);
        const actions = await repo.actions(tx, filter.authorityId);
        await audit.record(tx, { recordType: 'access-log', detail: { results: result.total } });
        return { ...result, actions };
      });
    },
  };
}
export type AccessLogService = ReturnType<typeof accessLogService>;
