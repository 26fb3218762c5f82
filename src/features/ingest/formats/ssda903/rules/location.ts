/**
 * The placement location rules: the home and placement postcodes (HOME_POST, PL_POST) and the three fields the DfE
 * derives from them — the authority of the placement (PL_LA), inside or outside the authority (PL_LOCATION) and the
 * distance from home in miles (PL_DISTANCE). Decision 0027.
 *
 * Derivation (Lantern's own code, following lac_validator/datastore.py `_add_postcode_derived_fields`, which follows
 * the DfE's guidance): each postcode is looked up in the postcode lookup (an ONS Postcode Directory or NSPL the
 * authority loaded, or the demo's synthetic one), ignoring case and spaces.
 * - PL_LA: the authority of the placement postcode (the county in a two-tier area; the validator maps the district
 *   to its upper tier), or WAL, SCO, NIR for a postcode in Wales, Scotland or Northern Ireland (codes W…, S…, N…);
 *   blank when PL_POST is blank or not found.
 * - PL_LOCATION: IN when PL_LA is the authority's own GSS code, OUT when it is another (or outside England), blank
 *   when PL_POST is not found.
 * - PL_DISTANCE: the straight line between the two postcodes' grid references, in miles to one decimal place
 *   (src/domain/postcodes.ts milesBetween); blank when either postcode is blank, not found or has no grid reference.
 *
 * The rules that need the derived fields run only when a lookup is loaded; otherwise the import says so once
 * (LNT-POSTCODES, ../index.ts) and they are not run. The rules on the postcodes themselves (214, 392b, 392c's shape,
 * 392d, 398) always run.
 *
 * "Formerly UASC" (164, 392a, 392b, 406) is, as in the validator for CSV returns, a child in this year's UASC table
 * or, when last year's return has been imported, last year's.
 *
 * Sources (lac_validator/rules/lac2022_23/, unchanged in later years unless said): rule_164.py, rule_169.py,
 * rule_179.py, rule_214.py, rule_392a.py, rule_392b.py, rule_392c.py, rule_392d.py, rule_398.py, rule_406.py,
 * rule_411.py, rule_420.py, rule_1015.py, lac2025_26/rule_454.py.
 */
import { milesBetween, normalisePostcode } from '../../../../../domain/postcodes';
import type { PostcodeFacts } from '../../../../reference/postcodes';
import { defineRule, type Rule } from '../../../rules';
import type { Row } from '../tables';
import { at, type Ctx903 } from './context';

export interface Derived {
  PL_LA: string | null;
  PL_LOCATION: 'IN' | 'OUT' | null;
  PL_DISTANCE: number | null;
}

export interface LocationCtx extends Ctx903 {
  /** Children in this year's UASC table, or last year's when it has been imported. */
  formerUasc: ReadonlySet<string>;
  /** The authority's GSS code (null: not known, so no placement is IN). */
  authorityCode: string | null;
  /** Each episode's derived fields, or null when no postcode lookup is loaded. */
  derived: ReadonlyMap<Row<'Episodes'>, Derived> | null;
  /** Whether each postcode given (in Lantern's form) is in the lookup; null when none is loaded. */
  found: ReadonlySet<string> | null;
}

export type LocationRule = Rule<LocationCtx>;

/** Every postcode written in the episodes, in Lantern's form (to look up). */
export function postcodesOf(episodes: ReadonlyArray<Row<'Episodes'>>): string[] {
  const out = new Set<string>();
  for (const e of episodes)
    for (const v of [e.HOME_POST, e.PL_POST]) {
      const p = normalisePostcode(v);
      if (p !== null) out.add(p);
    }
  return [...out];
}

/** PL_LA from the placement postcode's authority code. */
function placementLa(code: string | null): string | null {
  if (code === null) return null;
  if (code.startsWith('W')) return 'WAL';
  if (code.startsWith('S')) return 'SCO';
  if (code.startsWith('N')) return 'NIR';
  return code;
}

