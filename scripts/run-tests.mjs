#!/usr/bin/env node
// Runs the whole suite: every *.test.ts under src/ and test/ with Node's test runner (through tsx), and beside it,
// in parallel, the TypeScript type check and `npm run lint` (when the project has one). Extra arguments filter test
// files by substring (`npm test -- children`; then neither the type check nor lint runs).
//
// Work done once per run is shared through a cache folder and a run id handed to the test processes
// (LANTERN_TEST_CACHE, LANTERN_TEST_RUN; test/support/db-cache.ts): the migrated database and the standard demo
// authorities are built by the first test that needs them and copied by the others. Both are removed at the end.
//
// The output ends with the test runner's own summary (ℹ tests N … ℹ pass N ℹ fail N): the type check's and lint's
// reports are printed before it. The exit code is non-zero if the type check, lint or any test fails.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const filters = process.argv.slice(2);

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...find(full));
    else if (name.endsWith('.test.ts')) out.push(path.relative(root, full));
  }
  return out;
}

// The longest files start first, so that the run does not end waiting for one of them alone (the runner starts
// files in the order given). Measured; a file missing from this list simply starts in alphabetical order after it.
// The browser files that build a demo of their own size come first, so that no two wait on the same build.
const SLOW_FIRST = [
  'test/browser/inspections',
  'test/browser/quality',
  'test/browser/reports',
  'test/browser/',
  'src/synth/calibration',
  'src/features/indicators/',
  'src/features/improvement/',
  'src/features/exports/',
  'src/features/ingest/',
  'src/features/reports/',
  'src/synth/',
  'test/cli/',
];
const rank = (f) => {
  const i = SLOW_FIRST.findIndex((p) => f.startsWith(p));
  return i === -1 ? SLOW_FIRST.length : i;
};

const files = ['src', 'test']
  .flatMap((d) => find(path.join(root, d)))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));

const run = randomBytes(5).toString('hex').replace(/[^a-z0-9]/g, '');
const cache = mkdtempSync(path.join(tmpdir(), 'lantern-test-run-'));
const env = { ...process.env, LANTERN_LOG_LEVEL: process.env.LANTERN_LOG_LEVEL ?? 'silent', LANTERN_TEST_CACHE: cache, LANTERN_TEST_RUN: run };

/** Runs a command with its output kept, for a report printed in one piece. */
function checked(title, command, args) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => resolve({ title, status: 1, output: String(e), seconds: 0 }));
    child.on('close', (status) => resolve({ title, status: status ?? 1, output, seconds: (Date.now() - started) / 1000 }));
  });
}

const checks = [];
if (filters.length === 0) {
  checks.push(checked('Type check (tsc --noEmit)', 'npx', ['tsc', '--noEmit']));
  const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts ?? {};
  if (scripts.lint) checks.push(checked('Lint (npm run lint)', 'npm', ['run', '--silent', 'lint']));
}

// Each check's report is written as soon as it ends, between two lines of the tests' output.
const reported = checks.map((p) =>
  p.then((r) => {
    const verdict = r.status === 0 ? 'passed' : `FAILED (exit ${r.status})`;
    process.stdout.write(`\n── ${r.title}: ${verdict} in ${r.seconds.toFixed(0)} s ──\n${r.status === 0 ? '' : r.output.trimEnd() + '\n'}\n`);
    return r;
  }),
);

let interrupted = false;
const tests = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    // LANTERN_TEST_FILE_TIMES=PATH also writes each file's time to PATH (test/support/file-times-reporter.mjs).
    ...(process.env.LANTERN_TEST_FILE_TIMES
      ? ['--test-reporter=./test/support/file-times-reporter.mjs', `--test-reporter-destination=${process.env.LANTERN_TEST_FILE_TIMES}`]
      : []),
    `--test-concurrency=${process.env.LANTERN_TEST_CONCURRENCY ?? 2}`,
    ...files,
  ],
  { cwd: root, env, stdio: ['inherit', 'pipe', 'inherit'] },
);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true;
    tests.kill(signal);
  });
}

// The test runner's output passes through line by line, except its closing summary (from `ℹ tests N`), which is
// held until the checks have reported, so that it stays the last thing printed.
const tail = [];
const lines = createInterface({ input: tests.stdout, crlfDelay: Infinity });
lines.on('line', (line) => {
  if (tail.length > 0 || /^ℹ tests \d+/.test(line)) tail.push(line);
  else process.stdout.write(line + '\n');
});
const [testStatus] = await Promise.all([
  new Promise((resolve) => tests.on('close', (status) => resolve(status ?? 1))),
  new Promise((resolve) => lines.on('close', resolve)),
]);
const results = await Promise.all(reported);

await cleanUp();

const failedChecks = results.filter((r) => r.status !== 0).map((r) => r.title);
if (failedChecks.length > 0) process.stdout.write(`✖ ${failedChecks.join(' and ')} failed (reported above)\n`);
for (const line of tail) process.stdout.write(line + '\n');
process.exit(interrupted ? 130 : testStatus !== 0 ? testStatus : failedChecks.length > 0 ? 1 : 0);

/** Removes the run's cache folder and the template databases its tests built on the test server. */
async function cleanUp() {
  rmSync(cache, { recursive: true, force: true });
  const url = process.env.LANTERN_TEST_DATABASE_URL;
  if (!url) return;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query(`select datname from pg_database where datname like $1`, [`lantern\\_tpl\\_${run}\\_%`]);
    for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
  } catch (e) {
    process.stderr.write(`Could not drop this run's template databases: ${e instanceof Error ? e.message : String(e)}\n`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
