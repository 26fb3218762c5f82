/**
 * The same data twice changes nothing, whatever file it arrives in (issue 15, decision 0024), on both engines, with
 * the smallest standard demo authority the suite shares (seed 1, 5,000 children, six years to 31 March 2026: the
 * one the Annex A tests use, built once a run).
 *
 * 1. Round trips on the same authority: every file Lantern exports from the demo — the SSD extract, the SSDA903 and
 *    the CIN census of every collection year the demo holds that Lantern writes (2022/23 to 2025/26: its history
 *    starts in April 2020, and Lantern writes 2022/23 onwards), and Annex A at each of those years' 31 March — is
 *    imported back into the demo itself, one after another. Each import is accepted; it adds no child and no event,
 *    changes no value of one it matched, and removes none; it raises no LNT-DISAGREE or LNT-MATCH query; its headline figures before and after are the
 *    same; and every indicator's value for every month the demo covers (April 2020 to March 2026) is what it was
 *    before the first import. No format has an exception.
 * 2. Consecutive years: the demo's 903 and CIN census of each of those years, imported year by year (oldest first)
 *    into an empty authority, are all accepted, and every indicator those returns carry has the demo's own value for
 *    each year; the indicators they cannot carry, and the years an indicator needs history from before the first
 *    return, are listed with their reasons and asserted.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { demoDatabase, describeEachEngine } from '../../../test/support/databases';
import { buildAuthority } from '../../../test/support/builders';
import type { Database } from '../../db/client';
import { authorities, childPopulation } from '../../db/schema/index';
import { computeIndicator } from '../indicators/engine';
import { monthsBetween, type Period } from '../indicators/periods';
import { INDICATORS } from '../indicators/registry';
import { importFiles, type BatchSummary } from '../ingest/service';
import { parseEffect } from '../ingest/effect';
import { importBatches } from '../../db/schema/index';
import { buildExport, type ExportKind } from './exports';

const AS_AT = '2026-03-31';
const DEMO = { seed: 1, childPopulation: 5000, years: 6, asAt: AS_AT };
/** Collection years the demo holds (its history starts in April 2020) that Lantern writes (2022/23 onwards). */
const YEARS = [2023, 2024, 2025, 2026] as const;
const actor = { userId: null, username: 'test:round-trip' };

interface Case {
  kind: ExportKind;
  year: number;
}

const CASES: Case[] = [
  { kind: 'ssd', year: 2026 },
  ...YEARS.flatMap((year) => [
    { kind: '903' as const, year },
    { kind: 'cin' as const, year },
    { kind: 'annex-a' as const, year },
  ]),
];

function label(c: Case): string {
  return c.kind === 'ssd' ? 'SSD extract' : c.kind === 'annex-a' ? `Annex A at ${c.year}-03-31` : `${c.kind} ${c.year}`;
}

/** Every indicator's numerator, denominator and value for each month, by "indicator month". */
async function indicatorValues(
  database: Database,
  authorityId: number,
  periods: Period[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const def of INDICATORS) {
    for (const v of await computeIndicator(database.db, def, authorityId, periods))
      out.set(`${def.id} ${v.period.start}`, `${v.numerator}/${String(v.denominator)}=${String(v.value)}`);
  }
  return out;
}

/** The indicators whose values differ between two snapshots, sorted. */
function changedIndicators(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed = new Set<string>();
  for (const [k, v] of before) if (after.get(k) !== v) changed.add(k.split(' ')[0] as string);
  return [...changed].sort();
}

