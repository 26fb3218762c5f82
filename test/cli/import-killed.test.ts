/**
 * An import killed part-way leaves the database exactly as it was, and the same import run again succeeds —
 * on the embedded database (a PGlite folder) and on PostgreSQL. The process is a real `lantern import`, killed
 * with SIGKILL (no chance to clean up) as soon as it reports that it has started writing.
 *
 * The return is built here: 6,000 children looked after, each with one episode and one social worker episode, so
 * that writing takes long enough to be interrupted (tens of thousands of rows).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/client';
import { engines, freshPostgresUrl } from '../support/databases';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHILDREN = 6000;

function writeReturn(dir: string): void {
  const header = ['CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB'];
  const episodes = ['CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN'];
  const sw = ['CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON'];
  for (let i = 1; i <= CHILDREN; i++) {
    const id = `K${String(i).padStart(6, '0')}`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    // MOTHER blank for a boy, 0 for a girl (rule 165).
    header.push(`${id},${i % 2 ? 'M' : 'F'},${day}/06/2012,WBRI,UN2,${i % 2 ? '' : '0'},`);
    episodes.push(`${id},${day}/05/2025,S,C2,N1,U4,PR1,,,,N12 0AB,N13 1AB,SC000001`);
    sw.push(`${id},${day}/06/2012,SW${1000 + (i % 50)},${day}/05/2025,,FCONTA`);
  }
  writeFileSync(path.join(dir, 'header.csv'), `${header.join('\n')}\n`);
  writeFileSync(path.join(dir, 'episodes.csv'), `${episodes.join('\n')}\n`);
  writeFileSync(path.join(dir, 'sw.csv'), `${sw.join('\n')}\n`);
}

for (const kind of engines()) {
  describe(`an import killed part-way [${kind}]`, () => {
    let dir: string;
    let env: NodeJS.ProcessEnv;
    let dropPostgres: (() => Promise<void>) | null = null;

    before(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'lantern-kill-'));
      writeReturn(dir);
      if (kind === 'postgres') {
        const pg = await freshPostgresUrl();
        dropPostgres = pg.drop;
        env = { ...process.env, DATABASE_URL: pg.url, LANTERN_LOG_LEVEL: 'silent' };
      } else {
        env = { ...process.env, LANTERN_DATA_DIR: path.join(dir, 'db'), DATABASE_URL: '', LANTERN_LOG_LEVEL: 'silent' };
      }
      const created = spawnSync(
        process.execPath,
        ['bin/lantern.mjs', 'authority', 'create', '--code', 'KIL', '--name', 'Killed Import Borough'],
        { cwd: root, env, encoding: 'utf8' },
      );
      assert.equal(created.status, 0, created.stderr);
    });
    after(async () => {
      await dropPostgres?.();
      rmSync(dir, { recursive: true, force: true });
    });

    async function counts(): Promise<{ children: number; periods: number; accepted: number }> {
      const database = await openDatabase(
        kind === 'postgres' ? { url: env.DATABASE_URL } : { dataDir: env.LANTERN_DATA_DIR },
      );
      try {
        const result = await database.db.execute<{ children: number; periods: number; accepted: number }>(
          sql`select (select count(*) from children)::int as children, (select count(*) from periods_of_care)::int as periods,
                     (select count(*) from import_batches where status = 'accepted')::int as accepted`,
        );
        const [c] = (result as unknown as { rows: Array<{ children: number; periods: number; accepted: number }> })
          .rows;
        return { children: Number(c?.children), periods: Number(c?.periods), accepted: Number(c?.accepted) };
      } finally {
        await database.close();
      }
    }

    test('killed while writing: nothing was written; run again: everything is', async () => {
      const child = spawn(
        process.execPath,
        [
          'bin/lantern.mjs',
          'import',
          '--authority',
          'KIL',
          '--year',
          '2026',
          path.join(dir, 'header.csv'),
          path.join(dir, 'episodes.csv'),
          path.join(dir, 'sw.csv'),
        ],
        { cwd: root, env },
      );
      let stderr = '';
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
      });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('exit', (code, signal) => {
          resolve({ code, signal });
        }),
      );
      await new Promise<void>((resolve) => {
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
          if (stderr.includes('… writing')) {
            child.kill('SIGKILL');
            resolve();
          }
        });
        void exited.then(() => {
          resolve();
        });
      });
      const { signal } = await exited;
      assert.equal(
        signal,
        'SIGKILL',
        `the import was killed before it finished (stdout: ${stdout}; stderr: ${stderr})`,
      );
      assert.doesNotMatch(stdout, /Accepted/);
      assert.deepEqual(await counts(), { children: 0, periods: 0, accepted: 0 });

      const again = spawnSync(
        process.execPath,
        [
          'bin/lantern.mjs',
          'import',
          '--authority',
          'KIL',
          '--year',
          '2026',
          path.join(dir, 'header.csv'),
          path.join(dir, 'episodes.csv'),
          path.join(dir, 'sw.csv'),
        ],
        { cwd: root, env, encoding: 'utf8' },
      );
      assert.equal(again.status, 0, again.stdout + again.stderr);
      assert.match(again.stdout, /Accepted: SSDA903 children looked after return 2025\/26/);
      assert.deepEqual(await counts(), { children: CHILDREN, periods: CHILDREN, accepted: 1 });
    });
  });
}
