/** GET /quality/actions: every action the user may see, with filters, pages and the themes table. */
import { sql } from 'drizzle-orm';
import { rows } from '../../../../db/query';
import { todayInLondon } from '../../../../domain/today';
import { pagination, pageWindow, requestedPage, showingText, withLabel } from '../../../../web/pagination';
import { paths } from '../../../../web/paths';
import type { RouteBuilder } from '../../../../web/route';
import { actionThemes, themeTotals } from '../../action-themes';
import {
  ACTION_STATUS_FILTERS,
  formatDay,
  actionOwners,
  countActions,
  listActions,
  visibilityOf,
  type ActionStatusFilter,
} from '../service';
import { listChoices } from '../../audits/service';
import { idOf, statusTag } from './shared';

/** Rows a page of the list. */
const ACTIONS_PAGE_SIZE = 50;

const STATUS_LABELS: Record<ActionStatusFilter, string> = { open: 'Open', overdue: 'Overdue', complete: 'Complete' };

export function actionListRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.quality.actions,
    access: 'audit:read',
    audit: 'quality.actions.list',
    handler: async ({ req, res, user, services, audit }) => {
      const db = services.db;
      const today = todayInLondon();
      const q = req.query as Record<string, unknown>;
      const status = ACTION_STATUS_FILTERS.find((s) => s === q.status) ?? null;
      const filter = {
        status,
        domainId: idOf(q.theme),
        teamId: idOf(q.team),
        ownerUserId: idOf(q.owner),
        programmeId: idOf(q.programme),
      };
      const [total, owners, themes, domains, { teams, programmes }] = await Promise.all([
        countActions(db, user, filter, today),
        actionOwners(db, user),
        actionThemes(
          db,
          user.authorityId,
          {
            teamId: filter.teamId,
            ownerUserId: filter.ownerUserId,
            programmeId: filter.programmeId,
            visibility: visibilityOf(user),
          },
          today,
        ),
        rows<{ id: unknown; title: string }>(
          db,
          sql`select id, title from practice_domains where authority_id = ${user.authorityId} order by sort_order, id`,
        ),
        listChoices(db, user.authorityId),
      ]);
      const window = pageWindow(requestedPage(q.page), total, ACTIONS_PAGE_SIZE);
      const found = await listActions(db, user, filter, today, window);
      await audit.record(db, {
        recordType: 'authority',
        recordId: String(user.authorityId),
        detail: { shown: found.length, total, page: window.page, status },
      });
      const link = (page: number) =>
        paths.quality.actionsFor({
          status,
          theme: filter.domainId,
          team: filter.teamId,
          owner: filter.ownerUserId,
          programme: filter.programmeId,
          page: page > 1 ? page : undefined,
        });
      const select = (list: Array<{ value: string; text: string }>, chosen: string | null, all: string) => [
        { value: '', text: all, selected: chosen === null },
        ...list.map((i) => ({ ...i, selected: i.value === chosen })),
      ];
      const idText = (n: number | null) => (n === null ? null : String(n));
      const totals = themeTotals(themes);
      res.render('quality/actions/views/list.njk', {
        pageTitle: 'Audit actions',
        filters: {
          status: select(
            ACTION_STATUS_FILTERS.map((s) => ({ value: s, text: STATUS_LABELS[s] })),
            status,
            'Any status',
          ),
          themes: select(
            domains.map((d) => ({ value: String(Number(d.id)), text: d.title })),
            idText(filter.domainId),
            'All themes',
          ),
          teams: select(
            teams.map((t) => ({ value: String(t.id), text: t.name })),
            idText(filter.teamId),
            'All teams',
          ),
          owners: select(
            owners.map((o) => ({ value: String(o.id), text: o.name })),
            idText(filter.ownerUserId),
            'Anyone',
          ),
          programmes: select(
            programmes.map((p) => ({ value: String(p.id), text: p.title })),
            idText(filter.programmeId),
            'All programmes',
          ),
        },
        actions: found.map((a) => ({
          ...a,
          tag: statusTag(a),
          dueText: formatDay(a.dueOn),
          href: paths.quality.action({ actionId: a.id }),
          auditHref: paths.quality.audit({ auditId: a.auditId }),
          childHref: paths.children.show({ childId: a.childLanternId }),
        })),
        showing: showingText(window, found.length, 'action', 'actions'),
        pagination: withLabel(pagination(window.page, window.totalPages, link), 'Pages of actions'),
        themes: [...themes, { domainId: -1, label: 'All themes', ...totals }],
      });
    },
  });
}
