/**
 * `lantern trackers` as a real process on a real PGlite folder: JSON in the API's shape, the plain table, and a
 * specific message (exit 1) for a team or worker that does not exist.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('lantern trackers', () => {
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
    dir = mkdtempSync(path.join(tmpdir(), 'lantern-cli-trackers-'));
    const created = run(['authority', 'create', '--code', '999', '--name', 'Anytown', '--la-number', '999']);
    assert.equal(created.status, 0, created.stderr);
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('prints a tracker as JSON and as a table', () => {
    const json = run(['trackers', '--as-at', '2026-03-27', '--json']);
    assert.equal(json.status, 0, json.stderr);
    const body = JSON.parse(json.stdout) as { tracker: string; asAt: string; windowEnd: string; total: number; rows: unknown[] };
    // 10 working days after Fri 27 Mar 2026, across Good Friday and Easter Monday: Tue 14 Apr.
    assert.deepEqual([body.tracker, body.asAt, body.windowEnd, body.total, body.rows.length], ['due', '2026-03-27', '2026-04-14', 0, 0]);
    const plain = run(['trackers', '--tracker', 'caseloads', '--as-at', '2026-03-27']);
    assert.equal(plain.status, 0, plain.stderr);
    assert.match(plain.stdout, /^Caseloads as at 2026-03-27: 0 workers/);
  });

  test('names a team or worker that does not exist, and refuses a bad date', () => {
    const team = run(['trackers', '--team', 'Nowhere']);
    assert.equal(team.status, 1);
    assert.match(team.stderr, /--team: No team called “Nowhere” in Anytown/);
    const worker = run(['trackers', '--worker', 'SW404']);
    assert.equal(worker.status, 1);
    assert.match(worker.stderr, /--worker: No worker with reference SW404 in Anytown/);
    const date = run(['trackers', '--as-at', '2026-02-30']);
    assert.notEqual(date.status, 0);
    assert.match(date.stderr, /YYYY-MM-DD/);
  });
});
