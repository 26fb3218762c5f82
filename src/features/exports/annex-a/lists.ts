/**
 * The rows of each Annex A list, built from a Snapshot of the canonical model as at a date: each list's inclusion
 * rule (Ofsted's wording for each list, as quoted in Data to Insight's SSD Annex A extraction SQL) and its derived
 * columns (worked out as that SQL does), as pure functions. Values are
 * canonical codes and ISO dates; workbook.ts turns them into Ofsted's option strings and Excel dates.
 *
 * Decisions where Ofsted's wording leaves room (each also said beside the code):
 * - Lists 6, 7 and 8 have one row per child (the latest episode, plan or period in scope), as the SSD SQL does.
 * - Allocated team and worker: the child's allocation open at the as-at date (a social worker's before any other
 *   role, then the primary one, then the latest started); for a child with none open, their last allocation.
 * - Dates after the as-at date are blank (they had not happened yet) and episodes ending after it are open.
 */
import type { AnnexALayoutYear, ListNumber } from '../../annex-a/layouts';
import { ageAt, asOf, monthsBefore, openAt, within, type Window } from './windows';
import type { Snapshot } from './load';
import { addMonths, addDays } from '../../../domain/working-days';

export type Cell = string | number | null;
export type ListRow = Record<string, Cell>;

