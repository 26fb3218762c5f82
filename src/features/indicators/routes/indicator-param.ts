/**
 * The indicator a path names (/performance/indicators/:indicatorId, /admin/indicators/:indicatorId): a 404 when
 * there is no such indicator.
 */
import { z } from 'zod';
import { NotFoundError } from '../../../core/errors';
import type { IndicatorDefinition } from '../definition';
import { indicatorById } from '../registry';

export const indicatorIdParams = z.object({ indicatorId: z.string().max(80) });

export function definitionOr404(id: string): IndicatorDefinition {
  const def = indicatorById(id);
  if (!def) throw new NotFoundError();
  return def;
}
