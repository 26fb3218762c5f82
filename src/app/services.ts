/**
 * Hand wiring: repositories → services. The web app and the CLI both take `Services`: what the web kernel hands
 * every route (WebServices, src/web/services.ts), and the features' own long-lived services, which the wiring gives
 * to the routes that use them (src/app/routes.ts).
 */
import type { Config } from '../core/config';
import type { Database } from '../db/client';
import { accessLogRepository } from '../accounts/access-log/repository';
import { accessLogService } from '../accounts/access-log/service';
import { childrenRepository, childrenService } from '../features/children/service';
import { importJobs } from '../features/ingest/jobs';
import { reportRunner } from '../features/reports/runner';
import { usersRepository } from '../accounts/users/repository';
import { usersService } from '../accounts/users/service';
import type { Logger } from '../core/logger';
import type { WebServices } from '../web/services';

export function createServices(database: Database, config: Config, logger: Logger) {
  const db = database.db;
  const accessLogRepo = accessLogRepository();
  const web: WebServices = {
    config,
    logger,
    database,
    db,
    accessLogRepository: accessLogRepo,
    accessLog: accessLogService(db, accessLogRepo),
    users: usersService(db, usersRepository()),
  };
  return {
    ...web,
    children: childrenService(db, childrenRepository()),
    importJobs: importJobs(database, logger, config.zipLimits),
    /** Writes queued reports one at a time in the background (src/features/reports/runner.ts). */
    reportRunner: reportRunner(db, logger),
  };
}
export type Services = ReturnType<typeof createServices>;
