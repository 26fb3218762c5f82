/**
 * GOV.UK Frontend's styles compiled from its Sass with Arial in place of the GDS Transport typeface, which only
 * GOV.UK services may use (decision 8). Compiled once per process, on first request, and kept in memory.
 */
import path from 'node:path';
import * as sass from 'sass';
import { govukFrontendDist } from './views';

let compiled: Promise<string> | undefined;

export function govukStylesheet(): Promise<string> {
  compiled ??= Promise.resolve().then(
    () =>
      sass.compileString(
        `@use "govuk" with ($govuk-font-family: (arial, sans-serif), $govuk-assets-path: "/assets/");`,
        {
          loadPaths: [govukFrontendDist, path.join(govukFrontendDist, 'govuk')],
          style: 'compressed',
          quietDeps: true,
        },
      ).css,
  );
  return compiled;
}
