/**
 * Find a child, open their record, read their chronology — within the user's scope, and audited.
 *
 * Scope comes from `childScope(user)` and is applied in SQL, so a child outside it is never read. A child who does
 * not exist and a child the user may not see give the same NotFoundError. Every view writes its access-log entry
 * inside the same transaction as the reads: if the entry cannot be written, nothing is returned.
 */
import type { Db, Tx } from '../../db/client';
import { can, childScope } from '../../domain/roles';
import { todayInLondon } from '../../domain/today';
import { ForbiddenError, NotFoundError } from '../../core/errors';
import type { Auditor } from '../../accounts/access-log/auditor';
import type { CurrentUser } from '../../accounts/users/service';
import { ALLOCATION_ROLE, DISABILITY, ETHNICITY, label, RELATIONSHIP, SEX } from './code-labels';
import { toEntries, type ChronologyEntry } from './chronology';
import { toRecordSources, type RecordSources } from './sources';
import type { ChildrenRepository, ChildSummaryRow } from './repository';
import { parseSearch, type SearchKind } from './search-query';
import { ageAt, isOpenAt, STATUS_LABELS, statusAt, type Episode, type Status } from './status';

export { childrenRepository } from './repository';

export const PAGE_SIZE = 20;

export interface ChildrenServiceOptions {
  /** Today's date (YYYY-MM-DD); tests fix it. */
  today?: () => string;
  pageSize?: number;
}

export interface StatusView {
  main: Status;
  mainLabel: string;
  all: Array<{ code: Status; label: string }>;
}

export interface ChildSummary {
  lanternId: string;
  laChildId: string;
  firstName: string | null;
  lastName: string | null;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  age: number | null;
  status: StatusView;
  currentTeam: string | null;
}

export interface SearchResult {
  kind: SearchKind;
  scope: { kind: 'authority' } | { kind: 'team'; teamName: string | null } | { kind: 'none' };
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
  results: ChildSummary[];
}

export interface ChildRecord extends ChildSummary {
  asAt: string;
  upn: string | null;
  upnUnknownReason: string | null;
  dateOfDeath: string | null;
  sex: string;
  sexLabel: string;
  gender: string | null;
  ethnicity: string;
  ethnicityLabel: string;
  firstLanguage: string | null;
  religion: string | null;
  postcodeDistrict: string | null;
  disabilities: Array<{ code: string; label: string; recordedDate: string | null }>;
  uasc: boolean;
  immigrationStatuses: Array<{ status: string; startDate: string; endDate: string | null; current: boolean }>;
  familyLinks: Array<{
    relationship: string;
    relationshipLabel: string;
    familyRef: string | null;
    relatedDateOfBirth: string | null;
    /** Only when the related child is in Lantern and within the user's scope. */
    related: { lanternId: string; firstName: string | null; lastName: string | null } | null;
  }>;
  allocations: Array<{
    role: string;
    roleLabel: string;
    worker: string | null;
    team: string | null;
    startDate: string;
    endDate: string | null;
    endReason: string | null;
    isPrimary: boolean;
    current: boolean;
  }>;
  chronology: ChronologyEntry[];
  /** Where the child and each event came from (sources.ts), when asked for; else null. */
  sources: RecordSources | null;
}

const LANTERN_ID = /^L\d{7}$/;

function statusView(episodes: readonly Episode[], date: string): StatusView {
  const s = statusAt(episodes, date);
  return {
    main: s.main,
    mainLabel: STATUS_LABELS[s.main],
    all: s.all.map((code) => ({ code, label: STATUS_LABELS[code] })),
  };
}

function summary(row: ChildSummaryRow, episodes: readonly Episode[], today: string): ChildSummary {
  const ageDate = row.dateOfDeath && row.dateOfDeath < today ? row.dateOfDeath : today;
  return {
    lanternId: row.lanternId,
    laChildId: row.laChildId,
    firstName: row.firstName,
    lastName: row.lastName,
    dateOfBirth: row.dateOfBirth,
    expectedDateOfBirth: row.expectedDateOfBirth,
    age: ageAt(row.dateOfBirth, ageDate),
    status: statusView(episodes, today),
    currentTeam: row.currentTeam,
  };
}

