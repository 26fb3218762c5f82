/**
 * Decisions that a child should be placed for adoption (PlacedAdoption) against the episodes and AD1. Sources (each
 * rule names its file): lac_validator/rules/lac2022_23/rule_117.py, rule_118.py, rule_119.py, rule_522.py,
 * rule_523.py, rule_525.py, rule_551.py–rule_558.py (557 as lac2024_25 changed it), rule_563.py, rule_579.py,
 * rule_583.py. 555 and 556 (freeing orders, D1) are deleted from 2024/25 (lac2024_25 del_list), and 557 no longer
 * counts D1 from then.
 */
import { compareDateText } from '../../../../../domain/dates';
import { ADOPTED_REC, PLACED_FOR_ADOPTION } from '../codes';
import type { Row } from '../tables';
import { hasAdoptionData } from './adopters';
import { at, rule903, validDate, type Ctx903 } from './context';

const adopted = (rec: string | null) => rec !== null && (ADOPTED_REC as readonly string[]).includes(rec);
const placedForAdoption = (place: string | null) =>
  place !== null && (PLACED_FOR_ADOPTION as readonly string[]).includes(place);

/** Each child's PlacedAdoption rows, in file order. */
function decisionsByChild(ctx: Ctx903): Map<string, Array<Row<'PlacedAdoption'>>> {
  const out = new Map<string, Array<Row<'PlacedAdoption'>>>();
  for (const p of ctx.ret.PlacedAdoption) {
    if (p.CHILD === null) continue;
    const list = out.get(p.CHILD);
    if (list) list.push(p);
    else out.set(p.CHILD, [p]);
  }
  return out;
}

/** A child's decisions with a valid DATE_PLACED, earliest first (then file order). */
function datedDecisions(
  rows: ReadonlyArray<Row<'PlacedAdoption'>>,
): Array<Row<'PlacedAdoption'> & { DATE_PLACED: string }> {
  return rows
    .filter((p): p is Row<'PlacedAdoption'> & { DATE_PLACED: string } => validDate(p.DATE_PLACED))
    .sort((a, b) => compareDateText(a.DATE_PLACED, b.DATE_PLACED) || a.line - b.line);
}

export const rule117 = rule903({
  code: '117',
  severity: 'error',
  message:
    'The date of a decision that the child should, or should no longer, be placed for adoption is after the collection year or after the child ceased to be looked after.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_117.py: DATE_PLACED and DATE_PLACED_CEASED after 31 March, or after the DEC of the child's latest episode not ending X1",
  check(ctx, hit) {
    for (const p of ctx.ret.PlacedAdoption) {
      const eps = p.CHILD === null ? [] : (ctx.episodesByChild.get(p.CHILD) ?? []);
      const last = eps.filter((e) => e.REC !== 'X1').at(-1);
      const left = last !== undefined && validDate(last.DEC) ? last.DEC : null;
      for (const column of ['DATE_PLACED', 'DATE_PLACED_CEASED'] as const) {
        const day = p[column];
        if (!validDate(day)) continue;
        if (day > ctx.end) hit(at(p, column, `after 31 March (${day})`));
        else if (left !== null && day > left)
          hit(at(p, column, `after the child ceased to be looked after on ${left}`));
      }
    }
  },
});

export const rule118 = rule903({
  code: '118',
  severity: 'error',
  message:
    'The date of the decision that the child should no longer be placed for adoption is before the collection year or before the child started to be looked after.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_118.py: DATE_PLACED_CEASED before 1 April, or before the DECOM of the child's earliest episode with LS other than V3/V4",
  check(ctx, hit) {
    for (const p of ctx.ret.PlacedAdoption) {
      if (!validDate(p.DATE_PLACED_CEASED)) continue;
      const ceased = p.DATE_PLACED_CEASED;
      const first = (p.CHILD === null ? [] : (ctx.episodesByChild.get(p.CHILD) ?? [])).find(
        (e) => e.LS !== 'V3' && e.LS !== 'V4',
      );
      if (ceased < ctx.start) hit(at(p, 'DATE_PLACED_CEASED', `before 1 April (${ceased})`));
      else if (first && ceased < (first.DECOM as string))
        hit(at(p, 'DATE_PLACED_CEASED', `before the child started to be looked after on ${first.DECOM as string}`));
    }
  },
});

