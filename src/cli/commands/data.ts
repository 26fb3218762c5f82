/**
 * Data in and out: `lantern import`, `lantern imports list|report|files|withdraw`, `lantern export …` and
 * `lantern authority create` (so that an empty database can receive an authority's files).
 */
import { writeFile } from 'node:fs/promises';
import { cliIo } from '../io';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { authorities } from '../../db/schema/index';
import { NotFoundError, ValidationError } from '../../core/errors';
import { createAuditor } from '../../accounts/access-log/auditor';
import { effectLines, effectView } from '../../features/ingest/effect-words';
import { FORMAT_LABELS } from '../../features/ingest/format';
import { importFiles, rowsWritten, withdrawImport, type ImportSummary } from '../../features/ingest/service';
import { importLog, issuesCsv } from '../../features/ingest/log';
import { restoreOriginals } from '../../features/ingest/originals';
import { resolveAuthority } from '../authority';
import { cliActor, int, isoDate, withRuntime } from '../context';
import { SYSTEM_NAME } from '../../features/ingest/format';

interface ImportOpts {
  authority?: string;
  year?: number;
  asAt?: string;
  system?: string;
  json: boolean;
}
import { createProgress } from '../progress';
import { registerExportCommands } from './export';

/** Shown on the terminal for a rejected import; the full report is one command away. */
const ISSUES_SHOWN = 20;

function describe(summary: ImportSummary): string {
  const lines: string[] = [];
  for (const b of summary.batches) {
    const files = `${b.files.length} file${b.files.length === 1 ? '' : 's'}`;
    if (b.status === 'unchanged') {
      lines.push(
        `Unchanged: ${b.formatLabel} ${b.periodLabel} (${files}) — these files were imported before; nothing changed.`,
      );
      continue;
    }
    if (b.status === 'accepted') {
      const rows = rowsWritten(b.counts);
      lines.push(
        `Accepted: ${b.formatLabel} ${b.periodLabel} (${files}): ${rows.toLocaleString('en-GB')} rows written, ` +
          `${(b.counts.childrenAdded ?? 0).toLocaleString('en-GB')} children added, ${(b.counts.childrenUpdated ?? 0).toLocaleString('en-GB')} updated` +
          `${b.counts.replacedRows ? `, replacing ${b.counts.replacedRows.toLocaleString('en-GB')} rows of the previous import` : ''}; ` +
          `${b.queries} ${b.queries === 1 ? 'query' : 'queries'} (import ${b.id}).`,
      );
      const view = b.effect ? effectView(JSON.stringify(b.effect)) : null;
      if (view) lines.push(...effectLines(view).map((l) => `  ${l}`));
    } else {
      lines.push(
        `Rejected: ${b.formatLabel} ${b.periodLabel} (${files}): ${b.errors} error${b.errors === 1 ? '' : 's'}, ${b.queries} ${b.queries === 1 ? 'query' : 'queries'}. Nothing was written (import ${b.id}).`,
      );
      for (const i of b.issues.filter((x) => x.severity === 'error').slice(0, ISSUES_SHOWN)) {
        const where = [i.file, i.row !== null ? `row ${i.row}` : null, i.column].filter(Boolean).join(', ');
        lines.push(`  ${i.rule} ${where}: ${i.message}`);
      }
      if (b.errors > ISSUES_SHOWN)
        lines.push(`  … and ${b.errors - ISSUES_SHOWN} more: lantern imports report ${b.id}`);
    }
  }
  for (const name of summary.empty) lines.push(`Empty: ${name} (the file has nothing in it).`);
  for (const name of summary.unrecognised)
    lines.push(`Not recognised: ${name} (not an SSD table, an SSDA903 file, a CIN census or an Annex A workbook).`);
  if (summary.batches.length === 0 && summary.unrecognised.length === 0 && summary.empty.length === 0)
    lines.push('No files found.');
  return `${lines.join('\n')}\n`;
}

