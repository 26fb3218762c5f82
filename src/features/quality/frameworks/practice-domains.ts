/**
 * The authority's practice domains: the standard ones (src/domain/practice-domains.ts) are inserted when missing,
 * and their ids returned by key. Frameworks, audits and the demo generator all start from here.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { rows } from '../../../db/query';
import { practiceDomains } from '../../../db/schema/quality';
import { PRACTICE_DOMAINS, type PracticeDomainKey } from '../../../domain/practice-domains';

/** Inserts the practice domains (when missing) and returns their ids by key. */
export async function ensurePracticeDomains(db: Db, authorityId: number): Promise<Map<PracticeDomainKey, number>> {
  await db
    .insert(practiceDomains)
    .values(
      PRACTICE_DOMAINS.map((d, i) => ({
        authorityId,
        key: d.key,
        title: d.title,
        description: d.description,
        sortOrder: i + 1,
      })),
    )
    .onConflictDoNothing();
  const found = await rows<{ id: number | string; key: string }>(
    db,
    sql`select id, key from practice_domains where authority_id = ${authorityId}`,
  );
  const out = new Map<PracticeDomainKey, number>();
  for (const r of found) out.set(r.key as PracticeDomainKey, Number(r.id));
  return out;
}
