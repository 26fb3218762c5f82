/**
 * Cross-year rules on adoption decisions, missing periods and care leavers: this year's return against last year's
 * (the validator's `PlacedAdoption_last`, `Missing_last`, `OC3_last`, `Episodes_last`). Sources (each rule names its
 * file): lac_validator/rules/lac2022_23/rule_199.py, rule_559.py, rule_560.py, rule_561.py, rule_576.py,
 * rule_584.py, rule_1000.py, rule_1001.py, rule_1002.py; lac2025_26/rule_348.py (from 2025/26).
 *
 * 1001 and 1002 ask whether the young person was ever a relevant child: looked after for 13 weeks since their 14th
 * birthday, and after their 16th. The DfE answers from every year's return; the validator, holding only last year's,
 * says its answer may be a false positive for anyone whose care was earlier. Lantern reports only what the two returns
 * prove: a young person whose 16th (or, for the 13 weeks, 14th) birthday is on or after 1 April of last year, so that
 * any care since it is in one of the two.
 */
import { compareDateText } from '../../../../../domain/dates';
import { defineRule } from '../../../rules';
import { ADOPTED_REC } from '../codes';
import type { Row } from '../tables';
import { addYears, at, daysBetween, validDate } from './context';
import type { CrossYearCtx, CrossYearRule } from './cross-year-context';

const adopted = (rec: string | null) => rec !== null && (ADOPTED_REC as readonly string[]).includes(rec);

function byChild<R extends { CHILD: string | null }>(rows: readonly R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rows) {
    if (r.CHILD === null) continue;
    const list = out.get(r.CHILD);
    if (list) list.push(r);
    else out.set(r.CHILD, [r]);
  }
  return out;
}

const crossYear = (rule: CrossYearRule): CrossYearRule => defineRule<CrossYearCtx>(rule);

export const rule199LastYear = crossYear({
  code: '199',
  severity: 'error',
  message: 'The child was adopted from care last year, so cannot have a later episode under the same ID.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_199.py with Episodes_last: this year's episodes after an episode ending E11/E12 in last year's return (one not in this year's)",
  check(ctx, hit) {
    const now = byChild(ctx.ret.Episodes);
    for (const e of ctx.last.Episodes) {
      if (!adopted(e.REC) || e.CHILD === null || !validDate(e.DECOM)) continue;
      const start = e.DECOM;
      const mine = now.get(e.CHILD) ?? [];
      if (mine.some((x) => x.DECOM === start)) continue; // this year's file holds it: the in-year rule's
      for (const x of mine)
        if (validDate(x.DECOM) && x.DECOM > start) hit(at(x, 'DECOM', `adopted last year (episode from ${start})`));
    }
  },
});

export const rule348 = crossYear({
  code: '348',
  severity: 'error',
  message: 'The care leaver was reported last year as having died.',
  years: { from: 2026 },
  source:
    "lac_validator/rules/lac2025_26/rule_348.py: an OC3 row whose child's OC3 row last year says DIED and this one does not",
  check(ctx, hit) {
    const died = new Set(ctx.last.OC3.filter((r) => r.IN_TOUCH === 'DIED').map((r) => r.CHILD));
    for (const r of ctx.ret.OC3)
      if (r.CHILD !== null && died.has(r.CHILD) && r.IN_TOUCH !== 'DIED') hit(at(r, 'IN_TOUCH', 'DIED last year'));
  },
});

export const rule559 = crossYear({
  code: '559',
  severity: 'error',
  message:
    'The decision that the child should be placed for adoption was made before this year, but last year’s return gives no such decision.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_559.py: a DATE_PLACED before 1 April whose child has no DATE_PLACED in last year's PlacedAdoption",
  check(ctx, hit) {
    const start = `${String(ctx.year - 1)}-04-01`;
    const before = new Set(ctx.last.PlacedAdoption.filter((p) => p.DATE_PLACED !== null).map((p) => p.CHILD));
    for (const p of ctx.ret.PlacedAdoption)
      if (validDate(p.DATE_PLACED) && p.DATE_PLACED < start && !before.has(p.CHILD)) hit(at(p, 'DATE_PLACED'));
  },
});

/**
 * 560 as the DfE means it: a decision open at the end of last year (DATE_PLACED, no DATE_PLACED_CEASED) is reported
 * again with the same date. A child with that decision this year and a new one (after it was reversed in the year)
 * passes; the validator compares every row with every row and would fail the new one.
 */
