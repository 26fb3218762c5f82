/**
 * Imports started from the web or the API run in the background of the server process, so that a large upload
 * answers at once and its page can show how far it has got; so do withdrawals started from the web (taking an
 * import's rows away and working the indicators out again takes as long as importing it). A job is kept in memory
 * while it runs and for an hour after; what it did is in the import log for good. Only the user who started a job
 * can see it.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Database } from '../../db/client';
import type { Logger } from '../../core/logger';
import {
  importFiles,
  withdrawImport,
  type ImportActor,
  type ImportSummary,
  type WithdrawRequest,
  type WithdrawSummary,
} from './service';
import type { ImportOptions } from './format';
import type { ZipLimits } from './files';
import { refreshMonthlyValues } from '../indicators/stored-values';
import { todayInLondon } from '../../domain/today';

export interface ImportJob {
  id: string;
  /** Importing files, or withdrawing an import. */
  kind: 'import' | 'withdraw';
  authorityId: number;
  userId: number | null;
  startedAt: Date;
  finishedAt: Date | null;
  state: 'running' | 'finished' | 'failed';
  stage: string;
  file: string | null;
  done: number;
  total: number | null;
  summary: ImportSummary | null;
  /** A withdrawal: the import withdrawn and, once done, what withdrawing it did. */
  withdrawal: { importId: number; summary: WithdrawSummary | null } | null;
  /** A failure that is not a validation problem (those are in the summary). */
  error: string | null;
}

const KEEP_MS = 60 * 60 * 1000;

export function importJobs(database: Database, logger: Logger, zipLimits?: ZipLimits) {
  const jobs = new Map<string, ImportJob>();

  function prune(now: number) {
    for (const [id, job] of jobs) if (job.finishedAt && now - job.finishedAt.getTime() > KEEP_MS) jobs.delete(id);
  }

  return {
    /**
     * Starts importing `paths` (temporary files that the job removes when done) and returns at once.
     * `whenDone` runs after the import (e.g. to audit it).
     */
    start(request: {
      paths: string[];
      names: string[];
      tempDir: string | null;
      authorityId: number;
      actor: ImportActor;
      options: ImportOptions;
      whenDone?: (summary: ImportSummary) => Promise<void>;
    }): ImportJob {
      prune(Date.now());
      const job: ImportJob = {
        id: randomUUID(),
        kind: 'import',
        authorityId: request.authorityId,
        userId: request.actor.userId,
        startedAt: new Date(),
        finishedAt: null,
        state: 'running',
        stage: 'starting',
        file: null,
        done: 0,
        total: null,
        summary: null,
        withdrawal: null,
        error: null,
      };
      jobs.set(job.id, job);
      void (async () => {
        try {
          job.summary = await importFiles(database, {
            paths: request.paths,
            names: request.names,
            authorityId: request.authorityId,
            actor: request.actor,
            options: request.options,
            refreshIndicators: true,
            zipLimits,
            onProgress: (p) => {
              job.stage = p.stage;
              job.file = p.file ?? null;
              job.done = p.done;
              job.total = p.total;
            },
          });
          job.state = 'finished';
          await request.whenDone?.(job.summary);
        } catch (e) {
          job.state = 'failed';
          job.error = e instanceof Error ? e.message : String(e);
          // The message is about files and the database, never a child's details.
          logger.error({ err: job.error, job: job.id }, 'import failed');
        } finally {
          job.finishedAt = new Date();
          if (request.tempDir) await rm(request.tempDir, { recursive: true, force: true });
        }
      })();
      return job;
    },

    /**
     * Withdraws a live import (ingest/service.ts withdrawImport), then works the indicators out again, and returns
     * at once. The caller has checked that the import is this authority's and live; if another withdrawal got there
     * first, the job fails with the service's message and nothing changes.
     */
    withdraw(request: Omit<WithdrawRequest, 'refreshIndicators'>): ImportJob {
      prune(Date.now());
      const job: ImportJob = {
        id: randomUUID(),
        kind: 'withdraw',
        authorityId: request.authorityId,
        userId: request.actor.userId,
        startedAt: new Date(),
        finishedAt: null,
        state: 'running',
        stage: 'withdrawing',
        file: null,
        done: 0,
        total: null,
        summary: null,
        withdrawal: { importId: request.batchId, summary: null },
        error: null,
      };
      jobs.set(job.id, job);
      void (async () => {
        try {
          const summary = await withdrawImport(database, request);
          job.withdrawal = { importId: request.batchId, summary };
          // Only the indicators that read a table the withdrawal changed (and any whose kept values are out of date).
          summary.indicators = await refreshMonthlyValues(database.db, request.authorityId, todayInLondon(), {
            tables: summary.tablesChanged,
            onIndicator: (done, total) => {
              job.stage = 'Computing indicators';
              job.done = done;
              job.total = total;
            },
          });
          job.state = 'finished';
        } catch (e) {
          job.state = 'failed';
          job.error = e instanceof Error ? e.message : String(e);
          logger.error({ err: job.error, job: job.id }, 'withdrawal failed');
        } finally {
          job.finishedAt = new Date();
        }
      })();
      return job;
    },

    /** The job, if it exists and belongs to this user of this authority. */
    get(id: string, who: { authorityId: number; userId: number | null }): ImportJob | null {
      const job = jobs.get(id);
      if (!job || job.authorityId !== who.authorityId || job.userId !== who.userId) return null;
      return job;
    },

    /** Waits for a job to finish (tests, and the API's ?wait=). */
    async settled(id: string, timeoutMs = 600_000): Promise<ImportJob | null> {
      const started = Date.now();
      for (;;) {
        const job = jobs.get(id);
        if (!job || job.state !== 'running' || Date.now() - started > timeoutMs) return job ?? null;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}
export type ImportJobs = ReturnType<typeof importJobs>;
