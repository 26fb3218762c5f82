/**
 * The trackers on hand-built children, as at Friday 27 March 2026. The due window runs to the 10th working day
 * after it: 30, 31 Mar, 1, 2 Apr (4), [3 Apr Good Friday, 6 Apr Easter Monday], 7–10 Apr (8), 13, 14 Apr (10),
 * so it ends on Tuesday 14 April 2026 and Wednesday 15 April is the 11th working day.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { accessLogRepository } from '../../accounts/access-log/repository';
import { createAuditor } from '../../accounts/access-log/auditor';
import { ladoReferrals, accessLog } from '../../db/schema/index';
import { eq } from 'drizzle-orm';
import { describeEachEngine } from '../../../test/support/databases';
import {
  buildAllocation,
  buildAuthority,
  buildCareLeaver,
  buildChild,
  buildCinPlan,
  buildClaReview,
  buildCpPlan,
  buildEarlyHelp,
  buildMissingEpisode,
  buildPathwayPlanReview,
  buildPeriodOfCare,
  buildPermanenceMilestone,
  buildPreProceedings,
  buildReferral,
  buildStrategyDiscussion,
  buildTeam,
  buildVisit,
  buildWorker,
} from '../../../test/support/builders';
import { trackersService, type TrackerRow, type Viewer } from './service';

const AS_AT = '2026-03-27';

function audit(action = 'tracker.view') {
  return createAuditor(accessLogRepository(), { userId: null, username: 'test', authorityId: null }, action, null);
}

/** One line per row: child's first name, kind, due date, status, working days. */
const lines = (rows: TrackerRow[]) =>
  rows.map((r) => `${r.firstName ?? '-'} ${r.kind} ${r.dueDate} ${r.status} ${r.workingDays ?? '-'}`).sort();

