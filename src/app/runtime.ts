/**
 * Opening Lantern: configuration → database (PGlite or PostgreSQL) → migrations → services.
 * Used by `lantern serve` and by every other command.
 */
import type { Config } from '../core/config';
import { openDatabase, type Database } from '../db/client';
import { createLogger, type Logger } from '../core/logger';
import { createServices, type Services } from './services';

export interface Runtime {
  config: Config;
  database: Database;
  logger: Logger;
  services: Services;
  close(): Promise<void>;
}

export async function openRuntime(
  config: Config,
  options: { migrate?: boolean; logger?: Logger } = {},
): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
  });
  if (options.migrate !== false) await database.migrate();
  const services = createServices(database, config, logger);
  return { config, database, logger, services, close: () => database.close() };
}
