import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseCode, parseDate } from './fields';

test('parseDate: dd/mm/yyyy (read without a regular expression) and the other forms', () => {
  assert.equal(parseDate('01/02/2020'), '2020-02-01', 'day first');
  assert.equal(parseDate(' 29/02/2024 '), '2024-02-29', 'trimmed; 2024 is a leap year');
  assert.equal(parseDate('29/02/2023'), null, '2023 is not');
  assert.equal(parseDate('02/13/2020'), null, 'no month 13 (a US date)');
  assert.equal(parseDate('00/01/2020'), null, 'no day 0');
  assert.equal(parseDate('01/02/0099'), null, 'a year before 100 is not a date (isIsoDate)');
  assert.equal(parseDate('0a/02/2020'), null);
  assert.equal(parseDate('1/2/2020'), '2020-02-01', 'one-digit day and month');
  assert.equal(parseDate('01.02.2020'), '2020-02-01');
  assert.equal(parseDate('01/02/2020 00:00'), '2020-02-01', 'a midnight time');
  assert.equal(parseDate('2020-02-01'), '2020-02-01');
  assert.equal(parseDate('3 Jan 2025'), '2025-01-03');
  assert.equal(parseDate('01/02/20'), null, 'two-digit years are refused');
});

test('normaliseCode: a bare code in capitals; a label after it taken off', () => {
  assert.equal(normaliseCode(' c2 '), 'C2');
  assert.equal(normaliseCode('WBRI'), 'WBRI');
  assert.equal(normaliseCode(''), '');
  assert.equal(normaliseCode('a) u1'), 'U1', 'a list marker');
  assert.equal(normaliseCode('C2: Full care order'), 'C2');
  assert.equal(normaliseCode('C2 - Full care order'), 'C2');
  assert.equal(normaliseCode('E11 – adopted'), 'E11');
  assert.equal(normaliseCode('C 2'), 'C 2', 'a space inside is kept');
});