// Every case twice: today's items kept in work_due (as the pages read them) and derived from the events each time.
for (const keep of [true, false])
  describeEachEngine(`trackers (${keep ? 'kept for today' : 'derived'})`, (ctx) => {
    let la: { id: number };
    let la2: { id: number };
    let teamA: { id: number };
    let teamB: { id: number };
    let wa: { id: number };
    let wa2: { id: number };
    let w2a: { id: number };
    let authorityViewer: Viewer;
    let teamViewer: Viewer;
    let service: ReturnType<typeof trackersService>;

    before(async () => {
      const db = ctx.database.db;
      service = trackersService(db, { today: () => AS_AT, keep });
      la = await buildAuthority(db);
      la2 = await buildAuthority(db);
      teamA = await buildTeam(db, { authorityId: la.id, name: 'Team A' });
      teamB = await buildTeam(db, { authorityId: la.id, name: 'Team B' });
      wa = await buildWorker(db, { authorityId: la.id, teamId: teamA.id, name: 'Worker Alpha' });
      wa2 = await buildWorker(db, { authorityId: la.id, teamId: teamA.id, name: 'Worker Another' });
      const wb = await buildWorker(db, { authorityId: la.id, teamId: teamB.id, name: 'Worker Bravo' });
      authorityViewer = {
        authorityId: la.id,
        role: 'head-of-service',
        scope: { kind: 'authority', authorityId: la.id },
        workerId: null,
      };
      teamViewer = {
        authorityId: la.id,
        role: 'team-manager',
        scope: { kind: 'team', authorityId: la.id, teamId: teamA.id },
        workerId: null,
      };

      const child = async (
        firstName: string,
        teamId: number | null,
        workerId: number | null,
        extra: { end?: string } = {},
      ) => {
        const c = await buildChild(db, { authorityId: la.id, firstName });
        if (teamId !== null)
          await buildAllocation(db, {
            child: c,
            teamId,
            workerId,
            startDate: '2025-01-01',
            endDate: extra.end ?? null,
          });
        return c;
      };

      // Cai: CP visit on Fri 13 Mar → 10 working days later is today, 27 Mar (due, 0 days). Review 13 Jun: outside.
      const cai = await child('Cai', teamA.id, wa.id);
      const caiRef = await buildReferral(db, cai, { referralDate: '2026-02-02' });
      await buildCpPlan(db, cai, { cinEpisodeId: caiRef.id, startDate: '2026-03-13' });
      await buildVisit(db, cai, { kind: 'cp', visitDate: '2026-03-13' });
      // The referral's assessment was authorised, so no assessment is due.
      await ctx.database.exec(
        `insert into assessments (authority_id, child_id, cin_episode_id, start_date, authorisation_date) values (${la.id}, ${cai.id}, ${caiRef.id}, '2026-02-03', '2026-03-01')`,
      );

      // Dee: CP plan from 2 Mar, visited today → next visit 14 Apr across Easter (due in exactly 10 working days).
      const dee = await child('Dee', teamA.id, wa.id);
      const deeRef = await buildReferral(db, dee, { referralDate: '2026-02-02', referralNfa: true });
      await buildCpPlan(db, dee, { cinEpisodeId: deeRef.id, startDate: '2026-03-02' });
      await buildVisit(db, dee, { kind: 'cp', visitDate: '2026-03-27' });
      await buildVisit(db, dee, { kind: 'cp', visitDate: '2026-03-20', seen: false }); // not seen: does not count

      // Eve (worker Another): CIN plan from 10 Dec 2025 (reviews 10 Mar, 10 Jun), visited Fri 13 Mar → 20 working
      // days later is 14 Apr (16–20 Mar 5, 23–27 Mar 10, 30 Mar–2 Apr 14, 7–10 Apr 18, 13, 14 Apr 20): due, 10.
      const eve = await child('Eve', teamA.id, wa2.id);
      const eveRef = await buildReferral(db, eve, { referralDate: '2025-11-01', referralNfa: true });
      await buildCinPlan(db, eve, { cinEpisodeId: eveRef.id, startDate: '2025-12-10' });
      await buildVisit(db, eve, { kind: 'cin', visitDate: '2026-03-13' });
      // Fay: the same, visited Mon 16 Mar → due 15 Apr, the 11th working day: not shown.
      const fay = await child('Fay', teamA.id, wa.id);
      const fayRef = await buildReferral(db, fay, { referralDate: '2025-11-01', referralNfa: true });
      await buildCinPlan(db, fay, { cinEpisodeId: fayRef.id, startDate: '2025-12-10' });
      await buildVisit(db, fay, { kind: 'cin', visitDate: '2026-03-16' });

      // Gus: strategy discussion Thu 5 Mar, S47, no ICPC → due 26 Mar (6 Mar 1, 9–13 6, 16–20 11, 23–26 15):
      // overdue by 1 working day. His referral (4 Mar) has its assessment due 45 working days on: outside.
      const gus = await child('Gus', teamA.id, wa.id);
      const gusRef = await buildReferral(db, gus, { referralDate: '2026-03-04' });
      await buildStrategyDiscussion(db, gus, { cinEpisodeId: gusRef.id, discussionDate: '2026-03-05' });

      // Hal: in care from Fri 13 Mar 2026, aged 13, no review, IHA or PEP → all three due 14 Apr (10 working days).
      // No placement is recorded, so no visit row; dental and SDQ fall due in 2027.
      const hal = await child('Hal', teamA.id, wa.id);
      await buildPeriodOfCare(db, hal, { startDate: '2026-03-13' });
      // Ivy: in care from Mon 16 Mar → review, IHA, PEP due 15 Apr: the 11th working day, not shown.
      const ivy = await child('Ivy', teamA.id, wa.id);
      await buildPeriodOfCare(db, ivy, { startDate: '2026-03-16' });

      // Jon: his allocation to team A ended on 20 Mar (case closed): his overdue CP visit no longer appears.
      const jon = await child('Jon', teamA.id, wa.id, { end: '2026-03-20' });
      const jonRef = await buildReferral(db, jon, { referralDate: '2026-02-02', referralNfa: true });
      await buildCpPlan(db, jon, { cinEpisodeId: jonRef.id, startDate: '2026-03-02' });

      // Kit (team B): CP plan from Mon 2 Mar, never visited → due 16 Mar (3–6 4, 9–13 9, 16 10): overdue by 9
      // (17–20 4, 23–27 9).
      const kit = await child('Kit', teamB.id, wb.id);
      const kitRef = await buildReferral(db, kit, { referralDate: '2026-02-02', referralNfa: true });
      await buildCpPlan(db, kit, { cinEpisodeId: kitRef.id, startDate: '2026-03-02' });

      // Liv: an early help request to team A on Fri 13 Mar, not allocated → due today (10 working days).
      const liv = await child('Liv', null, null);
      await buildEarlyHelp(db, liv, { requestDate: '2026-03-13', teamId: teamA.id });

      // A LADO referral on Thu 26 Mar about an adult, no child known → initial consideration due today.
      await db.insert(ladoReferrals).values({ authorityId: la.id, referralDate: '2026-03-26' });

      // Max: back from missing on Fri 20 Mar, no return home interview offered → due Mon 23 Mar: overdue by 4.
      const max = await child('Max', teamA.id, wa.id);
      await buildMissingEpisode(db, max, {
        kind: 'M',
        startAt: new Date('2026-03-19T20:00:00Z'),
        endAt: new Date('2026-03-20T10:00:00Z'),
      });

      // ——— a second authority for the other trackers ———
      const t2 = await buildTeam(db, { authorityId: la2.id, name: 'Team Two' });
      w2a = await buildWorker(db, { authorityId: la2.id, teamId: t2.id, name: 'Worker Two' });
      const w2b = await buildWorker(db, { authorityId: la2.id, teamId: t2.id, name: 'Worker Three' });
      const child2 = async (
        firstName: string,
        workerId: number,
        dateOfBirth = '2012-06-15',
        role = 'social-worker',
      ) => {
        const c = await buildChild(db, { authorityId: la2.id, firstName, dateOfBirth });
        await buildAllocation(db, { child: c, teamId: t2.id, workerId, role, startDate: '2025-01-01' });
        return c;
      };
      // Nia: pre-proceedings from Mon 8 Dec 2025, no decision → 16 weeks is 30 Mar 2026 (23 + 31 + 28 + 30 days):
      // due in 1 working day; 109 days elapsed = 15 weeks.
      const nia = await child2('Nia', w2a.id);
      await buildPreProceedings(db, nia, {
        startDate: '2025-12-08',
        letterBeforeProceedingsDate: '2025-12-08',
        initialMeetingDate: '2025-12-15',
        reviewMeetings: 1,
      });
      // Oli: in care from 2 Jun 2025, reviews 27 Jun and 26 Sep, no permanence plan → overdue since 26 Sep;
      // adoption decision 1 Oct, not placed: A1 due 2 Jun 2025 + 426 = 2 Aug 2026 (in time); placement order
      // 20 Nov 2025, not matched: A2 due + 121 = 21 Mar 2026 (10 + 31 + 31 + 28 + 21): past it.
      const oli = await child2('Oli', w2a.id, '2024-01-10');
      const oliCare = await buildPeriodOfCare(db, oli, { startDate: '2025-06-02' });
      await buildClaReview(db, oli, { periodOfCareId: oliCare.id, reviewDate: '2025-06-27' });
      await buildClaReview(db, oli, { periodOfCareId: oliCare.id, reviewDate: '2025-09-26' });
      await buildPermanenceMilestone(db, oli, {
        periodOfCareId: oliCare.id,
        admDecisionDate: '2025-10-01',
        placementOrderDate: '2025-11-20',
      });
      // Pia: in care from 13 Mar 2026 with a plan already: not in the permanence tracker.
      const pia = await child2('Pia', w2a.id);
      await buildPeriodOfCare(db, pia, {
        startDate: '2026-03-13',
        permanencePlan: 'return-home',
        permanencePlanDate: '2026-03-20',
      });
      // CIN plans: Quin from 27 Sep 2025 (6 months today), Ray from 14 Oct (6 months on 14 Apr, the window's last
      // day), Sam from 15 Oct (15 Apr, outside).
      for (const [name, start] of [
        ['Quin', '2025-09-27'],
        ['Ray', '2025-10-14'],
        ['Sam', '2025-10-15'],
      ] as const) {
        const c = await child2(name, name === 'Sam' ? w2b.id : w2a.id);
        const ref = await buildReferral(db, c, { referralDate: '2025-09-01', referralNfa: true });
        await buildCinPlan(db, c, { cinEpisodeId: ref.id, startDate: start });
      }
      // Tia: back on Fri 20 Mar, interview offered 21 Mar (in time); Uma: back Wed 25 Mar 22:30 (GMT), not offered →
      // due Sat 28 Mar: due, 0 working days to go.
      const tia = await child2('Tia', w2a.id);
      await buildMissingEpisode(db, tia, {
        kind: 'A',
        startAt: new Date('2026-03-20T01:00:00Z'),
        endAt: new Date('2026-03-20T10:00:00Z'),
        rhiOfferedDate: '2026-03-21',
      });
      const uma = await child2('Uma', w2a.id);
      await buildMissingEpisode(db, uma, {
        kind: 'M',
        startAt: new Date('2026-03-25T08:00:00Z'),
        endAt: new Date('2026-03-25T22:30:00Z'),
      });
      // Vic: care leaver (born 1 Mar 2007) with no personal adviser → 17½ was 1 Sep 2024: overdue; last pathway plan
      // review 1 Aug 2025 → due 1 Feb 2026: overdue. Wes: a PA and a review on 15 Jan → due 15 Jul: not listed.
      const vic = await child2('Vic', w2a.id, '2007-03-01');
      await buildCareLeaver(db, vic, { eligibility: 'former-relevant', startDate: '2025-03-01' });
      await buildPathwayPlanReview(db, vic, { reviewDate: '2025-08-01' });
      const wes = await child2('Wes', w2a.id, '2007-05-01', 'personal-adviser');
      await buildCareLeaver(db, wes, {
        eligibility: 'former-relevant',
        startDate: '2025-05-01',
        personalAdviserId: w2a.id,
      });
      await buildPathwayPlanReview(db, wes, { reviewDate: '2026-01-15' });
      // Xan: a care leaver with no PA and no open allocation at all (born 1 Jan 2006 → 17½ on 1 Jul 2023).
      const xan = await buildChild(db, { authorityId: la2.id, firstName: 'Xan', dateOfBirth: '2006-01-01' });
      await buildCareLeaver(db, xan, { eligibility: 'former-relevant', startDate: '2024-01-01' });
    });

    it('lists everything overdue or due within 10 working days, authority-wide, with the boundaries', async () => {
      const result = await service.run(authorityViewer, 'due', {}, audit());
      assert.equal(result.windowEnd, '2026-04-14');
      assert.deepEqual(
        lines(result.rows),
        [
          'Liv early-help-allocation 2026-03-27 due 0',
          '- lado 2026-03-27 due 0',
          'Cai cp-visit 2026-03-27 due 0',
          'Dee cp-visit 2026-04-14 due 10',
          'Eve cin-visit 2026-04-14 due 10',
          'Gus icpc 2026-03-26 overdue 1',
          'Hal cla-review 2026-04-14 due 10',
          'Hal iha 2026-04-14 due 10',
          'Hal pep 2026-04-14 due 10',
          'Kit cp-visit 2026-03-16 overdue 9',
          'Max rhi 2026-03-23 overdue 4',
        ].sort(),
      );
      assert.equal(result.overdue, 3);
      const kit = result.rows.find((r) => r.firstName === 'Kit');
      assert.equal(kit?.team, 'Team B');
      assert.equal(kit?.worker, 'Worker Bravo');
    });

    it('a team manager sees only their own team: never team B, nor an unallocated child or a LADO referral', async () => {
      const result = await service.run(teamViewer, 'due', { teamId: teamB.id }, audit());
      assert.equal(result.filters.teamId, teamA.id, 'the team filter is always their own');
      const names = new Set(result.rows.map((r) => r.firstName));
      assert.deepEqual([...names].sort(), ['Cai', 'Dee', 'Eve', 'Gus', 'Hal', 'Max']);
    });

    it('filters by team, worker, kind and status, and sorts', async () => {
      const teamB = await service.run(
        authorityViewer,
        'due',
        { teamId: (await service.teamByName(la.id, 'team b'))?.id ?? null },
        audit(),
      );
      assert.deepEqual(lines(teamB.rows), ['Kit cp-visit 2026-03-16 overdue 9']);
      const another = await service.run(authorityViewer, 'due', { workerId: wa2.id }, audit());
      assert.deepEqual(lines(another.rows), ['Eve cin-visit 2026-04-14 due 10']);
      const visits = await service.run(authorityViewer, 'due', { kind: 'cp-visit', sort: 'status' }, audit());
      assert.deepEqual(
        visits.rows.map((r) => r.firstName),
        ['Kit', 'Cai', 'Dee'],
        'most overdue first, then soonest due',
      );
      const overdue = await service.run(
        authorityViewer,
        'due',
        { status: 'overdue', sort: 'child', order: 'desc' },
        audit(),
      );
      assert.deepEqual(
        overdue.rows.map((r) => r.firstName),
        ['Max', 'Kit', 'Gus'],
      );
      await assert.rejects(service.run(authorityViewer, 'due', { kind: 'nonsense' }, audit()), /kind of work/);
    });

    it('a social worker with a worker record sees their own caseload by default, and the whole team on asking', async () => {
      const sw: Viewer = {
        authorityId: la.id,
        role: 'social-worker',
        scope: { kind: 'team', authorityId: la.id, teamId: teamA.id },
        workerId: wa2.id,
      };
      const own = await service.run(sw, 'due', {}, audit());
      assert.deepEqual(lines(own.rows), ['Eve cin-visit 2026-04-14 due 10']);
      const team = await service.run(sw, 'due', { workerId: null }, audit());
      assert.equal(team.rows.length, 8);
    });

    it('records the tracker and its filters in the access log, never child data', async () => {
      const db = ctx.database.db;
      await service.run(authorityViewer, 'due', { kind: 'icpc' }, audit('tracker.download'));
      const [entry] = await db.select().from(accessLog).where(eq(accessLog.action, 'tracker.download'));
      assert.equal(entry?.recordId, 'due');
      assert.deepEqual(entry?.detail, { asAt: AS_AT, team: null, worker: null, kind: 'icpc', status: null, rows: 1 });
    });

    it('PLO: weeks elapsed and the decision due at 16 weeks', async () => {
      const viewer: Viewer = {
        authorityId: la2.id,
        role: 'analyst',
        scope: { kind: 'authority', authorityId: la2.id },
        workerId: null,
      };
      const result = await service.run(viewer, 'plo', {}, audit());
      assert.deepEqual(lines(result.rows), ['Nia pre-proceedings 2026-03-30 due 1']);
      assert.equal(result.rows[0]?.weeksElapsed, 15);
      assert.match(
        result.rows[0]?.notes ?? '',
        /letter before proceedings 8 Dec 2025; initial meeting 15 Dec 2025; 1 review meeting$/,
      );
    });

    it('permanence: no plan by the second review, and adoption against A1 and A2', async () => {
      const viewer: Viewer = {
        authorityId: la2.id,
        role: 'analyst',
        scope: { kind: 'authority', authorityId: la2.id },
        workerId: null,
      };
      const result = await service.run(viewer, 'permanence', {}, audit());
      // Working days from 27 Mar to Sun 2 Aug 2026: Mar 2 + Apr 20 (22 less Good Friday, Easter Monday) + May 19
      // (21 less 4 and 25 May) + Jun 22 + Jul 23 = 86. From Sat 21 Mar: 23–27 Mar = 5. From Fri 26 Sep 2025:
      // Sep 2 + Oct 23 + Nov 20 + Dec 21 (less 25, 26) + Jan 21 (less 1 Jan) + Feb 20 + Mar 20 = 127.
      assert.deepEqual(
        lines(result.rows),
        [
          'Oli adoption-a1 2026-08-02 on-track 86',
          'Oli adoption-a2 2026-03-21 overdue 5',
          'Oli permanence-plan 2025-09-26 overdue 127',
        ].sort(),
      );
    });

    it('the CIN panel list: plans open 6 months or more, and those reaching it in the window', async () => {
      const viewer: Viewer = {
        authorityId: la2.id,
        role: 'analyst',
        scope: { kind: 'authority', authorityId: la2.id },
        workerId: null,
      };
      const result = await service.run(viewer, 'cin-panel', {}, audit());
      assert.deepEqual(lines(result.rows), ['Quin cin-panel 2026-03-27 overdue 0', 'Ray cin-panel 2026-04-14 due 10']);
      assert.equal(result.rows.find((r) => r.firstName === 'Quin')?.statusLabel, 'Open 6 months or more');
    });

    it('return home interviews: offered in time, and not yet offered', async () => {
      const viewer: Viewer = {
        authorityId: la2.id,
        role: 'analyst',
        scope: { kind: 'authority', authorityId: la2.id },
        workerId: null,
      };
      const result = await service.run(viewer, 'rhi', {}, audit());
      assert.deepEqual(lines(result.rows), ['Tia rhi 2026-03-23 done -', 'Uma rhi 2026-03-28 due 0']);
      assert.equal(result.rows.find((r) => r.firstName === 'Tia')?.notes, 'Away from placement, offered 21 Mar 2026');
    });

    it('care leavers without a personal adviser or an up-to-date pathway plan; caseloads per worker', async () => {
      const viewer: Viewer = {
        authorityId: la2.id,
        role: 'analyst',
        scope: { kind: 'authority', authorityId: la2.id },
        workerId: null,
      };
      const leavers = await service.run(viewer, 'care-leavers', {}, audit());
      // 1 Sep 2024 → 27 Mar 2026 and 1 Feb 2026 → 27 Mar 2026 in working days, by the calendar table.
      assert.deepEqual(leavers.rows.map((r) => `${r.firstName} ${r.kind} ${r.dueDate} ${r.status}`).sort(), [
        'Vic no-pa 2024-09-01 overdue',
        'Vic pathway-plan-review 2026-02-01 overdue',
        'Xan no-pa 2023-07-01 overdue',
      ]);
      assert.equal(leavers.rows.find((r) => r.firstName === 'Xan')?.team, null);
      const teamOnly = await service.run(
        viewer,
        'care-leavers',
        { teamId: (await service.teamByName(la2.id, 'Team Two'))?.id ?? null },
        audit(),
      );
      assert.ok(!teamOnly.rows.some((r) => r.firstName === 'Xan'), 'no team: only in the whole-authority view');
      const caseloads = await service.run(viewer, 'caseloads', { sort: 'children', order: 'desc' }, audit());
      // Worker Two: Nia, Oli, Pia, Quin, Ray, Tia, Uma, Vic, Wes = 9 children, 2 in care (Oli, Pia), 2 care leavers.
      assert.deepEqual(
        caseloads.caseloads.map((c) => `${c.worker} ${c.children} ${c.cp} ${c.cla} ${c.careLeavers}`),
        ['Worker Two 9 0 2 2', 'Worker Three 1 0 0 0'],
      );
    });

    it('counts every tracker for the index', async () => {
      const counts = await service.counts(authorityViewer);
      const due = counts.find((c) => c.id === 'due');
      assert.deepEqual([due?.total, due?.overdue], [11, 3]);
      assert.equal(counts.length, 7);
    });
  });
