/**
 * /trackers: every tracker with its counts (no child is listed, so nothing is audited); authority-wide users also get
 * each team's own list of work due.
 */
import { isIsoDate } from '../../../domain/dates';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { trackersService } from '../service';
import { viewer } from './viewer';

const one = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() : undefined);

export function listPage(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.trackers.index,
    access: 'trackers:read',
    // Counts only: no child is listed, so nothing to audit.
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const asAt = one(req.query.asAt);
      const valid = asAt && isIsoDate(asAt) ? asAt : undefined;
      const service = trackersService(services.db);
      const v = viewer(user);
      const counts = await service.counts(v, valid);
      // Authority-wide users also get each team's own list of work due, the page a team manager works from.
      const teamLinks =
        v.scope.kind === 'authority'
          ? (await service.filterOptions(v, null)).teams.map((t) => ({
              text: t.name,
              href: paths.withQuery(paths.trackers.tracker({ tracker: 'due' }), { team: t.id, asAt: valid }),
            }))
          : [];
      res.render('trackers/views/index.njk', {
        pageTitle: 'Trackers',
        teamLinks,
        scopeKind: v.scope.kind,
        rows: counts.map((c) => [
          {
            html: `<a class="govuk-link" href="${paths.trackers.tracker({ tracker: c.id })}">${c.title}</a><br><span class="govuk-hint govuk-!-font-size-16">${c.description}</span>`,
          },
          { text: c.total.toLocaleString('en-GB'), format: 'numeric' },
          { text: c.id === 'caseloads' ? '' : c.overdue.toLocaleString('en-GB'), format: 'numeric' },
        ]),
      });
    },
  });
}
