/**
 * What the actions set at case audits tell leaders, counted in one place for the results page (/quality), the QA
 * report (report/content.ts) and the summary on the actions list (/quality/actions):
 *
 * - Themes from actions: for each practice domain (an action's domain is its theme), the actions raised, and of
 *   those how many are open, overdue, completed (on time or late) — each as at a day.
 * - Overdue actions by team: the audit's team (case_audits.team_id, the team when audited).
 *
 * The rules, for a day D (today on the pages; the report month's last day, or today if earlier, in the report):
 *   raised     the action was created (London date of created_at) in the period, when one is given
 *   completed  status complete and completed_on on or before D
 *   open       not completed as at D
 *   overdue    open as at D and due_on before D (due today is not overdue; due yesterday is overdue by 1 day)
 *   on time    completed with completed_on on or before due_on; late when after it
 * Actions without a domain are grouped as "No theme". Only actions on the authority's audits count.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { rows } from '../../db/query';
import { childInTeam } from '../children/scope';

/** Which actions a user may see: the whole authority, or a team's children plus the actions they own or set. */
export type ActionVisibility = { kind: 'authority' } | { kind: 'team'; teamId: number | null; userId: number };

export interface ActionCountFilter {
  /** First and last day (YYYY-MM-DD, inclusive) the actions were raised; both or neither. */
  raisedFrom?: string | null;
  raisedTo?: string | null;
  teamId?: number | null;
  /** teams.service_area of the audit's team. */
  serviceArea?: string | null;
  domainId?: number | null;
  ownerUserId?: number | null;
  programmeId?: number | null;
  visibility?: ActionVisibility;
}

export interface ThemeCounts {
  raised: number;
  open: number;
  overdue: number;
  completed: number;
  completedOnTime: number;
  completedLate: number;
}

export interface ThemeRow extends ThemeCounts {
  /** The practice domain's id; null for actions without a theme. */
  domainId: number | null;
  label: string;
}

export interface TeamOverdueRow {
  teamId: number | null;
  label: string;
  open: number;
  overdue: number;
}

/** The London calendar day an action was raised. */
export const raisedOn = (alias: string): SQL =>
  sql`(${sql.identifier(alias)}.created_at at time zone 'Europe/London')::date`;

/** The visibility condition on an action aliased x whose audit is aliased a. */
export function actionVisible(v: ActionVisibility | undefined): SQL {
  if (!v || v.kind === 'authority') return sql`true`;
  const mine = sql`(x.owner_user_id = ${v.userId} or a.auditor_user_id = ${v.userId})`;
  if (v.teamId === null) return mine;
  return sql`(${childInTeam(sql`a.child_id`, v.teamId)} or ${mine})`;
}

/** The where clause every count shares (actions x, audits a, teams t). */
function where(authorityId: number, f: ActionCountFilter): SQL {
  const from = f.raisedFrom ?? null;
  const to = f.raisedTo ?? null;
  return sql`a.authority_id = ${authorityId}
         and (${from}::date is null or ${raisedOn('x')} >= ${from}::date)
         and (${to}::date is null or ${raisedOn('x')} <= ${to}::date)
         and (${f.teamId ?? null}::integer is null or a.team_id = ${f.teamId ?? null}::integer)
         and (${f.serviceArea ?? null}::text is null or t.service_area = ${f.serviceArea ?? null}::text)
         and (${f.domainId ?? null}::bigint is null or x.domain_id = ${f.domainId ?? null}::bigint)
         and (${f.ownerUserId ?? null}::integer is null or x.owner_user_id = ${f.ownerUserId ?? null}::integer)
         and (${f.programmeId ?? null}::bigint is null or a.programme_id = ${f.programmeId ?? null}::bigint)
         and ${actionVisible(f.visibility)}`;
}

/** The counting expressions as at day `asAt`. */
function counts(asAt: string): SQL {
  const done = sql`(x.status = 'complete' and x.completed_on is not null and x.completed_on <= ${asAt}::date)`;
  return sql`count(*) as raised,
             count(*) filter (where not ${done}) as open,
             count(*) filter (where not ${done} and x.due_on < ${asAt}::date) as overdue,
             count(*) filter (where ${done}) as completed,
             count(*) filter (where ${done} and x.completed_on <= x.due_on) as on_time,
             count(*) filter (where ${done} and x.completed_on > x.due_on) as late`;
}