export const rule119 = rule903({
  code: '119',
  severity: 'error',
  message: 'A decision that the child should no longer be placed for adoption needs both its date and its reason.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_119.py: DATE_PLACED_CEASED and REASON_PLACED_CEASED both given or both blank',
  check(ctx, hit) {
    for (const p of ctx.ret.PlacedAdoption) {
      if (p.DATE_PLACED_CEASED !== null && p.REASON_PLACED_CEASED === null) hit(at(p, 'REASON_PLACED_CEASED'));
      if (p.DATE_PLACED_CEASED === null && p.REASON_PLACED_CEASED !== null) hit(at(p, 'DATE_PLACED_CEASED'));
    }
  },
});

export const rule522 = rule903({
  code: '522',
  severity: 'error',
  message:
    'The decision that the child should no longer be placed for adoption is dated before the decision that they should be.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_522.py: DATE_PLACED_CEASED before DATE_PLACED',
  check(ctx, hit) {
    for (const p of ctx.ret.PlacedAdoption)
      if (validDate(p.DATE_PLACED) && validDate(p.DATE_PLACED_CEASED) && p.DATE_PLACED_CEASED < p.DATE_PLACED)
        hit(at(p, 'DATE_PLACED_CEASED'));
  },
});

export const rule523 = rule903({
  code: '523',
  severity: 'error',
  message:
    'The date of the decision that the child should be placed for adoption differs from the date of the decision that adoption is in their best interests (AD1).',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_523.py: each PlacedAdoption DATE_PLACED against each of the child's AD1 DATE_INT",
  check(ctx, hit) {
    const interests = new Map<string, string[]>();
    for (const a of ctx.ret.AD1) {
      if (a.CHILD === null || !validDate(a.DATE_INT)) continue;
      interests.set(a.CHILD, [...(interests.get(a.CHILD) ?? []), a.DATE_INT]);
    }
    for (const p of ctx.ret.PlacedAdoption) {
      if (p.CHILD === null || !validDate(p.DATE_PLACED)) continue;
      const other = (interests.get(p.CHILD) ?? []).find((d) => d !== p.DATE_PLACED);
      if (other !== undefined) hit(at(p, 'DATE_PLACED', `AD1 DATE_INT ${other}`));
    }
  },
});

export const rule525 = rule903({
  code: '525',
  severity: 'error',
  message: 'A child whose decision to be placed for adoption was reversed cannot have been adopted in the year.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_525.py: a DATE_PLACED_CEASED and an AD1 row with any item given',
  check(ctx, hit) {
    const withAdoption = new Set(ctx.ret.AD1.filter(hasAdoptionData).map((a) => a.CHILD));
    for (const p of ctx.ret.PlacedAdoption)
      if (p.DATE_PLACED_CEASED !== null && withAdoption.has(p.CHILD)) hit(at(p, 'DATE_PLACED_CEASED'));
  },
});

export const rule551 = rule903({
  code: '551',
  severity: 'error',
  message:
    'The child was placed for adoption, but there is no date of the decision that they should be placed for adoption.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_551.py: an episode placed A3–A6 whose child has no PlacedAdoption row, or one with DATE_PLACED blank',
  check(ctx, hit) {
    if (!ctx.given.has('PlacedAdoption')) return;
    const decisions = decisionsByChild(ctx);
    for (const e of ctx.ret.Episodes) {
      if (!placedForAdoption(e.PLACE) || e.CHILD === null) continue;
      const rows = decisions.get(e.CHILD) ?? [];
      if (rows.length === 0 || rows.some((p) => p.DATE_PLACED === null)) hit(at(e, 'PLACE', `PLACE ${e.PLACE ?? ''}`));
    }
  },
});

export const rule552 = rule903({
  code: '552',
  severity: 'error',
  message:
    'The decision that the child should be placed for adoption must be on or before the day they were first placed for adoption.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_552.py: the child's latest DATE_PLACED after the DECOM of their first episode placed A3–A6",
  check(ctx, hit) {
    for (const [child, rows] of decisionsByChild(ctx)) {
      const latest = datedDecisions(rows).at(-1);
      const placed = (ctx.episodesByChild.get(child) ?? []).find((e) => placedForAdoption(e.PLACE));
      if (latest && placed && (placed.DECOM as string) < latest.DATE_PLACED)
        hit(at(latest, 'DATE_PLACED', `placed for adoption on ${placed.DECOM as string}`));
    }
  },
});

