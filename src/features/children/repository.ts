/**
 * Every query about a child: search, the record, the episodes behind their status, and the chronology.
 * Drizzle throughout; every query runs unchanged on PGlite and PostgreSQL.
 *
 * Scope is applied in SQL (see scope.ts), so a child outside the user's scope is never read at all.
 */
import { and, asc, count, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { alias, unionAll, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import {
  allocations,
  assessments,
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
  dentalChecks,
  earlyHelpEpisodes,
  familyLinks,
  healthAssessments,
  immigrationStatuses,
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

export type ChildSummaryRow = {
  id: number;
  lanternId: string;
  laChildId: string;
  firstName: string | null;
  lastName: string | null;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  dateOfDeath: string | null;
  currentTeam: string | null;
};

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
          (w) => sql`(lower(${children.firstName}) like lower(${likeContains(w)}) or lower(${children.lastName}) like lower(${likeContains(w)}))`,
        ),
      );
  }
}

/** LA child IDs are matched exactly, in the case typed or all upper or all lower: index-friendly, unlike lower(). */
function caseVariants(text: string): string[] {
  return [...new Set([text, text.toUpperCase(), text.toLowerCase()])];
}

export function childrenRepository() {
  return {
    /** One page of children in scope matching the criteria, in name order, with the total; current teams for the page only. */
    async search(tx: Tx, scope: VisibleScope, criteria: SearchCriteria, page: number, pageSize: number): Promise<{ rows: ChildSummaryRow[]; total: number }> {
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
          .where(inArray(children.id, found.map((r) => r.id)));
        for (const t of teamRows) teamsById.set(t.id, t.currentTeam);
      }
      return { rows: found.map((row) => ({ ...row, currentTeam: teamsById.get(row.id) ?? null })), total: counted?.n ?? 0 };
    },

    /**
     * The child with this Lantern ID if, and only if, the scope may see them — or, given `auditorUserId`, that user
     * is auditing the child (an unfinished audit or allocated case: `childAuditedBy`), within the authority.
     */
    async findChild(tx: Tx, scope: VisibleScope, lanternId: string, auditorUserId?: number) {
      const [row] = await tx
        .select({
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
        })
        .from(children)
        .where(
          and(
            eq(children.lanternId, lanternId),
            auditorUserId === undefined
              ? inScope(scope)
              : or(inScope(scope), and(eq(children.authorityId, scope.authorityId), childAuditedBy(qualified('children', children.id), auditorUserId))),
          ),
        )
        .limit(1);
      return row;
    },

    async teamName(tx: Tx, teamId: number): Promise<string | null> {
      const [row] = await tx.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId)).limit(1);
      return row?.name ?? null;
    },

    async disabilities(tx: Tx, childId: number) {
      return tx
        .select({ code: childDisabilities.code, recordedDate: childDisabilities.recordedDate })
        .from(childDisabilities)
        .where(eq(childDisabilities.childId, childId))
        .orderBy(childDisabilities.code, childDisabilities.id);
    },

    async immigrationStatuses(tx: Tx, childId: number) {
      return tx
        .select({ status: immigrationStatuses.status, startDate: immigrationStatuses.startDate, endDate: immigrationStatuses.endDate })
        .from(immigrationStatuses)
        .where(eq(immigrationStatuses.childId, childId))
        .orderBy(immigrationStatuses.startDate, immigrationStatuses.id);
    },

    /**
     * Family links. A related child's Lantern ID and name are read only when that child is in the same scope:
     * otherwise the link shows the relationship alone, so it never reveals another record to someone who may
     * not see it.
     */
    async familyLinks(tx: Tx, scope: VisibleScope, childId: number) {
      const related = alias(children, 'related');
      return tx
        .select({
          relationship: familyLinks.relationship,
          familyRef: familyLinks.familyRef,
          relatedDateOfBirth: familyLinks.relatedDateOfBirth,
          relatedLanternId: related.lanternId,
          relatedFirstName: related.firstName,
          relatedLastName: related.lastName,
        })
        .from(familyLinks)
        .leftJoin(related, and(eq(related.id, familyLinks.relatedChildId), childInScope(scope, 'related', children)))
        .where(eq(familyLinks.childId, childId))
        .orderBy(familyLinks.id);
    },

    async allocations(tx: Tx, childId: number) {
      return tx
        .select({
          role: allocations.role,
          worker: workers.name,
          workerRole: workers.role,
          team: teams.name,
          startDate: allocations.startDate,
          endDate: allocations.endDate,
          endReason: allocations.endReason,
          isPrimary: allocations.isPrimary,
        })
        .from(allocations)
        .leftJoin(workers, eq(workers.id, allocations.workerId))
        .leftJoin(teams, eq(teams.id, allocations.teamId))
        .where(eq(allocations.childId, childId))
        .orderBy(allocations.startDate, allocations.id);
    },

    /** The episodes that decide status (status.ts), for a page of children at once: one query. */
    async episodes(tx: Tx, childIds: readonly number[]): Promise<Array<Episode & { childId: number }>> {
      if (childIds.length === 0) return [];
      const ids = [...childIds];
      const span = (childId: AnyPgColumn, k: EpisodeKind, start: AnyPgColumn, end: AnyPgColumn | null, referralId: AnyPgColumn | null) => ({
        childId: sql<number>`${childId}`.mapWith(Number).as('child_id'),
        kind: sql<EpisodeKind>`${sql.raw(`'${k}'`)}`.as('kind'),
        start: sql<string>`${start}::text`.as('start'),
        end: sql<string | null>`${end ?? sql`null`}::text`.as('end'),
        referralId: sql<number | null>`${referralId ?? sql`null`}::bigint`.mapWith((v: unknown) => (v === null ? null : Number(v))).as('referral_id'),
      });
      const rows = await unionAll(
        tx.select(span(periodsOfCare.childId, 'care', periodsOfCare.startDate, periodsOfCare.endDate, null)).from(periodsOfCare).where(inArray(periodsOfCare.childId, ids)),
        tx.select(span(cpPlans.childId, 'cp-plan', cpPlans.startDate, cpPlans.endDate, null)).from(cpPlans).where(inArray(cpPlans.childId, ids)),
        tx.select(span(cinPlans.childId, 'cin-plan', cinPlans.startDate, cinPlans.endDate, null)).from(cinPlans).where(inArray(cinPlans.childId, ids)),
        tx.select(span(cinEpisodes.childId, 'referral', cinEpisodes.referralDate, cinEpisodes.closureDate, cinEpisodes.id)).from(cinEpisodes).where(inArray(cinEpisodes.childId, ids)),
        tx
          .select(span(assessments.childId, 'assessment', assessments.startDate, assessments.authorisationDate, assessments.cinEpisodeId))
          .from(assessments)
          .where(inArray(assessments.childId, ids)),
        tx.select(span(careLeavers.childId, 'care-leaver', careLeavers.startDate, careLeavers.endDate, null)).from(careLeavers).where(inArray(careLeavers.childId, ids)),
        tx
          .select(span(earlyHelpEpisodes.childId, 'early-help', earlyHelpEpisodes.requestDate, earlyHelpEpisodes.endDate, null))
          .from(earlyHelpEpisodes)
          .where(inArray(earlyHelpEpisodes.childId, ids)),
      );
      return rows;
    },

    /**
     * Every dated event about the child, from every child-level table, in one UNION ALL query (one round trip;
     * each branch reads its table through the table's child_id index). Ordered in SQL by date, then the kind's
     * same-day rank, then time and row id; chronology.ts keeps the same order.
     */
    async chronology(tx: Tx, childId: number): Promise<ChronologyRow[]> {
      const rows = await unionAll(
        ...chronologyBranches(tx, childId),
      ).orderBy(sql`"date"`, sql`"rank"`, sql`"time" nulls first`, sql`"source"`, sql`"source_id"`);
      return rows.map(({ rank: _rank, ...row }) => row);
    },
  };
}
export type ChildrenRepository = ReturnType<typeof childrenRepository>;

