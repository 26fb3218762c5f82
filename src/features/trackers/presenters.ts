/**
 * Trackers as GOV.UK tables and as CSV: columns per tracker, sortable headings as plain links (no JavaScript),
 * status tags, and the query string that carries the filters from the page to its CSV and its sort links.
 */
import { stringify } from 'csv-stringify/sync';
import { CSV_SAFE_CAST } from '../../domain/csv-safety';
import { escapeHtml } from '../../domain/html';
import { formatDate } from '../../web/views';
import { paths } from '../../web/paths';
import { TRACKERS, type ItemStatus, type TrackerId } from './definitions';
import type { CaseloadRow, TrackerResult, TrackerRow } from './service';

export type Column =
  'child' | 'team' | 'worker' | 'kind' | 'start' | 'last' | 'weeks' | 'days' | 'due' | 'status' | 'notes';

const COLUMNS: Record<Exclude<TrackerId, 'caseloads'>, Column[]> = {
  due: ['child', 'team', 'worker', 'kind', 'start', 'last', 'due', 'status', 'notes'],
  plo: ['child', 'team', 'worker', 'kind', 'start', 'weeks', 'last', 'due', 'status', 'notes'],
  permanence: ['child', 'team', 'worker', 'kind', 'start', 'days', 'due', 'status', 'notes'],
  'cin-panel': ['child', 'team', 'worker', 'start', 'weeks', 'due', 'status'],
  rhi: ['child', 'team', 'worker', 'start', 'last', 'due', 'status', 'notes'],
  'care-leavers': ['child', 'team', 'worker', 'kind', 'start', 'last', 'due', 'status', 'notes'],
};

const SORT_OF: Partial<Record<Column, string>> = {
  child: 'child',
  team: 'team',
  worker: 'worker',
  kind: 'kind',
  start: 'start',
  weeks: 'days',
  days: 'days',
  due: 'due',
  status: 'status',
};

const CASELOAD_COLUMNS: Array<{ key: string; text: string; numeric: boolean }> = [
  { key: 'worker', text: 'Worker', numeric: false },
  { key: 'team', text: 'Team', numeric: false },
  { key: 'children', text: 'Children', numeric: true },
  { key: 'cp', text: 'On a child protection plan', numeric: true },
  { key: 'cla', text: 'In care', numeric: true },
  { key: 'care-leavers', text: 'Care leavers', numeric: true },
];

const TAG: Record<ItemStatus, string> = {
  overdue: 'govuk-tag--red',
  due: 'govuk-tag--yellow',
  'on-track': 'govuk-tag--green',
  done: 'govuk-tag--grey',
};

export function childName(r: { firstName: string | null; lastName: string | null; lanternId: string | null }): string {
  const name = [r.firstName, r.lastName].filter((x): x is string => Boolean(x)).join(' ');
  return name || r.lanternId || 'Not known';
}

/** "3 working days overdue", "Due today", "Due in 1 working day". */
export function timing(r: TrackerRow, asAt: string): string {
  if (r.workingDays === null) return '';
  const wd = (k: number) => `${k} working day${k === 1 ? '' : 's'}`;
  if (r.status === 'overdue')
    return r.dueDate === asAt ? 'Due today' : r.workingDays === 0 ? 'Overdue' : `${wd(r.workingDays)} overdue`;
  if (r.dueDate === asAt) return 'Due today';
  return r.workingDays === 0 ? 'Due before the next working day' : `Due in ${wd(r.workingDays)}`;
}

/** The filters as a query string, for sort links, pages and the CSV. */
export type QueryState = Record<string, string | number | undefined | null>;

function headingText(id: Exclude<TrackerId, 'caseloads'>, c: Column): string {
  const def = TRACKERS[id];
  switch (c) {
    case 'child':
      return 'Child';
    case 'team':
      return 'Team';
    case 'worker':
      return 'Worker';
    case 'kind':
      return 'What';
    case 'start':
      return def.columns.start;
    case 'last':
      return def.columns.last ?? 'Last';
    case 'weeks':
      return 'Weeks';
    case 'days':
      return 'Days';
    case 'due':
      return def.columns.due;
    case 'status':
      return 'Status';
    case 'notes':
      return 'Notes';
  }
}

function sortHeading(
  text: string,
  key: string | undefined,
  numeric: boolean,
  base: string,
  state: QueryState,
  sort: string,
  order: 'asc' | 'desc',
) {
  if (!key) return { text, ...(numeric ? { format: 'numeric' } : {}) };
  const current = sort === key;
  const next = current && order === 'asc' ? 'desc' : 'asc';
  const href = paths.withQuery(base, { ...state, sort: key, order: next, page: undefined });
  const ariaSort = current ? (order === 'asc' ? 'ascending' : 'descending') : 'none';
  const hint = current
    ? ` (sorted ${ariaSort}; select to sort ${next === 'asc' ? 'ascending' : 'descending'})`
    : ' (select to sort)';
  return {
    html: `<a class="govuk-link govuk-link--no-visited-state" href="${escapeHtml(href)}">${escapeHtml(text)}<span class="govuk-visually-hidden">${hint}</span></a>${current ? `<span aria-hidden="true">${order === 'asc' ? ' ▲' : ' ▼'}</span>` : ''}`,
    attributes: { 'aria-sort': ariaSort },
    ...(numeric ? { format: 'numeric' } : {}),
  };
}

