/**
 * Where an export is written: a file (the CLI, a test, a temporary file) or a stream such as an HTTP response, so
 * a download starts as the first rows are made and the whole document is never held in memory. The export ends
 * the stream when it has written everything.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import yazl from 'yazl';

export type ExportTarget = string | Writable;

export interface TextSink {
  /** Writes text, waiting while the stream is full (a slow client holds the export, not memory). */
  write(text: string): Promise<void>;
  /** Ends the stream and waits until everything written has been handed on. */
  end(): Promise<void>;
}

/** The target as a stream: a file's path is opened for writing (created, or emptied). */
export function targetStream(target: ExportTarget): Writable {
  return typeof target === 'string' ? createWriteStream(target) : target;
}

export function openSink(target: ExportTarget): TextSink {
  const out = targetStream(target);
  // Rejects when the stream fails or is closed before it ends (a client that went away).
  const done = finished(out);
  done.catch(() => {});
  return {
    async write(text) {
      if (text.length === 0) return;
      if (!out.write(text)) await Promise.race([once(out, 'drain'), done]);
    },
    async end() {
      out.end();
      await done;
    },
  };
}

/** One file of a zip: its name, and its content as a stream, made when the zip reaches it. */
export interface ZipEntry {
  name: string;
  content: () => Readable;
}

/**
 * Writes files into a zip as a stream, one after another, so a download starts with the first file and no file is
 * held whole. Each is stamped with the time of the export and the mode a file written by the export would have.
 */
export async function writeZip(target: ExportTarget, entries: readonly ZipEntry[]): Promise<void> {
  const out = targetStream(target);
  const zip = new yazl.ZipFile();
  const mtime = new Date();
  for (const e of entries)
    zip.addReadStreamLazy(e.name, { mtime, mode: 0o100644 }, (cb) => {
      cb(null, e.content());
    });
  zip.end();
  await pipeline(zip.outputStream, out);
}
