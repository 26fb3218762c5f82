/**
 * Receiving uploaded files: a form page's file fields (`r.page({ files })`, read by `receiveForm`) or a raw request
 * body (the API), streamed to a temporary folder with busboy — never held in memory. Limits keep a runaway upload
 * from filling the disk: a file past its field's size, or past its field's count, is drained and never written.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import busboy from 'busboy';
import { csrfWatch } from './csrf';
import type { FieldError } from '../core/errors';

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

/** A form page's file field: its limits and the messages for breaking them. */
export interface FileField {
  /** The largest file accepted, in bytes. */
  maxBytes: number;
  /** The most files the field takes at a time (default 1). */
  maxCount?: number;
  /** The types accepted: name endings ('.pdf') or MIME types ('application/pdf'); any type when omitted. */
  accept?: readonly string[];
  /** The error when no file is chosen; without it the field may be left empty. */
  required?: string;
  /** The error for a file larger than `maxBytes` (default: "<name> is larger than <n> MB"). */
  tooLarge?: (name: string) => string;
  /** The error for more than `maxCount` files (default: "Upload at most <n> files at a time"). */
  tooMany?: string;
  /** The error for a file of a type not accepted (default: "<name> is not a file of the type accepted"). */
  wrongType?: (name: string) => string;
}

export type FileFields = Record<string, FileField>;

/** A file received: where it is (in a temporary folder), its name as the user's computer gave it, its size. */
export interface UploadedFile {
  path: string;
  name: string;
  size: number;
  /** The MIME type the browser sent. */
  type: string;
}

export type UploadedFiles<F extends FileFields> = { [K in keyof F]: UploadedFile[] };

/** The data pages' uploads (imports, reference files): big extracts, many files or a zip. */
export const IMPORT_FILES = {
  maxBytes: MAX_UPLOAD_BYTES,
  maxCount: MAX_UPLOAD_FILES,
  tooMany: `Upload at most ${MAX_UPLOAD_FILES} files at a time (or put them in a zip)`,
} as const satisfies FileField;

function sizeText(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${bytes / 1024 ** 3} GB` : `${bytes / 1024 ** 2} MB`;
}

function accepted(spec: FileField, name: string, type: string): boolean {
  if (!spec.accept) return true;
  const lower = name.toLowerCase();
  return spec.accept.some((a) => (a.startsWith('.') ? lower.endsWith(a.toLowerCase()) : a === type));
}

/** A posted form with its files: the text fields, each file field's files, and what was wrong with them. */
export interface ReceivedForm<F extends FileFields> {
  /** The temporary folder holding the files (null when nothing was written): remove it with `removeReceived`. */
  dir: string | null;
  fields: Record<string, unknown>;
  files: UploadedFiles<F>;
  /** A file too large, too many, of a type not accepted or missing: one error a field, in the order of `specs`. */
  fileErrors: FieldError[];
  /** The names of text fields longer than `maxFieldBytes` (cut short). */
  tooLong: string[];
}

/**
 * Reads a form with file fields: multipart (each file streamed to a temporary folder, never held in memory) or
 * urlencoded (then no files: a required field is missing). Files posted under a name not in `specs` are drained and
 * ignored, as are the empty parts a file input with no file chosen sends.
 */
export async function receiveForm<F extends FileFields>(
  req: Request,
  specs: F,
  maxFieldBytes: number,
): Promise<ReceivedForm<F>> {
  const files = Object.fromEntries(Object.keys(specs).map((k) => [k, []])) as unknown as UploadedFiles<F>;
  const received: ReceivedForm<F> = { dir: null, fields: {}, files, fileErrors: [], tooLong: [] };
  const problems = new Map<string, string>();
  const problem = (field: string, message: string) => {
    if (!problems.has(field)) problems.set(field, message);
  };
  if (!req.is('multipart/form-data')) {
    received.fields = { ...((req.body ?? {}) as Record<string, unknown>) };
  } else {
    const dir = await mkdtemp(path.join(tmpdir(), 'lantern-upload-'));
    received.dir = dir;
    try {
      await readMultipart(req, specs, maxFieldBytes, dir, received, problem);
    } catch (e) {
      await removeReceived(dir);
      throw e;
    }
  }
  for (const [field, spec] of Object.entries(specs)) {
    const message = problems.get(field) ?? (files[field]?.length ? undefined : spec.required);
    if (message) received.fileErrors.push({ field, message });
  }
  return received;
}

async function readMultipart<F extends FileFields>(
  req: Request,
  specs: F,
  maxFieldBytes: number,
  dir: string,
  received: ReceivedForm<F>,
  problem: (field: string, message: string) => void,
): Promise<void> {
  const files = received.files as Record<string, UploadedFile[]>;
  const fields: Record<string, string> = {};
  received.fields = fields;
  const counts = new Map<string, number>();
  let n = 0;
  const writes: Array<Promise<void>> = [];
  const largest = Math.max(...Object.values(specs).map((s) => s.maxBytes));
  const csrf = csrfWatch(req);
  await new Promise<void>((resolve, reject) => {
    const bb = busboy({
      headers: req.headers,
      limits: { fileSize: largest + 1, fields: 500, fieldSize: maxFieldBytes },
    });
    bb.on('file', (field, stream, info) => {
      const spec = specs[field];
      if (!spec || !info.filename || !csrf.fileAllowed()) {
        stream.resume();
        return;
      }
      const name = path.basename(info.filename.replace(/\\/g, '/'));
      const count = (counts.get(field) ?? 0) + 1;
      counts.set(field, count);
      if (count > (spec.maxCount ?? 1)) {
        problem(field, spec.tooMany ?? `Upload at most ${spec.maxCount ?? 1} files at a time`);
        stream.resume();
        return;
      }
      if (!accepted(spec, name, info.mimeType)) {
        problem(field, spec.wrongType?.(name) ?? `${name} is not a file of the type accepted`);
        stream.resume();
        return;
      }
      n += 1;
      const entry: UploadedFile = { path: path.join(dir, safeName(name, n)), name, size: 0, type: info.mimeType };
      files[field]?.push(entry);
      // Counts the bytes and stops writing once past the limit; the rest is drained.
      const limit = new Transform({
        transform(chunk: Buffer, _enc, done) {
          entry.size += chunk.length;
          if (entry.size > spec.maxBytes) {
            problem(field, spec.tooLarge?.(name) ?? `${name} is larger than ${sizeText(spec.maxBytes)}`);
            done();
          } else done(null, chunk);
        },
      });
      writes.push(pipeline(stream, limit, createWriteStream(entry.path)));
    });
    bb.on('field', (name, value, info) => {
      csrf.field(name, value);
      if (info.valueTruncated && !received.tooLong.includes(name)) received.tooLong.push(name);
      fields[name] = value;
    });
    bb.on('close', () => {
      resolve();
    });
    bb.on('error', reject);
    req.pipe(bb);
  });
  await Promise.all(writes);
  csrf.end();
}

/** Removes a received form's temporary files. */
export async function removeReceived(dir: string | null): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
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
