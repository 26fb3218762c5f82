/**
 * Where a command writes and which environment it reads: the process's own streams and environment when `lantern`
 * runs as a program, or those a caller hands to runLantern (the tests run most commands in-process this way).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Readable } from 'node:stream';

export interface CliWritable {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: CliWritable;
  stderr: CliWritable;
  env: Record<string, string | undefined>;
  stdin?: Readable | AsyncIterable<Buffer | string>;
  /** The exit code a command asks for without stopping (like process.exitCode). */
  exitCode?: number;
}

const current = new AsyncLocalStorage<CliIo>();

const processIo: CliIo = {
  get stdout() {
    return process.stdout;
  },
  get stderr() {
    return process.stderr;
  },
  get env() {
    return process.env;
  },
  get stdin() {
    return process.stdin;
  },
};

/** The streams and environment of the command now running. */
export function cliIo(): CliIo {
  return current.getStore() ?? processIo;
}

export function withCliIo<T>(io: CliIo, fn: () => Promise<T>): Promise<T> {
  return current.run(io, fn);
}
