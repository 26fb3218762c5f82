/**
 * From the simulated journeys to table rows.
 *
 * What is kept (the history window is `years` before `asAt`):
 * - every case (early help episode, CIN episode, care leaver status, private fostering arrangement) that was open
 *   at some time in the window, with everything recorded under it, even before the window (an episode open in the
 *   window is shown whole, as an SSD extract shows it); and the period of care that made a care leaver one;
 * - contacts in the window, and the contacts that opened kept cases;
 * - visits, checks and other activity in the window (journeys only draw those);
 * - allocations open at some time in the window;
 * - the children these belong to; the teams; the workers in post in the window or named by a kept row.
 * Clipping to `asAt`: nothing dated after it is written; an end, decision or outcome after it is left empty, so
 * the case is open at `asAt`.
 *
 * Ids: each table's rows are numbered from just above the table's largest id (`offsets`), in a fixed order, so
 * the same options give the same rows.
 */
import { districtOf } from '../domain/postcodes';
import { fromDayNumber } from '../domain/working-days';
import type { AllocationModel } from './allocation';
import { teamFor } from './allocation';
import type { TableKey } from './columns';
import type { Settings } from './journeys/context';
import type { LadoModel } from './lado';
import type { ChildModel, CinEpisode, Day, EarlyHelp, PeriodOfCare } from './model';
import type { Organisation, TeamModel, WorkerModel, workforceSnapshot } from './organisation';

export type Row = readonly unknown[];

export interface AuthorityRow {
  code: string;
  name: string;
  laNumber: string | null;
  /** The authority's GSS code, which the 903 location rules compare placements' authorities with. */
  gssCode: string | null;
  region: string;
  benchmarkLaNumber: string;
}

export interface EmitInput {
  settings: Settings;
  authority: AuthorityRow;
  org: Organisation;
  children: readonly ChildModel[];
  allocations: readonly AllocationModel[];
  lado: readonly LadoModel[];
  population: ReadonlyArray<{ year: number; age: number; sex: string; group: string; count: number }>;
  snapshots: ReadonlyArray<ReturnType<typeof workforceSnapshot>>;
}

interface Kept {
  child: ChildModel;
  episodes: CinEpisode[];
  earlyHelp: EarlyHelp[];
  contacts: ChildModel['contacts'];
  careLeaver: ChildModel['careLeaver'];
  privateFostering: ChildModel['privateFostering'];
  allocations: AllocationModel[];
}

export class Emitter {
  readonly authorityId: number;
  private readonly A: Day;
  private readonly W: Day;
  private readonly kept: Kept[] = [];
  private readonly keptWorkers: WorkerModel[] = [];
  private readonly isoCache = new Map<number, string>();

  constructor(
    private readonly input: EmitInput,
    private readonly offsets: Readonly<Record<TableKey, number>>,
  ) {
    this.authorityId = offsets.authorities + 1;
    this.A = input.settings.asAt;
    this.W = input.settings.windowStart;
    this.select();
  }

  get childCount(): number {
    return this.kept.length;
  }

  private iso(day: Day): string {
    let s = this.isoCache.get(day);
    if (s === undefined) {
      s = fromDayNumber(day);
      this.isoCache.set(day, s);
    }
    return s;
  }

  /** The ISO date, or null when it is after the last day of data. */
  private clip(day: Day | null | undefined): string | null {
    return day === null || day === undefined || day > this.A ? null : this.iso(day);
  }

  private minuteIso(minute: number | null): string | null {
    if (minute === null || Math.floor(minute / 1440) > this.A) return null;
    const day = Math.floor(minute / 1440);
    const m = minute - day * 1440;
    return `${this.iso(day)}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00Z`;
  }

