/**
 * What every command shares: the runtime (configuration, database, services) opened for the command and closed
 * after it, and the actor the command acts as (the operating-system user, for the access and import logs).
 */
import { userInfo } from 'node:os';
import { InvalidArgumentError } from 'commander';
import { loadConfig } from '../core/config';
import { isIsoDate } from '../domain/dates';
import { openRuntime, type Runtime } from '../app/runtime';
import { cliIo } from './io';

export function cliActor(authorityId: number | null) {
  return { userId: null, username: `cli:${safeOsUser()}`, authorityId };
}

function safeOsUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export async function withRuntime<T>(fn: (rt: Runtime) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const config = loadConfig(cliIo().env, { purpose: 'command' });
  const rt = await openRuntime(config, { migrate: options.migrate ?? true, logger: undefined });
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

export const int = (name: string, min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new InvalidArgumentError(`${name} must be a whole number of at least ${min}.`);
  return n;
};

export const isoDate = (value: string) => {
  if (!isIsoDate(value)) throw new InvalidArgumentError('Use a real date in the format YYYY-MM-DD.');
  return value;
};