export const rule560 = crossYear({
  code: '560',
  severity: 'error',
  message:
    'The decision that the child should be placed for adoption, open at the end of last year, is reported this year with a different date.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_560.py: last year's open DATE_PLACED not among the child's DATE_PLACED this year (their rows are reported)",
  check(ctx, hit) {
    const now = byChild(ctx.ret.PlacedAdoption);
    for (const last of ctx.last.PlacedAdoption) {
      if (last.CHILD === null || !validDate(last.DATE_PLACED) || last.DATE_PLACED_CEASED !== null) continue;
      const rows = now.get(last.CHILD) ?? [];
      if (rows.some((p) => p.DATE_PLACED === last.DATE_PLACED)) continue;
      for (const p of rows) hit(at(p, 'DATE_PLACED', `last year: ${last.DATE_PLACED}, open`));
    }
  },
});

export const rule561 = crossYear({
  code: '561',
  severity: 'error',
  message:
    'The decision that the child should be placed for adoption has the date of one reported last year as no longer in force.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_561.py: a DATE_PLACED equal to a last year's DATE_PLACED whose DATE_PLACED_CEASED or REASON_PLACED_CEASED is given",
  check(ctx, hit) {
    const reversed = new Set<string>();
    for (const p of ctx.last.PlacedAdoption)
      if (
        p.CHILD !== null &&
        p.DATE_PLACED !== null &&
        (p.DATE_PLACED_CEASED !== null || p.REASON_PLACED_CEASED !== null)
      )
        reversed.add(`${p.CHILD} ${p.DATE_PLACED}`);
    for (const p of ctx.ret.PlacedAdoption)
      if (p.CHILD !== null && p.DATE_PLACED !== null && reversed.has(`${p.CHILD} ${p.DATE_PLACED}`))
        hit(at(p, 'DATE_PLACED', 'reversed last year'));
  },
});

/**
 * 584 compares dates (the validator compares the dd/mm/yyyy texts, so 02/01/2024 comes "before" 03/05/2023): after a
 * decision reversed last year, this year's decisions must be later than it.
 */
export const rule584 = crossYear({
  code: '584',
  severity: 'error',
  message:
    'A decision reported last year as no longer in force is followed this year by one dated on or before it (or undated).',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_584.py: after a last year's decision with DATE_PLACED_CEASED or REASON_PLACED_CEASED, this year's DATE_PLACED blank or on or before its DATE_PLACED",
  check(ctx, hit) {
    const reversed = new Map<string, string>();
    for (const p of ctx.last.PlacedAdoption) {
      if (p.CHILD === null || !validDate(p.DATE_PLACED)) continue;
      if (p.DATE_PLACED_CEASED === null && p.REASON_PLACED_CEASED === null) continue;
      const seen = reversed.get(p.CHILD);
      if (seen === undefined || p.DATE_PLACED > seen) reversed.set(p.CHILD, p.DATE_PLACED);
    }
    for (const p of ctx.ret.PlacedAdoption) {
      const last = p.CHILD === null ? undefined : reversed.get(p.CHILD);
      if (last === undefined) continue;
      if (p.DATE_PLACED === null || (validDate(p.DATE_PLACED) && p.DATE_PLACED <= last))
        hit(at(p, 'DATE_PLACED', `reversed last year: ${last}`));
    }
  },
});

export const rule576 = crossYear({
  code: '576',
  severity: 'error',
  message:
    'A missing or away period was still open at the end of last year’s return, but the child’s first one this year is not it.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_576.py: the child's earliest MIS_START this year differs from a last year's MIS_START with no MIS_END",
  check(ctx, hit) {
    const now = byChild(ctx.ret.Missing.filter((m) => validDate(m.MIS_START)));
    for (const last of ctx.last.Missing) {
      if (last.CHILD === null || last.MIS_END !== null || !validDate(last.MIS_START)) continue;
      const first = (now.get(last.CHILD) ?? []).reduce<Row<'Missing'> | null>(
        (a, m) => (a === null || (m.MIS_START as string) < (a.MIS_START as string) ? m : a),
        null,
      );
      if (first && first.MIS_START !== last.MIS_START)
        hit(at(first, 'MIS_START', `open last year from ${last.MIS_START}`));
    }
  },
});

export const rule1000LastYear = crossYear({
  code: '1000',
  severity: 'error',
  message: 'The child died in care last year, so care leaver information must not be given for them.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_1000.py with Episodes_last: an OC3 row of a child with an episode ending E2 last year',
  check(ctx, hit) {
    const died = new Set(ctx.last.Episodes.filter((e) => e.REC === 'E2').map((e) => e.CHILD));
    for (const r of ctx.ret.OC3) if (r.CHILD !== null && died.has(r.CHILD)) hit(at(r, 'IN_TOUCH', 'REC E2 last year'));
  },
});

