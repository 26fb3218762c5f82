/**
 * The deadlines after an inspection and the next-inspection window, every date counted by hand on a calendar.
 * Day 0 is the day the report was received; the Nth working day after it is the deadline.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  actionPlanOnTime,
  applicableDeadlines,
  deadlineStatus,
  inspectionDeadlines,
  nextInspection,
  type DeadlineInput,
  type GradedInspection,
} from './inspection-deadlines';

function input(values: Partial<DeadlineInput>): DeadlineInput {
  return {
    kind: 'ilacs-standard',
    reportReceivedOn: null,
    hasPriorityActions: false,
    publishedOn: null,
    actionPlanSentOn: null,
    ...values,
  };
}

function due(values: Partial<DeadlineInput>, key: string, today = '2030-01-01'): string | undefined {
  return inspectionDeadlines(input(values), today).find((d) => d.key === key)?.due;
}

describe('statutory deadlines after an inspection', () => {
  it('Haringey 2018: report received Wednesday 5 December 2018 → action plan due Monday 18 March 2019 (70 working days over Christmas)', () => {
    // Dec: 6,7 (2) · 10–14 (7) · 17–21 (12) · 24 (13) · 25 Christmas, 26 Boxing Day · 27,28 (15) · 31 (16)
    // Jan: 1 New Year's Day · 2–4 (19) · 7–11 (24) · 14–18 (29) · 21–25 (34) · 28–1 Feb (39)
    // Feb: 4–8 (44) · 11–15 (49) · 18–22 (54) · 25–1 Mar (59) · Mar: 4–8 (64) · 11–15 (69) · Monday 18 (70).
    // The date Haringey's committee report gives for Ofsted's deadline (Haringey's report to its Children and Young People's Scrutiny Panel, 19 March 2019, paragraph 3.6).
    assert.equal(due({ reportReceivedOn: '2018-12-05' }, 'action-plan'), '2019-03-18');
    assert.equal(
      inspectionDeadlines(input({ reportReceivedOn: '2018-12-05' }), '2019-01-01').find((d) => d.key === 'action-plan')
        ?.workingDays,
      70,
      'the rule’s count is kept',
    );
    // The same receipt: publish within 30 working days: … 14–18 Jan (29) · Monday 21 January (30).
    assert.equal(due({ reportReceivedOn: '2018-12-05' }, 'publish-report'), '2019-01-21');
  });

  it('publishing across Easter and the early May bank holiday: received Monday 8 April 2019 → Thursday 23 May 2019 (30 working days)', () => {
    // Apr: 9–12 (4) · 15–18 (8) · 19 Good Friday · 22 Easter Monday · 23–26 (12) · 29–3 May (17)
    // May: 6 early May bank holiday · 7–10 (21) · 13–17 (26) · 20, 21, 22, Thursday 23 (30).
    assert.equal(due({ reportReceivedOn: '2019-04-08' }, 'publish-report'), '2019-05-23');
  });

  it('a draft plan after priority actions, over Christmas: letter received Friday 14 December 2018 → Wednesday 16 January 2019 (20 working days)', () => {
    // Dec: 17–21 (5) · 24 (6) · 25, 26 holidays · 27, 28 (8) · 31 (9) · Jan: 1 holiday · 2–4 (12) · 7–11 (17) · 14, 15, Wednesday 16 (20).
    const deadlines = inspectionDeadlines(
      input({ kind: 'focused-visit', hasPriorityActions: true, reportReceivedOn: '2018-12-14' }),
      '2030-01-01',
    );
    assert.deepEqual(
      deadlines.map((d) => d.key),
      ['draft-action-plan', 'action-plan'],
    );
    assert.equal(deadlines[0]?.due, '2019-01-16');
  });

  it('receipt on a Saturday counts from that day as day 0: Saturday 22 December 2018 → Wednesday 23 January 2019 (20 working days)', () => {
    // Dec: 24 (1) · 25, 26 holidays · 27, 28 (3) · 31 (4) · Jan: 1 holiday · 2–4 (7) · 7–11 (12) · 14–18 (17) · 21, 22, Wednesday 23 (20).
    assert.equal(
      due({ kind: 'focused-visit', hasPriorityActions: true, reportReceivedOn: '2018-12-22' }, 'draft-action-plan'),
      '2019-01-23',
    );
  });

  it('which deadlines apply to which activity', () => {
    assert.deepEqual(
      applicableDeadlines('ilacs-short', false).map((r) => r.key),
      ['publish-report', 'action-plan'],
    );
    assert.deepEqual(
      applicableDeadlines('sif', false).map((r) => r.key),
      ['publish-report', 'action-plan'],
    );
    assert.deepEqual(
      applicableDeadlines('jtai', false).map((r) => r.key),
      ['publish-report', 'action-plan'],
    );
    assert.deepEqual(
      applicableDeadlines('focused-visit', true).map((r) => r.key),
      ['draft-action-plan', 'action-plan'],
    );
    assert.deepEqual(applicableDeadlines('focused-visit', false), []);
    assert.deepEqual(applicableDeadlines('monitoring-visit', false), []);
    assert.deepEqual(applicableDeadlines('engagement-meeting', false), []);
    assert.deepEqual(applicableDeadlines('self-evaluation', false), []);
  });

  it('no clock without the date the report was received', () => {
    assert.deepEqual(inspectionDeadlines(input({ reportReceivedOn: null }), '2019-01-01'), []);
  });

  it('an action plan sent on the 70th working day is on time; one working day later is late', () => {
    // Due Monday 18 March 2019 (above). Tuesday 19 March is one working day late.
    const onTheDay = input({ reportReceivedOn: '2018-12-05', actionPlanSentOn: '2019-03-18' });
    const dayLate = input({ reportReceivedOn: '2018-12-05', actionPlanSentOn: '2019-03-19' });
    const a = inspectionDeadlines(onTheDay, '2019-06-01').find((d) => d.key === 'action-plan');
    const b = inspectionDeadlines(dayLate, '2019-06-01').find((d) => d.key === 'action-plan');
    assert.equal(a?.status, 'met');
    assert.equal(a?.statusText, 'Sent on time');
    assert.equal(b?.status, 'late');
    assert.equal(b?.workingDaysLate, 1);
    assert.equal(a?.workingDaysLate, 0);
    assert.equal(b?.statusText, 'Sent 1 working day late');
    assert.equal(actionPlanOnTime(onTheDay), true);
    assert.equal(actionPlanOnTime(dayLate), false);
    assert.equal(actionPlanOnTime(input({ reportReceivedOn: '2018-12-05' })), null, 'not sent yet: no answer');
    assert.equal(
      actionPlanOnTime(
        input({ kind: 'monitoring-visit', reportReceivedOn: '2018-12-05', actionPlanSentOn: '2019-01-01' }),
      ),
      null,
      'no plan is due after a monitoring visit',
    );
  });

  it('not yet sent: due (with working days left) until the day itself, overdue the working day after', () => {
    const received = input({ reportReceivedOn: '2018-12-05' });
    // Friday 15 March → Monday 18 March is 1 working day.
    const friday = inspectionDeadlines(received, '2019-03-15').find((d) => d.key === 'action-plan');
    assert.equal(friday?.status, 'due');
    assert.equal(friday?.statusText, 'Due in 1 working day');
    const onTheDay = inspectionDeadlines(received, '2019-03-18').find((d) => d.key === 'action-plan');
    assert.equal(onTheDay?.status, 'due');
    assert.equal(onTheDay?.statusText, 'Due today');
    // Wednesday 20 March: 19 and 20 are 2 working days past Monday 18.
    const late = inspectionDeadlines(received, '2019-03-20').find((d) => d.key === 'action-plan');
    assert.equal(late?.status, 'overdue');
    assert.equal(late?.workingDaysLeft, -2);
    assert.equal(friday?.workingDaysLeft, 1);
    assert.equal(onTheDay?.workingDaysLeft, 0);
    assert.equal(late?.statusText, 'Overdue by 2 working days');
  });

  it('the report published after its deadline is late', () => {
    // Due Monday 21 January 2019; published Wednesday 23 January: 22, 23 = 2 working days late.
    const d = inspectionDeadlines(
      input({ reportReceivedOn: '2018-12-05', publishedOn: '2019-01-23' }),
      '2019-02-01',
    ).find((x) => x.key === 'publish-report');
    assert.equal(d?.status, 'late');
    assert.equal(d?.statusText, 'Published 2 working days late');
  });

  it('the draft plan: met when the final plan went by its date; unknown (not overdue) once past it, since Lantern keeps no draft date', () => {
    const visit = { kind: 'focused-visit' as const, hasPriorityActions: true, reportReceivedOn: '2018-12-14' };
    // Draft due Wednesday 16 January 2019.
    const met = inspectionDeadlines(input({ ...visit, actionPlanSentOn: '2019-01-16' }), '2019-02-01').find(
      (d) => d.key === 'draft-action-plan',
    );
    assert.equal(met?.status, 'met');
    const past = inspectionDeadlines(input({ ...visit, actionPlanSentOn: '2019-01-17' }), '2019-02-01').find(
      (d) => d.key === 'draft-action-plan',
    );
    assert.equal(past?.status, 'unknown');
    const waiting = inspectionDeadlines(input(visit), '2019-01-16').find((d) => d.key === 'draft-action-plan');
    assert.equal(waiting?.status, 'due');
  });

  it('deadlineStatus on the boundaries', () => {
    assert.equal(deadlineStatus('2019-03-18', '2019-03-18', '2019-04-01'), 'met');
    assert.equal(deadlineStatus('2019-03-18', '2019-03-19', '2019-04-01'), 'late');
    assert.equal(deadlineStatus('2019-03-18', null, '2019-03-18'), 'due');
    assert.equal(deadlineStatus('2019-03-18', null, '2019-03-19'), 'overdue');
    assert.equal(deadlineStatus('2019-03-18', null, '2019-03-19', false), 'unknown');
  });
});

function graded(values: Partial<GradedInspection>): GradedInspection {
  return {
    kind: 'ilacs-standard',
    framework: 'ilacs-2023',
    startDate: '2024-06-10',
    endDate: '2024-06-14',
    reportReceivedOn: null,
    grades: {},
    ...values,
  };
}

describe('the next inspection', () => {
  it('good overall (Barnet, short inspection ended 14 June 2024) → short inspection expected 14 June 2027, 14 December 2026 to 14 December 2027', () => {
    // 36 months after 14 June 2024 = 14 June 2027; −6 months = 14 December 2026; +6 months = 14 December 2027.
    const next = nextInspection(
      graded({ kind: 'ilacs-short', grades: { overall: 'good', leaders: 'good', 'children-in-care': 'outstanding' } }),
    );
    assert.equal(next.route, 'short');
    if (next.route !== 'short') return;
    assert.equal(next.kind, 'ilacs-short');
    assert.deepEqual(next.window, { earliest: '2026-12-14', expected: '2027-06-14', latest: '2027-12-14' });
    assert.deepEqual(next.decidedBy, { judgement: 'overall', grade: 'good' });
    assert.equal(next.verified, true);
    assert.equal(
      next.basis,
      'Overall effectiveness was judged good (inspection ended 14 June 2024), so the next is a short inspection about 3 years later (14 June 2027), usually between 14 December 2026 and 14 December 2027.',
    );
  });

  it('outstanding overall also → short', () => {
    assert.equal(nextInspection(graded({ grades: { overall: 'outstanding' } })).route, 'short');
  });

  it('requires improvement overall (Haringey, ended 9 November 2018) → standard inspection, 9 May 2021 to 9 May 2022', () => {
    const next = nextInspection(
      graded({
        framework: 'ilacs-2018',
        startDate: '2018-10-22',
        endDate: '2018-11-09',
        grades: { overall: 'requires-improvement', leaders: 'requires-improvement' },
      }),
    );
    assert.equal(next.route, 'standard');
    if (next.route !== 'standard') return;
    assert.deepEqual(next.window, { earliest: '2021-05-09', expected: '2021-11-09', latest: '2022-05-09' });
  });

  it('counts from the start date when no end date is recorded, and clamps to the end of a short month', () => {
    // Ended 29 February 2024 (no end date: the start) + 36 months = 28 February 2027 (2027 is not a leap year);
    // 30 months = 29 August 2026; 42 months = 29 August 2027.
    const next = nextInspection(graded({ startDate: '2024-02-29', endDate: null, grades: { overall: 'good' } }));
    assert.equal(next.route, 'short');
    if (next.route !== 'short') return;
    assert.deepEqual(next.window, { earliest: '2026-08-29', expected: '2027-02-28', latest: '2027-08-29' });
  });

  it('the overall grade decides, not the leaders grade (before April 2026)', () => {
    // Overall RI although leaders were inadequate (like Doncaster 2022 in Ofsted's history table) → standard, not monitoring.
    assert.equal(
      nextInspection(graded({ grades: { overall: 'requires-improvement', leaders: 'inadequate' } })).route,
      'standard',
    );
  });

  it('inadequate → the monitoring route: report received Wednesday 10 April 2019 → plan due Tuesday 23 July 2019, first monitoring visit about Tuesday 20 August 2019', () => {
    // 70 working days from 10 April 2019:
    // Apr: 11, 12 (2) · 15–18 (6) · 19 Good Friday · 22 Easter Monday · 23–26 (10) · 29–3 May (15)
    // May: 6 bank holiday · 7–10 (19) · 13–17 (24) · 20–24 (29) · 27 spring bank holiday · 28–31 (33)
    // Jun: 3–7 (38) · 10–14 (43) · 17–21 (48) · 24–28 (53) · Jul: 1–5 (58) · 8–12 (63) · 15–19 (68) · 22 (69) · Tuesday 23 (70).
    // First visit: 23 July + 28 days = 20 August; then + 3 months = 20 November 2019.
    // Re-inspection (indicative): ended 15 March 2019 + 24 / 27 / 30 months = 15 March 2021 / 15 June 2021 / 15 September 2021.
    const next = nextInspection(
      graded({
        framework: 'ilacs-2018',
        startDate: '2019-03-04',
        endDate: '2019-03-15',
        reportReceivedOn: '2019-04-10',
        grades: { overall: 'inadequate' },
      }),
    );
    assert.equal(next.route, 'monitoring');
    if (next.route !== 'monitoring') return;
    assert.deepEqual(
      next.steps.map((s) => [s.label, s.date]),
      [
        ['Action-planning visit', null],
        ['Action plan due', '2019-07-23'],
        ['First monitoring visit', '2019-08-20'],
        ['Further monitoring visits', '2019-11-20'],
      ],
    );
    assert.deepEqual(next.reinspection, { earliest: '2021-03-15', expected: '2021-06-15', latest: '2021-09-15' });
    assert.match(next.basis, /\[unverified\]/);
  });

  it('inadequate with monitoring visits already made: the next is about 3 months after the latest; visits before the inspection do not count', () => {
    const next = nextInspection(
      graded({ startDate: '2019-03-04', endDate: '2019-03-15', grades: { overall: 'inadequate' } }),
      ['2018-06-01', '2019-09-10', '2019-12-03'],
    );
    assert.equal(next.route, 'monitoring');
    if (next.route !== 'monitoring') return;
    // Latest visit 3 December 2019 + 3 months = 3 March 2020; two visits since the inspection, so this is the third.
    const last = next.steps[next.steps.length - 1];
    assert.equal(last?.label, 'Monitoring visit 3');
    assert.equal(last?.date, '2020-03-03');
    // The plan's date cannot be worked out without the date the report was received.
    assert.equal(next.steps[1]?.date, null);
  });

  it('April 2026 framework (no overall grade): decided by the impact of leaders, said to be Lantern’s rule and unverified', () => {
    const base = { framework: 'ilacs-2026' as const, startDate: '2026-05-04', endDate: '2026-05-15' };
    const good = nextInspection(
      graded({ ...base, grades: { leaders: 'good', 'help-and-protection': 'requires-improvement' } }),
    );
    assert.equal(good.route, 'short');
    if (good.route !== 'short') return;
    assert.deepEqual(good.decidedBy, { judgement: 'leaders', grade: 'good' });
    assert.equal(good.verified, false);
    assert.match(good.rule, /impact of leaders/);
    assert.match(good.rule, /Ofsted’s announcement of 27 November 2025/);
    assert.match(good.rule, /\[unverified\]/);
    // 15 May 2026 + 36 months = 15 May 2029.
    assert.equal(good.window.expected, '2029-05-15');
    assert.equal(nextInspection(graded({ ...base, grades: { leaders: 'requires-improvement' } })).route, 'standard');
    assert.equal(
      nextInspection(graded({ ...base, grades: { leaders: 'inadequate', 'help-and-protection': 'good' } })).route,
      'monitoring',
    );
  });

  it('nothing to go on: no graded inspection, or the deciding grade not recorded', () => {
    assert.equal(nextInspection(null).route, 'unknown');
    const missing = nextInspection(graded({ grades: { leaders: 'good' } }));
    assert.equal(missing.route, 'unknown');
    assert.match(missing.basis, /Overall effectiveness is not recorded/);
  });
});
