/**
 * A large reference file (the ONS postcode directory, Ofsted's provider list) read as a stream of CSV records,
 * gunzipped first when it is gzipped (its first two bytes), so that a national file is never held whole in memory;
 * and its first line, to recognise it.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';

export async function csvRecords(path: string): Promise<AsyncIterable<string[]>> {
  const input = (await isGzipped(path)) ? createReadStream(path).pipe(createGunzip()) : createReadStream(path);
  return input.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
}

/** The first line of a file (gzipped or not), split on commas: enough to recognise a postcode directory. */
export async function firstLine(path: string): Promise<string[] | null> {
  let head: Buffer;
  if (await isGzipped(path)) {
    // Gzipped: read the start of the stream.
    const stream = createReadStream(path).pipe(createGunzip());
    const parts: Buffer[] = [];
    let size = 0;
    for await (const c of stream as AsyncIterable<Buffer>) {
      parts.push(c);
      size += c.length;
      if (size >= 8192) break;
    }
    stream.destroy();
    head = Buffer.concat(parts);
  } else {
    const handle = await open(path, 'r');
    try {
      const chunk = Buffer.alloc(8192);
      const { bytesRead } = await handle.read(chunk, 0, 8192, 0);
      head = chunk.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }
  const text = head.toString('utf8');
  const end = text.search(/\r?\n/);
  if (end === -1) return null;
  return text.slice(0, end).split(',');
}

async function isGzipped(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(2);
    await handle.read(buf, 0, 2, 0);
    return buf[0] === 0x1f && buf[1] === 0x8b;
  } finally {
    await handle.close();
  }
}
