/**
 * The demo authority's inspection history, case audits and improvement plan (inspections.ts, audits.ts,
 * improvement-plan.ts), generated with a small authority (10,000 children, 6 years) at a fixed asAt.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeEachEngine } from '../../test/support/databases';
import { rows } from '../db/query';
import { workingDaysBetween } from '../domain/working-days';
import { loadPlan, planActions } from '../features/improvement/plan';
import { indicatorById } from '../features/indicators/registry';
import { generateAudits, overallWeights, assessmentWeights } from './audits';
import type { DemoSummary } from './generate';
import { ILACS_2024_RECOMMENDATIONS, SIF_RECOMMENDATIONS, inspectionHistory } from './inspections';
import { PLAN } from './improvement-plan';

const AS_AT = '2025-11-14';
const SMALL = { seed: 7, childPopulation: 10_000, years: 6, asAt: AS_AT } as const;

describe('inspectionHistory (pure)', () => {
  test('at 14 November 2025: the SIF with 19 recommendations, 4 monitoring visits, 2019 good, a focused visit, 2024 with 5 judgements', () => {
    const h = inspectionHistory(7, AS_AT);
    const sif = h.filter((a) => a.kind === 'sif');
    assert.equal(sif.length, 1);
    assert.equal(sif[0]?.recommendations.length, 19);
    assert.deepEqual(
      sif[0]?.recommendations.map((r) => r.text),
      SIF_RECOMMENDATIONS,
    );
    assert.equal(sif[0]?.judgements.find((j) => j.judgement === 'overall')?.grade, 'inadequate');
    assert.equal(h.filter((a) => a.kind === 'monitoring-visit').length, 4);
    assert.ok(
      h
        .filter((a) => a.kind === 'monitoring-visit')
        .every((a) => a.theme && a.startDate >= '2017-06-01' && a.endDate <= '2019-12-31'),
    );
    const standard = h.filter((a) => a.kind === 'ilacs-standard');
    assert.equal(standard.length, 1);
    assert.equal(standard[0]?.framework, 'ilacs-2018');
    assert.deepEqual(
      standard[0]?.judgements.map((j) => j.grade),
      ['good', 'good', 'good', 'good'],
    );
    const focused = h.filter((a) => a.kind === 'focused-visit');
    assert.equal(focused.length, 1);
    assert.ok(focused[0]?.theme);
    const short = h.filter((a) => a.kind === 'ilacs-short');
    assert.equal(short.length, 1);
    assert.equal(short[0]?.framework, 'ilacs-2023');
    assert.equal(short[0]?.judgements.length, 5);
    assert.equal(short[0]?.judgements.find((j) => j.judgement === 'children-in-care')?.grade, 'outstanding');
    assert.equal(short[0]?.judgements.filter((j) => j.grade === 'good').length, 4);
    assert.deepEqual(
      short[0]?.recommendations.map((r) => r.text),
      ILACS_2024_RECOMMENDATIONS,
    );
    // An engagement meeting and a self-evaluation each year 2018–2025: 8 of each.
    assert.equal(h.filter((a) => a.kind === 'engagement-meeting').length, 8);
    assert.equal(h.filter((a) => a.kind === 'self-evaluation').length, 8);
    // No April-2026-style inspection, and nothing after asAt.
    assert.ok(h.every((a) => a.framework !== 'ilacs-2026'));
    assert.ok(
      h.every((a) => a.endDate <= AS_AT && (a.publishedOn ?? '') <= AS_AT && (a.actionPlanSentOn ?? '') <= AS_AT),
    );
  });

  test('statutory dates by hand: SIF ended Thu 18 May 2017; +22 working days (29 May a bank holiday) = 20 June; published 6 later = 28 June; action plan within 70', () => {
    const sif = inspectionHistory(7, AS_AT).find((a) => a.kind === 'sif');
    assert.equal(sif?.reportReceivedOn, '2017-06-20');
    assert.equal(sif?.publishedOn, '2017-06-28');
    assert.ok(sif?.actionPlanSentOn && sif.reportReceivedOn);
    assert.ok(workingDaysBetween(sif.reportReceivedOn, sif.actionPlanSentOn) <= 70, 'action plan on time');
    assert.ok(workingDaysBetween(sif.reportReceivedOn, sif.publishedOn ?? '') <= 30, 'published on time');
    // 2024: ended Fri 21 June; +15 working days = Fri 12 July.
    assert.equal(inspectionHistory(7, AS_AT).find((a) => a.kind === 'ilacs-short')?.reportReceivedOn, '2024-07-12');
  });

  test('paragraphs are numbered 1, 2, 3 … under judgement headings; overall effectiveness has none', () => {
    for (const a of inspectionHistory(7, AS_AT).filter((x) => x.judgements.length > 0)) {
      assert.ok(a.paragraphs.length >= 3 * (a.judgements.length - 1) - 2, `${a.tag} has a handful per judgement`);
      assert.deepEqual(
        a.paragraphs.map((p) => p.number),
        a.paragraphs.map((_, i) => i + 1),
      );
      assert.ok(
        a.paragraphs.every(
          (p) =>
            p.judgement !== 'overall' && p.judgement !== null && a.judgements.some((j) => j.judgement === p.judgement),
        ),
      );
    }
  });

  test('clipped to asAt: on 30 June 2024 the short inspection has ended but its report (12 July) has not arrived', () => {
    const h = inspectionHistory(7, '2024-06-30');
    const short = h.find((a) => a.kind === 'ilacs-short');
    assert.ok(short);
    assert.equal(short.reportReceivedOn, null);
    assert.equal(short.judgements.length, 0);
    assert.equal(short.recommendations.length, 0);
    assert.equal(short.paragraphs.length, 0);
    // On 20 June 2024 (fieldwork until the 21st) it is not there at all; on 17 May 2017 nothing is (the SIF ran to the 18th).
    assert.equal(inspectionHistory(7, '2024-06-20').filter((a) => a.kind === 'ilacs-short').length, 0);
    assert.equal(inspectionHistory(7, '2017-05-17').length, 0);
    assert.equal(inspectionHistory(7, '2017-05-18').length, 1);
  });

  test('deterministic from the seed: the same seed gives the same history, another seed other inspectors', () => {
    assert.deepEqual(inspectionHistory(7, AS_AT), inspectionHistory(7, AS_AT));
    const a = inspectionHistory(7, AS_AT).map((x) => x.leadInspector);
    const b = inspectionHistory(8, AS_AT).map((x) => x.leadInspector);
    assert.notDeepEqual(a, b);
  });
});

describe('audit grade weights', () => {
  test('children in care: 40% inadequate at month 0, 24% at month 12 (0.40 − 0.32 × 12/24), 8% from month 24 on', () => {
    assert.equal(overallWeights(true, 0).inadequate, 0.4);
    assert.ok(Math.abs(overallWeights(true, 12).inadequate - 0.24) < 1e-9);
    assert.ok(Math.abs(overallWeights(true, 24).inadequate - 0.08) < 1e-9);
    assert.ok(Math.abs(overallWeights(true, 60).inadequate - 0.08) < 1e-9);
    assert.ok(Math.abs(overallWeights(true, 60)['requires-improvement'] - 0.8) < 1e-9);
  });
  test('assessments good: 12% at month 0, 29.5% at month 12, 47% from month 24', () => {
    assert.equal(assessmentWeights(0).good, 0.12);
    assert.ok(Math.abs(assessmentWeights(12).good - 0.295) < 1e-9);
    assert.ok(Math.abs(assessmentWeights(36).good - 0.47) < 1e-9);
  });
});

// The same build as generate.test.ts's: in a whole run the two files share it (db-cache.ts).
describeEachEngine('the demo history in the database', { demo: SMALL }, (ctx) => {
  let summary: DemoSummary;
  let au: number;

  before(() => {
    summary = ctx.demo;
    au = summary.authorityId;
  });

  test('inspections, judgements and recommendations as written', async () => {
    const kinds = await rows<{ kind: string; n: number | string; recs: number | string; judgements: number | string }>(
      ctx.database.db,
      sql`select i.kind, count(*) as n,
            sum((select count(*) from inspection_recommendations r where r.inspection_id = i.id)) as recs,
            sum((select count(*) from inspection_judgements j where j.inspection_id = i.id)) as judgements
          from inspections i where i.authority_id = ${au} group by i.kind order by i.kind`,
    );
    const by = new Map(
      kinds.map((k) => [k.kind, { n: Number(k.n), recs: Number(k.recs), judgements: Number(k.judgements) }]),
    );
    assert.deepEqual(by.get('sif'), { n: 1, recs: 19, judgements: 7 });
    assert.deepEqual(by.get('monitoring-visit'), { n: 4, recs: 0, judgements: 0 });
    assert.deepEqual(by.get('ilacs-standard'), { n: 1, recs: 3, judgements: 4 });
    assert.deepEqual(by.get('ilacs-short'), { n: 1, recs: 4, judgements: 5 });
    assert.deepEqual(by.get('focused-visit'), { n: 1, recs: 0, judgements: 0 });
    assert.equal(by.get('engagement-meeting')?.n, 8);
    assert.equal(summary.rows.inspections, 24, '1 + 4 + 1 + 1 + 1 + 8 + 8');
    const cic = await rows<{ grade: string }>(
      ctx.database.db,
      sql`select j.grade from inspection_judgements j join inspections i on i.id = j.inspection_id where i.authority_id = ${au} and i.kind = 'ilacs-short' and j.judgement = 'children-in-care'`,
    );
    assert.deepEqual(
      cic.map((r) => r.grade),
      ['outstanding'],
    );
  });

  test('audits: 20–40 in each whole month, real children, the team of their social-worker allocation that day, every domain graded', async () => {
    const months = await rows<{ m: string; n: number | string }>(
      ctx.database.db,
      sql`select to_char(submitted_on, 'YYYY-MM') as m, count(*) as n from case_audits where authority_id = ${au} group by 1 order by 1`,
    );
    // The window is 15 November 2019 – 14 November 2025: its first and last months are part months.
    assert.equal(months[0]?.m, '2019-11');
    assert.equal(months.at(-1)?.m, '2025-11');
    for (const m of months.slice(1, -1)) assert.ok(Number(m.n) >= 20 && Number(m.n) <= 40, `${m.m}: ${m.n} audits`);
    const [bad] = await rows<{
      orphans: number | string;
      wrong_team: number | string;
      ungraded: number | string;
      late: number | string;
    }>(
      ctx.database.db,
      sql`select
            count(*) filter (where not exists (select 1 from children c where c.id = a.child_id and c.authority_id = ${au})) as orphans,
            count(*) filter (where not exists (select 1 from allocations l where l.child_id = a.child_id and l.team_id = a.team_id and l.role = 'social-worker'
                                               and l.start_date <= a.submitted_on and (l.end_date is null or l.end_date >= a.submitted_on))) as wrong_team,
            count(*) filter (where (select count(*) from case_audit_grades g where g.audit_id = a.id) <> 8) as ungraded,
            count(*) filter (where a.submitted_on > ${AS_AT}::date or a.submitted_on < date '2019-11-15') as late
          from case_audits a where a.authority_id = ${au}`,
    );
    assert.deepEqual(
      {
        orphans: Number(bad?.orphans),
        wrongTeam: Number(bad?.wrong_team),
        ungraded: Number(bad?.ungraded),
        late: Number(bad?.late),
      },
      { orphans: 0, wrongTeam: 0, ungraded: 0, late: 0 },
    );
  });

  test('audit shape: children in care inadequate ≈40% in the first three months, ≈8% in the last twelve; assessments good ≈13% then ≈47%', async () => {
    const shares = await rows<{
      early: string;
      cic_inadequate: number | string;
      cic: number | string;
      assess_good: number | string;
      audits: number | string;
    }>(
      ctx.database.db,
      sql`with a as (
            select a.*, exists (select 1 from periods_of_care p where p.child_id = a.child_id and p.start_date <= a.submitted_on
                                 and (p.end_date is null or p.end_date >= a.submitted_on)) as in_care,
                   case when a.submitted_on < date '2020-02-15' then 'early' when a.submitted_on > date '2024-11-14' then 'late' end as phase
            from case_audits a where a.authority_id = ${au})
          select phase as early,
            count(*) filter (where in_care and overall_grade = 'inadequate') as cic_inadequate,
            count(*) filter (where in_care) as cic,
            count(*) filter (where exists (select 1 from case_audit_grades g join practice_domains d on d.id = g.domain_id
                                           where g.audit_id = a.id and d.key = 'quality-of-assessment' and g.grade = 'good')) as assess_good,
            count(*) as audits
          from a where phase is not null group by phase order by phase`,
    );
    const early = shares.find((s) => s.early === 'early');
    const late = shares.find((s) => s.early === 'late');
    assert.ok(early && late);
    // Months 0–2 of the window: inadequate weight 0.40, 0.387, 0.373 (≈0.387); some 45 children in care audited
    // (90 audits, about half of them children in care), so one standard deviation is about 0.07: expect 0.20–0.60.
    const earlyShare = Number(early.cic_inadequate) / Number(early.cic);
    assert.ok(earlyShare >= 0.2 && earlyShare <= 0.6, `early children-in-care inadequate ${earlyShare}`);
    // The last 12 months: 0.08 over some 180 children in care, one standard deviation about 0.02: expect 0.02–0.15.
    const lateShare = Number(late.cic_inadequate) / Number(late.cic);
    assert.ok(lateShare >= 0.02 && lateShare <= 0.15, `late children-in-care inadequate ${lateShare}`);
    // Assessment good: 0.12 → 0.135 average over months 0–2 (n ≈ 90, sd ≈ 0.036): 0.04–0.25; 0.47 late (n ≈ 360, sd ≈ 0.026): 0.38–0.56.
    const earlyGood = Number(early.assess_good) / Number(early.audits);
    const lateGood = Number(late.assess_good) / Number(late.audits);
    assert.ok(earlyGood >= 0.04 && earlyGood <= 0.25, `early assessments good ${earlyGood}`);
    assert.ok(lateGood >= 0.38 && lateGood <= 0.56, `late assessments good ${lateGood}`);
  });

  test('moderation: about a quarter of audits moderated, the agreed grade differing in about 15% of their domains', async () => {
    const [m] = await rows<{
      audits: number | string;
      moderated: number | string;
      domains: number | string;
      changed: number | string;
      unagreed: number | string;
    }>(
      ctx.database.db,
      sql`select (select count(*) from case_audits where authority_id = ${au}) as audits,
                 (select count(*) from case_audits where authority_id = ${au} and status = 'moderated') as moderated,
                 count(*) as domains,
                 count(*) filter (where g.agreed_grade <> g.grade) as changed,
                 count(*) filter (where g.agreed_grade is null) as unagreed
          from case_audit_grades g join case_audits a on a.id = g.audit_id where a.authority_id = ${au} and a.status = 'moderated'`,
    );
    assert.ok(m);
    const share = Number(m.moderated) / Number(m.audits);
    assert.ok(share > 0.2 && share < 0.3, `moderated ${share}`);
    assert.equal(Number(m.unagreed), 0, 'every domain of a moderated audit has an agreed grade');
    // ~4,300 moderated domains at 0.15: sd ≈ 0.0055; expect 0.12–0.18.
    const changed = Number(m.changed) / Number(m.domains);
    assert.ok(changed > 0.12 && changed < 0.18, `changed ${changed}`);
  });

  test('each moderated audit has one moderation record: its grades are the agreed grades, with a reason exactly where one changed', async () => {
    const [m] = await rows<Record<string, number | string>>(
      ctx.database.db,
      sql`select
            (select count(*) from case_audits where authority_id = ${au} and status = 'moderated') as moderated,
            (select count(*) from case_audit_moderations mo join case_audits a on a.id = mo.audit_id where a.authority_id = ${au}) as moderations,
            (select count(*) from case_audit_moderations mo join case_audits a on a.id = mo.audit_id
               where a.authority_id = ${au} and (mo.moderated_on < a.submitted_on or mo.moderated_on > ${AS_AT}::date)) as misdated,
            (select count(*) from case_audit_moderations mo join case_audits a on a.id = mo.audit_id
               where a.authority_id = ${au} and mo.overall_grade is distinct from a.agreed_overall_grade) as overall_mismatch,
            (select count(*) from case_audit_moderation_grades mg join case_audit_moderations mo on mo.id = mg.moderation_id
               join case_audits a on a.id = mo.audit_id join case_audit_grades g on g.audit_id = a.id and g.domain_id = mg.domain_id
               where a.authority_id = ${au} and (mg.grade <> g.agreed_grade or ((mg.grade <> g.grade) <> (mg.reason <> '')))) as grade_mismatch,
            (select count(distinct mo.level) from case_audit_moderations mo join case_audits a on a.id = mo.audit_id where a.authority_id = ${au}) as levels`,
    );
    assert.ok(m);
    assert.ok(Number(m.moderated) > 0);
    assert.equal(Number(m.moderations), Number(m.moderated));
    assert.equal(Number(m.misdated), 0, 'moderated on or after submission, never after asAt');
    assert.equal(Number(m.overall_mismatch), 0);
    assert.equal(Number(m.grade_mismatch), 0, 'agreed grade = moderation grade; a reason exactly when it changed');
    assert.equal(Number(m.levels), 2, 'double and triple lock both occur');
  });

  test('the plan answers every 2024 recommendation: 4 themes, 12 actions, 5 complete, 4 overdue, 1 off track, nothing dated after asAt', async () => {
    const plan = await loadPlan(ctx.database.db, au, AS_AT);
    assert.equal(plan.themes.length, 4);
    const actions = planActions(plan);
    assert.equal(actions.length, PLAN.flatMap((t) => t.objectives.flatMap((o) => o.actions)).length);
    assert.equal(actions.length, 12);
    assert.equal(plan.summary.currentRecommendations, 4);
    assert.equal(plan.summary.unansweredRecommendations, 0);
    assert.deepEqual(new Set(actions.flatMap((a) => a.recommendations.map((r) => r.number))), new Set([1, 2, 3, 4]));
    assert.equal(plan.summary.byStatus.complete, 5);
    // Overdue: the three in progress past their due date and the blocked one (due at 0.6 of the span).
    assert.equal(plan.summary.overdue, 4);
    assert.equal(plan.summary.offTrack, 1);
    for (const a of actions) {
      assert.ok(
        a.startDate >= '2024-07-12' && a.startDate <= AS_AT,
        `${a.reference} starts between the report and asAt`,
      );
      assert.ok(a.completedOn === null || a.completedOn <= AS_AT);
      assert.ok(a.latestUpdate && a.latestUpdate.updatedOn <= AS_AT && a.latestUpdate.updatedOn >= a.startDate);
      assert.ok(
        a.indicators.length > 0 && a.indicators.every((i) => indicatorById(i.id) !== undefined && i.target !== null),
        `${a.reference} evidence indicators`,
      );
      assert.ok(a.domains.length > 0, `${a.reference} audit domains`);
    }
  });

  test('audits are deterministic: regenerated with the same seed, the same children, days and grades', async () => {
    const snapshot = async () =>
      (
        await rows<{ h: string }>(
          ctx.database.db,
          sql`select md5(string_agg(concat_ws('|', a.child_id, a.team_id, a.auditor_name, a.status, a.submitted_on, a.overall_grade, a.agreed_overall_grade,
                (select string_agg(concat_ws(':', g.domain_id, g.grade, g.agreed_grade), ',' order by g.domain_id) from case_audit_grades g where g.audit_id = a.id)), E'\\n' order by a.id)) as h
              from case_audits a where a.authority_id = ${au}`,
        )
      )[0]?.h;
    const before = await snapshot();
    await ctx.database.db.execute(
      sql`delete from case_audit_grades where audit_id in (select id from case_audits where authority_id = ${au})`,
    );
    await ctx.database.db.execute(sql`delete from case_audits where authority_id = ${au}`);
    await generateAudits(ctx.database, au, SMALL.seed, '2019-11-15', AS_AT);
    assert.equal(await snapshot(), before);
  });
});
