/**
 * From a checked 903 return to Lantern's canonical rows, so imported data looks like what the demo generator
 * writes (src/synth/emit.ts):
 *
 * - Header → children (no names: the 903 has none; SEX 1/2 → M/F; UPN or its UN1–UN5 reason; REC E2 → date of
 *   death); MOTHER = 1 → a family link "child" with MC_DOB as the related date of birth.
 * - Episodes → periods of care. A period starts at RNE S, at the first episode of the child in the file, or after
 *   an episode that ended with a REC other than X1; it ends when an episode's REC is not X1 (REC → reasonCeased).
 *   CIN → categoryOfNeed (the latest episode's); HOME_POST → the period's home postcode, in full, and its district
 *   (decision 0027). Consecutive episodes with the same LS make one legal status; a new placement starts at RNE
 *   P/T/U/B (and at S), or where the placement's details change under RNE L. The 903 does not identify carers: each
 *   placement gets the carer reference "903/<CHILD>/<DECOM>", and a move to the same carer (RNE T or U) keeps the
 *   previous one, so a re-export writes the same RNE. PL_POST → the placement's postcode, in full, and its district;
 *   REASON_PLACE_CHANGE of a placement's last episode → its changeReason. Postcodes are kept in Lantern's form
 *   (N12 0AB: normalisePostcode); one not shaped like a postcode is an error (rules/location.ts, 392c) and only its
 *   district, if it is one, is kept. PL_LA, PL_LOCATION and PL_DISTANCE are derived from the postcodes by the
 *   location rules (with a postcode lookup) and are not stored by this import.
 * - Reviews → claReviews, in the period of care holding the review date.
 * - UASC → immigrationStatuses 'UASC', from the child's first DECOM in the file (the 903 has no start), ending DUC.
 * - OC2 (flags at 31 March, no dates) → an SDQ score or reason dated the reference date; TEETH_CHECK = 1 → a dental
 *   check and HEALTH_ASSESSMENT = 1 → a review health assessment dated the reference date; CONVICTED, HEALTH_CHECK,
 *   IMMUNISATIONS, SUBSTANCE_MISUSE and INTERVENTION_RECEIVED/OFFERED (1/0/blank) → a claOutcomes row at the
 *   reference date, when any of them is given.
 * - OC3 → a care leaver record open on the young person's birthday in the year (OC3 holds the relevant and former
 *   relevant care leavers: relevant at the 17th, former relevant at the 18th–21st; the record held that was open on
 *   the birthday, else a new one starting on it) and a careLeaverContacts row dated the birthday; ACCOM letter and
 *   suitability digit split; ACCOM 0 (not known) → no accommodation. "Not in touch" with activity and accommodation
 *   not known is no contact (the export writes it for a care leaver with none near the birthday).
 * - AD1 and PlacedAdoption → permanenceMilestones (DATE_PLACED/DATE_INT → ADM decision, DATE_MATCH, ceased date
 *   and reason, adopters); REC E11/E12, E45–E48, E41 → the order and its date; the placement order date, placed
 *   for adoption (A3–A6) and fostering for adoption (U2/U5) dates come from the episodes of the period.
 * - PrevPerm → the previous permanence of the child's first period starting in the year (else their latest): the
 *   option, LA_PERM, and DATE_PERM (a date with an unknown part, ZZ/05/2019, kept as written).
 * - Missing → missingEpisodes starting and ending at 00:00 Europe/London on the dates given.
 * - SWEpisodes → social worker allocations; SW_ID → the worker (IDs starting XX mean no known worker). The 903
 *   names no team, so allocations go to the team "Children in care (SSDA903)".
 * - DoLo → deprivationOfLibertyOrders.
 *
 * Rows the checks found unusable (an invalid required date, say) are left out; the import is rejected anyway.
 */
import { isIsoDate, compareDateText } from '../../../../domain/dates';
import { birthdayIn, OC3_WINDOW } from '../../../indicators/areas/oc3-cohort';
import { addDays, addMonths } from '../../../../domain/working-days';
import { Dataset } from '../../dataset';
import { districtOf, normalisePostcode } from '../../../../domain/postcodes';
import { postcodeDistrict } from '../../fields';
import { collectionYearBounds } from '../../rules';
import {
  ADOPTED_REC,
  FOSTERING_FOR_ADOPTION,
  PLACED_FOR_ADOPTION,
  SGO_REC,
  UPN_UNKNOWN_CODES,
  canonicalSex,
} from './codes';
import { londonMidnight } from './london';
import { partialDatePerm } from './date-perm';
import type { Return903, Row } from './tables';

