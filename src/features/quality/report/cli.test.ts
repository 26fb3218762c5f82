/**
 * `lantern audits report` as a head of service's analyst runs it: a real process on a real PGlite folder holding a
 * small demo authority (20–40 audits a month). Checks the file is the month's report for the asked audience, and that
 * a badly written month is refused with the format and no file. (The figures: report.test.ts.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import yauzl from 'yauzl';

function documentXmlOf(bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName !== 'word/document.xml') return zip.readEntry();
        zip.openReadStream(e, (err2, stream) => {
          if (err2) return reject(err2);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      zip.on('end', () => reject(new Error('no word/document.xml')));
      zip.readEntry();
    });
  });
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

describe('lantern audits report', () => {
  let dir: string;
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, ['bin/lantern.mjs', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, LANTERN_DATA_DIR: path.join(dir, 'db'), DATABASE_URL: '', LANTERN_LOG_LEVEL: 'silent' },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'lantern-cli-qa-report-'));
    const made = run(['demo', 'generate', '--child-population', '3000', '--years', '1', '--as-at', '2026-03-31']);
    assert.equal(made.status, 0, made.stderr);
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('writes the members’ DOCX for March 2026 (a zip holding the title, no auditor table)', { timeout: 120_000 }, async () => {
    const out = path.join(dir, 'qa.docx');
    const r = run(['audits', 'report', '--month', '2026-03', '--out', out, '--audience', 'members']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Wrote the March 2026 quality assurance report \(members\) for .* to .*qa\.docx/);
    const xml = await documentXmlOf(readFileSync(out));
    assert.ok(xml.includes('Quality assurance report: March 2026'));
    assert.ok(xml.includes('Audience: elected members'));
    assert.ok(!xml.includes('Agreement by auditor'));
  });

  test('a month written 2026-3 is refused, naming the format, and nothing is written', () => {
    const out = path.join(dir, 'bad.docx');
    const r = run(['audits', 'report', '--month', '2026-3', '--out', out]);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /Enter the month as YYYY-MM, for example 2026-03/);
    assert.equal(existsSync(out), false);
  });
});
