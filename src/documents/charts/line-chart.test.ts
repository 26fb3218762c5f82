import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineChartSvg, niceStep } from './line-chart';

describe('line chart', () => {
  it('picks gridline steps of 1, 2 or 5 × a power of ten', () => {
    // 0–87 in about 4 steps: 87 / 4 = 21.75 → magnitude 10, residual 2.175 (> 2) → 5 × 10 = 50.
    assert.equal(niceStep(87, 4), 50);
    // 0–16 in 4: 4 → residual 4 → 5.
    assert.equal(niceStep(16, 4), 5);
    // 0–8 in 4: 2 → residual 2 → 2.
    assert.equal(niceStep(8, 4), 2);
  });

  it('draws one circle per value, breaks the line at a missing value, and describes first, last and target', () => {
    const svg = lineChartSvg({
      id: 'c1',
      title: 'Re-referrals <12 months>',
      suffix: '%',
      target: 20,
      points: [
        { label: 'Jan 26', value: 25 },
        { label: 'Feb 26', value: 22.5 },
        { label: 'Mar 26', value: null },
        { label: 'Apr 26', value: 18 },
        { label: 'May 26', value: 19 },
      ],
    });
    assert.equal(svg.match(/<circle /g)?.length, 4);
    assert.equal(svg.match(/<polyline /g)?.length, 2);
    assert.match(svg, /<title id="c1-title">Re-referrals &lt;12 months&gt;<\/title>/);
    assert.match(svg, /From 25% in Jan 26 to 19% in May 26\. Target 20% \(dashed line\)\./);
    assert.match(svg, /stroke-dasharray/);
    assert.match(svg, /role="img" aria-labelledby="c1-title c1-desc"/);
  });

  it('says so when there is nothing to draw', () => {
    const svg = lineChartSvg({ id: 'c2', title: 'Empty', points: [{ label: 'Jan 26', value: null }] });
    assert.match(svg, /No values to show\./);
    assert.equal(svg.includes('<circle'), false);
  });
});
