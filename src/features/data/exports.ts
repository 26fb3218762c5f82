/**
 * The exports Lantern offers, by kind: what each needs, what it is called when downloaded, and how it is built.
 * The web page, the API and the CLI build the same files through the same functions.
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { Db } from '../../db/client';

export const EXPORT_KINDS = ['annex-a', '903', 'cin', 'ssd'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportRequest {
  kind: ExportKind;
  asAt: string;
  layout: 2026 | 2024;
  year: number;
}

export interface BuiltExport {
  /** The file to send (removed by `cleanup`). */
  file: string;
  downloadName: string;
  contentType: string;
  summary: Record<string, unknown>;
  cleanup(): Promise<void>;
}

async function zipFolder(dir: string, out: string): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const name of (await readdir(dir)).sort()) zip.addFile(path.join(dir, name), name);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(out));
}

/** Builds the export in a temporary folder. Each exporter is loaded when first used. */
export async function buildExport(
  db: Db,
  authority: { id: number; code: string; laNumber: string | null },
  req: ExportRequest,
): Promise<BuiltExport> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lantern-export-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const yy = `${req.year - 1}-${String(req.year % 100).padStart(2, '0')}`;
    switch (req.kind) {
      case 'annex-a': {
        const file = path.join(dir, 'annex-a.xlsx');
        const result = await (
          await import('../exports/annex-a/index')
        ).exportAnnexA(db, authority.id, { asAt: req.asAt, layout: req.layout }, file);
        return {
          file,
          cleanup,
          downloadName: `${authority.code}-annex-a-${req.asAt}.xlsx`,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          summary: { asAt: req.asAt, layout: req.layout, lists: result.lists },
        };
      }
      case '903': {
        const folder = path.join(dir, 'ssda903');
        await mkdir(folder);
        const result = await (
          await import('../exports/ssda903/index')
        ).exportSsda903(db, authority.id, { year: req.year }, folder);
        const file = path.join(dir, 'ssda903.zip');
        await zipFolder(folder, file);
        return {
          file,
          cleanup,
          downloadName: `${authority.code}-ssda903-${yy}.zip`,
          contentType: 'application/zip',
          summary: { year: req.year, files: result.files },
        };
      }
      case 'cin': {
        const file = path.join(dir, 'cin.xml');
        const result = await (
          await import('../exports/cin/index')
        ).exportCinCensus(db, authority.id, { year: req.year, laNumber: authority.laNumber }, file);
        return {
          file,
          cleanup,
          downloadName: `${authority.code}-cin-census-${yy}.xml`,
          contentType: 'application/xml',
          summary: { year: req.year, ...result },
        };
      }
      case 'ssd': {
        const folder = path.join(dir, 'ssd');
        await mkdir(folder);
        const result = await (await import('../exports/ssd/index')).exportSsd(db, authority.id, folder);
        const file = path.join(dir, 'ssd.zip');
        await zipFolder(folder, file);
        return {
          file,
          cleanup,
          downloadName: `${authority.code}-ssd-extract.zip`,
          contentType: 'application/zip',
          summary: { files: result.files },
        };
      }
    }
  } catch (e) {
    await cleanup();
    throw e;
  }
}
