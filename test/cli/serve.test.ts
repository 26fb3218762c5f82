/**
 * `lantern serve --demo` as `npm start` runs it: on an empty data folder it answers /health 503 while it builds the
 * demo authority, then 200, and prints how to sign in; a second start reuses the same data.
 *
 * On the first start the indicators' kept monthly values are computed in the background once the app answers: the
 * figures served then (an indicator's trend, an improvement action's kept months) must be the ones served on the
 * second start, when every value is kept.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { TestClient } from '../../harness/client';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PORT = 3000 + Math.floor(Math.random() * 1000) + 3000;

function start(dataDir: string): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let out = '';
  const child = spawn(
    process.execPath,
    ['bin/lantern.mjs', 'serve', '--demo', '--port', String(PORT), '--demo-population', '4000'],
    {
      cwd: root,
      env: {
        ...process.env,
        LANTERN_DATA_DIR: dataDir,
        DATABASE_URL: '',
        LANTERN_DEMO_PASSWORD: 'serve-test-password',
        LANTERN_LOG_LEVEL: 'silent',
        HOST: '127.0.0.1',
      },
    },
  );
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      resolve(code);
    }),
  );
  return { child, output: () => out, exited };
}

async function until(predicate: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

/**
 * What a head of service is shown of the indicators: every indicator's latest month, the trend of one indicator, and
 * an improvement action's kept monthly values (the page that shows a month not kept as a gap).
 */
async function figures(): Promise<{ indicators: unknown; trend: unknown; action: unknown }> {
  const client = new TestClient(`http://127.0.0.1:${PORT}`);
  await client.signIn('head-of-service', 'serve-test-password');
  const json = async (path: string): Promise<unknown> => {
    const reply = await client.get(path);
    assert.equal(reply.status, 200, path);
    return JSON.parse(reply.text);
  };
  const plan = (await json('/api/improvement-plan')) as {
    themes: Array<{ objectives: Array<{ actions: Array<{ id: number }> }> }>;
  };
  const actionId = plan.themes[0]?.objectives[0]?.actions[0]?.id;
  assert.ok(actionId, 'the demo has an improvement plan');
  return {
    indicators: await json('/api/indicators?period=month'),
    trend: await json('/api/indicators/rereferrals-12-months?period=month'),
    action: await json(`/api/improvement-plan/actions/${actionId}`),
  };
}

async function health(): Promise<number | null> {
  try {
    return (await fetch(`http://127.0.0.1:${PORT}/health`)).status;
  } catch {
    return null;
  }
}

describe('lantern serve --demo', () => {
  let dataDir: string;
  before(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'lantern-serve-'));
  });
  after(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('first start builds the demo authority, prints how to sign in, and a second start reuses the data', async () => {
    const first = start(dataDir);
    const seen = new Set<number | null>();
    let duringFirstStart: Awaited<ReturnType<typeof figures>> | undefined;
    try {
      await until(async () => {
        const s = await health();
        seen.add(s);
        return s === 200;
      }, 120_000);
      await until(() => first.output().includes('Password: serve-test-password'), 5_000);
      assert.ok(seen.has(503), 'health answered 503 while starting');
      const out = first.output();
      assert.match(out, new RegExp(`Lantern is running at http://localhost:${PORT}`));
      assert.match(out, /admin, director, head-of-service, team-manager, social-worker, qa-auditor, analyst, member/);
      assert.match(out, /Demo authority: .+ \(built in [\d.]+ s\)/);
      const signIn = await fetch(`http://127.0.0.1:${PORT}/sign-in`);
      assert.equal(signIn.status, 200);
      assert.match(out, /Indicators are being computed in the background/);
      duringFirstStart = await figures();
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }

    const second = start(dataDir);
    try {
      await until(async () => (await health()) === 200, 60_000);
      await until(() => second.output().includes('Password:'), 5_000);
      assert.doesNotMatch(second.output(), /built in/, 'the second start does not rebuild the demo authority');
      assert.doesNotMatch(second.output(), /Indicators are being computed/, 'the first start kept every indicator');
      const kept = await figures();
      assert.deepEqual(duringFirstStart, kept, 'the first start served the figures the kept values give');
      const { indicators } = (kept.action as { impact: { indicators: Array<{ months: Array<{ kept: boolean }> }> } })
        .impact;
      assert.ok(indicators.length > 0);
      for (const indicator of indicators)
        assert.ok(
          indicator.months.every((m) => m.kept),
          'every month of the action is kept',
        );
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
