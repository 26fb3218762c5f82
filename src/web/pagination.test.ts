import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageWindow, requestedPage, showingText } from './pagination';

describe('paging', () => {
  it('the page asked for: whole numbers from 1, anything else is page 1', () => {
    assert.deepEqual(
      ['2', ' 3 ', 'abc', '0', '-1', '1.5', '', undefined, ['2']].map(requestedPage),
      [2, 3, 1, 1, 1, 1, 1, 1, 1],
    );
  });
  it('windows of 50: exactly 50 is one page; 51 is two; past the end is the last page; none is page 1 of 1', () => {
    assert.deepEqual(pageWindow(1, 50, 50), { page: 1, totalPages: 1, limit: 50, offset: 0, total: 50 });
    assert.deepEqual(pageWindow(2, 51, 50), { page: 2, totalPages: 2, limit: 50, offset: 50, total: 51 });
    assert.deepEqual(pageWindow(99, 51, 50), { page: 2, totalPages: 2, limit: 50, offset: 50, total: 51 });
    assert.deepEqual(pageWindow(3, 0, 50), { page: 1, totalPages: 1, limit: 50, offset: 0, total: 0 });
  });
  it('the caption: 608 actions, page 2 shows 51 to 100; one; none', () => {
    assert.equal(showingText(pageWindow(2, 608, 50), 50, 'action', 'actions'), 'Showing 51 to 100 of 608 actions');
    assert.equal(showingText(pageWindow(13, 608, 50), 8, 'action', 'actions'), 'Showing 601 to 608 of 608 actions');
    assert.equal(showingText(pageWindow(1, 1, 50), 1, 'action', 'actions'), 'Showing 1 to 1 of 1 action');
    assert.equal(showingText(pageWindow(1, 0, 50), 0, 'action', 'actions'), 'No actions');
    assert.equal(showingText(pageWindow(1, 3762, 50), 50, 'action', 'actions'), 'Showing 1 to 50 of 3,762 actions');
  });
});
