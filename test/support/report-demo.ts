/**
 * The demo authority in a running app, for the report tests that check a generated report against the web page
 * it comes from (issue 7's "Done means"): the test world (app.ts), a small demo authority generated into the same
 * database (src/synth/generate.ts), and a signed-in client for a user of the demo authority in the given role.
 */
import { createAuditor } from '../../src/accounts/access-log/auditor';
import { generateDemoAuthority, type DemoSummary } from '../../src/synth/generate';
import { PASSWORD, startTestWorld, type Role, type TestWorld } from './app';
import { TestClient } from '../../harness/client';

export interface DemoWorld {
  world: TestWorld;
  demo: DemoSummary;
  /** A client signed in as a user of the demo authority with this role (made on first use). */
  client(role: Role): Promise<TestClient>;
  close(): Promise<void>;
}

export async function startDemoWorld(options: { childPopulation?: number; years?: number; asAt: string; seed?: number }): Promise<DemoWorld> {
  const world = await startTestWorld();
  const demo = await generateDemoAuthority(world.database, {
    seed: options.seed ?? 1,
    childPopulation: options.childPopulation ?? 1000,
    years: options.years ?? 2,
    asAt: options.asAt,
    code: 'RDEMO',
  });
  const made = new Set<string>();
  return {
    world,
    demo,
    async client(role) {
      const username = `demo-${role}`;
      if (!made.has(username)) {
        const audit = createAuditor(world.services.accessLogRepository, { userId: null, username: 'test-setup', authorityId: demo.authorityId }, 'user.create', null);
        await world.services.users.create(demo.authorityId, { username, displayName: `Demo ${role}`, role, teamId: role === 'team-manager' || role === 'social-worker' ? demo.demoTeamId : null, password: PASSWORD }, audit);
        made.add(username);
      }
      const c = new TestClient(world.baseUrl);
      await c.signIn(username, PASSWORD);
      return c;
    },
    close: () => world.close(),
  };
}
