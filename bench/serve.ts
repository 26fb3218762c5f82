/**
 * Benchmarks of the running server, each against a real `lantern serve --demo` child process on an empty data
 * folder (so the demo borough is built as a new user's first `npm start` would):
 *   1. time to first page: process start → GET /health 200 → GET /sign-in 200;
 *   2. latency of the child record page and the children list under 20 concurrent signed-in users.
 * Prints JSON lines. Options: LANTERN_BENCH_REQUESTS (default 1000 per page kind).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TestClient } from '../harness/client';
import { measureLatency, waitFor } from './support/latency';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.LANTERN_BENCH_PORT ?? 3917);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'bench-password-123';
const REQUESTS = Number(process.env.LANTERN_BENCH_REQUESTS ?? 1000);
const USERS = 20;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lantern-bench-'));
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/lantern.mjs', 'serve', '--demo', '--port', String(PORT)], {
    cwd: root,
    env: {
      ...process.env,
      LANTERN_DATA_DIR: dataDir,
      LANTERN_DEMO_PASSWORD: PASSWORD,
      LANTERN_LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(`${BASE}/health`, 180_000);
    const healthy = performance.now();
    const first = await fetch(`${BASE}/sign-in`);
    if (first.status !== 200) throw new Error(`first page answered ${first.status}`);
    const firstPage = performance.now();
    console.log(
      JSON.stringify({
        bench: 'time-to-first-page',
        healthSeconds: +((healthy - started) / 1000).toFixed(2),
        firstPageSeconds: +((firstPage - started) / 1000).toFixed(2),
      }),
    );

    // 20 signed-in users, spread across the roles that read child records.
    const roles = ['director', 'head-of-service', 'analyst', 'qa-auditor', 'admin'];
    const clients = await Promise.all(
      Array.from({ length: USERS }, async (_, i) => {
        const c = new TestClient(BASE);
        await c.signIn(roles[i % roles.length] as string, PASSWORD);
        return c;
      }),
    );
    // Children to open: Lantern IDs from the list pages.
    const [client] = clients;
    if (!client) throw new Error('no client signed in');
    const list = await client.get('/children?q=a');
    const ids = [...new Set([...list.text.matchAll(/\/children\/(L\d{7})/g)].map((m) => m[1] as string))];
    if (!ids.length) throw new Error('no children found to open');
    for (const kind of ['child-record', 'children-list'] as const) {
      const urlFor = (n: number) =>
        kind === 'child-record'
          ? `/children/${ids[n % ids.length]}`
          : `/children?q=${'abcdefghijklmnopqrstuvwxyz'[n % 26]}&page=${(n % 3) + 1}`;
      const { largestPage: _largest, pages: _pages, ...figures } = await measureLatency(clients, REQUESTS, urlFor);
      console.log(JSON.stringify({ bench: `latency-${kind}`, ...figures }));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
