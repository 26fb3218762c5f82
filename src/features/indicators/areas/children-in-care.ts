/**
 * children-in-care indicators (product.md §5).
 */
import type { IndicatorDefinition } from '../definition';

export const childrenInCare: IndicatorDefinition[] = [];
