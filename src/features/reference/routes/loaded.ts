/**
 * What reference data is loaded, for the admin page and GET /api/reference: the benchmark area, counts, measures with
 * their latest years, and the files loaded (newest first).
 */
import type { WebServices } from '../../../web/services';
import { benchmarkArea } from '../benchmarks';
import { loadedMeasures, recentReferenceImports, referenceCounts } from '../overview';

export async function overview(services: WebServices, authorityId: number) {
  const [benchmark, counts, measures, imports] = await Promise.all([
    benchmarkArea(services.db, authorityId),
    referenceCounts(services.db),
    loadedMeasures(services.db),
    recentReferenceImports(services.db),
  ]);
  return {
    benchmark: { ...benchmark, neighbours: [...benchmark.neighbours] },
    counts,
    measures,
    imports: imports.map((i) => ({ ...i, importedAt: i.importedAt.toISOString() })),
  };
}
