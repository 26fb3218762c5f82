/**
 * What the server benchmarks share: a database for a run on either engine (a fresh PGlite folder, or a fresh
 * PostgreSQL database made from LANTERN_BENCH_DATABASE_URL and dropped after), a real `lantern serve --demo`
 * child process on it, and signed-in demo users.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { TestClient } from '../../harness/client';
import { waitFor } from './latency';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The demo users' shared password in every server benchmark (LANTERN_DEMO_PASSWORD). */
export const BENCH_PASSWORD = 'bench-password-123';

export type Engine = 'pglite' | 'postgres';

/** Where a run's data lives: the environment that points `lantern` at it, and how to remove it. */
export interface BenchDatabase {
  engine: Engine;
  /** A PGlite folder or a PostgreSQL database name. */
  location: string;
  env: NodeJS.ProcessEnv;
  drop(): Promise<void>;
}

/** The engines to run: PGlite, and PostgreSQL when LANTERN_BENCH_DATABASE_URL is set; `only` picks one. */
export function benchEngines(only: string | undefined): Engine[] {
  const all: Engine[] = ['pglite', ...(process.env.LANTERN_BENCH_DATABASE_URL ? (['postgres'] as const) : [])];
  if (only === 'postgres' && !process.env.LANTERN_BENCH_DATABASE_URL)
    throw new Error('--engine=postgres needs LANTERN_BENCH_DATABASE_URL (a server whose role may create databases)');
  return all.filter((e) => !only || only === 'both' || e === only);
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.LANTERN_BENCH_DATABASE_URL as string });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function postgresUrl(name: string): string {
  const url = new URL(process.env.LANTERN_BENCH_DATABASE_URL as string);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A database for one run: `existing` (a PGlite folder or PostgreSQL database built by an earlier run with --keep) is
 * used as it is and left behind; else a new one in `work` (PGlite) or on the server, dropped by `drop()` unless
 * `keep`. With `copyOf`, the new database starts as a copy of that one (PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
export async function benchDatabase(
  engine: Engine,
  work: string,
  options: { existing?: string | undefined; keep?: boolean; copyOf?: BenchDatabase } = {},
): Promise<BenchDatabase> {
  const keep = options.keep === true || options.existing !== undefined;
  if (engine === 'pglite') {
    const dir = options.existing ?? path.join(work, `pglite-${randomBytes(4).toString('hex')}`);
    if (options.copyOf) {
      const { cpSync } = await import('node:fs');
      cpSync(options.copyOf.location, dir, { recursive: true });
    }
    return {
      engine,
      location: dir,
      env: { LANTERN_DATA_DIR: dir, DATABASE_URL: '' },
      drop: () => {
        if (!keep) rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  const name = options.existing ?? `lantern_bench_${randomBytes(4).toString('hex')}`;
  if (!options.existing)
    await admin((c) =>
      c.query(`create database ${name}${options.copyOf ? ` template ${options.copyOf.location}` : ''}`),
    );
  return {
    engine,
    location: name,
    env: { DATABASE_URL: postgresUrl(name) },
    drop: async () => {
      if (!keep) await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** A running `lantern serve --demo`. */
export interface BenchServer {
  base: string;
  /** Seconds from the process's start to GET /health answering 200 (the demo built, when it was new). */
  healthSeconds: number;
  /** Seconds from the process's start to GET /sign-in answering 200. */
  firstPageSeconds: number;
  stop(): Promise<void>;
}

/**
 * Starts `lantern serve --demo` on `database` (building a demo borough of `population` children on first start)
 * and waits until it answers. `deadlineMs` bounds the wait (a 300k-child borough takes minutes to build).
 */
export async function startBenchServer(
  database: BenchDatabase,
  options: { port: number; population?: number | undefined; deadlineMs?: number },
): Promise<BenchServer> {
  const base = `http://127.0.0.1:${options.port}`;
  const args = ['bin/lantern.mjs', 'serve', '--demo', '--port', String(options.port)];
  if (options.population !== undefined) args.push('--demo-population', String(options.population));
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      ...database.env,
      LANTERN_DEMO_PASSWORD: BENCH_PASSWORD,
      LANTERN_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await Promise.race([
      waitFor(`${base}/health`, options.deadlineMs ?? 1_800_000),
      exited.then(() => {
        throw new Error(`lantern serve exited (${child.exitCode}) before answering`);
      }),
    ]);
    const healthy = performance.now();
    const first = await fetch(`${base}/sign-in`);
    if (first.status !== 200) throw new Error(`first page answered ${first.status}`);
    const firstPage = performance.now();
    return {
      base,
      healthSeconds: +((healthy - started) / 1000).toFixed(2),
      firstPageSeconds: +((firstPage - started) / 1000).toFixed(2),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** `n` sessions signed in as the demo user of each role in `roles` in turn (the demo has one user per role). */
export function signedIn(base: string, roles: readonly string[], n: number): Promise<TestClient[]> {
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const c = new TestClient(base);
      await c.signIn(roles[i % roles.length] as string, BENCH_PASSWORD);
      return c;
    }),
  );
}

/** The value of `--name=value` among the arguments. */
export function option(args: readonly string[], name: string): string | undefined {
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}
