import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule8815, rule8816, rule8820 } from './episodes';
import { childModel, episode, rows } from './testing';

const closed = (referralDate: string, closureDate: string, line: number) =>
  episode({ line, referralDate, closureDate, reasonForClosure: 'RC7' });
const open = (referralDate: string, line: number, referralNfa = false) => episode({ line, referralDate, referralNfa });

describe('CIN rules: episodes', () => {
  it('8815: at most one open episode that is not NFA', () => {
    assert.deepEqual(
      rows(rule8815, childModel({ episodes: [closed('2025-04-01', '2025-05-01', 10), open('2025-06-01', 11)] })),
      [],
    );
    assert.deepEqual(
      rows(rule8815, childModel({ episodes: [open('2025-04-01', 10, true), open('2025-06-01', 11)] })),
      [],
      'an open NFA referral does not count',
    );
    assert.deepEqual(
      rows(rule8815, childModel({ episodes: [open('2025-04-01', 10), open('2025-06-01', 11)] })),
      [10, 11],
    );
  });
  it('8816: the open episode is the latest', () => {
    assert.deepEqual(
      rows(rule8816, childModel({ episodes: [closed('2025-04-01', '2025-05-01', 10), open('2025-06-01', 11)] })),
      [],
    );
    assert.deepEqual(
      rows(rule8816, childModel({ episodes: [open('2025-04-01', 10), closed('2025-06-01', '2025-06-20', 11)] })),
      [10],
    );
  });
  it('8820: episodes do not overlap (a referral on the closure day does not)', () => {
    assert.deepEqual(
      rows(rule8820, childModel({ episodes: [closed('2025-04-01', '2025-05-01', 10), open('2025-05-01', 11)] })),
      [],
    );
    assert.deepEqual(
      rows(rule8820, childModel({ episodes: [open('2025-04-20', 11), closed('2025-04-01', '2025-05-01', 10)] })),
      [11],
    );
  });
});