type CountRow = {
  raised: unknown;
  open: unknown;
  overdue: unknown;
  completed: unknown;
  on_time: unknown;
  late: unknown;
};

function countsOf(r: CountRow | undefined): ThemeCounts {
  return {
    raised: Number(r?.raised ?? 0),
    open: Number(r?.open ?? 0),
    overdue: Number(r?.overdue ?? 0),
    completed: Number(r?.completed ?? 0),
    completedOnTime: Number(r?.on_time ?? 0),
    completedLate: Number(r?.late ?? 0),
  };
}

export function emptyThemeCounts(): ThemeCounts {
  return countsOf(undefined);
}

/**
 * Actions by theme as at `asAt`: every practice domain of the authority in its order (even with no actions, unless
 * filtered to one), then "No theme" when some actions have none.
 */
export async function actionThemes(
  db: Tx,
  authorityId: number,
  filter: ActionCountFilter,
  asAt: string,
): Promise<ThemeRow[]> {
  const [domains, found] = await Promise.all([
    rows<{ id: unknown; title: string }>(
      db,
      sql`select id, title from practice_domains where authority_id = ${authorityId} order by sort_order, id`,
    ),
    rows<CountRow & { domain_id: unknown }>(
      db,
      sql`select x.domain_id, ${counts(asAt)}
            from case_audit_actions x
            join case_audits a on a.id = x.audit_id
            left join teams t on t.id = a.team_id
           where ${where(authorityId, filter)}
           group by x.domain_id`,
    ),
  ]);
  const byDomain = new Map(found.map((r) => [r.domain_id === null ? 'none' : String(Number(r.domain_id)), r]));
  const out: ThemeRow[] = domains
    .filter((d) => filter.domainId == null || Number(d.id) === filter.domainId)
    .map((d) => ({ domainId: Number(d.id), label: d.title, ...countsOf(byDomain.get(String(Number(d.id)))) }));
  const none = byDomain.get('none');
  if (none) out.push({ domainId: null, label: 'No theme', ...countsOf(none) });
  return out;
}

/** Every row of `actionThemes` added up. */
export function themeTotals(list: readonly ThemeCounts[]): ThemeCounts {
  const t = emptyThemeCounts();
  for (const r of list) {
    t.raised += r.raised;
    t.open += r.open;
    t.overdue += r.overdue;
    t.completed += r.completed;
    t.completedOnTime += r.completedOnTime;
    t.completedLate += r.completedLate;
  }
  return t;
}

/**
 * Open and overdue actions by the audit's team as at `asAt`, teams with an open action only, by name ("No team"
 * last). The period (raisedFrom/raisedTo) is usually left out: what is overdue now, whenever it was raised.
 */
export async function overdueByTeam(
  db: Tx,
  authorityId: number,
  filter: ActionCountFilter,
  asAt: string,
): Promise<TeamOverdueRow[]> {
  const found = await rows<CountRow & { team_id: unknown; name: string | null }>(
    db,
    sql`select a.team_id, t.name, ${counts(asAt)}
          from case_audit_actions x
          join case_audits a on a.id = x.audit_id
          left join teams t on t.id = a.team_id
         where ${where(authorityId, filter)}
         group by a.team_id, t.name`,
  );
  return found
    .map((r) => ({
      teamId: r.team_id === null ? null : Number(r.team_id),
      label: r.name ?? 'No team',
      open: Number(r.open),
      overdue: Number(r.overdue),
    }))
    .filter((r) => r.open > 0)
    .sort((a, b) => (a.teamId === null ? 1 : b.teamId === null ? -1 : a.label.localeCompare(b.label, 'en-GB')));
}

/** Whole calendar days from `due` to `today` (due yesterday: 1); 0 or less when not overdue. */
export function daysOverdue(due: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000);
}