export function registerDataCommands(program: Command): void {
  program
    .command('import')
    .description(
      'Import an SSD extract, SSDA903 CSVs, a CIN census XML or an Annex A workbook (files, folders or zips). Exit code 0 only when nothing was rejected.',
    )
    .argument('<paths...>', 'files, folders or zip files')
    .option('--authority <code>', 'authority code (default: the only authority, or DEMO)')
    .addOption(
      new Option(
        '--year <yyyy>',
        'collection year, named by its end (2026 = 2025/26), when the files do not say',
      ).argParser(int('year', 2000)),
    )
    .addOption(
      new Option('--as-at <date>', 'the date an Annex A describes, when the workbook does not say').argParser(isoDate),
    )
    .addOption(
      new Option(
        '--system <name>',
        'the case system an SSD extract comes from, when the authority loads extracts from more than one (e.g. Mosaic)',
      ).argParser((value: string) => {
        if (!SYSTEM_NAME.test(value))
          throw new InvalidArgumentError('a name of letters, digits, spaces, dots or hyphens, at most 40 characters');
        return value;
      }),
    )
    .option('--json', 'print a machine-readable summary', false)
    .action(async (paths: string[], opts: ImportOpts) => {
      const summary = await withRuntime(async (rt) => {
        const authority = await resolveAuthority(rt.database.db, opts.authority);
        const progress = createProgress();
        try {
          return await importFiles(rt.database, {
            paths,
            authorityId: authority.id,
            actor: cliActor(authority.id),
            options: { collectionYear: opts.year, asAt: opts.asAt, system: opts.system },
            refreshIndicators: true,
            zipLimits: rt.config.zipLimits,
            onProgress: (p) => {
              progress.update({ stage: p.file ? `${p.stage} ${p.file}` : p.stage, done: p.done, total: p.total ?? 1 });
            },
          });
        } finally {
          progress.stop();
        }
      });
      if (opts.json) {
        const out = {
          batches: summary.batches.map((b) => ({
            ...b,
            issues: b.issues.slice(0, 1000),
            issuesShown: Math.min(1000, b.issues.length),
          })),
          unrecognised: summary.unrecognised,
          empty: summary.empty,
        };
        cliIo().stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else cliIo().stdout.write(describe(summary));
      const failed =
        summary.batches.some((b) => b.status === 'rejected') ||
        summary.unrecognised.length > 0 ||
        summary.empty.length > 0;
      cliIo().exitCode = failed ? 1 : 0;
    });

  const imports = program
    .command('imports')
    .description('The import log: what was imported, by whom, when, and what the validators found.');
  imports
    .command('list')
    .description('List imports, newest first.')
    .option('--authority <code>', 'authority code')
    .option('--json', 'print JSON', false)
    .action(async (opts: { authority?: string; json: boolean }) => {
      await withRuntime(async (rt) => {
        const authority = await resolveAuthority(rt.database.db, opts.authority);
        const rows = await importLog(rt.database.db).list(authority.id, { limit: 200 });
        if (opts.json) {
          cliIo().stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        for (const r of rows) {
          cliIo().stdout.write(
            `${String(r.id).padStart(5)}  ${r.startedAt.toISOString().slice(0, 16).replace('T', ' ')}  ${r.status.padEnd(10)}  ${r.format.padEnd(7)}  ${r.periodLabel}  ${r.errors} errors, ${r.queries} queries  ${r.importedBy}\n`,
          );
        }
      });
    });
  imports
    .command('report')
    .description('The validation report of an import: every issue, optionally of one rule, as text or CSV.')
    .argument('<id>', 'import id', int('import id', 1))
    .option('--rule <code>', 'only this rule')
    .option('--csv <file>', 'write the report as CSV to this file')
    .action(async (id: number, opts: { rule?: string; csv?: string }) => {
      await withRuntime(async (rt) => {
        const log = importLog(rt.database.db);
        const batch = await log.get(id);
        if (!batch) throw new ValidationError([{ field: 'id', message: `No import ${id}` }]);
        const issues = await log.issues(id, { rule: opts.rule ?? null, limit: null, offset: 0 });
        if (opts.csv) {
          await writeFile(opts.csv, issuesCsv(issues.rows));
          cliIo().stdout.write(`Wrote ${issues.total} issues to ${opts.csv}\n`);
          return;
        }
        cliIo().stdout.write(
          `Import ${batch.id}: ${batch.format} ${batch.periodLabel}, ${batch.status}; ${batch.errors} errors, ${batch.queries} queries\n`,
        );
        if (batch.withdrawnAt)
          cliIo().stdout.write(
            `Withdrawn by ${batch.withdrawnBy ?? 'unknown'} at ${batch.withdrawnAt.toISOString()}: ${batch.withdrawReason ?? ''}\n`,
          );
        const view = effectView(batch.effect);
        if (view)
          cliIo().stdout.write(
            `${view.withdrawal ? 'Withdrawing it' : 'It'} did this:\n${effectLines(view)
              .map((l) => `  ${l}\n`)
              .join('')}`,
          );
        for (const i of issues.rows)
          cliIo().stdout.write(
            `${i.severity.padEnd(5)} ${i.rule.padEnd(12)} ${i.fileName}${i.rowNumber !== null ? `:${i.rowNumber}` : ''}${i.column ? ` ${i.column}` : ''}  ${i.message}\n`,
          );
      });
    });

  imports
    .command('files')
    .description('Write the original files of an import, as they were imported, into a folder.')
    .argument('<id>', 'import id', int('import id', 1))
    .requiredOption('--out <dir>', 'folder to write them into (created if missing)')
    .action(async (id: number, opts: { out: string }) => {
      await withRuntime(async (rt) => {
        const batch = await importLog(rt.database.db).get(id);
        if (!batch) throw new ValidationError([{ field: 'id', message: `No import ${id}` }]);
        const written = await restoreOriginals(rt.database.db, id, opts.out);
        cliIo().stdout.write(
          `Wrote ${written.length} file${written.length === 1 ? '' : 's'} of import ${id} to ${opts.out}:\n${written.map((w) => `  ${w}`).join('\n')}\n`,
        );
      });
    });

  imports
    .command('withdraw')
    .description(
      'Withdraw a live import: take away what it gave, leaving every other source’s data as if it had never been loaded. A reason is required and kept.',
    )
    .argument('<id>', 'import id', int('import id', 1))
    .requiredOption('--reason <text>', 'why the import is being withdrawn (kept with it; no details of a child)')
    .option('--json', 'print a machine-readable summary', false)
    .action(async (id: number, opts: { reason: string; json: boolean }) => {
      await withRuntime(async (rt) => {
        const batch = await importLog(rt.database.db).get(id);
        if (!batch) throw new NotFoundError(`No import ${id}`);
        const actor = cliActor(batch.authorityId);
        const summary = await withdrawImport(rt.database, {
          authorityId: batch.authorityId,
          batchId: id,
          reason: opts.reason,
          actor,
          refreshIndicators: true,
          audit: createAuditor(rt.services.accessLogRepository, actor, 'import.withdraw', null),
        }).catch((e: unknown) => {
          // The service names the field as the API does; here it is an option.
          if (e instanceof ValidationError)
            throw new ValidationError(e.errors.map((f) => ({ ...f, field: `--${f.field}` })));
          throw e;
        });
        if (opts.json) {
          cliIo().stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
          return;
        }
        const view = effectView(JSON.stringify({ withdrawal: summary.effect }));
        cliIo().stdout.write(
          `Withdrawn: ${FORMAT_LABELS[summary.format]} ${summary.periodLabel} (import ${summary.id}).\n${(view ? effectLines(view) : []).map((l) => `  ${l}\n`).join('')}`,
        );
      });
    });

  const authority = program.command('authority').description('Authorities held in this Lantern.');
  authority
    .command('create')
    .description('Add an authority, to import its files into.')
    .requiredOption('--code <code>', 'short code, e.g. the 3-digit DfE LA number')
    .requiredOption('--name <name>', 'the authority’s name')
    .option('--la-number <nnn>', 'DfE 3-digit LA number')
    .option('--region <region>', 'region, for benchmarks')
    .action(async (opts: { code: string; name: string; laNumber?: string; region?: string }) => {
      await withRuntime(async (rt) => {
        if (opts.laNumber && !/^\d{3}$/.test(opts.laNumber))
          throw new ValidationError([{ field: '--la-number', message: 'Enter the 3-digit DfE LA number, like 302' }]);
        const [row] = await rt.database.db
          .insert(authorities)
          .values({
            code: opts.code,
            name: opts.name,
            laNumber: opts.laNumber ?? null,
            region: opts.region ?? null,
            benchmarkLaNumber: opts.laNumber ?? null,
          })
          .onConflictDoNothing()
          .returning();
        if (!row)
          throw new ValidationError([
            { field: '--code', message: `An authority with code ${opts.code} already exists` },
          ]);
        cliIo().stdout.write(`Created ${row.name} (${row.code}).\n`);
      });
    });

  registerExportCommands(program);
}
