/**
 * GOV.UK Frontend's styles compiled from its Sass with Arial in place of the GDS Transport typeface, which only
 * GOV.UK services may use (decision 8). Compiled on first request and kept in memory; the compiled CSS is also kept
 * in node_modules/.cache/lantern/, named for govuk-frontend's version and the Sass it compiles, so that the next
 * process (a restart, another test file) reads it instead of compiling again (several seconds of CPU). Where that
 * folder cannot be written, each process compiles its own.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { govukFrontendDist } from './views';

const SOURCE = `@use "govuk" with ($govuk-font-family: (arial, sans-serif), $govuk-assets-path: "/assets/");`;

let compiled: Promise<string> | undefined;

export function govukStylesheet(): Promise<string> {
  compiled ??= loadGovukStylesheet(path.join(govukFrontendDist, '..', '..', '.cache', 'lantern'));
  return compiled;
}

/** The stylesheet from `cacheDir` if it has been compiled there, else compiled now and left there. */
export async function loadGovukStylesheet(cacheDir: string): Promise<string> {
  const version = (
    JSON.parse(readFileSync(path.join(govukFrontendDist, '..', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const key = createHash('sha256').update(`${version}\n${SOURCE}`).digest('hex').slice(0, 16);
  const cached = path.join(cacheDir, `govuk-${key}.css`);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    // Not compiled yet: compile below.
  }
  // Sass is loaded only when it is needed: it is a large module that most processes never use.
  const sass = await import('sass');
  const css = sass.compileString(SOURCE, {
    loadPaths: [govukFrontendDist, path.join(govukFrontendDist, 'govuk')],
    style: 'compressed',
    quietDeps: true,
  }).css;
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Written whole, then renamed into place, so that a process reading it never sees half a file.
    const partial = `${cached}.${process.pid}`;
    writeFileSync(partial, css);
    renameSync(partial, cached);
  } catch {
    // A read-only installation: this process keeps its compiled copy in memory.
  }
  return css;
}
