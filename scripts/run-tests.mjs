#!/usr/bin/env node
// Runs the whole suite: every *.test.ts under src/ and test/ with Node's test runner (through tsx), and beside it,
// in parallel, the TypeScript type check and `npm run lint` (when the project has one). Extra arguments filter test
// files by substring (`npm test -- children`; then neither the type check nor lint runs).
//
// Work done once per run is shared through a cache folder and a run id handed to the test processes
// (LANTERN_TEST_CACHE, LANTERN_TEST_RUN; test/support/db-cache.ts): the migrated database and the standard demo
// authorities are built by the first test that needs them and copied by the others; the browser files' demos are
// built by a process beside the tests (test/browser/prebuild.ts). Folder and templates are removed at the end.
//
// The output ends with the test runner's own summary (ℹ tests N … ℹ pass N ℹ fail N): the type check's and lint's
// reports are printed before it. The exit code is non-zero if the type check, lint or any test fails.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

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

// The longest files first, so that the run does not end with one long file on a core while the other idles: a run
// ends no sooner than its last file started plus its length. The runner starts files in this order (see testFiles
// below): by their measured length (LANTERN_TEST_FILE_TIMES), the three longest browser files (a real Chromium with
// axe on every page), the round trips of every format on both engines, the killed import (real processes on both
// engines), the other browser files, the CLI's data file, the route × role walk and the other CLI files; then the
// rest in alphabetical order.
const LONGEST_FIRST = [
  'test/browser/quality',
  'test/browser/performance',
  'test/browser/inspections',
  'src/features/data/round-trip',
  'test/cli/import-killed',
  'test/browser/',
  'test/cli/data',
  'test/authorisation/',
  'test/cli/',
];
const rank = (f) => {
  const i = LONGEST_FIRST.findIndex((prefix) => f.startsWith(prefix));
  return i === -1 ? LONGEST_FIRST.length : i;
};
const isBrowserFile = (f) => f.startsWith('test/browser/');
const files = ['src', 'test']
  .flatMap((d) => find(path.join(root, d)))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

const run = randomBytes(5)
  .toString('hex')
  .replace(/[^a-z0-9]/g, '');
const cache = mkdtempSync(path.join(tmpdir(), 'lantern-test-run-'));
// A larger young generation for every process of the run (tests, the CLI they start, the type check and lint): the
// tests allocate heavily (datasets, documents, PGlite's copies) and V8's default 16 MB semi-spaces made them collect
// garbage a tenth of their CPU time; 64 MB gave about a tenth less CPU on the same files, for at most a few hundred MB
// more memory a process. LANTERN_TEST_NODE_OPTIONS overrides it.
const nodeOptions = [process.env.NODE_OPTIONS, process.env.LANTERN_TEST_NODE_OPTIONS ?? '--max-semi-space-size=64']
  .filter(Boolean)
  .join(' ');
const env = {
  ...process.env,
  NODE_OPTIONS: nodeOptions,
  LANTERN_LOG_LEVEL: process.env.LANTERN_LOG_LEVEL ?? 'silent',
  LANTERN_TEST_CACHE: cache,
  LANTERN_TEST_RUN: run,
};

