/**
 * The `lantern` command, callable in-process (runLantern); src/cli/main.ts runs it as a program. It calls the same
 * services as the web interface.
 *   lantern serve [--demo]          run the web app (npm start = lantern serve --demo)
 *   lantern db migrate              apply database migrations
 *   lantern demo generate           build a synthetic demo authority
 *   lantern users create|list|token manage local accounts and API tokens
 */
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, loadConfig } from '../core/config';
import { cliActor, int, isoDate, withRuntime } from './context';
import { registerDataCommands } from './commands/data';
import { registerReferenceCommands } from './commands/reference';
import { registerIndicatorCommands } from './commands/indicators';
import { registerTrackerCommands } from './commands/trackers';
import { registerAuditCommands } from './commands/audits';
import { registerInspectionCommands } from './commands/inspections';
import { registerReportCommands } from './commands/report';
import { ROLES } from '../domain/roles';
import { todayInLondon } from '../domain/today';
import { ConflictError, ValidationError } from '../core/errors';
import { createAuditor } from '../accounts/access-log/auditor';
import { DEMO_DEFAULTS } from '../app/demo/defaults';
import { createProgress } from './progress';
import { resolveAuthority } from './authority';
import { cliIo, withCliIo, type CliIo } from './io';

function buildProgram(io: CliIo): Command {
  const program = new Command();
  program
    .name('lantern')
    .description('Lantern: children’s services data, performance, quality assurance and inspection readiness.')
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: true })
    .exitOverride();
  if (io.stdout !== process.stdout || io.stderr !== process.stderr) {
    program.configureOutput({
      writeOut: (str) => void io.stdout.write(str),
      writeErr: (str) => void io.stderr.write(str),
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    });
  }

  program
    .command('serve')
    .description(
      'Run the Lantern web app. With --demo, build the synthetic demo authority on first run and let its role users sign in with the demo password.',
    )
    .option('--demo', 'demo mode: synthetic demo authority, shared demo password (never in production)', false)
    .addOption(new Option('-p, --port <port>', 'port to listen on (default: PORT or 3000)').argParser(int('port', 0)))
    .addOption(
      new Option('--demo-population <n>', 'children aged 0–17 in a newly built demo borough')
        .default(DEMO_DEFAULTS.childPopulation)
        .argParser(int('demo population', 1000)),
    )
    .action(async (opts: { demo: boolean; port?: number; demoPopulation: number }) => {
      const { startServer } = await import('../app/server');
      const env = opts.port === undefined ? cliIo().env : { ...cliIo().env, PORT: String(opts.port) };
      const config = loadConfig(env, { demo: opts.demo || undefined, purpose: 'serve' });
      const where = config.databaseUrl
        ? 'PostgreSQL (DATABASE_URL)'
        : `embedded PostgreSQL (PGlite) in ${config.dataDir}`;
      const progress = createProgress();
      const server = await startServer(config, {
        onListening: (url) => cliIo().stderr.write(`Lantern is starting at ${url} on ${where}…\n`),
        onProgress: (p) => {
          progress.update(p);
        },
        demoOptions: { childPopulation: opts.demoPopulation },
      });
      progress.stop();
      const lines = [``, `Lantern is running at ${server.url}`];
      if (server.demo) {
        lines.push(
          `Demo authority: ${server.demo.authorityName}${server.demo.generated ? ` (built in ${server.demo.seconds.toFixed(1)} s)` : ''}`,
          ``,
          `Sign in at ${server.url}/sign-in as any of these users, one per role:`,
          `  ${server.demo.usernames.join(', ')}`,
          `Password: ${server.demo.password}${cliIo().env.LANTERN_DEMO_PASSWORD ? '' : '   (set LANTERN_DEMO_PASSWORD to choose another)'}`,
        );
        if (server.demo.indicators)
          lines.push(
            `Indicators are being computed in the background (a few seconds): pages that show them wait until they are done.`,
          );
      } else {
        lines.push(`Sign in with an account made by: lantern users create --help`);
      }
      lines.push(`API: ${server.url}/api/openapi.json   Health: ${server.url}/health`, `Press Ctrl+C to stop.`, ``);
      cliIo().stdout.write(lines.join('\n'));
      const stop = () => {
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  const db = program.command('db').description('Database administration.');
  db.command('migrate')
    .description('Apply any pending database migrations (safe to run again).')
    .action(async () => {
      await withRuntime(async (rt) => {
        cliIo().stdout.write(`Database is up to date (${rt.database.kind}: ${rt.database.location}).\n`);
      });
    });

  const demo = program.command('demo').description('The synthetic demo authority (synthetic data only).');
  demo
    .command('generate')
    .description(
      'Build a whole fictional authority deterministically from a seed: teams, workers, children and their journeys.',
    )
    .addOption(new Option('--seed <n>', 'random seed').default(DEMO_DEFAULTS.seed).argParser(int('seed', 0)))
    .addOption(
      new Option('--child-population <n>', 'children aged 0–17 living in the authority')
        .default(DEMO_DEFAULTS.childPopulation)
        .argParser(int('child population', 1000)),
    )
    .addOption(new Option('--years <n>', 'years of history').default(DEMO_DEFAULTS.years).argParser(int('years', 1)))
    .addOption(new Option('--as-at <date>', 'last day of the data (YYYY-MM-DD; default today)').argParser(isoDate))
    .option('--code <code>', 'authority code', 'DEMO')
    .option('--name <name>', 'authority name')
    .action(
      async (opts: {
        seed: number;
        childPopulation: number;
        years: number;
        asAt?: string;
        code: string;
        name?: string;
      }) => {
        await withRuntime(async (rt) => {
          const { generateDemoAuthority } = await import('../synth/generate');
          const progress = createProgress();
          const summary = await generateDemoAuthority(rt.database, {
            seed: opts.seed,
            childPopulation: opts.childPopulation,
            years: opts.years,
            asAt: opts.asAt ?? todayInLondon(),
            code: opts.code,
            ...(opts.name ? { name: opts.name } : {}),
            onProgress: (p) => {
              progress.update(p);
            },
          });
          progress.stop();
          const audit = createAuditor(
            rt.services.accessLogRepository,
            cliActor(summary.authorityId),
            'demo.generate',
            null,
          );
          await audit.record(rt.database.db, {
            recordType: 'authority',
            recordId: String(summary.authorityId),
            detail: {
              seed: opts.seed,
              childPopulation: opts.childPopulation,
              years: opts.years,
              children: summary.children,
            },
          });
          cliIo().stdout.write(
            `Built ${summary.name} (${summary.code}): ${summary.children.toLocaleString('en-GB')} children in ${summary.seconds.toFixed(1)} s.\n` +
              `Run \`lantern serve --demo\` (or npm start) to sign in as its role users with the demo password.\n`,
          );
        });
      },
    );

  const usersCmd = program.command('users').description('Local user accounts and API tokens.');
  usersCmd
    .command('create')
    .description('Create a user. Without --password-stdin a strong random password is generated and printed once.')
    .requiredOption('--username <username>', 'sign-in name')
    .requiredOption('--name <name>', 'the person’s name')
    .addOption(new Option('--role <role>', 'role').choices([...ROLES]).makeOptionMandatory())
    .option('--team <team>', 'team name or id (required for team-manager and social-worker)')
    .option('--authority <code>', 'authority code (default: the only authority, or DEMO)')
    .option('--password-stdin', 'read the password from standard input', false)
    .action(
      async (opts: {
        username: string;
        name: string;
        role: string;
        team?: string;
        authority?: string;
        passwordStdin: boolean;
      }) => {
        await withRuntime(async (rt) => {
          const authority = await resolveAuthority(rt.database.db, opts.authority);
          let teamId: number | null = null;
          if (opts.team) {
            const byId = /^\d+$/.test(opts.team) ? Number(opts.team) : null;
            const team = byId === null ? await rt.services.users.findTeamByName(authority.id, opts.team) : { id: byId };
            if (!team)
              throw new ValidationError([
                { field: '--team', message: `No team called “${opts.team}” in ${authority.name}` },
              ]);
            teamId = team.id;
          }
          const generated = !opts.passwordStdin;
          const password = opts.passwordStdin ? (await readStdin()).replace(/\r?\n$/, '') : randomPassword();
          const audit = createAuditor(rt.services.accessLogRepository, cliActor(authority.id), 'user.create', null);
          const user = await rt.services.users.create(
            authority.id,
            { username: opts.username, displayName: opts.name, role: opts.role, teamId, password },
            audit,
          );
          cliIo().stdout.write(`Created ${user.username} (${user.role}) in ${authority.name}.\n`);
          if (generated) cliIo().stdout.write(`Password (shown once): ${password}\n`);
        });
      },
    );

  usersCmd
    .command('list')
    .description('List the users of an authority.')
    .option('--authority <code>', 'authority code')
    .option('--json', 'print JSON', false)
    .action(async (opts: { authority?: string; json: boolean }) => {
      await withRuntime(async (rt) => {
        const authority = await resolveAuthority(rt.database.db, opts.authority);
        const audit = createAuditor(rt.services.accessLogRepository, cliActor(authority.id), 'user.list', null);
        const rows = await rt.services.users.list(authority.id, audit);
        if (opts.json) {
          cliIo().stdout.write(
            JSON.stringify(
              rows.map((u) => ({
                username: u.username,
                displayName: u.displayName,
                role: u.role,
                team: u.teamName,
                active: u.active,
              })),
              null,
              2,
            ) + '\n',
          );
          return;
        }
        const table = rows.map((u) => [
          u.username,
          u.role,
          u.teamName ?? '(whole authority)',
          u.active ? 'active' : 'disabled',
          u.displayName,
        ]);
        const widths = [0, 1, 2, 3].map((i) => Math.max(...table.map((r) => String(r[i]).length), 8));
        for (const r of [['USERNAME', 'ROLE', 'SCOPE', 'STATUS', 'NAME'], ...table]) {
          cliIo().stdout.write(
            r.map((c, i) => (i < 4 ? String(c).padEnd(widths[i] ?? 8) : String(c))).join('  ') + '\n',
          );
        }
      });
    });

  usersCmd
    .command('token')
    .description('Issue a personal API token for a user (shown once; send it as "Authorization: Bearer <token>").')
    .argument('<username>', 'the user')
    .option('--name <name>', 'what the token is for', 'cli')
    .addOption(new Option('--days <n>', 'days until it expires').default(90).argParser(int('days', 1)))
    .action(async (username: string, opts: { name: string; days: number }) => {
      await withRuntime(async (rt) => {
        const { usersRepository } = await import('../accounts/users/repository');
        const row = await usersRepository().findByUsername(rt.database.db, username);
        if (!row) throw new ValidationError([{ field: 'username', message: `No user called ${username}` }]);
        const audit = createAuditor(rt.services.accessLogRepository, cliActor(row.authorityId), 'user.token', null);
        const token = await rt.services.users.issueToken(row.id, opts.name, audit, opts.days);
        cliIo().stdout.write(`${token}\n`);
      });
    });

  registerDataCommands(program);
  registerReferenceCommands(program);
  registerIndicatorCommands(program);
  registerTrackerCommands(program);
  registerAuditCommands(program);
  registerInspectionCommands(program);
  registerReportCommands(program);
  return program;
}

function randomPassword(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64url');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of cliIo().stdin ?? process.stdin) chunks.push(Buffer.from(chunk as Buffer | string));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Runs `lantern` with these arguments (without the node and script paths), writing to io's streams and reading its
 * environment; resolves to the exit code (0, 1 for a failed command or a usage error, 2 for bad configuration).
 */
export async function runLantern(argv: readonly string[], io: CliIo): Promise<number> {
  return withCliIo(io, async () => {
    try {
      await buildProgram(io).parseAsync([...argv], { from: 'user' });
      return io.exitCode ?? 0;
    } catch (err: unknown) {
      return reportError(err, io);
    }
  });
}

function reportError(err: unknown, io: CliIo): number {
  if (err instanceof CommanderError) return err.exitCode;
  if (err instanceof ConfigError) {
    io.stderr.write(`${err.message}\n`);
    return 2;
  }
  if (err instanceof ValidationError) {
    for (const e of err.errors) io.stderr.write(`Error: ${e.field}: ${e.message}\n`);
    return 1;
  }
  if (err instanceof ConflictError) {
    io.stderr.write(`Error: ${err.message}\n`);
    return 1;
  }
  io.stderr.write(`Error: ${err instanceof Error ? err.message : String(err)}\n`);
  return 1;
}
