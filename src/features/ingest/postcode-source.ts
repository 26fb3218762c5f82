/**
 * The postcode lookup an import's 903 location rules use (decision 0027): the authority's own rows (the demo's
 * synthetic lookup) or the national one loaded from an ONS postcode directory, and the authority's GSS code to
 * compare placements with (its own, else the authority lookup's for its LA number).
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { referenceAuthorities, type authorities } from '../../db/schema/index';
import { hasPostcodeLookup, lookUpPostcodes } from '../reference/postcodes';
import type { PostcodeSource } from './format';

export function postcodeSource(database: Database, authority: typeof authorities.$inferSelect): PostcodeSource {
  let code: Promise<string | null> | null = null;
  const authorityCode = async (): Promise<string | null> => {
    if (authority.gssCode) return authority.gssCode;
    if (!authority.laNumber) return null;
    const found = await database.db
      .select({ gss: referenceAuthorities.gssCode })
      .from(referenceAuthorities)
      .where(eq(referenceAuthorities.laNumber, authority.laNumber));
    return found[0]?.gss ?? null;
  };
  return {
    authorityCode: () => (code ??= authorityCode()),
    async lookUp(postcodes) {
      if (!(await hasPostcodeLookup(database.db, authority.code))) return null;
      return lookUpPostcodes(database.db, authority.code, postcodes);
    },
  };
}
