/**
 * workforce indicators (product.md §5).
 */
import type { IndicatorDefinition } from '../definition';

export const workforce: IndicatorDefinition[] = [];