export function childrenService(db: Db, repo: ChildrenRepository, options: ChildrenServiceOptions = {}) {
  const today = options.today ?? (() => todayInLondon());
  const pageSize = options.pageSize ?? PAGE_SIZE;

  /** The user's scope and the Lantern ID asked for, or NotFoundError when nothing could be found. */
  function lookup(user: CurrentUser, lanternId: string) {
    const scope = childScope(user);
    const id = lanternId.trim().toUpperCase();
    if (scope.kind === 'none' || !LANTERN_ID.test(id)) throw new NotFoundError();
    return { scope, id };
  }

  /** The child, in scope, or NotFoundError — the same answer whether they do not exist or may not be seen. */
  async function load(tx: Tx, user: CurrentUser, lanternId: string) {
    const { scope, id } = lookup(user, lanternId);
    // Opening a record: the user's scope, or a child they are auditing (src/features/children/scope.ts childAuditedBy).
    const child = await repo.findChild(tx, scope, id, user.id);
    if (!child) throw new NotFoundError();
    return { scope, child };
  }

  return {
    async search(
      user: CurrentUser,
      query: string | null | undefined,
      page: number,
      audit: Auditor,
    ): Promise<SearchResult> {
      if (!can(user.role, 'child:search')) throw new ForbiddenError();
      const criteria = parseSearch(query);
      const currentPage = Number.isInteger(page) && page > 0 ? page : 1;
      const scope = childScope(user);
      return db.transaction(async (tx) => {
        if (scope.kind === 'none') {
          await audit.record(tx, {
            recordType: 'child',
            detail: { kind: criteria.kind, results: 0, page: currentPage },
          });
          return {
            kind: criteria.kind,
            scope: { kind: 'none' },
            page: currentPage,
            pageSize,
            total: 0,
            totalPages: 0,
            results: [],
          };
        }
        const { rows, total } = await repo.search(tx, scope, criteria, currentPage, pageSize);
        const episodes = await repo.episodes(
          tx,
          rows.map((r) => r.id),
        );
        const date = today();
        const results = rows.map((row) =>
          summary(
            row,
            episodes.filter((e) => e.childId === row.id),
            date,
          ),
        );
        const scopeView: SearchResult['scope'] =
          scope.kind === 'team'
            ? { kind: 'team', teamName: await repo.teamName(tx, scope.teamId) }
            : { kind: 'authority' };
        // Only the kind of search and the count: the text may be a child's name.
        await audit.record(tx, {
          recordType: 'child',
          detail: { kind: criteria.kind, results: total, page: currentPage },
        });
        return {
          kind: criteria.kind,
          scope: scopeView,
          page: currentPage,
          pageSize,
          total,
          totalPages: Math.ceil(total / pageSize),
          results,
        };
      });
    },

    /**
     * The child's record; with `chronology: true` (the default) their chronology too, and with `sources: true` where
     * the child and each event came from (two more queries). Audited as a view, saying whether sources were shown.
     */
    async view(
      user: CurrentUser,
      lanternId: string,
      audit: Auditor,
      options: { chronology?: boolean; sources?: boolean } = {},
    ): Promise<ChildRecord> {
      const withChronology = options.chronology ?? true;
      const withSources = options.sources ?? false;
      return db.transaction(async (tx) => {
        // Two queries: the record with its lists (the same scope rule as `load`), then the chronology with the sources.
        const { scope, id } = lookup(user, lanternId);
        const child = await repo.record(tx, scope, id, user.id);
        if (!child) throw new NotFoundError();
        const date = today();
        const { episodes, disabilities, immigrationStatuses: immigration, familyLinks: links, allocations } = child;
        const read =
          withChronology || withSources
            ? await repo.chronologyAndSources(tx, child.id, withSources)
            : { chronology: [], sources: null };
        const chronology = withChronology ? toEntries(read.chronology) : [];
        const sources = read.sources ? toRecordSources(read.sources, child.id, child.isDemo) : null;
        await audit.record(tx, {
          recordType: 'child',
          recordId: child.lanternId,
          detail: {
            view: withChronology ? 'record-and-chronology' : 'record',
            ...(withSources ? { sources: true } : {}),
          },
        });
        return {
          ...summary(child, episodes, date),
          asAt: date,
          upn: child.upn,
          upnUnknownReason: child.upnUnknownReason,
          dateOfDeath: child.dateOfDeath,
          sex: child.sex,
          sexLabel: label(SEX, child.sex),
          gender: child.gender,
          ethnicity: child.ethnicity,
          ethnicityLabel: label(ETHNICITY, child.ethnicity),
          firstLanguage: child.firstLanguage,
          religion: child.religion,
          postcodeDistrict: child.postcodeDistrict,
          disabilities: disabilities.map((d) => ({
            code: d.code,
            label: label(DISABILITY, d.code),
            recordedDate: d.recordedDate,
          })),
          uasc: immigration.some((s) => s.status === 'UASC' && isOpenAt({ start: s.startDate, end: s.endDate }, date)),
          immigrationStatuses: immigration.map((s) => ({
            ...s,
            current: isOpenAt({ start: s.startDate, end: s.endDate }, date),
          })),
          familyLinks: links.map((l) => ({
            relationship: l.relationship,
            relationshipLabel: label(RELATIONSHIP, l.relationship),
            familyRef: l.familyRef,
            relatedDateOfBirth: l.relatedDateOfBirth,
            related: l.relatedLanternId
              ? { lanternId: l.relatedLanternId, firstName: l.relatedFirstName, lastName: l.relatedLastName }
              : null,
          })),
          allocations: allocations.map((a) => ({
            role: a.role,
            roleLabel: label(ALLOCATION_ROLE, a.role),
            worker: a.worker,
            team: a.team,
            startDate: a.startDate,
            endDate: a.endDate,
            endReason: a.endReason,
            isPrimary: a.isPrimary,
            current:
              isOpenAt({ start: a.startDate, end: a.endDate }, date) || (a.endDate === null && a.startDate > date),
          })),
          chronology,
          sources,
        };
      });
    },

    /** The chronology alone, with who the child is for the heading. Audited as a view. */
    async chronology(user: CurrentUser, lanternId: string, audit: Auditor) {
      return db.transaction(async (tx) => {
        const { child } = await load(tx, user, lanternId);
        const entries = toEntries(await repo.chronology(tx, child.id));
        await audit.record(tx, { recordType: 'child', recordId: child.lanternId, detail: { view: 'chronology' } });
        return {
          child: {
            lanternId: child.lanternId,
            laChildId: child.laChildId,
            firstName: child.firstName,
            lastName: child.lastName,
            dateOfBirth: child.dateOfBirth,
          },
          entries,
        };
      });
    },
  };
}
export type ChildrenService = ReturnType<typeof childrenService>;
