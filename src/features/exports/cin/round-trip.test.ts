/**
 * Round trips of the CIN census: the demo authority exported for a year, imported into an empty authority and
 * exported again gives the same XML byte for byte, and the same canonical data, field by field, for everything
 * the census carries; and the hand-built fixture survives import → export → read unchanged.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, it } from 'node:test';
import { generateDemoAuthority } from '../../../synth/generate';
import { buildAuthority } from '../../../../test/support/builders';
import { canonicalSnapshot, type SnapshotSpec } from '../../../../test/support/canonical';
import { describeEachEngine } from '../../../../test/support/databases';
import { cinCensusFormat } from '../../ingest/formats/cin/index';
import { fixture, readCensus, sourceFile } from '../../ingest/formats/cin/testing';
import { importFiles } from '../../ingest/service';
import { exportCinCensus } from './index';

const actor = { userId: null, username: 'test' };
const AT = '2026-04-20T09:00:00';

/** What the census carries, table by table (data-standards.md §4.1; to-dataset.ts says what is derived). */
const SPEC: SnapshotSpec = {
  children: ['laChildId', 'upn', 'upnUnknownReason', 'dateOfBirth', 'expectedDateOfBirth', 'dateOfDeath', 'sex', 'ethnicity'],
  childDisabilities: ['childId', 'code'],
  cinEpisodes: ['childId', 'referralDate', 'referralSource', 'primaryNeedCode', 'referralNfa', 'closureDate', 'closureReason'],
  assessments: ['childId', 'cinEpisodeId', 'startDate', 'authorisationDate', 'factors'],
  cinPlans: ['childId', 'cinEpisodeId', 'startDate', 'endDate'],
  s47Enquiries: ['childId', 'cinEpisodeId', 'startDate', 'icpcNotRequired'],
  initialCpConferences: ['childId', 'cinEpisodeId', 's47EnquiryId', 'transferIn', 'targetDate', 'conferenceDate', 'outcomeCpPlan'],
  cpPlans: ['childId', 'cinEpisodeId', 'icpcId', 'startDate', 'endDate', 'initialCategory', 'latestCategory', 'numberOfPreviousPlans'],
  cpReviews: ['childId', 'cpPlanId', 'reviewDate'],
};

/** Keeps the rows of a snapshot that belong to the census: its children, its episodes and what hangs off them. */
function censusPart(snapshot: Record<string, string[]>, childIds: Set<string>, episodeKeys: Set<string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const planKeys = new Set<string>();
  for (const row of snapshot.cpPlans ?? []) {
    const r = JSON.parse(row) as Record<string, string>;
    if (episodeKeys.has(r.cinEpisodeId as string)) planKeys.add(`${r.childId}/${r.startDate}`);
  }
  for (const [table, rows] of Object.entries(snapshot)) {
    out[table] = rows.filter((row) => {
      const r = JSON.parse(row) as Record<string, unknown>;
      if (table === 'children') return childIds.has(r.laChildId as string);
      if (table === 'cinEpisodes') return episodeKeys.has(`${r.childId}/${r.referralDate}`);
      if (table === 'cpReviews') return planKeys.has(r.cpPlanId as string);
      if ('cinEpisodeId' in r) return episodeKeys.has(r.cinEpisodeId as string);
      return childIds.has(r.childId as string);
    });
  }
  return out;
}

describeEachEngine('CIN census round trip', (ctx) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lantern-cin-export-'));
  let demoId = 0;

  before(async () => {
    const demo = await generateDemoAuthority(ctx.database, { seed: 1, childPopulation: 4000, years: 2, asAt: '2026-03-31', code: 'DEMO' });
    demoId = demo.authorityId;
  });

  it('demo → XML → empty authority → XML gives the same file and the same canonical data', async () => {
    const first = path.join(dir, 'demo-2026.xml');
    const summary = await exportCinCensus(ctx.database.db, demoId, { year: 2026, laNumber: '302', generatedAt: AT }, first);
    assert.ok(summary.children > 50, `expected a census of some size, got ${summary.children} children`);

    const empty = await buildAuthority(ctx.database.db, { laNumber: '302' });
    const imported = await importFiles(ctx.database, { paths: [first], authorityId: empty.id, actor, formats: [cinCensusFormat] });
    const batch = imported.batches[0];
    assert.ok(batch);
    const errors = batch.issues.filter((i) => i.severity === 'error');
    const byRule = new Map<string, number>();
    for (const e of errors) byRule.set(e.rule, (byRule.get(e.rule) ?? 0) + 1);
    assert.deepEqual([...byRule], [], `the demo census imports with no errors; first: ${JSON.stringify(errors.slice(0, 3))}`);
    assert.equal(batch.status, 'accepted');
    assert.equal(batch.counts.children, summary.children);
    assert.equal(batch.counts.cinEpisodes, summary.episodes);

    const second = path.join(dir, 'again-2026.xml');
    assert.deepEqual(await exportCinCensus(ctx.database.db, empty.id, { year: 2026, laNumber: '302', generatedAt: AT }, second), summary);
    assert.equal(readFileSync(second, 'utf8'), readFileSync(first, 'utf8'));

    const after = await canonicalSnapshot(ctx.database.db, empty.id, SPEC);
    const childIds = new Set((after.children ?? []).map((r) => (JSON.parse(r) as { laChildId: string }).laChildId));
    const episodeKeys = new Set((after.cinEpisodes ?? []).map((r) => { const e = JSON.parse(r) as Record<string, string>; return `${e.childId}/${e.referralDate}`; }));
    const before = censusPart(await canonicalSnapshot(ctx.database.db, demoId, SPEC), childIds, episodeKeys);
    for (const table of Object.keys(SPEC)) {
      assert.deepEqual(after[table], before[table], `${table} differs after the round trip`);
    }
  });

  it('the fixture survives import and export field by field', async () => {
    const authority = await buildAuthority(ctx.database.db, { laNumber: '302' });
    const imported = await importFiles(ctx.database, { paths: [fixture('valid-2026.xml').path], authorityId: authority.id, actor, formats: [cinCensusFormat] });
    assert.equal(imported.batches[0]?.status, 'accepted');
    const out = path.join(dir, 'fixture-2026.xml');
    // The fixture has 4 children and 5 episodes (see index.test.ts).
    assert.deepEqual(await exportCinCensus(ctx.database.db, authority.id, { year: 2026, generatedAt: AT }, out), { children: 4, episodes: 5 });
    const original = await readCensus([fixture('valid-2026.xml')]);
    const again = await readCensus([sourceFile(out)]);
    assert.deepEqual(again.issues, []);
    assert.deepEqual(again.result?.dataset.rows, original.result?.dataset.rows);
    assert.match(readFileSync(out, 'utf8'), /<LEA>302<\/LEA>/);
  });
});
