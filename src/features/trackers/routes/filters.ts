/**
 * A tracker page's filters, read from its GET query (/trackers/:tracker and its CSV): forgiving about empty fields,
 * specific about wrong ones, every error at once. The output is the service's request, the query to keep in links
 * (sorting, pages, the CSV) and the page number.
 */
import { z } from 'zod';
import { isIsoDate } from '../../../domain/dates';
import { filterQuery, formText, str, type FormBody } from '../../../web/form-input';
import { STATUSES } from '../definitions';
import type { QueryState } from '../presenters';
import type { TrackerRequest } from '../service';

/** A filter as typed, trimmed ('' when absent). */
const field = formText.pipe(z.string().trim());

/** A filter that may be left empty, or must pass `check`. */
const optional = (check: (v: string) => boolean, message: string) => field.refine((v) => v === '' || check(v), message);

const isStatus = (v: string): v is NonNullable<TrackerRequest['status']> => (STATUSES as readonly string[]).includes(v);

export const trackerQuery = filterQuery({
  asAt: optional(isIsoDate, 'Enter the date as YYYY-MM-DD, for example 2026-03-27'),
  team: optional((v) => /^\d{1,9}$/.test(v), 'Choose a team from the list'),
  worker: optional((v) => v === 'all' || /^\d{1,9}$/.test(v), 'Choose a worker from the list'),
  status: optional(isStatus, 'Choose a status from the list'),
  kind: field,
  sort: field,
  order: field,
  page: field,
}).transform((q) => {
  const asAt = q.asAt || undefined;
  const team = q.team || undefined;
  const worker = q.worker || undefined;
  const kind = q.kind || undefined;
  const status = q.status || undefined;
  const sort = q.sort || undefined;
  const order = q.order === 'desc' ? 'desc' : 'asc';
  const request: TrackerRequest = {
    asAt,
    teamId: team === undefined ? null : Number(team),
    workerId: worker === undefined ? undefined : worker === 'all' ? null : Number(worker),
    kind: kind ?? null,
    status: status !== undefined && isStatus(status) ? status : null,
    sort,
    order,
  };
  const state: QueryState = { asAt, team, worker, kind, status, sort, order: sort ? order : undefined };
  const page = Math.max(1, Math.min(100_000, Number.parseInt(q.page || '1', 10) || 1));
  return { request, state, page };
});

/** The filters to show again, as they came, when the page answers with errors. */
export function filterValues(input: FormBody) {
  const one = (name: string) => str(input[name]).trim();
  return { asAt: one('asAt'), team: one('team'), worker: one('worker'), kind: one('kind'), status: one('status') };
}

/** The team whose workers the worker filter offers when the page answers with errors: the team asked for, if a number. */
export function teamAskedFor(input: FormBody): number | null {
  const team = str(input.team).trim();
  return /^\d+$/.test(team) ? Number(team) : null;
}
