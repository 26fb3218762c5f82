/**
 * Published reference data: `lantern reference import <files or folders…>` (bank holidays, the authority lookup,
 * DfE statistical neighbours, DfE / ONS benchmark tables — all or nothing) and `lantern reference benchmarks
 * --measure ID` (England, region, statistical-neighbour mean, rank and quartile per year for an authority).
 */
import { stat } from 'node:fs/promises';
import { cliIo } from '../io';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { ValidationError } from '../../core/errors';
import { createAuditor } from '../../accounts/access-log/auditor';
import { INDICATORS } from '../../features/indicators/registry';
import {
  benchmarkArea,
  benchmarksFor,
  setBenchmarkAuthority,
  type BenchmarkYear,
} from '../../features/reference/benchmarks';
import { describeProblem, ReferenceFileError } from '../../features/reference/files';
import { importReferenceFiles, referenceFilesIn, type ReferenceFileInput } from '../../features/reference/import';
import { BENCHMARK_MEASURES, isBenchmarkMeasure } from '../../features/reference/measures';
import type { RankPolarity } from '../../features/reference/ranking';
import { resolveAuthority } from '../authority';
import { cliActor, withRuntime } from '../context';

async function expand(paths: readonly string[]): Promise<ReferenceFileInput[]> {
  const out: ReferenceFileInput[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) throw new ValidationError([{ field: p, message: 'No such file or folder' }]);
    if (info.isDirectory())
      out.push(
        ...(await referenceFilesIn(p)).map((f) => ({
          name: path.join(path.basename(path.resolve(p)), f.name),
          path: f.path,
        })),
      );
    else out.push({ name: path.basename(p), path: p });
  }
  return out;
}

const figure = (f: { value: number | null; suppressed: string | null } | null | undefined) =>
  !f ? '–' : f.value !== null ? String(f.value) : `[${f.suppressed ?? 'x'}]`;

