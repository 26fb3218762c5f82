import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AREAS,
  CHRONOLOGY_KINDS,
  selectEntries,
  sortRows,
  toEntries,
  toEntry,
  type ChronologyKind,
  type ChronologyRow,
} from './chronology';

function row(
  kind: ChronologyKind,
  data: Record<string, unknown> = {},
  over: Partial<ChronologyRow> = {},
): ChronologyRow {
  return { date: '2024-05-01', time: null, kind, source: 'test', sourceId: 1, worker: null, team: null, data, ...over };
}

describe('toEntry', () => {
  it('gives every kind a title, an area and no stray "undefined" or "null", with data or without', () => {
    const full: Record<string, unknown> = {
      status: 'UASC',
      code: 'AUT',
      source: '3A',
      mashDecision: 'referral',
      decisionDate: '2024-05-02',
      bragInitial: 'R',
      bragFinal: 'A',
      primaryNeed: 'N2',
      nfa: false,
      reason: 'RC8',
      organisation: 'School',
      allocationDate: '2024-05-03',
      outcome: 'nfa',
      childSeen: true,
      childSeenAlone: false,
      factors: ['1B', '16A'],
      furtherServices: false,
      policePresent: true,
      healthPresent: false,
      educationPresent: true,
      icpcNotRequired: true,
      outcomeCpPlan: false,
      transferIn: true,
      targetDate: '2024-05-20',
      initialCategory: 'PHY',
      previousPlans: 0,
      latestCategory: 'MUL',
      startDate: '2023-01-01',
      quorate: false,
      participation: 'PN3',
      dueDate: '2024-04-30',
      kind: 'cin',
      seen: true,
      seenAlone: true,
      legalStatus: 'E1',
      placementType: 'K2',
      provider: 'PR2',
      inArea: false,
      distanceMiles: 31.2,
      changeReason: 'ALLEG',
      plan: 'adoption',
      categoryOfNeed: 'N5',
      reasonCeased: 'E4A',
      score: 21,
      orderType: 'sgo',
      adoptedByFosterCarer: true,
      eligibility: 'relevant',
      inTouch: 'NO',
      accommodation: 'S',
      accommodationSuitable: false,
      activity: 'G5',
      sector: 'residential-care',
      strategyMeetingHeld: true,
      role: 'personal-adviser',
      endReason: 'LEFTRL',
      finalOrder: 'placement-order',
      issueDate: '2024-01-01',
      rhiOfferedDate: '2024-05-02',
      reviewMeetings: 1,
      letterDate: '2024-04-01',
      fgdmOffered: false,
      arrangementStartDate: '2024-04-01',
    };
    for (const kind of Object.keys(CHRONOLOGY_KINDS) as ChronologyKind[]) {
      for (const data of [{}, full]) {
        const e = toEntry(row(kind, data, { worker: 'A Worker', team: 'A Team' }));
        assert.ok(e.title.length > 3, kind);
        assert.ok(AREAS[e.area], kind);
        assert.doesNotMatch(
          `${e.title} ${e.detail}`,
          /undefined|null|NaN|\[object/,
          `${kind}: ${e.title} — ${e.detail}`,
        );
      }
    }
  });

  it('describes a second child protection plan (a worked example)', () => {
    const e = toEntry(
      row('cp-plan-started', { initialCategory: 'NEG', previousPlans: 2, epoOrPoliceProtection: false }),
    );
    assert.equal(
      `${e.title} — ${e.detail}`,
      'Child protection plan started — Category: neglect; second or subsequent plan',
    );
    assert.equal(e.area, 'child-protection');
    assert.equal(e.areaLabel, 'Child protection');
  });

  it('labels the statutory codes', () => {
    assert.equal(
      toEntry(row('referral', { source: '6', primaryNeed: 'N4', nfa: true })).title,
      'Referral received — no further action',
    );
    assert.equal(
      toEntry(row('referral', { source: '6', primaryNeed: 'N4' })).detail,
      'Source: 6: Police; primary need: N4: Family in acute stress',
    );
    assert.equal(
      toEntry(row('referral-closed', { reason: 'RC8' })).detail,
      'Reason: RC8: Case closed after assessment, no further action',
    );
    assert.equal(
      toEntry(row('legal-status', { legalStatus: 'V2' })).title,
      'Legal status: V2: Single period of accommodation under section 20',
    );
    assert.equal(
      toEntry(row('placement-started', { placementType: 'U4', provider: 'PR4', inArea: false, distanceMiles: 24.1 }))
        .detail,
      'U4: Foster placement with other foster carer: long-term fostering; provider: private provision; outside the authority’s area; 24.1 miles from home',
    );
    assert.equal(
      toEntry(row('care-ended', { reasonCeased: 'E13' })).detail,
      'Reason: E13: Left care to live with parents, relatives or other person with no parental responsibility',
    );
    assert.equal(toEntry(row('missing-started', { kind: 'A' })).title, 'Away from placement without authorisation');
    // A social worker episode from a 903 gives the reason for the change that began it, and none for its end.
    assert.equal(
      toEntry(row('allocated', { role: 'social-worker', changeReason: 'LEFTRL' }, { worker: 'SW1', team: 'CIC 1' }))
        .detail,
      'SW1; CIC 1; reason for the change: code LEFTRL',
    );
    assert.equal(toEntry(row('missing-started', { kind: 'M' })).title, 'Went missing');
    assert.equal(
      toEntry(
        row('care-leaver-contact', { inTouch: 'YES', accommodation: 'D', accommodationSuitable: true, activity: 'G6' }),
      ).detail,
      'Accommodation: semi-independent, transitional or self-contained accommodation (suitable); activity: not in education, employment or training: pregnancy or parenting',
    );
    assert.equal(
      toEntry(row('care-leaver-contact', { inTouch: 'REFU' })).title,
      'Care leaver contact: refuses contact',
    );
  });

  it('counts plan durations in whole months and years, by hand', () => {
    // 20 Dec 2019 → 5 Jun 2020: 5 whole months (5 Jun is before the 20th).
    assert.equal(
      toEntry(row('cp-plan-ended', { latestCategory: 'EMO', startDate: '2019-12-20' }, { date: '2020-06-05' })).detail,
      'Latest category: emotional abuse; after 5 months',
    );
    // 1 Jan 2023 → 1 Jan 2025: exactly 2 years.
    assert.equal(
      toEntry(row('cin-plan-ended', { startDate: '2023-01-01' }, { date: '2025-01-01' })).detail,
      'After 2 years',
    );
    // 1 Mar → 15 Mar: 14 days.
    assert.equal(
      toEntry(row('cin-plan-ended', { startDate: '2024-03-01' }, { date: '2024-03-15' })).detail,
      'After 14 days',
    );
    // Care proceedings 5 Jun → 30 Nov 2020 = 178 days = 25 weeks and 3 days.
    assert.equal(
      toEntry(
        row(
          'care-proceedings-concluded',
          { finalOrder: 'care-order', issueDate: '2020-06-05' },
          { date: '2020-11-30' },
        ),
      ).detail,
      'Final order: care order; after 25 weeks',
    );
  });

  it('summarises who attended a strategy discussion', () => {
    assert.equal(
      toEntry(row('strategy-discussion', { policePresent: true, healthPresent: true, educationPresent: true })).detail,
      'Police, health and education present',
    );
    assert.equal(
      toEntry(
        row('strategy-discussion', {
          policePresent: true,
          healthPresent: true,
          educationPresent: false,
          outcome: 's47',
        }),
      ).detail,
      'Police and health present, education not present; outcome: section 47 enquiry',
    );
  });
});

describe('ordering', () => {
  it('orders by date, then the same-day rank, then time, then source row', () => {
    const rows = [
      row('placement-started', {}, { date: '2021-03-15', sourceId: 2 }),
      row('placement-ended', {}, { date: '2021-03-15', sourceId: 1 }),
      row('contact', {}, { date: '2021-03-14', sourceId: 9 }),
      row('missing-started', {}, { date: '2021-03-16', time: '22:00', sourceId: 1 }),
      row('missing-started', {}, { date: '2021-03-16', time: '08:00', sourceId: 2 }),
      row('visit', {}, { date: '2021-03-16', sourceId: 5 }),
      row('visit', {}, { date: '2021-03-16', sourceId: 4 }),
    ];
    const sorted = sortRows(rows).map((r) => `${r.date} ${r.kind} ${r.time ?? ''}${r.sourceId}`);
    assert.deepEqual(sorted, [
      '2021-03-14 contact 9',
      '2021-03-15 placement-ended 1',
      '2021-03-15 placement-started 2',
      '2021-03-16 missing-started 08:002',
      '2021-03-16 missing-started 22:001',
      '2021-03-16 visit 4',
      '2021-03-16 visit 5',
    ]);
  });

  it('gives every kind its own rank, so same-day order never depends on the database', () => {
    const ranks = Object.values(CHRONOLOGY_KINDS).map((k) => k.rank);
    assert.equal(new Set(ranks).size, ranks.length);
  });

  it('filters by area and reverses for newest first', () => {
    const entries = toEntries([
      row('contact', {}, { date: '2020-01-01' }),
      row('visit', {}, { date: '2020-02-01' }),
      row('referral', {}, { date: '2020-03-01' }),
    ]);
    assert.deepEqual(
      selectEntries(entries, 'front-door', 'oldest').map((e) => e.kind),
      ['contact', 'referral'],
    );
    assert.deepEqual(
      selectEntries(entries, null, 'newest').map((e) => e.kind),
      ['referral', 'visit', 'contact'],
    );
  });
});