// Test files share processes: each process costs about two seconds of CPU to load TypeScript through tsx before its
// first test, which for 170 files was a fifth of the suite's CPU. The long files above keep a process each (they start
// browsers and other processes, and start first); files that start nothing (no database, server or process: pure
// functions) share one; the rest share one per GROUP_SIZE, in alphabetical order so that a feature's files stay
// together. Within a process the files' tests run one after another, as they would alone: no test file sets the
// environment for long or mocks a module, and each closes what it opens. test/support/file-times-reporter.mjs still
// names each file. LANTERN_TEST_GROUP_SIZE=1 gives every file its own process.
const GROUP_SIZE = Number(process.env.LANTERN_TEST_GROUP_SIZE ?? 5);
const STARTS_SOMETHING =
  /describeEachEngine|test\/support\/(databases|db-cache|cli|app|report-demo|report-render|office)|harness\/|node:child_process|playwright|\.listen\(/;
const ownProcess = files.filter((f) => rank(f) < LONGEST_FIRST.length || GROUP_SIZE <= 1);
const rest = files.filter((f) => !ownProcess.includes(f));
const startsNothing = rest.filter((f) => !STARTS_SOMETHING.test(readFileSync(path.join(root, f), 'utf8')));
const startsSomething = rest.filter((f) => !startsNothing.includes(f));
const groups = [startsNothing];
for (let i = 0; i < startsSomething.length; i += GROUP_SIZE) groups.push(startsSomething.slice(i, i + GROUP_SIZE));
/**
 * What the test runner is given, in the order it should start them: for each long file and each group, a file in the
 * cache folder that imports the group's files in turn, named by its place in the order ("007-….test.mjs"). Node 20's
 * runner sorts the files it is given by path before it starts them, so a file handed over by its own path would
 * start in alphabetical order (the browser files, under test/, last of all, leaving the run's end to one long file);
 * in one folder with numbered names, the sorted order is the order wanted.
 */
const entries = [...ownProcess.map((f) => [f]), ...groups.filter((group) => group.length > 0)];
const testFiles = entries.map((group, i) => {
  const name = group.length === 1 ? path.basename(group[0], '.test.ts') : 'group';
  const shared = path.join(cache, `${String(i).padStart(3, '0')}-${name}.test.mjs`);
  writeFileSync(
    shared,
    group.map((f) => `import ${JSON.stringify(pathToFileURL(path.join(root, f)).href)};\n`).join(''),
  );
  return shared;
});

/** Every process started beside the tests (stopped with them on Ctrl+C). */
const children = [];

/** Runs a command with its output kept, for a report printed in one piece. */
function checked(title, command, args, childEnv = process.env) {
  const started = Date.now();
  const child = spawn(command, args, { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve) => {
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => resolve({ title, status: 1, output: String(e), seconds: 0 }));
    child.on('close', (status) =>
      resolve({ title, status: status ?? 1, output, seconds: (Date.now() - started) / 1000 }),
    );
  });
}

// `npm run lint` is the type check, ESLint, Prettier and knip in one process (scripts/lint.mjs: the type check's
// program is ESLint's too).
const checks = [];
if (filters.length === 0) {
  checks.push(
    checked('Type check and lint (npm run lint)', 'npm', ['run', '--silent', 'lint'], {
      ...process.env,
      NODE_OPTIONS: nodeOptions,
    }),
  );
}

// Each check's report is written as soon as it ends, between two lines of the tests' output.
const reported = checks.map((p) =>
  p.then((r) => {
    const verdict = r.status === 0 ? 'passed' : `FAILED (exit ${r.status})`;
    process.stdout.write(
      `\n── ${r.title}: ${verdict} in ${r.seconds.toFixed(0)} s ──\n${r.output.trim() ? r.output.trimEnd() + '\n' : ''}\n`,
    );
    return r;
  }),
);

// The browser files' demos are built beside the tests from the start, one after another in the order the browser
// files need them (BROWSER_DEMOS), so that the files copy them rather than each build its own.
let prebuild;
if (files.some(isBrowserFile)) {
  prebuild = checked(
    'Browser demos (test/browser/prebuild.ts)',
    process.execPath,
    ['--import', 'tsx', 'test/browser/prebuild.ts'],
    env,
  );
}

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
      ? [
          '--test-reporter=./test/support/file-times-reporter.mjs',
          `--test-reporter-destination=${process.env.LANTERN_TEST_FILE_TIMES}`,
        ]
      : []),
    // Three files at a time on two cores: a file often waits (on PostgreSQL, on Chromium, on a demo being built),
    // and the third keeps the cores busy meanwhile. LANTERN_TEST_CONCURRENCY overrides it.
    `--test-concurrency=${process.env.LANTERN_TEST_CONCURRENCY ?? 3}`,
    ...testFiles,
  ],
  { cwd: root, env, stdio: ['inherit', 'pipe', 'inherit'] },
);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true;
    tests.kill(signal);
    for (const child of children) child.kill(signal);
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
// A demo that failed to build is built again by the browser file that needs it, which fails if it still cannot.
const built = await prebuild;
if (built && built.status !== 0)
  process.stdout.write(
    `\n── ${built.title} failed; the browser files built their own ──\n${built.output.trimEnd()}\n\n`,
  );

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
    const { rows } = await client.query(`select datname from pg_database where datname like $1`, [
      `lantern\\_tpl\\_${run}\\_%`,
    ]);
    for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
  } catch (e) {
    process.stderr.write(
      `Could not drop this run's template databases: ${e instanceof Error ? e.message : String(e)}\n`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
