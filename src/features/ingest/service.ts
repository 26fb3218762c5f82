/**
 * Importing files: expand folders and zips; let each format claim its files; read and validate them; then either
 * reject (nothing written but the import log entry, its issues and the original files) or write the dataset in one
 * transaction that also replaces the previous import of the same source and period, keeps the original files and
 * records who imported what, when. The same files again change nothing.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { refreshMonthlyValues, type RefreshResult } from '../indicators/stored-values';
import type { Database } from '../../db/client';
import { authorities } from '../../db/schema/index';
import { todayInLondon } from '../../domain/today';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors';
import { Dataset } from './dataset';
import { FORMATS } from './formats/index';
import type { FormatId, ImportFormat, ImportOptions, ImportProgress, SourceFile } from './format';
import { FORMAT_LABELS } from './format';
import { digestFiles, expandInputs, type ZipLimits } from './files';
import { IssueLog, LANTERN_RULES, type Issue } from './issues';
import type { BulkLoader } from '../../db/client';
import type { Auditor } from '../../accounts/access-log/auditor';
import {
  acceptedWithDigest,
  batchForUpdate,
  markWithdrawn,
  recordEffect,
  insertBatch,
  insertFiles,
  insertIssues,
  linkSuperseded,
  liveBatch,
  supersede,
} from './store';
import { writeDataset, type WriteResult } from './writer';
import { eventTotals, periodEnd, tablesChanged, type ImportEffect } from './effect';
import { headlineFrom, headlineSql, type Headline } from '../children/headline';
import { restoreOriginals } from './originals';
import { postcodeSource } from './postcode-source';
import { providerSource } from './provider-source';

export interface ImportActor {
  userId: number | null;
  username: string;
}

export type BatchStatus = 'accepted' | 'rejected' | 'unchanged';

export interface BatchSummary {
  id: number;
  format: FormatId;
  formatLabel: string;
  period: string;
  periodLabel: string;
  status: BatchStatus;
  files: string[];
  errors: number;
  queries: number;
  counts: Record<string, number>;
  /** The kept issues (all of them up to MAX_KEPT_ISSUES). */
  issues: readonly Issue[];
  /** What an accepted import did (also kept with it: import_batches.effect). */
  effect?: ImportEffect;
  /** The tables an accepted import changed (SQL names: rows added, merged or removed). */
  tablesChanged?: readonly string[];
}

/** Keys of an import's counts that are not rows read from its files. */
const EFFECT_COUNTS = [
  'childrenAdded',
  'childrenUpdated',
  'replacedRows',
  'eventsAdded',
  'eventsMerged',
  'eventsUnchanged',
];

/** Rows an accepted import read from its files, from its counts (which also hold what the write did). */
export function rowsWritten(counts: Record<string, number>): number {
  return Object.entries(counts)
    .filter(([k]) => !EFFECT_COUNTS.includes(k))
    .reduce((n, [, v]) => n + v, 0);
}

/** Rows the files gave, by table (teams and workers are matched by name and ref, not counted as rows). */
function rowsRead(dataset: Dataset): Record<string, number> {
  return Object.fromEntries(Object.entries(dataset.counts()).filter(([k]) => k !== 'teams' && k !== 'workers'));
}

/** The write's effect in the counts every import keeps (children added and updated, events added … removed). */
function effectCounts(effect: ImportEffect): Record<string, number> {
  const events = eventTotals(effect);
  return {
    childrenAdded: effect.tables.children?.added ?? 0,
    childrenUpdated: effect.tables.children?.merged ?? 0,
    eventsAdded: events.added,
    eventsMerged: events.merged,
    eventsUnchanged: events.unchanged,
    replacedRows: events.removed,
  };
}

async function headlineIn(load: BulkLoader, authorityId: number, asAt: string): Promise<Headline> {
  return headlineFrom((await load.query(headlineSql(authorityId, asAt)))[0]);
}

/** Where sources disagree, and children not matched safely, become queries in the import's report. */
function reportMerge(issues: IssueLog, file: string, written: WriteResult): void {
  for (const q of written.queries)
    issues.query(
      file,
      null,
      q.column,
      LANTERN_RULES.disagreement,
      `${q.event}: this file gives ${show(q.given)}, ${describeSource(q.other.source)} gives ${show(q.other.value)}; kept ${show(q.kept)} (from ${describeSource(q.keptFrom)})`,
      q.childRef,
    );
  for (const a of written.ambiguous) issues.query(file, null, null, LANTERN_RULES.match, a.reason, a.childRef);
}

function show(value: unknown): string {
  return Array.isArray(value) ? value.join(' ') : String(value);
}

