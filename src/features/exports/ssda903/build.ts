/**
 * The SSDA903 tables for a collection year, built from canonical rows (the reverse of the importer's
 * to-dataset.ts, so an exported return imports back to the same facts):
 *
 * - Episodes: every period of care overlapping the year, rebuilt by episodes.ts; the children with an episode in
 *   the file are "the children looked after in the year". A placement type that needs an Ofsted URN (rule 218)
 *   but has none gets the accepted placeholder XXXXXXX.
 * - OC3: exactly the relevant and former relevant care leavers whose 17th–21st birthday falls in the year, as the
 *   care leaver indicators count them (indicators/areas/oc3-cohort.ts: the care leaver record open on the birthday,
 *   not looked after then), with the contact nearest that birthday between three months before and one month after
 *   it; with none, "not in touch" (IN_TOUCH NO, ACTIV 0, ACCOM 0); ACTIV and ACCOM 0 when not known.
 * - Header: the children in Episodes or OC3 (SEX 1/2 until 2023/24). MOTHER (rules 165, 393, 399, 607, 625, 628):
 *   for a child with an episode other than a short break (V3/V4), 1 when a "child" family link exists whose child
 *   was born by 31 March and by the end of her last episode, 0 for other girls and young women; blank for boys, for
 *   children only in short breaks and for care leavers not looked after in the year (in OC3 only).
 * - Reviews: reviews in the year in the periods written. UASC: UASC status overlapping the year of children in
 *   Episodes; DUC is the status's end or, while it is open, the 18th birthday, when UASC status ends at the latest
 *   (rules 205B and 304: the 903 gives the date ahead of time).
 * - OC2: children looked after continuously for 12 months at 31 March, by the DfE's test on the episodes written
 *   (ingest rules/looked-after.ts): the latest SDQ in the year; TEETH_CHECK 1 for a dental check in the year;
 *   HEALTH_ASSESSMENT 1 for a health assessment in the 12 months to 31 March, or in the 6 months to it for a child
 *   under 5 then (a child whose date of birth is not known is taken as 5 or over), as the health assessment
 *   indicator counts; the other items (convictions, health surveillance, immunisations, substance misuse and its
 *   interventions) from the child's claOutcomes at 31 March, blank where none is held.
 * - AD1: periods ended by adoption (E11/E12) in the year, with their permanence milestone. PlacedAdoption:
 *   decisions to place for adoption (ADM decision) of periods written, not ceased before the year.
 * - PrevPerm: the first period starting in the year, when its previous permanence is recorded (LA_PERM, and DATE_PERM
 *   as a date or as kept with its unknown part).
 * - Missing: missing/away episodes overlapping the year of children in Episodes (dates in Europe/London).
 * - SWEpisodes (2023/24+): social worker allocations overlapping the year: all of them for a child looked after on
 *   31 March, else those from the child's first episode written to the last one's end; SW_ID is the worker's ref, or
 *   XX when no worker is allocated; SW_REASON why the worker took the child on.
 * - DoLo (2026/27+): orders overlapping the year.
 *
 * Dates are dd/mm/yyyy; rows are sorted by CHILD then date.
 */
import { oc3Record } from '../../indicators/areas/oc3-cohort';
import { returnSex } from '../../ingest/formats/ssda903/codes';
import { londonDateOf } from '../../ingest/formats/ssda903/london';
import { addYears } from '../../ingest/formats/ssda903/rules/context';
import { continuouslyLookedAfter } from '../../ingest/formats/ssda903/rules/looked-after';
import { urnExemptPlacements } from '../../ingest/formats/ssda903/rules/placement';
import { TABLE_COLUMNS, TABLE_YEARS, type TableName } from '../../ingest/formats/ssda903/tables';
import { addMonths } from '../../../domain/working-days';
import type { Canonical } from './load';
import { episodesOf, type EpisodeOut } from './episodes';

export type ReturnRows = Record<TableName, Array<Record<string, string>>>;

/** 2026-03-31 → 31/03/2026; null → ''. */
export function dmy(iso: string | null | undefined): string {
  if (!iso) return '';
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function groupBy<T, K>(list: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of list) {
    const k = key(x);
    const l = out.get(k);
    if (l) l.push(x);
    else out.set(k, [x]);
  }
  return out;
}

