import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type express from 'express';
import nunjucks from 'nunjucks';
import { ROLE_LABELS } from '../domain/roles';
import { paths } from './paths';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
export const govukFrontendDist = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist');

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** 2026-03-31 → 31 March 2026 (GOV.UK style). */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
  return Number.isNaN(d.getTime()) ? '' : dateFormat.format(d);
}

export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? '' : dateTimeFormat.format(d);
}

export function configureViews(app: express.Express): nunjucks.Environment {
  const env = nunjucks.configure([path.join(here, 'views'), path.join(here, '..', 'features'), govukFrontendDist], {
    autoescape: true,
    express: app,
    throwOnUndefined: false,
    noCache: false,
  });
  app.set('view engine', 'njk');
  env.addFilter('date', formatDate);
  env.addFilter('dateTime', formatDateTime);
  env.addFilter('roleLabel', (role: string) => (ROLE_LABELS as Partial<Record<string, string>>)[role] ?? role);
  env.addFilter('number', (n: number | null | undefined) =>
    n === null || n === undefined ? '' : n.toLocaleString('en-GB'),
  );
  // `errors | errorFor("field")` gives a GOV.UK component its errorMessage ({ text }) for one field, or undefined.
  env.addFilter('errorFor', (errors: Array<{ field: string; message: string }> | undefined, field: string) => {
    const found = errors?.find((e) => e.field === field);
    return found ? { text: found.message } : undefined;
  });
  env.addGlobal('paths', paths);
  env.addGlobal('serviceName', 'Lantern');
  return env;
}
