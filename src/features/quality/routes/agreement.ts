/**
 * /quality/agreement: auditor against moderator — exact agreement and weighted kappa, overall, by auditor and domain.
 */
import { todayInLondon } from '../../../domain/today';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { moderationAgreement } from '../moderation-results';
import { periodDay } from '../results';
import { agreementRow, countText, GRADE_HEADS, monthLabel, readResultsQuery, showAgreement } from '../results-view';
import { audienceOf } from './audience';

const KAPPA_EXPLAINED =
  'Weighted kappa measures how far auditors and moderators agree beyond what chance alone would give: 1 is full agreement, 0 is no better than chance, and below 0 is worse than chance. The weights are linear: grades one step apart (good against requires improvement) count as two-thirds agreement, two steps apart as one-third, and outstanding against inadequate as none.';

export function agreementPage(r: RouteBuilder): void {
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
}
