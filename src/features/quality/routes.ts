/**
 * What case audits tell leaders, on the web and the API (quality:read; members see counts from 1 to 4 as "c"):
 *   /quality             grade distribution by domain, team, service area and month for a period (default the last
 *                        12 complete months) with filters, the share good or better over time, moderation agreement
 *   /quality/agreement   auditor against moderator: exact agreement and weighted kappa, overall, by auditor and domain
 * API: GET /api/audit-results?from=&to=&by=&domain=&team=&service=, GET /api/audit-results/agreement?from=&to=.
 * Aggregates only (no child is named): not written to the access log.
 */
import { can } from '../../domain/roles';
import { todayInLondon } from '../../domain/today';
import { ValidationError } from '../../core/errors';
import { lineChartSvg } from '../../documents/charts/line-chart';
import { paths } from '../../web/paths';
import type { RouteBuilder } from '../../web/route';
import { shortPeriodLabel } from '../indicators/periods';
import type { Audience } from '../indicators/present';
import type { CurrentUser } from '../../accounts/users/service';
import { actionThemes, overdueByTeam } from './action-themes';
import { auditAgreementResponse, auditResultsResponse } from './api';
import { moderationAgreement } from './moderation-results';
import { goodOrBetterByMonth, gradeDistribution, gradeTotals, periodDay, type ResultFilter } from './results';
import {
  agreementApiQuery,
  agreementRow,
  apiPeriod,
  countsRow,
  countText,
  filterChoices,
  GRADE_HEADS,
  kappaText,
  monthKeys,
  monthLabel,
  percentText,
  readResultsQuery,
  resultsApiQuery,
  showAgreement,
  showCounts,
  shownCount,
  shownShare,
} from './results-view';

function audienceOf(user: CurrentUser): Audience {
  return can(user.role, 'child:read') ? 'staff' : 'members';
}

const KAPPA_EXPLAINED =
  'Weighted kappa measures how far auditors and moderators agree beyond what chance alone would give: 1 is full agreement, 0 is no better than chance, and below 0 is worse than chance. The weights are linear: grades one step apart (good against requires improvement) count as two-thirds agreement, two steps apart as one-third, and outstanding against inadequate as none.';