// ——— the chronology's branches ———


interface BranchSpec {
  kind: ChronologyKind;
  source: string;
  date: SQL | AnyPgColumn;
  sourceId: AnyPgColumn;
  data?: SQL;
  time?: SQL;
  worker?: SQL | AnyPgColumn;
  team?: SQL | AnyPgColumn;
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
    worker: sql<string | null>`${b.worker ?? NULL}::text`.as('worker'),
    team: sql<string | null>`${b.team ?? NULL}::text`.as('team'),
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

function chronologyBranches(tx: Tx, childId: number) {
  const worker = workers.name;
  const team = teams.name;
  const pa = alias(workers, 'pa');
  return [
    // Who the child is.
    tx.select(fields({ kind: 'born', source: 'children', date: children.dateOfBirth, sourceId: children.id })).from(children).where(and(eq(children.id, childId), isNotNull(children.dateOfBirth))),
    tx.select(fields({ kind: 'died', source: 'children', date: children.dateOfDeath, sourceId: children.id })).from(children).where(and(eq(children.id, childId), isNotNull(children.dateOfDeath))),
    tx
      .select(fields({ kind: 'immigration-status-started', source: 'immigration_statuses', date: immigrationStatuses.startDate, sourceId: immigrationStatuses.id, data: json({ status: immigrationStatuses.status }) }))
      .from(immigrationStatuses)
      .where(eq(immigrationStatuses.childId, childId)),
    tx
      .select(fields({ kind: 'immigration-status-ended', source: 'immigration_statuses', date: immigrationStatuses.endDate, sourceId: immigrationStatuses.id, data: json({ status: immigrationStatuses.status }) }))
      .from(immigrationStatuses)
      .where(and(eq(immigrationStatuses.childId, childId), isNotNull(immigrationStatuses.endDate))),
    tx
      .select(fields({ kind: 'disability-recorded', source: 'child_disabilities', date: childDisabilities.recordedDate, sourceId: childDisabilities.id, data: json({ code: childDisabilities.code }) }))
      .from(childDisabilities)
      .where(and(eq(childDisabilities.childId, childId), isNotNull(childDisabilities.recordedDate))),

    // The front door and early help.
    tx
      .select(
        fields({
          kind: 'contact',
          source: 'contacts',
          date: contacts.contactDate,
          sourceId: contacts.id,
          worker,
          team,
          data: json({ source: contacts.source, mashDecision: contacts.mashDecision, decisionDate: contacts.decisionDate, bragInitial: contacts.bragInitial, bragFinal: contacts.bragFinal }),
        }),
      )
      .from(contacts)
      .leftJoin(workers, eq(workers.id, contacts.workerId))
      .leftJoin(teams, eq(teams.id, contacts.teamId))
      .where(eq(contacts.childId, childId)),
    tx
      .select(
        fields({
          kind: 'early-help-started',
          source: 'early_help_episodes',
          date: earlyHelpEpisodes.requestDate,
          sourceId: earlyHelpEpisodes.id,
          worker,
          team,
          data: json({
            organisation: earlyHelpEpisodes.organisation,
            allocationDate: earlyHelpEpisodes.allocationDate,
            assessmentStartDate: earlyHelpEpisodes.assessmentStartDate,
            assessmentCompletionDate: earlyHelpEpisodes.assessmentCompletionDate,
          }),
        }),
      )
      .from(earlyHelpEpisodes)
      .leftJoin(workers, eq(workers.id, earlyHelpEpisodes.workerId))
      .leftJoin(teams, eq(teams.id, earlyHelpEpisodes.teamId))
      .where(eq(earlyHelpEpisodes.childId, childId)),
    tx
      .select(fields({ kind: 'early-help-ended', source: 'early_help_episodes', date: earlyHelpEpisodes.endDate, sourceId: earlyHelpEpisodes.id, data: json({ outcome: earlyHelpEpisodes.outcome }) }))
      .from(earlyHelpEpisodes)
      .where(and(eq(earlyHelpEpisodes.childId, childId), isNotNull(earlyHelpEpisodes.endDate))),

    // Referrals (CIN episodes) and assessments.
    tx
      .select(
        fields({
          kind: 'referral',
          source: 'cin_episodes',
          date: cinEpisodes.referralDate,
          sourceId: cinEpisodes.id,
          worker,
          team,
          data: json({ source: cinEpisodes.referralSource, primaryNeed: cinEpisodes.primaryNeedCode, nfa: cinEpisodes.referralNfa }),
        }),
      )
      .from(cinEpisodes)
      .leftJoin(workers, eq(workers.id, cinEpisodes.workerId))
      .leftJoin(teams, eq(teams.id, cinEpisodes.teamId))
      .where(eq(cinEpisodes.childId, childId)),
    tx
      .select(fields({ kind: 'referral-closed', source: 'cin_episodes', date: cinEpisodes.closureDate, sourceId: cinEpisodes.id, data: json({ reason: cinEpisodes.closureReason }) }))
      .from(cinEpisodes)
      .where(and(eq(cinEpisodes.childId, childId), isNotNull(cinEpisodes.closureDate))),
    tx
      .select(fields({ kind: 'assessment-started', source: 'assessments', date: assessments.startDate, sourceId: assessments.id, worker, team, data: json({ childSeenDate: assessments.childSeenDate }) }))
      .from(assessments)
      .leftJoin(workers, eq(workers.id, assessments.workerId))
      .leftJoin(teams, eq(teams.id, assessments.teamId))
      .where(eq(assessments.childId, childId)),
    tx
      .select(
        fields({
          kind: 'assessment-authorised',
          source: 'assessments',
          date: assessments.authorisationDate,
          sourceId: assessments.id,
          worker,
          team,
          data: json({ childSeen: assessments.childSeen, childSeenAlone: assessments.childSeenAlone, factors: assessments.factors, furtherServices: assessments.furtherServices }),
        }),
      )
      .from(assessments)
      .leftJoin(workers, eq(workers.id, assessments.workerId))
      .leftJoin(teams, eq(teams.id, assessments.teamId))
      .where(and(eq(assessments.childId, childId), isNotNull(assessments.authorisationDate))),

    // Child protection.
    tx
      .select(
        fields({
          kind: 'strategy-discussion',
          source: 'strategy_discussions',
          date: strategyDiscussions.discussionDate,
          sourceId: strategyDiscussions.id,
          data: json({
            policePresent: strategyDiscussions.policePresent,
            healthPresent: strategyDiscussions.healthPresent,
            educationPresent: strategyDiscussions.educationPresent,
            outcome: strategyDiscussions.outcome,
          }),
        }),
      )
      .from(strategyDiscussions)
      .where(eq(strategyDiscussions.childId, childId)),
    tx
      .select(fields({ kind: 's47-started', source: 's47_enquiries', date: s47Enquiries.startDate, sourceId: s47Enquiries.id, worker, team }))
      .from(s47Enquiries)
      .leftJoin(workers, eq(workers.id, s47Enquiries.workerId))
      .leftJoin(teams, eq(teams.id, s47Enquiries.teamId))
      .where(eq(s47Enquiries.childId, childId)),
    tx
      .select(fields({ kind: 's47-ended', source: 's47_enquiries', date: s47Enquiries.endDate, sourceId: s47Enquiries.id, data: json({ outcome: s47Enquiries.outcome, icpcNotRequired: s47Enquiries.icpcNotRequired }) }))
      .from(s47Enquiries)
      .where(and(eq(s47Enquiries.childId, childId), isNotNull(s47Enquiries.endDate))),
    tx
      .select(
        fields({
          kind: 'icpc',
          source: 'initial_cp_conferences',
          date: initialCpConferences.conferenceDate,
          sourceId: initialCpConferences.id,
          data: json({ outcomeCpPlan: initialCpConferences.outcomeCpPlan, transferIn: initialCpConferences.transferIn, targetDate: initialCpConferences.targetDate }),
        }),
      )
      .from(initialCpConferences)
      .where(eq(initialCpConferences.childId, childId)),
    tx
      .select(
        fields({
          kind: 'cp-plan-started',
          source: 'cp_plans',
          date: cpPlans.startDate,
          sourceId: cpPlans.id,
          worker,
          team,
          data: json({ initialCategory: cpPlans.initialCategory, previousPlans: cpPlans.numberOfPreviousPlans, epoOrPoliceProtection: cpPlans.epoOrPoliceProtection }),
        }),
      )
      .from(cpPlans)
      .leftJoin(workers, eq(workers.id, cpPlans.workerId))
      .leftJoin(teams, eq(teams.id, cpPlans.teamId))
      .where(eq(cpPlans.childId, childId)),
    tx
      .select(
        fields({
          kind: 'cp-review',
          source: 'cp_reviews',
          date: cpReviews.reviewDate,
          sourceId: cpReviews.id,
          data: json({ quorate: cpReviews.quorate, participation: cpReviews.participation, dueDate: cpReviews.dueDate }),
        }),
      )
      .from(cpReviews)
      .where(eq(cpReviews.childId, childId)),
    tx
      .select(fields({ kind: 'cp-plan-ended', source: 'cp_plans', date: cpPlans.endDate, sourceId: cpPlans.id, data: json({ latestCategory: cpPlans.latestCategory, startDate: cpPlans.startDate }) }))
      .from(cpPlans)
      .where(and(eq(cpPlans.childId, childId), isNotNull(cpPlans.endDate))),

    // Child in need plans and visits.
    tx
      .select(fields({ kind: 'cin-plan-started', source: 'cin_plans', date: cinPlans.startDate, sourceId: cinPlans.id, worker, team }))
      .from(cinPlans)
      .leftJoin(workers, eq(workers.id, cinPlans.workerId))
      .leftJoin(teams, eq(teams.id, cinPlans.teamId))
      .where(eq(cinPlans.childId, childId)),
    tx
      .select(fields({ kind: 'cin-plan-ended', source: 'cin_plans', date: cinPlans.endDate, sourceId: cinPlans.id, data: json({ startDate: cinPlans.startDate }) }))
      .from(cinPlans)
      .where(and(eq(cinPlans.childId, childId), isNotNull(cinPlans.endDate))),
    tx
      .select(fields({ kind: 'visit', source: 'visits', date: visits.visitDate, sourceId: visits.id, worker, data: json({ kind: visits.kind, seen: visits.seen, seenAlone: visits.seenAlone }) }))
      .from(visits)
      .leftJoin(workers, eq(workers.id, visits.workerId))
      .where(eq(visits.childId, childId)),

    // Pre-proceedings and court.
    tx
      .select(
        fields({
          kind: 'pre-proceedings-started',
          source: 'pre_proceedings',
          date: preProceedings.startDate,
          sourceId: preProceedings.id,
          data: json({ letterDate: preProceedings.letterBeforeProceedingsDate, fgdmOffered: preProceedings.familyGroupDecisionOffered, initialMeetingDate: preProceedings.initialMeetingDate }),
        }),
      )
      .from(preProceedings)
      .where(eq(preProceedings.childId, childId)),
    tx
      .select(
        fields({
          kind: 'pre-proceedings-ended',
          source: 'pre_proceedings',
          date: preProceedings.endDate,
          sourceId: preProceedings.id,
          data: json({ outcome: preProceedings.outcome, reviewMeetings: preProceedings.reviewMeetings, startDate: preProceedings.startDate }),
        }),
      )
      .from(preProceedings)
      .where(and(eq(preProceedings.childId, childId), isNotNull(preProceedings.endDate))),
    tx
      .select(fields({ kind: 'care-proceedings-issued', source: 'care_proceedings', date: careProceedings.issueDate, sourceId: careProceedings.id }))
      .from(careProceedings)
      .where(eq(careProceedings.childId, childId)),
    tx
      .select(
        fields({
          kind: 'care-proceedings-concluded',
          source: 'care_proceedings',
          date: sql`coalesce(${careProceedings.endDate}, ${careProceedings.finalHearingDate})`,
          sourceId: careProceedings.id,
          data: json({ finalOrder: careProceedings.finalOrder, issueDate: careProceedings.issueDate }),
        }),
      )
      .from(careProceedings)
      .where(and(eq(careProceedings.childId, childId), sql`coalesce(${careProceedings.endDate}, ${careProceedings.finalHearingDate}) is not null`)),

    // In care.
    tx
      .select(fields({ kind: 'care-started', source: 'periods_of_care', date: periodsOfCare.startDate, sourceId: periodsOfCare.id, data: json({ categoryOfNeed: periodsOfCare.categoryOfNeed }) }))
      .from(periodsOfCare)
      .where(eq(periodsOfCare.childId, childId)),
    tx
      .select(fields({ kind: 'permanence-plan', source: 'periods_of_care', date: periodsOfCare.permanencePlanDate, sourceId: periodsOfCare.id, data: json({ plan: periodsOfCare.permanencePlan }) }))
      .from(periodsOfCare)
      .where(and(eq(periodsOfCare.childId, childId), isNotNull(periodsOfCare.permanencePlanDate))),
    tx
      .select(fields({ kind: 'care-ended', source: 'periods_of_care', date: periodsOfCare.endDate, sourceId: periodsOfCare.id, data: json({ reasonCeased: periodsOfCare.reasonCeased, startDate: periodsOfCare.startDate }) }))
      .from(periodsOfCare)
      .where(and(eq(periodsOfCare.childId, childId), isNotNull(periodsOfCare.endDate))),
    tx
      .select(fields({ kind: 'legal-status', source: 'legal_statuses', date: legalStatuses.startDate, sourceId: legalStatuses.id, data: json({ legalStatus: legalStatuses.legalStatus }) }))
      .from(legalStatuses)
      .where(eq(legalStatuses.childId, childId)),
    tx
      .select(
        fields({
          kind: 'placement-started',
          source: 'placements',
          date: placements.startDate,
          sourceId: placements.id,
          data: json({
            placementType: placements.placementType,
            provider: placements.provider,
            inArea: placements.inArea,
            distanceMiles: placements.distanceMiles,
          }),
        }),
      )
      .from(placements)
      .where(eq(placements.childId, childId)),
    tx
      .select(fields({ kind: 'placement-ended', source: 'placements', date: placements.endDate, sourceId: placements.id, data: json({ placementType: placements.placementType, changeReason: placements.changeReason }) }))
      .from(placements)
      .where(and(eq(placements.childId, childId), isNotNull(placements.endDate))),
    tx
      .select(fields({ kind: 'cla-review', source: 'cla_reviews', date: claReviews.reviewDate, sourceId: claReviews.id, data: json({ participation: claReviews.participation, dueDate: claReviews.dueDate }) }))
      .from(claReviews)
      .where(eq(claReviews.childId, childId)),
    tx
      .select(fields({ kind: 'health-assessment', source: 'health_assessments', date: healthAssessments.assessmentDate, sourceId: healthAssessments.id, data: json({ kind: healthAssessments.kind }) }))
      .from(healthAssessments)
      .where(eq(healthAssessments.childId, childId)),
    tx.select(fields({ kind: 'dental-check', source: 'dental_checks', date: dentalChecks.checkDate, sourceId: dentalChecks.id })).from(dentalChecks).where(eq(dentalChecks.childId, childId)),
    tx
      .select(fields({ kind: 'sdq', source: 'sdq_scores', date: sdqScores.assessmentDate, sourceId: sdqScores.id, data: json({ score: sdqScores.score, reason: sdqScores.reason }) }))
      .from(sdqScores)
      .where(eq(sdqScores.childId, childId)),
    tx
      .select(fields({ kind: 'pep', source: 'personal_education_plans', date: personalEducationPlans.pepDate, sourceId: personalEducationPlans.id }))
      .from(personalEducationPlans)
      .where(eq(personalEducationPlans.childId, childId)),

    // Missing and away, with return home interviews.
    tx
      .select(fields({ kind: 'missing-started', source: 'missing_episodes', date: ukDate(missingEpisodes.startAt), time: ukTime(missingEpisodes.startAt), sourceId: missingEpisodes.id, data: json({ kind: missingEpisodes.kind }) }))
      .from(missingEpisodes)
      .where(eq(missingEpisodes.childId, childId)),
    tx
      .select(
        fields({
          kind: 'missing-ended',
          source: 'missing_episodes',
          date: ukDate(missingEpisodes.endAt),
          time: ukTime(missingEpisodes.endAt),
          sourceId: missingEpisodes.id,
          data: json({ kind: missingEpisodes.kind, rhiOfferedDate: missingEpisodes.rhiOfferedDate, rhiAcceptedDate: missingEpisodes.rhiAcceptedDate }),
        }),
      )
      .from(missingEpisodes)
      .where(and(eq(missingEpisodes.childId, childId), isNotNull(missingEpisodes.endAt))),
    tx
      .select(fields({ kind: 'rhi-completed', source: 'missing_episodes', date: ukDate(missingEpisodes.rhiCompletedAt), time: ukTime(missingEpisodes.rhiCompletedAt), sourceId: missingEpisodes.id }))
      .from(missingEpisodes)
      .where(and(eq(missingEpisodes.childId, childId), isNotNull(missingEpisodes.rhiCompletedAt))),

    // Adoption and special guardianship milestones: one event per date recorded.
    ...(
      [
        ['adm-decision', permanenceMilestones.admDecisionDate],
        ['placement-order', permanenceMilestones.placementOrderDate],
        ['matched', permanenceMilestones.matchedDate],
        ['ffa-placed', permanenceMilestones.ffaPlacedDate],
        ['placed-for-adoption', permanenceMilestones.placedForAdoptionDate],
      ] as const
    ).map(([k, column]) =>
      tx
        .select(fields({ kind: k, source: 'permanence_milestones', date: column, sourceId: permanenceMilestones.id }))
        .from(permanenceMilestones)
        .where(and(eq(permanenceMilestones.childId, childId), isNotNull(column))),
    ),
    tx
      .select(fields({ kind: 'decision-reversed', source: 'permanence_milestones', date: permanenceMilestones.decisionReversedDate, sourceId: permanenceMilestones.id, data: json({ reason: permanenceMilestones.decisionReversedReason }) }))
      .from(permanenceMilestones)
      .where(and(eq(permanenceMilestones.childId, childId), isNotNull(permanenceMilestones.decisionReversedDate))),
    tx
      .select(
        fields({
          kind: 'permanence-order',
          source: 'permanence_milestones',
          date: permanenceMilestones.orderDate,
          sourceId: permanenceMilestones.id,
          data: json({ orderType: permanenceMilestones.orderType, adoptedByFosterCarer: permanenceMilestones.adoptedByFosterCarer }),
        }),
      )
      .from(permanenceMilestones)
      .where(and(eq(permanenceMilestones.childId, childId), isNotNull(permanenceMilestones.orderDate))),

    // Care leavers.
    tx
      .select(fields({ kind: 'care-leaver-started', source: 'care_leavers', date: careLeavers.startDate, sourceId: careLeavers.id, data: json({ eligibility: careLeavers.eligibility }) }))
      .from(careLeavers)
      .where(eq(careLeavers.childId, childId)),
    tx
      .select(fields({ kind: 'pa-linked', source: 'care_leavers', date: careLeavers.paLinkedDate, sourceId: careLeavers.id, worker: pa.name }))
      .from(careLeavers)
      .leftJoin(pa, eq(pa.id, careLeavers.personalAdviserId))
      .where(and(eq(careLeavers.childId, childId), isNotNull(careLeavers.paLinkedDate))),
    tx
      .select(fields({ kind: 'staying-put', source: 'care_leavers', date: careLeavers.stayingPutStartDate, sourceId: careLeavers.id }))
      .from(careLeavers)
      .where(and(eq(careLeavers.childId, childId), isNotNull(careLeavers.stayingPutStartDate))),
    tx
      .select(fields({ kind: 'care-leaver-ended', source: 'care_leavers', date: careLeavers.endDate, sourceId: careLeavers.id, data: json({ eligibility: careLeavers.eligibility }) }))
      .from(careLeavers)
      .where(and(eq(careLeavers.childId, childId), isNotNull(careLeavers.endDate))),
    tx
      .select(fields({ kind: 'pathway-plan-review', source: 'pathway_plan_reviews', date: pathwayPlanReviews.reviewDate, sourceId: pathwayPlanReviews.id }))
      .from(pathwayPlanReviews)
      .where(eq(pathwayPlanReviews.childId, childId)),
    tx
      .select(
        fields({
          kind: 'care-leaver-contact',
          source: 'care_leaver_contacts',
          date: careLeaverContacts.contactDate,
          sourceId: careLeaverContacts.id,
          data: json({
            inTouch: careLeaverContacts.inTouch,
            accommodation: careLeaverContacts.accommodation,
            accommodationSuitable: careLeaverContacts.accommodationSuitable,
            activity: careLeaverContacts.activity,
          }),
        }),
      )
      .from(careLeaverContacts)
      .where(eq(careLeaverContacts.childId, childId)),

    // Deprivation of Liberty Orders while looked after.
    tx
      .select(fields({ kind: 'dolo-started', source: 'deprivation_of_liberty_orders', date: deprivationOfLibertyOrders.startDate, sourceId: deprivationOfLibertyOrders.id }))
      .from(deprivationOfLibertyOrders)
      .where(eq(deprivationOfLibertyOrders.childId, childId)),
    tx
      .select(fields({ kind: 'dolo-ended', source: 'deprivation_of_liberty_orders', date: deprivationOfLibertyOrders.endDate, sourceId: deprivationOfLibertyOrders.id }))
      .from(deprivationOfLibertyOrders)
      .where(and(eq(deprivationOfLibertyOrders.childId, childId), isNotNull(deprivationOfLibertyOrders.endDate))),

    // Private fostering.
    tx
      .select(fields({ kind: 'private-fostering-notified', source: 'private_fostering', date: privateFostering.notificationDate, sourceId: privateFostering.id, data: json({ arrangementStartDate: privateFostering.arrangementStartDate }) }))
      .from(privateFostering)
      .where(eq(privateFostering.childId, childId)),
    tx
      .select(fields({ kind: 'private-fostering-visit', source: 'private_fostering', date: privateFostering.initialVisitDate, sourceId: privateFostering.id }))
      .from(privateFostering)
      .where(and(eq(privateFostering.childId, childId), isNotNull(privateFostering.initialVisitDate))),
    tx
      .select(fields({ kind: 'private-fostering-assessed', source: 'private_fostering', date: privateFostering.assessmentCompletedDate, sourceId: privateFostering.id }))
      .from(privateFostering)
      .where(and(eq(privateFostering.childId, childId), isNotNull(privateFostering.assessmentCompletedDate))),
    tx
      .select(fields({ kind: 'private-fostering-ended', source: 'private_fostering', date: privateFostering.endDate, sourceId: privateFostering.id }))
      .from(privateFostering)
      .where(and(eq(privateFostering.childId, childId), isNotNull(privateFostering.endDate))),

    // LADO referrals that concern the child.
    tx
      .select(
        fields({
          kind: 'lado-referral',
          source: 'lado_referrals',
          date: ladoReferrals.referralDate,
          sourceId: ladoReferrals.id,
          data: json({ sector: ladoReferrals.employmentSector, initialConsiderationDate: ladoReferrals.initialConsiderationDate, strategyMeetingHeld: ladoReferrals.strategyMeetingHeld }),
        }),
      )
      .from(ladoReferrals)
      .where(eq(ladoReferrals.childId, childId)),
    tx
      .select(fields({ kind: 'lado-closed', source: 'lado_referrals', date: ladoReferrals.closedDate, sourceId: ladoReferrals.id, data: json({ outcome: ladoReferrals.outcome }) }))
      .from(ladoReferrals)
      .where(and(eq(ladoReferrals.childId, childId), isNotNull(ladoReferrals.closedDate))),

    // Case audits of the child's record, once submitted (the agreed grade after moderation beside the auditor's).
    tx
      .select(
        fields({
          kind: 'case-audit',
          source: 'case_audits',
          date: caseAudits.submittedOn,
          sourceId: caseAudits.id,
          data: json({ overallGrade: caseAudits.overallGrade, agreedOverallGrade: caseAudits.agreedOverallGrade, auditorName: caseAudits.auditorName }),
        }),
      )
      .from(caseAudits)
      .where(and(eq(caseAudits.childId, childId), isNotNull(caseAudits.submittedOn))),

    // Allocations to workers and teams.
    tx
      .select(fields({ kind: 'allocated', source: 'allocations', date: allocations.startDate, sourceId: allocations.id, worker, team, data: json({ role: allocations.role }) }))
      .from(allocations)
      .leftJoin(workers, eq(workers.id, allocations.workerId))
      .leftJoin(teams, eq(teams.id, allocations.teamId))
      .where(eq(allocations.childId, childId)),
    tx
      .select(fields({ kind: 'allocation-ended', source: 'allocations', date: allocations.endDate, sourceId: allocations.id, worker, team, data: json({ role: allocations.role, endReason: allocations.endReason }) }))
      .from(allocations)
      .leftJoin(workers, eq(workers.id, allocations.workerId))
      .leftJoin(teams, eq(teams.id, allocations.teamId))
      .where(and(eq(allocations.childId, childId), isNotNull(allocations.endDate))),
  ] as const;
}
