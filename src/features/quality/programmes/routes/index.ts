/**
 * Audit programmes on the web (audit:manage: admin, head of service, QA auditor; everyone else 403):
 *   /quality/programmes                        every programme with its progress and an overdue flag
 *   /quality/programmes/new                    set one up (kind, title, theme, framework version, dates, partners)
 *   /quality/programmes/:programmeId           its summary, the selection record in words, its cases; POST opens or
 *                                              closes it
 *   /quality/programmes/:programmeId/edit      change it
 *   /quality/programmes/:programmeId/select    choose its cases: random, stratified or by a named filter, from a seed
 *   /quality/programmes/:programmeId/allocate  allocate the unallocated cases (never the auditor's own team), or
 *                                              allocate and change auditors by hand
 * Pages that name children (the programme, allocation) are written to the access log as views; every POST is too.
 * One module a page: list, form (new and edit), show (and open or close), select, allocate.
 */
import type { RouteBuilder } from '../../../../web/route';
import { programmeAllocateRoutes } from './allocate';
import { programmeFormRoutes } from './form';
import { programmeListRoutes } from './list';
import { programmeSelectRoutes } from './select';
import { programmeShowRoutes } from './show';

export function programmeRoutes(r: RouteBuilder): void {
  programmeListRoutes(r);
  programmeFormRoutes(r);
  programmeShowRoutes(r);
  programmeSelectRoutes(r);
  programmeAllocateRoutes(r);
}
