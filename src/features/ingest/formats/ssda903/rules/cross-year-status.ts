/**
 * The rules that compare a child's UASC status, mother status and UPN with last year's return (the validator's
 * `UASC_last` and `Header_last`). Sources: lac_validator/rules/lac2022_23/rule_205A.py, rule_205B.py, rule_205D.py,
 * rule_207.py, rule_208.py, rule_624.py, rule_626.py (unchanged in the later year folders).
 *
 * UASC in a CSV return: the 903 as CSV has no UASC flag; the validator gives the Header one from the UASC table
 * (ingress.py: 1 for a child with a UASC row, 0 otherwise), and so does Lantern. Read that way, the DfE's rules say:
 * - 205A: a child UASC last year and in this year's return but not UASC this year stopped being UASC last year, so
 *   last year's DUC is a date in last year's collection year. The validator's check walks this year's UASC rows only,
 *   which in a CSV return all have the flag 1, so it can never fire there; Lantern walks this year's Header, as the
 *   rule means (one hit per Header row).
 * - 205B: a child UASC in both years has last year's DUC on their 18th birthday (the day UASC status ends at the
 *   latest: rule 304), and this year's DUC in this year or the same as last year's. The 903 records that date ahead
 *   of time: Lantern's export writes DUC as the status's end or, while it is open, the 18th birthday.
 * - 205C (DUC for a child UASC in neither year) cannot happen in a CSV return (a DUC is on a UASC row); see the
 *   registry's DIFFERENT_903.
 * - 205D: a child in last year's return who was not UASC then is not UASC this year.
 */
import { defineRule } from '../../../rules';
import { UPN_UNKNOWN_CODES } from '../codes';
import type { Row } from '../tables';
import { addYears, at, validDate } from './context';
import type { CrossYearCtx, CrossYearRule } from './cross-year-context';

function byChild<T extends { CHILD: string | null }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    if (r.CHILD === null) continue;
    const list = out.get(r.CHILD);
    if (list) list.push(r);
    else out.set(r.CHILD, [r]);
  }
  return out;
}

/** Last year's collection year bounds. */
function lastYear(ctx: CrossYearCtx): { start: string; end: string } {
  return { start: `${String(ctx.year - 2)}-04-01`, end: `${String(ctx.year - 1)}-03-31` };
}

export const rule205A = defineRule<CrossYearCtx>({
  code: '205A',
  severity: 'error',
  message:
    'The child was UASC last year and is not UASC this year, but last year’s date UASC ceased is not in last year.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_205A.py, read for a CSV return as cross-year-status.ts says: a Header child ' +
    'with no UASC row this year and a UASC row last year whose DUC is blank or outside last year',
  check(ctx, hit) {
    const now = new Set(ctx.ret.UASC.map((u) => u.CHILD));
    const before = byChild(ctx.last.UASC);
    const { start, end } = lastYear(ctx);
    for (const h of ctx.ret.Header) {
      if (h.CHILD === null || now.has(h.CHILD)) continue;
      const wrong = (before.get(h.CHILD) ?? []).find((l) => !(validDate(l.DUC) && l.DUC >= start && l.DUC <= end));
      if (wrong) hit(at(h, 'CHILD', `last year's DUC: ${wrong.DUC ?? 'blank'}`));
    }
  },
});

export const rule205B = defineRule<CrossYearCtx>({
  code: '205B',
  severity: 'error',
  message:
    'The child was UASC last year and is UASC this year, but the dates UASC ceased do not agree: last year’s must be ' +
    'the 18th birthday, and this year’s in this year or the same as last year’s.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_205B.py: a child with a UASC row in both years whose last DUC is not last ' +
    'year’s DOB + 18 years, or whose DUC is neither in this year nor equal to last year’s (a blank is neither)',
  check(ctx, hit) {
    const before = byChild(ctx.last.UASC);
    for (const u of ctx.ret.UASC) {
      if (u.CHILD === null) continue;
      for (const l of before.get(u.CHILD) ?? []) {
        const eighteenth = validDate(l.DOB) ? addYears(l.DOB, 18) : null;
        const lastOk = validDate(l.DUC) && l.DUC === eighteenth;
        const nowOk =
          validDate(u.DUC) &&
          ((u.DUC >= `${String(ctx.year - 1)}-04-01` && u.DUC <= `${String(ctx.year)}-03-31`) || u.DUC === l.DUC);
        if (!lastOk || !nowOk) {
          hit(at(u, 'DUC', `last year's DUC: ${l.DUC ?? 'blank'}`));
          break;
        }
      }
    }
  },
});

export const rule205D = defineRule<CrossYearCtx>({
  code: '205D',
  severity: 'error',
  message: 'The child is UASC this year but was in last year’s return without being UASC.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_205D.py: a child with a UASC row this year, in last year’s Header and with ' +
    'no UASC row last year (hit at this year’s Header row, or the UASC row when the child has none)',
  check(ctx, hit) {
    const before = new Set(ctx.last.UASC.map((u) => u.CHILD));
    const header = byChild(ctx.ret.Header);
    const seen = new Set<string>();
    for (const u of ctx.ret.UASC) {
      if (u.CHILD === null || seen.has(u.CHILD) || before.has(u.CHILD) || !ctx.lastHeader.has(u.CHILD)) continue;
      seen.add(u.CHILD);
      const h = header.get(u.CHILD)?.[0];
      hit(h ? at(h, 'CHILD') : at(u, 'CHILD'));
    }
  },
});

