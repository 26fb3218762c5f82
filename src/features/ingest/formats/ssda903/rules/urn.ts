/**
 * The Ofsted URN rules: an episode's URN checked against Ofsted's register of children's social care providers (the
 * placement types and providers a setting may be, its postcode, the day its registration ended). Decision 0027.
 *
 * The register is reference data an authority loads (`lantern reference import`, reference/providers.ts) or the
 * demo's synthetic one. Without it, the rules that need it are not run and the import says so once (LNT-URNS,
 * ../index.ts); 1008 then checks only that each URN is shaped like one, and 230 needs no register.
 *
 * Where the validator compares a URN that is not in the register (a left join gives blanks), 219, 221, 224 and 229
 * fire too; Lantern reports such a URN once, as 1008 (the DfE's meaning: "URN is not valid"), and the others check
 * only URNs the register has. 229 compares with the authority of the setting's postcode, as the validator does, so it
 * runs only when a postcode lookup is loaded as well (decision 0027).
 *
 * Sources (lac_validator/rules/lac2022_23/, unchanged in later years unless said): rule_219.py, rule_221.py
 * (lac2023_24 and lac2024_25 change its placement types), rule_224.py, rule_227.py, rule_228.py, rule_229.py,
 * lac2023_24/rule_230.py (deleted in lac2024_25), rule_1008.py.
 */
import type { ProviderFacts } from '../../../../reference/providers';
import { URN_SHAPE } from '../../../../reference/providers';
import { defineRule, type Rule, type RuleHit } from '../../../rules';
import type { Row } from '../tables';
import { at, type Ctx903 } from './context';

export interface UrnCtx extends Ctx903 {
  /** The register's facts for each URN found (upper case); null when no register is loaded. */
  providers: ReadonlyMap<string, ProviderFacts> | null;
  /** The authority (GSS code) of each registered setting's postcode; null when no postcode lookup is loaded. */
  providerLa: ReadonlyMap<string, string | null> | null;
  /** The authority's GSS code (null: not known). */
  authorityCode: string | null;
}

export type UrnRule = Rule<UrnCtx>;

/** The placeholder the 903 writes where a placement has no URN yet. */
const PLACEHOLDER = 'XXXXXXX';

/** The URN as the register keys it (upper case, trimmed); null when blank or the placeholder. */
export function urnOf(e: Row<'Episodes'>): string | null {
  const urn = e.URN?.trim().toUpperCase() ?? '';
  return urn === '' || urn === PLACEHOLDER ? null : urn;
}

/** Every URN written in the episodes (to look up). */
export function urnsOf(episodes: ReadonlyArray<Row<'Episodes'>>): string[] {
  const out = new Set<string>();
  for (const e of episodes) {
    const urn = urnOf(e);
    if (urn !== null) out.add(urn);
  }
  return [...out];
}

/** A rule on registered URNs: it runs only when a register is loaded, on episodes whose URN it has. */
function registeredRule(
  r: Omit<UrnRule, 'check'> & {
    check: (ctx: UrnCtx, e: Row<'Episodes'>, urn: string, p: ProviderFacts, hit: (h: RuleHit) => void) => void;
  },
): UrnRule {
  const { check, ...rule } = r;
  return defineRule<UrnCtx>({
    ...rule,
    check(ctx, hit) {
      const providers = ctx.providers;
      if (!providers) return;
      for (const e of ctx.ret.Episodes) {
        const urn = urnOf(e);
        const p = urn === null ? undefined : providers.get(urn);
        if (urn !== null && p) check(ctx, e, urn, p, hit);
      }
    },
  });
}

const ALL_YEARS = { from: 2023 };

export const rule219 = registeredRule({
  code: '219',
  severity: 'error',
  message:
    'The placement type does not match the Ofsted URN: the setting is not registered for this type of placement.',
  years: ALL_YEARS,
  source: 'rule_219.py: URN given (not XXXXXXX) and PLACE not among the register’s placement codes for the URN',
  check(_ctx, e, urn, p, hit) {
    if (e.PLACE !== null && !p.placeCodes.includes(e.PLACE))
      hit(at(e, 'PLACE', `${urn} is registered for ${p.placeCodes.join(', ') || 'no placement type'}`));
  },
});

/** 221's placement types: settings whose postcode is the child's placement postcode (they change by year). */
function rule221For(years: { from: number; to?: number }, places: readonly string[], source: string): UrnRule {
  const checked = new Set(places);
  return registeredRule({
    code: '221',
    severity: 'error',
    message: 'The placement postcode does not match the postcode Ofsted holds for the setting’s URN.',
    years,
    source,
    check(_ctx, e, urn, p, hit) {
      if (e.LS === 'V3' || e.LS === 'V4' || e.PLACE === null || !checked.has(e.PLACE)) return;
      if (e.PL_POST === null || p.postcode === null) return;
      // Compared as the validator does: ignoring spaces (and case).
      const given = e.PL_POST.replace(/\s+/g, '').toUpperCase();
      if (given !== p.postcode.replace(/\s+/g, '')) hit(at(e, 'PL_POST', `Ofsted holds ${p.postcode} for ${urn}`));
    },
  });
}