export function buildReturn(c: Canonical, year: number): ReturnRows {
  const start = `${year - 1}-04-01`;
  const end = `${year}-03-31`;
  const out = Object.fromEntries(
    (Object.keys(TABLE_COLUMNS) as TableName[]).map((t) => [t, []]),
  ) as unknown as ReturnRows;
  const children = new Map(c.children.map((ch) => [ch.id, ch]));
  const lsByPeriod = groupBy(c.legalStatuses, (x) => x.periodOfCareId);
  const plByPeriod = groupBy(c.placements, (x) => x.periodOfCareId);
  // A placement with no URN gets the placeholder where a year it is written in needs one. Each episode is written
  // alike in every year's file (rule 503F wants this year's first episode to give last year's URN), so the
  // placeholder is decided once for the placement, by the year it ended in (or the latest, while open): the types
  // that need no URN only ever become fewer (H5 and P2 need one from 2024/25, Z1 from 2025/26), so that year needs
  // it whenever an earlier one does (rule 218), and rule 222 allows XXXXXXX where a year needs none.
  const urnFor = (p: { placementType: string; urn: string | null; endDate: string | null }) =>
    p.urn === null && !urnExemptPlacements(collectionYearOf(p.endDate)).includes(p.placementType) ? 'XXXXXXX' : p.urn;

  // Episodes.
  interface Written {
    period: Canonical['periods'][number];
    episodes: EpisodeOut[];
  }
  const writtenByChild = new Map<number, Written[]>();
  for (const p of c.periods) {
    const episodes = episodesOf(p, lsByPeriod.get(p.id) ?? [], plByPeriod.get(p.id) ?? [], { start, end }, urnFor);
    if (episodes.length === 0 || !children.has(p.childId)) continue;
    const list = writtenByChild.get(p.childId);
    if (list) list.push({ period: p, episodes });
    else writtenByChild.set(p.childId, [{ period: p, episodes }]);
  }
  for (const list of writtenByChild.values()) list.sort((a, b) => a.period.startDate.localeCompare(b.period.startDate));
  const writtenPeriods = new Set<number>();
  for (const list of writtenByChild.values()) for (const w of list) writtenPeriods.add(w.period.id);
  const laId = (childId: number) => children.get(childId)?.laChildId ?? '';
  const dobOf = (childId: number) => dmy(children.get(childId)?.dateOfBirth);

  // OC3: the relevant and former relevant care leavers whose 17th–21st birthday is in the year (oc3-cohort.ts), with
  // the contact nearest it, or none (not in touch).
  const oc3 = new Map<number, Canonical['contacts'][number] | null>();
  const contactsByChild = groupBy(c.contacts, (x) => x.childId);
  const periodsByChild = groupBy(c.periods, (x) => x.childId);
  for (const [childId, leavers] of groupBy(c.leavers, (x) => x.childId)) {
    const dob = children.get(childId)?.dateOfBirth;
    if (!dob) continue;
    const record = oc3Record(dob, year, leavers, periodsByChild.get(childId) ?? [], contactsByChild.get(childId) ?? []);
    if (record) oc3.set(childId, record.contact);
  }

  const inReturn = [...new Set([...writtenByChild.keys(), ...oc3.keys()])].sort((a, b) =>
    laId(a).localeCompare(laId(b)),
  );
  const inEpisodes = new Set(writtenByChild.keys());
  const motherLinks = groupBy(c.familyLinks, (x) => x.childId);

  for (const childId of inReturn) {
    const ch = children.get(childId);
    if (!ch) continue;
    // Her child counts only if born by 31 March and by the end of her last episode (rule 625: a child born after she
    // left care is not one she had while looked after).
    const episodes = (writtenByChild.get(childId) ?? []).flatMap((w) => w.episodes);
    const left = episodes.length > 0 ? (episodes[episodes.length - 1]?.DEC ?? null) : null;
    // MOTHER is asked only of a child looked after other than in short breaks (rules 399 and 628).
    const asked = episodes.some((e) => e.LS !== 'V3' && e.LS !== 'V4');
    const links = (asked ? (motherLinks.get(childId) ?? []) : [])
      .map((l) => l.relatedDateOfBirth)
      .filter((born) => born === null || (born <= end && (left === null || born <= left)))
      .sort((a, b) => (a ?? '9999').localeCompare(b ?? '9999'));
    const mother = links.length > 0 ? '1' : asked && ch.sex === 'F' ? '0' : '';
    out.Header.push({
      CHILD: ch.laChildId,
      SEX: returnSex(ch.sex, year),
      DOB: dmy(ch.dateOfBirth),
      ETHNIC: ch.ethnicity,
      UPN: ch.upn ?? ch.upnUnknownReason ?? '',
      MOTHER: mother,
      MC_DOB: links.length > 0 ? dmy(links[0]) : '',
    });
  }

  for (const childId of inReturn) {
    for (const w of writtenByChild.get(childId) ?? []) {
      for (const e of w.episodes) {
        out.Episodes.push({
          CHILD: laId(childId),
          DECOM: dmy(e.DECOM),
          RNE: e.RNE,
          LS: e.LS,
          CIN: e.CIN,
          PLACE: e.PLACE,
          PLACE_PROVIDER: e.PLACE_PROVIDER ?? '',
          DEC: dmy(e.DEC),
          REC: e.REC ?? '',
          REASON_PLACE_CHANGE: e.REASON_PLACE_CHANGE ?? '',
          HOME_POST: e.HOME_POST ?? '',
          PL_POST: e.PL_POST ?? '',
          URN: e.URN ?? '',
        });
      }
    }
  }

  // Reviews.
  const reviews = c.reviews.filter((r) => writtenPeriods.has(r.periodOfCareId) && inEpisodes.has(r.childId));
  for (const r of sortBy(reviews, (r) => `${laId(r.childId)} ${r.reviewDate}`)) {
    out.Reviews.push({
      CHILD: laId(r.childId),
      DOB: dobOf(r.childId),
      REVIEW: dmy(r.reviewDate),
      REVIEW_CODE: r.participation ?? '',
    });
  }

  // UASC.
  const uasc = groupBy(
    c.immigration.filter(
      (u) => inEpisodes.has(u.childId) && u.startDate <= end && (u.endDate === null || u.endDate >= start),
    ),
    (u) => u.childId,
  );
  for (const childId of inReturn) {
    const list = uasc.get(childId);
    if (!list) continue;
    const last = sortBy(list, (u) => u.startDate)[list.length - 1];
    const ch = children.get(childId);
    if (!last || !ch) continue;
    out.UASC.push({
      CHILD: ch.laChildId,
      SEX: returnSex(ch.sex, year),
      DOB: dmy(ch.dateOfBirth),
      DUC: dmy(last.endDate ?? (ch.dateOfBirth ? addYears(ch.dateOfBirth, 18) : null)),
    });
  }

  // OC2: looked after continuously for 12 months at 31 March.
  const sdqByChild = groupBy(c.sdq, (x) => x.childId);
  const dentalChildren = new Set(c.dental.map((d) => d.childId));
  const latestHealth = new Map<number, string>();
  for (const h of c.health)
    if (h.assessmentDate > (latestHealth.get(h.childId) ?? '')) latestHealth.set(h.childId, h.assessmentDate);
  const outcomes = new Map(c.outcomes.map((o) => [o.childId, o]));
  // Under 5 on 31 March: a health assessment every 6 months, so one after the day 6 months before 31 March.
  const sixMonthsBefore = addMonths(end, -6);
  const yesNo = (v: boolean | null | undefined) => (v === true ? '1' : v === false ? '0' : '');
  for (const childId of inReturn) {
    const episodes = (writtenByChild.get(childId) ?? []).flatMap((w) => w.episodes);
    if (!continuouslyLookedAfter(episodes, start, end)) continue;
    const latest = sortBy(sdqByChild.get(childId) ?? [], (x) => x.assessmentDate).pop();
    const dob = children.get(childId)?.dateOfBirth ?? null;
    const underFive = dob !== null && addYears(dob, 5) > end;
    const health = latestHealth.get(childId);
    const o = outcomes.get(childId);
    out.OC2.push({
      CHILD: laId(childId),
      DOB: dobOf(childId),
      SDQ_SCORE: latest?.score === null || latest?.score === undefined ? '' : String(latest.score),
      SDQ_REASON: latest?.reason ?? '',
      CONVICTED: yesNo(o?.convicted),
      HEALTH_CHECK: yesNo(o?.healthCheck),
      IMMUNISATIONS: yesNo(o?.immunisations),
      TEETH_CHECK: dentalChildren.has(childId) ? '1' : '0',
      HEALTH_ASSESSMENT: health !== undefined && (!underFive || health > sixMonthsBefore) ? '1' : '0',
      SUBSTANCE_MISUSE: yesNo(o?.substanceMisuse),
      INTERVENTION_RECEIVED: yesNo(o?.interventionReceived),
      INTERVENTION_OFFERED: yesNo(o?.interventionOffered),
    });
  }

  // OC3. With no contact in the window: not in touch, activity and accommodation not known (0: rule 153 wants all
  // three or none).
  for (const childId of inReturn) {
    if (!oc3.has(childId)) continue;
    const x = oc3.get(childId) ?? null;
    const accom =
      x === null || x.accommodation === null
        ? '0'
        : `${x.accommodation}${x.accommodationSuitable === null ? '' : x.accommodationSuitable ? '1' : '2'}`;
    out.OC3.push({
      CHILD: laId(childId),
      DOB: dobOf(childId),
      IN_TOUCH: x === null ? 'NO' : x.inTouch,
      ACTIV: x?.activity ?? '0',
      ACCOM: accom,
    });
  }

  // AD1 and PlacedAdoption.
  const milestonesByPeriod = groupBy(
    c.milestones.filter((m) => m.periodOfCareId !== null && writtenPeriods.has(m.periodOfCareId)),
    (m) => m.periodOfCareId as number,
  );
  for (const childId of inReturn) {
    for (const w of writtenByChild.get(childId) ?? []) {
      const ms = sortBy(milestonesByPeriod.get(w.period.id) ?? [], (m) => m.admDecisionDate ?? '');
      const p = w.period;
      if (
        p.endDate !== null &&
        p.endDate >= start &&
        p.endDate <= end &&
        (p.reasonCeased === 'E11' || p.reasonCeased === 'E12')
      ) {
        const m = ms[ms.length - 1];
        if (m) {
          out.AD1.push({
            CHILD: laId(childId),
            DOB: dobOf(childId),
            DATE_INT: dmy(m.admDecisionDate),
            DATE_MATCH: dmy(m.matchedDate),
            FOSTER_CARE: m.adoptedByFosterCarer === null ? '' : m.adoptedByFosterCarer ? '1' : '0',
            NB_ADOPTR: m.numberOfAdopters === null ? '' : String(m.numberOfAdopters),
            SEX_ADOPTR: m.adopterSex ?? '',
            LS_ADOPTR: m.adopterLegalStatus ?? '',
          });
        }
      }
      for (const m of ms) {
        if (m.admDecisionDate === null || m.admDecisionDate > end) continue;
        if (m.decisionReversedDate !== null && m.decisionReversedDate < start) continue;
        const ceased = m.decisionReversedDate !== null && m.decisionReversedDate <= end;
        out.PlacedAdoption.push({
          CHILD: laId(childId),
          DOB: dobOf(childId),
          DATE_PLACED: dmy(m.admDecisionDate),
          DATE_PLACED_CEASED: ceased ? dmy(m.decisionReversedDate) : '',
          REASON_PLACED_CEASED: ceased ? (m.decisionReversedReason ?? '') : '',
        });
      }
    }
  }

  // PrevPerm.
  for (const childId of inReturn) {
    const first = (writtenByChild.get(childId) ?? []).find((w) => w.period.startDate >= start);
    if (!first || first.period.previousPermanence === null) continue;
    out.PrevPerm.push({
      CHILD: laId(childId),
      DOB: dobOf(childId),
      PREV_PERM: first.period.previousPermanence,
      LA_PERM: first.period.previousPermanenceLa ?? '',
      DATE_PERM: first.period.previousPermanenceDate
        ? dmy(first.period.previousPermanenceDate)
        : (first.period.previousPermanenceDatePartial ?? ''),
    });
  }

  // Missing.
  const missing = c.missing
    .filter((m) => inEpisodes.has(m.childId))
    .map((m) => ({ m, from: londonDateOf(m.startAt), to: m.endAt ? londonDateOf(m.endAt) : null }))
    .filter((x) => x.from <= end && (x.to === null || x.to >= start));
  for (const x of sortBy(missing, (x) => `${laId(x.m.childId)} ${x.m.startAt.toISOString()}`)) {
    out.Missing.push({
      CHILD: laId(x.m.childId),
      DOB: dobOf(x.m.childId),
      MISSING: x.m.kind,
      MIS_START: dmy(x.from),
      MIS_END: x.to !== null && x.to <= end ? dmy(x.to) : '',
    });
  }

  // SWEpisodes.
  if (year >= TABLE_YEARS.SWEpisodes.from) {
    const refs = new Map(c.workers.map((w) => [w.id, w.workerRef]));
    // The span of each child's social worker episodes to write: for a child looked after on 31 March (an episode
    // open then, other than short breaks V3/V4) the whole year, even while not looked after (rule SW12STG2); for
    // others, from the first episode of care written to the last one's end, so no episode between two periods of
    // care is left out (rule SW10STG2 checks each episode follows the one before).
    const span = new Map<number, { from: string; to: string }>();
    for (const [childId, written] of writtenByChild) {
      const eps = written.flatMap((w) => w.episodes);
      const first = eps[0];
      if (!first) continue;
      const atEnd = eps.some((e) => e.DEC === null && e.LS !== 'V3' && e.LS !== 'V4');
      const last = eps[eps.length - 1]?.DEC ?? null;
      span.set(childId, atEnd ? { from: start, to: end } : { from: first.DECOM, to: last ?? end });
    }
    const allocations = c.allocations.filter((a) => {
      const s = span.get(a.childId);
      if (!s || a.startDate > end || (a.endDate !== null && a.endDate < start)) return false;
      return a.startDate <= s.to && (a.endDate === null || a.endDate >= s.from);
    });
    // SW_REASON is why the worker took the child on. Where the source did not say, it is the reason the worker
    // before ended (a change the same day), or a first contact or re-referral (FCONTA).
    const endedOn = new Map<string, string | null>();
    for (const a of c.allocations) if (a.endDate !== null) endedOn.set(`${a.childId} ${a.endDate}`, a.endReason);
    const reasonOf = (a: Canonical['allocations'][number]): string => {
      if (a.changeReason !== null) return a.changeReason;
      const key = `${a.childId} ${a.startDate}`;
      return endedOn.has(key) ? (endedOn.get(key) ?? 'OTHERS') : 'FCONTA';
    };
    for (const a of sortBy(allocations, (a) => `${laId(a.childId)} ${a.startDate} ${String(a.id).padStart(12, '0')}`)) {
      const ended = a.endDate !== null && a.endDate <= end;
      out.SWEpisodes.push({
        CHILD: laId(a.childId),
        DOB: dobOf(a.childId),
        SW_ID: a.workerId === null ? 'XX' : (refs.get(a.workerId) ?? 'XX'),
        SW_DECOM: dmy(a.startDate),
        SW_DEC: ended ? dmy(a.endDate) : '',
        SW_REASON: reasonOf(a),
      });
    }
  }

  // DoLo.
  if (year >= TABLE_YEARS.DoLo.from) {
    const orders = c.dolo.filter(
      (d) => inEpisodes.has(d.childId) && d.startDate <= end && (d.endDate === null || d.endDate >= start),
    );
    for (const d of sortBy(orders, (d) => `${laId(d.childId)} ${d.startDate}`)) {
      out.DoLo.push({
        CHILD: laId(d.childId),
        DOB: dobOf(d.childId),
        DOLO_START: dmy(d.startDate),
        DOLO_END: d.endDate !== null && d.endDate <= end ? dmy(d.endDate) : '',
      });
    }
  }
  return out;
}

function sortBy<T>(list: readonly T[], key: (x: T) => string): T[] {
  return [...list].sort((a, b) => key(a).localeCompare(key(b)));
}

/** The collection year a date falls in (2024 for 1 April 2023 to 31 March 2024); an open end is the latest year. */
function collectionYearOf(day: string | null): number {
  if (day === null) return Number.MAX_SAFE_INTEGER;
  const y = Number(day.slice(0, 4));
  return day.slice(5) <= '03-31' ? y : y + 1;
}
