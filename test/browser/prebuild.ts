/**
 * Builds the browser files' demos for a whole run (scripts/run-tests.mjs starts this beside the tests), so that
 * the browser files, which the test runner starts last, copy them rather than build them, or wait for each other.
 */
import { BROWSER_DEMOS, builtDemo } from './browser';

for (const size of BROWSER_DEMOS) await builtDemo(size);