function describeSource(source: { importId: number | null; format: string | null; period: string | null }): string {
  if (source.importId === null) return "Lantern's own record";
  const label = source.format
    ? ((FORMAT_LABELS[source.format as FormatId] as string | undefined) ?? source.format)
    : 'import';
  return `import ${source.importId} (${label}${source.period && source.period !== 'extract' ? ` ${source.period}` : ''})`;
}

export interface ImportSummary {
  batches: BatchSummary[];
  /** Files no format recognised (nothing was read from them). */
  unrecognised: string[];
  /** Files with nothing in them (0 bytes). */
  empty: string[];
  /** The indicators recomputed afterwards (with refreshIndicators, when an import was accepted), else null. */
  indicators: RefreshResult | null;
}

export interface ImportRequest {
  paths: readonly string[];
  /** Names to show for `paths` (uploads); defaults to their base names. */
  names?: readonly string[];
  authorityId: number;
  actor: ImportActor;
  options?: ImportOptions;
  onProgress?: ImportProgress;
  /** The formats to offer files to (tests); defaults to every format Lantern reads. */
  formats?: readonly ImportFormat[];
  /** After an accepted import, recompute the indicators' kept monthly values (the web job and the CLI do). */
  refreshIndicators?: boolean;
  /** What a zip may hold (files.ts); the defaults unless the deployment sets others. */
  zipLimits?: ZipLimits;
}

export async function importFiles(database: Database, request: ImportRequest): Promise<ImportSummary> {
  const progress: ImportProgress = request.onProgress ?? (() => undefined);
  const [authority] = await database.db
    .select()
    .from(authorities)
    .where(eq(authorities.id, request.authorityId))
    .limit(1);
  if (!authority) throw new NotFoundError(`No authority with id ${request.authorityId}`);
  const expanded = await expandInputs(request.paths, request.names, request.zipLimits);
  try {
    let remaining: SourceFile[] = expanded.files;
    const claims: Array<{ format: ImportFormat; files: SourceFile[] }> = [];
    for (const format of request.formats ?? FORMATS) {
      if (remaining.length === 0) break;
      const claimed = await format.claim(remaining);
      if (claimed.length === 0) continue;
      if (format.filePerReturn) for (const file of claimed) claims.push({ format, files: [file] });
      else claims.push({ format, files: claimed });
      const taken = new Set(claimed.map((f) => f.path));
      remaining = remaining.filter((f) => !taken.has(f.path));
    }
    const batches: BatchSummary[] = [];
    for (const { format, files } of claims) {
      batches.push(await importClaim(database, authority, format, files, request, progress));
    }
    // Fresh statistics after new rows (PGlite never analyzes by itself; PostgreSQL's autovacuum may not have yet).
    if (batches.some((b) => b.status === 'accepted')) await database.exec('analyze');
    let indicators: RefreshResult | null = null;
    if (request.refreshIndicators && batches.some((b) => b.status === 'accepted')) {
      // Said before the first indicator is done, so that the time spent on indicators starts here (bench/import-one.ts).
      progress({ stage: 'Computing indicators', done: 0, total: null });
      // Only the indicators that read a table an import changed (and any whose kept values are out of date).
      indicators = await refreshMonthlyValues(database.db, authority.id, todayInLondon(), {
        tables: batches.flatMap((b) => b.tablesChanged ?? []),
        onIndicator: (done, total) => {
          progress({ stage: 'Computing indicators', done, total });
        },
      });
    }
    return {
      batches,
      unrecognised: remaining.filter((f) => f.size > 0).map((f) => f.name),
      empty: remaining.filter((f) => f.size === 0).map((f) => f.name),
      indicators,
    };
  } finally {
    await expanded.cleanup();
  }
}

