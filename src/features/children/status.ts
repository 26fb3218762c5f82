/**
 * A child's current status and age, as at a date. Pure functions, no I/O: the repository hands over the child's
 * episodes and these rules decide.
 *
 * Dates are ISO calendar dates (YYYY-MM-DD); comparing them as strings compares them as dates.
 *
 * An episode is open at D when it started on or before D and has not ended by D (no end date, or an end date
 * after D). An episode that ends on D is closed on D: the same convention as the home page's figures.
 *
 * The statuses, in order of precedence (the first that applies is the child's main status):
 * 1. in-care         a period of care is open (Children Act 1989 s22: looked after).
 * 2. cp-plan         a child protection plan is open.
 * 3. cin             a child in need plan is open, or a CIN episode (referral) is open whose assessment has been
 *                    authorised and no new assessment is under way: the child is open as a child in need.
 * 4. care-leaver     the child has an open care-leaver record (eligible, relevant, former relevant, qualifying).
 * 5. referral        a CIN episode is open and still at referral or assessment: no assessment started yet, or an
 *                    assessment is under way (started, not yet authorised).
 * 6. early-help      an early help episode is open.
 * 7. closed          none of the above.
 * A child may have several at once (a child in care on a CP plan); `all` lists every one that applies.
 */

export type EpisodeKind = 'care' | 'cp-plan' | 'cin-plan' | 'referral' | 'assessment' | 'care-leaver' | 'early-help';

export interface Episode {
  kind: EpisodeKind;
  start: string;
  end: string | null;
  /** For a referral: its own id. For an assessment: the referral (CIN episode) it belongs to. */
  referralId?: number | null;
}

export const STATUSES = ['in-care', 'cp-plan', 'cin', 'care-leaver', 'referral', 'early-help', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  'in-care': 'In care',
  'cp-plan': 'Child protection plan',
  cin: 'Child in need',
  'care-leaver': 'Care leaver',
  referral: 'Open referral or assessment',
  'early-help': 'Early help',
  closed: 'Closed',
};

export interface ChildStatus {
  /** The status that takes precedence. */
  main: Status;
  /** Every status that applies, in order of precedence; `['closed']` when none does. */
  all: Status[];
}

export function isOpenAt(episode: { start: string; end: string | null }, date: string): boolean {
  return episode.start <= date && (episode.end === null || episode.end > date);
}

export function statusAt(episodes: readonly Episode[], date: string): ChildStatus {
  const open = episodes.filter((e) => isOpenAt(e, date));
  const has = (kind: EpisodeKind) => open.some((e) => e.kind === kind);

  let referralStage = false;
  let cinByReferral = false;
  for (const referral of open.filter((e) => e.kind === 'referral')) {
    const started = episodes.filter(
      (e) => e.kind === 'assessment' && e.referralId === referral.referralId && e.start <= date,
    );
    const underWay = started.some((a) => isOpenAt(a, date));
    if (started.length === 0 || underWay) referralStage = true;
    else cinByReferral = true;
  }

  const applies: Record<Status, boolean> = {
    'in-care': has('care'),
    'cp-plan': has('cp-plan'),
    cin: has('cin-plan') || cinByReferral,
    'care-leaver': has('care-leaver'),
    referral: referralStage,
    'early-help': has('early-help'),
    closed: false,
  };
  const all = STATUSES.filter((s) => applies[s]);
  if (all.length === 0) return { main: 'closed', all: ['closed'] };
  return { main: all[0] as Status, all };
}

/**
 * Age in whole years at `date` (age at last birthday, as Annex A counts it). Null when the date of birth is not
 * known or `date` is before the birth.
 *
 * A child born on 29 February has their birthday on 1 March in a year that is not a leap year: on 28 February they
 * have not yet reached the day and month of their birth. (Comparing month and day gives exactly this.)
 */
export function ageAt(dateOfBirth: string | null | undefined, date: string): number | null {
  if (!dateOfBirth) return null;
  const [by, bm, bd] = parts(dateOfBirth);
  const [y, m, d] = parts(date);
  if (date < dateOfBirth) return null;
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

function parts(iso: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) throw new Error(`Not an ISO date: ${iso}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}
