/**
 * The demo borough's SYNTHETIC Ofsted URNs and its own small provider register (decision 0027). The 903's URN rules
 * check each placement's URN against Ofsted's register of children's social care providers (the placement types and
 * providers a setting may be, its postcode, when its registration ended). Lantern carries no Ofsted data, so the demo
 * makes its own: a setting is a synthetic postcode (postcodes.ts) with a kind of setting and a provider, and its URN
 * is made from those three (SC and six digits), so the same setting always has the same URN and two settings never
 * share one. The register holds exactly the URNs the demo's placements carry, with the placement types, providers
 * and postcode they were written with, and no closures. It is labelled 'synthetic-demo' and is never presented as
 * Ofsted data; whether such a URN exists is chance.
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { placements } from '../db/schema/index';
import { writeProviderRows, type ProviderRow } from '../features/reference/providers';
import { syntheticPostcodes } from './postcodes';

const SETTINGS = ['K1', 'K2', 'S1', 'SUP'] as const;
const PROVIDERS = ['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5'] as const;

let postcodeIndex: Map<string, number> | null = null;

/** The URN of the demo's setting of this kind (K1, K2, S1 or SUP), provider and synthetic postcode. */
export function demoUrn(postcode: string, setting: string, provider: string): string {
  postcodeIndex ??= new Map(syntheticPostcodes().map((p, i) => [p.postcode, i]));
  const i = postcodeIndex.get(postcode);
  const s = SETTINGS.indexOf(setting as (typeof SETTINGS)[number]);
  const p = PROVIDERS.indexOf(provider as (typeof PROVIDERS)[number]);
  if (i === undefined || s === -1 || p === -1) throw new Error(`The demo makes no URN for ${setting} ${provider}`);
  const n = 100000 + (i * SETTINGS.length + s) * PROVIDERS.length + p;
  if (n > 999999) throw new Error('The demo has too many synthetic postcodes for its URNs');
  return `SC${n}`;
}

/**
 * Writes the demo's synthetic register, scoped to the demo authority (its code) and labelled synthetic-demo: each
 * URN its placements carry, with their placement types, providers and postcode.
 */
export async function writeDemoProviderRegister(db: Db, authorityId: number, authorityCode: string): Promise<number> {
  const found = await db
    .selectDistinct({
      urn: placements.urn,
      type: placements.placementType,
      provider: placements.provider,
      postcode: placements.postcode,
    })
    .from(placements)
    .where(and(eq(placements.authorityId, authorityId), isNotNull(placements.urn)))
    .orderBy(sql`1, 2, 3`);
  const byUrn = new Map<string, { place: Set<string>; provider: Set<string>; postcode: string | null }>();
  for (const r of found) {
    if (r.urn === null) continue;
    const entry = byUrn.get(r.urn) ?? { place: new Set<string>(), provider: new Set<string>(), postcode: r.postcode };
    entry.place.add(r.type);
    if (r.provider !== null) entry.provider.add(r.provider);
    byUrn.set(r.urn, entry);
  }
  const list: ProviderRow[] = [...byUrn].map(([urn, e]) => ({
    urn,
    placeCodes: [...e.place].join(','),
    providerCodes: [...e.provider].join(','),
    postcode: e.postcode,
    closed: null,
  }));
  await db.transaction((tx) => writeProviderRows(tx, authorityCode, 'synthetic-demo', list));
  return list.length;
}
