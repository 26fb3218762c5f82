/**
 * `lantern inspections read-report` as an analyst runs it (in-process): no database.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { lanternCli, REPO_ROOT, type LanternCli } from '../support/cli';

const fixtures = path.join(REPO_ROOT, 'test', 'fixtures', 'ofsted-reports');
const seed = path.join(fixtures, 'ofsted-barnet-2024.txt');

describe('lantern inspections read-report', () => {
  let dir: string;
  let cli: LanternCli;
  const run = (args: string[]) => cli.run(['inspections', 'read-report', ...args]);
  before(() => {
    cli = lanternCli('inspections', { dataFolder: 'never-made' });
    dir = cli.dir;
  });
  after(() => {
    cli.dispose();
  });

  test('one file with --json prints one object: the seed, 5 judgements, 4 items, 64 paragraphs', async () => {
    const r = await run([seed, '--json']);
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

  test('several files with --json print an array, in the order given, each with its file', async () => {
    const files = [path.join(fixtures, 'focused-visit-2019.txt'), path.join(fixtures, 'monitoring-visit-2018.txt')];
    const r = await run(['--json', ...files]);
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

  test('without --json: a summary to check at a glance', async () => {
    const r = await run([path.join(fixtures, 'focused-visit-2022-priority-action.txt')]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Focused visit, ILACS \(January 2018\)/);
    assert.match(r.stdout, /Authority: Ashcombe; 2022-06-14 to 2022-06-15/);
    assert.match(r.stdout, /Area for priority action \(2\):\n {4}1\. The suitability and safety of accommodation/);
    assert.match(r.stdout, /Warnings: none/);
  });

  test('a bad file exits 1, names it and prints no records, even beside a good one', async () => {
    const empty = path.join(dir, 'empty.pdf');
    writeFileSync(empty, '');
    const r = await run(['--json', path.join(fixtures, 'jtai-2018.txt'), empty, path.join(dir, 'missing.txt')]);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /empty\.pdf: the file is empty/);
    assert.match(r.stderr, /missing\.txt: no such file/);
  });
});
