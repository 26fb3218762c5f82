/**
 * The SSD bad-file corpus (test/fixtures/ssd/corpus): each file gets its specific message (file, line, column,
 * rule), and through the import runner each is rejected and leaves the database exactly as it was; the
 * Windows-1252 file is accepted and decoded right.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { before, describe, it } from 'node:test';
import * as schema from '../../../../db/schema/index';
import { buildAuthority, buildChild, buildReferral } from '../../../../../test/support/builders';
import { describeEachEngine } from '../../../../../test/support/databases';
import { importFiles } from '../../service';
import { ssdFormat } from './index';
import { brief, FIXTURES, readFolder } from './testing';

const CORPUS = path.join(FIXTURES, 'corpus');
const dir = (name: string) => path.join(CORPUS, name);

describe('SSD corpus: the specific message for each bad file', () => {
  it('empty file: the file is empty, and with no people nothing can be read', async () => {
    const { result, issues } = await readFolder(dir('empty'), undefined, false);
    assert.equal(result, null);
    assert.deepEqual(brief(issues), ['error LNT-FILE ssd_person.csv:- -', 'error LNT-FILE ssd_person.csv:- -']);
    assert.match(issues[0]?.message ?? '', /empty \(0 bytes\)/);
    assert.match(issues[1]?.message ?? '', /no ssd_person file/);
  });

  it('no ssd_person file: nothing else can be read', async () => {
    const { result, issues } = await readFolder(dir('no-person'));
    assert.equal(result, null);
    assert.deepEqual(brief(issues), ['error LNT-FILE ssd_cin_episodes.csv:- -']);
  });

  it('Windows-1252: accepted, and the accented names and pound sign decoded', async () => {
    const { result, issues } = await readFolder(dir('windows-1252'));
    assert.deepEqual(brief(issues), []);
    assert.deepEqual(
      result?.dataset.teams.map((t) => t.name),
      ['Équipe Zoë – £ budget'],
    );
    assert.deepEqual(
      result?.dataset.workers.map((w) => w.name),
      ['Zoë Brontë'],
    );
  });

  it('a required column missing: LNT-COLUMN on the header naming it, and none of the file read', async () => {
    const { result, issues } = await readFolder(dir('missing-column'));
    assert.deepEqual(brief(issues), ['error LNT-COLUMN ssd_cin_episodes.csv:1 cine_referral_date']);
    assert.equal(result?.dataset.rows.cinEpisodes.length, 0);
  });

  it('an impossible date (31/02/2025): LNT-TYPE on the row and column', async () => {
    const { issues } = await readFolder(dir('impossible-date'));
    assert.deepEqual(brief(issues), ['error LNT-TYPE ssd_person.csv:3 pers_dob']);
    assert.match(issues[0]?.message ?? '', /"31\/02\/2025" is not a date/);
    assert.equal(issues[0]?.child, '2002');
  });

  it('duplicate person IDs (2001 and 2001.0 are one ID): LNT-DUPLICATE on the second', async () => {
    const { issues } = await readFolder(dir('duplicate-person'));
    assert.deepEqual(brief(issues), ['error LNT-DUPLICATE ssd_person.csv:4 pers_person_id']);
  });

  it('orphan rows: a referral for a person not in ssd_person, a CIN plan whose referral is absent', async () => {
    const { issues } = await readFolder(dir('orphan'));
    assert.deepEqual(brief(issues), [
      'error LNT-REFERENCE ssd_cin_episodes.csv:3 cine_person_id',
      'error LNT-REFERENCE ssd_cin_plans.csv:3 cinp_referral_id',
    ]);
  });

  it('a truncated last row (4 of 13 cells): LNT-FILE on its line, the rows before it read', async () => {
    const { result, issues } = await readFolder(dir('truncated'));
    assert.deepEqual(brief(issues), ['error LNT-FILE ssd_person.csv:4 -']);
    assert.match(issues[0]?.message ?? '', /has 4 values but the header has 13 columns/);
    assert.equal(result?.dataset.rows.children.length, 2);
  });

  it('malformed outcome JSON: LNT-TYPE on the column', async () => {
    const { issues } = await readFolder(dir('malformed-json'));
    assert.deepEqual(brief(issues), ['error LNT-TYPE ssd_contacts.csv:2 cont_contact_outcome_json']);
  });

  it('a referral closed before it was made: LNT-DATES on the close date', async () => {
    const { issues } = await readFolder(dir('end-before-start'));
    assert.deepEqual(brief(issues), ['error LNT-DATES ssd_cin_episodes.csv:2 cine_close_date']);
  });
});

const actor = { userId: null, username: 'test' };
const REJECTED = [
  'empty',
  'no-person',
  'missing-column',
  'impossible-date',
  'duplicate-person',
  'orphan',
  'truncated',
  'malformed-json',
  'end-before-start',
];

describeEachEngine('SSD corpus through the import runner', (ctx) => {
  let authorityId = 0;
  const counts = async () => {
    const db = ctx.database.db;
    const [c] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.children)
      .where(eq(schema.children.authorityId, authorityId));
    const [r] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.cinEpisodes)
      .where(eq(schema.cinEpisodes.authorityId, authorityId));
    return [c?.n, r?.n];
  };

  before(async () => {
    authorityId = (await buildAuthority(ctx.database.db)).id;
    // What the authority already holds: one child with one referral.
    const child = await buildChild(ctx.database.db, { authorityId, laChildId: '2001' });
    await buildReferral(ctx.database.db, child);
  });

  for (const name of REJECTED) {
    it(`${name}: rejected, the database as it was`, async () => {
      const was = await counts();
      const summary = await importFiles(ctx.database, { paths: [dir(name)], authorityId, actor, formats: [ssdFormat] });
      // The empty file is claimed by nothing (it has no columns): it is reported as empty instead.
      if (name === 'empty') assert.deepEqual(summary.empty, ['empty/ssd_person.csv']);
      else
        assert.deepEqual(
          summary.batches.map((b) => b.status),
          ['rejected'],
        );
      assert.deepEqual(await counts(), was);
    });
  }

  it('windows-1252: accepted', async () => {
    const summary = await importFiles(ctx.database, {
      paths: [dir('windows-1252')],
      authorityId,
      actor,
      formats: [ssdFormat],
    });
    assert.deepEqual(
      summary.batches.map((b) => [b.status, b.errors]),
      [['accepted', 0]],
    );
  });
});
