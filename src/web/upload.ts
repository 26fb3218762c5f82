/**
 * Receiving uploaded files: a multipart form (the web page) or a raw request body (the API), streamed to a
 * temporary folder with busboy — never held in memory. Limits keep a runaway upload from filling the disk.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import busboy from 'busboy';

/** The largest file accepted: six years of a very large authority's SSD extract is well under this. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;
export const MAX_UPLOAD_FILES = 50;

export interface Upload {
  dir: string;
  files: Array<{ path: string; name: string; size: number }>;
  fields: Record<string, string>;
  /** What was wrong with the upload itself (too large, too many files). */
  problem: string | null;
}

function safeName(name: string, n: number): string {
  return `${n}-${path.basename(name).replace(/[^\w.\-]/g, '_') || 'file'}`;
}

export async function receiveMultipart(req: Request): Promise<Upload> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lantern-upload-'));
  const upload: Upload = { dir, files: [], fields: {}, problem: null };
  const writes: Array<Promise<void>> = [];
  await new Promise<void>((resolve, reject) => {
    const bb = busboy({
      headers: req.headers,
      limits: { fileSize: MAX_UPLOAD_BYTES, files: MAX_UPLOAD_FILES, fields: 20, fieldSize: 1024 },
    });
    bb.on('file', (_field, stream, info) => {
      if (!info.filename) {
        stream.resume();
        return;
      }
      const target = path.join(dir, safeName(info.filename, upload.files.length + 1));
      const entry = { path: target, name: path.basename(info.filename), size: 0 };
      upload.files.push(entry);
      stream.on('data', (chunk: Buffer) => {
        entry.size += chunk.length;
      });
      stream.on('limit', () => {
        upload.problem = `${entry.name} is larger than ${MAX_UPLOAD_BYTES / 1024 ** 3} GB`;
      });
      writes.push(pipeline(stream, createWriteStream(target)));
    });
    bb.on('field', (name, value) => {
      upload.fields[name] = value;
    });
    bb.on('filesLimit', () => {
      upload.problem = `Upload at most ${MAX_UPLOAD_FILES} files at a time (or put them in a zip)`;
    });
    bb.on('close', () => {
      resolve();
    });
    bb.on('error', reject);
    req.pipe(bb);
  });
  await Promise.all(writes);
  // An empty file input still sends a part with no name and no bytes.
  upload.files = upload.files.filter((f) => f.size > 0 || f.name !== '');
  return upload;
}

/** A raw request body (the API: Content-Type application/zip, text/csv, application/xml or octet-stream). */
export async function receiveBody(req: Request, name: string): Promise<Upload> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lantern-upload-'));
  const target = path.join(dir, safeName(name, 1));
  let size = 0;
  let problem: string | null = null;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_UPLOAD_BYTES && !problem) {
      problem = `The upload is larger than ${MAX_UPLOAD_BYTES / 1024 ** 3} GB`;
      req.destroy();
    }
  });
  try {
    await pipeline(req, createWriteStream(target));
  } catch (e) {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- assigned in a callback, which the type checker does not follow
    if (!problem) throw e;
  }
  return { dir, files: [{ path: target, name: path.basename(name), size }], fields: {}, problem };
}

export async function discard(upload: Upload): Promise<void> {
  await rm(upload.dir, { recursive: true, force: true });
}
