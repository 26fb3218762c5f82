/**
 * Round trips of the CIN census: the demo authority exported for a year, imported into an empty authority and
 * exported again gives the same XML byte for byte, and the same canonical data, field by field, for everything
 * the census carries; and the hand-built fixture survives import → export → read unchanged.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
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

/** What the census carries, table by table (the census XSD, liia-tools; to-dataset.ts says what is derived). */
const SPEC: SnapshotSpec = {
  children: [
    'laChildId',
    'upn',
    'upnUnknownReason',
    'dateOfBirth',
    'expectedDateOfBirth',
    'dateOfDeath',
    'sex',
    'ethnicity',
  ],
  childDisabilities: ['childId', 'code'],
  cinEpisodes: [
    'childId',
    'referralDate',
    'referralSource',
    'primaryNeedCode',
    'referralNfa',
    'closureDate',
    'closureReason',
  ],
  assessments: ['childId', 'cinEpisodeId', 'startDate', 'authorisationDate', 'factors'],
  cinPlans: ['childId', 'cinEpisodeId', 'startDate', 'endDate'],
  s47Enquiries: ['childId', 'cinEpisodeId', 'startDate', 'icpcNotRequired'],
  initialCpConferences: [
    'childId',
    'cinEpisodeId',
    's47EnquiryId',
    'transferIn',
    'targetDate',
    'conferenceDate',
    'outcomeCpPlan',
  ],
  cpPlans: [
    'childId',
    'cinEpisodeId',
    'icpcId',
    'startDate',
    'endDate',
    'initialCategory',
    'latestCategory',
    'numberOfPreviousPlans',
  ],
  cpReviews: ['childId', 'cpPlanId', 'reviewDate'],
};

/** Keeps the rows of a snapshot that belong to the census: its children, its episodes and what hangs off them. */
function censusPart(
  snapshot: Record<string, string[]>,
  childIds: Set<string>,
  episodeKeys: Set<string>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const planKeys = new Set<string>();
  for (const row of snapshot.cpPlans ?? []) {
    const r = JSON.parse(row) as Record<string, string>;
    if (episodeKeys.has(r.cinEpisodeId as string)) planKeys.add(`${r.childId}/${r.startDate}`);
  }
  const preKeys = new Set<string>();
  for (const row of snapshot.preProceedings ?? []) {
    const r = JSON.parse(row) as Record<string, string>;
    if (episodeKeys.has(r.cinEpisodeId as string)) preKeys.add(`${r.childId}/${r.startDate}`);
  }
  for (const [table, rows] of Object.entries(snapshot)) {
    out[table] = rows.filter((row) => {
      const r = JSON.parse(row) as Record<string, unknown>;
      if (table === 'children') return childIds.has(r.laChildId as string);
      if (table === 'cinEpisodes') return episodeKeys.has(`${r.childId}/${r.referralDate}`);
      if (table === 'cpReviews') return planKeys.has(r.cpPlanId as string);
      if (table === 'careProceedings') return preKeys.has(r.preProceedingsId as string);
      if ('cinEpisodeId' in r) return episodeKeys.has(r.cinEpisodeId as string);
      return childIds.has(r.childId as string);
    });
  }
  return out;
}

/** Pre-proceedings (2026/27 on): what the census carries; a court application is a care proceedings issue date. */
const SPEC_2027: SnapshotSpec = {
  ...SPEC,
  preProceedings: [
    'childId',
    'cinEpisodeId',
    'startDate',
    'letterBeforeProceedingsDate',
    'familyGroupDecisionOffered',
    'initialMeetingDate',
    'reviewMeetings',
    'decisionDate',
    'endDate',
    'outcome',
  ],
  careProceedings: ['childId', 'preProceedingsId', 'issueDate'],
};

