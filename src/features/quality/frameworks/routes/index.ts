/**
 * Audit frameworks and practice domains on the web.
 *
 * Read (audit:manage, audit:conduct or audit:read — frameworks hold no child data; not written to the access log):
 *   /quality/frameworks                                   every framework with its versions and how many audits used each
 *   /quality/frameworks/:frameworkId                      → the latest version
 *   /quality/frameworks/:frameworkId/versions/:version    a version whole: notes, domains, questions, grade descriptors
 *   /quality/domains                                      the authority's practice domains and the versions using them
 * Change (audit:manage; each POST names its access-log action):
 *   /quality/frameworks/new                               create a framework (and its empty draft version 1)
 *   POST /quality/frameworks/:frameworkId/versions        the next draft, a copy of the latest version
 *   /quality/frameworks/:id/versions/:version/edit        a draft's notes and practice domains (ticked, ordered)
 *   /quality/frameworks/:id/versions/:version/domains/:domainId   one domain's guidance, questions, descriptors
 *   POST /quality/frameworks/:id/versions/:version/publish        publish (retires the version it replaces)
 *   POST /quality/domains, /quality/domains/:domainId     add a practice domain, change its title or description
 * A published or retired version is fixed: a change to it answers 409 with a page saying so.
 * One module a page or sub-journey: list, version, version-form, domain-form, domains.
 */
import type { RouteBuilder } from '../../../../web/route';
import { frameworkDomainFormRoutes } from './domain-form';
import { practiceDomainRoutes } from './domains';
import { frameworkListRoutes } from './list';
import { frameworkVersionFormRoutes } from './version-form';
import { frameworkVersionRoutes } from './version';

export function frameworkRoutes(r: RouteBuilder): void {
  frameworkListRoutes(r);
  frameworkVersionRoutes(r);
  frameworkVersionFormRoutes(r);
  frameworkDomainFormRoutes(r);
  practiceDomainRoutes(r);
}
