/**
 * Demo mode: load the published reference data on first start, so that the demo borough's dashboards show England,
 * London, Barnet's statistical neighbours and ranks beside its own figures. The folder is LANTERN_REFERENCE_DIR
 * (relative to the working directory), else the repository's own reference-data/ (found from this file, so it does
 * not matter where Lantern is started from); nothing happens when it does not exist, when LANTERN_REFERENCE_DIR is
 * "off", or when benchmark figures and Ofsted outcomes are already loaded. A file that cannot be loaded is left out and
 * the others are loaded.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rows } from '../../db/query';
import { ReferenceFileError, type ReferenceProblem } from './files';
import { importReferenceFiles, referenceFilesIn, type ReferenceFileInput, type ReferenceImportResult } from './import';

/** The repository's reference-data/ (README there: what each file is, its source and what was kept). */
export const REPOSITORY_REFERENCE_DIR = fileURLToPath(new URL('../../../reference-data', import.meta.url));

export function demoReferenceDir(
  env: Readonly<Record<string, string | undefined>>,
  cwd = process.cwd(),
): string | null {
  const configured = env.LANTERN_REFERENCE_DIR?.trim();
  if (configured === 'off') return null;
  return configured ? path.resolve(cwd, configured) : REPOSITORY_REFERENCE_DIR;
}

export interface DemoReferenceResult extends ReferenceImportResult {
  /** Files left out because they could not be loaded (the rest were): each with its problems. */
  readonly refused: ReadonlyArray<{ readonly name: string; readonly problems: readonly ReferenceProblem[] }>;
}

const OFSTED_FOLDER = 'ofsted-ilacs';

/**
 * Loads the files all together; when some are refused, loads the others without them (once), so that one broken
 * file (an Ofsted table, say) does not keep the demo from the rest.
 */
async function loadLeavingOutBroken(db: Db, files: readonly ReferenceFileInput[]): Promise<DemoReferenceResult | null> {
  if (files.length === 0) return null;
  try {
    return { ...(await importReferenceFiles(db, files, 'lantern (demo)')), refused: [] };
  } catch (e) {
    if (!(e instanceof ReferenceFileError)) throw e;
    const named = (f: ReferenceFileInput, p: ReferenceProblem) => p.file === f.name || p.file.startsWith(`${f.name} (`);
    const broken = files.filter((f) => e.problems.some((p) => named(f, p)));
    // A problem that names no file (the batch itself) cannot be worked around.
    if (broken.length === 0) throw e;
    const refused = broken.map((f) => ({ name: f.name, problems: e.problems.filter((p) => named(f, p)) }));
    const rest = files.filter((f) => !broken.includes(f));
    if (rest.length === 0) return { files: [], derived: 0, seconds: 0, refused };
    return { ...(await importReferenceFiles(db, rest, 'lantern (demo)')), refused };
  }
}

/**
 * Loads the reference folder when the database has no benchmark figures yet, and its Ofsted outcomes
 * (ofsted-ilacs/) when none are loaded yet (a demo built before they were read). Returns what was loaded, or null.
 */
export async function loadDemoReferenceData(
  db: Db,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<DemoReferenceResult | null> {
  const dir = demoReferenceDir(env);
  if (!dir) return null;
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) return null;
  const [existing] = await rows<{ benchmarks: boolean; ofsted: boolean }>(
    db,
    sql`select exists (select 1 from benchmark_values) as benchmarks, exists (select 1 from ofsted_outcomes) as ofsted`,
  );
  if (existing?.benchmarks && existing.ofsted) return null;
  const files = await referenceFilesIn(dir);
  if (!existing?.benchmarks) return loadLeavingOutBroken(db, files);
  return loadLeavingOutBroken(
    db,
    files.filter((f) => f.name.split(path.sep)[0] === OFSTED_FOLDER),
  );
}
