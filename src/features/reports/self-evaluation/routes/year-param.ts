/**
 * The self-evaluation year a path or a posted form names: four digits, 2000–2100; anything else is not found.
 */
import { NotFoundError } from '../../../../core/errors';
import { isSelfEvaluationYear } from '../areas';

/** A year from the path: four digits, 2000–2100; anything else is not found. */
export function yearParam(value: unknown): number {
  const s = typeof value === 'string' ? value : '';
  const year = /^\d{4}$/.test(s) ? Number(s) : NaN;
  if (!isSelfEvaluationYear(year)) throw new NotFoundError();
  return year;
}
