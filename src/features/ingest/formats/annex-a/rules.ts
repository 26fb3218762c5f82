/**
 * Checks across the cells, rows and lists of an Annex A workbook. Ofsted publishes no validator for Annex A, so
 * these are Lantern's own (codes LNT-AA-…), modelled on the CIN census and SSDA903 rules they mirror (named in each
 * rule's source). Every rule is a pure function over the parsed lists.
 */
import { annexAAge } from '../../../annex-a/age';
import { annexALayout, type ListNumber } from '../../../annex-a/layouts';
import { defineRule, type Rule } from '../../rules';
import type { ListData, ParsedRow } from './workbook';

export interface AnnexARuleContext {
  file: string;
  asAt: string;
  lists: ReadonlyMap<ListNumber, ListData>;
}

const rows = (ctx: AnnexARuleContext, n: ListNumber): ParsedRow[] => ctx.lists.get(n)?.rows ?? [];
const child = (r: ParsedRow): string | null =>
  r.values.childId === null || r.values.childId === undefined ? null : String(r.values.childId);
/** Column headings by key (2024 layout), for issue messages. */
const HEADINGS: Record<string, string> = Object.fromEntries(
  annexALayout(2024).flatMap((l) => l.columns.map((c) => [c.key, c.heading])),
);

/** Pairs of (start, end) columns per list where the end may not be before the start. */
const ORDERED: Array<{ list: ListNumber; start: string; end: string; endHeading: string }> = [
  { list: 2, start: 'ehStart', end: 'ehEnd', endHeading: 'Assessment completion date' },
  { list: 4, start: 'assessmentStart', end: 'authorised', endHeading: 'Continuous Assessment Date of Authorisation' },
  { list: 5, start: 's47Start', end: 'icpcDate', endHeading: 'Date of Initial Child Protection Conference' },
  { list: 6, start: 'cinStart', end: 'cinClosure', endHeading: 'CIN Closure Date' },
  { list: 7, start: 'cpStart', end: 'cpEnd', endHeading: 'Child Protection Plan End Date' },
  { list: 8, start: 'claStart', end: 'claEnd', endHeading: 'Date Ceased to be Looked After' },
  { list: 8, start: 'claStart', end: 'placementStart', endHeading: 'Start Date of Most Recent Placement' },
  { list: 10, start: 'decisionDate', end: 'adoptionOrder', endHeading: 'Date of Adoption Order' },
];

/** Date columns that describe the past: a value after the as-at date cannot be right (Date of Birth may be, for an unborn child). */
const PAST_DATES = [
  'contactDate',
  'ehStart',
  'ehEnd',
  'referralDate',
  'assessmentStart',
  'authorised',
  's47Start',
  'icpcDate',
  'cinStart',
  'lastSeen',
  'cinClosure',
  'cpStart',
  'lastVisit',
  'latestReview',
  'cpEnd',
  'claStart',
  'legalStatusStart',
  'lastHealth',
  'lastDental',
  'claEnd',
  'placementStart',
  'pathwayReview',
  'latestContact',
  'enteredCare',
  'decisionDate',
  'placementOrder',
  'matched',
  'placed',
  'adoptionOrder',
  'reversedDate',
  'ffaDate',
];

