/**
 * Which reports someone may see: internal versions only with report:internal; another authority's report, or an
 * internal one without it, is a 404.
 */
import { can } from '../../../domain/roles';
import { NotFoundError } from '../../../core/errors';
import type { WebServices } from '../../../web/services';
import type { CurrentUser } from '../../../accounts/users/service';
import { audiencesFor, reportEntry, type ReportEntry } from '../queue';

export const mayInternal = (user: CurrentUser) => can(user.role, 'report:internal');

/** A report someone may see, or 404. */
export async function entryOr404(services: WebServices, user: CurrentUser, rawId: unknown): Promise<ReportEntry> {
  const id = typeof rawId === 'string' && /^\d{1,15}$/.test(rawId) ? Number(rawId) : null;
  const entry =
    id === null ? null : await reportEntry(services.db, user.authorityId, id, audiencesFor(mayInternal(user)));
  if (!entry) throw new NotFoundError();
  return entry;
}
