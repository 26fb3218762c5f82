/**
 * Zips that cannot hurt (issue 18): a zip over a limit is refused with the file and the limit named, before anything
 * is written, and leaves no temporary folder; duplicate entry names are refused. Limits are set low here so that the
 * zips stay small (a 4 MiB entry of zeros zips to about 4 KiB).
 */
import assert from 'node:assert/strict';
import { createWriteStream, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { test } from 'node:test';
import yazl from 'yazl';
import { DEFAULT_ZIP_LIMITS, expandInputs, ImportRefusedError } from './files';

const dir = mkdtempSync(path.join(tmpdir(), 'zip-limits-'));

async function zipOf(name: string, entries: Array<[string, Buffer]>): Promise<string> {
  const file = path.join(dir, name);
  const zip = new yazl.ZipFile();
  for (const [entry, data] of entries) zip.addBuffer(data, entry);
  zip.end();
  const out = createWriteStream(file);
  zip.outputStream.pipe(out);
  await finished(out);
  return file;
}

const leftovers = () => readdirSync(tmpdir()).filter((n) => n.startsWith('lantern-import-')).length;

test('a zip whose files unzip to more than the limit is refused before it is extracted, naming the limit', async () => {
  // 4 MiB of NUL bytes after a CSV header: the shape of the 4 GiB zip that once took the server down, smaller.
  const bomb = await zipOf('bomb.zip', [
    ['ssd_person.csv', Buffer.concat([Buffer.from('person_id\n'), Buffer.alloc(4 * 1024 ** 2)])],
  ]);
  const before = leftovers();
  await assert.rejects(
    expandInputs([bomb], ['upload.zip'], { ...DEFAULT_ZIP_LIMITS, maxUnzippedBytes: 1024 ** 2 }),
    (e: Error) =>
      e instanceof ImportRefusedError &&
      e.message ===
        'upload.zip: the zip would be more than 1.0 MiB once unzipped (ssd_person.csv alone is 4.0 MiB), more than an import may hold',
  );
  assert.equal(leftovers(), before, 'no temporary folder left');
  // Within the size limit, the same file is still refused for how far it expands: 4 MiB from about 4 KiB is ~1,000
  // times, against a limit of 100 times.
  await assert.rejects(
    expandInputs([bomb], ['upload.zip'], { ...DEFAULT_ZIP_LIMITS, maxRatio: 100 }),
    (e: Error) =>
      e instanceof ImportRefusedError &&
      /^upload\.zip: ssd_person\.csv would unzip to \d+ times its zipped size, more than the 100 times a real file does$/.test(
        e.message,
      ),
  );
});

test('too many files, or two files of the same name, are refused', async () => {
  const many = await zipOf(
    'many.zip',
    Array.from({ length: 4 }, (_, i) => [`f${i}.csv`, Buffer.from('a\n')] as [string, Buffer]),
  );
  await assert.rejects(expandInputs([many], ['many.zip'], { ...DEFAULT_ZIP_LIMITS, maxEntries: 3 }), {
    message: 'many.zip: the zip holds 4 files, more than the 3 an import may hold',
  });
  const twice = await zipOf('twice.zip', [
    ['header.csv', Buffer.from('CHILD\n1\n')],
    ['header.csv', Buffer.from('CHILD\n2\n')],
  ]);
  await assert.rejects(expandInputs([twice], ['twice.zip']), {
    message: 'twice.zip: the zip holds two files called header.csv: it cannot be told which to read',
  });
});

test('a zip within the limits is extracted as before', async () => {
  const fine = await zipOf('fine.zip', [['header.csv', Buffer.from('CHILD\n1\n')]]);
  const expanded = await expandInputs([fine], ['fine.zip']);
  try {
    assert.deepEqual(
      expanded.files.map((f) => [f.name, f.size]),
      [['fine.zip/header.csv', 8]],
    );
  } finally {
    await expanded.cleanup();
  }
});