/** The derived fields of each episode. */
export function deriveLocations(
  episodes: ReadonlyArray<Row<'Episodes'>>,
  facts: ReadonlyMap<string, PostcodeFacts>,
  authorityCode: string | null,
): Map<Row<'Episodes'>, Derived> {
  const out = new Map<Row<'Episodes'>, Derived>();
  for (const e of episodes) {
    const home = facts.get(normalisePostcode(e.HOME_POST) ?? '');
    const place = facts.get(normalisePostcode(e.PL_POST) ?? '');
    const la = place ? placementLa(place.laCode) : null;
    out.set(e, {
      PL_LA: la,
      PL_LOCATION: place ? (la !== null && la === authorityCode ? 'IN' : 'OUT') : null,
      PL_DISTANCE: home?.grid && place?.grid ? milesBetween(home.grid, place.grid) : null,
    });
  }
  return out;
}

/** The episodes placed in Wales, Scotland or Northern Ireland (rule 218 needs no Ofsted URN for them). */
export function outsideEngland(
  episodes: ReadonlyArray<Row<'Episodes'>>,
  derived: ReadonlyMap<Row<'Episodes'>, Derived> | null,
): Set<Row<'Episodes'>> {
  const out = new Set<Row<'Episodes'>>();
  if (derived === null) return out;
  for (const e of episodes) {
    const la = derived.get(e)?.PL_LA;
    if (la === 'WAL' || la === 'SCO' || la === 'NIR') out.add(e);
  }
  return out;
}

const SHORT_BREAK = new Set(['V3', 'V4']);
const shortBreak = (e: Row<'Episodes'>) => e.LS !== null && SHORT_BREAK.has(e.LS);
const YEARS = { from: 2023 };

/** A rule on the derived fields: it runs only when a postcode lookup is loaded. */
function derivedRule(
  r: Omit<LocationRule, 'check'> & {
    check: (ctx: LocationCtx, e: Row<'Episodes'>, d: Derived, hit: Parameters<LocationRule['check']>[1]) => void;
  },
): LocationRule {
  const { check, ...rule } = r;
  return defineRule<LocationCtx>({
    ...rule,
    check(ctx, hit) {
      const derived = ctx.derived;
      if (!derived) return;
      for (const e of ctx.ret.Episodes) {
        const d = derived.get(e);
        if (d) check(ctx, e, d, hit);
      }
    },
  });
}

export const rule164 = derivedRule({
  code: '164',
  severity: 'error',
  message: 'The distance from home to placement is not valid (it must be 0 to 999.9 miles): check the postcodes.',
  years: YEARS,
  source: 'rule_164.py: PL_DISTANCE outside 0.0–999.9 for a child never UASC, LS not V3/V4',
  check(ctx, e, d, hit) {
    if (shortBreak(e) || e.CHILD === null || ctx.formerUasc.has(e.CHILD) || d.PL_DISTANCE === null) return;
    if (d.PL_DISTANCE < 0 || d.PL_DISTANCE > 999.9) hit(at(e, 'PL_POST', `${d.PL_DISTANCE} miles`));
  },
});

export const rule169 = derivedRule({
  code: '169',
  severity: 'error',
  message:
    'The local authority of the placement cannot be worked out: the placement postcode is missing or not in the postcode lookup.',
  years: YEARS,
  source: 'rule_169.py: PL_LA blank (derived from PL_POST) for LS not V3/V4',
  check(_ctx, e, d, hit) {
    if (!shortBreak(e) && d.PL_LA === null) hit(at(e, 'PL_POST'));
  },
});

export const rule179 = derivedRule({
  code: '179',
  severity: 'error',
  message:
    'The placement location (in or out of the authority) cannot be worked out: the placement postcode is missing or not in the postcode lookup.',
  years: YEARS,
  source: 'rule_179.py: PL_LOCATION blank (derived from PL_POST) for LS not V3/V4',
  check(_ctx, e, d, hit) {
    if (!shortBreak(e) && d.PL_LOCATION === null) hit(at(e, 'PL_POST'));
  },
});

