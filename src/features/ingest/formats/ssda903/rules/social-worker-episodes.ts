/**
 * Social worker episodes (SWEpisodes, from 2023/24): complete, within the reporting period, following one another,
 * and reported for children looked after at 31 March. SW04/SW05 (dates) are in dates.ts, SW08/SW17 in
 * social-workers.ts.
 *
 * Sources: lac_validator/rules/lac2023_24/rule_SW01STG1.py, rule_SW02STG1.py, rule_SW03STG1.py, rule_SW06STG2.py,
 * rule_SW07STG2.py, rule_SW09STG2.py, rule_SW10STG2.py, rule_SW11aSTG2.py, rule_SW11bSTG2.py, rule_SW12STG2.py,
 * rule_SW13STG1.py, rule_SW14STG2.py; lac2024_25/rule_SW01aSTG1.py, rule_SW01bSTG1.py, rule_SW07STG2.py,
 * rule_SW10STG2.py, rule_SW12STG2.py, rule_SW13STG1.py (lac2024_25 deletes SW01STG1, SW03STG1, SW11aSTG2 and
 * SW14STG2). SW_REASON is the reason for the change of social worker that began the episode (the DfE's "reason for
 * social worker change"; FCONTA a first contact or re-referral).
 *
 * Every rule reads the file once: each child's episodes come from one index built per file (`byChild`, or the
 * context's swEpisodesByChild), never from a scan of the table per child.
 */
import { compareDateText } from '../../../../../domain/dates';
import { SOCIAL_WORKER_CHANGE_REASONS } from '../../../../../domain/code-lists';
import type { Return903, Row } from '../tables';
import { at, daysBetween, rule903, validDate, type Ctx903, type Rule903 } from './context';

type SwEpisode = Row<'SWEpisodes'>;

/** From this day the DfE asks for SW_REASON on every social worker episode (SW01bSTG1, SW13STG1 from 2024/25). */
const REASON_FROM = '2023-04-01';

/**
 * Each child's social worker episodes, every row (a blank or invalid SW_DECOM too), sorted as the validator sorts
 * them: by SW_DECOM (rows without a valid one last), then SW_DEC (blank last), then file order. Built once per return.
 */
const sortedCache = new WeakMap<Return903, Map<string, SwEpisode[]>>();
function byChild(ret: Return903): Map<string, SwEpisode[]> {
  const known = sortedCache.get(ret);
  if (known) return known;
  const out = new Map<string, SwEpisode[]>();
  for (const s of ret.SWEpisodes) {
    if (s.CHILD === null) continue;
    const list = out.get(s.CHILD);
    if (list) list.push(s);
    else out.set(s.CHILD, [s]);
  }
  const key = (v: string | null) => (validDate(v) ? v : '9999-99-99');
  for (const list of out.values())
    list.sort(
      (a, b) =>
        compareDateText(key(a.SW_DECOM), key(b.SW_DECOM)) ||
        compareDateText(key(a.SW_DEC), key(b.SW_DEC)) ||
        a.line - b.line,
    );
  sortedCache.set(ret, out);
  return out;
}

/** Children looked after on 31 March as the DfE counts them for social workers: an episode with no DEC, not V3/V4. */
function lookedAfterAtEnd(ctx: Ctx903): Map<string, Row<'Episodes'>> {
  const out = new Map<string, Row<'Episodes'>>();
  for (const e of ctx.ret.Episodes)
    if (e.CHILD !== null && e.DEC === null && e.LS !== 'V3' && e.LS !== 'V4' && !out.has(e.CHILD)) out.set(e.CHILD, e);
  return out;
}

/** The day n days after (negative: before) an ISO date. */
function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export const ruleSW01STG1 = rule903({
  code: 'SW01STG1',
  severity: 'error',
  message: 'Child looked after on 31 March, but no social worker episode information is reported.',
  years: { from: 2024, to: 2024 },
  source:
    'lac_validator/rules/lac2023_24/rule_SW01STG1.py (deleted in lac2024_25): a child with an episode with no DEC and LS other than V3/V4 needs a social worker episode giving SW_ID, SW_DECOM and SW_REASON. Reported once, on the open episode (the validator reports each incomplete row of the child)',
  check(ctx, hit) {
    const sw = byChild(ctx.ret);
    for (const [child, e] of lookedAfterAtEnd(ctx)) {
      const complete = (sw.get(child) ?? []).some(
        (s) => s.SW_ID !== null && s.SW_DECOM !== null && s.SW_REASON !== null,
      );
      if (!complete) hit(at(e, 'CHILD'));
    }
  },
});

