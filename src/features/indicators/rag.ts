/**
 * Red, amber, green against thresholds, by polarity. For "higher is better": green at or above `green`, amber at
 * or above `amber`, red below. For "lower is better": green at or below `green`, amber at or below `amber`, red
 * above. No RAG for neutral indicators, missing thresholds or a missing value.
 */
import type { Polarity } from './definition';

export type Rag = 'green' | 'amber' | 'red';

export interface Thresholds {
  readonly target: number | null;
  readonly green: number | null;
  readonly amber: number | null;
}

export function ragFor(value: number | null, polarity: Polarity, t: Thresholds): Rag | null {
  if (value === null || polarity === 'neutral' || t.green === null || t.amber === null) return null;
  if (polarity === 'higher') return value >= t.green ? 'green' : value >= t.amber ? 'amber' : 'red';
  return value <= t.green ? 'green' : value <= t.amber ? 'amber' : 'red';
}

/** Thresholds make sense for the polarity: green no worse than amber. */
export function thresholdsProblem(polarity: Polarity, green: number, amber: number): string | null {
  if (polarity === 'higher' && green < amber)
    return 'For an indicator where higher is better, the green threshold must be at least the amber threshold';
  if (polarity === 'lower' && green > amber)
    return 'For an indicator where lower is better, the green threshold must be at most the amber threshold';
  return null;
}

export const RAG_LABELS: Record<Rag, string> = { green: 'On target', amber: 'Near target', red: 'Off target' };