export const rule214 = defineRule<LocationCtx>({
  code: '214',
  severity: 'error',
  message: 'Placement location (postcode or URN) is not recorded for a short break (legal status V3 or V4).',
  years: YEARS,
  source: 'rule_214.py: LS V3/V4 with PL_POST or URN',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes)
      if (shortBreak(e) && (e.PL_POST !== null || e.URN !== null)) hit(at(e, e.PL_POST !== null ? 'PL_POST' : 'URN'));
  },
});

export const rule392a = derivedRule({
  code: '392a',
  severity: 'error',
  message:
    'The child is looked after but no distance from home can be worked out: check both postcodes (not needed for a child who is or was UASC).',
  years: YEARS,
  source: 'rule_392a.py: PL_DISTANCE blank for a child never UASC, LS not V3/V4',
  check(ctx, e, d, hit) {
    if (shortBreak(e) || e.CHILD === null || ctx.formerUasc.has(e.CHILD)) return;
    if (d.PL_DISTANCE === null) hit(at(e, e.HOME_POST === null ? 'HOME_POST' : 'PL_POST'));
  },
});

export const rule392b = defineRule<LocationCtx>({
  code: '392b',
  severity: 'error',
  message:
    'The child is looked after but the home or placement postcode is missing (not needed for a child who is or was UASC).',
  years: YEARS,
  source: 'rule_392b.py: HOME_POST or PL_POST blank for a child never UASC, LS not V3/V4',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) {
      if (shortBreak(e) || e.CHILD === null || ctx.formerUasc.has(e.CHILD)) continue;
      if (e.HOME_POST === null || e.PL_POST === null) hit(at(e, e.HOME_POST === null ? 'HOME_POST' : 'PL_POST'));
    }
  },
});

export const rule392c = defineRule<LocationCtx>({
  code: '392c',
  severity: 'error',
  message: 'The postcode is not valid.',
  years: YEARS,
  source:
    'rule_392c.py: a HOME_POST or PL_POST not in the ONS postcode directory. Lantern checks every postcode is shaped like one (always) and, when a postcode lookup is loaded, that it is in it',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes)
      for (const column of ['HOME_POST', 'PL_POST'] as const) {
        const v = e[column];
        if (v === null) continue;
        const p = normalisePostcode(v);
        if (p === null) hit(at(e, column, `“${v}” is not shaped like a postcode`));
        else if (ctx.found !== null && !ctx.found.has(p)) hit(at(e, column, `${p} is not in the postcode lookup`));
      }
  },
});

/** Postcodes compared as the lookup compares them: ignoring case and spaces. */
const same = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();

export const rule392d = defineRule<LocationCtx>({
  code: '392d',
  severity: 'error',
  message: 'The home and placement postcodes are the same, which only a placement with parents (P1) may be.',
  years: YEARS,
  source:
    'rule_392d.py: HOME_POST equal to PL_POST with PLACE not P1; Lantern compares them ignoring case and spaces (the validator compares the text as written)',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) if (e.PLACE !== 'P1' && same(e.HOME_POST, e.PL_POST)) hit(at(e, 'PL_POST'));
  },
});

export const rule398 = defineRule<LocationCtx>({
  code: '398',
  severity: 'error',
  message: 'Postcodes are recorded for a short break (legal status V3 or V4), which has no distance.',
  years: YEARS,
  source: 'rule_398.py: LS V3/V4 with HOME_POST or PL_POST',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes)
      if (shortBreak(e) && (e.HOME_POST !== null || e.PL_POST !== null))
        hit(at(e, e.HOME_POST !== null ? 'HOME_POST' : 'PL_POST'));
  },
});