  /** Chooses what is kept and numbers it. */
  private select(): void {
    const { A, W } = this;
    const allocationsByChild = new Map<ChildModel, AllocationModel[]>();
    for (const a of this.input.allocations) {
      if (a.start > A || (a.end !== null && a.end < W)) continue;
      const list = allocationsByChild.get(a.child);
      if (list) list.push(a);
      else allocationsByChild.set(a.child, [a]);
    }
    for (const child of this.input.children) {
      const careLeaver = child.careLeaver.filter((c) => c.start <= A && c.end >= W);
      const careYears = careLeaver.length > 0 ? child.dob + 14 * 365 : Infinity;
      const episodes = child.episodes.filter(
        (e) => e.referral <= A && (e.closure >= W || e.periods.some((p) => p.end > careYears)),
      );
      const earlyHelp = child.earlyHelp.filter((e) => e.request <= A && (e.end === null || e.end >= W));
      const linked = new Set<ChildModel['contacts'][number]>();
      for (const e of episodes) if (e.contact) linked.add(e.contact);
      for (const e of earlyHelp) if (e.contact) linked.add(e.contact);
      const contacts = child.contacts.filter((c) => c.day <= A && (c.day >= W || linked.has(c)));
      const privateFostering = child.privateFostering.filter((p) => p.notification <= A && p.end >= W);
      const allocations = (allocationsByChild.get(child) ?? []).sort(
        (a, b) => a.start - b.start || roleOrder(a.role) - roleOrder(b.role),
      );
      if (
        episodes.length +
          earlyHelp.length +
          contacts.length +
          careLeaver.length +
          privateFostering.length +
          allocations.length ===
        0
      )
        continue;
      this.kept.push({ child, episodes, earlyHelp, contacts, careLeaver, privateFostering, allocations });
    }

    // Ids, table by table, in child order.
    const o = this.offsets;
    const n = zeroCounts();
    const next = (key: TableKey) => o[key] + ++n[key];
    for (const k of this.kept) {
      const c = k.child;
      c.id = next('children');
      c.laChildId = `C${String(n.children).padStart(7, '0')}`;
      c.upnIndex = n.children;
      for (const x of k.contacts) x.id = next('contacts');
      for (const x of k.earlyHelp) x.id = next('earlyHelpEpisodes');
      for (const ep of k.episodes) {
        ep.id = next('cinEpisodes');
        for (const x of ep.assessments) if (x.start <= A) x.id = next('assessments');
        for (const x of ep.strategies) if (x.day <= A) x.id = next('strategyDiscussions');
        for (const x of ep.s47s) if (x.start <= A) x.id = next('s47Enquiries');
        for (const x of ep.icpcs) if (x.day <= A) x.id = next('initialCpConferences');
        for (const x of ep.cinPlans) if (x.start <= A) x.id = next('cinPlans');
        for (const x of ep.cpPlans)
          if (x.start <= A) {
            x.id = next('cpPlans');
            for (const r of x.reviews) if (r.day <= A) r.id = next('cpReviews');
          }
        for (const x of ep.preProceedings) if (x.start <= A) x.id = next('preProceedings');
        for (const x of ep.careProceedings) if (x.issue <= A) x.id = next('careProceedings');
        for (const p of ep.periods)
          if (p.start <= A) {
            p.id = next('periodsOfCare');
            for (const x of p.legalStatuses) if (x.start <= A) x.id = next('legalStatuses');
            for (const x of p.placements) if (x.start <= A) x.id = next('placements');
            for (const x of p.reviews) if (x.day <= A) x.id = next('claReviews');
            if (p.permanence && this.permanenceStarted(p)) p.permanence.id = next('permanenceMilestones');
          }
      }
      for (const x of k.careLeaver) x.id = next('careLeavers');
      for (const x of k.privateFostering) x.id = next('privateFostering');
      for (const a of k.allocations) a.id = next('allocations');
    }
    for (const l of this.input.lado) l.id = next('ladoReferrals');

    // Workers: in post during the window, or named by a kept row.
    const named = new Set<WorkerModel>();
    for (const k of this.kept) for (const a of k.allocations) if (a.worker) named.add(a.worker);
    for (const w of this.input.org.workers) {
      if ((w.start <= A && w.end >= W) || named.has(w)) this.keptWorkers.push(w);
    }
    this.keptWorkers.forEach((w, i) => {
      w.id = o.workers + i + 1;
    });
    this.input.org.teams.forEach((t, i) => {
      t.id = o.teams + i + 1;
    });
  }

  private permanenceStarted(p: PeriodOfCare): boolean {
    const m = p.permanence;
    if (!m) return false;
    return [m.adm, m.placementOrder, m.orderDay, m.ffa].some((d) => d !== null && d <= this.A);
  }

  /** The allocation of a role holding the child on a day (the latest to start, if two overlap). */
  private holder(k: Kept, role: AllocationModel['role'], day: Day): AllocationModel | null {
    let found: AllocationModel | null = null;
    for (const a of k.allocations) {
      if (a.start > day) break;
      if (a.role === role && (a.end === null || a.end >= day)) found = a;
    }
    return found;
  }

