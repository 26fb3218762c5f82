/**
 * The `lantern` command as an analyst runs it, on a PGlite folder of its own: in-process by default (runLantern with
 * captured output: no tsx start-up per command), or as a real process (bin/lantern.mjs) with { spawn: true }.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runLantern } from '../../src/cli/run';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunOptions {
  /** A real process instead of an in-process run. */
  spawn?: boolean;
  /** Standard input. */
  input?: string;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface LanternCli {
  /** A folder of the test's own (the database lives in its db/, or the folder options.dataFolder names). */
  dir: string;
  run(args: readonly string[], options?: RunOptions): Promise<CliResult>;
  dispose(): void;
}

export function lanternCli(prefix: string, options: { spawn?: boolean; dataFolder?: string } = {}): LanternCli {
  const dir = mkdtempSync(path.join(tmpdir(), `lantern-cli-${prefix}-`));
  const env = (): Record<string, string | undefined> => ({
    ...process.env,
    LANTERN_DATA_DIR: path.join(dir, options.dataFolder ?? 'db'),
    DATABASE_URL: '',
    LANTERN_LOG_LEVEL: 'silent',
  });
  return {
    dir,
    async run(args, runOptions = {}) {
      if (runOptions.spawn ?? options.spawn) {
        const r = spawnSync(process.execPath, ['bin/lantern.mjs', ...args], {
          cwd: REPO_ROOT,
          encoding: 'utf8',
          env: env(),
          input: runOptions.input,
        });
        return { status: r.status, stdout: r.stdout, stderr: r.stderr };
      }
      return runInProcess(args, env(), runOptions.input);
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function runInProcess(
  args: readonly string[],
  env: Record<string, string | undefined>,
  input: string | undefined,
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const status = await runLantern(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env,
    stdin: Readable.from(input === undefined ? [] : [Buffer.from(input)]),
  });
  return { status, stdout, stderr };
}
