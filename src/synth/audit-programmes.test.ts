/**
 * The demo authority's QA programme (audit-programmes.ts) around its audit history, generated with a small authority
 * (6,000 children, 4 years to Friday 14 November 2025: the window starts Monday 15 November 2021).
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeEachEngine, freshDatabase } from '../../test/support/databases';
import type { Database } from '../db/client';
import { rows } from '../db/query';
import { users } from '../db/schema/organisation';
import { simpleSample } from '../domain/sampling';
import { addWorkingDays } from '../domain/working-days';
import { allocateDemoAudits, generateAuditProgrammes, OPEN_CASES, secondVersionDay } from './audit-programmes';
import { auditText, domainNarrative } from './audit-text';
import { generateDemoAuthority, type DemoSummary } from './generate';
import { Rng } from './random';

const AS_AT = '2025-11-14';
const WINDOW_START = '2021-11-15';
const SMALL = { seed: 11, childPopulation: 6_000, years: 4, asAt: AS_AT } as const;
type N = number | string;

describe('audit programme rules (pure)', () => {
  test('version 2 is published 18 months before asAt: 14 May 2024 (a Tuesday); from a Saturday, the Monday after', () => {
    assert.equal(secondVersionDay(WINDOW_START, AS_AT), '2024-05-14');
    // 16 November 2025 − 18 months = Thursday 16 May 2024; 2025-11-18 → Saturday 18 May 2024 → Monday 20 May.
    assert.equal(secondVersionDay(WINDOW_START, '2025-11-18'), '2024-05-20');
    // A window shorter than 18 months: the day after the window starts.
    assert.equal(secondVersionDay('2025-01-06', '2025-11-14'), '2025-01-07');
  });

  test('audit text by grade: a narrative for requires improvement and inadequate domains only; feedback only when someone gave it', () => {
    const rng = new Rng(3);
    assert.equal(domainNarrative(rng, 'voice-of-the-child', 'good'), '');
    assert.equal(domainNarrative(rng, 'voice-of-the-child', 'outstanding'), '');
    assert.ok(domainNarrative(rng, 'voice-of-the-child', 'inadequate').length > 0);
    assert.ok(domainNarrative(rng, 'quality-of-planning', 'requires-improvement').length > 0);
    for (let i = 0; i < 50; i++) {
      const t = auditText(rng, 'requires-improvement');
      assert.ok(t.overallNarrative && t.workerReflection && t.managerReflection);
      assert.equal(t.feedbackFrom === '', t.familyFeedback === '');
    }
  });
});

/** Every row the QA programme adds, whole (but the insert-time created_at columns), in a fixed order. */
async function qaRows(database: Database): Promise<string> {
  const [r] = await rows<{ h: string }>(
    database.db,
    sql`select md5(concat_ws('#',
          (select string_agg(concat_ws('|', id, framework_id, version, status, notes, published_on, published_by), ',' order by id) from audit_framework_versions),
          (select string_agg(concat_ws('|', id, kind, title, theme, framework_version_id, starts_on, due_on, status, partner_agencies::text, selection::text, created_by, created_at), ',' order by id) from audit_programmes),
          (select string_agg(concat_ws('|', id, programme_id, child_id, team_id, service_area, stratum, auditor_user_id, allocated_on, audit_id), ',' order by id) from audit_programme_cases),
          (select string_agg(concat_ws('|', id, child_id, status, framework_version_id, programme_id, programme_case_id, overall_narrative, worker_reflection,
                  manager_reflection, feedback_from, family_feedback, updated_at), ',' order by id) from case_audits),
          (select string_agg(concat_ws('|', audit_id, domain_id, narrative), ',' order by audit_id, domain_id) from case_audit_grades),
          (select string_agg(concat_ws('|', id, audit_id, domain_id, description, owner_name, due_on, status, completed_on, completion_note, created_at), ',' order by id) from case_audit_actions),
          (select string_agg(concat_ws('|', id, audit_id, agency, contributor_name, contributor_role, narrative, grade, contributed_on, recorded_by), ',' order by id) from case_audit_contributions),
          (select string_agg(concat_ws('|', id, audit_id, at, user_name, event, detail::text), ',' order by id) from case_audit_events))) as h`,
  );
  return r?.h ?? '';
}

