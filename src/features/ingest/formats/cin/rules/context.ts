/**
 * What the CIN rules see: the header, one child at a time (the census's rules are all about one child, except
 * 8510 and 100), or the list of child IDs in the file. Rules are pure: they look at the parsed census and report
 * hits; they never touch the dataset or the database.
 */
import { dayOfWeek, isWorkingDay, toDayNumber, addDays } from '../../../../../domain/working-days';
import type { Rule, RuleHit } from '../../../rules';
import type { CinChild, CinHeader, Located } from '../model';

export interface HeaderRuleContext {
  file: string;
  year: number;
  header: CinHeader;
}

export interface ChildRuleContext {
  file: string;
  year: number;
  /** 31 March of the collection year. */
  referenceDate: string;
  /** 1 April before it. */
  periodStart: string;
  child: CinChild;
}

export interface FileRuleContext {
  file: string;
  children: ReadonlyArray<{ laChildId: string; line: number }>;
  /** What the authority-level rules (2886Q, 2887Q, 2888Q) count, for every Child in the file, ID or not. */
  characteristics: readonly ChildCharacteristics[];
}

/** A child's recorded sex and disabilities, for the rules about the whole return. */
export interface ChildCharacteristics {
  /** The code as given (Sex M/F/U, GenderCurrent 1/2/0/9) and its element; null when missing. */
  sexCode: string | null;
  sexElement: 'Sex' | 'GenderCurrent' | null;
  expectedBirthDate: string | null;
  /** Disability codes other than NONE. */
  disabilities: readonly string[];
}

export type HeaderRule = Rule<HeaderRuleContext>;
export type ChildRule = Rule<ChildRuleContext>;
export type FileRule = Rule<FileRuleContext>;

/** A hit on one element of a module (its own line if the element is there, else the module's). */
export function at(ctx: ChildRuleContext, module: Located, column: string, detail?: string): RuleHit {
  const hit: RuleHit = { file: ctx.file, row: module.lines[column] ?? module.line, column, child: ctx.child.laChildId };
  if (detail !== undefined) hit.detail = detail;
  return hit;
}

/** Saturday or Sunday (the validator's weekend test: bank holidays are not counted here). */
export function isWeekend(isoDate: string): boolean {
  const d = dayOfWeek(toDayNumber(isoDate));
  return d === 0 || d === 6;
}

/**
 * The date `n` working days before `isoDate`, counted the CIN validator's way: `ReferenceDate - CustomBusinessDay(n - 1)`
 * with England bank holidays (`cin_validator/england_holidates.py`), so the start date is day 1. Stepping back one
 * working day at a time, the first working day strictly before the reference date is step 1, so "45 working
 * days before" is 44 such steps. src/domain/working-days.ts counts the start day as day 0; this helper is the
 * validator's convention, used only by the census rules that copy it (8670Q, 8675Q).
 */
export function validatorWorkingDaysBefore(isoDate: string, n: number): string {
  // The same few (reference date, n) pairs are asked for once per child: remember them.
  const key = `${isoDate}/${n}`;
  const known = cutOffs.get(key);
  if (known !== undefined) return known;
  let d = isoDate;
  for (let left = n - 1; left > 0;) {
    d = addDays(d, -1);
    if (isWorkingDay(d)) left--;
  }
  cutOffs.set(key, d);
  return d;
}
const cutOffs = new Map<string, string>();

/** Does [start, end] (end open = still going at the reference date) contain `date`, end excluded? */
export function within(date: string, start: string, end: string | null, referenceDate: string): boolean {
  return date >= start && (end === null ? date <= referenceDate : date < end);
}
