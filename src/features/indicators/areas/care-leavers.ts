/**
 * care-leavers indicators (product.md §5).
 */
import type { IndicatorDefinition } from '../definition';

export const careLeavers: IndicatorDefinition[] = [];
