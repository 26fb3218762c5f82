/**
 * Giving back the original files of an import, as they were uploaded: each kept file is a gzip stream cut into
 * chunks, so it is decompressed chunk by chunk, never held whole.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import yazl from 'yazl';
import type { Db } from '../../db/client';
import { importLog } from './log';

/** The original file as a stream of its bytes. */
export function originalFile(db: Db, batchId: number, fileName: string): Readable {
  return Readable.from(importLog(db).fileChunks(batchId, fileName)).pipe(createGunzip());
}

/** A file's name inside the folder or zip it is written to: its path as uploaded, made safe. */
function safePath(name: string): string {
  return name
    .split('/')
    .filter((part) => part !== '' && part !== '.' && part !== '..')
    .map((part) => part.replace(/[^\w.\- ]/g, '_'))
    .join('/');
}

/** Writes every original file of the import under `dir`, keeping the folders they came in. */
export async function restoreOriginals(db: Db, batchId: number, dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const name of await importLog(db).fileNames(batchId)) {
    const target = path.join(dir, safePath(name));
    await mkdir(path.dirname(target), { recursive: true });
    await pipeline(originalFile(db, batchId, name), createWriteStream(target));
    written.push(target);
  }
  return written;
}

/** The original files of an import as one zip, streamed. */
export async function originalsZip(db: Db, batchId: number): Promise<NodeJS.ReadableStream> {
  const zip = new yazl.ZipFile();
  for (const name of await importLog(db).fileNames(batchId))
    zip.addReadStream(originalFile(db, batchId, name), safePath(name));
  zip.end();
  return zip.outputStream;
}
