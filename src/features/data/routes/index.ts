/**
 * Data in and out on the web and the API: upload files to import (a background job with progress), read the
 * validation report (filter by rule and severity, download as CSV), withdraw an import, and download exports.
 * One module a page or sub-journey: imports (upload and job), report, withdraw, export pages, the API.
 */
import type { RouteBuilder } from '../../../web/route';
import type { ImportJobs } from '../../ingest/jobs';
import { dataApiRoutes } from './api';
import { exportPageRoutes } from './export-pages';
import { importPageRoutes } from './imports';
import { importReportRoutes } from './report';
import { importWithdrawRoutes } from './withdraw';

export { progressText } from './shared';

/** The data pages; the import jobs (one queue for the whole app) come from the wiring. */
export function dataRoutes(r: RouteBuilder, importJobs: ImportJobs): void {
  importPageRoutes(r, importJobs);
  importReportRoutes(r);
  importWithdrawRoutes(r, importJobs);
  exportPageRoutes(r);
  dataApiRoutes(r, importJobs);
}
