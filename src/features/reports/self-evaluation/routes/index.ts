/**
 * The self-evaluation's text on the web and the API (issue 7):
 *   GET  /self-evaluation?year=2026        the year's eight service areas, who last edited each and when, a year
 *                                          picker, "Start from last year's text" and a link to generate the report
 *                                          (report:read; every role)
 *   POST /self-evaluation                  start the year from last year's text (self-evaluation:write)
 *   GET  /self-evaluation/:year/:area      the form, with the area's earlier versions (self-evaluation:write)
 *   POST /self-evaluation/:year/:area      save a new version: 303 back to the year's page; 400 with an error summary
 *                                          and nothing saved on bad input
 *   GET  /api/self-evaluation/:year        the year's current text by area (report:read)
 * An unknown area, or a year outside 2000–2100, is 404. The text holds no child data; writes go to the access log.
 */
import type { RouteBuilder } from '../../../../web/route';
import { yearPages } from './year';
import { areaPages } from './area';
import { selfEvaluationApi } from './api';

export function selfEvaluationRoutes(r: RouteBuilder): void {
  yearPages(r);
  areaPages(r);
  selfEvaluationApi(r);
}
