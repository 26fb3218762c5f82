/**
 * Reading text files as councils send them: UTF-8 with or without a byte-order mark, or Windows-1252 (what Excel
 * writes as "CSV" on a UK Windows machine). The encoding is decided by one streaming pass: a file that is valid
 * UTF-8 is read as UTF-8; anything else is read as Windows-1252. UTF-16 (with a BOM) is decoded too. Files are
 * always read as streams, never as one string.
 */
import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** The file's encoding, from its byte-order mark or, failing that, whether every byte sequence is valid UTF-8. */
export async function detectEncoding(path: string): Promise<TextEncoding> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      if (first) {
        first = false;
        if (chunk[0] === 0xff && chunk[1] === 0xfe) return 'utf-16le';
        if (chunk[0] === 0xfe && chunk[1] === 0xff) return 'utf-16be';
      }
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
    return 'utf-8';
  } catch (e) {
    if (e instanceof TypeError) return 'windows-1252';
    throw e;
  }
}

/** The file as a stream of text chunks (BOM removed), in its detected encoding. */
export async function openText(
  path: string,
  onBytes?: (bytesRead: number) => void,
): Promise<{ encoding: TextEncoding; text: NodeJS.ReadableStream }> {
  const encoding = await detectEncoding(path);
  const bytes = countingStream(path, onBytes);
  const decoder = iconv.decodeStream(encoding === 'windows-1252' ? 'win1252' : encoding, { stripBOM: true });
  const text = bytes.pipe(decoder);
  bytes.on('error', (err) => text.emit('error', err));
  return { encoding, text };
}

/** The file's bytes as a stream; `onBytes` hears how many have been read so far. */
export function countingStream(
  path: string,
  onBytes?: (bytesRead: number) => void,
): ReturnType<typeof createReadStream> {
  const bytes = createReadStream(path, { highWaterMark: 1 << 20 });
  if (onBytes) {
    let read = 0;
    bytes.on('data', (chunk) => {
      onBytes((read += chunk.length));
    });
  }
  return bytes;
}

/** The first `maxBytes` of a file as text (for recognising a file by its header line or root element). */
export async function peekText(path: string, maxBytes = 64 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of createReadStream(path, { start: 0, end: maxBytes - 1 }) as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    total += chunk.length;
  }
  const buf = Buffer.concat(chunks, total);
  if (buf[0] === 0xff && buf[1] === 0xfe) return iconv.decode(buf, 'utf-16le', { stripBOM: true });
  if (buf[0] === 0xfe && buf[1] === 0xff) return iconv.decode(buf, 'utf-16be', { stripBOM: true });
  // Cut at the last newline so a multi-byte character is never split, then prefer UTF-8.
  const text = buf.toString('utf8');
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return clean.includes('\uFFFD') ? iconv.decode(buf, 'win1252') : clean;
}