  private teamWorker(k: Kept, role: AllocationModel['role'], day: Day): [number | null, number | null] {
    const a = this.holder(k, role, Math.min(day, this.A));
    return a ? [a.team.id, a.worker?.id ?? null] : [null, null];
  }

  /** Passes the rows of a table, in id order, to `out` (a callback rather than a generator: millions of rows). */
  rows(key: TableKey, out: (row: Row) => void): void {
    const au = this.authorityId;
    const A = this.A;
    const clip = (d: Day | null | undefined) => this.clip(d);
    switch (key) {
      case 'authorities': {
        const a = this.input.authority;
        out([au, a.code, a.name, a.laNumber, a.gssCode, a.region, a.benchmarkLaNumber, true]);
        return;
      }
      case 'teams':
        for (const t of this.input.org.teams) out([t.id, au, t.name, t.area]);
        return;
      case 'workers':
        for (const w of this.keptWorkers)
          out([w.id, au, w.ref, w.name, w.role, w.team.id, w.agency, w.fte, this.iso(w.start), clip(w.end)]);
        return;
      case 'workforceSnapshots': {
        let id = this.offsets.workforceSnapshots;
        for (const s of this.input.snapshots) {
          out([++id, au, s.snapshotDate, s.socialWorkerFte, s.agencyFte, s.vacancyFte, s.leaversFte, s.caseloadCases]);
        }
        return;
      }
      case 'childPopulation': {
        let id = this.offsets.childPopulation;
        for (const p of this.input.population) out([++id, au, p.year, p.age, p.sex, p.group, p.count]);
        return;
      }
      case 'children':
        for (const { child: c } of this.kept) {
          const born = c.dob <= A;
          const { upn, unknown } = this.upn(c);
          out([
            c.id,
            au,
            c.laChildId,
            upn,
            unknown,
            c.firstName,
            c.lastName,
            born ? this.iso(c.dob) : null,
            born ? null : this.iso(c.dob),
            born ? c.sex : 'U',
            c.ethnicity,
            c.firstLanguage,
            c.religion,
            // An unaccompanied child has no family home here: no home postcode (the 903's rules 392b and 406).
            c.uasc ? null : districtOf(c.postcode),
            c.uasc ? null : c.postcode,
          ]);
        }
        return;
      case 'childDisabilities': {
        let id = this.offsets.childDisabilities;
        for (const { child: c } of this.kept)
          for (const d of c.disabilities) if (d.day <= A) out([++id, au, c.id, d.code, this.iso(d.day)]);
        return;
      }
      case 'immigrationStatuses': {
        let id = this.offsets.immigrationStatuses;
        for (const { child: c } of this.kept) {
          if (!c.uasc || c.uasc.start > A) continue;
          out([++id, au, c.id, 'UASC', this.iso(c.uasc.start), clip(c.uasc.end)]);
          if (c.uasc.refugeeStatus !== null && c.uasc.refugeeStatus <= A)
            out([++id, au, c.id, 'Refugee status', this.iso(c.uasc.refugeeStatus), null]);
        }
        return;
      }
      case 'familyLinks': {
        let id = this.offsets.familyLinks;
        for (const { child: c } of this.kept) {
          for (const s of c.siblings)
            if (s.id > 0) out([++id, au, c.id, s.id, 'sibling', `FAM${String(c.family).padStart(7, '0')}`, null]);
          if (c.motherOf !== null && c.motherOf <= A) out([++id, au, c.id, null, 'child', null, this.iso(c.motherOf)]);
        }
        return;
      }
      case 'allocations':
        for (const k of this.kept) {
          const b18 = k.child.dob + Math.round(18 * 365.25);
          for (const a of k.allocations) {
            const open = a.end === null || a.end > A;
            const primary = a.role !== 'iro' && !(a.role === 'personal-adviser' && a.start < b18);
            out([
              a.id,
              au,
              k.child.id,
              a.team.id,
              a.worker?.id ?? null,
              a.role,
              this.iso(a.start),
              open ? null : clip(a.end),
              open ? null : a.endReason,
              a.changeReason,
              primary,
            ]);
          }
        }
        return;
      case 'contacts':
        for (const k of this.kept) {
          const mash = teamFor(this.input.org, 'front-door', k.child.family);
          for (const c of k.contacts) {
            const decided = c.decisionDay <= A;
            const worker = this.mashWorker(mash, c.day, c.id);
            out([
              c.id,
              au,
              k.child.id,
              this.iso(c.day),
              c.source,
              decided ? c.decision : null,
              clip(c.decisionDay),
              c.bragInitial,
              decided ? c.bragFinal : null,
              mash.id,
              worker,
            ]);
          }
        }
        return;
      case 'earlyHelpEpisodes':
        for (const k of this.kept) {
          for (const e of k.earlyHelp) {
            const ended = e.end !== null && e.end <= A;
            const [team, worker] =
              e.allocation !== null && e.allocation <= A
                ? this.teamWorker(k, 'early-help-practitioner', e.allocation)
                : [null, null];
            out([
              e.id,
              au,
              k.child.id,
              e.contact?.id ?? null,
              this.iso(e.request),
              clip(e.allocation),
              clip(e.assessmentStart),
              clip(e.assessmentEnd),
              e.organisation,
              ended ? clip(e.end) : null,
              ended ? e.outcome : null,
              team,
              worker,
            ]);
          }
        }
        return;
      case 'cinEpisodes':
        for (const k of this.kept) {
          for (const e of k.episodes) {
            const closed = e.closure <= A;
            const [team, worker] = e.nfa ? [null, null] : this.teamWorker(k, 'social-worker', closed ? e.closure : A);
            out([
              e.id,
              au,
              k.child.id,
              e.contact?.id ?? null,
              this.iso(e.referral),
              e.source,
              e.need,
              e.nfa,
              closed ? this.iso(e.closure) : null,
              closed ? e.closureReason : null,
              team,
              worker,
            ]);
          }
        }
        return;
      case 'assessments':
        for (const k of this.kept)
          for (const e of k.episodes)
            for (const a of e.assessments) {
              if (!a.id) continue;
              const done = a.authorised <= A;
              const seenBy = a.seenDay !== null && a.seenDay <= A;
              const [team, worker] = this.teamWorker(k, 'social-worker', a.start);
              out([
                a.id,
                au,
                k.child.id,
                e.id,
                this.iso(a.start),
                done ? this.iso(a.authorised) : null,
                seenBy ? a.seen : a.seen ? null : false,
                seenBy ? this.iso(a.seenDay as Day) : null,
                seenBy ? a.seenAlone : null,
                done ? a.factors : null,
                done ? a.furtherServices : null,
                team,
                worker,
              ]);
            }
        return;
      case 'strategyDiscussions':
        for (const k of this.kept)
          for (const e of k.episodes)
            for (const s of e.strategies) {
              if (!s.id) continue;
              out([s.id, au, k.child.id, e.id, this.iso(s.day), s.police, s.health, s.education, s.outcome]);
            }
        return;
      case 's47Enquiries':
        for (const k of this.kept)
          for (const e of k.episodes)
            for (const s of e.s47s) {
              if (!s.id) continue;
              const ended = s.end <= A;
              const [team, worker] = this.teamWorker(k, 'social-worker', s.start);
              out([
                s.id,
                au,
                k.child.id,
                e.id,
                s.strategy.id || null,
                this.iso(s.start),
                ended ? this.iso(s.end) : null,
                ended ? s.icpcNotRequired : false,
                ended ? s.outcome : null,
                team,
                worker,
              ]);
            }
        return;
      case 'initialCpConferences':
        for (const k of this.kept)
          for (const e of k.episodes)
            for (const c of e.icpcs) {
              if (!c.id) continue;
              out([
                c.id,
                au,
                k.child.id,
                e.id,
                c.s47?.id ?? null,
                c.transferIn,
                clip(c.target),
                this.iso(c.day),
                c.plan,
              ]);
            }
        return;
      case 'cinPlans':
        for (const k of this.kept)
          for (const e of k.episodes)
            for (const p of e.cinPlans) {
              if (!p.id) continue;
              const [team, worker] = this.teamWorker(k, 'social-worker', Math.min(p.end, A));
              out([p.id, au, k.child.id, e.id, this.iso(p.start), clip(p.end), team, worker]);
            }
        return;
      case 'cpPlans':
        for (const k of this.kept)
          for (const e of k.episodes)
            for (const p of e.cpPlans) {
              if (!p.id) continue;
              const [team, worker] = this.teamWorker(k, 'social-worker', Math.min(p.end, A));
              out([
                p.id,
                au,
                k.child.id,
                e.id,
                p.icpc.id || null,
                this.iso(p.start),
                clip(p.end),
                p.initialCategory,
                p.latestCategory,
                p.previousPlans,
                p.epo,
                team,
                worker,
              ]);
            }
        return;
      case 'cpReviews':
        for (const k of this.kept)
          for (const e of k.episodes)
            for (const p of e.cpPlans) {
              if (!p.id) continue;
              for (const r of p.reviews)
                if (r.id)
                  out([r.id, au, k.child.id, p.id, this.iso(r.due), this.iso(r.day), r.quorate, r.participation]);
            }
        return;
      case 'visits': {
        let id = this.offsets.visits;
        for (const k of this.kept) {
          for (const v of k.child.visits) {
            const [, worker] = this.teamWorker(
              k,
              v.kind === 'care-leaver' ? 'personal-adviser' : 'social-worker',
              v.day,
            );
            out([++id, au, k.child.id, v.kind, this.iso(v.day), v.seen, v.alone, worker]);
          }
        }
        return;
      }
      case 'preProceedings':
        for (const k of this.kept)
          for (const e of k.episodes)
            for (const p of e.preProceedings) {
              if (!p.id) continue;
              const ended = p.end <= A;
              const meetings = ended ? p.reviewMeetings : Math.max(0, Math.floor((A - p.start) / 35) - 1);
              out([
                p.id,
                au,
                k.child.id,
                e.id,
                this.iso(p.start),
                clip(p.letter),
                p.fgdmOffered,
                clip(p.initialMeeting),
                meetings,
                clip(p.decision),
                clip(p.end),
                ended ? p.outcome : 'ongoing',
              ]);
            }
        return;
      case 'careProceedings':
        for (const k of this.kept)
          for (const e of k.episodes)
            for (const c of e.careProceedings) {
              if (!c.id) continue;
              const ended = c.finalHearing <= A;
              out([
                c.id,
                au,
                k.child.id,
                c.pre?.id ?? null,
                this.iso(c.issue),
                clip(c.finalHearing),
                ended ? c.finalOrder : null,
                ended ? clip(c.end) : null,
              ]);
            }
        return;
      case 'periodsOfCare':
        for (const k of this.kept)
          for (const p of this.periods(k)) {
            const ended = p.end <= A;
            const planned = p.permanencePlanDay !== null && p.permanencePlanDay <= A;
            out([
              p.id,
              au,
              k.child.id,
              this.iso(p.start),
              ended ? this.iso(p.end) : null,
              ended ? p.reasonCeased : null,
              p.categoryOfNeed,
              k.child.uasc ? null : districtOf(k.child.postcode),
              k.child.uasc ? null : k.child.postcode,
              planned ? p.permanencePlan : null,
              planned ? clip(p.permanencePlanDay) : null,
              p.previousPermanence,
              clip(p.previousPermanenceDay),
              // The orders the demo knows of were all made here.
              p.previousPermanence !== null && p.previousPermanence !== 'Z1'
                ? this.input.authority.benchmarkLaNumber
                : null,
            ]);
          }
        return;
      case 'legalStatuses':
        for (const k of this.kept)
          for (const p of this.periods(k))
            for (const l of p.legalStatuses) {
              if (l.id) out([l.id, au, k.child.id, p.id, l.code, this.iso(l.start), clip(l.end)]);
            }
        return;
      case 'placements':
        for (const k of this.kept)
          for (const p of this.periods(k))
            for (const x of p.placements) {
              if (!x.id) continue;
              const ended = x.end <= A;
              out([
                x.id,
                au,
                k.child.id,
                p.id,
                this.iso(x.start),
                ended ? this.iso(x.end) : null,
                x.type,
                x.provider,
                x.carerRef,
                districtOf(x.postcode),
                x.postcode,
                x.urn,
                x.distance,
                x.inArea,
                x.la,
                ended ? x.changeReason : null,
              ]);
            }
        return;
      case 'claReviews':
        for (const k of this.kept)
          for (const p of this.periods(k))
            for (const r of p.reviews) {
              if (r.id) out([r.id, au, k.child.id, p.id, this.iso(r.due), this.iso(r.day), r.participation]);
            }
        return;
      case 'healthAssessments': {
        let id = this.offsets.healthAssessments;
        for (const { child: c } of this.kept)
          for (const h of c.healthAssessments) out([++id, au, c.id, h.kind, this.iso(h.day)]);
        return;
      }
      case 'dentalChecks': {
        let id = this.offsets.dentalChecks;
        for (const { child: c } of this.kept) for (const d of c.dentalChecks) out([++id, au, c.id, this.iso(d)]);
        return;
      }
      case 'sdqScores': {
        let id = this.offsets.sdqScores;
        for (const { child: c } of this.kept)
          for (const s of c.sdq) out([++id, au, c.id, this.iso(s.day), s.score, s.reason]);
        return;
      }
      case 'claOutcomes': {
        let id = this.offsets.claOutcomes;
        for (const { child: c } of this.kept)
          for (const o of c.oc2)
            out([
              ++id,
              au,
              c.id,
              this.iso(o.day),
              o.convicted,
              o.healthCheck,
              o.immunisations,
              o.substanceMisuse,
              o.interventionReceived,
              o.interventionOffered,
            ]);
        return;
      }
      case 'personalEducationPlans': {
        let id = this.offsets.personalEducationPlans;
        for (const { child: c } of this.kept) for (const d of c.peps) out([++id, au, c.id, this.iso(d)]);
        return;
      }
      case 'missingEpisodes': {
        let id = this.offsets.missingEpisodes;
        for (const { child: c } of this.kept)
          for (const m of c.missing) {
            out([
              ++id,
              au,
              c.id,
              m.kind,
              this.minuteIso(m.startMinute),
              this.minuteIso(m.endMinute),
              clip(m.rhiOffered),
              clip(m.rhiAccepted),
              this.minuteIso(m.rhiCompletedMinute),
            ]);
          }
        return;
      }
      case 'permanenceMilestones':
        for (const k of this.kept)
          for (const p of this.periods(k)) {
            const m = p.permanence;
            if (!m?.id) continue;
            const ordered = m.orderDay !== null && m.orderDay <= A;
            const matched = m.matched !== null && m.matched <= A;
            const placed = m.placed !== null && m.placed <= A;
            out([
              m.id,
              au,
              k.child.id,
              p.id,
              clip(m.adm),
              clip(m.placementOrder),
              clip(m.matched),
              clip(m.placed),
              clip(m.ffa),
              clip(m.reversed),
              m.reversed !== null && m.reversed <= A ? m.reversedReason : null,
              ordered ? m.orderType : null,
              ordered ? this.iso(m.orderDay as Day) : null,
              placed ? m.byFosterCarer : null,
              matched ? m.adopters : null,
              matched ? m.adopterSex : null,
              matched ? m.adopterLegalStatus : null,
              placed ? m.familyRef : null,
            ]);
          }
        return;
      case 'careLeavers':
        for (const k of this.kept)
          for (const c of k.careLeaver) {
            const linked = c.paLinked !== null && c.paLinked <= A;
            const pa = linked ? (this.holder(k, 'personal-adviser', Math.min(c.end, A))?.worker?.id ?? null) : null;
            const stayingPut = c.stayingPut && c.stayingPutStart !== null && c.stayingPutStart <= A;
            out([
              c.id,
              au,
              k.child.id,
              c.eligibility,
              this.iso(c.start),
              clip(c.end),
              pa,
              linked ? this.iso(c.paLinked as Day) : null,
              stayingPut,
              stayingPut ? this.iso(c.stayingPutStart as Day) : null,
            ]);
          }
        return;
      case 'pathwayPlanReviews': {
        let id = this.offsets.pathwayPlanReviews;
        for (const { child: c } of this.kept) for (const d of c.pathwayReviews) out([++id, au, c.id, this.iso(d)]);
        return;
      }
      case 'careLeaverContacts': {
        let id = this.offsets.careLeaverContacts;
        for (const { child: c } of this.kept)
          for (const x of c.careLeaverContacts)
            out([++id, au, c.id, this.iso(x.day), x.inTouch, x.accommodation, x.suitable, x.activity]);
        return;
      }
      case 'privateFostering':
        for (const k of this.kept)
          for (const p of k.privateFostering) {
            out([
              p.id,
              au,
              k.child.id,
              this.iso(p.notification),
              this.iso(p.arrangementStart),
              clip(p.initialVisit),
              clip(p.assessmentCompleted),
              clip(p.end),
            ]);
          }
        return;
      case 'ladoReferrals':
        for (const l of this.input.lado) {
          const closed = l.closed <= A;
          out([
            l.id,
            au,
            l.child && l.child.id > 0 ? l.child.id : null,
            this.iso(l.referral),
            clip(l.initialConsideration),
            clip(l.oversight),
            l.sector,
            closed ? l.outcome : null,
            clip(l.closed),
            l.strategyMeeting,
          ]);
        }
        return;
    }
  }

