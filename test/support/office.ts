/**
 * Opening Lantern's documents as their readers would: the entries of a DOCX or XLSX (a zip), document.xml's text and
 * table rows, and LibreOffice converting a file (to PDF, text or CSV) with a profile of its own. In CI LibreOffice
 * must be there (.ci/run installs it); elsewhere its tests skip with a message.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';

/** Every entry of a zip, by name. */
export function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, Buffer>();
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err) {
        reject(err);
        return;
      }
      zip.on('entry', (e: yauzl.Entry) => {
        zip.openReadStream(e, (err2, stream) => {
          if (err2) {
            reject(err2);
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(e.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => {
        resolve(out);
      });
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** One entry of a zip, as text. */
export async function zipEntry(bytes: Buffer, name: string): Promise<string> {
  const entry = (await unzip(bytes)).get(name);
  if (!entry) throw new Error(`${name} is not in the zip`);
  return entry.toString('utf8');
}

/** XML text with its tags dropped and its entities decoded. */
export const xmlText = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of a DOCX's document.xml: each paragraph's runs joined, paragraphs on their own lines. */
export const documentText = (xml: string) => xmlText(xml.replace(/<\/w:p>/g, '\n'));

/** Every table row of a DOCX's document.xml, as its cells' text. */
export function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => xmlText(tc[0]).trim()),
  );
}

/** Whether LibreOffice is here: a test's `skip` option. In CI its absence is an error, not a skip. */
export function libreOfficeSkip(what: string): false | string {
  const present = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  if (!present && process.env.CI) throw new Error(`soffice (LibreOffice) must be installed in CI: ${what}`);
  return present ? false : 'soffice (LibreOffice) is not installed here; CI runs this';
}

/** LibreOffice with a profile of its own (parallel runs must not share one); `dispose` removes the profile. */
export function libreOffice(): {
  convert(to: string, files: readonly string[], outdir: string): void;
  dispose(): void;
} {
  const profile = path.join(tmpdir(), `lo-${randomBytes(6).toString('hex')}`);
  return {
    convert(to, files, outdir) {
      const r = spawnSync(
        'soffice',
        [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', outdir, ...files],
        {
          encoding: 'utf8',
          timeout: 180_000,
        },
      );
      assert.equal(r.status, 0, `soffice failed: ${r.stderr}`);
    },
    dispose() {
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
