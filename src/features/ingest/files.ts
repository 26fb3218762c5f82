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

async function extractZip(file: string, shownAs: string, into: string): Promise<SourceFile[]> {
  const zip = await openZip(file);
  const out: SourceFile[] = [];
  await new Promise<void>((resolve, reject) => {
    let n = 0;
    zip.on('entry', (entry: yauzl.Entry) => {
      const base = path.posix.basename(entry.fileName);
      if (entry.fileName.endsWith('/') || base.startsWith('.') || entry.fileName.startsWith('__MACOSX/')) {
        zip.readEntry();
        return;
      }
      // Entries are written under a numbered name: a hostile path inside the zip (../../etc) goes nowhere.
      const target = path.join(into, `${++n}-${base.replace(/[^\w.\-]/g, '_')}`);
      zip.openReadStream(entry, (err, stream) => {
        if (err) {
          reject(err);
          return;
        }
        pipeline(stream, createWriteStream(target))
          .then(() => {
            out.push({ name: `${shownAs}/${entry.fileName}`, path: target, size: entry.uncompressedSize });
            zip.readEntry();
          })
          .catch(reject);
      });
    });
    zip.on('end', () => {
      resolve();
    });
    zip.on('error', reject);
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
export async function expandInputs(inputs: readonly string[], names?: readonly string[]): Promise<ExpandedFiles> {
  let temp: string | null = null;
  const files: SourceFile[] = [];
  const queue: Array<{ path: string; name: string }> = [];
  for (const [i, input] of inputs.entries()) {
    const info = await stat(input);
    const shown = names?.[i] ?? path.basename(input);
    if (info.isDirectory()) queue.push(...(await walk(input, shown)));
    else queue.push({ path: input, name: shown });
  }
  for (const item of queue) {
    const info = await stat(item.path);
    if ((await startsWithZipSignature(item.path)) && !(await isWorkbook(item.path))) {
      temp ??= await mkdtemp(path.join(tmpdir(), 'lantern-import-'));
      try {
        files.push(...(await extractZip(item.path, item.name, temp)));
      } catch {
        // Not a readable zip after all: let the formats see it (and report it as unrecognised).
        files.push({ name: item.name, path: item.path, size: info.size });
      }
    } else files.push({ name: item.name, path: item.path, size: info.size });
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