/** The 903's placeholder for a URN that is due but not known (rule 222 allows it). */
const URN_NOT_KNOWN = 'XXXXXXX';

export const SSDA903_TEAM = 'Children in care (SSDA903)';

/** The stand-in columns of each kind of row (one list shared by every row: the writer only reads them). */
const STAND_INS = {
  careLeavers: ['eligibility', 'stayingPut'],
  missingEpisodes: ['endAt'],
  allocations: ['teamId'],
  periodsOfCare: ['continuedFrom'],
  placements: ['carerRef'],
} as const;

const date = (v: string | null): string | null => (v !== null && isIsoDate(v) ? v : null);

interface PeriodRef {
  id: number;
  start: string;
  end: string | null;
  episodes: Array<Row<'Episodes'>>;
  legal: Array<{ code: string; start: string }>;
  placements: Array<{ type: string; start: string }>;
  reasonCeased: string | null;
}

/**
 * `episodesByChild`: the return's episodes with a valid DECOM grouped by groupByChild, when the caller has them
 * already (the rules' context does), so that they are not grouped twice.
 */
export function toDataset(
  ret: Return903,
  year: number,
  episodesByChild: ReadonlyMap<string, Array<Row<'Episodes'>>> = groupByChild(
    ret.Episodes.filter((e) => date(e.DECOM) !== null),
  ),
): Dataset {
  const ds = new Dataset();
  const { start: yearStart, end: referenceDate } = collectionYearBounds(year);
  const postcodes = new PostcodeForms();

  // Children.
  const childIds = new Map<string, number>();
  for (const h of ret.Header) {
    if (h.CHILD === null || childIds.has(h.CHILD)) continue;
    const eps = episodesByChild.get(h.CHILD) ?? [];
    const died = eps.find((e) => e.REC === 'E2' && date(e.DEC) !== null);
    // The district of the latest HOME_POST that has one.
    let home: string | null = null;
    for (let i = eps.length - 1; i >= 0 && home === null; i--) home = postcodes.district(eps[i]?.HOME_POST ?? null);
    const unknownUpn = h.UPN !== null && (UPN_UNKNOWN_CODES as readonly string[]).includes(h.UPN.toUpperCase());
    const id = ds.add('children', {
      laChildId: h.CHILD,
      upn: unknownUpn ? null : h.UPN,
      upnUnknownReason: unknownUpn ? h.UPN.toUpperCase() : null,
      firstName: null,
      lastName: null,
      dateOfBirth: date(h.DOB),
      expectedDateOfBirth: null,
      dateOfDeath: died ? died.DEC : null,
      sex: canonicalSex(h.SEX ?? '', year) ?? 'U',
      gender: null,
      ethnicity: h.ETHNIC ?? 'NOBT',
      firstLanguage: null,
      religion: null,
      postcodeDistrict: home,
      // The 903's HOME_POST is the home when each period began, not where the child lives now: it is the period's.
      postcode: null,
    });
    childIds.set(h.CHILD, id);
    if (h.MOTHER === '1') {
      ds.add('familyLinks', {
        childId: id,
        relatedChildId: null,
        relationship: 'child',
        familyRef: null,
        relatedDateOfBirth: date(h.MC_DOB),
      });
    }
  }

  // Periods of care, legal statuses and placements.
  const periodsByChild = new Map<string, PeriodRef[]>();
  for (const [child, eps] of episodesByChild) {
    const childId = childIds.get(child);
    if (childId === undefined) continue;
    const groups: Array<Array<Row<'Episodes'>>> = [];
    let ended = true;
    for (const e of eps) {
      if (ended || e.RNE === 'S') groups.push([]);
      (groups[groups.length - 1] as Array<Row<'Episodes'>>).push(e);
      ended = e.REC !== null && e.REC !== 'X1';
    }
    const refs: PeriodRef[] = [];
    for (const g of groups) refs.push(writePeriod(ds, postcodes, childId, child, g));
    periodsByChild.set(child, refs);
  }

  // Reviews.
  for (const r of ret.Reviews) {
    const childId = r.CHILD === null ? undefined : childIds.get(r.CHILD);
    const day = date(r.REVIEW);
    if (childId === undefined || day === null) continue;
    const period = periodHolding(periodsByChild.get(r.CHILD as string) ?? [], day);
    if (!period) continue; // reported by the checks (reviewOutsideCare)
    ds.add('claReviews', {
      childId,
      periodOfCareId: period.id,
      dueDate: null,
      reviewDate: day,
      participation: r.REVIEW_CODE,
    });
  }

  // UASC.
  for (const u of ret.UASC) {
    const childId = u.CHILD === null ? undefined : childIds.get(u.CHILD);
    if (childId === undefined) continue;
    const first = (episodesByChild.get(u.CHILD as string) ?? [])[0];
    const start = first ? (first.DECOM as string) : collectionYearBounds(year).start;
    // A DUC after the year's end is when the status is due to end (the 18th birthday, which the 903 asks for while
    // the status is open), not an end that has happened by the time of the return: the status is held as open.
    const ceased = date(u.DUC);
    const endDate = ceased !== null && ceased > collectionYearBounds(year).end ? null : ceased;
    const id = ds.add('immigrationStatuses', { childId, status: 'UASC', startDate: start, endDate });
    // The status began on or before that day: it is the child's UASC status held that began nearest it.
    ds.keyWithin('immigrationStatuses', id, { column: 'startDate', from: null, to: start });
  }

  // OC2: flags at the reference date. OC2 has no dates: each is the latest of its kind in the year (the nearest
  // 31 March). The windows are the same for every row (the writer only reads them).
  const sdqWindow = { column: 'assessmentDate', from: yearStart, to: referenceDate };
  const dentalWindow = { column: 'checkDate', from: yearStart, to: referenceDate };
  const healthWindow = { column: 'assessmentDate', from: yearStart, to: referenceDate, match: [] };
  for (const o of ret.OC2) {
    const childId = o.CHILD === null ? undefined : childIds.get(o.CHILD);
    if (childId === undefined) continue;
    if (o.SDQ_SCORE !== null || o.SDQ_REASON !== null) {
      const score = o.SDQ_SCORE === null ? null : Number(o.SDQ_SCORE);
      const id = ds.add('sdqScores', {
        childId,
        assessmentDate: referenceDate,
        score: Number.isInteger(score) ? score : null,
        reason: o.SDQ_REASON,
      });
      ds.keyWithin('sdqScores', id, sdqWindow);
    }
    if (o.TEETH_CHECK === '1') {
      const id = ds.add('dentalChecks', { childId, checkDate: referenceDate });
      ds.keyWithin('dentalChecks', id, dentalWindow);
    }
    if (o.HEALTH_ASSESSMENT === '1') {
      const id = ds.add('healthAssessments', { childId, kind: 'review', assessmentDate: referenceDate });
      ds.keyWithin('healthAssessments', id, healthWindow);
    }
  }

  // The other OC2 items, at the reference date.
  const flag = (v: string | null): boolean | null => (v === '1' ? true : v === '0' ? false : null);
  for (const o of ret.OC2) {
    const childId = o.CHILD === null ? undefined : childIds.get(o.CHILD);
    if (childId === undefined) continue;
    const items = [
      o.CONVICTED,
      o.HEALTH_CHECK,
      o.IMMUNISATIONS,
      o.SUBSTANCE_MISUSE,
      o.INTERVENTION_RECEIVED,
      o.INTERVENTION_OFFERED,
    ];
    if (items.every((v) => v === null)) continue;
    ds.add('claOutcomes', {
      childId,
      asAt: referenceDate,
      convicted: flag(o.CONVICTED),
      healthCheck: flag(o.HEALTH_CHECK),
      immunisations: flag(o.IMMUNISATIONS),
      substanceMisuse: flag(o.SUBSTANCE_MISUSE),
      interventionReceived: flag(o.INTERVENTION_RECEIVED),
      interventionOffered: flag(o.INTERVENTION_OFFERED),
    });
  }

  // OC3: the young person was a relevant (17th birthday) or former relevant (18th–21st) care leaver on the birthday
  // in the year, and the contact is dated that birthday.
  for (const o of ret.OC3) {
    const childId = o.CHILD === null ? undefined : childIds.get(o.CHILD);
    const dob = date(o.DOB);
    if (childId === undefined || dob === null || o.IN_TOUCH === null) continue;
    const birthday = birthdayIn(dob, year);
    const age = Number(birthday.slice(0, 4)) - Number(dob.slice(0, 4));
    if (age < 17 || age > 21) continue; // rule 391's
    const leaver = ds.add('careLeavers', {
      childId,
      eligibility: age <= 17 ? 'relevant' : 'former-relevant',
      startDate: birthday,
      endDate: null,
      personalAdviserId: null,
      paLinkedDate: null,
      stayingPut: false,
      stayingPutStartDate: null,
    });
    // It is the care leaver record held that was open on the birthday; what the 903 implies of it (its eligibility, a
    // start on the birthday, no staying put) only fills a new one.
    ds.keyWithin('careLeavers', leaver, { column: 'startDate', from: null, to: birthday, coverColumn: 'endDate' });
    ds.standIn('careLeavers', leaver, STAND_INS.careLeavers);
    // "Not in touch" with nothing known is what the export writes for a care leaver with no contact near the
    // birthday, and what Lantern reads from no contact: it is not a contact.
    const unknown = (v: string | null) => v === null || v === '0';
    if (o.IN_TOUCH === 'NO' && unknown(o.ACTIV) && unknown(o.ACCOM)) continue;
    const accom = o.ACCOM !== null && o.ACCOM !== '0' ? o.ACCOM : null;
    const id = ds.add('careLeaverContacts', {
      childId,
      contactDate: birthday,
      inTouch: o.IN_TOUCH,
      accommodation: accom ? accom.slice(0, 1) : null,
      accommodationSuitable: accom ? accom.slice(1) === '1' : null,
      activity: o.ACTIV,
    });
    // The contact is the one nearest the birthday, from three months before it to one month after.
    ds.keyWithin('careLeaverContacts', id, {
      column: 'contactDate',
      from: addMonths(birthday, -OC3_WINDOW.before),
      to: addMonths(birthday, OC3_WINDOW.after),
    });
  }

  writePermanence(ds, ret, childIds, periodsByChild);

  // PrevPerm.
  for (const p of ret.PrevPerm) {
    const periods = p.CHILD === null ? undefined : periodsByChild.get(p.CHILD);
    if (!periods || periods.length === 0) continue;
    const target = periods.find((x) => x.start >= yearStart) ?? periods.at(-1);
    if (!target) continue;
    const row = ds.rows.periodsOfCare[target.id - 1];
    if (row) {
      row.previousPermanence = p.PREV_PERM;
      row.previousPermanenceDate = date(p.DATE_PERM);
      // A date with an unknown part (ZZ/05/2019) is kept as the 903 writes it, ZZ in capitals.
      row.previousPermanenceDatePartial =
        p.DATE_PERM !== null && date(p.DATE_PERM) === null && partialDatePerm(p.DATE_PERM) !== null
          ? p.DATE_PERM.trim().toUpperCase()
          : null;
      row.previousPermanenceLa = p.LA_PERM;
    }
  }

  // Missing.
  for (const m of ret.Missing) {
    const childId = m.CHILD === null ? undefined : childIds.get(m.CHILD);
    const start = date(m.MIS_START);
    if (childId === undefined || start === null || m.MISSING === null) continue;
    const end = date(m.MIS_END);
    const startAt = londonMidnight(start);
    const id = ds.add('missingEpisodes', {
      childId,
      kind: m.MISSING,
      startAt,
      endAt: end === null ? null : londonMidnight(end),
      rhiOfferedDate: null,
      rhiAcceptedDate: null,
      rhiCompletedAt: null,
    });
    // Dates only: the episode of that kind starting that day in London, whose end the 903 gives only as a day.
    ds.keyWithin('missingEpisodes', id, {
      column: 'startAt',
      from: startAt.toISOString(),
      to: new Date(londonMidnight(addDays(start, 1)).getTime() - 1).toISOString(),
    });
    ds.standIn('missingEpisodes', id, STAND_INS.missingEpisodes);
  }

  // Social worker episodes.
  for (const s of ret.SWEpisodes) {
    const childId = s.CHILD === null ? undefined : childIds.get(s.CHILD);
    const start = date(s.SW_DECOM);
    if (childId === undefined || start === null || s.SW_ID === null) continue;
    const teamId = ds.team(SSDA903_TEAM, 'children-in-care');
    const known = !s.SW_ID.toUpperCase().startsWith('XX');
    const workerId = known
      ? ds.worker(s.SW_ID, { name: s.SW_ID, role: 'social-worker', teamId, startDate: start })
      : null;
    const end = date(s.SW_DEC);
    const id = ds.add('allocations', {
      childId,
      teamId,
      workerId,
      role: 'social-worker',
      startDate: start,
      endDate: end,
      endReason: null,
      // SW_REASON is why this social worker took over (the change that began the episode), not why it ended.
      changeReason: s.SW_REASON,
      isPrimary: true,
    });
    // The team is the 903's own stand-in: it fills a new allocation and never changes the team of one held.
    ds.standIn('allocations', id, STAND_INS.allocations);
  }

  // Deprivation of Liberty Orders.
  for (const d of ret.DoLo) {
    const childId = d.CHILD === null ? undefined : childIds.get(d.CHILD);
    const start = date(d.DOLO_START);
    if (childId === undefined || start === null) continue;
    ds.add('deprivationOfLibertyOrders', { childId, startDate: start, endDate: date(d.DOLO_END) });
  }
  return ds;
}

