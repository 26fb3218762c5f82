/**
 * Demo mode: load the published reference data on first start, so that the demo borough's dashboards show England,
 * London, Barnet's statistical neighbours and ranks beside its own figures. The folder is LANTERN_REFERENCE_DIR,
 * else ../shared/reference-data relative to the working directory; nothing happens when it does not exist, when
 * LANTERN_REFERENCE_DIR is "off", or when benchmark figures are already loaded.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rows } from '../../db/query';
import { importReferenceFolder, type ReferenceImportResult } from './import';

export function demoReferenceDir(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): string | null {
  const configured = env.LANTERN_REFERENCE_DIR?.trim();
  if (configured === 'off') return null;
  return configured ? path.resolve(cwd, configured) : path.resolve(cwd, '../shared/reference-data');
}

/** Loads the reference folder when the database has no benchmark figures yet. Returns what was loaded, or null. */
export async function loadDemoReferenceData(db: Db, env: Readonly<Record<string, string | undefined>> = process.env): Promise<ReferenceImportResult | null> {
  const dir = demoReferenceDir(env);
  if (!dir) return null;
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) return null;
  const [existing] = await rows<{ any: boolean }>(db, sql`select exists (select 1 from benchmark_values) as any`);
  if (existing?.any) return null;
  return importReferenceFolder(db, dir, 'lantern (demo)');
}