export const rule221in2023 = rule221For(
  { from: 2023, to: 2023 },
  ['K1', 'K2', 'R3', 'S1'],
  'lac2022_23/rule_221.py: URN given, LS not V3/V4, PLACE K1, K2, R3 or S1, PL_POST given and not the URN’s postcode (ignoring spaces)',
);
export const rule221in2024 = rule221For(
  { from: 2024, to: 2024 },
  ['H5', 'K1', 'K2', 'R3', 'S1'],
  'lac2023_24/rule_221.py: as 2022/23, with H5 (supported accommodation, registered from 28 October 2023)',
);
export const rule221 = rule221For(
  { from: 2025 },
  ['K1', 'K2', 'K3', 'R3', 'S1'],
  'lac2024_25/rule_221.py: as 2022/23, with K3 (supported accommodation) in place of H5',
);

export const rule224 = registeredRule({
  code: '224',
  severity: 'error',
  message:
    'The placement provider does not match the Ofsted URN: the setting is not registered as this kind of provider.',
  years: ALL_YEARS,
  source: 'rule_224.py: URN given (not XXXXXXX) and PLACE_PROVIDER not among the register’s provider codes for the URN',
  check(_ctx, e, urn, p, hit) {
    if (e.PLACE_PROVIDER !== null && !p.providerCodes.includes(e.PLACE_PROVIDER))
      hit(at(e, 'PLACE_PROVIDER', `${urn} is registered as ${p.providerCodes.join(', ') || 'no provider'}`));
  },
});

export const rule227 = registeredRule({
  code: '227',
  severity: 'error',
  message: 'The episode starts on or after the day the setting’s Ofsted registration ended.',
  years: ALL_YEARS,
  source: 'rule_227.py: the URN’s registration end given and DECOM on or after it',
  check(_ctx, e, urn, p, hit) {
    if (p.closed !== null && e.DECOM !== null && e.DECOM >= p.closed)
      hit(at(e, 'DECOM', `${urn} was registered until ${p.closed}`));
  },
});

export const rule228 = registeredRule({
  code: '228',
  severity: 'error',
  message:
    'The episode ends after the setting’s Ofsted registration ended (or is open at the end of the year when it had ended).',
  years: ALL_YEARS,
  source:
    'rule_228.py: the URN’s registration end given, and DEC after it, or DEC blank and 31 March of the year after it',
  check(ctx, e, urn, p, hit) {
    if (p.closed === null) return;
    if (e.DEC !== null ? e.DEC > p.closed : ctx.end > p.closed)
      hit(at(e, e.DEC !== null ? 'DEC' : 'URN', `${urn} was registered until ${p.closed}`));
  },
});

export const rule229 = registeredRule({
  code: '229',
  severity: 'error',
  message:
    'The placement provider does not match where the setting is: the authority’s own provision (PR1) must be in the authority and another authority’s (PR2) outside it, going by the postcode Ofsted holds for the URN.',
  years: ALL_YEARS,
  source:
    'rule_229.py: PR1 with the authority of the URN’s postcode not the authority, or PR2 with it the authority (the validator infers it from the postcode, as Lantern does with the postcode lookup)',
  check(ctx, e, urn, _p, hit) {
    if (ctx.authorityCode === null || ctx.providerLa === null) return;
    const la = ctx.providerLa.get(urn) ?? null;
    if (la === null) return;
    if (
      (e.PLACE_PROVIDER === 'PR1' && la !== ctx.authorityCode) ||
      (e.PLACE_PROVIDER === 'PR2' && la === ctx.authorityCode)
    )
      hit(at(e, 'PLACE_PROVIDER', `${urn} is in ${la}`));
  },
});

/** The first day an H5 placement must have a URN: it ends on or after 29 October 2023, or is open. */
const H5_URN_FROM = '2023-10-29';

export const rule230 = defineRule<UrnCtx>({
  code: '230',
  severity: 'error',
  message:
    'Supported accommodation (H5) in England needs its Ofsted URN for any placement after 28 October 2023, when such settings had to register.',
  years: { from: 2024, to: 2024 },
  source:
    'lac2023_24/rule_230.py (deleted from 2024/25): PLACE H5, DEC on or after 29/10/2023 or blank, URN blank or XXXXXXX, PL_LA not in Wales, Scotland or Northern Ireland (known only with a postcode lookup)',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) {
      if (e.PLACE !== 'H5' || urnOf(e) !== null || ctx.outsideEngland?.has(e)) continue;
      if (e.DEC === null || e.DEC >= H5_URN_FROM) hit(at(e, 'URN'));
    }
  },
});

export const rule1008 = defineRule<UrnCtx>({
  code: '1008',
  severity: 'error',
  message: 'The Ofsted URN is not valid.',
  years: ALL_YEARS,
  source:
    'rule_1008.py: a URN (not XXXXXXX) not in the register. Lantern checks every URN is shaped like one (SC and six digits, or six or seven digits) always and, when the register is loaded, that it is in it',
  check(ctx, hit) {
    for (const e of ctx.ret.Episodes) {
      const urn = urnOf(e);
      if (urn === null) continue;
      if (!URN_SHAPE.test(urn)) hit(at(e, 'URN', `“${e.URN ?? ''}” is not shaped like an Ofsted URN`));
      else if (ctx.providers !== null && !ctx.providers.has(urn))
        hit(at(e, 'URN', `${urn} is not in Ofsted’s register of providers`));
    }
  },
});

/** The URN rules, run by the 903 format on every return (those on the register only with one). */
export const URN_RULES: readonly UrnRule[] = [
  rule219,
  rule221in2023,
  rule221in2024,
  rule221,
  rule224,
  rule227,
  rule228,
  rule229,
  rule230,
  rule1008,
];

/** The codes of the rules not run without a register (for the LNT-URNS query). */
export const REGISTER_CODES = ['219', '221', '224', '227', '228', '229'];
