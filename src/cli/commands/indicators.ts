/**
 * `lantern indicators`: every indicator's value, target, RAG and benchmarks for a period, and the refresh of the
 * kept monthly values that make trends instant.
 */
import { Option, type Command } from 'commander';
import { cliIo } from '../io';
import { todayInLondon } from '../../domain/today';
import { formatValue } from '../../features/indicators/present';
import { periodContaining, periodLabel, PERIOD_KINDS, type PeriodKind } from '../../features/indicators/periods';
import { INDICATORS } from '../../features/indicators/registry';
import { defaultPeriod, indicatorResults } from '../../features/indicators/results';
import { apiResult } from '../../features/indicators/results-json';
import { refreshMonthlyValues } from '../../features/indicators/stored-values';
import { resolveAuthority } from '../authority';
import { int, isoDate, withRuntime } from '../context';
import { createProgress } from '../progress';

export function registerIndicatorCommands(program: Command): void {
  program
    .command('indicators')
    .description(
      'Every indicator’s value, target, RAG and benchmarks for the month, financial quarter or financial year containing --as-at (to that date), or the last complete month.',
    )
    .option('--authority <code>', 'authority code (default: the only authority, or DEMO)')
    .addOption(
      new Option('--as-at <date>', 'a date in the period (a period still running is measured to this date)').argParser(
        isoDate,
      ),
    )
    .addOption(
      new Option('--period <kind>', 'month, quarter (financial) or year (financial)')
        .choices([...PERIOD_KINDS])
        .default('month'),
    )
    .option(
      '--refresh',
      'first recompute and keep every indicator’s monthly values (72 months to the last complete month)',
      false,
    )
    .addOption(
      new Option('--months <n>', 'with --refresh: how many months to keep').default(72).argParser(int('months', 1)),
    )
    .option('--json', 'print JSON', false)
    .action(
      async (opts: {
        authority?: string;
        asAt?: string;
        period: PeriodKind;
        refresh: boolean;
        months: number;
        json: boolean;
      }) => {
        await withRuntime(async (rt) => {
          const db = rt.database.db;
          const authority = await resolveAuthority(db, opts.authority);
          const today = todayInLondon();
          if (opts.refresh) {
            const progress = createProgress();
            try {
              const r = await refreshMonthlyValues(db, authority.id, today, {
                months: opts.months,
                onIndicator: (done, total) => {
                  progress.update({ stage: 'Computing indicators', done, total });
                },
              });
              cliIo().stderr.write(
                `Kept ${r.values.toLocaleString('en-GB')} monthly values (${r.indicators} indicators × ${r.months} months) in ${r.seconds.toFixed(1)} s.\n`,
              );
            } finally {
              progress.stop();
            }
          }
          const period = opts.asAt ? periodContaining(opts.asAt, opts.period, true) : defaultPeriod(today, opts.period);
          const results = await indicatorResults(db, authority.id, INDICATORS, period, today, { trendLength: 1 });
          if (opts.json) {
            const out = {
              authority: authority.code,
              period: { kind: period.kind, start: period.start, end: period.end, label: periodLabel(period) },
              indicators: results.map((r) => apiResult(r, 'staff')),
            };
            cliIo().stdout.write(`${JSON.stringify(out, null, 2)}\n`);
            return;
          }
          const lines = [`${authority.name}: ${periodLabel(period)} (${period.start} to ${period.end})`, ''];
          for (const r of results) {
            const b = r.benchmarks[0];
            const england =
              b?.england?.value !== undefined && b.england.value !== null
                ? ` · England ${b.year}: ${formatValue(r.definition.unit === 'count' ? 'ratio' : r.definition.unit, b.england.value)}`
                : '';
            const target =
              r.thresholds.target !== null ? ` · target ${formatValue(r.definition.unit, r.thresholds.target)}` : '';
            lines.push(
              `${r.definition.title}: ${formatValue(r.definition.unit, r.current.value)}${r.rag ? ` (${r.rag})` : ''}${target}${england}`,
            );
          }
          cliIo().stdout.write(`${lines.join('\n')}\n`);
        });
      },
    );
}
