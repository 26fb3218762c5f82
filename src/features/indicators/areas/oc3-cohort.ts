/**
 * Who is in the SSDA903 OC3 cohort on a birthday, and which contact describes them: the one definition behind the
 * care leaver indicators (care-leavers.ts, in SQL) and the 903 export's OC3 table (exports/ssda903/build.ts, through
 * `oc3Record`), so that the return and the figures count the same young people the same way.
 *
 * - The birthdays are the 17th to 21st (29 February is 28 February in a year without one).
 * - In the cohort on a birthday: a care leaver record open on it (started on or before, not ended before) says
 *   relevant, former relevant — or eligible while the young person is no longer looked after, since an eligible
 *   child who has left care is, by the Children (Leaving Care) Act 2000, relevant (16–17) or former relevant (18+):
 *   a record that flips back to "eligible" after leaving care is read as what the law makes it, and an import is
 *   told about it (query LNT-LEAVER). Qualifying care leavers are never in OC3.
 * - Not in the cohort: a young person looked after on the birthday (a period of care started on or before it and
 *   not ended on or before it: rule 1007), and, on the 17th or 18th birthday, one looked after at any time after it
 *   to the end of the collection year (an episode of theirs then ends after the birthday: rule 1016).
 * - The contact: the care_leaver_contacts record nearest the birthday from 3 months before to 1 month after it; of
 *   two equally near, the later; of two on one day, the one recorded last. With none, the young person is "not in
 *   touch", activity and accommodation not known.
 */
import { addMonths } from '../../../domain/working-days';

/** The OC3 ages. */
export const OC3_AGES = [17, 18, 19, 20, 21] as const;
/** The contact window around the birthday, in months. */
export const OC3_WINDOW = { before: 3, after: 1 } as const;
/** Care leaver record eligibilities that put a young person in OC3 (eligible only once no longer looked after). */
export const OC3_ELIGIBILITIES = ['relevant', 'former-relevant'] as const;

interface CohortLeaver {
  eligibility: string;
  startDate: string;
  endDate: string | null;
}
interface CohortPeriod {
  startDate: string;
  endDate: string | null;
}
interface CohortContact {
  id: number;
  contactDate: string;
}

/** The birthday in collection year `year` (2026 = 2025/26) of someone born on `dob`; 29 February → 28 February. */
export function birthdayIn(dob: string, year: number): string {
  const md = dob.slice(5);
  const y = md >= '04-01' ? year - 1 : year;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return md === '02-29' && !leap ? `${y}-02-28` : `${y}-${md}`;
}

/** Whether a young person with these care leaver records and periods of care is in the OC3 cohort on `birthday`. */
function inOc3Cohort(
  birthday: string,
  age: number,
  yearEnd: string,
  leavers: readonly CohortLeaver[],
  periods: readonly CohortPeriod[],
): boolean {
  const lookedAfterOn = (day: string) =>
    periods.some((p) => p.startDate <= day && (p.endDate === null || p.endDate > day));
  if (lookedAfterOn(birthday)) return false;
  // 17th and 18th birthdays: looked after again later in the year (an episode ends after the birthday, rule 1016).
  if (age <= 18 && periods.some((p) => p.startDate <= yearEnd && (p.endDate === null || p.endDate > birthday)))
    return false;
  return leavers.some(
    (l) =>
      l.startDate <= birthday &&
      (l.endDate === null || l.endDate >= birthday) &&
      ((OC3_ELIGIBILITIES as readonly string[]).includes(l.eligibility) || l.eligibility === 'eligible'),
  );
}

/** The contact nearest the birthday in the OC3 window (the later of two equally near, then the last recorded). */
export function nearestContact<C extends CohortContact>(birthday: string, contacts: readonly C[]): C | null {
  const from = addMonths(birthday, -OC3_WINDOW.before);
  const to = addMonths(birthday, OC3_WINDOW.after);
  const distance = (d: string) => Math.abs(Date.parse(`${d}T00:00:00Z`) - Date.parse(`${birthday}T00:00:00Z`));
  let best: C | null = null;
  for (const c of contacts) {
    if (c.contactDate < from || c.contactDate > to) continue;
    if (
      best === null ||
      distance(c.contactDate) < distance(best.contactDate) ||
      (distance(c.contactDate) === distance(best.contactDate) &&
        (c.contactDate > best.contactDate || (c.contactDate === best.contactDate && c.id > best.id)))
    )
      best = c;
  }
  return best;
}

/**
 * The young person's OC3 entry for collection year `year`: their birthday in it, their age then, and the contact
 * that describes them (null: not in touch); null when they are not in the cohort that year.
 */
export function oc3Record<C extends CohortContact>(
  dob: string,
  year: number,
  leavers: readonly CohortLeaver[],
  periods: readonly CohortPeriod[],
  contacts: readonly C[],
): { birthday: string; age: number; contact: C | null } | null {
  const birthday = birthdayIn(dob, year);
  const age = Number(birthday.slice(0, 4)) - Number(dob.slice(0, 4));
  if (!(OC3_AGES as readonly number[]).includes(age)) return null;
  if (!inOc3Cohort(birthday, age, `${year}-03-31`, leavers, periods)) return null;
  return { birthday, age, contact: nearestContact(birthday, contacts) };
}
