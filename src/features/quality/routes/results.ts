/**
 * /quality: grade distribution by domain, team, service area and month for a period (default the last 12 complete
 * months) with filters, the share good or better over time, moderation agreement, and the actions' themes.
 */
import { can } from '../../../domain/roles';
import { todayInLondon } from '../../../domain/today';
import { lineChartSvg } from '../../../documents/charts/line-chart';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { shortPeriodLabel } from '../../indicators/periods';
import { actionThemes, overdueByTeam } from '../action-themes';
import { moderationAgreement } from '../moderation-results';
import { goodOrBetterByMonth, gradeDistribution, gradeTotals, periodDay, type ResultFilter } from '../results';
import {
  countsRow,
  countText,
  filterChoices,
  GRADE_HEADS,
  kappaText,
  monthKeys,
  monthLabel,
  percentText,
  readResultsQuery,
  showAgreement,
  showCounts,
  shownCount,
  shownShare,
} from '../results-view';
import { audienceOf } from './audience';

export function resultsPage(r: RouteBuilder): void {
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
}
