/**
 * Every indicator Lantern computes, in one list, in the order dashboards show them.
 */
import { assessmentProtection } from './areas/assessment-protection';
import { careLeavers } from './areas/care-leavers';
import { childrenInCare } from './areas/children-in-care';
import { frontDoor } from './areas/front-door';
import { permanence } from './areas/permanence';
import { quality } from './areas/quality';
import { workforce } from './areas/workforce';
import type { IndicatorDefinition, ServiceArea } from './definition';

export const INDICATORS: readonly IndicatorDefinition[] = [
  ...frontDoor,
  ...assessmentProtection,
  ...childrenInCare,
  ...permanence,
  ...careLeavers,
  ...workforce,
  ...quality,
];

const BY_ID = new Map(INDICATORS.map((d) => [d.id, d]));
if (BY_ID.size !== INDICATORS.length) throw new Error('Two indicators share an id');

export function indicatorById(id: string): IndicatorDefinition | undefined {
  return BY_ID.get(id);
}

export function indicatorsIn(area: ServiceArea): IndicatorDefinition[] {
  return INDICATORS.filter((d) => d.area === area);
}
