import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { trackerCsv } from './presenters';
import type { TrackerResult } from './service';

const base: Omit<TrackerResult, 'rows' | 'caseloads' | 'tracker'> = {
  title: 'Work due',
  asAt: '2026-03-31',
  windowEnd: '2026-04-16',
  scope: 'authority',
  filters: { teamId: null, workerId: null, kind: null, status: null, sort: 'due', order: 'asc' },
  total: 1,
  overdue: 1,
};

test('a tracker CSV writes a cell that would run as a formula as text, and leaves numbers as they are', () => {
  const csv = trackerCsv({
    ...base,
    tracker: 'caseloads',
    rows: [],
    caseloads: [
      {
        workerId: 1,
        worker: '=HYPERLINK("http://example.invalid","Open")',
        workerRef: "=cmd|' /C calc'!A0",
        role: 'social-worker',
        agency: false,
        teamId: 1,
        team: '@SUM(A1:A9)',
        children: 12,
        cp: 3,
        cla: 4,
        careLeavers: 0,
      },
    ],
  });
  const [, row] = parse(csv) as string[][];
  assert.deepEqual(row, [
    "'@SUM(A1:A9)",
    `'=HYPERLINK("http://example.invalid","Open")`,
    "'=cmd|' /C calc'!A0",
    'social-worker',
    'no',
    '12',
    '3',
    '4',
    '0',
  ]);
});
