/** What the programme pages share: the programme id from the path, a page's title, checkbox values. */
import type { Request } from 'express';
import { z } from 'zod';
import { NotFoundError, type FieldError } from '../../../../core/errors';

export type Body = Record<string, unknown>;

export const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : v === undefined || v === '' ? [] : [String(v)];

export function programmeIdOf(req: Request): number {
  const parsed = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).safeParse(req.params.programmeId);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data;
}

export const pageTitle = (title: string, errors: readonly FieldError[]) => `${errors.length ? 'Error: ' : ''}${title}`;
