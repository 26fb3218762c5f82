/**
 * An SSD extract's care leaver statuses that say "eligible" after the young person left care are queried
 * (LNT-LEAVER), worked by hand.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eligibleAfterLeaving } from './read-care';

describe('care leaver histories an import queries', () => {
  const periods = [{ start: '2019-03-01', end: '2024-09-01' }];

  it('eligible again after a former relevant status: queried', () => {
    const statuses = [
      { eligibility: 'eligible', start: '2022-09-01' },
      { eligibility: 'former-relevant', start: '2024-09-01' },
      { eligibility: 'eligible', start: '2025-02-01' },
    ];
    assert.match(
      eligibleAfterLeaving('eligible', '2025-02-01', statuses, periods) ?? '',
      /eligible from 2025-02-01, after a former-relevant record from 2024-09-01/,
    );
    // The first, while looked after: fine.
    assert.equal(eligibleAfterLeaving('eligible', '2022-09-01', statuses, periods), null);
  });

  it('eligible from the day care ended, with no relevant status: queried; the day before: fine', () => {
    const statuses = [{ eligibility: 'eligible', start: '2024-09-01' }];
    assert.match(eligibleAfterLeaving('eligible', '2024-09-01', statuses, periods) ?? '', /not looked after/);
    assert.equal(eligibleAfterLeaving('eligible', '2024-08-31', statuses, periods), null);
  });

  it('eligible again on coming back into care after being relevant: fine', () => {
    const statuses = [
      { eligibility: 'eligible', start: '2024-01-01' },
      { eligibility: 'relevant', start: '2024-05-01' },
      { eligibility: 'eligible', start: '2024-07-01' },
    ];
    const back = [
      { start: '2023-01-01', end: '2024-05-01' },
      { start: '2024-07-01', end: null },
    ];
    // Looked after again from 1 July 2024: eligible again, as the law has it.
    assert.equal(eligibleAfterLeaving('eligible', '2024-07-01', statuses, back), null);
  });
});
