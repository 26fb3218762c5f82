/**
 * What the web kernel hands every route (`ctx.services`): the database, configuration and logger, and the accounts
 * beneath the kernel (users, the access log). A feature's own long-lived services (the import jobs, the report
 * runner, the children service) are given to its routes by the wiring (src/app/routes.ts), not carried here, so
 * the kernel knows nothing of the features above it.
 */
import type { AccessLogRepository } from '../accounts/access-log/repository';
import type { AccessLogService } from '../accounts/access-log/service';
import type { UsersService } from '../accounts/users/service';
import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import type { Database, Db } from '../db/client';

export interface WebServices {
  config: Config;
  logger: Logger;
  database: Database;
  db: Db;
  accessLogRepository: AccessLogRepository;
  accessLog: AccessLogService;
  users: UsersService;
}
