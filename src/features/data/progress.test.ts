import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { progressText } from './routes';

describe('import progress in words', () => {
  it('reads bytes as megabytes, one decimal', () => {
    // 13,107,200 bytes = 12.5 × 1,048,576; 41,943,040 = 40 × 1,048,576.
    assert.equal(
      progressText({ stage: 'reading', file: 'ssd/ssd_person.csv', done: 13_107_200, total: 41_943_040 }),
      'Reading ssd/ssd_person.csv: 12.5 MB of 40.0 MB',
    );
  });
  it('counts other steps, and says the stage alone when there is no count', () => {
    assert.equal(
      progressText({ stage: 'writing', file: 'placements', done: 21, total: 33 }),
      'Writing placements (21 of 33)',
    );
    assert.equal(progressText({ stage: 'checking', file: null, done: 0, total: null }), 'Checking');
  });
});
