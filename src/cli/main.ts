/**
 * The `lantern` program (bin/lantern.mjs, npm run lantern, npm start): runs the command on this process's own
 * streams and environment and exits with its code.
 *   lantern serve [--demo]          run the web app (npm start = lantern serve --demo)
 *   lantern db migrate              apply database migrations
 *   lantern demo generate           build a synthetic demo authority
 *   lantern users create|list|token manage local accounts and API tokens
 */
import { loadConfig } from '../core/config';
import { isNewDataDir, startMigratedTemplate } from '../db/template';
import { cliIo } from './io';

// `serve` on a new embedded data folder: start building its migrated database on the other core now, while the
// rest of Lantern loads (src/db/template.ts). A configuration problem is reported by the command itself.
if (process.argv[2] === 'serve') {
  try {
    const config = loadConfig(process.env, { purpose: 'command' });
    if (!config.databaseUrl && isNewDataDir(config.dataDir)) startMigratedTemplate();
  } catch {
    // reported below
  }
}
const { runLantern } = await import('./run');
const code = await runLantern(process.argv.slice(2), cliIo());
process.exitCode = code;
if (code !== 0) process.exit(code);
