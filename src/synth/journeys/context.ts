/**
 * What every journey step needs: the settings of the run, the child, its random streams, and small helpers for
 * ages, timescales and allocation segments.
 */
import { WorkingDayCalendar, addMonthsToDayNumber, civilFromDays, daysFromCivil } from '../../domain/working-days';
import type { AllocationRole, ChildModel, Day, ServiceArea, Visit, VisitKind } from '../model';
import type { Rng } from '../random';

export interface Settings {
  seed: number;
  /** First simulated day (warm-up start), first day of history, last day of data. */
  simulationStart: Day;
  windowStart: Day;
  asAt: Day;
  calendar: WorkingDayCalendar;
  /** Postcode districts of the borough, by locality (team patch). */
  localities: ReadonlyArray<readonly string[]>;
  /** Places children may be placed outside the borough: [LA name, postcode districts, typical miles]. */
  placesAway: ReadonlyArray<{ la: string; districts: readonly string[]; miles: readonly [number, number] }>;
  authorityName: string;
}

/** One child's journey being written. */
export interface Journey {
  s: Settings;
  child: ChildModel;
  /** Structural stream: shared by a sibling group so that siblings share their family's path. */
  rng: Rng;
  /** Activity stream (visits, reviews, checks): the child's own. */
  act: Rng;
  /**
   * The yearly OC2 outcomes and the SDQ a year would otherwise lack: a stream of their own, so that adding them
   * moved nothing else the generator draws.
   */
  outcomes: Rng;
  /**
   * Details the census rules need that the other streams did not draw (an assessment beside a S47 begun at the
   * referral, the factors of an assessment that leads on): the child's own, so that drawing them changes nothing else.
   */
  detail: Rng;
  sw: CaseHolder;
  iro: CaseHolder;
  pa: CaseHolder;
  /** Birthdays as day numbers. */
  b: { 4: Day; 5: Day; 10: Day; 11: Day; 14: Day; 16: Day; 17: Day; 17.5: Day; 18: Day; 21: Day; 25: Day };
  /** Disabled children are held by the disabled children's team. */
  disabled: boolean;
  /** Multiplier on every route into care (ethnicity and sex; see parameters.ts). */
  careFactor: number;
  /** Set when the child stays put with former foster carers at 18 (SSDA903 E17). */
  stayingPutFrom: Day | null;
}

export function birthdays(dob: Day): Journey['b'] {
  const [year, month, day] = civilFromDays(dob);
  // A 29 February birthday falls on 28 February in other years (as addMonths does).
  const on = (n: number) =>
    month === 2 && day === 29 ? daysFromCivil(year + n, 3, 1) - 1 : daysFromCivil(year + n, month, day);
  return {
    4: on(4),
    5: on(5),
    10: on(10),
    11: on(11),
    14: on(14),
    16: on(16),
    17: on(17),
    17.5: addMonthsToDayNumber(dob, 210),
    18: on(18),
    21: on(21),
    25: on(25),
  };
}

/** Age in whole years on a day (negative before birth). */
export function ageOn(j: Journey, day: Day): number {
  if (day < j.child.dob) return -1;
  return Math.floor((day - j.child.dob) / 365.25);
}

/**
 * Keeps the segments of one allocation role for a child: the child is held by one service area at a time, and
 * moving to another ends one segment and starts the next on the same day.
 */
export class CaseHolder {
  private open: { area: ServiceArea; start: Day; unassigned: boolean } | null = null;

  constructor(
    private readonly child: ChildModel,
    private readonly role: AllocationRole,
  ) {}

  get area(): ServiceArea | null {
    return this.open?.area ?? null;
  }

  /** Held by `area` from `day` (no change if already there). */
  to(area: ServiceArea, day: Day, options: { unassigned?: boolean; reason?: string } = {}): void {
    const unassigned = options.unassigned ?? false;
    if (this.open && this.open.area === area && this.open.unassigned === unassigned) return;
    if (this.open) this.close(day, options.reason ?? 'TSPROC');
    this.open = { area, start: day, unassigned };
  }

  close(day: Day, reason: string | null = null): void {
    if (!this.open) return;
    if (day >= this.open.start) {
      this.child.segments.push({
        area: this.open.area,
        role: this.role,
        start: this.open.start,
        end: day,
        endReason: reason,
        ...(this.open.unassigned ? { unassigned: true } : {}),
      });
    }
    this.open = null;
  }
}

/**
 * A date that meets a deadline with probability `onTime` (somewhere in the `early` days before it) and otherwise
 * misses it by up to `lateBy` days. Never earlier than `notBefore`. A deadline after the last day of data holds
 * back an early date too, so that nothing is recorded ahead of a deadline the data cannot show yet.
 */
export function meetOrMiss(
  j: Journey,
  rng: Rng,
  due: Day,
  onTime: number,
  early: number,
  lateBy: number,
  notBefore: Day,
): Day {
  let day = rng.chance(onTime) ? due - rng.int(0, early) : due + rng.int(1, lateBy);
  if (day < notBefore) day = notBefore;
  if (due > j.s.asAt && day < due) day = due;
  return day;
}

/**
 * Adds visits of a kind from `first` while they fall on or before `to`, each next one on `next(previous)`.
 * Only visits inside the history window (and after birth) are kept.
 */
export function addVisits(
  j: Journey,
  kind: VisitKind,
  first: Day,
  to: Day,
  next: (day: Day) => Day,
  seen: number,
  seenAlone: number,
): void {
  const { act } = j;
  const last = Math.min(to, j.s.asAt);
  const visits: Visit[] = j.child.visits;
  let day = first;
  while (day <= last) {
    if (day >= j.s.windowStart && day >= j.child.dob) {
      const wasSeen = act.chance(seen);
      const old = ageOn(j, day) >= 5;
      visits.push({ kind, day, seen: wasSeen, alone: wasSeen ? old && act.chance(seenAlone) : null });
    }
    const n = next(day);
    day = n > day ? n : day + 1;
  }
}

/** Next date on a schedule of every `every` working days, kept with probability `onTime`, else late. */
export function everyWorkingDays(j: Journey, every: number, onTime: number): (day: Day) => Day {
  return (day) =>
    j.s.calendar.addWorkingDays(
      day,
      j.act.chance(onTime) ? j.act.int(Math.max(1, every - 4), every) : j.act.int(every + 1, every * 2),
    );
}

/** Next date on a schedule of every `every` calendar days, kept with probability `onTime` (up to `early` days early). */
export function everyDays(j: Journey, every: number, onTime: number, early: number): (day: Day) => Day {
  return (day) =>
    day + (j.act.chance(onTime) ? j.act.int(every - early, every) : j.act.int(every + 1, Math.round(every * 1.6)));
}

/** Multiplies the weights of some keys (used for routes into care). */
export function scaled<K extends string>(
  weights: Readonly<Record<K, number>>,
  keys: readonly K[],
  factor: number,
): Record<K, number> {
  const out = { ...weights } as Record<K, number>;
  for (const k of keys) out[k] = out[k] * factor;
  return out;
}
