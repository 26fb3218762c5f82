/**
 * Helpers for the SSD reader's tests: the files of a fixture folder as SourceFiles, and reading them with a fixed
 * "today" so that expectations do not move with the calendar.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ImportContext, ReadResult, SourceFile } from '../../format';
import { IssueLog, type Issue } from '../../issues';
import { ssdFormat } from './index';

export const FIXTURES = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '../../../../../test/fixtures/ssd',
);

export function sourceFiles(dir: string): SourceFile[] {
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const p = path.join(dir, name);
      return { name, path: p, size: statSync(p).size };
    });
}

/** Reads a fixture folder as the import runner would: the files the format claims, then read (or all, unclaimed). */
export async function readFolder(
  dir: string,
  today = '2026-04-20',
  claim = true,
): Promise<{ result: ReadResult | null; issues: readonly Issue[]; log: IssueLog }> {
  const log = new IssueLog();
  const ctx: ImportContext = {
    authority: { id: 1, code: 'T', name: 'Test', laNumber: null },
    issues: log,
    progress: () => undefined,
    options: {},
    today,
  };
  const files = claim ? await ssdFormat.claim(sourceFiles(dir)) : sourceFiles(dir);
  const result = await ssdFormat.read(files, ctx);
  return { result, issues: log.list(), log };
}

/** Issues without their file paths, for comparing. */
export const brief = (issues: readonly Issue[]) =>
  issues.map((i) => `${i.severity} ${i.rule} ${i.file}:${i.row ?? '-'} ${i.column ?? '-'}`);