export const ruleSW01aSTG1 = rule903({
  code: 'SW01aSTG1',
  severity: 'error',
  message: 'For each social worker episode, information should be complete: a social worker ID is needed.',
  years: { from: 2025 },
  source:
    'lac_validator/rules/lac2024_25/rule_SW01aSTG1.py: SW_ID blank on an episode starting before 1 April 2023. The validator also reports a blank SW_DECOM here; Lantern reports that once, as SW01bSTG1',
  check(ctx, hit) {
    for (const s of ctx.ret.SWEpisodes)
      if (s.SW_ID === null && validDate(s.SW_DECOM) && s.SW_DECOM < REASON_FROM) hit(at(s, 'SW_ID'));
  },
});

export const ruleSW01bSTG1 = rule903({
  code: 'SW01bSTG1',
  severity: 'error',
  message:
    'For each social worker episode, information should be complete: a start date, and from 1 April 2023 a social worker ID and a reason for the change of social worker.',
  years: { from: 2025 },
  source:
    'lac_validator/rules/lac2024_25/rule_SW01bSTG1.py: SW_DECOM blank, or SW_DECOM on or after 1 April 2023 with SW_ID or SW_REASON blank (an invalid SW_DECOM is SW04STG1)',
  check(ctx, hit) {
    for (const s of ctx.ret.SWEpisodes) {
      if (s.SW_DECOM === null) hit(at(s, 'SW_DECOM'));
      else if (validDate(s.SW_DECOM) && s.SW_DECOM >= REASON_FROM) {
        if (s.SW_ID === null) hit(at(s, 'SW_ID'));
        else if (s.SW_REASON === null) hit(at(s, 'SW_REASON'));
      }
    }
  },
});

export const ruleSW02STG1 = rule903({
  code: 'SW02STG1',
  severity: 'error',
  message: 'Social worker ID does not begin with the characters ‘SW’ or ‘XX’.',
  years: { from: 2024 },
  source:
    'lac_validator/rules/lac2023_24/rule_SW02STG1.py (capitals only: its test rejects "xx000"). A blank SW_ID is left to SW01aSTG1/SW01bSTG1 (SW03STG1 in 2023/24)',
  check(ctx, hit) {
    for (const s of ctx.ret.SWEpisodes)
      if (s.SW_ID !== null && !s.SW_ID.startsWith('SW') && !s.SW_ID.startsWith('XX')) hit(at(s, 'SW_ID'));
  },
});

export const ruleSW03STG1 = rule903({
  code: 'SW03STG1',
  severity: 'error',
  message: 'For each social worker episode, information should be complete.',
  years: { from: 2024, to: 2024 },
  source: 'lac_validator/rules/lac2023_24/rule_SW03STG1.py (deleted in lac2024_25): SW_ID, SW_DECOM or SW_REASON blank',
  check(ctx, hit) {
    for (const s of ctx.ret.SWEpisodes) {
      const blank =
        s.SW_ID === null ? 'SW_ID' : s.SW_DECOM === null ? 'SW_DECOM' : s.SW_REASON === null ? 'SW_REASON' : null;
      if (blank) hit(at(s, blank));
    }
  },
});

export const ruleSW06STG2 = rule903({
  code: 'SW06STG2',
  severity: 'error',
  message: 'Social worker episode data should be within the social worker data reporting year.',
  years: { from: 2024 },
  source: 'lac_validator/rules/lac2023_24/rule_SW06STG2.py: a valid SW_DECOM after 31 March',
  check(ctx, hit) {
    for (const s of ctx.ret.SWEpisodes) if (validDate(s.SW_DECOM) && s.SW_DECOM > ctx.end) hit(at(s, 'SW_DECOM'));
  },
});

function sw07(years: { from: number; to?: number }, yearsBack: number, source: string): Rule903 {
  return rule903({
    code: 'SW07STG2',
    severity: 'error',
    message:
      'Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.',
    years,
    source,
    check(ctx, hit) {
      const from = `${String(Number(ctx.start.slice(0, 4)) - yearsBack)}${ctx.start.slice(4)}`;
      for (const s of ctx.ret.SWEpisodes)
        if (validDate(s.SW_DEC) && (s.SW_DEC < from || s.SW_DEC > ctx.end)) hit(at(s, 'SW_DEC'));
    },
  });
}

export const ruleSW07STG2 = sw07(
  { from: 2024, to: 2024 },
  0,
  'lac_validator/rules/lac2023_24/rule_SW07STG2.py: a valid SW_DEC before 1 April or after 31 March',
);
export const ruleSW07STG2From2025 = sw07(
  { from: 2025 },
  1,
  'lac_validator/rules/lac2024_25/rule_SW07STG2.py: the reporting period opens a year earlier (SW_DEC from 1 April of the year before; its test rejects 31 March)',
);

/**
 * Worded as a doubt ("appears to"), like rule 355: a social worker can really hold a child for one day, so Lantern
 * reports it as a query for the authority to explain.
 */