/** Rows grouped by CHILD, each group sorted by DECOM (then file order). */
export function groupByChild(episodes: ReadonlyArray<Row<'Episodes'>>): Map<string, Array<Row<'Episodes'>>> {
  const out = new Map<string, Array<Row<'Episodes'>>>();
  for (const e of episodes) {
    if (e.CHILD === null) continue;
    const list = out.get(e.CHILD);
    if (list) list.push(e);
    else out.set(e.CHILD, [e]);
  }
  for (const list of out.values())
    list.sort((a, b) => compareDateText(a.DECOM ?? '', b.DECOM ?? '') || a.line - b.line);
  return out;
}

/**
 * The forms of each postcode text the return writes, worked out once per distinct text (a return names the same
 * homes and placements on many rows): Lantern's form, the district, and the key placements are compared by.
 */
class PostcodeForms {
  private readonly forms = new Map<string, { full: string | null; district: string | null; key: string }>();

  private of(text: string) {
    let found = this.forms.get(text);
    if (!found) {
      const full = normalisePostcode(text);
      found = {
        full,
        // An older Lantern export wrote districts alone.
        district: full === null ? postcodeDistrict(text) : districtOf(full),
        key: full ?? text.replace(/\s+/g, '').toUpperCase(),
      };
      this.forms.set(text, found);
    }
    return found;
  }