function table(rows: readonly BenchmarkYear[]): string {
  const head = ['YEAR', 'ENGLAND', 'REGION', 'AUTHORITY', 'SN MEAN', 'RANK', 'QUARTILE'];
  const body = rows.map((y) => [
    String(y.year),
    figure(y.england),
    figure(y.region),
    figure(y.authority),
    y.statisticalNeighbours
      ? `${y.statisticalNeighbours.mean ?? '–'} (${y.statisticalNeighbours.withValue}/${y.statisticalNeighbours.of})`
      : '–',
    y.rank === null ? '–' : `${y.rank} of ${y.of}`,
    y.quartile === null ? '–' : `Q${y.quartile}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  return [head, ...body]
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function registerReferenceCommands(program: Command): void {
  const reference = program
    .command('reference')
    .description(
      'Published reference data: bank holidays, authority lookups, statistical neighbours, DfE and ONS benchmarks.',
    );

  reference
    .command('import')
    .description(
      'Load published reference files (GOV.UK bank-holidays.json, DfE statistical neighbours, the authority lookup, DfE/ONS statistics CSVs, Ofsted’s inspection outcomes as ODS, XLSX or CSV). Files are recognised by their content. All or nothing: on any error nothing changes and the exit code is 1.',
    )
    .argument('<paths...>', 'files or folders (folders: every .csv, .json, .ods and .xlsx inside)')
    .option('--json', 'print a machine-readable summary', false)
    .action(async (paths: string[], opts: { json: boolean }) => {
      const files = await expand(paths);
      try {
        const result = await withRuntime(async (rt) => {
          const actor = cliActor(null);
          const loaded = await importReferenceFiles(rt.database.db, files, actor.username);
          const audit = createAuditor(rt.services.accessLogRepository, actor, 'reference.import', null);
          await audit.record(rt.database.db, {
            recordType: 'reference-data',
            detail: {
              files: loaded.files.length,
              rows: loaded.files.reduce((s, f) => s + f.rows, 0),
              names: loaded.files
                .map((f) => f.name)
                .join('; ')
                .slice(0, 2000),
            },
          });
          return loaded;
        });
        if (opts.json) {
          cliIo().stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          return;
        }
        for (const f of result.files)
          cliIo().stdout.write(
            `${f.kind === 'skipped' ? 'Skipped' : f.unchanged ? 'Unchanged' : 'Loaded'}: ${f.name} (${f.source}): ${f.note}\n`,
          );
        if (result.derived)
          cliIo().stdout.write(
            `Derived: ${result.derived.toLocaleString('en-GB')} rates per 10,000 children (count ÷ ONS 0–17 population of the mid-year before).\n`,
          );
        cliIo().stdout.write(
          `${result.files.length} file${result.files.length === 1 ? '' : 's'} in ${result.seconds.toFixed(1)} s.\n`,
        );
      } catch (e) {
        if (!(e instanceof ReferenceFileError)) throw e;
        if (opts.json) cliIo().stdout.write(`${JSON.stringify({ loaded: false, problems: e.problems }, null, 2)}\n`);
        else {
          cliIo().stderr.write(
            `Nothing was loaded: ${e.problems.length} problem${e.problems.length === 1 ? '' : 's'}.\n`,
          );
          for (const p of e.problems) cliIo().stderr.write(`  ${describeProblem(p)}\n`);
        }
        cliIo().exitCode = 1;
      }
    });

  reference
    .command('benchmarks')
    .description(
      'England, region, the benchmark authority, the statistical-neighbour mean, rank and quartile of a measure, per published year.',
    )
    .requiredOption('--measure <id>', `a measure: ${BENCHMARK_MEASURES.map((m) => m.id).join(', ')}`)
    .addOption(
      new Option(
        '--polarity <p>',
        'which way is better, for the rank (default: the indicator benchmarked against the measure, else neutral)',
      ).choices(['higher', 'lower', 'neutral']),
    )
    .option('--authority <code>', 'authority code (default: the only authority, or DEMO)')
    .option('--json', 'print JSON', false)
    .action(async (opts: { measure: string; polarity?: RankPolarity; authority?: string; json: boolean }) => {
      if (!isBenchmarkMeasure(opts.measure)) {
        throw new ValidationError([
          {
            field: '--measure',
            message: `Unknown measure “${opts.measure}”; choose one of ${BENCHMARK_MEASURES.map((m) => m.id).join(', ')}`,
          },
        ]);
      }
      const polarity: RankPolarity =
        opts.polarity ?? INDICATORS.find((d) => d.benchmark === opts.measure)?.polarity ?? 'neutral';
      await withRuntime(async (rt) => {
        const authority = await resolveAuthority(rt.database.db, opts.authority);
        const area = await benchmarkArea(rt.database.db, authority.id);
        const years =
          (await benchmarksFor(rt.database.db, authority.id, [{ measure: opts.measure, polarity }])).get(
            opts.measure,
          ) ?? [];
        if (opts.json) {
          cliIo().stdout.write(
            `${JSON.stringify({ authority: authority.code, measure: opts.measure, polarity, area, years }, null, 2)}\n`,
          );
          return;
        }
        const title = BENCHMARK_MEASURES.find((m) => m.id === opts.measure)?.title ?? opts.measure;
        cliIo().stdout.write(
          `${title} — ${authority.name}, benchmarked as ${area.laName ?? 'no published authority'}${area.laNumber ? ` (${area.laNumber})` : ''}; ` +
            `region ${area.region?.name ?? 'not set'}; ${area.model ? `${area.neighbours.length} statistical neighbours (${area.model} model)` : 'no statistical neighbours loaded'}; ` +
            `rank 1 = ${polarity === 'lower' ? 'lowest' : 'highest'}.\n`,
        );
        if (years.length === 0)
          cliIo().stdout.write('No published figures are loaded for this measure: run lantern reference import.\n');
        else cliIo().stdout.write(`${table(years)}\n[c], [x], [u]…: suppressed in the published table.\n`);
      });
    });

  reference
    .command('set-benchmark')
    .description(
      'Choose the published authority (DfE LA number) whose figures, region and statistical neighbours an authority is compared with.',
    )
    .argument('<la-number>', '3-digit DfE LA number, e.g. 302 for Barnet')
    .option('--region <name>', 'the region to compare with (default: that authority’s)')
    .option('--authority <code>', 'authority code (default: the only authority, or DEMO)')
    .action(async (laNumber: string, opts: { region?: string; authority?: string }) => {
      await withRuntime(async (rt) => {
        const authority = await resolveAuthority(rt.database.db, opts.authority);
        const changed = await setBenchmarkAuthority(rt.database.db, authority.id, {
          benchmarkLaNumber: laNumber,
          region: opts.region ?? null,
        });
        const audit = createAuditor(
          rt.services.accessLogRepository,
          cliActor(authority.id),
          'reference.benchmark-authority',
          null,
        );
        await audit.record(rt.database.db, {
          recordType: 'authority',
          recordId: String(authority.id),
          detail: {
            benchmarkLaNumberBefore: changed.before.benchmarkLaNumber,
            regionBefore: changed.before.region,
            benchmarkLaNumber: changed.after.benchmarkLaNumber,
            region: changed.after.region,
          },
        });
        cliIo().stdout.write(
          `${authority.name} is now benchmarked against ${changed.after.benchmarkLaNumber} (region ${changed.after.region ?? 'not set'}).\n`,
        );
      });
    });
}
