/**
 * The postcode lookup (decision 0027): an ONS Postcode Directory or NSPL loaded by `lantern reference import`,
 * recognised by its header, gzipped or not, reading only the postcode, the authority columns and the grid reference;
 * a bad row refusing the whole file; an authority's own (synthetic) rows preferred for that authority only.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/query';
import { describeEachEngine } from '../../../test/support/databases';
import { ReferenceFileError } from './files';
import { importReferenceFiles } from './import';
import { hasPostcodeLookup, lookUpPostcodes, postcodeDirectoryColumns, writePostcodeRows } from './postcodes';

/** An ONSPD-shaped file: many columns, of which Lantern reads pcds, oslaua, oscty, oseast1m and osnrth1m. */
const ONSPD = [
  'pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,usertype,oseast1m,osnrth1m,osgrdind,ctry',
  // A two-tier area: the county (Hertfordshire) runs children's services.
  'AL1 1AA,AL1  1AA,AL1 1AA,198001,,E10000015,E58000001,E07000240,E05000001,0,515000,207000,1,E92000001',
  // A London borough: no county (E99999999), so the district is the authority.
  'N3  1AA,N3   1AA,N3 1AA,198001,,E99999999,E99999999,E09000003,E05000002,0,525000,190000,1,E92000001',
  // Wales, and a postcode with no grid reference.
  'CF101AA,CF10 1AA,CF10 1AA,198001,,W99999999,W99999999,W06000015,W05000001,0,,,9,W92000004',
].join('\n');

describeEachEngine('the postcode lookup', (ctx) => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lantern-postcodes-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const count = async () =>
    Number(
      (
        await rows<{ n: unknown }>(
          ctx.database.db,
          sql`select count(*) as n from postcode_lookup where scope = 'national'`,
        )
      )[0]?.n,
    );

  it('recognises a postcode directory by its header, and nothing else', () => {
    assert.notEqual(postcodeDirectoryColumns(ONSPD.split('\n')[0]?.split(',') ?? []), null);
    // NSPL's names: laua, cty, and the same grid columns.
    assert.notEqual(postcodeDirectoryColumns(['pcds', 'laua', 'cty', 'oseast1m', 'osnrth1m']), null);
    assert.equal(postcodeDirectoryColumns(['pcds', 'laua']), null);
    assert.equal(postcodeDirectoryColumns(['date', 'title', 'weekday']), null);
  });

  it('loads an ONSPD file gzipped: the county in two-tier areas, the district elsewhere, WAL codes kept', async () => {
    const file = path.join(dir, 'ONSPD_extract.csv.gz');
    await writeFile(file, gzipSync(ONSPD));
    const result = await importReferenceFiles(ctx.database.db, [{ name: 'ONSPD_extract.csv.gz', path: file }], 'test');
    assert.deepEqual(
      result.files.map((f) => [f.kind, f.rows]),
      [['postcodes', 3]],
    );
    const found = await lookUpPostcodes(ctx.database.db, 'ANY', ['AL1 1AA', 'N3 1AA', 'CF10 1AA', 'ZZ1 1ZZ']);
    assert.deepEqual(Object.fromEntries(found), {
      'AL1 1AA': { laCode: 'E10000015', grid: { easting: 515000, northing: 207000 }, source: 'ons-postcode-directory' },
      'N3 1AA': { laCode: 'E09000003', grid: { easting: 525000, northing: 190000 }, source: 'ons-postcode-directory' },
      'CF10 1AA': { laCode: 'W06000015', grid: null, source: 'ons-postcode-directory' },
    });
    assert.equal(await hasPostcodeLookup(ctx.database.db, 'ANY'), true);
  });

  it('refuses a file with a bad row, with its row and column, and keeps the lookup it had', async () => {
    const file = path.join(dir, 'bad.csv');
    await writeFile(file, `${ONSPD}\nnot a postcode,x,NOPE,198001,,E99999999,x,E09000003,x,0,1,2,1,E92000001\n`);
    await assert.rejects(
      importReferenceFiles(ctx.database.db, [{ name: 'bad.csv', path: file }], 'test'),
      (e: unknown) =>
        e instanceof ReferenceFileError &&
        e.problems.length === 1 &&
        e.problems[0]?.row === 5 &&
        e.problems[0].column === 'pcds',
    );
    assert.equal(await count(), 3);
  });

  it("prefers an authority's own rows for that authority only", async () => {
    await ctx.database.db.transaction((tx) =>
      writePostcodeRows(tx, 'DEMO', 'synthetic-demo', [
        { postcode: 'N3 1AA', laCode: 'E09000003', easting: 1, northing: 2 },
      ]),
    );
    const demo = await lookUpPostcodes(ctx.database.db, 'DEMO', ['N3 1AA']);
    assert.deepEqual(demo.get('N3 1AA'), {
      laCode: 'E09000003',
      grid: { easting: 1, northing: 2 },
      source: 'synthetic-demo',
    });
    const other = await lookUpPostcodes(ctx.database.db, 'OTHER', ['N3 1AA']);
    assert.equal(other.get('N3 1AA')?.source, 'ons-postcode-directory');
    await ctx.database.db.execute(sql`delete from postcode_lookup where scope = 'national'`);
    assert.equal(await hasPostcodeLookup(ctx.database.db, 'OTHER'), false);
    assert.equal(await hasPostcodeLookup(ctx.database.db, 'DEMO'), true);
  });
});
