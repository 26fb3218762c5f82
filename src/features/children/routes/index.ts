/**
 * The child record on the web and the API: find a child, open their record, read their chronology.
 *
 * Pages: /children (search), /children/:childId (the record with the chronology), /children/:childId/chronology.
 * API:   /api/children, /api/children/:childId, /api/children/:childId/chronology — same access and audit.
 * Every child view answers 404 alike for a missing child and one the user may not see (`whenDenied: 'not-found'`
 * for those without child:read; the service's scope check for everyone else).
 */
import type { RouteBuilder } from '../../../web/route';
import type { ChildrenService } from '../service';
import { searchPage } from './search';
import { recordPages } from './record';
import { childrenApi } from './api';

/** The children pages and API; the children service comes from the wiring. */
export function childrenRoutes(r: RouteBuilder, children: ChildrenService): void {
  searchPage(r, children);
  recordPages(r, children);
  childrenApi(r, children);
}