function groupBy<T>(rows: readonly T[], key: (r: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

const yn = (b: boolean | null | undefined): string | null => (b === null || b === undefined ? null : b ? 'Y' : 'N');
const ynu = (b: boolean | null | undefined): string => (b === null || b === undefined ? 'U' : b ? 'Y' : 'N');
const latest = (dates: ReadonlyArray<string | null>): string | null =>
  dates.reduce<string | null>((m, d) => (d !== null && (m === null || d > m) ? d : m), null);

const ROLE_ORDER = ['social-worker', 'personal-adviser'];

/** The pieces every list needs, indexed once. */
export class AnnexAContext {
  readonly asAt: string;
  readonly w6: Window;
  readonly w12: Window;
  private readonly allocationsByChild: Map<number, Snapshot['allocations']>;

  constructor(readonly snap: Snapshot) {
    this.asAt = snap.asAt;
    this.w6 = monthsBefore(snap.asAt, 6);
    this.w12 = monthsBefore(snap.asAt, 12);
    this.allocationsByChild = groupBy(snap.allocations, (a) => a.childId);
  }

  /** Child Unique ID, sex, ethnicity, date of birth (the expected one for an unborn child) and age. */
  common(childId: number): ListRow {
    const c = this.snap.children.get(childId);
    if (!c) throw new Error(`child ${childId} not loaded`);
    const unborn = c.dateOfBirth === null && c.expectedDateOfBirth !== null;
    const dob = c.dateOfBirth ?? c.expectedDateOfBirth;
    return { childId: c.laChildId, sex: c.sex, ethnicity: c.ethnicity, dob, age: ageAt(dob, this.asAt, unborn) };
  }

  disability(childId: number): string {
    return this.snap.disabled.has(childId) ? 'Y' : 'N';
  }

  allocation(childId: number): { team: string | null; worker: string | null } {
    const all = (this.allocationsByChild.get(childId) ?? []).filter((a) => a.startDate <= this.asAt);
    const open = all.filter((a) => openAt(a.startDate, a.endDate, this.asAt));
    const rank = (role: string) => {
      const i = ROLE_ORDER.indexOf(role);
      return i < 0 ? ROLE_ORDER.length : i;
    };
    const pool = open.length ? open : all;
    const sorted = [...pool].sort(
      (a, b) =>
        (open.length ? 0 : (b.endDate ?? '').localeCompare(a.endDate ?? '')) ||
        rank(a.role) - rank(b.role) ||
        Number(b.isPrimary) - Number(a.isPrimary) ||
        b.startDate.localeCompare(a.startDate) ||
        b.id - a.id,
    );
    const chosen = sorted[0];
    if (!chosen) return { team: null, worker: null };
    return {
      team: this.snap.teams.get(chosen.teamId) ?? null,
      worker: chosen.workerId === null ? null : (this.snap.workers.get(chosen.workerId) ?? null),
    };
  }
}

// ——— List 1: contacts in the six months before ———
export function list1(x: AnnexAContext): ListRow[] {
  return x.snap.contacts
    .filter((c) => within(c.contactDate, x.w6))
    .sort((a, b) => a.contactDate.localeCompare(b.contactDate) || a.id - b.id)
    .map((c) => ({ ...x.common(c.childId), contactDate: c.contactDate, source: c.source }));
}

// ——— List 2: early help assessments in the six months before, and interventions open at the as-at date ———
/**
 * Included: an episode whose assessment started or was completed in the window, or that was open at the as-at
 * date. "Assessment start date" is required, so an episode whose assessment has not started shows its request date.
 */
export function list2(x: AnnexAContext): ListRow[] {
  return x.snap.earlyHelp
    .filter(
      (e) =>
        within(asOf(e.assessmentStartDate, x.asAt), x.w6) ||
        within(asOf(e.assessmentCompletionDate, x.asAt), x.w6) ||
        openAt(e.requestDate, e.endDate, x.asAt),
    )
    .sort(
      (a, b) =>
        (a.assessmentStartDate ?? a.requestDate).localeCompare(b.assessmentStartDate ?? b.requestDate) || a.id - b.id,
    )
    .map((e) => ({
      ...x.common(e.childId),
      ehStart: asOf(e.assessmentStartDate, x.asAt) ?? e.requestDate,
      ehEnd: asOf(e.assessmentCompletionDate, x.asAt),
      organisation: e.organisation,
    }));
}

// ——— List 3: referrals in the six months before ———
/** Number of referrals in the last 12 months: the child's referrals dated in the 12 months ending at the as-at date, this one included. */
export function list3(x: AnnexAContext): ListRow[] {
  const byChild = groupBy(x.snap.referrals, (r) => r.childId);
  return x.snap.referrals
    .filter((r) => within(r.referralDate, x.w6))
    .sort((a, b) => a.referralDate.localeCompare(b.referralDate) || a.id - b.id)
    .map((r) => ({
      ...x.common(r.childId),
      referralDate: r.referralDate,
      source: r.referralSource,
      nfa: yn(r.referralNfa),
      referrals12m: (byChild.get(r.childId) ?? []).filter((o) => within(o.referralDate, x.w12)).length,
      ...x.allocation(r.childId),
    }));
}

// ——— List 4: assessments in the six months before ———
/** Included: started or authorised in the window, or still open (not authorised) at the as-at date. */
export function list4(x: AnnexAContext): ListRow[] {
  return x.snap.assessments
    .filter(
      (a) =>
        within(a.startDate, x.w6) ||
        within(asOf(a.authorisationDate, x.asAt), x.w6) ||
        openAt(a.startDate, a.authorisationDate, x.asAt),
    )
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id)
    .map((a) => {
      const authorised = asOf(a.authorisationDate, x.asAt);
      return {
        ...x.common(a.childId),
        disability: x.disability(a.childId),
        assessmentStart: a.startDate,
        childSeen: ynu(a.childSeen),
        authorised,
        furtherServices: authorised === null ? null : yn(a.furtherServices),
        ...x.allocation(a.childId),
      };
    });
}

// ——— List 5: section 47 enquiries in the six months before, including open ones ———
/**
 * Included: started in the window, or open at the as-at date. The counts are of the child's other S47s (started in
 * the 12 months before this one started; one started the same day counts if it was recorded first) and of ICPCs
 * held in the 12 months before it started — the current enquiry excluded (as the SSD SQL counts them).
 */
export function list5(x: AnnexAContext): ListRow[] {
  const s47ByChild = groupBy(x.snap.s47s, (r) => r.childId);
  const icpcByChild = groupBy(x.snap.icpcs, (r) => r.childId);
  const icpcByS47 = new Map(
    x.snap.icpcs.filter((i) => i.s47EnquiryId !== null).map((i) => [i.s47EnquiryId as number, i]),
  );
  return x.snap.s47s
    .filter((e) => within(e.startDate, x.w6) || openAt(e.startDate, e.endDate, x.asAt))
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id)
    .map((e) => {
      const before = { from: addMonths(e.startDate, -12), to: addDays(e.startDate, -1) };
      const icpc = icpcByS47.get(e.id);
      const held = icpc && icpc.conferenceDate <= x.asAt ? icpc : undefined;
      return {
        ...x.common(e.childId),
        disability: x.disability(e.childId),
        s47Start: e.startDate,
        icpcNotRequired: yn(e.icpcNotRequired),
        icpcDate: held?.conferenceDate ?? null,
        icpcCpPlan: held ? yn(held.outcomeCpPlan) : null,
        s47s12m: (s47ByChild.get(e.childId) ?? []).filter(
          (o) => o.id !== e.id && (within(o.startDate, before) || (o.startDate === e.startDate && o.id < e.id)),
        ).length,
        icpcs12m: (icpcByChild.get(e.childId) ?? []).filter((i) => within(i.conferenceDate, before)).length,
        ...x.allocation(e.childId),
      };
    });
}

