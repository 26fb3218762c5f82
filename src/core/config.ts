/**
 * Configuration, read once from the environment and validated at boot. Every problem is listed at once.
 * Insecure defaults exist only in demo mode (the embedded demo authority); outside it, a real SESSION_SECRET
 * is required.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  LANTERN_DATA_DIR: z.string().default('./data'),
  SESSION_SECRET: z.string().optional(),
  LANTERN_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  LANTERN_DEMO: z.enum(['true', 'false', '1', '0']).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Serve cookies with the Secure flag. Defaults to on in production. */
  LANTERN_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  LANTERN_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Failed sign-ins of one username, and from one address, before a lock (src/domain/sign-in-throttle.ts). */
  LANTERN_SIGN_IN_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(5),
  LANTERN_SIGN_IN_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(50),
  /** The first lock, in minutes; each further failure doubles it, up to the longest. */
  LANTERN_SIGN_IN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(1),
  LANTERN_SIGN_IN_MAX_LOCK_MINUTES: z.coerce.number().int().min(1).max(10_080).default(60),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  demoPassword: string;
  sessionSecret: string;
  secureCookies: boolean;
  production: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** How failed sign-ins are throttled (src/domain/sign-in-throttle.ts). */
  signIn: { attempts: number; attemptsPerAddress: number; lockMinutes: number; maxLockMinutes: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Lantern cannot start because its configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The shared demo password when LANTERN_DEMO_PASSWORD is not set. Only ever used in demo mode. */
export const DEFAULT_DEMO_PASSWORD = 'lantern-demo';

const WEAK_SECRETS = new Set(['secret', 'changeme', 'change-me', 'session-secret', 'keyboard cat']);

/**
 * `purpose: 'serve'` needs a session secret (real, outside demo mode); commands that do not serve web
 * sessions ('command') do not.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: { demo?: boolean; purpose?: 'serve' | 'command' } = {},
): Config {
  // An empty variable means unset (DATABASE_URL= npm start runs on the embedded database).
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const demo = overrides.demo ?? (e.LANTERN_DEMO === 'true' || e.LANTERN_DEMO === '1');
  const production = e.NODE_ENV === 'production';
  const problems: string[] = [];
  let sessionSecret = e.SESSION_SECRET;
  if (!sessionSecret || sessionSecret.length < 32 || WEAK_SECRETS.has(sessionSecret)) {
    if ((demo && !production) || overrides.purpose === 'command') {
      // A fresh random secret per process: sessions do not survive a restart, which is right for a demo.
      sessionSecret = randomBytes(32).toString('hex');
    } else {
      problems.push(
        'SESSION_SECRET: set a random secret of at least 32 characters (for example: openssl rand -hex 32)',
      );
    }
  }
  if (e.LANTERN_SIGN_IN_MAX_LOCK_MINUTES < e.LANTERN_SIGN_IN_LOCK_MINUTES)
    problems.push('LANTERN_SIGN_IN_MAX_LOCK_MINUTES: must be at least LANTERN_SIGN_IN_LOCK_MINUTES');
  if (production && demo)
    problems.push('LANTERN_DEMO: demo mode (shared passwords) cannot run with NODE_ENV=production');
  if (problems.length) throw new ConfigError(problems);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.LANTERN_DATA_DIR,
    demo,
    demoPassword: e.LANTERN_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
    sessionSecret: sessionSecret as string,
    secureCookies: e.LANTERN_SECURE_COOKIES ? e.LANTERN_SECURE_COOKIES === 'true' : production,
    production,
    logLevel: e.LANTERN_LOG_LEVEL,
    signIn: {
      attempts: e.LANTERN_SIGN_IN_ATTEMPTS,
      attemptsPerAddress: e.LANTERN_SIGN_IN_ATTEMPTS_PER_ADDRESS,
      lockMinutes: e.LANTERN_SIGN_IN_LOCK_MINUTES,
      maxLockMinutes: e.LANTERN_SIGN_IN_MAX_LOCK_MINUTES,
    },
  };
}
