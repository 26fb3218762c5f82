/**
 * The server keeps each authority's work due current in the background (issue 17): once when it is ready, then every
 * minute, it recomputes the trackers' kept items of any authority whose events changed or whose day has turned
 * (src/features/trackers/work-due.ts). A tracker read before that still derives them itself.
 */
import type { Logger } from '../core/logger';
import type { Db } from '../db/client';
import { todayInLondon } from '../domain/today';
import { refreshStaleWorkDue } from '../features/trackers/work-due';

const EVERY_MS = 60_000;

export function startWorkDueRefresher(
  db: Db,
  logger: Logger,
  after: Promise<unknown> | null = null,
): { stop(): Promise<void> } {
  // The first refresh waits for `after` (whatever its outcome).
  let running: Promise<void> = (after ?? Promise.resolve()).then(
    () => undefined,
    () => undefined,
  );
  let stopped = false;
  const tick = () => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        const started = performance.now();
        const refreshed = await refreshStaleWorkDue(db, todayInLondon());
        if (refreshed > 0)
          logger.info(
            { authorities: refreshed, ms: Math.round(performance.now() - started) },
            'work due recomputed for today',
          );
      } catch (err) {
        logger.error({ err }, 'work due could not be recomputed');
      }
    });
  };
  tick();
  const timer = setInterval(tick, EVERY_MS);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