// ——— List 6: children in need at the as-at date or in the six months before ———
/**
 * One row per child: their latest CIN episode open at the as-at date or closed in the window. Left out, as Ofsted
 * says: care leavers (an entitlement open at the as-at date) and children who were only referred (NFA referrals).
 * Case Status in the SSD SQL's priority order; an open episode with none of those open is "c) Child in need plan", as the
 * SSD SQL's catch-all does. Date last seen: the latest visit at which the child was seen during the episode.
 */
export function list6(x: AnnexAContext): ListRow[] {
  const { snap, asAt } = x;
  const careLeavers = new Set(
    snap.careLeavers.filter((c) => openAt(c.startDate, c.endDate, asAt)).map((c) => c.childId),
  );
  const inScope = snap.referrals.filter(
    (r) =>
      !r.referralNfa &&
      !careLeavers.has(r.childId) &&
      (openAt(r.referralDate, r.closureDate, asAt) || within(asOf(r.closureDate, asAt), x.w6)),
  );
  const latestByChild = new Map<number, (typeof inScope)[number]>();
  for (const r of inScope) {
    const cur = latestByChild.get(r.childId);
    if (!cur || r.referralDate > cur.referralDate || (r.referralDate === cur.referralDate && r.id > cur.id))
      latestByChild.set(r.childId, r);
  }
  const has = <T extends { childId: number }>(rows: readonly T[], open: (r: T) => boolean) =>
    new Set(rows.filter(open).map((r) => r.childId));
  const inCare = has(snap.periods, (p) => openAt(p.startDate, p.endDate, asAt));
  const onCp = has(snap.cpPlans, (p) => openAt(p.startDate, p.endDate, asAt));
  const onCin = has(snap.cinPlans, (p) => openAt(p.startDate, p.endDate, asAt));
  const assessing = has(snap.assessments, (a) => openAt(a.startDate, a.authorisationDate, asAt));
  const visitsByChild = groupBy(snap.visits, (v) => v.childId);
  return [...latestByChild.values()]
    .sort((a, b) => a.referralDate.localeCompare(b.referralDate) || a.id - b.id)
    .map((r) => {
      const closed = asOf(r.closureDate, asAt);
      const until = closed ?? asAt;
      const status = inCare.has(r.childId)
        ? 'cla'
        : onCp.has(r.childId)
          ? 'cp'
          : onCin.has(r.childId)
            ? 'cin'
            : assessing.has(r.childId)
              ? 'assessment'
              : closed !== null
                ? 'closed'
                : 'cin';
      return {
        ...x.common(r.childId),
        disability: x.disability(r.childId),
        cinStart: r.referralDate,
        primaryNeed: r.primaryNeedCode ?? 'N0',
        lastSeen: latest(
          (visitsByChild.get(r.childId) ?? [])
            .filter((v) => v.seen && v.visitDate >= r.referralDate && v.visitDate <= until)
            .map((v) => v.visitDate),
        ),
        cinClosure: closed,
        closureReason: closed === null ? null : r.closureReason,
        caseStatus: status,
        ...x.allocation(r.childId),
      };
    });
}

// ——— List 7: child protection plans open at the as-at date or ended in the six months before ———
/**
 * One row per child: the latest plan in scope. Last statutory visit: the latest CP visit during the plan; seen alone
 * from that visit (unknown when not recorded). Number of previous plans: the child's plans that started before this
 * one, or the number recorded with the plan (CIN census NumberOfPreviousCPP) when that is larger, since it also
 * knows plans from before Lantern's records.
 */
