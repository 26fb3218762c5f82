/**
 * Sending a generated report's file as stored (pages and API alike): 409 while it is not done; the download is
 * audited.
 */
import type { Response } from 'express';
import { ConflictError, NotFoundError } from '../../../core/errors';
import type { PageContext } from '../../../web/route';
import type { WebServices } from '../../../web/services';
import type { CurrentUser } from '../../../accounts/users/service';
import { audiencesFor, CONTENT_TYPES, downloadName, reportFile } from '../queue';
import { mayInternal } from './visible-report';

export async function sendFile(
  services: WebServices,
  user: CurrentUser,
  id: number,
  res: Response,
  audit: PageContext['audit'],
): Promise<void> {
  const found = await reportFile(services.db, user.authorityId, id, audiencesFor(mayInternal(user)));
  if (!found) throw new NotFoundError();
  if (found.entry.status !== 'done' || !found.bytes)
    throw new ConflictError('This report is not ready yet: its page says how far it has got');
  await audit.record(services.db, {
    recordType: 'generated-report',
    recordId: String(id),
    detail: { kind: found.entry.kind, audience: found.entry.audience, format: found.entry.format },
  });
  res
    .status(200)
    .type(CONTENT_TYPES[found.entry.format])
    .attachment(downloadName(found.entry))
    .setHeader('Cache-Control', 'no-store')
    .send(found.bytes);
}
