/**
 * `npm run bench`: every benchmark, one after another, as JSON lines. Timings belong here, never in tests.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
for (const script of [
  'demo-generation.ts',
  'serve.ts',
  'data-exchange.ts',
  'validate-903.ts',
  'import-phases.ts',
  'indicators.ts',
  'inspections.ts',
  'reports.ts',
]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, script)], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
