/**
 * `lantern import`, `lantern imports` (list, report, files, withdraw) and `lantern export` as an analyst runs them (in-process, one import as a real
 * process) on a real PGlite folder, with the small hand-written 903 return (test/support/ssda903-sample.ts).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { lanternCli, type LanternCli } from '../support/cli';
import { SAMPLE_903, SAMPLE_903_2025, SAMPLE_903_BAD_EPISODES } from '../support/ssda903-sample';

describe('lantern import and export', () => {
  let dir: string;
  let cli: LanternCli;
  const run = (args: string[], spawn = false) => cli.run(args, { spawn });
  const write = (folder: string, files: Record<string, string>) => {
    rmSync(path.join(dir, folder), { recursive: true, force: true });
    for (const [name, text] of Object.entries(files)) {
      const target = path.join(dir, folder, name);
      spawnSync('mkdir', ['-p', path.dirname(target)]);
      writeFileSync(target, text);
    }
    return path.join(dir, folder);
  };

  before(() => {
    cli = lanternCli('data');
    dir = cli.dir;
  });
  after(() => {
    cli.dispose();
  });

  test('an empty database takes an authority, then its 903; the same files again change nothing', async () => {
    assert.equal(
      (await run(['import', write('none', { 'header.csv': SAMPLE_903.header })])).status,
      1,
      'no authority yet',
    );
    const created = await run(['authority', 'create', '--code', '999', '--name', 'Anytown', '--la-number', '999']);
    assert.equal(created.status, 0, created.stderr);
    const good = write('good', {
      'header.csv': SAMPLE_903.header,
      'episodes.csv': SAMPLE_903.episodes,
      'sw.csv': SAMPLE_903.socialWorkers,
    });
    const first = await run(['import', good, '--year', '2026']);
    assert.equal(first.status, 0, first.stdout + first.stderr);
    // 2 children; 2 periods of care, 2 legal statuses, 2 placements, 1 social worker allocation. Three queries: the
    // rules comparing with last year's return were not run (no 2024/25 return imported: LNT-PREVIOUS), nor the
    // location rules that need a postcode lookup (none loaded: LNT-POSTCODES, decision 0027), nor the URN rules that
    // need Ofsted's provider register (none loaded, and the episodes have URNs: LNT-URNS, decision 0027).
    assert.match(
      first.stdout,
      /Accepted: SSDA903 children looked after return 2025\/26 \(3 files\): 9 rows written, 2 children added, 0 updated; 3 queries/,
    );
    // What it did: the 2 children and 7 events added; the headline figures are counted at 31 March 2026, when C1
    // is in care (from 1 May 2025) and C2 is not (home on 20 December 2025): in care from none to 1, flagged.
    assert.match(first.stdout, /\n {2}Children: 2 added, 0 merged, 0 unchanged, 0 removed\.\n/);
    assert.match(first.stdout, /\n {2}Events: 7 added, 0 merged, 0 unchanged, 0 removed\.\n/);
    assert.match(first.stdout, /\n {2}Flagged: In care went from 0 to 1 \(at 2026-03-31\)\.\n/);
    const again = await run(['import', good, '--year', '2026', '--json'], true);
    assert.equal(again.status, 0);
    const json = JSON.parse(again.stdout) as { batches: Array<{ status: string }> };
    assert.equal(json.batches[0]?.status, 'unchanged');
  });

  test('a rejected file exits 1, names each problem, and its report can be read and written as CSV', async () => {
    const bad = write('bad', {
      'header.csv': SAMPLE_903.header,
      'episodes.csv': SAMPLE_903_BAD_EPISODES,
      'sw.csv': SAMPLE_903.socialWorkers,
      'empty.csv': '',
    });
    const r = await run(['import', bad, '--year', '2026']);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /Rejected: SSDA903 children looked after return 2025\/26/);
    assert.match(r.stdout, /bad\/episodes\.csv, row 2, DEC/);
    assert.match(r.stdout, /Empty: bad\/empty\.csv/);
    const id = /import (\d+)\)/.exec(r.stdout)?.[1];
    assert.ok(id);
    const list = await run(['imports', 'list']);
    assert.match(list.stdout, /rejected/);
    const csvFile = path.join(dir, 'report.csv');
    const report = await run(['imports', 'report', id, '--csv', csvFile]);
    assert.equal(report.status, 0, report.stderr);
    const csv = readFileSync(csvFile, 'utf8').trim().split('\n');
    assert.equal(csv[0], 'file,row,column,rule,severity,message,child');
    assert.ok(csv.some((l) => l.startsWith('bad/episodes.csv,2,DEC,')));
    // The rejected files were kept, byte for byte (the empty one, which no format read, is not part of the import).
    const restored = await run(['imports', 'files', id, '--out', path.join(dir, 'restored')]);
    assert.equal(restored.status, 0, restored.stderr);
    assert.equal(readFileSync(path.join(dir, 'restored', 'bad', 'episodes.csv'), 'utf8'), SAMPLE_903_BAD_EPISODES);
    assert.deepEqual(readdirSync(path.join(dir, 'restored', 'bad')).sort(), ['episodes.csv', 'header.csv', 'sw.csv']);
  });

  test('exports each format with a summary', async () => {
    const annex = path.join(dir, 'annex-a.xlsx');
    const a = await run(['export', 'annex-a', '--as-at', '2026-03-31', '--out', annex, '--json']);
    assert.equal(a.status, 0, a.stderr);
    assert.ok(existsSync(annex));
    const summary = JSON.parse(a.stdout) as { lists: Array<{ sheet: string; rows: number }> };
    // C1 is in care at 31 March 2026 (List 8); C2 ceased on 20 December 2025, within 6 months (List 8 too).
    assert.equal(summary.lists.find((l) => l.sheet === 'List 8')?.rows, 2);
    const out903 = path.join(dir, '903');
    const b = await run(['export', '903', '--year', '2026', '--out', out903]);
    assert.equal(b.status, 0, b.stderr);
    assert.ok(readdirSync(out903).includes('episodes.csv'));
    assert.equal(
      readFileSync(path.join(out903, 'header.csv'), 'utf8').trim().split(/\r?\n/).length,
      3,
      'a header line and two children',
    );
    const cin = path.join(dir, 'cin.xml');
    const c = await run(['export', 'cin', '--year', '2026', '--out', cin, '--json']);
    assert.equal(c.status, 0, c.stderr);
    assert.match(readFileSync(cin, 'utf8'), /<Message/);
    const ssd = path.join(dir, 'ssd');
    const d = await run(['export', 'ssd', '--out', ssd]);
    assert.equal(d.status, 0, d.stderr);
    assert.ok(readdirSync(ssd).includes('ssd_person.csv'));
  });
  test('withdraws an import with a reason; refuses a blank reason, a missing import and a second withdrawal', async () => {
    // The 2024/25 sample (W1, W2): its own children, so withdrawing it leaves the 2025/26 import as it is.
    const files = write('y2025', {
      'header.csv': SAMPLE_903_2025.header,
      'episodes.csv': SAMPLE_903_2025.episodes,
      'sw.csv': SAMPLE_903_2025.socialWorkers,
    });
    const imported = await run(['import', files, '--year', '2025']);
    assert.equal(imported.status, 0, imported.stdout + imported.stderr);
    const id = /Accepted: SSDA903 children looked after return 2024\/25 .*\(import (\d+)\)/.exec(imported.stdout)?.[1];
    assert.ok(id, imported.stdout);

    const blank = await run(['imports', 'withdraw', id, '--reason', ' ']);
    assert.equal(blank.status, 1);
    assert.match(blank.stderr, /Error: --reason: Enter why the import is being withdrawn/);
    const noReason = await run(['imports', 'withdraw', id]);
    assert.equal(noReason.status, 1);
    assert.match(noReason.stderr, /required option '--reason <text>' not specified/);
    const missing = await run(['imports', 'withdraw', '99999', '--reason', 'Gone']);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /Error: No import 99999/);
    assert.match((await run(['imports', 'list'])).stdout, new RegExp(`^ *${id} .* accepted `, 'm'));

    const done = await run(['imports', 'withdraw', id, '--reason', 'Loaded the wrong year', '--json']);
    assert.equal(done.status, 0, done.stderr);
    const summary = JSON.parse(done.stdout) as {
      id: number;
      effect: { tables: Record<string, { removed: number }>; before: { inCare: number }; after: { inCare: number } };
    };
    // What the import gave goes: W1 and W2, 2 periods of care, 2 legal statuses, 2 placements, 1 allocation; at
    // 31 March 2025 W1 was the one child in care.
    assert.equal(summary.id, Number(id));
    assert.equal(summary.effect.tables.children?.removed, 2);
    assert.equal(summary.effect.tables.periodsOfCare?.removed, 2);
    assert.equal(summary.effect.tables.allocations?.removed, 1);
    assert.deepEqual([summary.effect.before.inCare, summary.effect.after.inCare], [1, 0]);

    const report = await run(['imports', 'report', id]);
    assert.match(report.stdout, /, withdrawn;/);
    assert.match(report.stdout, /Withdrawn by cli:[^ ]+ at [0-9T:.-]+Z: Loaded the wrong year\n/);
    assert.match(report.stdout, /Withdrawing it did this:\n {2}Children: 0 added, 0 merged, 0 unchanged, 2 removed\./);
    assert.match(report.stdout, /Events: 0 added, 0 merged, 0 unchanged, 7 removed\./);
    assert.match(report.stdout, /Flagged: In care went from 1 to 0 \(down 100%\) \(at 2025-03-31\)\./);

    const again = await run(['imports', 'withdraw', id, '--reason', 'Again']);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /Error: Import \d+ is withdrawn: only a live \(accepted\) import can be withdrawn/);
  });
  // Last: a second authority makes --authority necessary for the commands above.
  test('refuses the CIN census of an authority with no LA number: a message and exit 1, and no file', async () => {
    const created = await run(['authority', 'create', '--code', 'NONUM', '--name', 'Nowhere']);
    assert.equal(created.status, 0, created.stderr);
    const out = path.join(dir, 'nonum-cin.xml');
    const c = await run(['export', 'cin', '--authority', 'NONUM', '--year', '2026', '--out', out]);
    assert.equal(c.status, 1);
    assert.match(c.stderr, /^Error: laNumber: The CIN census needs Nowhere’s DfE LA number for its header \(LEA\)/);
    assert.equal(existsSync(out), false);
  });
});