export function list7(x: AnnexAContext): ListRow[] {
  const { snap, asAt } = x;
  const inScope = snap.cpPlans.filter(
    (p) => openAt(p.startDate, p.endDate, asAt) || within(asOf(p.endDate, asAt), x.w6),
  );
  const latestByChild = new Map<number, (typeof inScope)[number]>();
  for (const p of inScope) {
    const cur = latestByChild.get(p.childId);
    if (!cur || p.startDate > cur.startDate || (p.startDate === cur.startDate && p.id > cur.id))
      latestByChild.set(p.childId, p);
  }
  const plansByChild = groupBy(snap.cpPlans, (p) => p.childId);
  const visitsByChild = groupBy(
    snap.visits.filter((v) => v.kind === 'cp'),
    (v) => v.childId,
  );
  const reviewsByPlan = groupBy(snap.cpReviews, (r) => r.cpPlanId);
  return [...latestByChild.values()]
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id)
    .map((p) => {
      const end = asOf(p.endDate, asAt);
      const until = end ?? asAt;
      const visits = (visitsByChild.get(p.childId) ?? []).filter(
        (v) => v.visitDate >= p.startDate && v.visitDate <= until,
      );
      const lastVisit = latest(visits.map((v) => v.visitDate));
      const onLast = visits.filter((v) => v.visitDate === lastVisit);
      const seenAlone =
        lastVisit === null
          ? null
          : onLast.some((v) => v.seenAlone === true)
            ? 'Y'
            : onLast.some((v) => v.seenAlone === false)
              ? 'N'
              : 'U';
      const earlier = (plansByChild.get(p.childId) ?? []).filter((o) => o.startDate < p.startDate).length;
      return {
        ...x.common(p.childId),
        disability: x.disability(p.childId),
        cpStart: p.startDate,
        initialCategory: p.initialCategory,
        latestCategory: p.latestCategory,
        lastVisit,
        seenAlone,
        latestReview: latest((reviewsByPlan.get(p.id) ?? []).map((r) => r.reviewDate)),
        cpEnd: end,
        epo: yn(p.epoOrPoliceProtection),
        previousPlans: Math.max(earlier, p.numberOfPreviousPlans),
        ...x.allocation(p.childId),
      };
    });
}

// ——— List 8: children in care at the as-at date or who ceased in the six months before ———
/**
 * One row per child: the latest period of care open at the as-at date or ended in the window; children whose
 * current legal status is a short break (V3/V4) are left out, as the SSD SQL does. Decisions:
 * - second or subsequent period: the child had another period of care, started before this one, that was open at
 *   any time in the 12 months before the as-at date;
 * - number of placements: the child's placements open at any time in those 12 months;
 * - missing / absent: episodes (kind M / A) that started in those 12 months; return interview columns from the
 *   latest missing episode in them (blank when there was none);
 * - placement postcode: Lantern keeps only the postcode district, so the district is written;
 * - date of last IRO visit: Lantern does not record IRO contact, so it is blank;
 * - health assessment, dental check, review and social work visit: the latest during the period.
 */
