/**
 * Annex A rows → the canonical model. Annex A is a snapshot as at a date: it carries each child's latest
 * episode, plan, period and placement, not their history, so only what it says is stored, and derived columns
 * (age, the 12-month counts, case status, placement location's counts) are not: Lantern recomputes them.
 *
 * Decisions where Annex A does not carry what the canonical model requires (each is listed in the import's
 * queries when it happens):
 * - a CIN episode known only from List 6 has no referral source: stored as 10 (Unknown);
 * - an assessment, S47 or CP plan is linked to the child's latest CIN episode that began on or before it; with
 *   none, an episode is opened on its start date (source 10, Unknown);
 * - "Case Status: c) Child in need plan" records an open CIN plan from the CIN start date;
 * - allocations (team and worker) start at the as-at date; a worker is known by name (Annex A has no worker ID);
 * - "Does the Child have a Disability: Yes" is recorded as disability code DDA (disabled under the Equality Act
 *   definition): Annex A does not say which impairment;
 * - UASC: an immigration status UASC from the date the child started to be looked after (List 8) or the as-at date;
 * - a care leaver's entitlement starts at 18 (former relevant) or 16 (other categories), or at the as-at date if
 *   the date of birth is not known; an LA-in-touch answer without a contact date is dated the as-at date;
 * - an activity F3/P3 (2022 layout) is stored as F5/P5 (training or employment, not apprenticeship);
 * - List 11 (adopters) is not stored: Lantern has no adopter records.
 *
 * Into an authority that holds the children already (decision 0024), each row is the event it stands for: where Annex
 * A gives a stand-in for an event's key (an allocation, care leaver entitlement or UASC status dated at the as-at date,
 * early help by its assessment's start, "Disability: Yes", a health assessment or the day last seen without their
 * kind, a CIN episode known only from later activity) the row matches the held event within its window
 * (Dataset.keyWithin); what is inferred or made up above fills a new event only (Dataset.standIn); workers are matched
 * by name (DatasetWorker.byName); and a case status "c) Child in need plan", which is also the catch-all for an open
 * episode, adds a plan only for a child Lantern did not hold.
 */
import { addMonths } from '../../../../domain/working-days';
import { Dataset } from '../../dataset';
import type { IssueLog } from '../../issues';
import type { ListNumber } from '../../../annex-a/layouts';
import { normalisePostcode } from '../../../../domain/postcodes';
import { postcodeDistrict } from '../../fields';
import type { ListData, ParsedRow, Value } from './workbook';

const LNT_AA_INFERRED = 'LNT-AA-INFERRED';

/**
 * The links the reader infers rather than reads (the child's latest CIN episode before the event; the team and worker
 * of the child's allocation, not the event's): they fill a new event, never change one held (Dataset.standIn).
 */
const LINKED = ['cinEpisodeId', 'teamId', 'workerId'];

export interface BuildContext {
  file: string;
  asAt: string;
  issues: IssueLog;
}

const str = (v: Value | undefined): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: Value | undefined): number | null => (typeof v === 'number' ? v : null);
const yes = (v: Value | undefined): boolean | null => (v === 'Y' ? true : v === 'N' ? false : null);
const blank = (v: Value | undefined): boolean => v === null || v === undefined;

