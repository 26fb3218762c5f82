/**
 * The demo authority in a running app, for the report tests that check a generated report against the web page
 * it comes from (issue 7's "Done means"): the test world (app.ts), a small demo authority generated into the same
 * database (src/synth/generate.ts), and a signed-in client for a user of the demo authority in the given role.
 * In a whole run the world and its demo are built once per set of options and each file gets a copy (db-cache.ts).
 */
import type { Database } from '../../src/db/client';
import { createAuditor } from '../../src/accounts/access-log/auditor';
import { generateDemoAuthority, type DemoSummary } from '../../src/synth/generate';
import { PASSWORD, seedTestWorld, serveTestWorld, type Role, type TestWorld, type WorldSeed } from './app';
import { buildKey, migratedPglite, pgliteCopy, testRun } from './db-cache';
import { TestClient } from '../../harness/client';

export interface DemoWorld {
  world: TestWorld;
  demo: DemoSummary;
  /** A client signed in as a user of the demo authority with this role (made on first use). */
  client(role: Role): Promise<TestClient>;
  close(): Promise<void>;
}

export async function startDemoWorld(options: {
  childPopulation?: number;
  years?: number;
  asAt: string;
  seed?: number;
}): Promise<DemoWorld> {
  const demoOptions = {
    seed: options.seed ?? 1,
    childPopulation: options.childPopulation ?? 1000,
    years: options.years ?? 2,
    asAt: options.asAt,
    code: 'RDEMO',
  };
  const build = async (database: Database) => {
    const seed = await seedTestWorld(database);
    return { seed, demo: await generateDemoAuthority(database, demoOptions) };
  };
  const { database, meta } = testRun()
    ? await pgliteCopy<{ seed: WorldSeed; demo: DemoSummary }>(buildKey('demo-world', demoOptions), build)
    : await migratedPglite().then(async (database) => ({ database, meta: await build(database) }));
  const world = await serveTestWorld(database, meta.seed, { owned: true });
  const demo = meta.demo;
  const made = new Set<string>();
  return {
    world,
    demo,
    async client(role) {
      const username = `demo-${role}`;
      if (!made.has(username)) {
        const audit = createAuditor(
          world.services.accessLogRepository,
          { userId: null, username: 'test-setup', authorityId: demo.authorityId },
          'user.create',
          null,
        );
        await world.services.users.create(
          demo.authorityId,
          {
            username,
            displayName: `Demo ${role}`,
            role,
            teamId: role === 'team-manager' || role === 'social-worker' ? demo.demoTeamId : null,
            password: PASSWORD,
          },
          audit,
        );
        made.add(username);
      }
      const c = new TestClient(world.baseUrl);
      await c.signIn(username, PASSWORD);
      return c;
    },
    close: () => world.close(),
  };
}
