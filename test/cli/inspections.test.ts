/**
 * `lantern inspections read-report` as an analyst runs it: a real process, no database.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = path.join(root, 'test', 'fixtures', 'ofsted-reports');
const seed = path.join(fixtures, 'ofsted-barnet-2024.txt');

describe('lantern inspections read-report', () => {
  let dir: string;
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, ['bin/lantern.mjs', 'inspections', 'read-report', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        LANTERN_DATA_DIR: path.join(dir, 'never-made'),
        DATABASE_URL: '',
        LANTERN_LOG_LEVEL: 'silent',
      },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'lantern-cli-inspections-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('one file with --json prints one object: the seed, 5 judgements, 4 items, 64 paragraphs', () => {
    const r = run([seed, '--json']);
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as {
      kind: string;
      authorityName: string;
      judgements: unknown[];
      recommendations: unknown[];
      paragraphs: unknown[];
      warnings: string[];
    };
    assert.equal(json.kind, 'ilacs-short');
    assert.equal(json.authorityName, 'Barnet');
    assert.equal(json.judgements.length, 5);
    assert.equal(json.recommendations.length, 4);
    assert.equal(json.paragraphs.length, 64);
    assert.deepEqual(json.warnings, []);
  });

  test('several files with --json print an array, in the order given, each with its file', () => {
    const files = [path.join(fixtures, 'focused-visit-2019.txt'), path.join(fixtures, 'monitoring-visit-2018.txt')];
    const r = run(['--json', ...files]);
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as Array<{ file: string; kind: string }>;
    assert.deepEqual(
      json.map((x) => [x.file, x.kind]),
      [
        [files[0], 'focused-visit'],
        [files[1], 'monitoring-visit'],
      ],
    );
  });

  test('without --json: a summary to check at a glance', () => {
    const r = run([path.join(fixtures, 'focused-visit-2022-priority-action.txt')]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Focused visit, ILACS \(January 2018\)/);
    assert.match(r.stdout, /Authority: Ashcombe; 2022-06-14 to 2022-06-15/);
    assert.match(r.stdout, /Area for priority action \(2\):\n {4}1\. The suitability and safety of accommodation/);
    assert.match(r.stdout, /Warnings: none/);
  });

  test('a bad file exits 1, names it and prints no records, even beside a good one', () => {
    const empty = path.join(dir, 'empty.pdf');
    writeFileSync(empty, '');
    const r = run(['--json', path.join(fixtures, 'jtai-2018.txt'), empty, path.join(dir, 'missing.txt')]);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /empty\.pdf: the file is empty/);
    assert.match(r.stderr, /missing\.txt: no such file/);
  });
});
