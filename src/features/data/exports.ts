/**
 * The exports Lantern offers, by kind: what each needs, what it is called when downloaded, and how it is written.
 * The web page, the API and the CLI make the same files through the same functions. A download is streamed: Annex
 * A, the 903 and the CIN census are written into the response as they are made (the download starts at once, and
 * no whole document is held in memory); the SSD extract, many files written side by side, is written to a
 * temporary folder first and its zip streamed from there.
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Db } from '../../db/client';
import { writeZip, type ExportTarget } from '../exports/sink';

export const EXPORT_KINDS = ['annex-a', '903', 'cin', 'ssd'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportRequest {
  kind: ExportKind;
  asAt: string;
  layout: 2026 | 2024;
  year: number;
}

export interface PreparedExport {
  downloadName: string;
  contentType: string;
  /** Writes the export to a file or a stream (an HTTP response), which it ends; gives its summary. */
  write(target: ExportTarget): Promise<Record<string, unknown>>;
}

export interface BuiltExport {
  /** The file (removed by `cleanup`). */
  file: string;
  downloadName: string;
  contentType: string;
  summary: Record<string, unknown>;
  cleanup(): Promise<void>;
}

/**
 * An export ready to be written: anything the authority's data cannot make is refused here, before a byte is sent
 * (the CIN census without an LA number: a ValidationError). Each exporter is loaded when first used.
 */
export async function prepareExport(
  db: Db,
  authority: { id: number; code: string; laNumber: string | null },
  req: ExportRequest,
): Promise<PreparedExport> {
  const yy = `${req.year - 1}-${String(req.year % 100).padStart(2, '0')}`;
  switch (req.kind) {
    case 'annex-a':
      return {
        downloadName: `${authority.code}-annex-a-${req.asAt}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        write: async (target) => {
          const { exportAnnexA } = await import('../exports/annex-a/index');
          const result = await exportAnnexA(db, authority.id, { asAt: req.asAt, layout: req.layout }, target);
          return { asAt: req.asAt, layout: req.layout, lists: result.lists };
        },
      };
    case '903':
      return {
        downloadName: `${authority.code}-ssda903-${yy}.zip`,
        contentType: 'application/zip',
        write: async (target) => {
          const { exportSsda903Zip } = await import('../exports/ssda903/index');
          const result = await exportSsda903Zip(db, authority.id, { year: req.year }, target);
          return { year: req.year, files: result.files };
        },
      };
    case 'cin': {
      const { cinLaNumber, exportCinCensus } = await import('../exports/cin/index');
      await cinLaNumber(db, authority.id, authority.laNumber);
      return {
        downloadName: `${authority.code}-cin-census-${yy}.xml`,
        contentType: 'application/xml',
        write: async (target) => {
          const result = await exportCinCensus(
            db,
            authority.id,
            { year: req.year, laNumber: authority.laNumber },
            target,
          );
          return { year: req.year, ...result };
        },
      };
    }
    case 'ssd':
      return {
        downloadName: `${authority.code}-ssd-extract.zip`,
        contentType: 'application/zip',
        write: async (target) => {
          const dir = await mkdtemp(path.join(tmpdir(), 'lantern-export-'));
          try {
            const folder = path.join(dir, 'ssd');
            await mkdir(folder);
            const result = await (await import('../exports/ssd/index')).exportSsd(db, authority.id, folder);
            const names = (await readdir(folder)).sort();
            await writeZip(
              target,
              names.map((name) => ({ name, content: () => createReadStream(path.join(folder, name)) })),
            );
            return { files: result.files };
          } finally {
            await rm(dir, { recursive: true, force: true });
          }
        },
      };
  }
}

const FILE_NAMES: Record<ExportKind, string> = {
  'annex-a': 'annex-a.xlsx',
  '903': 'ssda903.zip',
  cin: 'cin.xml',
  ssd: 'ssd.zip',
};

/** Writes the export to a file in a temporary folder (for tests and anything that wants the file). */
export async function buildExport(
  db: Db,
  authority: { id: number; code: string; laNumber: string | null },
  req: ExportRequest,
): Promise<BuiltExport> {
  const prepared = await prepareExport(db, authority, req);
  const dir = await mkdtemp(path.join(tmpdir(), 'lantern-export-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const file = path.join(dir, FILE_NAMES[req.kind]);
    const summary = await prepared.write(file);
    return { file, cleanup, downloadName: prepared.downloadName, contentType: prepared.contentType, summary };
  } catch (e) {
    await cleanup();
    throw e;
  }
}
