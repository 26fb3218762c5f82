/**
 * Validation rules as the DfE validators define them: one rule, one code, one message, the collection years it
 * applies to, and a pure check over the parsed return. Each format keeps its rules in a folder of small modules
 * (one rule or a close family per file, each with its source cited and its own tests) and lists them in a registry.
 *
 * Years: a collection year is named by the year it ends (2025 = 2024/25, reference date 31 March 2025). A rule
 * applies from `from` to `to` inclusive; a rule changed in a year is a new entry with the same code and new years,
 * so the rules of a past year are never edited in place (as the validators' year folders do).
 */
import type { IssueLog, Severity } from './issues';

export { collectionYearOf } from '../../domain/code-lists';

export interface RuleHit {
  file: string;
  row: number | null;
  column: string | null;
  child?: string | null;
  /** Appended to the rule's message, e.g. the offending value. */
  detail?: string;
}

export interface Rule<Ctx> {
  code: string;
  severity: Severity;
  /** Plain English, after the validator's own wording. */
  message: string;
  years: { from: number; to?: number };
  /** Where the rule comes from (validator file, guidance), for the reader of the code. */
  source: string;
  check(ctx: Ctx, hit: (h: RuleHit) => void): void;
}

export function defineRule<Ctx>(rule: Rule<Ctx>): Rule<Ctx> {
  return rule;
}

export function appliesIn(rule: { years: { from: number; to?: number } }, year: number): boolean {
  return year >= rule.years.from && (rule.years.to === undefined || year <= rule.years.to);
}

/** Runs every rule that applies in `year`, reporting each hit to `issues`. Returns how many hits there were. */
export function runRules<Ctx>(rules: ReadonlyArray<Rule<Ctx>>, year: number, ctx: Ctx, issues: IssueLog): number {
  let hits = 0;
  for (const rule of rules) {
    if (!appliesIn(rule, year)) continue;
    rule.check(ctx, (h) => {
      hits++;
      issues.add({
        file: h.file,
        row: h.row,
        column: h.column,
        rule: rule.code,
        severity: rule.severity,
        message: h.detail ? `${rule.message} (${h.detail})` : rule.message,
        child: h.child ?? null,
      });
    });
  }
  return hits;
}

/** The collection year's first and last days: 2025 → 2024-04-01 … 2025-03-31. */
export function collectionYearBounds(year: number): { start: string; end: string } {
  return { start: `${year - 1}-04-01`, end: `${year}-03-31` };
}

/** '2024/25' for 2025. */
export function collectionYearLabel(year: number): string {
  return `${year - 1}/${String(year % 100).padStart(2, '0')}`;
}
