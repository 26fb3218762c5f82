/**
 * Ofsted's provider register (decision 0027): Ofsted's provider list as CSV loaded by `lantern reference import`,
 * recognised by its header, reading only the URN, placement and provider codes, postcode and deregistration date; a
 * bad row refusing the whole file with its file, row and column; an authority's own (synthetic) rows preferred for
 * that authority only.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/query';
import { describeEachEngine } from '../../../test/support/databases';
import { ReferenceFileError } from './files';
import { importReferenceFiles } from './import';
import { hasProviderLookup, lookUpProviders, providerListColumns, writeProviderRows } from './providers';

/** A made-up list shaped like Ofsted's (more columns than Lantern reads; every setting invented). */
const LIST = [
  'URN,Provider type,Setting name,Local authority,Placement code,Placement provider code,Registration date,Deregistration date,Setting address postcode',
  'SC100001,Children’s home,Made-up House,Barnet,K2,PR4,01/04/2010,,n12 1ab',
  '"2000003","Supported accommodation","Made-up Flats","Barnet","K3/H5","PR1/PR2","28/10/2023","","N12 2AB"',
  'SC100002,Secure children’s home,Made-up Secure,Hertfordshire,"K1,K2",PR2,01/01/2001,30/09/2025,AL1 1AB',
].join('\n');

describeEachEngine('the Ofsted provider register', (ctx) => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lantern-providers-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const count = async () =>
    Number(
      (
        await rows<{ n: unknown }>(
          ctx.database.db,
          sql`select count(*) as n from provider_lookup where scope = 'national'`,
        )
      )[0]?.n,
    );

  it('recognises a provider list by its header, and nothing else', () => {
    assert.notEqual(providerListColumns(LIST.split('\n')[0]?.split(',') ?? []), null);
    // The older name of the postcode column and closed date.
    assert.notEqual(
      providerListColumns(['urn', 'placement code', 'placement provider code', 'setting postcode', 'closed date']),
      null,
    );
    assert.equal(providerListColumns(['URN', 'Setting name', 'Setting address postcode']), null);
    assert.equal(providerListColumns(['pcds', 'laua', 'oseast1m', 'osnrth1m']), null);
  });

  it('loads the list: codes split on / or comma, postcodes normalised, UK and blank dates read', async () => {
    const file = path.join(dir, 'providers.csv');
    await writeFile(file, LIST);
    const result = await importReferenceFiles(ctx.database.db, [{ name: 'providers.csv', path: file }], 'test');
    assert.deepEqual(
      result.files.map((f) => [f.kind, f.rows]),
      [['providers', 3]],
    );
    const found = await lookUpProviders(ctx.database.db, 'ANY', ['SC100001', '2000003', 'SC100002', 'SC999999']);
    const source = 'ofsted-provider-list';
    assert.deepEqual(Object.fromEntries(found), {
      SC100001: { placeCodes: ['K2'], providerCodes: ['PR4'], postcode: 'N12 1AB', closed: null, source },
      '2000003': { placeCodes: ['K3', 'H5'], providerCodes: ['PR1', 'PR2'], postcode: 'N12 2AB', closed: null, source },
      SC100002: { placeCodes: ['K1', 'K2'], providerCodes: ['PR2'], postcode: 'AL1 1AB', closed: '2025-09-30', source },
    });
    assert.equal(await hasProviderLookup(ctx.database.db, 'ANY'), true);
  });

  it('refuses a file with a bad row, naming file, row and column, and keeps the register it had', async () => {
    const file = path.join(dir, 'bad.csv');
    // Row 5 (the header is row 1): a deregistration date that is not a date.
    await writeFile(file, `${LIST}\nSC100004,Children’s home,X,Barnet,K2,PR4,01/04/2010,31/02/2026,N12 3AB\n`);
    await assert.rejects(
      importReferenceFiles(ctx.database.db, [{ name: 'bad.csv', path: file }], 'test'),
      (e: unknown) =>
        e instanceof ReferenceFileError &&
        e.problems.length === 1 &&
        e.problems[0]?.file === 'bad.csv' &&
        e.problems[0].row === 5 &&
        e.problems[0].column === 'Deregistration date',
    );
    assert.equal(await count(), 3);
    // A URN not shaped like one (row 5 again), and a placement code that is not a code.
    await writeFile(file, `${LIST}\nSC12,Children’s home,X,Barnet,K 22,PR4,01/04/2010,,N12 3AB\n`);
    await assert.rejects(
      importReferenceFiles(ctx.database.db, [{ name: 'bad.csv', path: file }], 'test'),
      (e: unknown) =>
        e instanceof ReferenceFileError &&
        e.problems.map((p) => `${p.row} ${p.column}`).join('; ') === '5 URN; 5 Placement code',
    );
    assert.equal(await count(), 3);
  });

  it("prefers an authority's own rows for that authority only", async () => {
    await ctx.database.db.transaction((tx) =>
      writeProviderRows(tx, 'DEMO', 'synthetic-demo', [
        { urn: 'SC100001', placeCodes: 'K1', providerCodes: 'PR1', postcode: 'N12 9AB', closed: null },
      ]),
    );
    assert.deepEqual((await lookUpProviders(ctx.database.db, 'DEMO', ['SC100001'])).get('SC100001'), {
      placeCodes: ['K1'],
      providerCodes: ['PR1'],
      postcode: 'N12 9AB',
      closed: null,
      source: 'synthetic-demo',
    });
    const other = await lookUpProviders(ctx.database.db, 'OTHER', ['SC100001']);
    assert.equal(other.get('SC100001')?.source, 'ofsted-provider-list');
    await ctx.database.db.execute(sql`delete from provider_lookup where scope = 'national'`);
    assert.equal(await hasProviderLookup(ctx.database.db, 'OTHER'), false);
    assert.equal(await hasProviderLookup(ctx.database.db, 'DEMO'), true);
  });
});
