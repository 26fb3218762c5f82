/**
 * The timeline's read model: date order, which deadlines need attention (only those of the latest graded
 * inspection and the activities since it), and the next inspection counted from the latest graded one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InspectionSummary } from './service';
import { buildTimeline } from './timeline';

let nextId = 1;
function summary(
  values: Partial<InspectionSummary> & Pick<InspectionSummary, 'kind' | 'startDate'>,
): InspectionSummary {
  return {
    id: nextId++,
    kindLabel: values.kind,
    framework: null,
    endDate: null,
    leadInspector: null,
    theme: null,
    reportReceivedOn: null,
    publishedOn: null,
    actionPlanSentOn: null,
    source: 'entered',
    judgements: [],
    recommendationCount: 0,
    priorityActionCount: 0,
    ...values,
  };
}

const inadequate2017 = summary({
  kind: 'sif',
  framework: 'sif',
  startDate: '2017-04-24',
  endDate: '2017-05-18',
  reportReceivedOn: '2017-06-20',
  judgements: [{ key: 'overall', grade: 'inadequate', label: 'Overall effectiveness', gradeLabel: 'Inadequate' }],
});
const monitoring = summary({ kind: 'monitoring-visit', startDate: '2017-10-03' });
const good2019 = summary({
  kind: 'ilacs-standard',
  framework: 'ilacs-2018',
  startDate: '2019-05-13',
  endDate: '2019-05-24',
  reportReceivedOn: '2019-06-26',
  publishedOn: '2019-07-01',
  judgements: [{ key: 'overall', grade: 'good', label: 'Overall effectiveness', gradeLabel: 'Good' }],
});
const visit2021 = summary({
  kind: 'focused-visit',
  startDate: '2021-02-02',
  reportReceivedOn: '2021-03-01',
  priorityActionCount: 1,
});

describe('the inspection timeline', () => {
  it('orders by date whatever order it is given', () => {
    const t = buildTimeline([visit2021, good2019, monitoring, inadequate2017], '2021-03-10');
    assert.deepEqual(
      t.entries.map((e) => e.startDate),
      ['2017-04-24', '2017-10-03', '2019-05-13', '2021-02-02'],
    );
    assert.equal(t.latestGraded?.id, good2019.id);
  });

  it('only the current activities’ open deadlines need attention: the 2017 plan never recorded as sent is not listed', () => {
    // On 10 March 2021: 2019 report published 1 July 2019 (due by 30 working days after 26 June: met); its action plan
    // (due 70 working days after 26 June 2019) has no date sent, so it is overdue. The 2021 visit's letter came on
    // Monday 1 March 2021: draft due 20 working days later, Monday 29 March 2021 (Mar 2–5 (4) · 8–12 (9) · 15–19 (14)
    // · 22–26 (19) · 29 (20)); final plan due 70 working days later. The 2017 SIF's deadlines are all past but overtaken.
    const t = buildTimeline([inadequate2017, monitoring, good2019, visit2021], '2021-03-10');
    assert.deepEqual(
      t.attention.map((a) => [a.inspection.id, a.deadline.key, a.deadline.status]),
      [
        [good2019.id, 'action-plan', 'overdue'],
        [visit2021.id, 'draft-action-plan', 'due'],
        [visit2021.id, 'action-plan', 'due'],
      ],
    );
    assert.equal(t.attention[1]?.deadline.due, '2021-03-29');
    // Every activity still shows its own deadlines on the timeline.
    assert.equal(t.entries[0]?.deadlines.length, 2);
  });

  it('the next inspection follows the latest graded one (good → short), and the monitoring route counts visits since', () => {
    const good = buildTimeline([inadequate2017, monitoring, good2019], '2021-03-10');
    assert.equal(good.next.route, 'short');
    const bad = buildTimeline([inadequate2017, monitoring], '2017-11-01');
    assert.equal(bad.next.route, 'monitoring');
    if (bad.next.route !== 'monitoring') return;
    // One monitoring visit (3 October 2017) since the inadequate SIF: the next about 3 months later, 3 January 2018.
    assert.deepEqual(bad.next.steps[bad.next.steps.length - 1], {
      label: 'Monitoring visit 2',
      date: '2018-01-03',
      approximate: true,
      basis: 'About 3 months after the latest monitoring visit (3 October 2017); 1 recorded since the inspection',
    });
  });

  it('nothing recorded: no entries, nothing needing attention, next unknown', () => {
    const t = buildTimeline([], '2026-11-22');
    assert.deepEqual([t.entries.length, t.attention.length, t.next.route, t.latestGraded], [0, 0, 'unknown', null]);
  });
});