export const rule406 = derivedRule({
  code: '406',
  severity: 'error',
  message:
    'The child is or was an unaccompanied asylum-seeking child (UASC), so no distance from home is recorded: leave the home postcode blank.',
  years: YEARS,
  source: 'rule_406.py: PL_DISTANCE present for a child in the UASC table this year or last',
  check(ctx, e, d, hit) {
    if (e.CHILD !== null && ctx.formerUasc.has(e.CHILD) && d.PL_DISTANCE !== null) hit(at(e, 'HOME_POST'));
  },
});

export const rule411 = derivedRule({
  code: '411',
  severity: 'error',
  message: 'The placement location is IN the authority but the placement is in another authority.',
  years: YEARS,
  source:
    'rule_411.py: PL_LOCATION IN with PL_LA not the authority. Both are derived from PL_POST, so it fires only if the derivation is inconsistent; kept as a check on it',
  check(ctx, e, d, hit) {
    if (ctx.authorityCode !== null && d.PL_LOCATION === 'IN' && d.PL_LA !== ctx.authorityCode) hit(at(e, 'PL_POST'));
  },
});

export const rule420 = derivedRule({
  code: '420',
  severity: 'error',
  message: 'A placement authority is recorded (from the placement postcode) for a short break (legal status V3 or V4).',
  years: YEARS,
  source: 'rule_420.py: PL_LA present for LS V3/V4',
  check(_ctx, e, d, hit) {
    if (shortBreak(e) && d.PL_LA !== null) hit(at(e, 'PL_POST'));
  },
});

export const rule454 = derivedRule({
  code: '454',
  severity: 'error',
  message: 'The placement is more than 350 miles from home: check the postcodes.',
  years: { from: 2026 },
  source:
    'lac2025_26/rule_454.py: PL_DISTANCE over 350 miles, other than 999.9. A distance of exactly 350 miles passes',
  check(_ctx, e, d, hit) {
    if (d.PL_DISTANCE !== null && d.PL_DISTANCE > 350 && d.PL_DISTANCE !== 999.9)
      hit(at(e, 'PL_POST', `${d.PL_DISTANCE} miles`));
  },
});

/** Placements with foster carers or adopters, which the authority's own provision may make anywhere (1015). */
const ANYWHERE = new Set(['A3', 'A4', 'A5', 'A6', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6']);

export const rule1015 = derivedRule({
  code: '1015',
  severity: 'error',
  message:
    'The placement is the authority’s own provision (PR1) but is not in the authority’s area (from the placement postcode).',
  years: YEARS,
  source:
    'rule_1015.py: PLACE_PROVIDER PR1, PLACE not A3–A6/U1–U6, LS not V3/V4, and PL_LA not the authority (a blank PL_LA too, as in the validator)',
  check(ctx, e, d, hit) {
    if (ctx.authorityCode === null) return; // not known: the import says so (LNT-POSTCODES)
    if (e.PLACE_PROVIDER !== 'PR1' || e.PLACE === null || e.LS === null || ANYWHERE.has(e.PLACE) || shortBreak(e))
      return;
    if (d.PL_LA === null || d.PL_LA !== ctx.authorityCode) hit(at(e, 'PL_POST', `PL_LA: ${d.PL_LA ?? 'blank'}`));
  },
});

/** The location rules, run by the 903 format on every return (those on derived fields only with a lookup). */
export const LOCATION_RULES: readonly LocationRule[] = [
  rule164,
  rule169,
  rule179,
  rule214,
  rule392a,
  rule392b,
  rule392c,
  rule392d,
  rule398,
  rule406,
  rule411,
  rule420,
  rule454,
  rule1015,
];

/** The codes of the rules not run without a postcode lookup (for the LNT-POSTCODES query), 454 from 2025/26. */
export function lookupCodes(year: number): string[] {
  return ['164', '169', '179', '392a', '406', '411', '420', '452', '453', ...(year >= 2026 ? ['454'] : []), '1015'];
}