export const rule207 = defineRule<CrossYearCtx>({
  code: '207',
  severity: 'error',
  message: 'The child was recorded as a mother last year but is not this year.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_207.py: a child with an episode this year, MOTHER 1 in last year’s Header and ' +
    'MOTHER other than 1 this year',
  check(ctx, hit) {
    const inEpisodes = new Set(ctx.ret.Episodes.map((e) => e.CHILD));
    for (const h of ctx.ret.Header) {
      if (h.CHILD === null || h.MOTHER === '1' || !inEpisodes.has(h.CHILD)) continue;
      if ((ctx.lastHeader.get(h.CHILD) ?? []).some((l) => l.MOTHER === '1'))
        hit(at(h, 'MOTHER', `this year: ${h.MOTHER ?? 'blank'}`));
    }
  },
});

const UNKNOWN: readonly string[] = UPN_UNKNOWN_CODES;

/** Whether a UPN may go from `before` to `now` (both upper case, null for blank). */
function upnChangeAllowed(before: string | null, now: string | null): boolean {
  if (before === now) return true;
  const unknownBefore = before === null || UNKNOWN.includes(before);
  // A UPN found for a child whose UPN was not known (blank or UN1–UN5).
  if (unknownBefore && now !== null && !UNKNOWN.includes(now)) return true;
  // UN1 (not yet allocated) may become a reason it cannot be (UN2–UN5); a blank may become any UN code.
  if ((before === null || before === 'UN1') && now !== null && ['UN2', 'UN3', 'UN4', 'UN5'].includes(now)) return true;
  return before === null && now === 'UN1';
}

export const rule208 = defineRule<CrossYearCtx>({
  code: '208',
  severity: 'error',
  message: 'The UPN differs from the UPN recorded for the child last year.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_208.py: a child in both Headers whose UPN changed (case aside), other than ' +
    'from not known (blank or UN1–UN5) to a UPN, from UN1 or blank to UN2–UN5, or from blank to UN1 (the ' +
    'validator’s comment allows it; its check never can). Blank in both years is left to the rules on a missing UPN',
  check(ctx, hit) {
    for (const h of ctx.ret.Header) {
      if (h.CHILD === null) continue;
      const now = h.UPN === null ? null : h.UPN.toUpperCase();
      const wrong = (ctx.lastHeader.get(h.CHILD) ?? []).find(
        (l) => !upnChangeAllowed(l.UPN === null ? null : l.UPN.toUpperCase(), now),
      );
      if (wrong) hit(at(h, 'UPN', `last year: ${wrong.UPN ?? 'blank'}`));
    }
  },
});

export const rule624 = defineRule<CrossYearCtx>({
  code: '624',
  severity: 'error',
  message: "The date of birth of the mother's first child differs from the one recorded last year.",
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_624.py: MC_DOB differs from last year’s, where last year gave one. Lantern ' +
    'compares only when this year gives one too: a blank contradicts nothing, and the return requires one for a ' +
    'care leaver not looked after in the year (628 asks MOTHER blank, and 612 then MC_DOB blank); the validator ' +
    'counts a blank as different. A missing MC_DOB for a mother is 611’s',
  check(ctx, hit) {
    for (const h of ctx.ret.Header) {
      if (h.CHILD === null || h.MC_DOB === null) continue;
      const wrong = (ctx.lastHeader.get(h.CHILD) ?? []).find((l) => l.MC_DOB !== null && l.MC_DOB !== h.MC_DOB);
      if (wrong) hit(at(h, 'MC_DOB', `last year: ${wrong.MC_DOB ?? ''}`));
    }
  },
});

export const rule626 = defineRule<CrossYearCtx>({
  code: '626',
  severity: 'error',
  message:
    "The child is recorded as a mother whose first child was born before this year, but last year's return said " +
    'she was not a mother.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_626.py: MOTHER 1 with MC_DOB before 1 April, and MOTHER 0 in last year’s ' +
    'Header',
  check(ctx, hit) {
    for (const h of ctx.ret.Header) {
      if (h.CHILD === null || h.MOTHER !== '1' || !validDate(h.MC_DOB) || h.MC_DOB >= `${String(ctx.year - 1)}-04-01`)
        continue;
      if ((ctx.lastHeader.get(h.CHILD) ?? []).some((l: Row<'Header'>) => l.MOTHER === '0')) hit(at(h, 'MOTHER'));
    }
  },
});

export const crossYearStatusRules: readonly CrossYearRule[] = [
  rule205A,
  rule205B,
  rule205D,
  rule207,
  rule208,
  rule624,
  rule626,
];
