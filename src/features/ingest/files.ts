/**
 * From what the user named (files, folders, zips) to the list of files to read. Folders are walked (hidden files
 * skipped); a zip is extracted, streaming, into a temporary folder — except a workbook (XLSX is a zip too, and is
 * read as itself). Names shown to the user keep the path inside the folder or zip.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import type { SourceFile } from './format';

export interface ExpandedFiles {
  files: SourceFile[];
  /** Removes the temporary folder zips were extracted to. */
  cleanup(): Promise<void>;
}

async function startsWithZipSignature(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(4);
    const { bytesRead } = await handle.read(buf, 0, 4, 0);
    return bytesRead === 4 && buf.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true }, (err, zip) => {
      err ? reject(err) : resolve(zip);
    });
  });
}

/** The entry names of a zip, without extracting. */
export async function zipEntryNames(file: string): Promise<string[]> {
  const zip = await openZip(file);
  return new Promise((resolve, reject) => {
    const names: string[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      names.push(entry.fileName);
      zip.readEntry();
    });
    zip.on('end', () => {
      resolve(names);
    });
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** Whether the file is an Office Open XML workbook (a zip holding xl/workbook.xml). */
export async function isWorkbook(file: string): Promise<boolean> {
  if (!(await startsWithZipSignature(file))) return false;
  try {
    return (await zipEntryNames(file)).some((n) => n === 'xl/workbook.xml');
  } catch {
    return false;
  }
}

/**
 * What a zip may hold (issue 18): a zip is refused, with the limit and the file named, before it can fill the disk or
 * the memory. The entries' sizes are taken from the zip's directory and checked before anything is written (yauzl
 * refuses an entry whose data is longer than its directory says), and counted again as they are written.
 */
export interface ZipLimits {
  /** Entries (files) in one zip. */
  maxEntries: number;
  /** Bytes once unzipped, all the zip's entries together. */
  maxUnzippedBytes: number;
  /** Unzipped ÷ zipped, for an entry larger than 1 MiB unzipped (real returns compress about 10 to 1). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxUnzippedBytes: 2 * 1024 ** 3,
  maxRatio: 1000,
};

/** A file refused for a limit: its message names the file and the limit. */
export class ImportRefusedError extends Error {}

const MIB = 1024 ** 2;
const sizeText = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GiB` : `${(bytes / MIB).toFixed(1)} MiB`;

async function extractZip(file: string, shownAs: string, into: string, limits: ZipLimits): Promise<SourceFile[]> {
  const zip = await openZip(file);
  const out: SourceFile[] = [];
  const refuse = (message: string) => new ImportRefusedError(`${shownAs}: ${message}`);
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw refuse(`the zip holds ${zip.entryCount} files, more than the ${limits.maxEntries} an import may hold`);
  }
  await new Promise<void>((resolve, reject) => {
    let n = 0;
    let unzipped = 0;
    const seen = new Set<string>();
    const fail = (e: Error) => {
      zip.close();
      reject(e);
    };
    zip.on('entry', (entry: yauzl.Entry) => {
      const base = path.posix.basename(entry.fileName);
      if (entry.fileName.endsWith('/') || base.startsWith('.') || entry.fileName.startsWith('__MACOSX/')) {
        zip.readEntry();
        return;
      }
      if (seen.has(entry.fileName)) {
        fail(refuse(`the zip holds two files called ${entry.fileName}: it cannot be told which to read`));
        return;
      }
      seen.add(entry.fileName);
      unzipped += entry.uncompressedSize;
      if (unzipped > limits.maxUnzippedBytes) {
        fail(
          refuse(
            `the zip would be more than ${sizeText(limits.maxUnzippedBytes)} once unzipped (${entry.fileName} alone is ${sizeText(entry.uncompressedSize)}), more than an import may hold`,
          ),
        );
        return;
      }
      if (
        entry.uncompressedSize > MIB &&
        entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)
      ) {
        fail(
          refuse(
            `${entry.fileName} would unzip to ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} times its zipped size, more than the ${limits.maxRatio} times a real file does`,
          ),
        );
        return;
      }
      // Entries are written under a numbered name: a hostile path inside the zip (../../etc) goes nowhere.
      const target = path.join(into, `${++n}-${base.replace(/[^\w.\-]/g, '_')}`);
      zip.openReadStream(entry, (err, stream) => {
        if (err) {
          fail(err);
          return;
        }
        pipeline(stream, createWriteStream(target))
          .then(() => {
            out.push({ name: `${shownAs}/${entry.fileName}`, path: target, size: entry.uncompressedSize });
            zip.readEntry();
          })
          .catch(fail);
      });
    });
    zip.on('end', () => {
      resolve();
    });
    zip.on('error', fail);
    zip.readEntry();
  });
  return out;
}

async function walk(dir: string, shownAs: string): Promise<Array<{ path: string; name: string }>> {
  const out: Array<{ path: string; name: string }> = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full, `${shownAs}/${e.name}`)));
    else if (e.isFile()) out.push({ path: full, name: `${shownAs}/${e.name}` });
  }
  return out;
}

/**
 * Expands `inputs` into files. `names` gives the name to show for each input (for uploads, whose temporary
 * paths mean nothing to the user); by default the input's base name.
 */
export async function expandInputs(
  inputs: readonly string[],
  names?: readonly string[],
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ExpandedFiles> {
  let temp: string | null = null;
  const files: SourceFile[] = [];
  const queue: Array<{ path: string; name: string }> = [];
  for (const [i, input] of inputs.entries()) {
    const info = await stat(input);
    const shown = names?.[i] ?? path.basename(input);
    if (info.isDirectory()) queue.push(...(await walk(input, shown)));
    else queue.push({ path: input, name: shown });
  }
  try {
    for (const item of queue) {
      const info = await stat(item.path);
      if ((await startsWithZipSignature(item.path)) && !(await isWorkbook(item.path))) {
        temp ??= await mkdtemp(path.join(tmpdir(), 'lantern-import-'));
        try {
          files.push(...(await extractZip(item.path, item.name, temp, limits)));
        } catch (e) {
          if (e instanceof ImportRefusedError) throw e;
          // Not a readable zip after all: let the formats see it (and report it as unrecognised).
          files.push({ name: item.name, path: item.path, size: info.size });
        }
      } else files.push({ name: item.name, path: item.path, size: info.size });
    }
  } catch (e) {
    // Nothing extracted is left behind when a zip is refused.
    if (temp) await rm(temp, { recursive: true, force: true });
    throw e;
  }
  return {
    files,
    cleanup: async () => {
      if (temp) await rm(temp, { recursive: true, force: true });
    },
  };
}

/** sha256 over the files' names and contents, in name order: the same files give the same digest. */
export async function digestFiles(files: readonly SourceFile[]): Promise<string> {
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    hash.update(`${path.posix.basename(f.name)}\0`);
    for await (const chunk of createReadStream(f.path) as AsyncIterable<Buffer>) hash.update(chunk);
    hash.update('\0');
  }
  return hash.digest('hex');
}
