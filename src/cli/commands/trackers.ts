/**
 * `lantern trackers [--tracker due] [--team "Team name"] [--worker REF] [--as-at YYYY-MM-DD] [--kind K] [--status S] [--json]`
 * The same trackers as the web pages and the API, for the whole authority (the command runs as the operating-system
 * user, like every command), audited as tracker.view with the tracker and filters.
 */
import { Option, type Command } from 'commander';
import { cliIo } from '../io';
import { ValidationError } from '../../core/errors';
import { createAuditor } from '../../accounts/access-log/auditor';
import { STATUSES, TRACKER_IDS, TRACKERS, type ItemStatus, type TrackerId } from '../../features/trackers/definitions';
import { trackersService, type TrackerResult } from '../../features/trackers/service';
import { resolveAuthority } from '../authority';
import { cliActor, isoDate, withRuntime } from '../context';

function table(rows: string[][]): string {
  if (rows.length === 0) return '';
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return (
    rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ')).join('\n') + '\n'
  );
}

export function formatTracker(result: TrackerResult): string {
  const header = `${result.title} as at ${result.asAt}: ${result.total} ${result.tracker === 'caseloads' ? 'workers' : `rows, ${result.overdue} overdue`}\n`;
  if (result.tracker === 'caseloads') {
    return (
      header +
      table([
        ['TEAM', 'WORKER', 'REF', 'CHILDREN', 'CP', 'IN CARE', 'CARE LEAVERS'],
        ...result.caseloads.map((c) => [
          c.team ?? '',
          c.worker,
          c.workerRef,
          String(c.children),
          String(c.cp),
          String(c.cla),
          String(c.careLeavers),
        ]),
      ])
    );
  }
  return (
    header +
    table([
      ['DUE', 'STATUS', 'WD', 'WHAT', 'CHILD', 'TEAM', 'WORKER'],
      ...result.rows.map((r) => [
        r.dueDate,
        r.status,
        r.workingDays === null ? '' : String(r.workingDays),
        r.kindLabel,
        r.lanternId ?? '-',
        r.team ?? '',
        r.workerRef ?? '',
      ]),
    ])
  );
}

export function registerTrackerCommands(program: Command): void {
  program
    .command('trackers')
    .description(
      `Work due and overdue and the other managers' trackers (${TRACKER_IDS.join(', ')}), for the whole authority, a team or a worker.`,
    )
    .addOption(new Option('--tracker <id>', 'which tracker').choices([...TRACKER_IDS]).default('due'))
    .option('--team <name>', 'a team, by name')
    .option('--worker <ref>', 'a worker, by reference (for example SW000123)')
    .option('--kind <kind>', 'one kind of work (for example cp-visit)')
    .addOption(new Option('--status <status>', 'one status').choices([...STATUSES]))
    .addOption(new Option('--as-at <date>', 'the date to look from (YYYY-MM-DD; default today)').argParser(isoDate))
    .option('--authority <code>', 'authority code (default: the only authority, or DEMO)')
    .option('--json', 'print JSON (the API’s shape)', false)
    .action(
      async (opts: {
        tracker: TrackerId;
        team?: string;
        worker?: string;
        kind?: string;
        status?: ItemStatus;
        asAt?: string;
        authority?: string;
        json: boolean;
      }) => {
        await withRuntime(async (rt) => {
          const authority = await resolveAuthority(rt.database.db, opts.authority);
          const service = trackersService(rt.database.db);
          let teamId: number | null = null;
          if (opts.team) {
            const team = await service.teamByName(authority.id, opts.team);
            if (!team)
              throw new ValidationError([
                { field: '--team', message: `No team called “${opts.team}” in ${authority.name}` },
              ]);
            teamId = team.id;
          }
          let workerId: number | null = null;
          if (opts.worker) {
            const worker = await service.workerByRef(authority.id, opts.worker);
            if (!worker)
              throw new ValidationError([
                { field: '--worker', message: `No worker with reference ${opts.worker} in ${authority.name}` },
              ]);
            workerId = worker.id;
          }
          if (opts.kind && !Object.hasOwn(TRACKERS[opts.tracker].kinds, opts.kind)) {
            throw new ValidationError([
              {
                field: '--kind',
                message: `Choose one of: ${Object.keys(TRACKERS[opts.tracker].kinds).join(', ') || '(none for this tracker)'}`,
              },
            ]);
          }
          const audit = createAuditor(rt.services.accessLogRepository, cliActor(authority.id), 'tracker.view', null);
          const result = await service.run(
            {
              authorityId: authority.id,
              role: 'analyst',
              scope: { kind: 'authority', authorityId: authority.id },
              workerId: null,
            },
            opts.tracker,
            { asAt: opts.asAt, teamId, workerId, kind: opts.kind ?? null, status: opts.status ?? null },
            audit,
          );
          cliIo().stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : formatTracker(result));
        });
      },
    );
}