  private periods(k: Kept): PeriodOfCare[] {
    const list: PeriodOfCare[] = [];
    for (const e of k.episodes) for (const p of e.periods) if (p.id) list.push(p);
    return list;
  }

  private readonly mashCache = new Map<number, WorkerModel[]>();

  /** A MASH worker in post on the day (spread across the team by contact). */
  private mashWorker(team: TeamModel, day: Day, contactId: number): number | null {
    const key = team.index * 1_000_000 + day;
    let inPost = this.mashCache.get(key);
    if (!inPost) {
      inPost = [];
      for (const w of team.workers) if (w.caseHolding && w.start <= day && w.end >= day && w.id > 0) inPost.push(w);
      this.mashCache.set(key, inPost);
    }
    if (inPost.length === 0) return null;
    return (inPost[contactId % inPost.length] as WorkerModel).id;
  }

  /**
   * UPN: a 13-character unique pupil number for children of school age (check letter, LA number, then nine
   * digits), UN1 for children not yet of school age and UN2 for unaccompanied children (the UPN-unknown codes).
   * The check letter follows the DfE rule: digits 2–13 weighted 2–13, summed, modulo 23, mapped to
   * ABCDEFGHJKLMNPQRTUVWXYZ (CIN rule 1510).
   */
  private upn(c: ChildModel): { upn: string | null; unknown: string | null } {
    if (c.uasc) return { upn: null, unknown: 'UN2' };
    if (this.A - c.dob < 5 * 365.25) return { upn: null, unknown: 'UN1' };
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- an authority without a benchmark authority has none
    const la = (this.input.authority.benchmarkLaNumber ?? '999').padStart(3, '0').slice(0, 3);
    // A bijection of the child's number onto nine digits, so UPNs are unique and look unordered.
    const body = la + String((c.upnIndex * 2_654_435_761) % 1_000_000_000).padStart(9, '0');
    return { upn: upnCheckLetter(body) + body, unknown: null };
  }
}