function problems(batch: BatchSummary | undefined): string {
  if (!batch) return 'no batch';
  const counts = new Map<string, number>();
  for (const i of batch.issues)
    if (i.severity === 'error') {
      const k = `${i.rule} ${i.column ?? ''}: ${i.message}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  return [...counts]
    .slice(0, 20)
    .map(([k, n]) => `${n} × ${k}`)
    .join('\n');
}

async function exportAndImport(
  database: Database,
  from: { id: number; code: string; laNumber: string | null },
  to: number,
  c: Case,
): Promise<BatchSummary | undefined> {
  const built = await buildExport(database.db, from, {
    kind: c.kind,
    asAt: `${c.year}-03-31`,
    layout: 2026,
    year: c.year,
  });
  try {
    const summary = await importFiles(database, {
      paths: [built.file],
      authorityId: to,
      actor,
      options: c.kind === 'annex-a' ? { asAt: `${c.year}-03-31` } : c.kind === 'ssd' ? {} : { collectionYear: c.year },
    });
    assert.deepEqual(summary.unrecognised, [], label(c));
    assert.equal(summary.batches.length, 1, label(c));
    return summary.batches[0];
  } finally {
    await built.cleanup();
  }
}

describeEachEngine('the same data twice changes nothing', { demo: DEMO }, (ctx) => {
  let initial: Map<string, string>;
  const months = monthsBetween('2020-04-01', AS_AT);

  before(async () => {
    initial = await indicatorValues(ctx.database, ctx.demo.authorityId, months);
  });

  for (const c of CASES) {
    // Each round trip on a copy of the demo of its own, so that what one format does not give back is not blamed on
    // the next.
    it(`${label(c)}: exported and imported back, adds and changes nothing`, async () => {
      const copy = await demoDatabase(ctx.database.kind, DEMO);
      try {
        const database = copy.database;
        const [la] = await database.db.select().from(authorities).where(eq(authorities.id, copy.demo.authorityId));
        assert.ok(la);
        const batch = await exportAndImport(database, la, la.id, c);
        assert.equal(batch?.status, 'accepted', problems(batch));
        const [row] = await database.db.select().from(importBatches).where(eq(importBatches.id, batch.id));
        const effect = parseEffect(row?.effect ?? null);
        assert.ok(effect);
        const added = Object.fromEntries(
          Object.entries(effect.tables)
            .filter(([, e]) => e.added > 0)
            .map(([t, e]) => [t, e.added]),
        );
        // Merged: a row the import matched whose values it changed (a value the demo did not hold, or another one).
        const merged = Object.fromEntries(
          Object.entries(effect.tables)
            .filter(([, e]) => e.merged > 0)
            .map(([t, e]) => [t, e.merged]),
        );
        const queries = [
          ...new Set(
            batch.issues
              .filter((i) => i.rule === 'LNT-DISAGREE' || i.rule === 'LNT-MATCH')
              .map((i) => `${i.rule} ${i.message.split(':')[0]?.split(' ')[0] ?? ''} ${i.column ?? ''}`),
          ),
        ].sort();
        const after = await indicatorValues(database, la.id, months);
        assert.deepEqual(
          {
            added,
            merged,
            removed: batch.counts.replacedRows,
            queries,
            headline: effect.after,
            indicators: changedIndicators(initial, after),
          },
          {
            added: {},
            merged: {},
            removed: 0,
            queries: [],
            headline: effect.before,
            indicators: [],
          },
          label(c),
        );
        assert.equal(batch.counts.childrenAdded, 0);
        // The demo's own synthetic postcode lookup and provider register are in use, so its 903s pass the location
        // and URN rules that need them (decision 0027): none is reported as not run.
        if (c.kind === '903')
          assert.deepEqual(
            batch.issues.filter((i) => i.rule === 'LNT-POSTCODES' || i.rule === 'LNT-URNS'),
            [],
            label(c),
          );
      } finally {
        await copy.drop();
      }
    });
  }
});

/**
 * Indicators the 903 and the CIN census cannot carry, with why: an authority loading only its returns has no value
 * for them (0 or none in every year), whatever the demo holds.
 */
const NO_WORK_BEFORE_CARE = 'the 903 and the CIN census carry no ';
const NOT_CARRIED: Record<string, string> = {
  'contacts-per-10k': 'contacts are not in either return (the CIN census starts at the referral)',
  'contacts-decision-1-working-day': 'contacts are not in either return',
  'early-help-requests': 'early help is not in either return',
  'early-help-allocated-10-working-days': 'early help is not in either return',
  's47-to-icpc': `${NO_WORK_BEFORE_CARE}strategy discussion, from which the indicator counts S47s`,
  'strategy-discussions-police': `${NO_WORK_BEFORE_CARE}strategy discussions`,
  'strategy-discussions-health': `${NO_WORK_BEFORE_CARE}strategy discussions`,
  'strategy-discussions-education': `${NO_WORK_BEFORE_CARE}strategy discussions`,
  'cp-visits-10-working-days': 'visits are in neither return',
  'cp-visits-seen-alone': 'visits are in neither return',
  'cla-iha-20-working-days': 'the 903 has no initial health assessment (OC2 says only that a review was done)',
  'cla-iha-28-days': 'the 903 has no initial health assessment',
  'cla-placed-20-miles-plus': 'the 903 has no distance (PL_DISTANCE is the validator’s derivation, not kept)',
  'cla-placed-out-of-area': 'the 903 has no placing authority (PL_LA is the validator’s derivation, not kept)',
  'rhi-offered': 'the 903’s Missing table has no return interviews',
  'rhi-accepted': 'the 903’s Missing table has no return interviews',
  'rhi-within-72-hours': 'the 903’s Missing table has no return interviews',
  'cla-visits-in-timescale': 'visits are in neither return',
  'cla-visits-seen-alone': 'visits are in neither return',
  'plo-children': 'pre-proceedings are in the CIN census only from 2026/27, after the demo’s last year',
  'plo-weeks': 'pre-proceedings are in the CIN census only from 2026/27',
  'plo-16-weeks': 'pre-proceedings are in the CIN census only from 2026/27',
  'care-proceedings-26-weeks': 'care proceedings are in the CIN census only from 2026/27',
  'care-proceedings-average-weeks': 'care proceedings are in the CIN census only from 2026/27',
  'care-leavers-19-21-in-touch':
    'the 903 says a young person was a care leaver on the birthday (OC3), not when their support ended: one whose support ended between two birthdays is still in the returns’ cohort at the later one',
  'care-leavers-19-21-suitable-accommodation': 'as care-leavers-19-21-in-touch: the 903 gives no end to support',
  'care-leavers-19-21-eet': 'as care-leavers-19-21-in-touch: the 903 gives no end to support',
  'pathway-plans-reviewed-6-months': 'pathway plans are in neither return',
  'pa-linked-by-17-5': 'personal advisers are in neither return',
  'sw-caseload': 'the 903 names only the social workers of children in care, no other child’s, and no FTE',
  'sw-agency-rate': 'the workforce is in neither return',
  'sw-vacancy-rate': 'the workforce is in neither return',
  'sw-turnover-rate': 'the workforce is in neither return',
  'lado-referrals': 'LADO referrals are in neither return',
  'lado-oversight-1-working-day': 'LADO referrals are in neither return',
  'lado-initial-consideration-1-working-day': 'LADO referrals are in neither return',
  'audits-good-or-better': 'case audits are made in Lantern, not returned',
};

/**
 * Indicators the returns carry, but whose value in the first year(s) needs history from before the first return
 * imported (2022/23): compared from the year given.
 */
const FROM_YEAR: Record<string, { from: number; why: string }> = {
  'rereferrals-12-months': {
    from: 2024,
    why: 'a referral in 2022/23 is a re-referral if the child had one in the 12 months before, which may be in 2021/22',
  },
  'assessments-45-working-days': {
    from: 2024,
    why: 'the 2022/23 census has the assessments open or done in its year; one authorised in 2022/23 may have begun before',
  },
  'assessments-45-working-days-from-referral': {
    from: 2024,
    why: 'as assessments-45-working-days: a 2022/23 assessment’s referral may be in 2021/22',
  },
  'cla-reviews-in-timescale': {
    from: 2024,
    why: 'a review in 2022/23 is in time against the review before it, which may be in 2021/22',
  },
  'cla-long-term-stability': {
    from: 2025,
    why: 'children looked after for 2½ years: a period that began before 2022/23 starts, in the returns, at its first episode in 2022/23',
  },
  'adoption-a1-days': {
    from: 2025,
    why: 'days from entering care to adoption: a period that began before 2022/23 has no known start in the returns (continued), so it is left out until adoptions from periods begun in 2022/23 on',
  },
  'adoption-a10-days': { from: 2025, why: 'as adoption-a1-days' },
  'adoption-a2-days': { from: 2025, why: 'as adoption-a1-days' },
};

describeEachEngine('consecutive years of returns into an empty authority', { demo: DEMO }, (ctx) => {
  let demo: { id: number; code: string; laNumber: string | null };
  let copy: number;
  const summaries: Array<{ kind: ExportKind; year: number; batch: BatchSummary | undefined }> = [];

  before(async () => {
    const db = ctx.database.db;
    const [la] = await db.select().from(authorities).where(eq(authorities.id, ctx.demo.authorityId));
    assert.ok(la);
    demo = { id: la.id, code: la.code, laNumber: la.laNumber };
    copy = (await buildAuthority(db, { code: 'YEARS' })).id;
    // The child population is reference data, not a return: the same as the demo's, for the rates per 10,000.
    const population = await db.select().from(childPopulation).where(eq(childPopulation.authorityId, demo.id));
    await db.insert(childPopulation).values(population.map(({ id: _id, ...p }) => ({ ...p, authorityId: copy })));
    for (const year of YEARS)
      for (const kind of ['903', 'cin'] as const)
        summaries.push({ kind, year, batch: await exportAndImport(ctx.database, demo, copy, { kind, year }) });
  });

  it('accepts every year of both returns, oldest first', () => {
    for (const s of summaries) assert.equal(s.batch?.status, 'accepted', `${s.kind} ${s.year}: ${problems(s.batch)}`);
  });

  it('gives each year the demo’s value of every indicator the returns carry', async () => {
    const periods: Period[] = YEARS.map((y) => ({ kind: 'year', start: `${y - 1}-04-01`, end: `${y}-03-31` }));
    const differing: string[] = [];
    const notCarried: string[] = [];
    for (const def of INDICATORS) {
      const mine = await computeIndicator(ctx.database.db, def, demo.id, periods);
      const theirs = await computeIndicator(ctx.database.db, def, copy, periods);
      if (def.id in NOT_CARRIED) {
        // Listed because it differs: if the returns ever give the demo's value, it must move to the compared ones.
        if (JSON.stringify(mine.map((v) => v.value)) !== JSON.stringify(theirs.map((v) => v.value)))
          notCarried.push(def.id);
        continue;
      }
      const from = FROM_YEAR[def.id]?.from ?? YEARS[0];
      const a = mine.filter((_, i) => (YEARS[i] ?? 0) >= from).map((v) => v.value);
      const b = theirs.filter((_, i) => (YEARS[i] ?? 0) >= from).map((v) => v.value);
      if (JSON.stringify(a) !== JSON.stringify(b))
        differing.push(`${def.id}: demo ${JSON.stringify(a)}, returns ${JSON.stringify(b)}`);
    }
    assert.deepEqual(differing, []);
    assert.deepEqual(notCarried.sort(), Object.keys(NOT_CARRIED).sort());
  });
});