export const ruleSW09STG2 = rule903({
  code: 'SW09STG2',
  severity: 'query',
  message: 'Social worker episode appears to have lasted for less than 24 hours.',
  years: { from: 2024 },
  source: 'lac_validator/rules/lac2023_24/rule_SW09STG2.py: SW_DEC equal to SW_DECOM',
  check(ctx, hit) {
    for (const s of ctx.ret.SWEpisodes) if (s.SW_DECOM !== null && s.SW_DECOM === s.SW_DEC) hit(at(s, 'SW_DEC'));
  },
});

/**
 * Each episode must start within `days` days either side of the end of the child's episode before it, unless it
 * is a first contact or re-referral (FCONTA): a child can go without a social worker between two referrals.
 * `after`: only where the episode before ended by that day (SW11aSTG2).
 */
function follows(ret: Return903, days: number, hit: (s: SwEpisode) => void, endedBy?: string): void {
  for (const list of byChild(ret).values()) {
    for (let i = 1; i < list.length; i++) {
      const previous = list[i - 1] as SwEpisode;
      const s = list[i] as SwEpisode;
      if (endedBy !== undefined && !(validDate(previous.SW_DEC) && previous.SW_DEC <= endedBy)) continue;
      if (s.SW_REASON === 'FCONTA') continue;
      const ok =
        validDate(s.SW_DECOM) &&
        validDate(previous.SW_DEC) &&
        Math.abs(daysBetween(previous.SW_DEC, s.SW_DECOM)) <= days;
      if (!ok) hit(s);
    }
  }
}

export const ruleSW10STG2 = rule903({
  code: 'SW10STG2',
  severity: 'error',
  message:
    'A new social worker episode has started before the end date of the previous social worker episode, or more than 7 days after it.',
  years: { from: 2024 },
  source:
    "lac_validator/rules/lac2023_24/rule_SW10STG2.py and lac2024_25/rule_SW10STG2.py: sorted by SW_DECOM then SW_DEC, each episode's SW_DECOM within 7 days of the previous SW_DEC (a previous episode with no SW_DEC fails). lac2024_25 exempts an episode whose SW_REASON is FCONTA; Lantern exempts it in 2023/24 too, since a first contact or re-referral follows a time without a social worker by definition (the 2023/24 rule rejects every re-referred child)",
  check(ctx, hit) {
    follows(ctx.ret, 7, (s) => {
      hit(at(s, 'SW_DECOM'));
    });
  },
});

export const ruleSW11aSTG2 = rule903({
  code: 'SW11aSTG2',
  severity: 'error',
  message:
    'Social worker episode has ended before 31 March and no subsequent social worker episode starting within 5 days of that has been provided.',
  years: { from: 2024, to: 2024 },
  source:
    'lac_validator/rules/lac2023_24/rule_SW11aSTG2.py (deleted in lac2024_25): where an episode ended on or before 26 March, the next episode of the child must start within 5 days of that end (a next episode with no SW_DECOM fails). As for SW10STG2, a first contact or re-referral (FCONTA) is exempt',
  check(ctx, hit) {
    follows(
      ctx.ret,
      5,
      (s) => {
        hit(at(s, 'SW_DECOM'));
      },
      addDays(ctx.end, -5),
    );
  },
});

/**
 * The validator reports an episode ending in the last 5 days of March that has an earlier episode, whether or not
 * a later one follows it (it compares with the episode before, not after), and children who were not looked after
 * at 31 March, who need no social worker then. Lantern follows the message: a child looked after at 31 March whose
 * social worker episode ended in those 5 days with none after it.
 */
export const ruleSW11bSTG2 = rule903({
  code: 'SW11bSTG2',
  severity: 'error',
  message: 'Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.',
  years: { from: 2024 },
  source:
    'lac_validator/rules/lac2023_24/rule_SW11bSTG2.py: an episode with SW_DEC from 26 to 31 March and no later episode with a SW_DECOM. Lantern checks children looked after at 31 March only (see above)',
  check(ctx, hit) {
    const from = addDays(ctx.end, -5);
    const sw = byChild(ctx.ret);
    for (const child of lookedAfterAtEnd(ctx).keys()) {
      const list = sw.get(child) ?? [];
      list.forEach((s, i) => {
        if (!validDate(s.SW_DEC) || s.SW_DEC < from || s.SW_DEC > ctx.end) return;
        const next = list[i + 1];
        if (!next || next.SW_DECOM === null) hit(at(s, 'SW_DEC'));
      });
    }
  },
});

/**
 * The validator pairs every care-starting or care-ending episode with every social worker episode of the child and
 * fails the pair unless the social worker episode starts on or after the care start (RNE S) or on or before the
 * care end (REC not X1). So an open episode that is not the first of its period fails whatever is reported, and a
 * social worker episode from before care (which the rule asks for) fails the care-starting episode (its own test
 * marks that "edge case" a fail). Lantern follows the message: for a child looked after at 31 March, the episodes
 * reported must include the social worker who held the child on each day in the year that the child started
 * or ceased to be looked after (a social worker episode open that day).
 */
