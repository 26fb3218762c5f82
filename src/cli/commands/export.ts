/**
 * `lantern export annex-a|903|cin|ssd`: the sector's formats, built from the canonical model, so they work for the
 * demo authority and for imported data alike. Each prints a summary, or JSON with --json.
 */
import { mkdir } from 'node:fs/promises';
import { cliIo } from '../io';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { todayInLondon } from '../../domain/today';
import { collectionYearOf } from '../../domain/code-lists';
import { createAuditor } from '../../accounts/access-log/auditor';
import { resolveAuthority } from '../authority';
import type { Runtime } from '../../app/runtime';
import { cliActor, int, isoDate, withRuntime } from '../context';

function print(json: boolean, summary: Record<string, unknown>, text: string): void {
  cliIo().stdout.write(json ? `${JSON.stringify(summary, null, 2)}\n` : `${text}\n`);
}

/** Every export of child-level data is in the access log: who exported what, from the command line. */
async function audited(
  rt: Runtime,
  authorityId: number,
  action: string,
  detail: Record<string, string | number | boolean | null>,
): Promise<void> {
  await createAuditor(rt.services.accessLogRepository, cliActor(authorityId), action, null).record(rt.database.db, {
    recordType: 'authority',
    recordId: String(authorityId),
    detail,
  });
}

function fileList(files: ReadonlyArray<{ name: string; rows: number }>): string {
  return files.map((f) => `  ${f.name}: ${f.rows.toLocaleString('en-GB')} rows`).join('\n');
}

/** The last complete collection year: the one whose 31 March has passed. */
function lastCompleteYear(): number {
  return collectionYearOf(todayInLondon()) - 1;
}

export function registerExportCommands(program: Command): void {
  const exp = program.command('export').description('Export an authority’s data in the sector’s formats.');

  exp
    .command('annex-a')
    .description('Ofsted Annex A (all eleven lists) as at a date, as an XLSX workbook.')
    .addOption(
      new Option('--as-at <date>', 'the date the lists describe (YYYY-MM-DD; default today)').argParser(isoDate),
    )
    .addOption(new Option('--layout <year>', 'Annex A layout').choices(['2026', '2024']).default('2026'))
    .requiredOption('--out <file.xlsx>', 'where to write the workbook')
    .option('--authority <code>', 'authority code')
    .option('--json', 'print a machine-readable summary', false)
    .action(
      async (opts: { asAt?: string; layout: '2026' | '2024'; out: string; authority?: string; json: boolean }) => {
        await withRuntime(async (rt) => {
          const authority = await resolveAuthority(rt.database.db, opts.authority);
          const asAt = opts.asAt ?? todayInLondon();
          const started = performance.now();
          const result = await (
            await import('../../features/exports/annex-a/index')
          ).exportAnnexA(rt.database.db, authority.id, { asAt, layout: Number(opts.layout) as 2026 | 2024 }, opts.out);
          const seconds = (performance.now() - started) / 1000;
          await audited(rt, authority.id, 'export.annex-a', { asAt, layout: opts.layout });
          print(
            opts.json,
            {
              format: 'annex-a',
              authority: authority.code,
              asAt,
              layout: Number(opts.layout),
              file: opts.out,
              seconds,
              lists: result.lists,
            },
            `Wrote Annex A as at ${asAt} (${opts.layout} layout) for ${authority.name} to ${opts.out} in ${seconds.toFixed(1)} s:\n` +
              result.lists.map((l) => `  ${l.sheet}: ${l.rows.toLocaleString('en-GB')} rows`).join('\n'),
          );
        });
      },
    );

  exp
    .command('903')
    .description('The SSDA903 children looked after return for a collection year, as CSV files in a folder.')
    .addOption(
      new Option(
        '--year <yyyy>',
        'collection year, named by its end (2026 = 2025/26); default the last complete year',
      ).argParser(int('year', 2000)),
    )
    .requiredOption('--out <dir>', 'folder to write the CSV files into (created if missing)')
    .option('--authority <code>', 'authority code')
    .option('--json', 'print a machine-readable summary', false)
    .action(async (opts: { year?: number; out: string; authority?: string; json: boolean }) => {
      await withRuntime(async (rt) => {
        const authority = await resolveAuthority(rt.database.db, opts.authority);
        const year = opts.year ?? lastCompleteYear();
        await mkdir(opts.out, { recursive: true });
        const result = await (
          await import('../../features/exports/ssda903/index')
        ).exportSsda903(rt.database.db, authority.id, { year }, opts.out);
        await audited(rt, authority.id, 'export.903', { year });
        print(
          opts.json,
          { format: '903', authority: authority.code, year, folder: path.resolve(opts.out), files: result.files },
          `Wrote the SSDA903 for ${year - 1}/${String(year % 100).padStart(2, '0')} to ${opts.out}:\n` +
            fileList(result.files),
        );
      });
    });

  exp
    .command('cin')
    .description('The CIN census XML for a collection year.')
    .addOption(
      new Option(
        '--year <yyyy>',
        'collection year, named by its end (2026 = 2025/26); default the last complete year',
      ).argParser(int('year', 2000)),
    )
    .requiredOption('--out <file.xml>', 'where to write the XML')
    .option('--authority <code>', 'authority code')
    .option('--json', 'print a machine-readable summary', false)
    .action(async (opts: { year?: number; out: string; authority?: string; json: boolean }) => {
      await withRuntime(async (rt) => {
        const authority = await resolveAuthority(rt.database.db, opts.authority);
        const year = opts.year ?? lastCompleteYear();
        const result = await (
          await import('../../features/exports/cin/index')
        ).exportCinCensus(rt.database.db, authority.id, { year, laNumber: authority.laNumber }, opts.out);
        await audited(rt, authority.id, 'export.cin', { year });
        print(
          opts.json,
          { format: 'cin', authority: authority.code, year, file: opts.out, ...result },
          `Wrote the CIN census for ${year - 1}/${String(year % 100).padStart(2, '0')} to ${opts.out}: ${result.children.toLocaleString('en-GB')} children, ${result.episodes.toLocaleString('en-GB')} episodes.`,
        );
      });
    });

  exp
    .command('ssd')
    .description(
      'Everything Lantern holds for the authority as a Standard Safeguarding Dataset extract (CSV files in a folder).',
    )
    .requiredOption('--out <dir>', 'folder to write the CSV files into (created if missing)')
    .option('--authority <code>', 'authority code')
    .option('--json', 'print a machine-readable summary', false)
    .action(async (opts: { out: string; authority?: string; json: boolean }) => {
      await withRuntime(async (rt) => {
        const authority = await resolveAuthority(rt.database.db, opts.authority);
        await mkdir(opts.out, { recursive: true });
        const result = await (
          await import('../../features/exports/ssd/index')
        ).exportSsd(rt.database.db, authority.id, opts.out);
        await audited(rt, authority.id, 'export.ssd', {});
        print(
          opts.json,
          { format: 'ssd', authority: authority.code, folder: path.resolve(opts.out), files: result.files },
          `Wrote the SSD extract to ${opts.out}:\n` + fileList(result.files),
        );
      });
    });
}