/**
 * The check letter of a UPN from its other 12 characters (all digits here): characters 2–13 weighted 2–13,
 * summed, modulo 23, mapped to ABCDEFGHJKLMNPQRTUVWXYZ (DfE's UPN rule, CIN validation rule 1510).
 */
export function upnCheckLetter(body: string): string {
  if (!/^\d{12}$/.test(body)) throw new Error('UPN body must be 12 digits');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i + 2);
  return 'ABCDEFGHJKLMNPQRTUVWXYZ'[sum % 23] as string;
}

function roleOrder(role: AllocationModel['role']): number {
  return role === 'social-worker' ? 0 : role === 'personal-adviser' ? 1 : role === 'early-help-practitioner' ? 2 : 3;
}

export function zeroCounts(): Record<TableKey, number> {
  return {
    authorities: 0,
    teams: 0,
    workers: 0,
    workforceSnapshots: 0,
    childPopulation: 0,
    children: 0,
    childDisabilities: 0,
    immigrationStatuses: 0,
    familyLinks: 0,
    allocations: 0,
    contacts: 0,
    earlyHelpEpisodes: 0,
    cinEpisodes: 0,
    assessments: 0,
    strategyDiscussions: 0,
    s47Enquiries: 0,
    initialCpConferences: 0,
    cinPlans: 0,
    cpPlans: 0,
    cpReviews: 0,
    visits: 0,
    preProceedings: 0,
    careProceedings: 0,
    periodsOfCare: 0,
    legalStatuses: 0,
    placements: 0,
    claReviews: 0,
    healthAssessments: 0,
    dentalChecks: 0,
    sdqScores: 0,
    claOutcomes: 0,
    personalEducationPlans: 0,
    missingEpisodes: 0,
    permanenceMilestones: 0,
    careLeavers: 0,
    pathwayPlanReviews: 0,
    careLeaverContacts: 0,
    privateFostering: 0,
    ladoReferrals: 0,
  };
}