export const ruleSW12STG2 = rule903({
  code: 'SW12STG2',
  severity: 'error',
  message:
    'If a child is looked after on 31 March then all social worker episodes for the full previous year should be reported, even those whilst they were not looked after.',
  years: { from: 2024 },
  source:
    "lac_validator/rules/lac2023_24/rule_SW12STG2.py and lac2024_25/rule_SW12STG2.py (LS V3/V4 exempt). Lantern's reading, above: each start (RNE S) and end (REC other than X1) of care of such a child in the collection year (the year to 31 March) has a social worker episode open that day",
  check(ctx, hit) {
    const atEnd = lookedAfterAtEnd(ctx);
    const from = ctx.start;
    for (const [child, eps] of ctx.episodesByChild) {
      if (!atEnd.has(child)) continue;
      const sw = ctx.swEpisodesByChild.get(child) ?? [];
      const heldOn = (day: string) =>
        sw.some(
          (s) => (s.SW_DECOM as string) <= day && (s.SW_DEC === null || (validDate(s.SW_DEC) && s.SW_DEC >= day)),
        );
      for (const e of eps) {
        if (e.LS === 'V3' || e.LS === 'V4') continue;
        const start = e.DECOM as string;
        if (e.RNE === 'S' && start >= from && start <= ctx.end && !heldOn(start)) hit(at(e, 'DECOM'));
        else if (
          e.REC !== null &&
          e.REC !== 'X1' &&
          validDate(e.DEC) &&
          e.DEC >= from &&
          e.DEC <= ctx.end &&
          !heldOn(e.DEC)
        )
          hit(at(e, 'DEC'));
      }
    }
  },
});

const REASONS: readonly string[] = SOCIAL_WORKER_CHANGE_REASONS;

export const ruleSW13STG1 = rule903({
  code: 'SW13STG1',
  severity: 'error',
  message: 'The reason for social worker change is either not valid or has not been entered.',
  years: { from: 2024, to: 2024 },
  source: 'lac_validator/rules/lac2023_24/rule_SW13STG1.py: SW_REASON blank or not in the list',
  check(ctx, hit) {
    for (const s of ctx.ret.SWEpisodes)
      if (s.SW_REASON === null || !REASONS.includes(s.SW_REASON))
        hit(at(s, 'SW_REASON', s.SW_REASON === null ? undefined : `SW_REASON ${s.SW_REASON}`));
  },
});

export const ruleSW13STG1From2025 = rule903({
  code: 'SW13STG1',
  severity: 'error',
  message:
    'The reason for social worker change is not valid, or has not been entered for an episode starting on or after 1 April 2023.',
  years: { from: 2025 },
  source:
    'lac_validator/rules/lac2024_25/rule_SW13STG1.py: SW_REASON not in the list, or blank with SW_DECOM on or after 1 April 2023',
  check(ctx, hit) {
    for (const s of ctx.ret.SWEpisodes) {
      if (s.SW_REASON !== null && !REASONS.includes(s.SW_REASON)) hit(at(s, 'SW_REASON', `SW_REASON ${s.SW_REASON}`));
      else if (s.SW_REASON === null && validDate(s.SW_DECOM) && s.SW_DECOM >= REASON_FROM) hit(at(s, 'SW_REASON'));
    }
  },
});

export const ruleSW14STG2 = rule903({
  code: 'SW14STG2',
  severity: 'error',
  message: 'Social worker episode date ceased is blank.',
  years: { from: 2024, to: 2024 },
  source:
    "lac_validator/rules/lac2023_24/rule_SW14STG2.py (deleted in lac2024_25): SW_DEC blank on any episode but the child's latest by SW_DECOM",
  check(ctx, hit) {
    for (const list of ctx.swEpisodesByChild.values())
      for (let i = 0; i < list.length - 1; i++) {
        const s = list[i] as SwEpisode;
        if (s.SW_DEC === null) hit(at(s, 'SW_DEC'));
      }
  },
});

export const socialWorkerEpisodeRules: readonly Rule903[] = [
  ruleSW01STG1,
  ruleSW01aSTG1,
  ruleSW01bSTG1,
  ruleSW02STG1,
  ruleSW03STG1,
  ruleSW06STG2,
  ruleSW07STG2,
  ruleSW07STG2From2025,
  ruleSW09STG2,
  ruleSW10STG2,
  ruleSW11aSTG2,
  ruleSW11bSTG2,
  ruleSW12STG2,
  ruleSW13STG1,
  ruleSW13STG1From2025,
  ruleSW14STG2,
];
