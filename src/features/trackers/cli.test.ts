/**
 * `lantern trackers` as a real process on a real PGlite folder: JSON in the API's shape, the plain table, and a
 * specific message (exit 1) for a team or worker that does not exist.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { lanternCli, type LanternCli } from '../../../test/support/cli';

describe('lantern trackers', () => {
  let cli: LanternCli;
  const run = (args: string[]) => cli.run(args);

  before(async () => {
    cli = lanternCli('trackers');
    const created = await run(['authority', 'create', '--code', '999', '--name', 'Anytown', '--la-number', '999']);
    assert.equal(created.status, 0, created.stderr);
  });
  after(() => {
    cli?.dispose();
  });

  test('prints a tracker as JSON and as a table', async () => {
    const json = await run(['trackers', '--as-at', '2026-03-27', '--json']);
    assert.equal(json.status, 0, json.stderr);
    const body = JSON.parse(json.stdout) as {
      tracker: string;
      asAt: string;
      windowEnd: string;
      total: number;
      rows: unknown[];
    };
    // 10 working days after Fri 27 Mar 2026, across Good Friday and Easter Monday: Tue 14 Apr.
    assert.deepEqual(
      [body.tracker, body.asAt, body.windowEnd, body.total, body.rows.length],
      ['due', '2026-03-27', '2026-04-14', 0, 0],
    );
    const plain = await run(['trackers', '--tracker', 'caseloads', '--as-at', '2026-03-27']);
    assert.equal(plain.status, 0, plain.stderr);
    assert.match(plain.stdout, /^Caseloads as at 2026-03-27: 0 workers/);
  });

  test('names a team or worker that does not exist, and refuses a bad date', async () => {
    const team = await run(['trackers', '--team', 'Nowhere']);
    assert.equal(team.status, 1);
    assert.match(team.stderr, /--team: No team called “Nowhere” in Anytown/);
    const worker = await run(['trackers', '--worker', 'SW404']);
    assert.equal(worker.status, 1);
    assert.match(worker.stderr, /--worker: No worker with reference SW404 in Anytown/);
    const date = await run(['trackers', '--as-at', '2026-02-30']);
    assert.notEqual(date.status, 0);
    assert.match(date.stderr, /YYYY-MM-DD/);
  });
});