export const annexARules: ReadonlyArray<Rule<AnnexARuleContext>> = [
  defineRule<AnnexARuleContext>({
    code: 'LNT-AA-01',
    severity: 'error',
    message: 'An end date is before the date it ends',
    years: { from: 2000 },
    source:
      'Mirrors CIN census 8630 (closure before referral), 8925 (CP plan ends before it starts) and SSDA903 rule 147',
    check(ctx, hit) {
      for (const o of ORDERED) {
        for (const r of rows(ctx, o.list)) {
          const start = r.values[o.start];
          const end = r.values[o.end];
          if (typeof start === 'string' && typeof end === 'string' && end < start)
            hit({
              file: ctx.file,
              row: r.row,
              column: o.endHeading,
              child: child(r),
              detail: `sheet "${r.sheet}": ${end} is before ${start}`,
            });
        }
      }
    },
  }),
  defineRule<AnnexARuleContext>({
    code: 'LNT-AA-02',
    severity: 'error',
    message: 'A closure or ceased date and its reason must both be given or both be blank',
    years: { from: 2000 },
    source: 'Mirrors CIN census 8805 (CINclosureDate and ReasonForClosure) and SSDA903 148 (DEC and REC)',
    check(ctx, hit) {
      const pairs: Array<[ListNumber, string, string, string]> = [
        [6, 'cinClosure', 'closureReason', 'Reason for Closure'],
        [8, 'claEnd', 'reasonCeased', 'Reason Ceased to be Looked After'],
      ];
      for (const [list, date, reason, heading] of pairs) {
        for (const r of rows(ctx, list)) {
          const hasDate = r.values[date] !== null && r.values[date] !== undefined;
          const hasReason = r.values[reason] !== null && r.values[reason] !== undefined;
          if (hasDate !== hasReason)
            hit({ file: ctx.file, row: r.row, column: heading, child: child(r), detail: `sheet "${r.sheet}"` });
        }
      }
    },
  }),
  defineRule<AnnexARuleContext>({
    code: 'LNT-AA-03',
    severity: 'query',
    message: 'A date is after the date the workbook is as at',
    years: { from: 2000 },
    source: 'Lantern: Annex A describes the authority as at one date; nothing in it can have happened later',
    check(ctx, hit) {
      for (const [, data] of ctx.lists) {
        for (const r of data.rows) {
          for (const key of PAST_DATES) {
            const v = r.values[key];
            if (typeof v === 'string' && v > ctx.asAt)
              hit({
                file: ctx.file,
                row: r.row,
                column: HEADINGS[key] ?? key,
                child: child(r),
                detail: `sheet "${r.sheet}": ${v}`,
              });
          }
        }
      }
    },
  }),
  defineRule<AnnexARuleContext>({
    code: 'LNT-AA-04',
    severity: 'error',
    message: "A child's sex, ethnicity or date of birth differs between lists",
    years: { from: 2000 },
    source: 'Mirrors SSDA903 INT rules (DOB and SEX must agree across tables)',
    check(ctx, hit) {
      const first = new Map<string, { sex: unknown; ethnicity: unknown; dob: unknown; sheet: string }>();
      for (const [, data] of [...ctx.lists].sort((a, b) => a[0] - b[0])) {
        if (data.list === 11) continue;
        for (const r of data.rows) {
          const id = child(r);
          if (id === null) continue;
          const seen = first.get(id);
          if (!seen) {
            first.set(id, {
              sex: r.values.sex ?? null,
              ethnicity: r.values.ethnicity ?? null,
              dob: r.values.dob ?? null,
              sheet: r.sheet,
            });
            continue;
          }
          for (const k of ['sex', 'ethnicity', 'dob'] as const) {
            const v = r.values[k] ?? null;
            if (v !== null && seen[k] !== null && v !== seen[k])
              hit({
                file: ctx.file,
                row: r.row,
                column: HEADINGS[k] ?? k,
                child: id,
                detail: `sheet "${r.sheet}" says ${String(v)}, sheet "${seen.sheet}" says ${String(seen[k])}`,
              });
          }
        }
      }
    },
  }),
  defineRule<AnnexARuleContext>({
    code: 'LNT-AA-05',
    severity: 'error',
    message: 'The same row appears twice in a list that has one row per child, episode, plan or period',
    years: { from: 2000 },
    source: 'liia-tools la-agg.yml `dedup` keys per list',
    check(ctx, hit) {
      const keys: Array<[ListNumber, string[]]> = [
        [2, ['childId', 'ehStart']],
        [3, ['childId', 'referralDate', 'source']],
        [4, ['childId', 'assessmentStart']],
        [5, ['childId', 's47Start']],
        [6, ['childId', 'cinStart']],
        [7, ['childId', 'cpStart']],
        [8, ['childId', 'claStart']],
        [9, ['childId']],
        [10, ['childId', 'decisionDate']],
        [11, ['adopterId', 'enquiry']],
      ];
      for (const [list, cols] of keys) {
        const seen = new Map<string, number>();
        for (const r of rows(ctx, list)) {
          const key = cols.map((c) => String(r.values[c] ?? '')).join('|');
          const before = seen.get(key);
          if (before !== undefined)
            hit({
              file: ctx.file,
              row: r.row,
              column: null,
              child: child(r),
              detail: `sheet "${r.sheet}" row ${r.row} repeats row ${before}`,
            });
          else seen.set(key, r.row);
        }
      }
    },
  }),
  defineRule<AnnexARuleContext>({
    code: 'LNT-AA-06',
    severity: 'query',
    message:
      "List 6's case status says the child is looked after or on a child protection plan, but the child is not in that list",
    years: { from: 2000 },
    source: 'Annex A List 6 Case Status, derived from Lists 7 and 8 as the SSD Annex A extraction SQL does',
    check(ctx, hit) {
      if (!ctx.lists.has(7) || !ctx.lists.has(8)) return;
      const inCare = new Set(
        rows(ctx, 8)
          .filter((r) => r.values.claEnd === null || r.values.claEnd === undefined)
          .map(child),
      );
      const onPlan = new Set(
        rows(ctx, 7)
          .filter((r) => r.values.cpEnd === null || r.values.cpEnd === undefined)
          .map(child),
      );
      for (const r of rows(ctx, 6)) {
        const s = r.values.caseStatus;
        if ((s === 'cla' && !inCare.has(child(r))) || (s === 'cp' && !onPlan.has(child(r))))
          hit({ file: ctx.file, row: r.row, column: 'Case Status', child: child(r), detail: `sheet "${r.sheet}"` });
      }
    },
  }),
  defineRule<AnnexARuleContext>({
    code: 'LNT-AA-07',
    severity: 'query',
    message: 'The age does not agree with the date of birth at the as-at date',
    years: { from: 2000 },
    source: 'Annex A "Age of Child (Years)": age at last birthday, -1 for an unborn child (SSD Annex A extraction SQL)',
    check(ctx, hit) {
      for (const [, data] of ctx.lists) {
        for (const r of data.rows) {
          const dob = r.values.dob;
          const age = r.values.age;
          if (typeof dob !== 'string' || typeof age !== 'number') continue;
          const expected = annexAAge(dob, ctx.asAt);
          if (age !== expected)
            hit({
              file: ctx.file,
              row: r.row,
              column: 'Age of Child (Years)',
              child: child(r),
              detail: `sheet "${r.sheet}": ${age}, expected ${expected}`,
            });
        }
      }
    },
  }),
];