async function importClaim(
  database: Database,
  authority: typeof authorities.$inferSelect,
  format: ImportFormat,
  files: SourceFile[],
  request: ImportRequest,
  progress: ImportProgress,
): Promise<BatchSummary> {
  const startedAt = new Date();
  const fileNames = files.map((f) => f.name);
  const bytes = files.reduce((n, f) => n + f.size, 0);
  const base = { format: format.id, formatLabel: FORMAT_LABELS[format.id], files: fileNames };
  progress({ stage: 'checking', done: 0, total: null });
  const digest = await digestFiles(files);

  const same = await database.bulkLoad((load) => acceptedWithDigest(load, authority.id, format.id, digest));
  if (same) {
    // The same files were imported before and are still live: record the attempt, change nothing else.
    const id = await database.bulkLoad((load) =>
      insertBatch(load, {
        authorityId: authority.id,
        format: format.id,
        period: same.period,
        periodLabel: same.periodLabel,
        collectionYear: null,
        digest,
        status: 'unchanged',
        fileNames,
        bytes,
        counts: null,
        errors: 0,
        queries: 0,
        importedBy: request.actor.username,
        userId: request.actor.userId,
        startedAt,
      }),
    );
    return {
      ...base,
      id,
      period: same.period,
      periodLabel: same.periodLabel,
      status: 'unchanged',
      errors: 0,
      queries: 0,
      counts: {},
      issues: [],
    };
  }

  // Progress through each file as it is read, in bytes (at most every 1 MiB), so a large upload shows movement.
  const total = files.reduce((n, f) => n + f.size, 0);
  let before = 0;
  let reported = -Infinity;
  for (const file of files) {
    const offset = before;
    file.onBytes = (read) => {
      const done = offset + Math.min(read, file.size);
      if (done - reported < 1 << 20 && read < file.size) return;
      reported = done;
      progress({ stage: 'reading', file: file.name, done, total });
    };
    before += file.size;
  }
  const issues = new IssueLog();
  const restored: string[] = [];
  const previousFiles = async (period: string): Promise<SourceFile[]> => {
    const live = await database.bulkLoad((load) => liveBatch(load, authority.id, format.id, period));
    if (live === null) return [];
    const dir = await mkdtemp(path.join(tmpdir(), 'lantern-previous-'));
    restored.push(dir);
    const written = await restoreOriginals(database.db, live, dir);
    return Promise.all(
      written.map(async (p) => ({
        name: `${path.relative(dir, p)} (import ${live})`,
        path: p,
        size: (await stat(p)).size,
      })),
    );
  };
  const ctx = {
    authority: { id: authority.id, code: authority.code, name: authority.name, laNumber: authority.laNumber },
    issues,
    progress,
    options: request.options ?? {},
    today: todayInLondon(),
    previousFiles,
    postcodes: postcodeSource(database, authority),
    providers: providerSource(database, authority),
  };
  let result: Awaited<ReturnType<ImportFormat['read']>> = null;
  try {
    result = await format.read(files, ctx);
  } catch (e) {
    issues.error(
      fileNames[0] ?? '',
      null,
      null,
      LANTERN_RULES.file,
      `The files could not be read: ${(e as Error).message}`,
    );
  } finally {
    for (const dir of restored) await rm(dir, { recursive: true, force: true });
  }
  if (!result && issues.errors === 0)
    issues.error(fileNames[0] ?? '', null, null, LANTERN_RULES.file, 'The files could not be read.');

  if (!result || issues.errors > 0) {
    const period = result?.period ?? 'unknown';
    const periodLabel = result?.periodLabel ?? 'period not known';
    const id = await database.bulkLoad(async (load) => {
      const batchId = await insertBatch(load, {
        authorityId: authority.id,
        format: format.id,
        period,
        periodLabel,
        collectionYear: result?.collectionYear ?? null,
        digest,
        status: 'rejected',
        fileNames,
        bytes,
        counts: null,
        errors: issues.errors,
        queries: issues.queries,
        importedBy: request.actor.username,
        userId: request.actor.userId,
        startedAt,
      });
      await insertIssues(load, batchId, issues.list());
      await insertFiles(load, batchId, files);
      return batchId;
    });
    return {
      ...base,
      id,
      period,
      periodLabel,
      status: 'rejected',
      errors: issues.errors,
      queries: issues.queries,
      counts: {},
      issues: issues.list(),
    };
  }

  const read = result;
  progress({ stage: 'writing', done: 0, total: null });
  const asAt = periodEnd(read.period, todayInLondon());
  const { id, counts, effect, changed } = await database.bulkLoad(async (load) => {
    const previous = await liveBatch(load, authority.id, format.id, read.period);
    if (previous !== null) await supersede(load, previous);
    const batchId = await insertBatch(load, {
      authorityId: authority.id,
      format: format.id,
      period: read.period,
      periodLabel: read.periodLabel,
      collectionYear: read.collectionYear,
      digest,
      status: 'accepted',
      fileNames,
      bytes,
      counts: rowsRead(read.dataset),
      errors: 0,
      queries: issues.queries,
      importedBy: request.actor.username,
      userId: request.actor.userId,
      startedAt,
    });
    if (previous !== null) await linkSuperseded(load, previous, batchId);
    const before = await headlineIn(load, authority.id, asAt);
    const written = await writeDataset(load, {
      authorityId: authority.id,
      batchId,
      replaces: previous,
      dataset: read.dataset,
      pglite: database.kind === 'pglite',
      onTable: (table, done, total) => {
        progress({ stage: 'writing', file: table, done, total });
      },
    });
    reportMerge(issues, fileNames[0] ?? '', written);
    const effect: ImportEffect = {
      tables: written.effect,
      asAt,
      before,
      after: await headlineIn(load, authority.id, asAt),
      disagreements: written.queries.length,
      ambiguousChildren: written.ambiguous.length,
    };
    await insertIssues(load, batchId, issues.list());
    await insertFiles(load, batchId, files);
    const summaryCounts = { ...rowsRead(read.dataset), ...effectCounts(effect) };
    await recordEffect(load, batchId, summaryCounts, effect, issues.queries);
    return { id: batchId, counts: summaryCounts, effect, changed: tablesChanged(written) };
  });
  return {
    ...base,
    id,
    period: read.period,
    periodLabel: read.periodLabel,
    status: 'accepted',
    errors: 0,
    queries: issues.queries,
    counts,
    issues: issues.list(),
    effect,
    tablesChanged: changed,
  };
}