export function list8(x: AnnexAContext): ListRow[] {
  const { snap, asAt } = x;
  const legalByPeriod = groupBy(
    snap.legalStatuses.filter((l) => l.startDate <= asAt),
    (l) => l.periodOfCareId,
  );
  const placementsByPeriod = groupBy(
    snap.placements.filter((p) => p.startDate <= asAt),
    (p) => p.periodOfCareId,
  );
  const placementsByChild = groupBy(
    snap.placements.filter((p) => p.startDate <= asAt),
    (p) => p.childId,
  );
  const reviewsByPeriod = groupBy(
    snap.claReviews.filter((r) => r.reviewDate <= asAt),
    (r) => r.periodOfCareId,
  );
  const periodsByChild = groupBy(snap.periods, (p) => p.childId);
  const claVisits = groupBy(
    snap.visits.filter((v) => v.kind === 'cla'),
    (v) => v.childId,
  );
  const health = groupBy(snap.healthDates, (h) => h.childId);
  const dental = groupBy(snap.dentalDates, (h) => h.childId);
  const missing = groupBy(
    snap.missing.filter((m) => within(m.startAt.toISOString().slice(0, 10), x.w12)),
    (m) => m.childId,
  );
  const uasc = groupBy(snap.uasc, (u) => u.childId);
  const latestLegal = (periodId: number) =>
    [...(legalByPeriod.get(periodId) ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate) || b.id - a.id)[0];

  const inScope = snap.periods.filter(
    (p) => openAt(p.startDate, p.endDate, asAt) || within(asOf(p.endDate, asAt), x.w6),
  );
  const latestByChild = new Map<number, (typeof inScope)[number]>();
  for (const p of inScope) {
    const cur = latestByChild.get(p.childId);
    if (!cur || p.startDate > cur.startDate || (p.startDate === cur.startDate && p.id > cur.id))
      latestByChild.set(p.childId, p);
  }
  const rows: ListRow[] = [];
  for (const p of [...latestByChild.values()].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id)) {
    const legal = latestLegal(p.id);
    if (legal && (legal.legalStatus === 'V3' || legal.legalStatus === 'V4')) continue;
    const end = asOf(p.endDate, asAt);
    const until = end ?? asAt;
    const placement = [...(placementsByPeriod.get(p.id) ?? [])].sort(
      (a, b) => b.startDate.localeCompare(a.startDate) || b.id - a.id,
    )[0];
    const during = (d: string) => d >= p.startDate && d <= until;
    const childMissing = missing.get(p.childId) ?? [];
    const lastMissing = childMissing
      .filter((m) => m.kind === 'M')
      .sort((a, b) => b.startAt.getTime() - a.startAt.getTime())[0];
    rows.push({
      ...x.common(p.childId),
      uasc: (uasc.get(p.childId) ?? []).some((u) => u.endDate === null || u.endDate >= x.w12.from) ? 'Y' : 'N',
      disability: x.disability(p.childId),
      claStart: p.startDate,
      categoryOfNeed: p.categoryOfNeed,
      secondPeriod: (periodsByChild.get(p.childId) ?? []).some(
        (o) => o.id !== p.id && o.startDate < p.startDate && (o.endDate === null || o.endDate >= x.w12.from),
      )
        ? 'Y'
        : 'N',
      legalStatusStart: legal?.startDate ?? null,
      legalStatus: legal?.legalStatus ?? null,
      latestReview: latest((reviewsByPeriod.get(p.id) ?? []).map((r) => r.reviewDate)),
      lastVisit: latest((claVisits.get(p.childId) ?? []).filter((v) => during(v.visitDate)).map((v) => v.visitDate)),
      permanencePlan: p.permanencePlanDate !== null && p.permanencePlanDate > asAt ? null : p.permanencePlan,
      lastIroVisit: null,
      lastHealth: latest((health.get(p.childId) ?? []).filter((h) => during(h.date)).map((h) => h.date)),
      lastDental: latest((dental.get(p.childId) ?? []).filter((h) => during(h.date)).map((h) => h.date)),
      placements12m: (placementsByChild.get(p.childId) ?? []).filter(
        (o) => o.endDate === null || o.endDate >= x.w12.from,
      ).length,
      claEnd: end,
      reasonCeased: end === null ? null : p.reasonCeased,
      placementStart: placement?.startDate ?? null,
      placementType: placement?.placementType ?? null,
      provider: placement?.provider ?? null,
      postcode: placement?.postcodeDistrict ?? null,
      urn: placement?.urn ?? null,
      location: placement?.inArea === null || placement?.inArea === undefined ? null : placement.inArea ? 'in' : 'out',
      laOfPlacement: placement?.laOfPlacement ?? (placement?.inArea ? snap.authority.name : null),
      missing12m: childMissing.filter((m) => m.kind === 'M').length,
      absent12m: childMissing.filter((m) => m.kind === 'A').length,
      rhiOffered: lastMissing ? yn(asOf(lastMissing.rhiOfferedDate, asAt) !== null) : null,
      rhiAccepted: lastMissing ? yn(asOf(lastMissing.rhiAcceptedDate, asAt) !== null) : null,
      ...x.allocation(p.childId),
    });
  }
  return rows;
}

// ——— List 9: care leavers entitled at the as-at date ———
/**
 * One row per child with a leaving-care entitlement open at the as-at date. UASC: ever recorded as unaccompanied
 * (the 2024 heading says "or formerly UASC if 18 or over"). LA in touch, accommodation, suitability and activity come
 * from the latest care leaver contact; an activity of 0 (no information) is blank.
 */
