import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareSources, disagreements, mergeValues, sameValue, type Source } from './precedence';

const ssd7: Source = { importId: 7, format: 'ssd', period: 'extract' };
const ssd4: Source = { importId: 4, format: 'ssd', period: 'extract' };
const lantern: Source = { importId: null, format: null, period: null };
const r903y2026: Source = { importId: 3, format: '903', period: '2026' };
const r903y2025: Source = { importId: 9, format: '903', period: '2025' };
const cin2025: Source = { importId: 2, format: 'cin', period: '2025' };
const annexA: Source = { importId: 11, format: 'annex-a', period: '2026-03-31' };

describe('which source wins (decision 0024)', () => {
  it('orders the case system (newest extract first, then Lantern’s own), the returns (later year first, then newer import), then Annex A', () => {
    const shuffled = [annexA, cin2025, lantern, r903y2025, ssd4, r903y2026, ssd7];
    assert.deepEqual(
      [...shuffled].sort(compareSources).map((s) => s.importId),
      [7, 4, null, 3, 9, 2, 11],
    );
  });

  it('a blank never erases: each field takes the first value given, in order of precedence', () => {
    const merged = mergeValues(
      ['endDate', 'reasonCeased', 'categoryOfNeed'],
      [
        { source: r903y2025, values: { endDate: '2026-01-20', categoryOfNeed: 'N4' } },
        { source: ssd7, values: { reasonCeased: 'E4A', categoryOfNeed: 'N1' } },
      ],
    );
    // The extract gives no end date, so the 903's stands; it gives N1, which wins over the 903's N4.
    assert.deepEqual(merged, { endDate: '2026-01-20', reasonCeased: 'E4A', categoryOfNeed: 'N1' });
  });

  it('a later collection year ends an episode the earlier one had open, and wins where both give an end', () => {
    assert.deepEqual(
      mergeValues(
        ['endDate'],
        [
          { source: r903y2025, values: {} },
          { source: r903y2026, values: { endDate: '2025-06-01' } },
        ],
      ),
      { endDate: '2025-06-01' },
    );
    assert.deepEqual(
      mergeValues(
        ['endDate'],
        [
          { source: r903y2025, values: { endDate: '2025-03-01' } },
          { source: r903y2026, values: { endDate: '2025-04-01' } },
        ],
      ),
      { endDate: '2025-04-01' },
    );
  });

  it('a field nobody gives is null', () => {
    assert.deepEqual(mergeValues(['provider'], [{ source: annexA, values: {} }]), { provider: null });
  });

  it('reports a disagreement with both values and which is kept, and none where the values agree or one is blank', () => {
    const found = disagreements(
      ['placementType', 'provider', 'urn'],
      { source: r903y2026, values: { placementType: 'U1', provider: 'PR1', urn: 'SC123456' } },
      [{ source: lantern, values: { placementType: 'U4', provider: 'PR1' } }],
    );
    assert.deepEqual(found, [
      {
        column: 'placementType',
        given: 'U1',
        kept: 'U4',
        keptFrom: lantern,
        other: { source: lantern, value: 'U4' },
      },
    ]);
    // The incoming source wins where it comes first: the kept value is the one given.
    const won = disagreements(['endDate'], { source: ssd7, values: { endDate: '2025-04-01' } }, [
      { source: r903y2025, values: { endDate: '2025-03-01' } },
    ]);
    assert.equal(won[0]?.kept, '2025-04-01');
    assert.equal(won[0]?.keptFrom, ssd7);
  });

  it('compares arrays element by element', () => {
    assert.ok(sameValue(['1A', '2B'], ['1A', '2B']));
    assert.ok(!sameValue(['1A', '2B'], ['2B', '1A']));
    assert.ok(!sameValue(['1A'], '1A'));
  });
});
