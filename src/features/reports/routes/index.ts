/**
 * The reports page, its progress and download pages, and the API (issue 7).
 *
 * - GET /reports (report:read): each kind in the registry with a form (period, audience, format) and the reports
 *   generated, newest first, 50 to a page. Internal versions are offered and listed only with report:internal.
 * - POST /reports: queues the report (queue.ts) and answers 303 to its page; bad input re-renders the page with a
 *   GOV.UK error summary (400) and queues nothing. A member asking for the internal version is bad input (400).
 * - GET /reports/:reportId: queued (how many are ahead), running (step N of 3, what it is doing, a "Check progress"
 *   link; init.mjs follows it without reloading by hand), done (download, size, sha256), failed (the reason).
 * - GET /reports/:reportId/file: the file as stored; 409 when it is not finished.
 * Another authority's report, or an internal one for someone without report:internal, is 404 everywhere.
 * The API mirrors them: GET/POST /api/reports, GET /api/reports/:reportId, GET /api/reports/:reportId/file.
 */
import type { RouteBuilder } from '../../../web/route';
import type { ReportRunner } from '../runner';
import { listPages } from './list';
import { reportPages } from './report';
import { reportApi } from './api';

/** The reports pages; the runner that writes queued reports in the background comes from the wiring. */
export function reportRoutes(r: RouteBuilder, reportRunner: ReportRunner): void {
  listPages(r, reportRunner);
  reportPages(r);
  reportApi(r, reportRunner);
}
