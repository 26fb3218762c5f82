/**
 * Authorities, their teams and workers, workforce snapshots, and Lantern's own users, sessions and access log.
 * SSD: ssd_professionals, ssd_department, ssd_involvements (allocations live in children.ts).
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, numeric, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Role } from '../../domain/roles';
import { authorityId, createdAt, day, id, importBatchId, instant } from './columns';

export const authorities = pgTable('authorities', {
  id: serial('id').primaryKey(),
  /** Short code used in URLs and files, e.g. DEMO or the 3-digit DfE LA number. */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** DfE (old) 3-digit LA number of the authority, or of the real authority a demo borough borrows its benchmarks from. */
  laNumber: text('la_number'),
  gssCode: text('gss_code'),
  region: text('region'),
  /** The real authority whose statistical neighbours and region the (demo) authority is benchmarked against. */
  benchmarkLaNumber: text('benchmark_la_number'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: createdAt(),
});

/** Child population (ONS mid-year estimate style) by single year of age, sex and ethnic group, for rates and equalities. */
export const childPopulation = pgTable(
  'child_population',
  {
    id: id(),
    authorityId: authorityId(),
    year: integer('year').notNull(),
    age: integer('age').notNull(),
    sex: text('sex').notNull(),
    ethnicGroup: text('ethnic_group').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [uniqueIndex('child_population_key').on(t.authorityId, t.year, t.age, t.sex, t.ethnicGroup)],
);

export const teams = pgTable(
  'teams',
  {
    id: serial('id').primaryKey(),
    authorityId: authorityId(),
    name: text('name').notNull(),
    /** Service area: front-door, early-help, assessment, cin-cp, children-in-care, care-leavers, disabled-children, permanence, lado, iro. */
    serviceArea: text('service_area').notNull(),
    /** The import that added the team (null: added in Lantern or by the demo); withdrawing it removes the team if nothing refers to it. */
    importBatchId: importBatchId(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('teams_authority_name').on(t.authorityId, t.name)],
);

export const workers = pgTable(
  'workers',
  {
    id: serial('id').primaryKey(),
    authorityId: authorityId(),
    /** The worker's ID as the returns carry it (SSDA903 SW_ID style: starts SW). */
    workerRef: text('worker_ref').notNull(),
    name: text('name').notNull(),
    /** social-worker, senior-practitioner, team-manager, personal-adviser, iro, early-help-practitioner, lado. */
    role: text('role').notNull(),
    teamId: integer('team_id'),
    agency: boolean('agency').notNull().default(false),
    fte: numeric('fte', { precision: 4, scale: 2, mode: 'number' }).notNull().default(1),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    /** The import that added the worker (null: added in Lantern or by the demo); withdrawing it removes the worker if nothing refers to them. */
    importBatchId: importBatchId(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('workers_authority_ref').on(t.authorityId, t.workerRef), index('workers_team').on(t.teamId)],
);

/** DfE children's social work workforce census style snapshot (30 September each year). */
export const workforceSnapshots = pgTable(
  'workforce_snapshots',
  {
    id: id(),
    authorityId: authorityId(),
    snapshotDate: day('snapshot_date').notNull(),
    socialWorkerFte: numeric('social_worker_fte', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    agencyFte: numeric('agency_fte', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    vacancyFte: numeric('vacancy_fte', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    leaversFte: numeric('leavers_fte', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    caseloadCases: integer('caseload_cases').notNull(),
  },
  (t) => [uniqueIndex('workforce_snapshots_key').on(t.authorityId, t.snapshotDate)],
);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    authorityId: authorityId(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    /** One of ROLES in src/domain/roles.ts. */
    role: text('role').$type<Role>().notNull(),
    /** Team scope for team-manager and social-worker. */
    teamId: integer('team_id'),
    workerId: integer('worker_id'),
    passwordHash: text('password_hash'),
    active: boolean('active').notNull().default(true),
    lastSignInAt: instant('last_sign_in_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_username').on(sql`lower(${t.username})`)],
);

export const sessions = pgTable(
  'sessions',
  {
    sid: text('sid').primaryKey(),
    data: jsonb('data').notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('sessions_expires').on(t.expiresAt)],
);

/**
 * Who did what to which record, when, under which request. Written in the same transaction as the
 * view or change it records. `detail` carries only allowlisted, non-identifying fields.
 */
export const accessLog = pgTable(
  'access_log',
  {
    id: id(),
    authorityId: integer('authority_id'),
    occurredAt: instant('occurred_at').notNull().defaultNow(),
    userId: integer('user_id'),
    username: text('username'),
    /** e.g. child.view, child.search, user.create, user.sign-in, demo.generate. */
    action: text('action').notNull(),
    recordType: text('record_type'),
    recordId: text('record_id'),
    requestId: text('request_id'),
    detail: jsonb('detail').$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [
    index('access_log_time').on(t.occurredAt),
    index('access_log_record').on(t.recordType, t.recordId),
    index('access_log_user').on(t.userId, t.occurredAt),
  ],
);

/**
 * Failed sign-ins, counted per key ("user:<username as typed, lower case>" or "address:<IP address>") to slow down
 * password guessing (src/domain/sign-in-throttle.ts). Holds no password and no record of who signed in.
 */
export const signInFailures = pgTable('sign_in_failures', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: instant('last_failure_at').notNull(),
});

/** Personal API tokens for scripts: only a SHA-256 hash of the token is kept (tokens are 256-bit random). */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at'),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [index('api_tokens_user').on(t.userId)],
);
