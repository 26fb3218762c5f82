import { can, isTeamScoped } from '../../domain/roles';
import { suppress } from '../../domain/suppression';
import { todayInLondon } from '../../domain/today';
import { anyoneSignedIn } from '../../domain/policies';
import { paths } from '../../web/paths';
import type { RouteBuilder } from '../../web/route';
import { authorityOverview, names, teamCaseloads } from './overview';

export function homeRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.home,
    access: anyoneSignedIn,
    audit: null,
    handler: async ({ res, user, services }) => {
      const asAt = todayInLondon();
      const db = services.db;
      const { authority, team } = await names(db, user.authorityId, user.teamId);
      const overview = can(user.role, 'aggregate:read') ? await authorityOverview(db, user.authorityId, asAt) : null;
      // Members and the public see small numbers suppressed; staff with child access see counts as they are.
      const show = (n: number) => (can(user.role, 'child:read') ? n : suppress(n));
      const figures = overview && [
        { label: 'Children in need', value: show(overview.childrenInNeed) },
        { label: 'On a child protection plan', value: show(overview.childProtection) },
        { label: 'Children in care', value: show(overview.inCare) },
        { label: 'Care leavers supported', value: show(overview.careLeavers) },
      ];
      const caseloads = isTeamScoped(user.role) && user.teamId !== null ? await teamCaseloads(db, user.teamId) : null;
      res.render('home/views/home.njk', {
        pageTitle: 'Home',
        authority,
        team,
        asAt,
        figures,
        caseloads,
        suppressed: !can(user.role, 'child:read'),
        canSearch: can(user.role, 'child:search'),
        canAdmin: can(user.role, 'user:manage'),
        canReadLog: can(user.role, 'access-log:read'),
      });
    },
  });
}
