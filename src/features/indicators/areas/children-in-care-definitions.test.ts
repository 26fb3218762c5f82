import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BENCHMARK_MEASURES } from '../../reference/measures';
import { indicatorById } from '../registry';
import { childrenInCare } from './children-in-care';
import { permanence } from './permanence';

describe('children in care and permanence definitions', () => {
  const all = [...childrenInCare, ...permanence];

  it('are registered under their own service area, each about children', () => {
    for (const d of childrenInCare) assert.equal(d.area, 'children-in-care', d.id);
    for (const d of permanence) assert.equal(d.area, 'permanence', d.id);
    for (const d of all) {
      assert.equal(indicatorById(d.id), d, d.id);
      assert.equal(d.subject, 'child', d.id);
    }
  });

  it('name only published DfE measures, with the same unit', () => {
    const withBenchmark = all.filter((d) => d.benchmark !== undefined);
    assert.deepEqual(
      withBenchmark.map((d) => d.id),
      ['cla-per-10k', 'cla-starts-per-10k', 'cla-ceases-per-10k', 'cla-3-plus-placements', 'cla-long-term-stability'],
    );
    for (const d of withBenchmark)
      assert.equal(BENCHMARK_MEASURES.find((m) => m.id === d.benchmark)?.unit, d.unit, d.id);
  });

  it('say what they divide by whenever the unit is a percentage or an average', () => {
    for (const d of all.filter((x) => x.unit === 'percent' || x.unit === 'days' || x.unit === 'weeks'))
      assert.ok(d.definition.denominator, d.id);
  });

  it('have green and amber thresholds on the right side of each other for their polarity', () => {
    for (const d of all.filter((x) => x.green !== undefined && x.amber !== undefined)) {
      const [green, amber] = [d.green as number, d.amber as number];
      if (d.polarity === 'higher') assert.ok(green >= amber, d.id);
      if (d.polarity === 'lower') assert.ok(green <= amber, d.id);
    }
  });
});