/** 553 (placement order, E1) and 555 (freeing order, D1): the order needs a decision, not reversed while open. */
function orderNeedsDecision(code: '553' | '555', ls: 'E1' | 'D1', what: string, years: { from: number; to?: number }) {
  return rule903({
    code,
    severity: 'error',
    message: `A ${what} was granted, but there is no date of the decision that the child should be placed for adoption, or that decision is shown as reversed while the order is still in force.`,
    years,
    source: `lac_validator/rules/lac2022_23/rule_${code}.py: an episode with LS ${ls} needs a PlacedAdoption row for the child; while an ${ls} episode is open (DEC blank), no PlacedAdoption row of the child may give DATE_PLACED_CEASED or REASON_PLACED_CEASED`,
    check(ctx, hit) {
      if (!ctx.given.has('PlacedAdoption')) return;
      const decisions = decisionsByChild(ctx);
      const reported = new Set<Row<'PlacedAdoption'>>();
      for (const e of ctx.ret.Episodes) {
        if (e.LS !== ls || e.CHILD === null) continue;
        const rows = decisions.get(e.CHILD) ?? [];
        if (rows.length === 0) {
          hit(at(e, 'LS', `LS ${ls} with no PlacedAdoption row`));
          continue;
        }
        if (e.DEC !== null) continue;
        for (const p of rows) {
          if ((p.DATE_PLACED_CEASED === null && p.REASON_PLACED_CEASED === null) || reported.has(p)) continue;
          reported.add(p);
          hit(at(p, 'DATE_PLACED_CEASED', `the ${ls} episode from ${e.DECOM ?? ''} is open`));
        }
      }
    },
  });
}

export const rule553 = orderNeedsDecision('553', 'E1', 'placement order', { from: 2023 });
export const rule555 = orderNeedsDecision('555', 'D1', 'freeing order', { from: 2023, to: 2024 });

export const rule554 = rule903({
  code: '554',
  severity: 'error',
  message:
    'The decision that the child should be placed for adoption must be on or before the day the placement order was granted.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_554.py: a DATE_PLACED after the DECOM of the child's first episode with LS E1",
  check(ctx, hit) {
    for (const [child, rows] of decisionsByChild(ctx)) {
      const order = (ctx.episodesByChild.get(child) ?? []).find((e) => e.LS === 'E1');
      if (!order) continue;
      for (const p of datedDecisions(rows))
        if (p.DATE_PLACED > (order.DECOM as string))
          hit(at(p, 'DATE_PLACED', `placement order from ${order.DECOM as string}`));
    }
  },
});

export const rule556 = rule903({
  code: '556',
  severity: 'error',
  message:
    'The decision that the child should be placed for adoption must be on or before the day the freeing order was granted.',
  years: { from: 2023, to: 2024 },
  source:
    "lac_validator/rules/lac2022_23/rule_556.py: an episode with LS D1 starting before one of the child's DATE_PLACED",
  check(ctx, hit) {
    const decisions = decisionsByChild(ctx);
    for (const e of ctx.ret.Episodes) {
      if (e.LS !== 'D1' || e.CHILD === null || !validDate(e.DECOM)) continue;
      const start = e.DECOM;
      const later = datedDecisions(decisions.get(e.CHILD) ?? []).find((p) => p.DATE_PLACED > start);
      if (later) hit(at(e, 'DECOM', `decision to place for adoption on ${later.DATE_PLACED}`));
    }
  },
});

/** 557: placed for adoption or under a placement order (and, to 2023/24, a freeing order), then left care unadopted. */
function rule557For(years: { from: number; to?: number }, orders: readonly string[], file: string) {
  return rule903({
    code: '557',
    severity: 'error',
    message:
      'The child was placed for adoption or under an order to be, and left care without being adopted, but the decision that they should no longer be placed for adoption (its date and reason) is not given.',
    years,
    source: `${file}: an episode placed A3–A6 or with LS ${orders.join(' or ')} ending with a REC other than X1, E11 or E12 needs PlacedAdoption rows for the child, each with DATE_PLACED_CEASED and REASON_PLACED_CEASED`,
    check(ctx, hit) {
      if (!ctx.given.has('PlacedAdoption')) return;
      const decisions = decisionsByChild(ctx);
      for (const e of ctx.ret.Episodes) {
        if (e.CHILD === null || e.REC === null || e.REC === 'X1' || adopted(e.REC)) continue;
        if (!placedForAdoption(e.PLACE) && !orders.includes(e.LS ?? '')) continue;
        const rows = decisions.get(e.CHILD) ?? [];
        if (rows.length === 0 || rows.some((p) => p.DATE_PLACED_CEASED === null || p.REASON_PLACED_CEASED === null))
          hit(at(e, 'REC', `REC ${e.REC}`));
      }
    },
  });
}

