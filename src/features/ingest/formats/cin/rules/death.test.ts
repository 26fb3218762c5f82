import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule4008, rule4009Q, rule8535Q, rule8545Q, rule8555Q, rule8915, rule8920 } from './death';
import { check, childModel, cinPlan, cpPlan, episode, rows } from './testing';

// childModel is on line 1 (born 1 January 2020), episode() on line 10 (referred 1 May 2025), cinPlan() on line 30
// (starts 2 June 2025), cpPlan() on line 50 (starts 2 June 2025). The census year is 2025/26.
describe('CIN rules: date of death', () => {
  it('8535Q: death not before birth, and a birth date given (a query)', () => {
    assert.deepEqual(rows(rule8535Q, childModel({ deathDate: '2019-12-31' })), [1]); // the day before birth
    assert.deepEqual(rows(rule8535Q, childModel({ deathDate: '2020-01-01' })), []); // the day of birth
    assert.deepEqual(rows(rule8535Q, childModel({ deathDate: '2025-06-01', birthDate: null })), [1]);
    assert.deepEqual(rows(rule8535Q, childModel()), []);
    assert.equal(check(rule8535Q, childModel({ deathDate: '2019-12-31' }))[0]?.severity, 'query');
  });

  it('8545Q: death within the census year (a query)', () => {
    assert.deepEqual(rows(rule8545Q, childModel({ deathDate: '2025-03-31' })), [1]); // the day before it starts
    assert.deepEqual(rows(rule8545Q, childModel({ deathDate: '2025-04-01' })), []); // its first day
    assert.deepEqual(rows(rule8545Q, childModel({ deathDate: '2026-03-31' })), []); // its last day
    assert.deepEqual(rows(rule8545Q, childModel({ deathDate: '2026-04-01' })), [1]);
  });

  it('8555Q: no referral after death (a query)', () => {
    const died = (deathDate: string) => childModel({ deathDate, episodes: [episode()] });
    assert.deepEqual(rows(rule8555Q, died('2025-04-30')), [10]); // referred the day after
    assert.deepEqual(rows(rule8555Q, died('2025-05-01')), []); // referred that day
    assert.equal(check(rule8555Q, died('2025-04-30'))[0]?.severity, 'query');
  });

  it('4008/4009Q/8915/8920: no plan starts or ends after death', () => {
    const child = (deathDate: string, endDate: string | null = null) =>
      childModel({
        deathDate,
        episodes: [episode({ cinPlans: [cinPlan({ endDate })], cpPlans: [cpPlan({ endDate })] })],
      });
    assert.deepEqual(rows(rule4008, child('2025-06-01')), [30]); // started the day after death
    assert.deepEqual(rows(rule4008, child('2025-06-02')), []); // started that day
    assert.deepEqual(rows(rule8915, child('2025-06-01')), [50]);
    assert.deepEqual(rows(rule8915, child('2025-06-02')), []);
    assert.deepEqual(rows(rule4009Q, child('2025-07-01', '2025-07-02')), [30]); // ended the day after
    assert.deepEqual(rows(rule4009Q, child('2025-07-01', '2025-07-01')), []);
    assert.deepEqual(rows(rule8920, child('2025-07-01', '2025-07-02')), [50]);
    assert.deepEqual(rows(rule8920, child('2025-07-01', null)), []); // open plans: 8920 is about end dates
    assert.equal(check(rule4009Q, child('2025-07-01', '2025-07-02'))[0]?.severity, 'query');
    assert.deepEqual(rows(rule8920, childModel({ episodes: [episode({ cpPlans: [cpPlan()] })] })), []); // alive
  });
});
