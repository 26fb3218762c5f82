/**
 * Ofsted's provider register an import's 903 URN rules use (decision 0027): the authority's own rows (the demo's
 * synthetic register) or the national one loaded from Ofsted's provider list.
 */
import type { Database } from '../../db/client';
import type { authorities } from '../../db/schema/index';
import { hasProviderLookup, lookUpProviders } from '../reference/providers';
import type { ProviderSource } from './format';

export function providerSource(database: Database, authority: typeof authorities.$inferSelect): ProviderSource {
  return {
    async lookUp(urns) {
      if (!(await hasProviderLookup(database.db, authority.code))) return null;
      return lookUpProviders(database.db, authority.code, urns);
    },
  };
}