export function list9(x: AnnexAContext, layout: AnnexALayoutYear): ListRow[] {
  const { snap, asAt } = x;
  const open = snap.careLeavers.filter((c) => openAt(c.startDate, c.endDate, asAt));
  const latestByChild = new Map<number, (typeof open)[number]>();
  for (const c of open) {
    const cur = latestByChild.get(c.childId);
    if (!cur || c.startDate > cur.startDate || (c.startDate === cur.startDate && c.id > cur.id))
      latestByChild.set(c.childId, c);
  }
  const reviews = new Map(snap.pathwayReviews.map((r) => [r.childId, r.date]));
  const contacts = groupBy(snap.careLeaverContacts, (c) => c.childId);
  const uasc = new Set(snap.uasc.map((u) => u.childId));
  return [...latestByChild.values()]
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id)
    .map((c) => {
      const contact = [...(contacts.get(c.childId) ?? [])].sort(
        (a, b) => b.contactDate.localeCompare(a.contactDate) || b.id - a.id,
      )[0];
      const activity = contact?.activity && contact.activity !== '0' ? contact.activity : null;
      return {
        ...x.common(c.childId),
        ...(layout === 2022 ? {} : { uasc: uasc.has(c.childId) ? 'Y' : 'N' }),
        disability: x.disability(c.childId),
        ...x.allocation(c.childId),
        ...(layout === 2022
          ? {}
          : {
              personalAdviser: c.personalAdviserId === null ? null : (snap.workers.get(c.personalAdviserId) ?? null),
              pathwayReview: reviews.get(c.childId) ?? null,
              latestContact: contact?.contactDate ?? null,
            }),
        eligibility: c.eligibility,
        inTouch: contact?.inTouch ?? null,
        accommodation: contact?.accommodation ?? null,
        suitability: contact ? yn(contact.accommodationSuitable) : null,
        activity,
      };
    });
}

// ——— List 10: adoption in the 12 months before ———
/**
 * Children with a decision that they should be placed for adoption (on or before the as-at date) who, in the 12
 * months before, were adopted, or had the decision reversed, or are still waiting (neither by the as-at date).
 * "Date the Child Entered Care": the start of the period of care the milestones belong to (or the child's latest
 * period started on or before the decision).
 */
export function list10(x: AnnexAContext): ListRow[] {
  const { snap, asAt } = x;
  const periodsById = new Map(snap.periods.map((p) => [p.id, p]));
  const periodsByChild = groupBy(snap.periods, (p) => p.childId);
  return snap.permanence
    .filter((m) => {
      if (m.admDecisionDate === null || m.admDecisionDate > asAt) return false;
      const adopted = m.orderType === 'adoption' || m.orderType === null ? asOf(m.orderDate, asAt) : null;
      const reversed = asOf(m.decisionReversedDate, asAt);
      return within(adopted, x.w12) || within(reversed, x.w12) || (adopted === null && reversed === null);
    })
    .sort((a, b) => (a.admDecisionDate ?? '').localeCompare(b.admDecisionDate ?? '') || a.id - b.id)
    .map((m) => {
      const period =
        (m.periodOfCareId !== null ? periodsById.get(m.periodOfCareId) : undefined) ??
        [...(periodsByChild.get(m.childId) ?? [])]
          .filter((p) => p.startDate <= (m.admDecisionDate as string))
          .sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
      const reversed = asOf(m.decisionReversedDate, asAt);
      const common = x.common(m.childId);
      return {
        childId: common.childId ?? null,
        familyId: m.familyRef,
        sex: common.sex ?? null,
        ethnicity: common.ethnicity ?? null,
        dob: common.dob ?? null,
        age: common.age ?? null,
        disability: x.disability(m.childId),
        enteredCare: period?.startDate ?? null,
        decisionDate: m.admDecisionDate,
        placementOrder: asOf(m.placementOrderDate, asAt),
        matched: asOf(m.matchedDate, asAt),
        placed: asOf(m.placedForAdoptionDate, asAt),
        adoptionOrder: m.orderType === 'adoption' || m.orderType === null ? asOf(m.orderDate, asAt) : null,
        reversedDate: reversed,
        reversedReason: reversed === null ? null : m.decisionReversedReason,
        ffaDate: asOf(m.ffaPlacedDate, asAt),
      };
    });
}

/** Every list's rows. List 11 (adopters) is empty: Lantern holds no adopter records. */
export function buildLists(snap: Snapshot, layout: AnnexALayoutYear): Map<ListNumber, ListRow[]> {
  const x = new AnnexAContext(snap);
  return new Map<ListNumber, ListRow[]>([
    [1, list1(x)],
    [2, list2(x)],
    [3, list3(x)],
    [4, list4(x)],
    [5, list5(x)],
    [6, list6(x)],
    [7, list7(x)],
    [8, list8(x)],
    [9, list9(x, layout)],
    [10, list10(x)],
    [11, []],
  ]);
}