  /** The postcode in Lantern's form (normalisePostcode). */
  full(text: string | null): string | null {
    return text === null ? null : this.of(text).full;
  }

  /** The district of a full postcode, or of a district written alone. */
  district(text: string | null): string | null {
    return text === null ? null : this.of(text).district;
  }

  /** A postcode to compare: in Lantern's form, or as written without spaces when it is not one. */
  key(text: string | null): string | null {
    return text === null ? null : this.of(text).key;
  }
}

function samePlacement(postcodes: PostcodeForms, a: Row<'Episodes'>, b: Row<'Episodes'>): boolean {
  return (
    a.PLACE === b.PLACE &&
    a.PLACE_PROVIDER === b.PLACE_PROVIDER &&
    a.URN === b.URN &&
    postcodes.key(a.PL_POST) === postcodes.key(b.PL_POST)
  );
}

function writePeriod(
  ds: Dataset,
  postcodes: PostcodeForms,
  childId: number,
  child: string,
  eps: Array<Row<'Episodes'>>,
): PeriodRef {
  const first = eps[0] as Row<'Episodes'>;
  const last = eps[eps.length - 1] as Row<'Episodes'>;
  const ended = last.REC !== null && last.REC !== 'X1' && date(last.DEC) !== null;
  const end = ended ? last.DEC : null;
  const home = eps.map((e) => postcodes.full(e.HOME_POST)).find((p) => p !== null) ?? null;
  const continued = first.RNE !== null && first.RNE !== 'S';
  const periodId = ds.add('periodsOfCare', {
    childId,
    startDate: first.DECOM as string,
    endDate: end,
    reasonCeased: ended ? last.REC : null,
    categoryOfNeed: last.CIN ?? first.CIN ?? 'N1',
    homePostcodeDistrict: eps.map((e) => postcodes.district(e.HOME_POST)).find((p) => p !== null) ?? null,
    homePostcode: home,
    permanencePlan: null,
    permanencePlanDate: null,
    previousPermanence: null,
    previousPermanenceDate: null,
    previousPermanenceDatePartial: null,
    previousPermanenceLa: null,
    // The first episode in the file did not start the period (RNE not S): the period began before this return.
    continuedFrom: continued ? first.RNE : null,
  });
  // A period that began before this return starts, here, at its first episode in the file: it is the child's period
  // held that was running that day (and so its legal status and placement then, unless they began that day).
  const running = { column: 'startDate', from: null, to: first.DECOM as string, coverColumn: 'endDate' } as const;
  // That it "continued from" before is what this file saw, not a fact about a period already held.
  if (continued) {
    ds.keyWithin('periodsOfCare', periodId, running);
    ds.standIn('periodsOfCare', periodId, STAND_INS.periodsOfCare);
  }

  // Legal statuses: a new one whenever LS changes.
  const legal: Array<{ code: string; start: string }> = [];
  for (const e of eps) {
    const current = legal[legal.length - 1];
    if (!current || current.code !== e.LS) legal.push({ code: e.LS ?? '', start: e.DECOM as string });
  }
  legal.forEach((l, i) => {
    const id = ds.add('legalStatuses', {
      childId,
      periodOfCareId: periodId,
      legalStatus: l.code,
      startDate: l.start,
      endDate: legal[i + 1]?.start ?? end,
    });
    if (continued && i === 0) ds.keyWithin('legalStatuses', id, running);
  });

  // Placements: a new one at each placement change, or where the details change under RNE L.
  const placements: Array<{ first: Row<'Episodes'>; last: Row<'Episodes'>; carer: string }> = [];
  for (const e of eps) {
    const current = placements[placements.length - 1];
    if (current && e.RNE === 'L' && samePlacement(postcodes, current.first, e)) {
      current.last = e;
      continue;
    }
    const sameCarer = current && (e.RNE === 'T' || e.RNE === 'U');
    placements.push({ first: e, last: e, carer: sameCarer ? current.carer : `903/${child}/${e.DECOM as string}` });
  }
  placements.forEach((p, i) => {
    const next = placements[i + 1];
    const placePostcode = postcodes.full(p.first.PL_POST);
    const id = ds.add('placements', {
      childId,
      periodOfCareId: periodId,
      startDate: p.first.DECOM as string,
      endDate: next ? (next.first.DECOM as string) : end,
      placementType: p.first.PLACE ?? '',
      provider: p.first.PLACE_PROVIDER,
      carerRef: p.carer,
      postcodeDistrict: postcodes.district(p.first.PL_POST),
      postcode: placePostcode,
      // XXXXXXX is the 903's "URN not known": held as no URN, which the export writes as XXXXXXX again where one is due.
      urn: p.first.URN === URN_NOT_KNOWN ? null : p.first.URN,
      distanceMiles: null,
      inArea: null,
      laOfPlacement: null,
      changeReason: next ? p.last.REASON_PLACE_CHANGE : null,
    });
    if (continued && i === 0) ds.keyWithin('placements', id, running);
    // The 903 does not identify carers: its carer reference only fills a new placement.
    ds.standIn('placements', id, STAND_INS.placements);
  });
  return {
    id: periodId,
    start: first.DECOM as string,
    end,
    episodes: eps,
    legal,
    placements: placements.map((p) => ({ type: p.first.PLACE ?? '', start: p.first.DECOM as string })),
    reasonCeased: ended ? last.REC : null,
  };
}