export function qualityRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.quality.results,
    access: 'quality:read',
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const db = services.db;
      const authorityId = user.authorityId;
      const today = todayInLondon();
      const audience = audienceOf(user);
      const { query, errors } = readResultsQuery(req.query, today);
      const filter: ResultFilter = {
        from: query.from,
        to: query.to,
        domainId: query.domainId,
        teamId: query.teamId,
        serviceArea: query.serviceArea,
      };
      const months = monthKeys(query.from, query.to);
      const actionFilter = { teamId: query.teamId, serviceArea: query.serviceArea, domainId: query.domainId };
      const [byDomain, byTeam, byService, byMonth, totals, shares, agreement, choices, themes, overdue] =
        await Promise.all([
          gradeDistribution(db, authorityId, { ...filter, by: 'domain' }),
          gradeDistribution(db, authorityId, { ...filter, by: 'team' }),
          gradeDistribution(db, authorityId, { ...filter, by: 'service' }),
          gradeDistribution(db, authorityId, { ...filter, by: 'month' }),
          gradeTotals(db, authorityId, filter),
          goodOrBetterByMonth(db, authorityId, {
            months,
            domainId: query.domainId,
            teamId: query.teamId,
            serviceArea: query.serviceArea,
          }),
          moderationAgreement(db, authorityId, { from: periodDay(query.from, 'from'), to: periodDay(query.to, 'to') }),
          filterChoices(db, authorityId),
          actionThemes(
            db,
            authorityId,
            { ...actionFilter, raisedFrom: periodDay(query.from, 'from'), raisedTo: periodDay(query.to, 'to') },
            today,
          ),
          overdueByTeam(db, authorityId, actionFilter, today),
        ]);
      const periodText =
        query.from === query.to ? monthLabel(query.from) : `${monthLabel(query.from)} to ${monthLabel(query.to)}`;
      const scope = [
        query.domainId !== null ? choices.domains.find((d) => d.id === query.domainId)?.title : undefined,
        query.teamId !== null ? choices.teams.find((t) => t.id === query.teamId)?.name : undefined,
        query.serviceArea !== null ? choices.serviceAreas.find((a) => a.key === query.serviceArea)?.label : undefined,
      ].filter((s): s is string => Boolean(s));
      const chartPoints = shares.map((s) => {
        const v = shownShare(s.numerator, s.denominator, audience);
        return {
          label: shortPeriodLabel({ kind: 'month', start: `${s.month}-01`, end: periodDay(s.month, 'to') }),
          value: typeof v === 'number' ? Math.round(v * 1000) / 10 : null,
        };
      });
      const overall = showAgreement(agreement.overall, audience);
      const select = <T>(
        list: readonly T[],
        value: (t: T) => string,
        text: (t: T) => string,
        chosen: string | null,
        all: string,
      ) => [
        { value: '', text: all, selected: chosen === null },
        ...list.map((t) => ({ value: value(t), text: text(t), selected: value(t) === chosen })),
      ];
      const values = {
        from: typeof req.query.from === 'string' ? req.query.from : query.from,
        to: typeof req.query.to === 'string' ? req.query.to : query.to,
      };
      res.status(errors.length ? 400 : 200).render('quality/views/results.njk', {
        pageTitle: `${errors.length ? 'Error: ' : ''}Audit results`,
        errors,
        errorList: errors.map((e) => ({ text: e.message, href: `#${e.field}` })),
        errorFor: Object.fromEntries(errors.map((e) => [e.field, { text: e.message }])),
        values,
        periodText,
        scopeText: scope.join(', '),
        audience,
        filters: {
          domains: select(
            choices.domains,
            (d) => String(d.id),
            (d) => d.title,
            query.domainId === null ? null : String(query.domainId),
            'All domains',
          ),
          teams: select(
            choices.teams,
            (t) => String(t.id),
            (t) => t.name,
            query.teamId === null ? null : String(query.teamId),
            'All teams',
          ),
          serviceAreas: select(
            choices.serviceAreas,
            (a) => a.key,
            (a) => a.label,
            query.serviceArea,
            'All service areas',
          ),
        },
        gradeHeads: GRADE_HEADS,
        totals: { ...countsRow('All domain grades', totals, audience), shown: showCounts(totals, audience) },
        byDomain: byDomain.map((row) => countsRow(row.label, row, audience)),
        byTeam: byTeam.map((row) => countsRow(row.label, row, audience)),
        byService: byService.map((row) => countsRow(row.label, row, audience)),
        byMonth: byMonth.map((row) => countsRow(row.label, row, audience)),
        chart: lineChartSvg({
          id: 'audits-good-or-better',
          title: `Domain grades good or better: ${periodText}`,
          points: chartPoints,
          suffix: '%',
          target: 60,
        }),
        chartRows: shares.map((s) => ({
          label: s.label,
          numerator: countText(audience === 'members' && s.numerator > 0 && s.numerator < 5 ? 'c' : s.numerator),
          denominator: countText(
            audience === 'members' && s.denominator > 0 && s.denominator < 5 ? 'c' : s.denominator,
          ),
          value: percentText(shownShare(s.numerator, s.denominator, audience)),
        })),
        agreement: {
          pairs: countText(overall.pairs),
          exact: percentText(overall.exactShare, 'No moderated grades'),
          kappa: kappaText(overall.weightedKappa),
        },
        agreementHref: paths.withQuery(paths.quality.agreement({}), { from: query.from, to: query.to }),
        reportHref: paths.quality.reportFor({ month: query.to }),
        reportMonth: monthLabel(query.to),
        indicatorHref: paths.performance.indicator({ indicatorId: 'audits-good-or-better' }),
        actionThemes: themes.map((t) => ({
          label: t.label,
          cells: [t.raised, t.open, t.overdue, t.completed].map((n) => countText(shownCount(n, audience))),
        })),
        overdueByTeam: overdue.map((t) => ({
          label: t.label,
          cells: [t.open, t.overdue].map((n) => countText(shownCount(n, audience))),
        })),
        actionsHref: can(user.role, 'audit:read') ? paths.quality.actions({}) : null,
      });
    },
  });

  r.page({
    method: 'get',
    path: paths.quality.agreement,
    access: 'quality:read',
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const today = todayInLondon();
      const audience = audienceOf(user);
      const { query, errors } = readResultsQuery(req.query, today);
      const summary = await moderationAgreement(services.db, user.authorityId, {
        from: periodDay(query.from, 'from'),
        to: periodDay(query.to, 'to'),
      });
      const overall = showAgreement(summary.overall, audience);
      const periodText =
        query.from === query.to ? monthLabel(query.from) : `${monthLabel(query.from)} to ${monthLabel(query.to)}`;
      res.status(errors.length ? 400 : 200).render('quality/views/agreement.njk', {
        pageTitle: `${errors.length ? 'Error: ' : ''}Moderation agreement`,
        errorList: errors.map((e) => ({ text: e.message, href: `#${e.field}` })),
        errorFor: Object.fromEntries(errors.map((e) => [e.field, { text: e.message }])),
        values: {
          from: typeof req.query.from === 'string' ? req.query.from : query.from,
          to: typeof req.query.to === 'string' ? req.query.to : query.to,
        },
        periodText,
        kappaExplained: KAPPA_EXPLAINED,
        overall: agreementRow('All moderated domain grades', summary.overall, audience),
        byAuditor: summary.byAuditor.map((a) => agreementRow(a.auditor, a, audience)),
        byDomain: summary.byDomain.map((d) => agreementRow(d.domain, d, audience)),
        gradeHeads: GRADE_HEADS,
        matrix: GRADE_HEADS.map((label, i) => ({ label, cells: (overall.counts[i] ?? []).map(countText) })),
        resultsHref: paths.quality.resultsFor({ from: query.from, to: query.to }),
      });
    },
  });

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
