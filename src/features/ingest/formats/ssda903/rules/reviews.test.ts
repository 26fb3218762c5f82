import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule166, rule167, rule440, rule441 } from './reviews';
import { hits } from './testing';

describe('903 review rules', () => {
  it('166: the review date is a date', () => {
    const Reviews = [{ REVIEW: '2025-06-01' }, { REVIEW: '38/04/2025' }, { REVIEW: null }];
    assert.deepEqual(hits(rule166, { Reviews }), ['Reviews.csv:3', 'Reviews.csv:4']);
  });

  it('167: PN0–PN7 with a review date, nothing without', () => {
    const Reviews = [
      { REVIEW: '2025-06-01', REVIEW_CODE: 'PN3' }, // 2 passes
      { REVIEW: '2025-06-01', REVIEW_CODE: 'PN8' }, // 3 fails
      { REVIEW: '2025-06-01', REVIEW_CODE: null }, // 4 fails
      { REVIEW: null, REVIEW_CODE: null }, // 5 passes
      { REVIEW: null, REVIEW_CODE: 'PN1' }, // 6 fails
    ];
    assert.deepEqual(hits(rule167, { Reviews }), ['Reviews.csv:3', 'Reviews.csv:4', 'Reviews.csv:6']);
  });

  it('440/441: PN0 under 4 on the day, PN1–PN7 from the 4th birthday', () => {
    // Born 10 June 2021: 4 on 10 June 2025.
    const Reviews = [
      { DOB: '2021-06-10', REVIEW: '2025-06-10', REVIEW_CODE: 'PN0' }, // 2 passes both: the birthday itself
      { DOB: '2021-06-10', REVIEW: '2025-06-11', REVIEW_CODE: 'PN0' }, // 3: 440 fails
      { DOB: '2021-06-10', REVIEW: '2025-06-10', REVIEW_CODE: 'PN1' }, // 4 passes both
      { DOB: '2021-06-10', REVIEW: '2025-06-09', REVIEW_CODE: 'PN7' }, // 5: 441 fails
      { DOB: '2021-06-10', REVIEW: '2025-06-09', REVIEW_CODE: 'PN0' }, // 6 passes both
    ];
    assert.deepEqual(hits(rule440, { Reviews }), ['Reviews.csv:3']);
    assert.deepEqual(hits(rule441, { Reviews }), ['Reviews.csv:5']);
  });
});