/** The period holding a date (start ≤ date ≤ end, open periods unbounded). */
function periodHolding<P extends { start: string; end: string | null }>(
  periods: readonly P[],
  day: string,
): P | undefined {
  return periods.find((p) => p.start <= day && (p.end === null || day <= p.end));
}

function writePermanence(
  ds: Dataset,
  ret: Return903,
  childIds: Map<string, number>,
  periodsByChild: Map<string, PeriodRef[]>,
): void {
  interface Milestone {
    child: string;
    period: PeriodRef | null;
    adm: string | null;
    reversed: string | null;
    reason: string | null;
    ad1: Row<'AD1'> | null;
  }
  const milestones: Milestone[] = [];
  // Each child's milestones, and the periods that have one, so that no row scans every milestone.
  const milestonesOf = new Map<string, Milestone[]>();
  const withMilestone = new Set<PeriodRef>();
  const push = (m: Milestone) => {
    milestones.push(m);
    const mine = milestonesOf.get(m.child);
    if (mine) mine.push(m);
    else milestonesOf.set(m.child, [m]);
    if (m.period) withMilestone.add(m.period);
  };
  const periodFor = (child: string, day: string | null): PeriodRef | null => {
    const periods = periodsByChild.get(child) ?? [];
    if (day !== null) {
      const holding = periodHolding(periods, day) ?? periods.find((p) => p.start >= day);
      if (holding) return holding;
    }
    return periods[periods.length - 1] ?? null;
  };
  for (const p of ret.PlacedAdoption) {
    if (p.CHILD === null || !childIds.has(p.CHILD)) continue;
    const adm = date(p.DATE_PLACED);
    push({
      child: p.CHILD,
      period: periodFor(p.CHILD, adm),
      adm,
      reversed: date(p.DATE_PLACED_CEASED),
      reason: p.REASON_PLACED_CEASED,
      ad1: null,
    });
  }
  for (const a of ret.AD1) {
    if (a.CHILD === null || !childIds.has(a.CHILD)) continue;
    const adm = date(a.DATE_INT);
    const mine = milestonesOf.get(a.CHILD) ?? [];
    const found = mine.find((m) => m.adm === adm) ?? mine[mine.length - 1];
    if (found) found.ad1 = a;
    else push({ child: a.CHILD, period: periodFor(a.CHILD, adm), adm, reversed: null, reason: null, ad1: a });
  }
  // Periods that ended in an order but have no adoption rows still carry their order.
  for (const [child, periods] of periodsByChild) {
    for (const p of periods) {
      if (!orderOf(p.reasonCeased) || withMilestone.has(p)) continue;
      push({ child, period: p, adm: null, reversed: null, reason: null, ad1: null });
    }
  }
  for (const m of milestones) {
    const childId = childIds.get(m.child) as number;
    const p = m.period;
    const order = p ? orderOf(p.reasonCeased) : null;
    const a = m.ad1;
    const e1 = p?.legal.find((l) => l.code === 'E1' || l.code === 'D1');
    const placed = p?.placements.find((x) => (PLACED_FOR_ADOPTION as readonly string[]).includes(x.type));
    const ffa = p?.placements.find((x) => (FOSTERING_FOR_ADOPTION as readonly string[]).includes(x.type));
    const milestone = ds.add('permanenceMilestones', {
      childId,
      periodOfCareId: p ? p.id : null,
      admDecisionDate: m.adm,
      placementOrderDate: e1 ? e1.start : null,
      matchedDate: a ? date(a.DATE_MATCH) : null,
      placedForAdoptionDate: placed ? placed.start : null,
      ffaPlacedDate: ffa ? ffa.start : null,
      decisionReversedDate: m.reversed,
      decisionReversedReason: m.reversed ? m.reason : null,
      orderType: order,
      orderDate: order && p ? p.end : null,
      adoptedByFosterCarer: a && a.FOSTER_CARE !== null ? a.FOSTER_CARE === '1' : null,
      numberOfAdopters: a && a.NB_ADOPTR !== null && Number.isInteger(Number(a.NB_ADOPTR)) ? Number(a.NB_ADOPTR) : null,
      adopterSex: a ? a.SEX_ADOPTR : null,
      adopterLegalStatus: a ? a.LS_ADOPTR : null,
      familyRef: null,
    });
    // In a period that began before the return, its first legal status and placement start (here) at its first
    // episode in the file: a date taken from them is a stand-in, for a new milestone only.
    const continued = p !== null && p.episodes[0]?.RNE !== 'S';
    const standIns = [
      ...(continued && e1 !== undefined && e1 === p.legal[0] ? ['placementOrderDate'] : []),
      ...(continued && placed !== undefined && placed === p.placements[0] ? ['placedForAdoptionDate'] : []),
      ...(continued && ffa !== undefined && ffa === p.placements[0] ? ['ffaPlacedDate'] : []),
    ];
    if (standIns.length > 0) ds.standIn('permanenceMilestones', milestone, standIns);
  }
}

function orderOf(rec: string | null): 'adoption' | 'sgo' | 'child-arrangements-order' | null {
  if (rec === null) return null;
  if ((ADOPTED_REC as readonly string[]).includes(rec)) return 'adoption';
  if ((SGO_REC as readonly string[]).includes(rec)) return 'sgo';
  return rec === 'E41' ? 'child-arrangements-order' : null;
}
