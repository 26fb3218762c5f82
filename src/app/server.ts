/**
 * `lantern serve`: listens at once, answers 503 ("starting") until the database is migrated and, in demo mode,
 * the demo authority is loaded; then hands every request to the app. GET /health turns 200 when ready.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../core/config';
import { planDemo, prepareDemo, type DemoOptions, type DemoReady } from './demo/bootstrap';
import { isNewDataDir, startMigratedTemplate } from '../db/template';
import { recoverInterruptedReports } from '../features/reports/runner';
import { stopReportWriter } from '../documents/write-in-worker';
import { openRuntime, type Runtime } from './runtime';
import { createApp } from './web';
import { startWorkDueRefresher } from './work-due-refresher';

export interface RunningServer {
  url: string;
  runtime: Runtime;
  demo: DemoReady | null;
  close(): Promise<void>;
}

const STARTING_PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Lantern is starting</title><meta http-equiv="refresh" content="3"></head><body><main><h1>Lantern is starting</h1><p>This page will refresh in a few seconds.</p></main></body></html>`;

export async function startServer(
  config: Config,
  hooks: {
    onListening?: (url: string) => void;
    onProgress?: (p: { stage: string; done: number; total: number }) => void;
    /** Overrides the demo borough's size (tests and benchmarks build smaller or larger ones). */
    demoOptions?: Partial<DemoOptions>;
  } = {},
): Promise<RunningServer> {
  let handler: http.RequestListener = (req, res) => {
    res.setHeader('Retry-After', '3');
    if (req.url === '/health') {
      res.writeHead(503, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status: 'starting' }));
    } else {
      res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8' }).end(STARTING_PAGE);
    }
  };
  const server = http.createServer((req, res) => {
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  hooks.onListening?.(url);

  let runtime: Runtime | undefined;
  try {
    // A demo on a new embedded data folder: simulate the demo authority (which needs no database) while a worker
    // builds the migrated database (src/db/template.ts), each on its own core.
    const fresh = config.demo && !config.databaseUrl && isNewDataDir(config.dataDir);
    if (fresh) startMigratedTemplate();
    const planned = fresh ? await planDemo(hooks.onProgress, hooks.demoOptions) : undefined;
    runtime = await openRuntime(config);
    const demo = config.demo ? await prepareDemo(runtime, hooks.onProgress, hooks.demoOptions, planned) : null;
    // Reports a previous process left queued or running died with its runner: say so (decision 0020).
    const interrupted = await recoverInterruptedReports(runtime.database.db);
    if (interrupted > 0)
      runtime.logger.warn({ reports: interrupted }, 'reports left unfinished by the last run marked failed');
    const app = createApp(runtime.services);
    handler = app;
    const indicators = demo?.indicators?.() ?? null;
    const opened = runtime;
    // Today's work due for every authority, in the background once ready (after a first start's indicators, so that
    // the two do not take turns holding PGlite's one connection) and then every minute (issue 17).
    const workDue = startWorkDueRefresher(opened.database.db, opened.logger, indicators);
    return {
      url,
      runtime: opened,
      demo,
      close: async () => {
        await new Promise<void>((resolve) => {
          server.close(() => {
            resolve();
          });
          server.closeAllConnections();
        });
        // Indicators still being computed are finished first: the data folder is left complete.
        await indicators;
        (app.locals.sessionStore as { close(): void } | undefined)?.close();
        await workDue.stop();
        await opened.services.reportRunner.stop();
        await stopReportWriter();
        await opened.close();
      },
    };
  } catch (err) {
    server.close();
    await runtime?.close();
    throw err;
  }
}
