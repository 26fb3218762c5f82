/**
 * The `lantern` command as an analyst runs it: a real process (bin/lantern.mjs) on a PGlite folder of its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface LanternCli {
  /** A folder of the test's own (the database lives in its db/). */
  dir: string;
  run(args: readonly string[]): { status: number | null; stdout: string; stderr: string };
  dispose(): void;
}

export function lanternCli(prefix: string): LanternCli {
  const dir = mkdtempSync(path.join(tmpdir(), `lantern-cli-${prefix}-`));
  return {
    dir,
    run(args) {
      const r = spawnSync(process.execPath, ['bin/lantern.mjs', ...args], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        env: { ...process.env, LANTERN_DATA_DIR: path.join(dir, 'db'), DATABASE_URL: '', LANTERN_LOG_LEVEL: 'silent' },
      });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
