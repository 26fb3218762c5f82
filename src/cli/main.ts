/**
 * The `lantern` program (bin/lantern.mjs, npm run lantern, npm start): runs the command on this process's own
 * streams and environment and exits with its code.
 *   lantern serve [--demo]          run the web app (npm start = lantern serve --demo)
 *   lantern db migrate              apply database migrations
 *   lantern demo generate           build a synthetic demo authority
 *   lantern users create|list|token manage local accounts and API tokens
 */
import { cliIo } from './io';
import { runLantern } from './run';

const code = await runLantern(process.argv.slice(2), cliIo());
process.exitCode = code;
if (code !== 0) process.exit(code);
