/** The demo loads the reference folder once, only when there are no benchmark figures yet. */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { describeEachEngine } from '../../../test/support/databases';
import { demoReferenceDir, loadDemoReferenceData } from './demo';

const REFERENCE = path.resolve(process.cwd(), '../shared/reference-data');

describe('the demo’s reference folder', () => {
  it('is LANTERN_REFERENCE_DIR, else ../shared/reference-data; "off" turns it off', () => {
    assert.equal(demoReferenceDir({}, '/srv/lantern'), '/srv/shared/reference-data');
    assert.equal(demoReferenceDir({ LANTERN_REFERENCE_DIR: 'ref' }, '/srv/lantern'), '/srv/lantern/ref');
    assert.equal(demoReferenceDir({ LANTERN_REFERENCE_DIR: 'off' }, '/srv/lantern'), null);
  });
});

describeEachEngine('loading reference data for the demo', (ctx) => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lantern-demo-ref-'));
    await writeFile(path.join(dir, 'cpp.csv'), await readFile(path.join(REFERENCE, 'dfe-benchmarks/d3_cpps_subsequent_plan_2013_to_2025.csv')));
    await writeFile(path.join(dir, 'README.md'), 'not data');
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('does nothing when the folder is missing or turned off', async () => {
    assert.equal(await loadDemoReferenceData(ctx.database.db, { LANTERN_REFERENCE_DIR: path.join(dir, 'nowhere') }), null);
    assert.equal(await loadDemoReferenceData(ctx.database.db, { LANTERN_REFERENCE_DIR: 'off' }), null);
  });

  it('loads the folder’s CSV and JSON files once (README ignored); a second start loads nothing', async () => {
    const first = await loadDemoReferenceData(ctx.database.db, { LANTERN_REFERENCE_DIR: dir });
    // d3 has 2,132 rows (13 years × (1 England + 11 regions + 152 authorities) = 2,132), one measure each.
    assert.deepEqual(first?.files.map((f) => [f.name, f.source, f.rows]), [['cpp.csv', 'd3_cpps_subsequent_plan', 2132]]);
    assert.equal(await loadDemoReferenceData(ctx.database.db, { LANTERN_REFERENCE_DIR: dir }), null);
  });
});
