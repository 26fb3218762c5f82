/**
 * The injected-violation corpus (issue 16): a small clean demo's SSDA903 and CIN census exports (every collection
 * year it holds), with faults injected into 8 children per kind (test/support/injected-violations.ts), read back:
 * Lantern reports every injected child under the kind's DfE rule code in that year's file, and the clean export had
 * no such issue for that child. The files are read, not imported: the rules run as a file is read.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { demoDatabase } from '../../../test/support/databases';
import { inject903, injectCin, type Injection, type Return903 } from '../../../test/support/injected-violations';
import { exportCinCensus } from '../exports/cin/index';
import { exportSsda903 } from '../exports/ssda903/index';
import type { ImportFormat, SourceFile } from '../ingest/format';
import { cinCensusFormat } from '../ingest/formats/cin/index';
import { ssda903Format } from '../ingest/formats/ssda903/index';
import { IssueLog, type Issue } from '../ingest/issues';

/** The standard 5,000-child demo (the data round trip's), built once per run and copied. */
const DEMO = { seed: 1, childPopulation: 5000, years: 6, asAt: '2026-03-31' };
/** The collection years it holds that Lantern writes. */
const YEARS = [2023, 2024, 2025, 2026];

function write(dir: string, name: string, text: string): SourceFile {
  mkdirSync(dir, { recursive: true });
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return { name, path: p, size: statSync(p).size };
}

/** Every issue reading `files` as one collection year's return, as "year code child". */
async function reported(format: ImportFormat, year: number, files: SourceFile[]): Promise<Set<string>> {
  const issues = new IssueLog();
  await format.read(files, {
    authority: { id: 1, code: 'TEST', name: 'Test', laNumber: '302' },
    issues,
    progress: () => {},
    options: { collectionYear: year },
    today: '2026-06-01',
  });
  const errors = issues.list().filter((i: Issue) => i.severity === 'error');
  return new Set([
    ...issues.list().map((i) => `${year} ${i.rule} ${i.child ?? ''}`),
    ...errors.map((i) => `${year} error ${i.rule}`),
  ]);
}

/** Per kind, how many of its injected children were reported under its code; and any reported before. */
function caught(injected: Injection[], clean: Set<string>, broken: Set<string>) {
  const byKind = new Map<string, number>();
  const already: string[] = [];
  for (const i of injected) {
    const key = `${i.year} ${i.code} ${i.child}`;
    if (clean.has(key)) already.push(`${i.kind}: ${key}`);
    const kind = `${i.code} ${i.kind}`;
    byKind.set(kind, (byKind.get(kind) ?? 0) + (broken.has(key) ? 1 : 0));
  }
  return { byKind: [...byKind], already };
}

const errorsOf = (found: Set<string>) => [...found].filter((k) => k.includes(' error '));

describe('injected violations: Lantern catches every injected child', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lantern-injected-'));
  const censuses: Array<{ year: number; xml: string }> = [];
  const returns: Return903[] = [];

  before(async () => {
    const { database, demo, drop } = await demoDatabase('pglite', DEMO);
    try {
      for (const year of YEARS) {
        const cin = path.join(dir, `cin-${year}.xml`);
        await exportCinCensus(database.db, demo.authorityId, { year, laNumber: '302' }, cin);
        censuses.push({ year, xml: readFileSync(cin, 'utf8') });
        const folder = path.join(dir, `903-${year}`);
        mkdirSync(folder);
        await exportSsda903(database.db, demo.authorityId, { year }, folder);
        const files: Record<string, string> = {};
        for (const f of readdirSync(folder)) files[f] = readFileSync(path.join(folder, f), 'utf8');
        returns.push({ year, files });
      }
    } finally {
      await drop();
    }
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('the CIN census: each kind in 8 children, each reported under the kind’s code', async () => {
    const readAll = async (label: string, files: Array<{ year: number; xml: string }>) => {
      const found = new Set<string>();
      for (const { year, xml } of files)
        for (const k of await reported(cinCensusFormat, year, [write(dir, `${label}-${year}.xml`, xml)])) found.add(k);
      return found;
    };
    const clean = await readAll('clean', censuses);
    assert.deepEqual(errorsOf(clean), [], 'the clean exports have no errors');
    const { files, injected } = injectCin(censuses);
    const { byKind, already } = caught(injected, clean, await readAll('broken', files));
    assert.deepEqual(already, [], 'no injected child had the issue before');
    // Ten kinds (injected-violations.ts), 8 children each, every one caught.
    assert.equal(byKind.length, 10);
    assert.deepEqual(
      byKind.filter(([, n]) => n !== 8),
      [],
    );
  });

  it('the SSDA903: each kind in 8 children, each reported under the kind’s code', async () => {
    const readAll = async (label: string, all: Return903[]) => {
      const found = new Set<string>();
      for (const { year, files } of all) {
        const sources = Object.entries(files).map(([name, text]) =>
          write(path.join(dir, `${label}-903-${year}`), name, text),
        );
        for (const k of await reported(ssda903Format, year, sources)) found.add(k);
      }
      return found;
    };
    const clean = await readAll('clean', returns);
    assert.deepEqual(errorsOf(clean), [], 'the clean exports have no errors');
    const { returns: broken, injected } = inject903(returns);
    const { byKind, already } = caught(injected, clean, await readAll('broken', broken));
    assert.deepEqual(already, [], 'no injected child had the issue before');
    // Five kinds, 8 children each, every one caught.
    assert.equal(byKind.length, 5);
    assert.deepEqual(
      byKind.filter(([, n]) => n !== 8),
      [],
    );
  });
});