describe('the demo generator stays deterministic', () => {
  test('two authorities built from the same options in fresh databases have identical QA programmes, row for row', async () => {
    const hashes: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { database, drop } = await freshDatabase('pglite');
      try {
        await generateDemoAuthority(database, { seed: 5, childPopulation: 2_500, years: 3, asAt: AS_AT });
        const [n] = await rows<{ p: N; t: N; e: N }>(
          database.db,
          sql`select (select count(*) from audit_programmes) as p, (select count(*) from case_audit_actions) as t, (select count(*) from case_audit_events) as e`,
        );
        assert.ok(Number(n?.p) > 30 && Number(n?.t) > 100 && Number(n?.e) > 100, 'something to compare');
        hashes.push(await qaRows(database));
      } finally {
        await drop();
      }
    }
    assert.equal(hashes[1], hashes[0]);
  });
});

describeEachEngine('the demo QA programme in the database', (ctx) => {
  let summary: DemoSummary;
  let au: number;
  const q = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => rows<T>(ctx.database.db, query);

  before(async () => {
    summary = await generateDemoAuthority(ctx.database, SMALL);
    au = summary.authorityId;
  });

  test('framework: version 1 published on the window’s first day and retired, version 2 on 14 May 2024; each audit graded against the version in force when submitted', async () => {
    const versions = await q<{ version: N; status: string; published_on: string }>(
      sql`select v.version, v.status, v.published_on::text as published_on from audit_framework_versions v join audit_frameworks f on f.id = v.framework_id
           where f.authority_id = ${au} and f.key = 'practice-standards' order by v.version`,
    );
    assert.deepEqual(
      versions.map((v) => [Number(v.version), v.status, v.published_on]),
      [
        [1, 'retired', WINDOW_START],
        [2, 'published', '2024-05-14'],
      ],
    );
    const [c] = await q<Record<string, N>>(
      sql`select count(*) filter (where a.framework_version_id is null) as missing,
                 count(*) filter (where v.version = 1 and a.submitted_on >= date '2024-05-14') as v1_late,
                 count(*) filter (where v.version = 2 and a.submitted_on < date '2024-05-14') as v2_early,
                 count(*) filter (where v.version = 1 and a.submitted_on = date '2024-05-13') as v1_eve,
                 count(*) filter (where v.version = 1) as v1, count(*) filter (where v.version = 2) as v2
            from case_audits a left join audit_framework_versions v on v.id = a.framework_version_id
           where a.authority_id = ${au} and a.submitted_on is not null`,
    );
    assert.ok(c);
    assert.deepEqual([Number(c.missing), Number(c.v1_late), Number(c.v2_early)], [0, 0, 0]);
    assert.ok(Number(c.v1) > 0 && Number(c.v2) > 0, `both versions used: ${c.v1} and ${c.v2}`);
  });

  test('every submitted audit answers exactly one programme through its own selected case (same child and team), in the programme’s dates', async () => {
    const [c] = await q<Record<string, N>>(
      sql`select count(*) as audits,
                 count(*) filter (where a.programme_id is null or a.programme_case_id is null) as unlinked,
                 count(*) filter (where pc.id is null or pc.audit_id <> a.id or pc.programme_id <> a.programme_id or pc.child_id <> a.child_id
                                  or pc.team_id is distinct from a.team_id) as mismatched,
                 count(*) filter (where a.submitted_on < p.starts_on or (p.kind = 'monthly' and date_trunc('month', a.submitted_on) <> date_trunc('month', p.starts_on))
                                  or a.submitted_on > p.due_on) as misdated,
                 (select count(*) from audit_programme_cases x join audit_programmes y on y.id = x.programme_id
                   where y.authority_id = ${au} and x.audit_id is not null) as cases_with_audits
            from case_audits a left join audit_programme_cases pc on pc.id = a.programme_case_id left join audit_programmes p on p.id = a.programme_id
           where a.authority_id = ${au} and a.submitted_on is not null`,
    );
    assert.ok(c);
    assert.equal(Number(c.unlinked), 0);
    assert.equal(Number(c.mismatched), 0);
    assert.equal(Number(c.misdated), 0);
    assert.equal(Number(c.cases_with_audits), Number(c.audits), 'one case per audit');
  });

  test('programmes: 49 monthly (November 2021 … November 2025), all closed but November 2025; two thematic and one multi-agency of 10–15 audits each', async () => {
    const ps = await q<{
      kind: string;
      title: string;
      status: string;
      starts_on: string;
      due_on: string;
      n: N;
      partners: string;
      version: N;
      selection: string;
    }>(
      sql`select p.kind, p.title, p.status, p.starts_on::text as starts_on, p.due_on::text as due_on, p.partner_agencies::text as partners, v.version,
                 p.selection::text as selection, (select count(*) from audit_programme_cases c where c.programme_id = p.id) as n
            from audit_programmes p join audit_framework_versions v on v.id = p.framework_version_id
           where p.authority_id = ${au} order by p.starts_on, p.id`,
    );
    const monthly = ps.filter((p) => p.kind === 'monthly');
    // November 2021 to November 2025: 4 × 12 + 1 = 49 months.
    assert.equal(monthly.length, 49);
    assert.equal(monthly[0]?.title, 'Monthly audit: November 2021');
    assert.equal(monthly[0]?.starts_on, '2021-11-01');
    // March 2025 ends on Monday the 31st; November 2024's last working day is Friday the 29th.
    assert.equal(monthly.find((p) => p.title === 'Monthly audit: March 2025')?.due_on, '2025-03-31');
    assert.equal(monthly.find((p) => p.title === 'Monthly audit: November 2024')?.due_on, '2024-11-29');
    assert.deepEqual(
      ps.filter((p) => p.status !== 'closed').map((p) => [p.title, p.status, Number(p.version)]),
      [['Monthly audit: November 2025', 'open', 2]],
    );
    for (const p of monthly) {
      const s = JSON.parse(p.selection) as { method: string; size: number; population: number; asAt: string };
      assert.equal(s.method, 'random');
      assert.equal(s.asAt, p.starts_on);
      assert.equal(s.size, Number(p.n), `${p.title} size = its cases`);
      assert.ok(s.population >= s.size, `${p.title}: population ${s.population}`);
    }
    const themed = ps.filter((p) => p.kind !== 'monthly');
    assert.deepEqual(
      themed.map((p) => [p.kind, p.title]),
      [
        ['thematic', 'Neglect: thematic audit'],
        ['thematic', 'Exploitation: thematic audit'],
        ['multi-agency', 'Multi-agency audit: domestic abuse'],
      ],
    );
    for (const p of themed) assert.ok(Number(p.n) >= 10 && Number(p.n) <= 15, `${p.title}: ${p.n} cases`);
    assert.deepEqual(JSON.parse(themed[2]?.partners ?? '[]'), ['police', 'health', 'education']);
    // Each themed audit's child matched the theme on the day it was audited.
    const [off] = await q<Record<string, N>>(
      sql`with t as (select p.title, a.child_id, a.submitted_on as d from case_audits a join audit_programmes p on p.id = a.programme_id
                      where a.authority_id = ${au} and p.kind <> 'monthly'),
               f as (select t.*, exists (select 1 from assessments s where s.child_id = t.child_id and s.start_date <= t.d and s.start_date > t.d - 365
                                           and s.factors && ${'{16A}'}::text[]) as neglect_factor,
                                 exists (select 1 from assessments s where s.child_id = t.child_id and s.start_date <= t.d and s.start_date > t.d - 365
                                           and s.factors && ${'{10A,11A,12A,13A,24A}'}::text[]) as exploitation_factor,
                                 exists (select 1 from assessments s where s.child_id = t.child_id and s.start_date <= t.d and s.start_date > t.d - 365
                                           and s.factors && ${'{3A,3B,3C}'}::text[]) as da_factor
                       from t)
          select count(*) filter (where title like 'Neglect%' and not neglect_factor and not exists (select 1 from cp_plans c where c.child_id = f.child_id
                   and c.latest_category = 'NEG' and c.start_date <= f.d and (c.end_date is null or c.end_date >= f.d))) as neglect,
                 count(*) filter (where title like 'Exploitation%' and not exploitation_factor and not exists (select 1 from missing_episodes m
                   where m.child_id = f.child_id and m.kind = 'M' and m.start_at < f.d::timestamp and m.start_at >= (f.d - 91)::timestamp)) as exploitation,
                 count(*) filter (where title like 'Multi-agency%' and not da_factor) as domestic_abuse
            from f`,
    );
    assert.deepEqual([Number(off?.neglect), Number(off?.exploitation), Number(off?.domestic_abuse)], [0, 0, 0]);
  });

  test('the open programme: this month’s submitted audits and 12 more children drawn for real from those open to a social worker on 1 November, none allocated yet', async () => {
    const [p] = await q<{ id: N; selection: string }>(
      sql`select id, selection::text as selection from audit_programmes where authority_id = ${au} and status = 'open'`,
    );
    assert.ok(p);
    const selection = JSON.parse(p.selection) as { seed: number; size: number; population: number };
    const cases = await q<{ child_id: N; audit_id: N | null; auditor_user_id: N | null }>(
      sql`select child_id, audit_id, auditor_user_id from audit_programme_cases where programme_id = ${p.id} order by child_id`,
    );
    const pending = cases.filter((c) => c.audit_id === null);
    assert.equal(pending.length, OPEN_CASES);
    assert.ok(cases.every((c) => c.auditor_user_id === null));
    const open = await q<{ child_id: N }>(
      sql`select distinct a.child_id from allocations a join children c on c.id = a.child_id
           where a.authority_id = ${au} and a.role = 'social-worker' and a.start_date <= date '2025-11-01'
             and (a.end_date is null or a.end_date >= date '2025-11-01') and (c.date_of_death is null or c.date_of_death >= date '2025-11-01')`,
    );
    assert.equal(selection.population, open.length);
    // Drawn again: the same 12 from the same population (less this month's audited children) and seed.
    const audited = new Set(cases.filter((c) => c.audit_id !== null).map((c) => Number(c.child_id)));
    const again = simpleSample(
      open.filter((c) => !audited.has(Number(c.child_id))).map((c) => ({ key: String(Number(c.child_id)) })),
      OPEN_CASES,
      selection.seed,
    );
    assert.deepEqual(
      again.map((c) => Number(c.key)).sort((a, b) => a - b),
      pending.map((c) => Number(c.child_id)),
    );
  });

  test('actions: 1–3 on the domains counted requires improvement or inadequate, due 20 working days after submission; about 85% of those due before 14 October 2025 complete', async () => {
    const [shape] = await q<Record<string, N>>(
      sql`with weak as (
            select a.id, count(g.*) filter (where coalesce(g.agreed_grade, g.grade) in ('requires-improvement', 'inadequate')) as weak
              from case_audits a join case_audit_grades g on g.audit_id = a.id where a.authority_id = ${au} and a.submitted_on is not null group by a.id),
          acts as (select audit_id, count(*) as n from case_audit_actions group by audit_id)
          select count(*) filter (where w.weak = 0 and coalesce(x.n, 0) > 0) as unwarranted,
                 count(*) filter (where w.weak > 0 and (coalesce(x.n, 0) < 1 or x.n > 3 or x.n > w.weak)) as wrong_count,
                 (select count(*) from case_audit_actions t join case_audits a on a.id = t.audit_id join case_audit_grades g on g.audit_id = a.id and g.domain_id = t.domain_id
                   where a.authority_id = ${au} and coalesce(g.agreed_grade, g.grade) not in ('requires-improvement', 'inadequate')) as wrong_domain
            from weak w left join acts x on x.audit_id = w.id`,
    );
    assert.ok(shape);
    assert.deepEqual([Number(shape.unwarranted), Number(shape.wrong_count), Number(shape.wrong_domain)], [0, 0, 0]);
    const actions = await q<{
      submitted: string;
      due: string;
      status: string;
      completed: string | null;
      note: string;
      owner: string;
    }>(
      sql`select a.submitted_on::text as submitted, t.due_on::text as due, t.status, t.completed_on::text as completed, t.completion_note as note, t.owner_name as owner
            from case_audit_actions t join case_audits a on a.id = t.audit_id where a.authority_id = ${au} order by t.id`,
    );
    assert.ok(actions.length > 500, `${actions.length} actions`);
    for (const t of actions) {
      assert.equal(t.due, addWorkingDays(t.submitted, 20));
      assert.ok(t.owner.length > 0);
      assert.equal(t.status === 'complete', t.completed !== null);
      assert.equal(t.status === 'complete', t.note !== '');
      if (t.completed) assert.ok(t.completed > t.submitted && t.completed <= AS_AT, `completed ${t.completed}`);
    }
    // Due more than a month before asAt (before 14 October 2025): completed with 0.75 at the window's start rising to
    // 0.87 after two years, about 0.84 over four years; of the rest, those due more than six months before asAt (before
    // 14 May 2025) are completed late with 0.9. Those are about 42 of the 47 months: 42/47 × (0.84 + 0.16 × 0.9) +
    // 5/47 × 0.87 ≈ 0.879 + 0.093 = 0.972; some 1,500 actions (sd ≈ 0.005): 0.94–0.99.
    const old = actions.filter((t) => t.due < '2025-10-14');
    const share = old.filter((t) => t.status === 'complete').length / old.length;
    assert.ok(share >= 0.94 && share <= 0.99, `completed ${share} of ${old.length}`);
    // Better with the practice: completed on time 0.75 × 0.6 = 0.45 in the first year, 0.87 × 0.9 ≈ 0.78 in the last
    // full year.
    const onTime = (from: string, to: string) => {
      const list = old.filter((t) => t.submitted >= from && t.submitted < to);
      return list.filter((t) => t.completed !== null && t.completed <= t.due).length / list.length;
    };
    assert.ok(onTime('2021-11-15', '2022-11-15') < 0.6, `first year on time ${onTime('2021-11-15', '2022-11-15')}`);
    assert.ok(onTime('2024-09-01', '2025-09-01') > 0.65, `last year on time ${onTime('2024-09-01', '2025-09-01')}`);
    // Few old actions are still open: of those due before 14 May 2025, 0.16 × 0.1 ≈ 1.6% (at most 4%).
    const stale = actions.filter((t) => t.due < '2025-05-14');
    assert.ok(stale.filter((t) => t.status === 'open').length / stale.length < 0.04, 'old actions are mostly done');
    const completed = old.filter((t) => t.completed !== null);
    const late = completed.filter((t) => (t.completed as string) > t.due).length / completed.length;
    // Late: first-draw completions late 0.4 falling to 0.1 (about 0.2 of 0.84), plus the chased 0.14: (0.17 + 0.14) /
    // 0.98 ≈ 0.31.
    assert.ok(late > 0.2 && late < 0.45, `late ${late}`);
    assert.ok(
      actions.some((t) => t.status === 'open' && t.due < AS_AT),
      'some actions are overdue',
    );
    assert.ok(
      actions.some((t) => t.status === 'open' && t.due >= AS_AT),
      'some are open and not yet due',
    );
  });

  test('events: each audit created and submitted once (created first, neither after asAt), moderated once when moderated, by the auditor’s or moderator’s name', async () => {
    const [e] = await q<Record<string, N>>(
      sql`select count(*) filter (where (select count(*) from case_audit_events x where x.audit_id = a.id and x.event = 'created' and x.user_name = a.auditor_name) <> 1) as created,
                 count(*) filter (where (select count(*) from case_audit_events x where x.audit_id = a.id and x.event = 'submitted' and x.user_name = a.auditor_name
                                          and x.at::date = a.submitted_on) <> 1) as submitted,
                 count(*) filter (where (select count(*) from case_audit_events x where x.audit_id = a.id and x.event = 'moderated')
                                        <> (select count(*) from case_audit_moderations m where m.audit_id = a.id)) as moderated,
                 count(*) filter (where exists (select 1 from case_audit_events c join case_audit_events s on s.audit_id = c.audit_id
                                                 where c.audit_id = a.id and c.event = 'created' and s.event = 'submitted' and c.at >= s.at)) as out_of_order,
                 count(*) filter (where exists (select 1 from case_audit_events x where x.audit_id = a.id and x.at >= date '2025-11-15')) as future,
                 count(*) filter (where a.status = 'moderated') as moderated_audits
            from case_audits a where a.authority_id = ${au} and a.submitted_on is not null`,
    );
    assert.ok(e);
    assert.deepEqual(
      [Number(e.created), Number(e.submitted), Number(e.moderated), Number(e.out_of_order), Number(e.future)],
      [0, 0, 0, 0, 0],
    );
    assert.ok(Number(e.moderated_audits) > 0);
    // A moderated event names the domains its moderation changed, as the moderation pages write it.
    const [m] = await q<{ wrong: N; changed: N }>(
      sql`select count(*) filter (where jsonb_array_length(x.detail->'domainsChanged') <> (select count(*) from case_audit_moderation_grades mg
                   join case_audit_grades g on g.audit_id = mo.audit_id and g.domain_id = mg.domain_id where mg.moderation_id = mo.id and mg.grade <> g.grade)) as wrong,
                 sum(jsonb_array_length(x.detail->'domainsChanged')) as changed
            from case_audit_events x join case_audit_moderations mo on mo.id = (x.detail->>'moderationId')::bigint join case_audits a on a.id = x.audit_id
           where a.authority_id = ${au} and x.event = 'moderated'`,
    );
    assert.equal(Number(m?.wrong), 0);
    assert.ok(Number(m?.changed) > 0);
  });

  test('text: every audit has its narrative and reflections; a domain has a narrative exactly when the auditor graded it requires improvement or inadequate', async () => {
    const [t] = await q<Record<string, N>>(
      sql`select (select count(*) from case_audits a where a.authority_id = ${au} and a.submitted_on is not null
                   and (a.overall_narrative = '' or a.worker_reflection = '' or a.manager_reflection = '' or ((a.feedback_from = '') <> (a.family_feedback = '')))) as blank,
                 count(*) filter (where (g.grade in ('requires-improvement', 'inadequate')) <> (g.narrative <> '')) as wrong_narrative
            from case_audit_grades g join case_audits a on a.id = g.audit_id where a.authority_id = ${au} and a.submitted_on is not null`,
    );
    assert.ok(t);
    assert.deepEqual([Number(t.blank), Number(t.wrong_narrative)], [0, 0]);
  });

  test('multi-agency audits have 1–3 partners’ contributions each (police, health, education, no agency twice); no other audit has any', async () => {
    const [c] = await q<Record<string, N>>(
      sql`with n as (select a.id, p.kind, count(c.id) as n, count(distinct c.agency) as agencies,
                            count(c.id) filter (where c.agency not in ('police', 'health', 'education') or c.contributed_on > a.submitted_on) as bad
                       from case_audits a join audit_programmes p on p.id = a.programme_id left join case_audit_contributions c on c.audit_id = a.id
                      where a.authority_id = ${au} group by a.id, p.kind)
          select count(*) filter (where kind = 'multi-agency') as audits,
                 count(*) filter (where kind = 'multi-agency' and (n < 1 or n > 3 or agencies <> n or bad > 0)) as wrong,
                 count(*) filter (where kind <> 'multi-agency' and n > 0) as stray
            from n`,
    );
    assert.ok(c);
    assert.ok(Number(c.audits) >= 10);
    assert.deepEqual([Number(c.wrong), Number(c.stray)], [0, 0]);
  });

  test('the moderation queue has recently submitted audits: at least 3 submitted in the last 10 days and not moderated', async () => {
    const [m] = await q<{ n: N }>(
      sql`select count(*) as n from case_audits where authority_id = ${au} and status = 'submitted' and submitted_on > date '2025-11-04'`,
    );
    assert.ok(Number(m?.n) >= 3, `${m?.n}`);
  });

  test('deterministic: written again from the same seed, the same programmes, cases, actions, contributions and events', async () => {
    const snapshot = async () =>
      (
        await q<{ h: string }>(
          sql`select md5(concat_ws('#',
                (select string_agg(concat_ws('|', p.kind, p.title, p.theme, p.starts_on, p.due_on, p.status, p.partner_agencies::text, p.selection::text, p.framework_version_id), ',' order by p.starts_on, p.title)
                   from audit_programmes p where p.authority_id = ${au}),
                (select string_agg(concat_ws('|', p.title, c.child_id, c.team_id, c.service_area, c.allocated_on, c.audit_id), ',' order by p.starts_on, p.title, c.child_id)
                   from audit_programme_cases c join audit_programmes p on p.id = c.programme_id where p.authority_id = ${au}),
                (select string_agg(concat_ws('|', t.audit_id, t.domain_id, t.description, t.owner_name, t.due_on, t.status, t.completed_on, t.completion_note), ',' order by t.audit_id, t.domain_id)
                   from case_audit_actions t join case_audits a on a.id = t.audit_id where a.authority_id = ${au}),
                (select string_agg(concat_ws('|', c.audit_id, c.agency, c.contributor_name, c.narrative, c.grade, c.contributed_on), ',' order by c.audit_id, c.agency)
                   from case_audit_contributions c join case_audits a on a.id = c.audit_id where a.authority_id = ${au}),
                (select string_agg(concat_ws('|', e.audit_id, e.at, e.user_name, e.event, (e.detail - 'programmeId' - 'caseId')::text), ',' order by e.audit_id, e.at, e.event)
                   from case_audit_events e join case_audits a on a.id = e.audit_id where a.authority_id = ${au}))) as h`,
        )
      )[0]?.h;
    // Programme ids differ when written again: the snapshot names each programme by its title instead.
    const before = await snapshot();
    const db = ctx.database.db;
    await db.execute(
      sql`delete from case_audit_events where audit_id in (select id from case_audits where authority_id = ${au})`,
    );
    await db.execute(
      sql`delete from case_audit_contributions where audit_id in (select id from case_audits where authority_id = ${au})`,
    );
    await db.execute(
      sql`delete from case_audit_actions where audit_id in (select id from case_audits where authority_id = ${au})`,
    );
    await db.execute(
      sql`delete from audit_programme_cases where programme_id in (select id from audit_programmes where authority_id = ${au})`,
    );
    await db.execute(sql`delete from audit_programmes where authority_id = ${au}`);
    await db.execute(
      sql`update case_audits set programme_id = null, programme_case_id = null, framework_version_id = null where authority_id = ${au}`,
    );
    await generateAuditProgrammes(ctx.database, au, SMALL.seed, WINDOW_START, AS_AT);
    assert.equal(await snapshot(), before);
  });

  test('the demo auditors get work once they exist: 6 cases shared between the QA auditor and the team manager (never their own team’s child), 2 drafts; only once', async () => {
    const [p] = await q<{ id: N }>(sql`select id from audit_programmes where authority_id = ${au} and status = 'open'`);
    assert.ok(p);
    // The team manager manages the team of the first pending case (by id), so independence has a case to refuse.
    const [first] = await q<{ team_id: N }>(
      sql`select team_id from audit_programme_cases where programme_id = ${p.id} and audit_id is null order by id limit 1`,
    );
    const tmTeam = Number(first?.team_id);
    await ctx.database.db.insert(users).values([
      { authorityId: au, username: 'qa-auditor', displayName: 'Quinn Auditor', role: 'qa-auditor', teamId: null },
      {
        authorityId: au,
        username: 'team-manager',
        displayName: 'Taylor Manager',
        role: 'team-manager',
        teamId: tmTeam,
      },
    ]);
    const result = await allocateDemoAudits(ctx.database.db, au);
    assert.deepEqual(result && { allocated: result.allocated, drafts: result.drafts }, { allocated: 6, drafts: 2 });
    const cases = await q<{
      id: N;
      team_id: N | null;
      auditor: string | null;
      user_team: N | null;
      audit_id: N | null;
    }>(
      sql`select c.id, c.team_id, u.username as auditor, u.team_id as user_team, c.audit_id
            from audit_programme_cases c left join users u on u.id = c.auditor_user_id
           where c.programme_id = ${p.id} and (c.audit_id is null or c.auditor_user_id is not null) order by c.id`,
    );
    const allocated = cases.filter((c) => c.auditor !== null);
    assert.equal(allocated.length, 6);
    assert.equal(cases.length - allocated.length, OPEN_CASES - 6, 'the rest unallocated');
    assert.ok(
      allocated.every((c) => c.user_team === null || Number(c.user_team) !== Number(c.team_id)),
      'never the auditor’s own team',
    );
    assert.equal(
      allocated.find((c) => Number(c.team_id) === tmTeam && c.auditor === 'team-manager'),
      undefined,
    );
    assert.ok(allocated.some((c) => c.auditor === 'qa-auditor') && allocated.some((c) => c.auditor === 'team-manager'));
    const drafts = await q<{ auditor_name: string; grades: N; events: N; programme_case_id: N; version: N }>(
      sql`select a.auditor_name, a.programme_case_id, v.version,
                 (select count(*) from case_audit_grades g where g.audit_id = a.id) as grades,
                 (select count(*) from case_audit_events e where e.audit_id = a.id) as events
            from case_audits a join audit_framework_versions v on v.id = a.framework_version_id
           where a.authority_id = ${au} and a.status = 'draft' order by a.auditor_name`,
    );
    assert.deepEqual(
      drafts.map((d) => d.auditor_name),
      ['Quinn Auditor', 'Taylor Manager'],
    );
    for (const d of drafts) {
      assert.ok(Number(d.grades) >= 3 && Number(d.grades) <= 4);
      assert.equal(Number(d.events), 2);
      assert.equal(Number(d.version), 2);
    }
    assert.equal(await allocateDemoAudits(ctx.database.db, au), null, 'a second start changes nothing');
    const [n] = await q<{ n: N }>(
      sql`select count(*) as n from case_audits where authority_id = ${au} and status = 'draft'`,
    );
    assert.equal(Number(n?.n), 2);
  });
});