export interface WithdrawRequest {
  authorityId: number;
  batchId: number;
  /** Why: required, and kept with the import. */
  reason: string;
  actor: ImportActor;
  /**
   * Recompute the indicators' kept monthly values afterwards (the web job and the CLI do): those that read a table
   * the withdrawal changed.
   */
  refreshIndicators?: boolean;
  /**
   * Records the withdrawal in the access log once it is done: the import's id, its format and period, and the
   * children and events removed (never the reason, which is free text).
   */
  audit?: Auditor;
}

export interface WithdrawSummary {
  id: number;
  format: FormatId;
  period: string;
  periodLabel: string;
  effect: ImportEffect;
  /** The tables the withdrawal changed (SQL names). */
  tablesChanged: readonly string[];
  /** The indicators recomputed afterwards (with refreshIndicators, or by the web job), else null. */
  indicators: RefreshResult | null;
}

/** Longest reason kept. */
export const MAX_WITHDRAW_REASON = 2000;

/**
 * Withdraws a live import: removes its contribution and leaves every other source's data as if it had never been
 * loaded (events only it gave go; events others gave too are merged again from what is left). Atomic; the import
 * keeps its files and issues, and is marked withdrawn with who, when and why.
 */
export async function withdrawImport(database: Database, request: WithdrawRequest): Promise<WithdrawSummary> {
  const reason = request.reason.trim();
  if (reason === '')
    throw new ValidationError([{ field: 'reason', message: 'Enter why the import is being withdrawn' }]);
  if (reason.length > MAX_WITHDRAW_REASON)
    throw new ValidationError([
      {
        field: 'reason',
        message: `The reason must be ${MAX_WITHDRAW_REASON.toLocaleString('en-GB')} characters or fewer`,
      },
    ]);
  const summary = await database.bulkLoad(async (load) => {
    const batch = await batchForUpdate(load, request.authorityId, request.batchId);
    if (!batch) throw new NotFoundError(`No import ${request.batchId}`);
    if (batch.status !== 'accepted')
      throw new ConflictError(
        `Import ${request.batchId} is ${batch.status}: only a live (accepted) import can be withdrawn`,
      );
    const asAt = periodEnd(batch.period, todayInLondon());
    const before = await headlineIn(load, request.authorityId, asAt);
    const written = await writeDataset(load, {
      authorityId: request.authorityId,
      batchId: null,
      replaces: request.batchId,
      dataset: new Dataset(),
      pglite: database.kind === 'pglite',
    });
    const effect: ImportEffect = {
      tables: written.effect,
      asAt,
      before,
      after: await headlineIn(load, request.authorityId, asAt),
      disagreements: 0,
      ambiguousChildren: 0,
    };
    await markWithdrawn(load, request.batchId, request.actor.username, reason, effect);
    return {
      id: request.batchId,
      format: batch.format,
      period: batch.period,
      periodLabel: batch.periodLabel,
      effect,
      tablesChanged: tablesChanged(written),
      indicators: null,
    };
  });
  await request.audit?.record(database.db, {
    recordType: 'import',
    recordId: String(summary.id),
    detail: {
      format: summary.format,
      period: summary.period,
      childrenRemoved: summary.effect.tables.children?.removed ?? 0,
      eventsRemoved: eventTotals(summary.effect).removed,
    },
  });
  await database.exec('analyze');
  if (!request.refreshIndicators) return summary;
  const indicators = await refreshMonthlyValues(database.db, request.authorityId, todayInLondon(), {
    tables: summary.tablesChanged,
  });
  return { ...summary, indicators };
}
