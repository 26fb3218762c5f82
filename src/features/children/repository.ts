/**
 * Every query about a child: search, the record, the episodes behind their status, and the chronology.
 * Drizzle throughout; every query runs unchanged on PGlite and PostgreSQL.
 *
 * Scope is applied in SQL (see scope.ts), so a child outside the user's scope is never read at all.
 */
import { and, asc, count, eq, getTableName, inArray, is, isNotNull, or, Placeholder, sql, type SQL } from 'drizzle-orm';
import { PgDialect, unionAll, type AnyPgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import { rows } from '../../db/query';
import {
  allocations,
  assessments,
  authorities,
  careLeaverContacts,
  careLeavers,
  careProceedings,
  caseAudits,
  children,
  childDisabilities,
  cinEpisodes,
  cinPlans,
  claReviews,
  contacts,
  cpPlans,
  cpReviews,
  claOutcomes,
  dentalChecks,
  earlyHelpEpisodes,
  eventSources,
  familyLinks,
  healthAssessments,
  immigrationStatuses,
  importBatches,
  initialCpConferences,
  ladoReferrals,
  legalStatuses,
  missingEpisodes,
  pathwayPlanReviews,
  periodsOfCare,
  permanenceMilestones,
  personalEducationPlans,
  placements,
  preProceedings,
  privateFostering,
  deprivationOfLibertyOrders,
  s47Enquiries,
  sdqScores,
  strategyDiscussions,
  teams,
  visits,
  workers,
} from '../../db/schema/index';
import { CHRONOLOGY_KINDS, type ChronologyKind, type ChronologyRow } from './chronology';
import type { SourceRow } from './sources';
import { childAuditedBy, childInScope, currentTeamName, qualified, type VisibleScope } from './scope';
import { likeContains, type SearchCriteria } from './search-query';
import type { Episode, EpisodeKind } from './status';

/** The fields every list of children shows. */
const summaryFields = {
  id: children.id,
  lanternId: children.lanternId,
  laChildId: children.laChildId,
  firstName: children.firstName,
  lastName: children.lastName,
  dateOfBirth: children.dateOfBirth,
  expectedDateOfBirth: children.expectedDateOfBirth,
  dateOfDeath: children.dateOfDeath,
  currentTeam: currentTeamName(qualified('children', children.id)),
};

export interface ChildSummaryRow {
  id: number;
  lanternId: string;
  laChildId: string;
  firstName: string | null;
  lastName: string | null;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  dateOfDeath: string | null;
  currentTeam: string | null;
}

function inScope(scope: VisibleScope): SQL {
  return childInScope(scope, 'children', children);
}

function criteriaCondition(criteria: SearchCriteria): SQL | undefined {
  switch (criteria.kind) {
    case 'all':
      return undefined;
    case 'lantern-id':
      return or(eq(children.lanternId, criteria.lanternId), inArray(children.laChildId, caseVariants(criteria.text)));
    case 'la-child-id':
      return inArray(children.laChildId, caseVariants(criteria.text));
    case 'name':
      return and(
        ...criteria.words.map(
          (w) =>
            sql`(lower(${children.firstName}) like lower(${likeContains(w)}) or lower(${children.lastName}) like lower(${likeContains(w)}))`,
        ),
      );
  }
}

/** LA child IDs are matched exactly, in the case typed or all upper or all lower: index-friendly, unlike lower(). */
function caseVariants(text: string): string[] {
  return [...new Set([text, text.toUpperCase(), text.toLowerCase()])];
}

/** The child's own fields a record shows. */
const recordFields = {
  ...summaryFields,
  authorityId: children.authorityId,
  upn: children.upn,
  upnUnknownReason: children.upnUnknownReason,
  sex: children.sex,
  gender: children.gender,
  ethnicity: children.ethnicity,
  firstLanguage: children.firstLanguage,
  religion: children.religion,
  postcodeDistrict: children.postcodeDistrict,
};

/** What `record` reads: the child, and each list the record shows, as the lists' own queries used to return them. */
export interface ChildRecordRow extends ChildSummaryRow {
  authorityId: number;
  upn: string | null;
  upnUnknownReason: string | null;
  sex: string;
  gender: string | null;
  ethnicity: string;
  firstLanguage: string | null;
  religion: string | null;
  postcodeDistrict: string | null;
  episodes: Episode[];
  disabilities: Array<{ code: string; recordedDate: string | null }>;
  immigrationStatuses: Array<{ status: string; startDate: string; endDate: string | null }>;
  familyLinks: Array<{
    relationship: string;
    familyRef: string | null;
    relatedDateOfBirth: string | null;
    relatedLanternId: string | null;
    relatedFirstName: string | null;
    relatedLastName: string | null;
  }>;
  allocations: Array<{
    role: string;
    worker: string | null;
    workerRole: string | null;
    team: string | null;
    startDate: string;
    endDate: string | null;
    endReason: string | null;
    isPrimary: boolean;
  }>;
  isDemo: boolean;
}

/**
 * The child with this Lantern ID if, and only if, the scope may see them — or, given `auditorUserId`, that user is
 * auditing the child (an unfinished audit or allocated case: `childAuditedBy`), within the authority.
 */
function findCondition(scope: VisibleScope, lanternId: string, auditorUserId: number | undefined): SQL | undefined {
  return and(
    eq(children.lanternId, lanternId),
    auditorUserId === undefined
      ? inScope(scope)
      : or(
          inScope(scope),
          and(
            eq(children.authorityId, scope.authorityId),
            childAuditedBy(qualified('children', children.id), auditorUserId),
          ),
        ),
  );
}

/**
 * A JSON list of objects with these keys and values (never null: [] when there are no rows), over `from` in `order`:
 * a correlated subquery, so that a record's lists come back in the record's one query. Keys are the fields' names.
 */
function jsonList<T>(fields: Record<string, SQL>, from: SQL, order: SQL): SQL<T[]> {
  const pairs = Object.entries(fields).map(([k, v]) => {
    if (!/^[A-Za-z]+$/.test(k)) throw new Error('unsafe json key');
    return sql`${sql.raw(`'${k}'`)}, ${v}`;
  });
  return sql<
    T[]
  >`(select coalesce(json_agg(json_build_object(${sql.join(pairs, sql`, `)}) order by ${order}), '[]'::json) ${from})`;
}

export function childrenRepository() {
  return {
    /** One page of children in scope matching the criteria, in name order, with the total; current teams for the page only. */
    async search(
      tx: Tx,
      scope: VisibleScope,
      criteria: SearchCriteria,
      page: number,
      pageSize: number,
    ): Promise<{ rows: ChildSummaryRow[]; total: number }> {
      const where = and(inScope(scope), criteriaCondition(criteria));
      const { currentTeam: _currentTeam, ...fields } = summaryFields;
      const found = await tx
        .select(fields)
        .from(children)
        .where(where)
        .orderBy(sql`lower(${children.lastName})`, sql`lower(${children.firstName})`, asc(children.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      const [counted] = await tx.select({ n: count() }).from(children).where(where);
      const teamsById = new Map<number, string | null>();
      if (found.length > 0) {
        const teamRows = await tx
          .select({ id: children.id, currentTeam: summaryFields.currentTeam })
          .from(children)
          .where(
            inArray(
              children.id,
              found.map((r) => r.id),
            ),
          );
        for (const t of teamRows) teamsById.set(t.id, t.currentTeam);
      }
      return {
        rows: found.map((row) => ({ ...row, currentTeam: teamsById.get(row.id) ?? null })),
        total: counted?.n ?? 0,
      };
    },

    /**
     * The child with this Lantern ID if, and only if, the scope may see them — or, given `auditorUserId`, that user
     * is auditing the child (an unfinished audit or allocated case: `childAuditedBy`), within the authority.
     */
    async findChild(tx: Tx, scope: VisibleScope, lanternId: string, auditorUserId?: number) {
      const [row] = await tx
        .select(recordFields)
        .from(children)
        .where(findCondition(scope, lanternId, auditorUserId))
        .limit(1);
      return row;
    },

    async teamName(tx: Tx, teamId: number): Promise<string | null> {
      const [row] = await tx.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId)).limit(1);
      return row?.name ?? null;
    },

    /**
     * The record, but for its chronology, in ONE query: the child as `findChild` finds them (the same scope rule and
     * auditor's exception), with their episodes (status.ts), disabilities, immigration statuses, family links,
     * allocations and whether their authority is a demo one, each list read as JSON in the order the page shows it.
     * Family links name a related child only when the scope may see them (as `familyLinks` did).
     */
    async record(
      tx: Tx,
      scope: VisibleScope,
      lanternId: string,
      auditorUserId?: number,
    ): Promise<ChildRecordRow | undefined> {
      const child = qualified('children', children.id);
      const d = (c: AnyPgColumn) => qualified('d', c);
      const s = (c: AnyPgColumn) => qualified('s', c);
      const l = (c: AnyPgColumn) => qualified('l', c);
      const a = (c: AnyPgColumn) => qualified('a', c);
      const related = (c: AnyPgColumn) => qualified('related', c);
      const [row] = await tx
        .select({
          ...recordFields,
          episodes: sql<
            Episode[]
          >`(select coalesce(json_agg(json_build_object('kind', e.kind, 'start', e.start, 'end', e."end", 'referralId', e.referral_id)), '[]'::json) from (${unionAll(...episodeBranches(tx, (c) => eq(c, child)))}) e)`,
          disabilities: jsonList<ChildRecordRow['disabilities'][number]>(
            { code: d(childDisabilities.code), recordedDate: d(childDisabilities.recordedDate) },
            sql`from ${childDisabilities} as "d" where ${d(childDisabilities.childId)} = ${child}`,
            sql`${d(childDisabilities.code)}, ${d(childDisabilities.id)}`,
          ).as('disabilities'),
          immigrationStatuses: jsonList<ChildRecordRow['immigrationStatuses'][number]>(
            {
              status: s(immigrationStatuses.status),
              startDate: s(immigrationStatuses.startDate),
              endDate: s(immigrationStatuses.endDate),
            },
            sql`from ${immigrationStatuses} as "s" where ${s(immigrationStatuses.childId)} = ${child}`,
            sql`${s(immigrationStatuses.startDate)}, ${s(immigrationStatuses.id)}`,
          ).as('immigration_statuses'),
          familyLinks: jsonList<ChildRecordRow['familyLinks'][number]>(
            {
              relationship: l(familyLinks.relationship),
              familyRef: l(familyLinks.familyRef),
              relatedDateOfBirth: l(familyLinks.relatedDateOfBirth),
              relatedLanternId: related(children.lanternId),
              relatedFirstName: related(children.firstName),
              relatedLastName: related(children.lastName),
            },
            sql`from ${familyLinks} as "l" left join ${children} as "related"
                  on ${related(children.id)} = ${l(familyLinks.relatedChildId)} and ${childInScope(scope, 'related', children)}
                where ${l(familyLinks.childId)} = ${child}`,
            l(familyLinks.id),
          ).as('family_links'),
          allocations: jsonList<ChildRecordRow['allocations'][number]>(
            {
              role: a(allocations.role),
              worker: qualified('w', workers.name),
              workerRole: qualified('w', workers.role),
              team: qualified('t', teams.name),
              startDate: a(allocations.startDate),
              endDate: a(allocations.endDate),
              endReason: a(allocations.endReason),
              isPrimary: a(allocations.isPrimary),
            },
            sql`from ${allocations} as "a"
                left join ${workers} as "w" on ${qualified('w', workers.id)} = ${a(allocations.workerId)}
                left join ${teams} as "t" on ${qualified('t', teams.id)} = ${a(allocations.teamId)}
                where ${a(allocations.childId)} = ${child}`,
            sql`${a(allocations.startDate)}, ${a(allocations.id)}`,
          ).as('allocations'),
          isDemo: sql<boolean>`coalesce((select ${qualified('au', authorities.isDemo)} from ${authorities} as "au" where ${qualified('au', authorities.id)} = ${qualified('children', children.authorityId)}), false)`,
        })
        .from(children)
        .where(findCondition(scope, lanternId, auditorUserId))
        .limit(1);
      return row;
    },

    /** The episodes that decide status (status.ts), for a page of children at once: one query. */
    async episodes(tx: Tx, childIds: readonly number[]): Promise<Array<Episode & { childId: number }>> {
      if (childIds.length === 0) return [];
      const ids = [...childIds];
      return unionAll(...episodeBranches(tx, (childId) => inArray(childId, ids)));
    },

    /**
     * Every dated event about the child, from every child-level table, in one UNION ALL query (each branch reads its
     * table through the table's child_id index; the workers' and teams' names are joined once, over the union).
     * Ordered in SQL by date, then the kind's same-day rank, then time and row id; chronology.ts keeps the same order.
     */
    async chronology(tx: Tx, childId: number): Promise<ChronologyRow[]> {
      const [row] = await rows<{ chronology: ChronologyRow[] }>(tx, CHRONOLOGY(tx, { childId }));
      return row?.chronology ?? [];
    },

    /**
     * Where each of the child's events came from (sources.ts), in one UNION ALL query: for every row of every table
     * the chronology reads (and the child's own row), its rows in event_sources when it has any (one per source),
     * else its own import_batch_id; with each import's format, period and date. Lantern's own first, then by import.
     */
    async sources(tx: Tx, childId: number): Promise<SourceRow[]> {
      return (await sourcesQuery(tx, childId)).map(({ eventSourceId: _id, ...row }) => row);
    },

    /** The chronology (as `chronology`) and, with `withSources`, the sources (as `sources`) in one query. */
    async chronologyAndSources(
      tx: Tx,
      childId: number,
      withSources: boolean,
    ): Promise<{ chronology: ChronologyRow[]; sources: SourceRow[] | null }> {
      const [row] = await rows<{ chronology: ChronologyRow[]; sources: SourceRow[] | null }>(
        tx,
        (withSources ? CHRONOLOGY_AND_SOURCES : CHRONOLOGY)(tx, { childId }),
      );
      return { chronology: row?.chronology ?? [], sources: row?.sources ?? null };
    },

    /** Whether the authority is a demo one: its own record is then the demo generator's. */
    async isDemoAuthority(tx: Tx, authorityId: number): Promise<boolean> {
      const [row] = await tx
        .select({ isDemo: authorities.isDemo })
        .from(authorities)
        .where(eq(authorities.id, authorityId))
        .limit(1);
      return row?.isDemo ?? false;
    },
  };
}
export type ChildrenRepository = ReturnType<typeof childrenRepository>;

/**
 * The episodes that decide status (status.ts), one SELECT a table, for the children `which` picks (a page of
 * children, or the one child of a record's query).
 */
function episodeBranches(tx: Tx, which: (childId: AnyPgColumn) => SQL) {
  const span = (
    childId: AnyPgColumn,
    k: EpisodeKind,
    start: AnyPgColumn,
    end: AnyPgColumn | null,
    referralId: AnyPgColumn | null,
  ) => ({
    childId: sql<number>`${childId}`.mapWith(Number).as('child_id'),
    kind: sql<EpisodeKind>`${sql.raw(`'${k}'`)}`.as('kind'),
    start: sql<string>`${start}::text`.as('start'),
    end: sql<string | null>`${end ?? sql`null`}::text`.as('end'),
    referralId: sql<number | null>`${referralId ?? sql`null`}::bigint`
      .mapWith((v: unknown) => (v === null ? null : Number(v)))
      .as('referral_id'),
  });
  return [
    tx
      .select(span(periodsOfCare.childId, 'care', periodsOfCare.startDate, periodsOfCare.endDate, null))
      .from(periodsOfCare)
      .where(which(periodsOfCare.childId)),
    tx
      .select(span(cpPlans.childId, 'cp-plan', cpPlans.startDate, cpPlans.endDate, null))
      .from(cpPlans)
      .where(which(cpPlans.childId)),
    tx
      .select(span(cinPlans.childId, 'cin-plan', cinPlans.startDate, cinPlans.endDate, null))
      .from(cinPlans)
      .where(which(cinPlans.childId)),
    tx
      .select(span(cinEpisodes.childId, 'referral', cinEpisodes.referralDate, cinEpisodes.closureDate, cinEpisodes.id))
      .from(cinEpisodes)
      .where(which(cinEpisodes.childId)),
    tx
      .select(
        span(
          assessments.childId,
          'assessment',
          assessments.startDate,
          assessments.authorisationDate,
          assessments.cinEpisodeId,
        ),
      )
      .from(assessments)
      .where(which(assessments.childId)),
    tx
      .select(span(careLeavers.childId, 'care-leaver', careLeavers.startDate, careLeavers.endDate, null))
      .from(careLeavers)
      .where(which(careLeavers.childId)),
    tx
      .select(
        span(earlyHelpEpisodes.childId, 'early-help', earlyHelpEpisodes.requestDate, earlyHelpEpisodes.endDate, null),
      )
      .from(earlyHelpEpisodes)
      .where(which(earlyHelpEpisodes.childId)),
  ] as const;
}

/** A child's id: a number, or a placeholder in SQL built once (`builtOnce`). */
type ChildIdValue = number | SQL;

/**
 * A query whose SQL never changes but for its values, built into SQL text once: Drizzle took longer to build the
 * chronology's sixty-odd branches into text (about 13 ms of CPU a record, profiled under 20 users) than PostgreSQL
 * took to run them. `build` is given a placeholder for each value; each call puts the values in as parameters.
 */
function builtOnce<Name extends string>(build: (tx: Tx, value: (name: Name) => SQL) => SQL) {
  let built: { text: string[]; params: unknown[] } | undefined;
  return (tx: Tx, values: Record<Name, unknown>): SQL => {
    if (!built) {
      const query = new PgDialect().sqlToQuery(build(tx, (name) => sql`${sql.placeholder(name)}`));
      const marks = [...query.sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
      if (marks.length !== query.params.length || marks.some((n, i) => n !== i + 1))
        throw new Error('the built query’s parameters are not $1…$n in order');
      built = { text: query.sql.split(/\$\d+/), params: query.params };
    }
    const { text, params } = built;
    const parts: SQL[] = [];
    text.forEach((chunk, i) => {
      parts.push(sql.raw(chunk));
      if (i < params.length) {
        const p = params[i];
        parts.push(sql`${is(p, Placeholder) ? values[p.name as Name] : p}`);
      }
    });
    return sql.join(parts);
  };
}

const CHRONOLOGY = builtOnce<'childId'>(
  (tx, value) => sql`select ${chronologyJson(tx, value('childId'))} as chronology`,
);
const CHRONOLOGY_AND_SOURCES = builtOnce<'childId'>(
  (tx, value) =>
    sql`select ${chronologyJson(tx, value('childId'))} as chronology, ${sourcesJson(tx, value('childId'))} as sources`,
);

// ——— the chronology's branches ———

interface BranchSpec {
  kind: ChronologyKind;
  source: string;
  date: SQL | AnyPgColumn;
  sourceId: AnyPgColumn;
  data?: SQL;
  time?: SQL;
  worker?: AnyPgColumn;
  team?: AnyPgColumn;
}

const NULL = sql`null`;

function fields(b: BranchSpec) {
  if (!/^[a-z0-9-]+$/.test(b.kind) || !/^[a-z0-9_]+$/.test(b.source)) throw new Error('unsafe chronology literal');
  return {
    date: sql<string>`(${b.date})::text`.as('date'),
    rank: sql<number>`${sql.raw(String(CHRONOLOGY_KINDS[b.kind].rank))}`.mapWith(Number).as('rank'),
    time: sql<string | null>`${b.time ?? NULL}::text`.as('time'),
    kind: sql<ChronologyKind>`${sql.raw(`'${b.kind}'`)}::text`.as('kind'),
    source: sql<string>`${sql.raw(`'${b.source}'`)}::text`.as('source'),
    sourceId: sql<number>`${b.sourceId}`.mapWith(Number).as('source_id'),
    workerId: sql<number | null>`${b.worker ?? NULL}::bigint`.as('worker_id'),
    teamId: sql<number | null>`${b.team ?? NULL}::bigint`.as('team_id'),
    data: sql<Record<string, unknown>>`${b.data ?? sql`'{}'::jsonb`}`.as('data'),
  };
}

/** jsonb_build_object('a', x, 'b', y) from { a: x, b: y }. */
function json(values: Record<string, SQL | AnyPgColumn>): SQL {
  const parts = Object.entries(values).map(([k, v]) => {
    if (!/^[A-Za-z]+$/.test(k)) throw new Error('unsafe json key');
    return sql`${sql.raw(`'${k}'`)}, ${v}`;
  });
  return sql`jsonb_build_object(${sql.join(parts, sql`, `)})`;
}

/** UK local time of a timestamp, as date and HH:MM. */
const ukDate = (c: AnyPgColumn) => sql`(${c} at time zone 'Europe/London')::date`;
const ukTime = (c: AnyPgColumn) => sql`to_char(${c} at time zone 'Europe/London', 'HH24:MI')`;

/**
 * One branch of the chronology: an event of `kind` for each of the child's rows of `table` (the event's source), dated
 * by `date`. `optional` dates may be missing, and only the rows that have one are events. `worker` and `team` are the
 * columns that point at the worker and the team, whose names the event shows; `data` the row's fields it keeps.
 */
interface Branch {
  kind: ChronologyKind;
  table: PgTable & { id: AnyPgColumn };
  /** The column that says whose row it is: the table's child_id, or for the children table the child's own id. */
  child: AnyPgColumn;
  date: SQL | AnyPgColumn;
  optional?: true;
  time?: SQL;
  worker?: AnyPgColumn;
  team?: AnyPgColumn;
  data?: Record<string, SQL | AnyPgColumn>;
}

/** A branch of a child-level table: its child_id says whose row it is. */
function of(
  table: PgTable & { id: AnyPgColumn; childId: AnyPgColumn },
  kind: ChronologyKind,
  branch: Omit<Branch, 'kind' | 'table' | 'child'>,
): Branch {
  return { kind, table, child: table.childId, ...branch };
}

const BRANCHES: readonly Branch[] = [
  // Who the child is.
  { kind: 'born', table: children, child: children.id, date: children.dateOfBirth, optional: true },
  { kind: 'died', table: children, child: children.id, date: children.dateOfDeath, optional: true },
  of(immigrationStatuses, 'immigration-status-started', {
    date: immigrationStatuses.startDate,
    data: { status: immigrationStatuses.status },
  }),
  of(immigrationStatuses, 'immigration-status-ended', {
    date: immigrationStatuses.endDate,
    optional: true,
    data: { status: immigrationStatuses.status },
  }),
  of(childDisabilities, 'disability-recorded', {
    date: childDisabilities.recordedDate,
    optional: true,
    data: { code: childDisabilities.code },
  }),

  // The front door and early help.
  of(contacts, 'contact', {
    date: contacts.contactDate,
    worker: contacts.workerId,
    team: contacts.teamId,
    data: {
      source: contacts.source,
      mashDecision: contacts.mashDecision,
      decisionDate: contacts.decisionDate,
      bragInitial: contacts.bragInitial,
      bragFinal: contacts.bragFinal,
    },
  }),
  of(earlyHelpEpisodes, 'early-help-started', {
    date: earlyHelpEpisodes.requestDate,
    worker: earlyHelpEpisodes.workerId,
    team: earlyHelpEpisodes.teamId,
    data: {
      organisation: earlyHelpEpisodes.organisation,
      allocationDate: earlyHelpEpisodes.allocationDate,
      assessmentStartDate: earlyHelpEpisodes.assessmentStartDate,
      assessmentCompletionDate: earlyHelpEpisodes.assessmentCompletionDate,
    },
  }),
  of(earlyHelpEpisodes, 'early-help-ended', {
    date: earlyHelpEpisodes.endDate,
    optional: true,
    data: { outcome: earlyHelpEpisodes.outcome },
  }),

  // Referrals (CIN episodes) and assessments.
  of(cinEpisodes, 'referral', {
    date: cinEpisodes.referralDate,
    worker: cinEpisodes.workerId,
    team: cinEpisodes.teamId,
    data: {
      source: cinEpisodes.referralSource,
      primaryNeed: cinEpisodes.primaryNeedCode,
      nfa: cinEpisodes.referralNfa,
    },
  }),
  of(cinEpisodes, 'referral-closed', {
    date: cinEpisodes.closureDate,
    optional: true,
    data: { reason: cinEpisodes.closureReason },
  }),
  of(assessments, 'assessment-started', {
    date: assessments.startDate,
    worker: assessments.workerId,
    team: assessments.teamId,
    data: { childSeenDate: assessments.childSeenDate },
  }),
  of(assessments, 'assessment-authorised', {
    date: assessments.authorisationDate,
    optional: true,
    worker: assessments.workerId,
    team: assessments.teamId,
    data: {
      childSeen: assessments.childSeen,
      childSeenAlone: assessments.childSeenAlone,
      factors: assessments.factors,
      furtherServices: assessments.furtherServices,
    },
  }),

  // Child protection.
  of(strategyDiscussions, 'strategy-discussion', {
    date: strategyDiscussions.discussionDate,
    data: {
      policePresent: strategyDiscussions.policePresent,
      healthPresent: strategyDiscussions.healthPresent,
      educationPresent: strategyDiscussions.educationPresent,
      outcome: strategyDiscussions.outcome,
    },
  }),
  of(s47Enquiries, 's47-started', {
    date: s47Enquiries.startDate,
    worker: s47Enquiries.workerId,
    team: s47Enquiries.teamId,
  }),
  of(s47Enquiries, 's47-ended', {
    date: s47Enquiries.endDate,
    optional: true,
    data: { outcome: s47Enquiries.outcome, icpcNotRequired: s47Enquiries.icpcNotRequired },
  }),
  of(initialCpConferences, 'icpc', {
    date: initialCpConferences.conferenceDate,
    data: {
      outcomeCpPlan: initialCpConferences.outcomeCpPlan,
      transferIn: initialCpConferences.transferIn,
      targetDate: initialCpConferences.targetDate,
    },
  }),
  of(cpPlans, 'cp-plan-started', {
    date: cpPlans.startDate,
    worker: cpPlans.workerId,
    team: cpPlans.teamId,
    data: {
      initialCategory: cpPlans.initialCategory,
      previousPlans: cpPlans.numberOfPreviousPlans,
      epoOrPoliceProtection: cpPlans.epoOrPoliceProtection,
    },
  }),
  of(cpReviews, 'cp-review', {
    date: cpReviews.reviewDate,
    data: { quorate: cpReviews.quorate, participation: cpReviews.participation, dueDate: cpReviews.dueDate },
  }),
  of(cpPlans, 'cp-plan-ended', {
    date: cpPlans.endDate,
    optional: true,
    data: { latestCategory: cpPlans.latestCategory, startDate: cpPlans.startDate },
  }),

  // Child in need plans and visits.
  of(cinPlans, 'cin-plan-started', { date: cinPlans.startDate, worker: cinPlans.workerId, team: cinPlans.teamId }),
  of(cinPlans, 'cin-plan-ended', { date: cinPlans.endDate, optional: true, data: { startDate: cinPlans.startDate } }),
  of(visits, 'visit', {
    date: visits.visitDate,
    worker: visits.workerId,
    data: { kind: visits.kind, seen: visits.seen, seenAlone: visits.seenAlone },
  }),

  // Pre-proceedings and court.
  of(preProceedings, 'pre-proceedings-started', {
    date: preProceedings.startDate,
    data: {
      letterDate: preProceedings.letterBeforeProceedingsDate,
      fgdmOffered: preProceedings.familyGroupDecisionOffered,
      initialMeetingDate: preProceedings.initialMeetingDate,
    },
  }),
  of(preProceedings, 'pre-proceedings-ended', {
    date: preProceedings.endDate,
    optional: true,
    data: {
      outcome: preProceedings.outcome,
      reviewMeetings: preProceedings.reviewMeetings,
      startDate: preProceedings.startDate,
    },
  }),
  of(careProceedings, 'care-proceedings-issued', { date: careProceedings.issueDate }),
  of(careProceedings, 'care-proceedings-concluded', {
    date: sql`coalesce(${careProceedings.endDate}, ${careProceedings.finalHearingDate})`,
    optional: true,
    data: { finalOrder: careProceedings.finalOrder, issueDate: careProceedings.issueDate },
  }),

  // In care.
  of(periodsOfCare, 'care-started', {
    date: periodsOfCare.startDate,
    data: { categoryOfNeed: periodsOfCare.categoryOfNeed },
  }),
  of(periodsOfCare, 'permanence-plan', {
    date: periodsOfCare.permanencePlanDate,
    optional: true,
    data: { plan: periodsOfCare.permanencePlan },
  }),
  of(periodsOfCare, 'care-ended', {
    date: periodsOfCare.endDate,
    optional: true,
    data: { reasonCeased: periodsOfCare.reasonCeased, startDate: periodsOfCare.startDate },
  }),
  of(legalStatuses, 'legal-status', {
    date: legalStatuses.startDate,
    data: { legalStatus: legalStatuses.legalStatus },
  }),
  of(placements, 'placement-started', {
    date: placements.startDate,
    data: {
      placementType: placements.placementType,
      provider: placements.provider,
      inArea: placements.inArea,
      distanceMiles: placements.distanceMiles,
    },
  }),
  of(placements, 'placement-ended', {
    date: placements.endDate,
    optional: true,
    data: { placementType: placements.placementType, changeReason: placements.changeReason },
  }),
  of(claReviews, 'cla-review', {
    date: claReviews.reviewDate,
    data: { participation: claReviews.participation, dueDate: claReviews.dueDate },
  }),
  of(healthAssessments, 'health-assessment', {
    date: healthAssessments.assessmentDate,
    data: { kind: healthAssessments.kind },
  }),
  of(dentalChecks, 'dental-check', { date: dentalChecks.checkDate }),
  of(sdqScores, 'sdq', { date: sdqScores.assessmentDate, data: { score: sdqScores.score, reason: sdqScores.reason } }),
  of(claOutcomes, 'cla-outcomes', {
    date: claOutcomes.asAt,
    data: {
      convicted: claOutcomes.convicted,
      healthCheck: claOutcomes.healthCheck,
      immunisations: claOutcomes.immunisations,
      substanceMisuse: claOutcomes.substanceMisuse,
      interventionReceived: claOutcomes.interventionReceived,
      interventionOffered: claOutcomes.interventionOffered,
    },
  }),
  of(personalEducationPlans, 'pep', { date: personalEducationPlans.pepDate }),

  // Missing and away, with return home interviews (dated and timed in UK local time).
  of(missingEpisodes, 'missing-started', {
    date: ukDate(missingEpisodes.startAt),
    time: ukTime(missingEpisodes.startAt),
    data: { kind: missingEpisodes.kind },
  }),
  of(missingEpisodes, 'missing-ended', {
    date: ukDate(missingEpisodes.endAt),
    time: ukTime(missingEpisodes.endAt),
    optional: true,
    data: {
      kind: missingEpisodes.kind,
      rhiOfferedDate: missingEpisodes.rhiOfferedDate,
      rhiAcceptedDate: missingEpisodes.rhiAcceptedDate,
    },
  }),
  of(missingEpisodes, 'rhi-completed', {
    date: ukDate(missingEpisodes.rhiCompletedAt),
    time: ukTime(missingEpisodes.rhiCompletedAt),
    optional: true,
  }),

  // Adoption and special guardianship milestones: one event per date recorded.
  of(permanenceMilestones, 'adm-decision', { date: permanenceMilestones.admDecisionDate, optional: true }),
  of(permanenceMilestones, 'placement-order', { date: permanenceMilestones.placementOrderDate, optional: true }),
  of(permanenceMilestones, 'matched', { date: permanenceMilestones.matchedDate, optional: true }),
  of(permanenceMilestones, 'ffa-placed', { date: permanenceMilestones.ffaPlacedDate, optional: true }),
  of(permanenceMilestones, 'placed-for-adoption', { date: permanenceMilestones.placedForAdoptionDate, optional: true }),
  of(permanenceMilestones, 'decision-reversed', {
    date: permanenceMilestones.decisionReversedDate,
    optional: true,
    data: { reason: permanenceMilestones.decisionReversedReason },
  }),
  of(permanenceMilestones, 'permanence-order', {
    date: permanenceMilestones.orderDate,
    optional: true,
    data: {
      orderType: permanenceMilestones.orderType,
      adoptedByFosterCarer: permanenceMilestones.adoptedByFosterCarer,
    },
  }),

  // Care leavers (the worker of pa-linked is the personal adviser).
  of(careLeavers, 'care-leaver-started', {
    date: careLeavers.startDate,
    data: { eligibility: careLeavers.eligibility },
  }),
  of(careLeavers, 'pa-linked', {
    date: careLeavers.paLinkedDate,
    optional: true,
    worker: careLeavers.personalAdviserId,
  }),
  of(careLeavers, 'staying-put', { date: careLeavers.stayingPutStartDate, optional: true }),
  of(careLeavers, 'care-leaver-ended', {
    date: careLeavers.endDate,
    optional: true,
    data: { eligibility: careLeavers.eligibility },
  }),
  of(pathwayPlanReviews, 'pathway-plan-review', { date: pathwayPlanReviews.reviewDate }),
  of(careLeaverContacts, 'care-leaver-contact', {
    date: careLeaverContacts.contactDate,
    data: {
      inTouch: careLeaverContacts.inTouch,
      accommodation: careLeaverContacts.accommodation,
      accommodationSuitable: careLeaverContacts.accommodationSuitable,
      activity: careLeaverContacts.activity,
    },
  }),

  // Deprivation of Liberty Orders while looked after.
  of(deprivationOfLibertyOrders, 'dolo-started', { date: deprivationOfLibertyOrders.startDate }),
  of(deprivationOfLibertyOrders, 'dolo-ended', { date: deprivationOfLibertyOrders.endDate, optional: true }),

  // Private fostering.
  of(privateFostering, 'private-fostering-notified', {
    date: privateFostering.notificationDate,
    data: { arrangementStartDate: privateFostering.arrangementStartDate },
  }),
  of(privateFostering, 'private-fostering-visit', { date: privateFostering.initialVisitDate, optional: true }),
  of(privateFostering, 'private-fostering-assessed', {
    date: privateFostering.assessmentCompletedDate,
    optional: true,
  }),
  of(privateFostering, 'private-fostering-ended', { date: privateFostering.endDate, optional: true }),

  // LADO referrals that concern the child.
  of(ladoReferrals, 'lado-referral', {
    date: ladoReferrals.referralDate,
    data: {
      sector: ladoReferrals.employmentSector,
      initialConsiderationDate: ladoReferrals.initialConsiderationDate,
      strategyMeetingHeld: ladoReferrals.strategyMeetingHeld,
    },
  }),
  of(ladoReferrals, 'lado-closed', {
    date: ladoReferrals.closedDate,
    optional: true,
    data: { outcome: ladoReferrals.outcome },
  }),

  // Case audits of the child's record, once submitted (the agreed grade after moderation beside the auditor's).
  of(caseAudits, 'case-audit', {
    date: caseAudits.submittedOn,
    optional: true,
    data: {
      overallGrade: caseAudits.overallGrade,
      agreedOverallGrade: caseAudits.agreedOverallGrade,
      auditorName: caseAudits.auditorName,
    },
  }),

  // Allocations to workers and teams.
  of(allocations, 'allocated', {
    date: allocations.startDate,
    worker: allocations.workerId,
    team: allocations.teamId,
    data: { role: allocations.role, changeReason: allocations.changeReason },
  }),
  of(allocations, 'allocation-ended', {
    date: allocations.endDate,
    optional: true,
    worker: allocations.workerId,
    team: allocations.teamId,
    data: { role: allocations.role, endReason: allocations.endReason },
  }),
];

/** The select of one branch: the child's rows of its table (those with a date), with the worker's and team's ids. */
function branchQuery(tx: Tx, childId: ChildIdValue, b: Branch) {
  return tx
    .select(
      fields({
        kind: b.kind,
        source: getTableName(b.table),
        date: b.date,
        time: b.time,
        sourceId: b.table.id,
        worker: b.worker,
        team: b.team,
        data: b.data ? json(b.data) : undefined,
      }),
    )
    .from(b.table)
    .where(and(eq(b.child, childId), b.optional ? isNotNull(b.date) : undefined));
}

/**
 * The chronology as one JSON list (ChronologyRow[], [] when empty), in the order chronology.ts keeps: the branches'
 * union, with the workers' and teams' names looked up once over it rather than in every branch (fewer tables to
 * plan). Looked up row by row through their primary keys: a join hashed every worker in the authority (2,300 in a
 * 300,000-child one, 17 ms) to name a few.
 */
function chronologyJson(tx: Tx, childId: ChildIdValue): SQL<ChronologyRow[]> {
  const u = (name: string) => sql.raw(`"u"."${name}"`);
  const worker = sql`(select ${qualified('w', workers.name)} from ${workers} as "w" where ${qualified('w', workers.id)} = ${u('worker_id')})`;
  const team = sql`(select ${qualified('t', teams.name)} from ${teams} as "t" where ${qualified('t', teams.id)} = ${u('team_id')})`;
  return sql<ChronologyRow[]>`(select coalesce(json_agg(json_build_object(
      'date', ${u('date')}, 'time', ${u('time')}, 'kind', ${u('kind')}, 'source', ${u('source')},
      'sourceId', ${u('source_id')}, 'worker', ${worker}, 'team', ${team}, 'data', ${u('data')})
      order by ${u('date')}, ${u('rank')}, ${u('time')} nulls first, ${u('source')}, ${u('source_id')}), '[]'::json)
    from (${unionAll(...chronologyBranches(tx, childId))}) as "u")`;
}

function chronologyBranches(tx: Tx, childId: ChildIdValue) {
  const [first, second, ...rest] = BRANCHES.map((b) => branchQuery(tx, childId, b));
  if (!first || !second) throw new Error('the chronology needs at least two branches');
  return [first, second, ...rest] as const;
}

// ——— where each event came from ———

type EventTable = PgTable & { id: AnyPgColumn };

/** Each table the chronology reads, once, with the column that says whose row it is. */
function eventTables(): Array<[EventTable, AnyPgColumn]> {
  return [...new Map(BRANCHES.map((b) => [b.table, b.child])).entries()];
}

/** The child's rows of one table: each row's table and id, and its own import_batch_id (null where it has none). */
function rowsOf(tx: Tx, childId: ChildIdValue, table: EventTable, child: AnyPgColumn) {
  const entity = getTableName(table);
  if (!/^[a-z0-9_]+$/.test(entity)) throw new Error('unsafe table name');
  const own = (table as Partial<Record<'importBatchId', AnyPgColumn>>).importBatchId;
  return tx
    .select({
      entity: sql<string>`${sql.raw(`'${entity}'`)}::text`.as('entity'),
      rowId: sql<number>`${table.id}`.mapWith(Number).as('row_id'),
      ownImport: sql<number | null>`${own ?? NULL}::bigint`.as('own_import'),
    })
    .from(table)
    .where(eq(child, childId));
}

/**
 * The sources of the child's rows: a row per event_sources row where the event has them, else one row with the
 * event's own import_batch_id (tables without one, such as case audits, are Lantern's own record).
 */
function sourcesQuery(tx: Tx, childId: ChildIdValue) {
  const [first, second, ...rest] = eventTables().map(([table, child]) => rowsOf(tx, childId, table, child));
  if (!first || !second) throw new Error('the chronology needs at least two tables');
  const ev = tx.$with('ev').as(unionAll(first, second, ...rest));
  // The CTE's columns, qualified: event_sources has an entity and a row_id too.
  const entity = sql<string>`"ev"."entity"`;
  const rowId = sql`"ev"."row_id"`;
  const importId = sql`(case when ${eventSources.id} is null then "ev"."own_import" else ${eventSources.importBatchId} end)`;
  const nullableNumber = (v: unknown) => (v === null ? null : Number(v));
  return tx
    .with(ev)
    .select({
      entity: sql<string>`${entity}`.as('entity'),
      rowId: sql<number>`${rowId}`.mapWith(Number).as('row_id'),
      importId: sql<number | null>`${importId}`.mapWith(nullableNumber).as('import_id'),
      format: importBatches.format,
      periodLabel: importBatches.periodLabel,
      importedOn: sql<
        string | null
      >`to_char(coalesce(${importBatches.finishedAt}, ${importBatches.startedAt}) at time zone 'Europe/London', 'YYYY-MM-DD')`.as(
        'imported_on',
      ),
      matchedBy: eventSources.matchedBy,
      sourceChildId: eventSources.sourceChildId,
      eventSourceId: sql<number | null>`${eventSources.id}`.as('event_source_id'),
    })
    .from(ev)
    .leftJoin(eventSources, sql`${eventSources.entity} = ${entity} and ${eventSources.rowId} = ${rowId}`)
    .leftJoin(importBatches, sql`${importBatches.id} = ${importId}`)
    .orderBy(entity, rowId, sql`${importId} nulls first`, eventSources.id);
}

/** The sources as one JSON list (SourceRow[]), in the order `sourcesQuery` gives them. */
function sourcesJson(tx: Tx, childId: ChildIdValue): SQL<SourceRow[]> {
  const col = (name: string) => sql`${sql.identifier('s')}.${sql.identifier(name)}`;
  return sql<SourceRow[]>`(select coalesce(json_agg(json_build_object(
      'entity', ${col('entity')}, 'rowId', ${col('row_id')}, 'importId', ${col('import_id')},
      'format', ${col(importBatches.format.name)}, 'periodLabel', ${col(importBatches.periodLabel.name)},
      'importedOn', ${col('imported_on')}, 'matchedBy', ${col(eventSources.matchedBy.name)},
      'sourceChildId', ${col(eventSources.sourceChildId.name)})
      order by ${col('entity')}, ${col('row_id')}, ${col('import_id')} nulls first, ${col('event_source_id')}), '[]'::json)
    from (${sourcesQuery(tx, childId)}) as "s")`;
}
