/**
 * The audit results API: GET /api/audit-results?from=&to=&by=&domain=&team=&service= and
 * GET /api/audit-results/agreement?from=&to=.
 */
import { todayInLondon } from '../../../domain/today';
import { ValidationError } from '../../../core/errors';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { auditAgreementResponse, auditResultsResponse } from '../api';
import { moderationAgreement } from '../moderation-results';
import { gradeDistribution, gradeTotals, periodDay, type ResultFilter } from '../results';
import { agreementApiQuery, apiPeriod, resultsApiQuery, showAgreement, showCounts } from '../results-view';
import { audienceOf } from './audience';

export function resultsApi(r: RouteBuilder): void {
  r.api({
    method: 'get',
    path: paths.api.auditResults,
    access: 'quality:read',
    audit: null,
    tag: 'Audits',
    summary: 'Case audit grades by domain, team, service area or month',
    description:
      'Counted domain grades of the case audits submitted in the period (from, to: YYYY-MM, inclusive; default the last 12 complete months), grouped by `by` (domain, team, service, month), optionally for one domain, team or service area. The grade that counts is the moderated (agreed) one when there is one, else the auditor’s; drafts never count. For members, counts from 1 to 4 (and shares made from them) are "c".',
    query: resultsApiQuery,
    response: auditResultsResponse,
    handler: async ({ query, user, services }) => {
      const period = apiPeriod(query, todayInLondon());
      if (period.error) throw new ValidationError([{ field: 'to', message: period.error }]);
      const audience = audienceOf(user);
      const filter: ResultFilter = {
        from: period.from,
        to: period.to,
        domainId: query.domain ?? null,
        teamId: query.team ?? null,
        serviceArea: query.service ?? null,
      };
      const [found, totals] = await Promise.all([
        gradeDistribution(services.db, user.authorityId, { ...filter, by: query.by }),
        gradeTotals(services.db, user.authorityId, filter),
      ]);
      return {
        from: period.from,
        to: period.to,
        by: query.by,
        filters: { domain: filter.domainId ?? null, team: filter.teamId ?? null, service: filter.serviceArea ?? null },
        rows: found.map((row) => ({ key: row.key, label: row.label, ...showCounts(row, audience) })),
        total: showCounts(totals, audience),
      };
    },
  });

  r.api({
    method: 'get',
    path: paths.api.auditAgreement,
    access: 'quality:read',
    audit: null,
    tag: 'Audits',
    summary: 'Moderation agreement: auditor against moderator',
    description:
      'Exact agreement and Cohen’s weighted kappa (linear weights) between each moderated domain grade’s auditor grade and the latest moderation’s grade, for audits submitted in the period (from, to: YYYY-MM; default the last 12 complete months): overall with the 4×4 table, by auditor and by domain. For members, counts from 1 to 4 (and figures made from them) are "c".',
    query: agreementApiQuery,
    response: auditAgreementResponse,
    handler: async ({ query, user, services }) => {
      const period = apiPeriod(query, todayInLondon());
      if (period.error) throw new ValidationError([{ field: 'to', message: period.error }]);
      const audience = audienceOf(user);
      const summary = await moderationAgreement(services.db, user.authorityId, {
        from: periodDay(period.from, 'from'),
        to: periodDay(period.to, 'to'),
      });
      return {
        from: period.from,
        to: period.to,
        overall: showAgreement(summary.overall, audience),
        byAuditor: summary.byAuditor.map((a) => ({ auditor: a.auditor, ...showAgreement(a, audience) })),
        byDomain: summary.byDomain.map((d) => ({ domain: d.domain, ...showAgreement(d, audience) })),
      };
    },
  });
}