const hasCareLeaverData = (r: Row<'OC3'>) => r.IN_TOUCH !== null || r.ACTIV !== null || r.ACCOM !== null;

/** This year's and last year's episodes of each child, an episode in both once (this year's), by DECOM. */
function bothYears(ctx: CrossYearCtx): Map<string, Array<Row<'Episodes'>>> {
  const out = byChild(ctx.ret.Episodes.filter((e) => validDate(e.DECOM)));
  for (const e of ctx.last.Episodes) {
    if (e.CHILD === null || !validDate(e.DECOM)) continue;
    const list = out.get(e.CHILD) ?? [];
    if (!list.some((x) => x.DECOM === e.DECOM)) list.push(e);
    out.set(e.CHILD, list);
  }
  for (const list of out.values()) list.sort((a, b) => compareDateText(a.DECOM as string, b.DECOM as string));
  return out;
}

/** Days looked after from `from` (an episode's DEC, or 31 March when the child's last one is open), V3/V4 left out. */
function daysInCareSince(eps: ReadonlyArray<Row<'Episodes'>>, from: string, end: string): number {
  let days = 0;
  eps.forEach((e, i) => {
    if (e.LS === 'V3' || e.LS === 'V4') return;
    const dec = validDate(e.DEC) ? e.DEC : i === eps.length - 1 ? end : null;
    if (dec === null) return;
    const start = (e.DECOM as string) > from ? (e.DECOM as string) : from;
    days += Math.max(0, daysBetween(start, dec));
  });
  return days;
}

export const rule1001 = crossYear({
  code: '1001',
  severity: 'error',
  message:
    'The young person’s episodes show they were not a relevant or former relevant child (adopted, or not looked after for 13 weeks since their 14th birthday and after their 16th), so care leaver information must not be given.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_1001.py, with only what the two returns prove (see above): under 20 on 31 March; this and last year's episodes (V3/V4 left out, an open last episode to 31 March): the latest ends E11/E12, or under 91 days since the 14th birthday, or none after the 16th",
  check(ctx, hit) {
    const end = `${String(ctx.year)}-03-31`;
    const lastStart = `${String(ctx.year - 2)}-04-01`;
    const episodes = bothYears(ctx);
    const dobs = new Map<string, string>();
    for (const h of ctx.ret.Header)
      if (h.CHILD !== null && validDate(h.DOB) && !dobs.has(h.CHILD)) dobs.set(h.CHILD, h.DOB);
    for (const r of ctx.ret.OC3) {
      if (r.CHILD === null || !hasCareLeaverData(r)) continue;
      const dob = dobs.get(r.CHILD);
      if (dob === undefined || addYears(dob, 20) <= end) continue;
      const eps = episodes.get(r.CHILD) ?? [];
      const why = adopted(eps.at(-1)?.REC ?? null)
        ? 'adopted'
        : addYears(dob, 14) >= lastStart && daysInCareSince(eps, addYears(dob, 14), end) < 91
          ? 'under 13 weeks looked after since 14'
          : addYears(dob, 16) >= lastStart && daysInCareSince(eps, addYears(dob, 16), end) < 1
            ? 'not looked after since 16'
            : null;
      if (why !== null) hit(at(r, 'IN_TOUCH', why));
    }
  },
});

export const rule1002 = crossYear({
  code: '1002',
  severity: 'error',
  message:
    'The young person has no episode of care this year or last, since their 16th birthday, so care leaver information must not be given.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_1002.py, with only what the two returns prove (see above): an OC3 row of a child in neither year's Episodes whose 16th birthday (Header DOB) is on or after 1 April of last year",
  check(ctx, hit) {
    const lastStart = `${String(ctx.year - 2)}-04-01`;
    const seen = new Set([...ctx.ret.Episodes, ...ctx.last.Episodes].map((e) => e.CHILD));
    const dobs = new Map<string, string>();
    for (const h of ctx.ret.Header)
      if (h.CHILD !== null && validDate(h.DOB) && !dobs.has(h.CHILD)) dobs.set(h.CHILD, h.DOB);
    for (const r of ctx.ret.OC3) {
      if (r.CHILD === null || seen.has(r.CHILD)) continue;
      const dob = dobs.get(r.CHILD);
      if (dob !== undefined && addYears(dob, 16) >= lastStart) hit(at(r, 'IN_TOUCH', 'no episode this year or last'));
    }
  },
});

export const crossYearAdoptionRules: readonly CrossYearRule[] = [
  rule199LastYear,
  rule348,
  rule559,
  rule560,
  rule561,
  rule576,
  rule584,
  rule1000LastYear,
  rule1001,
  rule1002,
];