export function trackerTable(result: TrackerResult, rows: TrackerRow[], state: QueryState) {
  const id = result.tracker as Exclude<TrackerId, 'caseloads'>;
  const base = paths.trackers.tracker({ tracker: id });
  const columns = COLUMNS[id];
  const numeric = (c: Column) => c === 'weeks' || c === 'days';
  const head = columns.map((c) =>
    sortHeading(headingText(id, c), SORT_OF[c], numeric(c), base, state, result.filters.sort, result.filters.order),
  );
  const body = rows.map((r) =>
    columns.map((c) => {
      switch (c) {
        case 'child':
          return r.lanternId
            ? {
                html: `<a class="govuk-link" href="${paths.children.show({ childId: r.lanternId })}">${escapeHtml(childName(r))}</a><br><span class="govuk-hint govuk-!-font-size-16">${escapeHtml(r.lanternId)}</span>`,
              }
            : { text: 'Not known to Lantern' };
        case 'team':
          return { text: r.team ?? 'No team' };
        case 'worker':
          return { text: r.worker ?? 'Not allocated' };
        case 'kind':
          return { text: r.kindLabel };
        case 'start':
          return { text: formatDate(r.startDate) };
        case 'last':
          return { text: r.lastDate ? formatDate(r.lastDate) : 'None' };
        case 'weeks':
          return { text: r.weeksElapsed === null ? '' : String(r.weeksElapsed), format: 'numeric' };
        case 'days':
          return { text: r.daysElapsed === null ? '' : String(r.daysElapsed), format: 'numeric' };
        case 'due':
          return { text: formatDate(r.dueDate) };
        case 'status': {
          const when = timing(r, result.asAt);
          return {
            html: `<strong class="govuk-tag ${TAG[r.status]}">${escapeHtml(r.statusLabel)}</strong>${when ? `<br><span class="govuk-!-font-size-16">${escapeHtml(when)}</span>` : ''}`,
          };
        }
        case 'notes':
          return { text: r.notes ?? '' };
      }
    }),
  );
  return { head, rows: body };
}

export function caseloadTable(result: TrackerResult, rows: CaseloadRow[], state: QueryState) {
  const base = paths.trackers.tracker({ tracker: 'caseloads' });
  const head = CASELOAD_COLUMNS.map((c) =>
    sortHeading(c.text, c.key, c.numeric, base, state, result.filters.sort, result.filters.order),
  );
  const body = rows.map((r) => [
    {
      html: `${escapeHtml(r.worker)} <span class="govuk-hint govuk-!-font-size-16">${escapeHtml(r.workerRef)}</span>${r.agency ? ' <strong class="govuk-tag govuk-tag--grey">Agency</strong>' : ''}`,
    },
    { text: r.team ?? 'No team' },
    { text: String(r.children), format: 'numeric' },
    { text: String(r.cp), format: 'numeric' },
    { text: String(r.cla), format: 'numeric' },
    { text: String(r.careLeavers), format: 'numeric' },
  ]);
  return { head, rows: body };
}

/** The same list as CSV: one row per item (or per worker for caseloads), dates as YYYY-MM-DD. */
export function trackerCsv(result: TrackerResult): string {
  if (result.tracker === 'caseloads') {
    return stringify(
      result.caseloads.map((r) => [
        r.team ?? '',
        r.worker,
        r.workerRef,
        r.role,
        r.agency ? 'yes' : 'no',
        r.children,
        r.cp,
        r.cla,
        r.careLeavers,
      ]),
      {
        ...CSV_SAFE_CAST,
        header: true,
        columns: ['team', 'worker', 'worker_ref', 'role', 'agency', 'children', 'cp_plans', 'in_care', 'care_leavers'],
      },
    );
  }
  return stringify(
    result.rows.map((r) => [
      r.lanternId ?? '',
      r.firstName ?? '',
      r.lastName ?? '',
      r.team ?? '',
      r.worker ?? '',
      r.workerRef ?? '',
      r.kind,
      r.kindLabel,
      r.startDate ?? '',
      r.lastDate ?? '',
      r.dueDate,
      r.status,
      r.workingDays ?? '',
      r.weeksElapsed ?? '',
      r.notes ?? '',
    ]),
    {
      ...CSV_SAFE_CAST,
      header: true,
      columns: [
        'lantern_id',
        'first_name',
        'last_name',
        'team',
        'worker',
        'worker_ref',
        'kind',
        'what',
        'start_date',
        'last_date',
        'due_date',
        'status',
        'working_days',
        'weeks_elapsed',
        'notes',
      ],
    },
  );
}
