/**
 * The audit results pages' query (readResultsQuery) read by its zod schema: the messages and fields the pages show,
 * every error at once, and strictness about parameters the pages do not have.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readResultsQuery } from './results-view';

// Today 22 November 2026: the default period is November 2025 to October 2026.
const TODAY = '2026-11-22';

describe('audit results query', () => {
  it('both months wrong: both errors at once, each with its example, and the default period in their place', () => {
    const { query, errors } = readResultsQuery({ from: '2024-13', to: 'October' }, TODAY);
    assert.deepEqual(errors, [
      { field: 'from', message: 'Enter the first month as a year and month, for example 2025-11' },
      { field: 'to', message: 'Enter the last month as a year and month, for example 2026-10' },
    ]);
    assert.deepEqual([query.from, query.to], ['2025-11', '2026-10']);
  });

  it('a backwards period is an error on the last month; the filters are still read', () => {
    const { query, errors } = readResultsQuery({ from: '2024-03', to: '2024-02', team: ' 12 ', by: 'month' }, TODAY);
    assert.deepEqual(errors, [{ field: 'to', message: 'The last month must be the same as or after the first month' }]);
    assert.deepEqual(query, {
      from: '2025-11',
      to: '2026-10',
      domainId: null,
      teamId: 12,
      serviceArea: null,
      by: 'month',
    });
  });

  it('months are trimmed; a repeated or unreadable filter is ignored, an unknown grouping is by domain', () => {
    assert.deepEqual(
      readResultsQuery({ from: ' 2024-01 ', to: '2024-12', domain: ['1', '2'], service: 'CIN', by: 'colour' }, TODAY),
      {
        query: { from: '2024-01', to: '2024-12', domainId: null, teamId: null, serviceArea: null, by: 'domain' },
        errors: [],
      },
    );
  });

  it('strict: a parameter the pages do not have is an error that names it, given with the others', () => {
    const { errors } = readResultsQuery({ from: '2024-03', to: '2024-02', colour: 'red' }, TODAY);
    assert.deepEqual(errors, [
      { field: 'form', message: 'This page has no filter called colour' },
      { field: 'to', message: 'The last month must be the same as or after the first month' },
    ]);
  });
});
