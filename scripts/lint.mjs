#!/usr/bin/env node
// `npm run lint`: the type check, ESLint, Prettier and knip, in one process, each reported as it ends; the exit code
// is non-zero if any of them fails.
//
// The type check and ESLint's type-aware rules need the same TypeScript program. Built once here and handed to ESLint
// (typescript-eslint's parserOptions.programs), it is not built a second time by ESLint's project service, and the
// types the check has worked out are there for the rules: the two together cost little more than the check alone.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ts from 'typescript';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

const failed = [];
function report(title, started, ok, output = '') {
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  process.stdout.write(`${title}: ${ok ? 'passed' : 'FAILED'} in ${seconds} s\n${ok ? '' : output.trimEnd() + '\n'}`);
  if (!ok) failed.push(title);
}

// 1. The type check (tsc --noEmit), on the program of tsconfig.json.
let started = Date.now();
let configProblem;
const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => (configProblem = d) };
const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, host);
if (!config || configProblem) {
  console.error(ts.flattenDiagnosticMessageText(configProblem?.messageText ?? 'tsconfig.json cannot be read', '\n'));
  process.exit(1);
}
const program = ts.createProgram({
  rootNames: config.fileNames,
  options: config.options,
  projectReferences: config.projectReferences,
});
const diagnostics = ts.getPreEmitDiagnostics(program);
report(
  'Type check (tsc --noEmit)',
  started,
  diagnostics.length === 0,
  ts.formatDiagnosticsWithColorAndContext(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  }),
);

// 2. ESLint, warnings counted as failures (--max-warnings 0), on the same program.
started = Date.now();
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, programs: [program] } } },
});
const results = await eslint.lintFiles(['.']);
const problems = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
const formatter = await eslint.loadFormatter('stylish');
report('ESLint', started, problems === 0, await formatter.format(results));

// 3. Prettier and knip, as their own commands.
for (const [title, args] of [
  ['Prettier (prettier --check .)', ['prettier', '--check', '--log-level', 'warn', '.']],
  ['knip (unused files, exports and dependencies)', ['knip']],
]) {
  started = Date.now();
  const run = spawnSync(path.join(root, 'node_modules', '.bin', args[0]), args.slice(1), { encoding: 'utf8' });
  report(title, started, run.status === 0, `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ?? ''}`);
}

process.exit(failed.length ? 1 : 0);