export const rule557 = rule557For({ from: 2023, to: 2024 }, ['E1', 'D1'], 'lac_validator/rules/lac2022_23/rule_557.py');
export const rule557From2025 = rule557For({ from: 2025 }, ['E1'], 'lac_validator/rules/lac2024_25/rule_557.py');

/**
 * 558 follows the DfE's condition the validator quotes ("if the number of DATE_PLACED_CEASED in the year is > 1 then
 * the latest DATE_PLACED_CEASED must be NULL"): the latest decision is the one with the latest DATE_PLACED. The
 * validator's code asks instead that some row be blank, which lets an older blank decision hide a reversed latest one.
 */
export const rule558 = rule903({
  code: '558',
  severity: 'error',
  message:
    'The child was adopted, so their latest decision to be placed for adoption was not reversed: its date of reversal must be blank.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_558.py, read as its quoted condition: a child with an episode ending E11/E12 and more than one DATE_PLACED_CEASED, whose latest decision (latest DATE_PLACED) has one',
  check(ctx, hit) {
    const decisions = decisionsByChild(ctx);
    for (const e of ctx.ret.Episodes) {
      if (!adopted(e.REC) || e.CHILD === null) continue;
      const rows = decisions.get(e.CHILD) ?? [];
      if (rows.filter((p) => p.DATE_PLACED_CEASED !== null).length <= 1) continue;
      const latest = datedDecisions(rows).at(-1);
      if (latest && latest.DATE_PLACED_CEASED !== null)
        hit(at(e, 'REC', `latest decision ${latest.DATE_PLACED} reversed`));
    }
  },
});

export const rule563 = rule903({
  code: '563',
  severity: 'error',
  message: 'The decision that the child should be placed for adoption is shown as reversed, but its own date is blank.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_563.py: REASON_PLACED_CEASED and DATE_PLACED_CEASED given, DATE_PLACED blank',
  check(ctx, hit) {
    for (const p of ctx.ret.PlacedAdoption)
      if (p.REASON_PLACED_CEASED !== null && p.DATE_PLACED_CEASED !== null && p.DATE_PLACED === null)
        hit(at(p, 'DATE_PLACED'));
  },
});

export const rule579 = rule903({
  code: '579',
  severity: 'error',
  message:
    'A new decision that the child should be placed for adoption starts while the previous one is still open, or before it was reversed.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_579.py: the child's decisions by DATE_PLACED; each after the first needs the previous one's DATE_PLACED_CEASED, and must not be before it",
  check(ctx, hit) {
    for (const rows of decisionsByChild(ctx).values()) {
      const dated = datedDecisions(rows);
      for (let i = 1; i < dated.length; i++) {
        const previous = dated[i - 1] as Row<'PlacedAdoption'> & { DATE_PLACED: string };
        const p = dated[i] as Row<'PlacedAdoption'> & { DATE_PLACED: string };
        if (previous.DATE_PLACED_CEASED === null)
          hit(at(p, 'DATE_PLACED', `the decision of ${previous.DATE_PLACED} is open`));
        else if (validDate(previous.DATE_PLACED_CEASED) && p.DATE_PLACED < previous.DATE_PLACED_CEASED)
          hit(
            at(
              p,
              'DATE_PLACED',
              `the decision of ${previous.DATE_PLACED} was reversed on ${previous.DATE_PLACED_CEASED}`,
            ),
          );
      }
    }
  },
});

export const rule583 = rule903({
  code: '583',
  severity: 'error',
  message:
    'More than one decision that the child should be placed for adoption is reported, but an earlier one has no date of reversal (which may be in an earlier year).',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_583.py: every decision of a child but the latest (by DATE_PLACED) needs DATE_PLACED_CEASED',
  check(ctx, hit) {
    for (const rows of decisionsByChild(ctx).values()) {
      if (rows.length < 2) continue;
      const latest = datedDecisions(rows).at(-1);
      for (const p of rows) if (p !== latest && p.DATE_PLACED_CEASED === null) hit(at(p, 'DATE_PLACED_CEASED'));
    }
  },
});

export const placedAdoptionRules = [
  rule117,
  rule118,
  rule119,
  rule522,
  rule523,
  rule525,
  rule551,
  rule552,
  rule553,
  rule554,
  rule555,
  rule556,
  rule557,
  rule557From2025,
  rule558,
  rule563,
  rule579,
  rule583,
];