export function buildDataset(lists: ReadonlyMap<ListNumber, ListData>, ctx: BuildContext): Dataset {
  const ds = new Dataset();
  const rowsOf = (n: ListNumber): ParsedRow[] => lists.get(n)?.rows ?? [];
  const inferred = new Map<string, number>();
  const note = (what: string) => inferred.set(what, (inferred.get(what) ?? 0) + 1);

  // ——— children, from every list that names them (the first mention gives their details) ———
  const children = new Map<string, number>();
  const disabled = new Set<string>();
  const childOf = (r: ParsedRow): number | null => {
    const id = str(r.values.childId);
    return id === null ? null : (children.get(id) ?? null);
  };
  for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as ListNumber[]) {
    for (const r of rowsOf(n)) {
      const id = str(r.values.childId);
      if (id === null) continue;
      if (r.values.disability === 'Y') disabled.add(id);
      if (children.has(id)) continue;
      const dob = str(r.values.dob);
      const unborn = r.values.age === -1 || (dob !== null && dob > ctx.asAt);
      const local = ds.add('children', {
        laChildId: id,
        upn: null,
        upnUnknownReason: null,
        firstName: null,
        lastName: null,
        dateOfBirth: unborn ? null : dob,
        expectedDateOfBirth: unborn ? dob : null,
        dateOfDeath: null,
        sex: str(r.values.sex) ?? 'U',
        gender: null,
        ethnicity: str(r.values.ethnicity) ?? 'NOBT',
        firstLanguage: null,
        religion: null,
        postcodeDistrict: null,
        postcode: null,
      });
      children.set(id, local);
      // A blank sex or ethnicity is made up to make a new child, and a child unborn at the as-at date may have been
      // born since: none of these changes a child held.
      const madeUp = [
        ...(blank(r.values.sex) ? ['sex'] : []),
        ...(blank(r.values.ethnicity) ? ['ethnicity'] : []),
        ...(unborn ? ['expectedDateOfBirth'] : []),
      ];
      if (madeUp.length > 0) ds.standIn('children', local, madeUp);
    }
  }
  for (const id of disabled) {
    const local = ds.add('childDisabilities', { childId: children.get(id) as number, code: 'DDA', recordedDate: null });
    // Annex A says only that the child has a disability, not which: any disability held is the one it means.
    ds.keyWithin('childDisabilities', local, { column: 'code', from: null, to: null });
  }

  // ——— teams, workers and allocations ———
  const allocated = new Set<string>();
  const teamAndWorker = (r: ParsedRow): { teamId: number | null; workerId: number | null } => {
    const child = childOf(r);
    const teamName = str(r.values.team);
    const workerName = str(r.values.worker);
    const teamId = teamName === null ? null : ds.team(teamName);
    const workerId =
      workerName === null
        ? null
        : ds.worker(workerName, { name: workerName, role: 'social-worker', teamId, startDate: ctx.asAt, byName: true });
    const key = `${child}|${teamId}|${workerId}`;
    if (child !== null && teamId !== null && !allocated.has(key)) {
      allocated.add(key);
      const id = ds.add('allocations', {
        childId: child,
        teamId,
        workerId,
        role: 'social-worker',
        startDate: ctx.asAt,
        endDate: null,
        endReason: null,
        changeReason: null,
        isPrimary: true,
      });
      // Annex A gives the child's allocation at the as-at date, not when it began nor in what role: it is the
      // allocation held that began on or before that day (one with this team and worker first, the latest).
      ds.keyWithin('allocations', id, { column: 'startDate', from: null, to: ctx.asAt, match: [] });
      ds.standIn('allocations', id, ['isPrimary']);
    }
    return { teamId, workerId };
  };

  // ——— List 1: contacts ———
  for (const r of rowsOf(1)) {
    const child = childOf(r);
    const date = str(r.values.contactDate);
    const source = str(r.values.source);
    if (child === null || date === null || source === null) continue;
    ds.add('contacts', {
      childId: child,
      contactDate: date,
      source,
      mashDecision: null,
      decisionDate: null,
      bragInitial: null,
      bragFinal: null,
      teamId: null,
      workerId: null,
    });
  }

  // ——— List 2: early help ———
  for (const r of rowsOf(2)) {
    const child = childOf(r);
    const start = str(r.values.ehStart);
    if (child === null || start === null) continue;
    const id = ds.add('earlyHelpEpisodes', {
      childId: child,
      contactId: null,
      requestDate: start,
      allocationDate: null,
      assessmentStartDate: start,
      assessmentCompletionDate: str(r.values.ehEnd),
      organisation: str(r.values.organisation),
      endDate: null,
      outcome: null,
      teamId: null,
      workerId: null,
    });
    // The date is the assessment's start (the request's, before one starts), so the episode is the one held that was
    // requested on or before it, and whether the date is an assessment's cannot be told.
    ds.keyWithin('earlyHelpEpisodes', id, { column: 'requestDate', from: null, to: start });
    ds.standIn('earlyHelpEpisodes', id, ['assessmentStartDate']);
  }

  // ——— Lists 3 and 6: referrals and the CIN episodes they open ———
  interface Episode {
    id: number;
    childKey: string;
    referralDate: string;
  }
  const episodes = new Map<string, Episode[]>();
  const referrals = new Map<
    string,
    { child: number; childKey: string; date: string; l3?: ParsedRow; l6?: ParsedRow }
  >();
  for (const [n, dateKey] of [
    [3, 'referralDate'],
    [6, 'cinStart'],
  ] as const) {
    for (const r of rowsOf(n)) {
      const child = childOf(r);
      const date = str(r.values[dateKey]);
      if (child === null || date === null) continue;
      const key = `${String(r.values.childId)}|${date}`;
      const found = referrals.get(key) ?? { child, childKey: String(r.values.childId), date };
      if (n === 3) found.l3 ??= r;
      else found.l6 ??= r;
      referrals.set(key, found);
    }
  }
  const addEpisode = (
    child: number,
    childKey: string,
    date: string,
    l3: ParsedRow | undefined,
    l6: ParsedRow | undefined,
  ): number => {
    const from = l3 ?? l6;
    const tw = from ? teamAndWorker(from) : { teamId: null, workerId: null };
    if (!l3)
      note(
        'CIN episodes known only from List 6 or from later activity have no referral source in Annex A: recorded as 10 (Unknown)',
      );
    const id = ds.add('cinEpisodes', {
      childId: child,
      contactId: null,
      referralDate: date,
      referralSource: str(l3?.values.source) ?? '10',
      primaryNeedCode: str(l6?.values.primaryNeed),
      referralNfa: l3?.values.nfa === 'Y',
      closureDate: str(l6?.values.cinClosure),
      closureReason: str(l6?.values.closureReason),
      teamId: tw.teamId,
      workerId: tw.workerId,
    });
    // The team and worker are the child's allocation, not the episode's; the source (without List 3) and NFA (blank)
    // are made up to make a new episode.
    ds.standIn('cinEpisodes', id, [
      'teamId',
      'workerId',
      ...(l3 ? [] : ['referralSource']),
      ...(blank(l3?.values.nfa) ? ['referralNfa'] : []),
    ]);
    // Known only from later activity: the episode held that was open on the activity's date.
    if (!l3 && !l6)
      ds.keyWithin('cinEpisodes', id, { column: 'referralDate', from: null, to: date, coverColumn: 'closureDate' });
    const list = episodes.get(childKey) ?? [];
    list.push({ id, childKey, referralDate: date });
    list.sort((a, b) => a.referralDate.localeCompare(b.referralDate));
    episodes.set(childKey, list);
    return id;
  };
  for (const e of referrals.values()) addEpisode(e.child, e.childKey, e.date, e.l3, e.l6);
  const episodeFor = (r: ParsedRow, date: string): number => {
    const childKey = String(r.values.childId);
    const list = episodes.get(childKey) ?? [];
    const found = [...list].reverse().find((e) => e.referralDate <= date);
    return found ? found.id : addEpisode(childOf(r) as number, childKey, date, undefined, undefined);
  };

  // List 6's other facts: the date the child was last seen (a visit of any kind: added once Lists 7 and 8 have given
  // theirs), and an open CIN plan when the case status says so.
  const lastSeen: Array<{ child: number; date: string }> = [];
  for (const r of rowsOf(6)) {
    const child = childOf(r);
    const start = str(r.values.cinStart);
    if (child === null || start === null) continue;
    const episode = episodeFor(r, start);
    const seen = str(r.values.lastSeen);
    if (seen) lastSeen.push({ child, date: seen });
    if (r.values.caseStatus === 'cin') {
      const id = ds.add('cinPlans', {
        childId: child,
        cinEpisodeId: episode,
        startDate: start,
        endDate: null,
        teamId: null,
        workerId: null,
      });
      // The plan is the one held that was open at the as-at date. "c) Child in need plan" is also the status of an
      // open episode with nothing else open, so for a child already held it adds no plan.
      ds.keyWithin('cinPlans', id, {
        column: 'startDate',
        from: null,
        to: ctx.asAt,
        coverColumn: 'endDate',
        newChildOnly: true,
      });
      ds.standIn('cinPlans', id, ['cinEpisodeId']);
      note('"Case Status: c) Child in need plan" recorded as a CIN plan open from the CIN start date');
    }
  }
  /** Visits of Lists 7 and 8, by child and day: List 6's date last seen on one of those days is that visit. */
  const visitOn = new Map<string, number>();

  // ——— List 4: assessments ———
  for (const r of rowsOf(4)) {
    const child = childOf(r);
    const start = str(r.values.assessmentStart);
    if (child === null || start === null) continue;
    const tw = teamAndWorker(r);
    const id = ds.add('assessments', {
      childId: child,
      cinEpisodeId: episodeFor(r, start),
      startDate: start,
      authorisationDate: str(r.values.authorised),
      childSeen: yes(r.values.childSeen),
      childSeenDate: null,
      childSeenAlone: null,
      factors: null,
      furtherServices: yes(r.values.furtherServices),
      teamId: tw.teamId,
      workerId: tw.workerId,
    });
    ds.standIn('assessments', id, LINKED);
  }

  // ——— List 5: S47 enquiries and ICPCs ———
  const icpcs = new Map<string, number>();
  for (const r of rowsOf(5)) {
    const child = childOf(r);
    const start = str(r.values.s47Start);
    if (child === null || start === null) continue;
    const tw = teamAndWorker(r);
    const episode = episodeFor(r, start);
    const s47 = ds.add('s47Enquiries', {
      childId: child,
      cinEpisodeId: episode,
      strategyDiscussionId: null,
      startDate: start,
      endDate: null,
      icpcNotRequired: r.values.icpcNotRequired === 'Y',
      outcome: null,
      teamId: tw.teamId,
      workerId: tw.workerId,
    });
    ds.standIn('s47Enquiries', s47, [...LINKED, ...(blank(r.values.icpcNotRequired) ? ['icpcNotRequired'] : [])]);
    const icpcDate = str(r.values.icpcDate);
    if (icpcDate) {
      const id = ds.add('initialCpConferences', {
        childId: child,
        cinEpisodeId: episode,
        s47EnquiryId: s47,
        transferIn: false,
        targetDate: null,
        conferenceDate: icpcDate,
        outcomeCpPlan: r.values.icpcCpPlan === 'Y',
      });
      ds.standIn('initialCpConferences', id, [
        'cinEpisodeId',
        'transferIn',
        ...(blank(r.values.icpcCpPlan) ? ['outcomeCpPlan'] : []),
      ]);
      icpcs.set(`${String(r.values.childId)}|${icpcDate}`, id);
    }
  }

  // ——— List 7: child protection plans, their last visit and review ———
  for (const r of rowsOf(7)) {
    const child = childOf(r);
    const start = str(r.values.cpStart);
    if (child === null || start === null) continue;
    const tw = teamAndWorker(r);
    const plan = ds.add('cpPlans', {
      childId: child,
      cinEpisodeId: episodeFor(r, start),
      icpcId: icpcs.get(`${String(r.values.childId)}|${start}`) ?? null,
      startDate: start,
      endDate: str(r.values.cpEnd),
      initialCategory: str(r.values.initialCategory) ?? 'MUL',
      latestCategory: str(r.values.latestCategory) ?? str(r.values.initialCategory) ?? 'MUL',
      numberOfPreviousPlans: num(r.values.previousPlans) ?? 0,
      epoOrPoliceProtection: r.values.epo === 'Y',
      teamId: tw.teamId,
      workerId: tw.workerId,
    });
    ds.standIn('cpPlans', plan, [
      ...LINKED,
      'icpcId',
      ...(blank(r.values.initialCategory) ? ['initialCategory'] : []),
      ...(blank(r.values.latestCategory) && blank(r.values.initialCategory) ? ['latestCategory'] : []),
      ...(blank(r.values.previousPlans) ? ['numberOfPreviousPlans'] : []),
      ...(blank(r.values.epo) ? ['epoOrPoliceProtection'] : []),
    ]);
    const visit = str(r.values.lastVisit);
    // Seen alone "Yes" or "No" means the child was seen; "Unknown" is what the export writes for a visit at which
    // the child was not seen (or nothing was recorded), so it is stored as not seen.
    if (visit) {
      const seen = r.values.seenAlone === 'Y' || r.values.seenAlone === 'N';
      const id = ds.add('visits', {
        childId: child,
        kind: 'cp',
        visitDate: visit,
        seen,
        seenAlone: yes(r.values.seenAlone),
        workerId: null,
      });
      // "Unknown" does not say the child was not seen: that only fills a new visit.
      if (!seen) ds.standIn('visits', id, ['seen']);
      visitOn.set(`${child}|${visit}`, id);
    }
    const review = str(r.values.latestReview);
    if (review)
      ds.add('cpReviews', {
        childId: child,
        cpPlanId: plan,
        dueDate: null,
        reviewDate: review,
        quorate: null,
        participation: null,
      });
  }

  // ——— List 8: children in care ———
  const uasc = new Set<string>();
  const periods = new Map<string, number>();
  for (const r of rowsOf(8)) {
    const child = childOf(r);
    const start = str(r.values.claStart);
    if (child === null || start === null) continue;
    teamAndWorker(r);
    const end = str(r.values.claEnd);
    const period = ds.add('periodsOfCare', {
      childId: child,
      startDate: start,
      endDate: end,
      reasonCeased: str(r.values.reasonCeased),
      categoryOfNeed: str(r.values.categoryOfNeed) ?? 'N1',
      homePostcodeDistrict: null,
      homePostcode: null,
      permanencePlan: str(r.values.permanencePlan),
      permanencePlanDate: null,
      previousPermanence: null,
      previousPermanenceDate: null,
      previousPermanenceDatePartial: null,
      previousPermanenceLa: null,
      continuedFrom: null,
    });
    if (blank(r.values.categoryOfNeed)) ds.standIn('periodsOfCare', period, ['categoryOfNeed']);
    periods.set(`${String(r.values.childId)}|${start}`, period);
    const legal = str(r.values.legalStatus);
    if (legal)
      ds.add('legalStatuses', {
        childId: child,
        periodOfCareId: period,
        legalStatus: legal,
        startDate: str(r.values.legalStatusStart) ?? start,
        endDate: end,
      });
    const placementStart = str(r.values.placementStart);
    const placementType = str(r.values.placementType);
    if (placementStart && placementType) {
      const location = str(r.values.location);
      const postcode = str(r.values.postcode);
      ds.add('placements', {
        childId: child,
        periodOfCareId: period,
        startDate: placementStart,
        endDate: end,
        placementType,
        provider: str(r.values.provider),
        carerRef: null,
        postcodeDistrict: postcode === null ? null : postcodeDistrict(postcode),
        postcode: normalisePostcode(postcode),
        urn: str(r.values.urn),
        distanceMiles: null,
        inArea: location === null ? null : location === 'in',
        laOfPlacement: str(r.values.laOfPlacement),
        changeReason: null,
      });
    }
    const review = str(r.values.latestReview);
    if (review)
      ds.add('claReviews', {
        childId: child,
        periodOfCareId: period,
        dueDate: null,
        reviewDate: review,
        participation: null,
      });
    const visit = str(r.values.lastVisit);
    if (visit) {
      const id = ds.add('visits', {
        childId: child,
        kind: 'cla',
        visitDate: visit,
        seen: true,
        seenAlone: null,
        workerId: null,
      });
      // List 8 gives the date of the last visit, not whether the child was seen.
      ds.standIn('visits', id, ['seen']);
      visitOn.set(`${child}|${visit}`, id);
    }
    const health = str(r.values.lastHealth);
    if (health) {
      const id = ds.add('healthAssessments', { childId: child, kind: 'review', assessmentDate: health });
      // Annex A does not say whether it was the initial assessment or a review: the one held that day, of either kind.
      ds.keyWithin('healthAssessments', id, { column: 'assessmentDate', from: health, to: health, match: [] });
    }
    const dental = str(r.values.lastDental);
    if (dental) ds.add('dentalChecks', { childId: child, checkDate: dental });
    if (r.values.uasc === 'Y' && !uasc.has(String(r.values.childId))) {
      uasc.add(String(r.values.childId));
      const id = ds.add('immigrationStatuses', {
        childId: child,
        status: 'UASC',
        startDate: start <= ctx.asAt ? start : ctx.asAt,
        endDate: null,
      });
      // Annex A does not say when the status began: the child's UASC status held that began by the as-at date.
      ds.keyWithin('immigrationStatuses', id, { column: 'startDate', from: null, to: ctx.asAt });
    }
  }

  // List 6's date last seen: the visit of List 7 or 8 that day (the child was seen at it), else a visit of any kind.
  for (const { child, date } of lastSeen) {
    const known = visitOn.get(`${child}|${date}`);
    if (known !== undefined) {
      const row = ds.rows.visits[known - 1];
      if (row) row.seen = true;
      ds.standIn('visits', known, []);
      continue;
    }
    const id = ds.add('visits', {
      childId: child,
      kind: 'cin',
      visitDate: date,
      seen: true,
      seenAlone: null,
      workerId: null,
    });
    ds.keyWithin('visits', id, { column: 'visitDate', from: date, to: date, match: [] });
  }

  // ——— List 9: care leavers ———
  for (const r of rowsOf(9)) {
    const child = childOf(r);
    const eligibility = str(r.values.eligibility);
    if (child === null || eligibility === null) continue;
    teamAndWorker(r);
    const pa = str(r.values.personalAdviser);
    const paId =
      pa === null
        ? null
        : ds.worker(pa, { name: pa, role: 'personal-adviser', teamId: null, startDate: ctx.asAt, byName: true });
    const dob = str(r.values.dob);
    const entitled = dob === null ? ctx.asAt : addMonths(dob, eligibility === 'former-relevant' ? 18 * 12 : 16 * 12);
    note(
      'care leavers’ entitlement start dates are not in Annex A: taken as their 18th (former relevant) or 16th birthday',
    );
    const leaver = ds.add('careLeavers', {
      childId: child,
      eligibility,
      startDate: entitled <= ctx.asAt ? entitled : ctx.asAt,
      endDate: null,
      personalAdviserId: paId,
      paLinkedDate: null,
      stayingPut: false,
      stayingPutStartDate: null,
    });
    // The entitlement held that was open at the as-at date; Annex A does not say whether the young person stays put.
    ds.keyWithin('careLeavers', leaver, { column: 'startDate', from: null, to: ctx.asAt, coverColumn: 'endDate' });
    ds.standIn('careLeavers', leaver, ['stayingPut']);
    const review = str(r.values.pathwayReview);
    if (review) ds.add('pathwayPlanReviews', { childId: child, reviewDate: review });
    const inTouch = str(r.values.inTouch);
    if (inTouch) {
      let activity = str(r.values.activity);
      if (activity === 'F3' || activity === 'P3') {
        activity = activity === 'F3' ? 'F5' : 'P5';
        note('activity F3/P3 (2022 layout) recorded as F5/P5');
      }
      const contactDate = str(r.values.latestContact);
      if (!contactDate) note('an LA-in-touch answer without a latest contact date is dated the as-at date');
      const id = ds.add('careLeaverContacts', {
        childId: child,
        contactDate: contactDate ?? ctx.asAt,
        inTouch,
        accommodation: str(r.values.accommodation),
        accommodationSuitable: yes(r.values.suitability),
        activity,
      });
      // Undated (the 2022 layout): the latest contact held by the as-at date.
      if (!contactDate) ds.keyWithin('careLeaverContacts', id, { column: 'contactDate', from: null, to: ctx.asAt });
    }
    if (r.values.uasc === 'Y' && !uasc.has(String(r.values.childId))) {
      uasc.add(String(r.values.childId));
      const id = ds.add('immigrationStatuses', { childId: child, status: 'UASC', startDate: ctx.asAt, endDate: null });
      ds.keyWithin('immigrationStatuses', id, { column: 'startDate', from: null, to: ctx.asAt });
    }
  }

  // ——— List 10: adoption ———
  for (const r of rowsOf(10)) {
    const child = childOf(r);
    const decision = str(r.values.decisionDate);
    if (child === null || decision === null) continue;
    const entered = str(r.values.enteredCare);
    const order = str(r.values.adoptionOrder);
    ds.add('permanenceMilestones', {
      childId: child,
      periodOfCareId: entered === null ? null : (periods.get(`${String(r.values.childId)}|${entered}`) ?? null),
      admDecisionDate: decision,
      placementOrderDate: str(r.values.placementOrder),
      matchedDate: str(r.values.matched),
      placedForAdoptionDate: str(r.values.placed),
      ffaPlacedDate: str(r.values.ffaDate),
      decisionReversedDate: str(r.values.reversedDate),
      decisionReversedReason: str(r.values.reversedReason),
      orderType: order === null ? null : 'adoption',
      orderDate: order,
      adoptedByFosterCarer: null,
      numberOfAdopters: null,
      adopterSex: null,
      adopterLegalStatus: null,
      familyRef: str(r.values.familyId),
    });
  }

  const adopters = rowsOf(11).length;
  if (adopters > 0)
    ctx.issues.query(
      ctx.file,
      null,
      null,
      LNT_AA_INFERRED,
      `List 11 has ${adopters} adopter rows; Lantern holds no adopter records, so they were not imported.`,
    );
  for (const [what, count] of inferred) ctx.issues.query(ctx.file, null, null, LNT_AA_INFERRED, `${count} × ${what}.`);
  return ds;
}
