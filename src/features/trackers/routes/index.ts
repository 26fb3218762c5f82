/**
 * Trackers on the web and the API.
 *
 * Pages: /trackers (every tracker with its counts), /trackers/:tracker (one tracker: filters in a GET form, headings
 * that sort by link, each child linking to their record), /trackers/:tracker.csv (the same filtered list as CSV).
 * API:   /api/trackers (the list with counts), /api/trackers/:tracker (the rows as JSON, same filters).
 * Access: trackers:read. Team managers and social workers see only their own team. Viewing a tracker's rows
 * writes tracker.view (downloading, tracker.download) with the tracker and the filters — never child data.
 */
import type { RouteBuilder } from '../../../web/route';
import { listPage } from './list';
import { trackerPages } from './tracker';
import { trackersApi } from './api';

export function trackersRoutes(r: RouteBuilder): void {
  listPage(r);
  trackerPages(r);
  trackersApi(r);
}