describeEachEngine('CIN census round trip', (ctx) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lantern-cin-export-'));
  const db = () => ctx.database.db;

  /** Exports `year` from `from`, imports it into a new authority, exports again; returns both files and the new authority. */
  async function roundTrip(from: number, year: number) {
    const first = path.join(dir, `first-${from}-${year}.xml`);
    const summary = await exportCinCensus(db(), from, { year, laNumber: '302', generatedAt: AT }, first);
    assert.ok(summary.children > 50, `expected a census of some size, got ${summary.children} children`);
    const empty = await buildAuthority(db(), { laNumber: '302' });
    const imported = await importFiles(ctx.database, {
      paths: [first],
      authorityId: empty.id,
      actor,
      formats: [cinCensusFormat],
    });
    const batch = imported.batches[0];
    assert.ok(batch);
    const errors = batch.issues.filter((i) => i.severity === 'error');
    const byRule = new Map<string, number>();
    for (const e of errors) byRule.set(e.rule, (byRule.get(e.rule) ?? 0) + 1);
    assert.deepEqual(
      [...byRule],
      [],
      `the demo census imports with no errors; first: ${JSON.stringify(errors.slice(0, 3))}`,
    );
    assert.equal(batch.status, 'accepted');
    assert.equal(batch.counts.children, summary.children);
    assert.equal(batch.counts.cinEpisodes, summary.episodes);
    const second = path.join(dir, `second-${from}-${year}.xml`);
    assert.deepEqual(
      await exportCinCensus(db(), empty.id, { year, laNumber: '302', generatedAt: AT }, second),
      summary,
    );
    return { first: readFileSync(first, 'utf8'), second: readFileSync(second, 'utf8'), authorityId: empty.id };
  }

  async function sameCanonicalData(demoId: number, copyId: number, spec: SnapshotSpec) {
    const after = await canonicalSnapshot(db(), copyId, spec);
    const childIds = new Set((after.children ?? []).map((r) => (JSON.parse(r) as { laChildId: string }).laChildId));
    const episodeKeys = new Set(
      (after.cinEpisodes ?? []).map((r) => {
        const e = JSON.parse(r) as Record<string, string>;
        return `${e.childId}/${e.referralDate}`;
      }),
    );
    const before = censusPart(await canonicalSnapshot(db(), demoId, spec), childIds, episodeKeys);
    for (const table of Object.keys(spec)) {
      assert.ok((after[table]?.length ?? 0) > 0, `${table} has rows to compare`);
      assert.deepEqual(after[table], before[table], `${table} differs after the round trip`);
    }
  }

  describe('a demo authority as at 31 March 2026', () => {
    let demoId = 0;
    before(async () => {
      demoId = (
        await generateDemoAuthority(ctx.database, {
          seed: 1,
          childPopulation: 4000,
          years: 3,
          asAt: '2026-03-31',
          code: 'DEMO',
        })
      ).authorityId;
    });

    it('2025/26: the same XML again, and the same canonical data field by field', async () => {
      const { first, second, authorityId } = await roundTrip(demoId, 2026);
      assert.equal(second, first);
      assert.match(first, /<Sex>[MFU]<\/Sex>/);
      assert.doesNotMatch(first, /GenderCurrent|PreProceedingsandFGDM/);
      await sameCanonicalData(demoId, authorityId, SPEC);
    });

    it('2023/24, a past year (GenderCurrent; as it stood on 31 March 2024): the same XML again', async () => {
      const { first, second } = await roundTrip(demoId, 2024);
      // Known gap: an S47 whose conference had not been held by the reference date carries its InitialCPCtarget
      // in the census, but the canonical model keeps the target on the conference row, which needs a conference
      // date, so the target of a pending conference does not survive an import. Everything else does.
      const withoutPendingTargets = first.replace(/<Section47>[\s\S]*?<\/Section47>/g, (block) =>
        block.includes('<DateOfInitialCPC>')
          ? block
          : block.replace(/\s*<InitialCPCtarget>[^<]*<\/InitialCPCtarget>/, ''),
      );
      assert.equal(second, withoutPendingTargets);
      assert.match(first, /<GenderCurrent>[120]<\/GenderCurrent>/);
      assert.doesNotMatch(first, /<Sex>/);
      // Nothing happened after the reference date; only an expected birth date and a conference target may be later.
      const later = [...first.matchAll(/<(\w+)>(\d{4}-\d\d-\d\d)<\/\1>/g)]
        .filter(
          (m) =>
            (m[2] as string) > '2024-03-31' &&
            !['ExpectedPersonBirthDate', 'InitialCPCtarget'].includes(m[1] as string),
        )
        .map((m) => m[0]);
      assert.deepEqual(later, []);
    });
  });

  describe('a demo authority as at 31 March 2027', () => {
    let demoId = 0;
    before(async () => {
      demoId = (
        await generateDemoAuthority(ctx.database, {
          seed: 2,
          childPopulation: 4000,
          years: 1,
          asAt: '2027-03-31',
          code: 'DEMO27',
        })
      ).authorityId;
    });

    it('2026/27 with pre-proceedings: the same XML again, and the same canonical data', async () => {
      const { first, second, authorityId } = await roundTrip(demoId, 2027);
      assert.equal(second, first);
      assert.match(first, /<PreProceedingsandFGDM>/);
      await sameCanonicalData(demoId, authorityId, SPEC_2027);
    });
  });

  it('the fixture survives import and export field by field', async () => {
    const authority = await buildAuthority(db(), { laNumber: '302' });
    const imported = await importFiles(ctx.database, {
      paths: [fixture('valid-2026.xml').path],
      authorityId: authority.id,
      actor,
      formats: [cinCensusFormat],
    });
    assert.equal(imported.batches[0]?.status, 'accepted');
    const out = path.join(dir, 'fixture-2026.xml');
    // The fixture has 4 children and 5 episodes (see index.test.ts).
    assert.deepEqual(await exportCinCensus(db(), authority.id, { year: 2026, generatedAt: AT }, out), {
      children: 4,
      episodes: 5,
    });
    const original = await readCensus([fixture('valid-2026.xml')]);
    const again = await readCensus([sourceFile(out)]);
    assert.deepEqual(again.issues, []);
    assert.deepEqual(again.result?.dataset.rows, original.result?.dataset.rows);
    assert.match(readFileSync(out, 'utf8'), /<LEA>302<\/LEA>/);
  });
});
