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
import { collectionYearBounds } from '../../ingest/rules';
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

/**
 * Keeps the rows of a snapshot that belong to the census: its children, its episodes and the modules under them that
 * fall in the collection year (write.ts; rules 8696, 4013, 8715, 8930): an assessment not authorised before the
 * year; a CIN plan, CP plan or pre-proceedings not ended before it; a conference held in it; a S47 whose conference
 * (held by the reference date) is in it, or with none, that began in it or had not ended before it. A CP plan whose
 * conference is not in the file comes back without it. `s47Ends` gives each S47's end (not in the census).
 */
function censusPart(
  snapshot: Record<string, string[]>,
  childIds: Set<string>,
  episodeKeys: Set<string>,
  year: { start: string; end: string },
  s47Ends: Map<string, string | null>,
): Record<string, string[]> {
  const rowsOf = (table: string) => (snapshot[table] ?? []).map((row) => JSON.parse(row) as Record<string, unknown>);
  const notEndedBefore = (d: unknown) => d === null || (d as string) >= year.start;
  const icpcs = rowsOf('initialCpConferences').filter((r) => (r.conferenceDate as string) <= year.end);
  const icpcKeys = new Set(
    icpcs.filter((r) => (r.conferenceDate as string) >= year.start).map((r) => `${r.childId}/${r.conferenceDate}`),
  );
  const s47InYear = (r: Record<string, unknown>) => {
    const key = `${r.childId}/${r.startDate}`;
    const held = icpcs
      .filter((i) => i.s47EnquiryId === key)
      .map((i) => i.conferenceDate as string)
      .sort()[0];
    if (held !== undefined) return held >= year.start;
    return (r.startDate as string) >= year.start || notEndedBefore(s47Ends.get(key) ?? null);
  };
  const planKeys = new Set<string>();
  for (const r of rowsOf('cpPlans'))
    if (episodeKeys.has(r.cinEpisodeId as string) && notEndedBefore(r.endDate))
      planKeys.add(`${r.childId}/${r.startDate}`);
  const preKeys = new Set<string>();
  for (const r of rowsOf('preProceedings'))
    if (episodeKeys.has(r.cinEpisodeId as string) && notEndedBefore(r.endDate))
      preKeys.add(`${r.childId}/${r.startDate}`);
  const out: Record<string, string[]> = {};
  for (const [table, rows] of Object.entries(snapshot)) {
    out[table] = rows
      .filter((row) => {
        const r = JSON.parse(row) as Record<string, unknown>;
        if (table === 'children') return childIds.has(r.laChildId as string);
        if (table === 'cinEpisodes') return episodeKeys.has(`${r.childId}/${r.referralDate}`);
        if (table === 'cpReviews') return planKeys.has(r.cpPlanId as string);
        if (table === 'careProceedings') return preKeys.has(r.preProceedingsId as string);
        if (table === 'cpPlans') return planKeys.has(`${r.childId}/${r.startDate}`);
        if (table === 'preProceedings') return preKeys.has(`${r.childId}/${r.startDate}`);
        if (!('cinEpisodeId' in r)) return childIds.has(r.childId as string);
        if (!episodeKeys.has(r.cinEpisodeId as string)) return false;
        if (table === 'assessments') return notEndedBefore(r.authorisationDate);
        if (table === 'cinPlans') return notEndedBefore(r.endDate);
        if (table === 'initialCpConferences') return icpcKeys.has(`${r.childId}/${r.conferenceDate}`);
        if (table === 's47Enquiries') return s47InYear(r);
        return true;
      })
      .map((row) => {
        if (table !== 'cpPlans') return row;
        const r = JSON.parse(row) as Record<string, unknown>;
        return r.icpcId === null || icpcKeys.has(r.icpcId as string) ? row : JSON.stringify({ ...r, icpcId: null });
      })
      .sort();
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

  async function sameCanonicalData(demoId: number, copyId: number, spec: SnapshotSpec, year: number) {
    const after = await canonicalSnapshot(db(), copyId, spec);
    const childIds = new Set((after.children ?? []).map((r) => (JSON.parse(r) as { laChildId: string }).laChildId));
    const episodeKeys = new Set(
      (after.cinEpisodes ?? []).map((r) => {
        const e = JSON.parse(r) as Record<string, string>;
        return `${e.childId}/${e.referralDate}`;
      }),
    );
    const ends = await canonicalSnapshot(db(), demoId, { s47Enquiries: ['childId', 'startDate', 'endDate'] });
    const s47Ends = new Map(
      (ends.s47Enquiries ?? []).map((row) => {
        const r = JSON.parse(row) as { childId: string; startDate: string; endDate: string | null };
        return [`${r.childId}/${r.startDate}`, r.endDate];
      }),
    );
    const before = censusPart(
      await canonicalSnapshot(db(), demoId, spec),
      childIds,
      episodeKeys,
      collectionYearBounds(year),
      s47Ends,
    );
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
      await sameCanonicalData(demoId, authorityId, SPEC, 2026);
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
      await sameCanonicalData(demoId, authorityId, SPEC_2027, 2027);
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
    // Every module: CHILD003's first episode (2 September 2024, closed RC8 on 30 April 2025) has its assessment
    // authorised on 14 April 2025, in the year, so the census holds it (one authorised before 1 April would be
    // left out: 8696; the demo's round trip above checks what is left out).
    assert.deepEqual(
      again.issues.map((i) => [i.rule, i.child]),
      [],
    );
    assert.deepEqual(again.result?.dataset.rows, original.result?.dataset.rows);
    assert.match(readFileSync(out, 'utf8'), /<LEA>302<\/LEA>/);
  });
});
