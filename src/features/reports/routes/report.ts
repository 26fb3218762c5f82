/**
 * GET /reports/:reportId (its progress, or its download) and GET /reports/:reportId/file.
 */
import { todayInLondon } from '../../../domain/today';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { kindTitle } from '../queue';
import { periodsByKind, presentEntry } from './present-entry';
import { entryOr404 } from './visible-report';
import { sendFile } from './send-file';
import { statusBody } from './status';

export function reportPages(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.reports.report,
    access: 'report:read',
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const entry = await entryOr404(services, user, req.params.reportId);
      const periods = await periodsByKind(services, user.authorityId, todayInLondon());
      const status = await statusBody(services, entry, periods);
      const titles: Record<string, string> = {
        queued: 'Waiting to be written',
        running: 'Being written',
        done: 'Your report is ready',
        failed: 'The report could not be written',
      };
      res.render('reports/views/report.njk', {
        pageTitle: `${titles[entry.status] ?? 'Report'}: ${kindTitle(entry.kind)}`,
        heading: titles[entry.status] ?? 'Report',
        report: presentEntry(entry, periods),
        status,
        selfHref: paths.reports.report({ reportId: entry.id }),
        statusUrl: paths.api.report({ reportId: entry.id }),
      });
    },
  });

  r.page({
    method: 'get',
    path: paths.reports.file,
    access: 'report:read',
    audit: 'reports.download',
    handler: async ({ req, res, user, services, audit }) => {
      const entry = await entryOr404(services, user, req.params.reportId);
      await sendFile(services, user, entry.id, res, audit);
    },
  });
}
