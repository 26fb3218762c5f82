/**
 * Reference data on the web and the API: the admin page lists what is loaded (files, measures and their latest
 * years), takes uploads of published files (all or nothing, with an error summary naming file, row and column),
 * and sets the published authority this authority is benchmarked against. GET /api/reference says what is loaded.
 *
 * One module per page or sub-journey, mounted in this order.
 */
import type { RouteBuilder } from '../../../web/route';
import { indexPage } from './index-page';
import { uploadPage } from './upload';
import { benchmarkPage } from './benchmark';
import { referenceApi } from './api';

export function referenceRoutes(r: RouteBuilder): void {
  indexPage(r);
  uploadPage(r);
  benchmarkPage(r);
  referenceApi(r);
}
