/**
 * Demo mode at start-up: build the synthetic demo authority if the database has no authority yet, then make sure
 * its role users exist and share the demo password.
 */
import type { Runtime } from '../runtime';
import { todayInLondon } from '../../domain/today';
import { ROLES } from '../../domain/roles';
import { authorityCount, demoAuthorities, ensureDemoUsers, pickDemoTeam } from './service';
import { DEMO_DEFAULTS } from './defaults';
import { loadDemoReferenceData } from '../../features/reference/demo';
import { lastRefreshed, refreshInBackground, refreshMonthlyValues } from '../../features/indicators/stored-values';
import type { DemoOptions as GenerationOptions, SimulatedDemo } from '../../synth/generate';

export interface DemoReady {
  authorityName: string;
  generated: boolean;
  usernames: readonly string[];
  password: string;
  seconds: number;
  /**
   * A new demo on PGlite: starts computing its indicators' kept values in the background. Called once the app
   * answers, so that the rest of the start-up does not queue behind them for PGlite's one connection.
   */
  indicators: (() => Promise<void>) | null;
}

const SYSTEM = { userId: null, username: 'lantern', authorityId: null } as const;

export interface DemoOptions {
  seed: number;
  childPopulation: number;
  years: number;
}

type Progress = (p: { stage: string; done: number; total: number }) => void;

/** A demo authority simulated before its database was open (`planDemo`), ready to be written. */
export interface PlannedDemo {
  readonly generation: GenerationOptions;
  readonly simulated: SimulatedDemo;
  /** performance.now() when the simulation started: the demo's build time counts from there. */
  readonly started: number;
}

function generationOptions(options: Partial<DemoOptions>, onProgress: Progress | undefined): GenerationOptions {
  return { ...DEMO_DEFAULTS, ...options, asAt: todayInLondon(), ...(onProgress ? { onProgress } : {}) };
}

/**
 * Simulates the demo authority a new database will get, without the database: the main thread's work while the
 * database is prepared elsewhere. `prepareDemo` writes it if the database turns out to hold no authority.
 */
export async function planDemo(onProgress?: Progress, options: Partial<DemoOptions> = {}): Promise<PlannedDemo> {
  const { simulateDemo } = await import('../../synth/generate');
  const started = performance.now();
  const generation = generationOptions(options, onProgress);
  return { generation, simulated: simulateDemo(generation), started };
}

export async function prepareDemo(
  runtime: Runtime,
  onProgress?: Progress,
  options: Partial<DemoOptions> = {},
  planned?: PlannedDemo,
): Promise<DemoReady> {
  const started = planned?.started ?? performance.now();
  const { database, services, config } = runtime;
  let generated = false;
  if ((await authorityCount(database.db)) === 0) {
    const { generateDemoAuthority } = await import('../../synth/generate');
    if (planned) await generateDemoAuthority(database, planned.generation, planned.simulated);
    else await generateDemoAuthority(database, generationOptions(options, onProgress));
    generated = true;
  }
  const [authority] = await demoAuthorities(database.db);
  if (!authority)
    throw new Error(
      'Demo mode needs a demo authority, but the database holds only real authorities. Start without --demo.',
    );
  // Published benchmarks (DfE / ONS), bank holidays and statistical neighbours, once, when a reference folder is
  // at hand (src/features/reference/demo.ts). A broken folder must not stop the demo: it starts without them.
  await loadDemoReferenceData(database.db).then(
    (loaded) => {
      for (const f of loaded?.refused ?? [])
        process.stderr.write(
          `Reference file ${f.name} was not loaded (${f.problems.length} problem${f.problems.length === 1 ? '' : 's'}); the others were.\n`,
        );
    },
    (e: unknown) => {
      process.stderr.write(
        `Reference data was not loaded (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); load it with lantern reference import.\n`,
      );
    },
  );
  // Trends read kept monthly values: compute them once for a new demo (or one built before indicators existed). On
  // PGlite in the background, while the app answers: each indicator is kept in a transaction of its own, which on
  // PGlite's one connection nothing else can interleave with, and pages that read kept values wait for the rest
  // (features/indicators/stored-values.ts). On PostgreSQL before the app answers, as before.
  let indicators: (() => Promise<void>) | null = null;
  if ((await lastRefreshed(database.db, authority.id)) === null) {
    if (database.kind === 'pglite') {
      const authorityId = authority.id;
      indicators = () =>
        refreshInBackground(database.db, authorityId, todayInLondon()).then(
          () => undefined,
          (e: unknown) => {
            runtime.logger.error({ err: e }, 'indicators could not be computed for the demo authority');
          },
        );
    } else {
      await refreshMonthlyValues(database.db, authority.id, todayInLondon(), {
        onIndicator: (done, total) => onProgress?.({ stage: 'Computing indicators', done, total }),
      });
    }
  }
  const team = await pickDemoTeam(database.db, authority.id);
  if (!team)
    throw new Error('The demo authority has no allocated children; regenerate it with `lantern demo generate`.');
  await ensureDemoUsers(
    database.db,
    services.accessLogRepository,
    { authorityId: authority.id, demoTeamId: team.teamId, demoWorkerId: team.workerId },
    config.demoPassword,
    { ...SYSTEM, authorityId: authority.id },
  );
  // The open audit programme's first cases go to the demo's auditors, once they exist (a no-op after the first start).
  const { allocateDemoAudits } = await import('../../synth/audit-programmes');
  await allocateDemoAudits(database.db, authority.id);
  // The services' self-evaluation text, for a demo generated before it existed (a no-op once there is any).
  const { writeDemoSelfEvaluation } = await import('../../synth/self-evaluation');
  await writeDemoSelfEvaluation(database.db, authority.id, todayInLondon());
  return {
    authorityName: authority.name,
    generated,
    usernames: ROLES,
    password: config.demoPassword,
    seconds: (performance.now() - started) / 1000,
    indicators,
  };
}
