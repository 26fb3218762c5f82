import assert from 'node:assert/strict';
import { test } from 'node:test';
import { todayInLondon } from './today';

test('the day turns at midnight in London, not UTC (British Summer Time is UTC+1)', () => {
  // 23:30 UTC on 30 June 2026 is 00:30 on 1 July in London (BST).
  assert.equal(todayInLondon(new Date('2026-06-30T23:30:00Z')), '2026-07-01');
  // In winter London is on UTC: 23:30 UTC on 30 December is still 30 December.
  assert.equal(todayInLondon(new Date('2026-12-30T23:30:00Z')), '2026-12-30');
});
