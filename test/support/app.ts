/**
 * A running Lantern app on a fresh in-memory database, with one authority, two teams, a user per role and
 * children in each team — the smallest world in which every rule about who sees what can be tested.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { loadConfig } from '../../src/core/config';
import type { Database } from '../../src/db/client';
import { allocations, authorities, children, teams, workers } from '../../src/db/schema/index';
import { ROLES, isTeamScoped, type Role } from '../../src/domain/roles';
import { createAuditor } from '../../src/accounts/access-log/auditor';
import { createLogger } from '../../src/core/logger';
import { createServices, type Services } from '../../src/app/services';
import { createApp } from '../../src/app/web';
import type { RouteInfo } from '../../src/web/route';
import { migratedPglite } from './db-cache';

export const PASSWORD = 'correct horse battery staple';

export interface TestWorld {
  baseUrl: string;
  database: Database;
  services: Services;
  routes: RouteInfo[];
  openapi: unknown;
  authorityId: number;
  otherAuthorityId: number;
  teamA: number;
  teamB: number;
  /** Lantern IDs: a child allocated to team A (the team-scoped users' team), one to team B, one in another authority. */
  childInTeamA: string;
  childInTeamB: string;
  childElsewhere: string;
  close(): Promise<void>;
}

/** The ids of the rows startTestWorld seeds (they depend only on the order of inserts into a fresh database). */
export interface WorldSeed {
  authorityId: number;
  otherAuthorityId: number;
  teamA: number;
  teamB: number;
  childInTeamA: string;
  childInTeamB: string;
  childElsewhere: string;
}

function worldServices(db: Database): Services {
  const config = loadConfig({ SESSION_SECRET: 'a'.repeat(64), NODE_ENV: 'test' });
  return createServices(db, config, createLogger('silent'));
}

export async function startTestWorld(database?: Database): Promise<TestWorld> {
  // A copy of the run's migrated database (db-cache.ts); one given by the caller is migrated here.
  const db = database ?? (await migratedPglite());
  if (database) await db.migrate();
  const services = worldServices(db);
  const seed = await seedTestWorld(db, services);
  return serveTestWorld(db, seed, { services, owned: !database });
}

/** Writes the test world's authorities, teams, workers, children and users (one per role) into a migrated database. */
export async function seedTestWorld(db: Database, services: Services = worldServices(db)): Promise<WorldSeed> {
  const [authority] = await db.db.insert(authorities).values({ code: 'TST', name: 'Test Borough' }).returning();
  const [other] = await db.db.insert(authorities).values({ code: 'OTH', name: 'Other Borough' }).returning();
  if (!authority || !other) throw new Error('no authority');
  const [a, b, c] = await db.db
    .insert(teams)
    .values([
      { authorityId: authority.id, name: 'Family Support A', serviceArea: 'cin-cp' },
      { authorityId: authority.id, name: 'Family Support B', serviceArea: 'cin-cp' },
      { authorityId: other.id, name: 'Elsewhere Team', serviceArea: 'cin-cp' },
    ])
    .returning();
  if (!a || !b || !c) throw new Error('no teams');
  const [wa, wb, wc] = await db.db
    .insert(workers)
    .values([
      {
        authorityId: authority.id,
        workerRef: 'SW001',
        name: 'Worker A',
        role: 'social-worker',
        teamId: a.id,
        startDate: '2020-01-01',
      },
      {
        authorityId: authority.id,
        workerRef: 'SW002',
        name: 'Worker B',
        role: 'social-worker',
        teamId: b.id,
        startDate: '2020-01-01',
      },
      {
        authorityId: other.id,
        workerRef: 'SW003',
        name: 'Worker C',
        role: 'social-worker',
        teamId: c.id,
        startDate: '2020-01-01',
      },
    ])
    .returning();
  if (!wa || !wb || !wc) throw new Error('no workers');
  const kids = await db.db
    .insert(children)
    .values([
      {
        authorityId: authority.id,
        laChildId: 'TA1',
        firstName: 'Avery',
        lastName: 'Alpha',
        dateOfBirth: '2015-05-05',
        sex: 'F',
        ethnicity: 'WBRI',
      },
      {
        authorityId: authority.id,
        laChildId: 'TB1',
        firstName: 'Blake',
        lastName: 'Bravo',
        dateOfBirth: '2012-02-02',
        sex: 'M',
        ethnicity: 'BAFR',
      },
      {
        authorityId: other.id,
        laChildId: 'OC1',
        firstName: 'Casey',
        lastName: 'Charlie',
        dateOfBirth: '2010-10-10',
        sex: 'F',
        ethnicity: 'APKN',
      },
    ])
    .returning();
  const [ka, kb, kc] = kids;
  if (!ka || !kb || !kc) throw new Error('no children');
  await db.db.insert(allocations).values([
    {
      authorityId: authority.id,
      childId: ka.id,
      teamId: a.id,
      workerId: wa.id,
      role: 'social-worker',
      startDate: '2025-01-01',
    },
    {
      authorityId: authority.id,
      childId: kb.id,
      teamId: b.id,
      workerId: wb.id,
      role: 'social-worker',
      startDate: '2025-01-01',
    },
    {
      authorityId: other.id,
      childId: kc.id,
      teamId: c.id,
      workerId: wc.id,
      role: 'social-worker',
      startDate: '2025-01-01',
    },
  ]);
  const audit = createAuditor(
    services.accessLogRepository,
    { userId: null, username: 'test-setup', authorityId: authority.id },
    'user.create',
    null,
  );
  for (const role of ROLES) {
    await services.users.create(
      authority.id,
      {
        username: role,
        displayName: `Test ${role}`,
        role,
        teamId: isTeamScoped(role) ? a.id : null,
        password: PASSWORD,
      },
      audit,
    );
  }
  return {
    authorityId: authority.id,
    otherAuthorityId: other.id,
    teamA: a.id,
    teamB: b.id,
    childInTeamA: ka.lanternId,
    childInTeamB: kb.lanternId,
    childElsewhere: kc.lanternId,
  };
}

/**
 * Serves the app on a database the test world was seeded into (here, or in the database it was copied from).
 * `owned`: the database is closed with the world.
 */
export async function serveTestWorld(
  db: Database,
  seed: WorldSeed,
  options: { services?: Services; owned: boolean },
): Promise<TestWorld> {
  const services = options.services ?? worldServices(db);
  const app = createApp(services);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => {
      resolve(s);
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    database: db,
    services,
    routes: app.locals.routes as RouteInfo[],
    openapi: app.locals.openapi,
    ...seed,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      });
      (app.locals.sessionStore as { close(): void }).close();
      if (options.owned) await db.close();
    },
  };
}

export type { Role };

/**
 * A personal API token for a user of the test world (signed in with the world's password), issued as the user
 * would issue it themselves (recorded as `user.token` in the access log); `name` labels it.
 */
export async function apiTokenFor(world: TestWorld, username: string, name: string): Promise<string> {
  const user = await world.services.users.verifyPassword(username, PASSWORD);
  if (!user) throw new Error(`${username} cannot sign in with the test world's password`);
  const audit = createAuditor(
    world.services.accessLogRepository,
    { userId: user.id, username, authorityId: user.authorityId },
    'user.token',
    null,
  );
  return world.services.users.issueToken(user.id, name, audit);
}
