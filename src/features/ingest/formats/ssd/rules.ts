/**
 * Cross-field and cross-table checks on an SSD extract once it is read. The SSD has no statutory validator of its
 * own (its data feeds the 903 and CIN census, whose validators run on those returns), so these are Lantern's
 * checks, with Lantern codes, for what makes an extract impossible rather than merely unusual:
 *
 * - LNT-DATES (error): an end before its start (a referral closed before it was made, a placement ending before it
 *   began…). Source: the SSD field guidance ("end date … the date the … ended"), and 903 rule 1002/CIN rule 8530
 *   style checks.
 * - LNT-OVERLAP (error): two periods of care of one child overlapping (a child cannot be looked after twice at
 *   once; cf. 903 rule 503 family).
 * - LNT-DOB (query): both a date of birth and an expected date of birth (SSD guidance PERS009A: "either … but
 *   not both").
 * - LNT-FUTURE (query): an event dated after the day of the import.
 *
 * Each rule is a pure function over the Dataset and where its rows came from.
 */
import type { Dataset, DatasetTable } from '../../dataset';
import { defineRule, type Rule } from '../../rules';
import type { Source } from './state';

export interface SsdRuleContext {
  dataset: Dataset;
  source(table: DatasetTable, localId: number): Source;
  today: string;
}

export const SSD_RULE_CODES = {
  dates: 'LNT-DATES',
  overlap: 'LNT-OVERLAP',
  dob: 'LNT-DOB',
  future: 'LNT-FUTURE',
} as const;

type Value = string | Date | null;
const day = (v: Value): string | null => (v instanceof Date ? v.toISOString() : v);

/** For each table, its start and end fields and the SSD columns they came from. */
const DATE_PAIRS: Array<{
  table: DatasetTable;
  start: string;
  end: string;
  startColumn: string;
  endColumn: string;
  what: string;
}> = [
  {
    table: 'cinEpisodes',
    start: 'referralDate',
    end: 'closureDate',
    startColumn: 'cine_referral_date',
    endColumn: 'cine_close_date',
    what: 'referral',
  },
  {
    table: 'assessments',
    start: 'startDate',
    end: 'authorisationDate',
    startColumn: 'cina_assessment_start_date',
    endColumn: 'cina_assessment_auth_date',
    what: 'assessment',
  },
  {
    table: 's47Enquiries',
    start: 'startDate',
    end: 'endDate',
    startColumn: 's47e_s47_start_date',
    endColumn: 's47e_s47_end_date',
    what: 'section 47 enquiry',
  },
  {
    table: 'cinPlans',
    start: 'startDate',
    end: 'endDate',
    startColumn: 'cinp_cin_plan_start_date',
    endColumn: 'cinp_cin_plan_end_date',
    what: 'CIN plan',
  },
  {
    table: 'cpPlans',
    start: 'startDate',
    end: 'endDate',
    startColumn: 'cppl_cp_plan_start_date',
    endColumn: 'cppl_cp_plan_end_date',
    what: 'child protection plan',
  },
  {
    table: 'earlyHelpEpisodes',
    start: 'requestDate',
    end: 'endDate',
    startColumn: 'earl_episode_start_date',
    endColumn: 'earl_episode_end_date',
    what: 'early help episode',
  },
  {
    table: 'allocations',
    start: 'startDate',
    end: 'endDate',
    startColumn: 'invo_involvement_start_date',
    endColumn: 'invo_involvement_end_date',
    what: 'involvement',
  },
  {
    table: 'immigrationStatuses',
    start: 'startDate',
    end: 'endDate',
    startColumn: 'immi_immigration_status_start_date',
    endColumn: 'immi_immigration_status_end_date',
    what: 'immigration status',
  },
  {
    table: 'periodsOfCare',
    start: 'startDate',
    end: 'endDate',
    startColumn: 'clae_cla_episode_start_date',
    endColumn: 'clae_cla_episode_ceased_date',
    what: 'period of care',
  },
  {
    table: 'legalStatuses',
    start: 'startDate',
    end: 'endDate',
    startColumn: 'lega_legal_status_start_date',
    endColumn: 'lega_legal_status_end_date',
    what: 'legal status',
  },
  {
    table: 'placements',
    start: 'startDate',
    end: 'endDate',
    startColumn: 'clap_cla_placement_start_date',
    endColumn: 'clap_cla_placement_end_date',
    what: 'placement',
  },
  {
    table: 'preProceedings',
    start: 'startDate',
    end: 'endDate',
    startColumn: 'prep_pre_pro_decision_date',
    endColumn: 'prep_agree_stepdown_issue_date',
    what: 'pre-proceedings',
  },
  {
    table: 'missingEpisodes',
    start: 'startAt',
    end: 'endAt',
    startColumn: 'miss_missing_episode_start_date',
    endColumn: 'miss_missing_episode_end_date',
    what: 'missing episode',
  },
];

export const endBeforeStart = defineRule<SsdRuleContext>({
  code: SSD_RULE_CODES.dates,
  severity: 'error',
  message: 'The end date is before the start date',
  years: { from: 2000 },
  source:
    'Lantern: SSD field guidance for each end date; cf. CIN census rule 8530 and SSDA903 rule 1002 (ends before starts)',
  check(ctx, hit) {
    for (const pair of DATE_PAIRS) {
      const rows = ctx.dataset.rows[pair.table] as unknown as Array<Record<string, Value> & { id: number }>;
      for (const row of rows) {
        const start = day(row[pair.start] ?? null);
        const end = day(row[pair.end] ?? null);
        if (start === null || end === null || end >= start) continue;
        const at = ctx.source(pair.table, row.id);
        hit({
          file: at.file,
          row: at.line,
          column: pair.endColumn,
          child: at.child,
          detail: `${pair.what}: ${pair.endColumn} ${end.slice(0, 10)} is before ${pair.startColumn} ${start.slice(0, 10)}`,
        });
      }
    }
  },
});

export const overlappingPeriodsOfCare = defineRule<SsdRuleContext>({
  code: SSD_RULE_CODES.overlap,
  severity: 'error',
  message: 'Two periods of care of the same child overlap',
  years: { from: 2000 },
  source: 'Lantern: a child is looked after once at a time (cf. SSDA903 rules 503A–503J on overlapping episodes)',
  check(ctx, hit) {
    const byChild = new Map<number, Array<{ id: number; start: string; end: string | null }>>();
    for (const p of ctx.dataset.rows.periodsOfCare) {
      const list = byChild.get(p.childId) ?? [];
      list.push({ id: p.id, start: p.startDate, end: p.endDate });
      byChild.set(p.childId, list);
    }
    for (const list of byChild.values()) {
      list.sort((a, b) => a.start.localeCompare(b.start));
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1] as (typeof list)[number];
        const cur = list[i] as (typeof list)[number];
        // A new period may start on the day the last one ended (903 episodes meet end to start).
        if (prev.end === null || prev.end > cur.start) {
          const at = ctx.source('periodsOfCare', cur.id);
          hit({
            file: at.file,
            row: at.line,
            column: 'clae_cla_episode_start_date',
            child: at.child,
            detail: `a period starting ${cur.start} begins before the period from ${prev.start} ended (${prev.end ?? 'still open'})`,
          });
        }
      }
    }
  },
});

export const birthAndExpectedBirth = defineRule<SsdRuleContext>({
  code: SSD_RULE_CODES.dob,
  severity: 'query',
  message: 'The person has both a date of birth and an expected date of birth; the SSD records one or the other',
  years: { from: 2000 },
  source:
    'SSD guidance PERS005A/PERS009A: "Should complete either Date of Birth or Expected Date of Birth but not both"',
  check(ctx, hit) {
    for (const c of ctx.dataset.rows.children) {
      if (c.dateOfBirth !== null && c.expectedDateOfBirth !== null) {
        const at = ctx.source('children', c.id);
        hit({ file: at.file, row: at.line, column: 'pers_expected_dob', child: at.child });
      }
    }
  },
});

/** Events that cannot be in the future (a date of birth can, as an expected one; plans' ends are reported by LNT-DATES). */
const EVENT_DATES: Array<{ table: DatasetTable; field: string; column: string }> = [
  { table: 'contacts', field: 'contactDate', column: 'cont_contact_date' },
  { table: 'cinEpisodes', field: 'referralDate', column: 'cine_referral_date' },
  { table: 'assessments', field: 'startDate', column: 'cina_assessment_start_date' },
  { table: 's47Enquiries', field: 'startDate', column: 's47e_s47_start_date' },
  { table: 'initialCpConferences', field: 'conferenceDate', column: 'icpc_icpc_date' },
  { table: 'periodsOfCare', field: 'startDate', column: 'clae_cla_episode_start_date' },
  { table: 'placements', field: 'startDate', column: 'clap_cla_placement_start_date' },
  { table: 'visits', field: 'visitDate', column: 'visit date' },
];

export const futureEvents = defineRule<SsdRuleContext>({
  code: SSD_RULE_CODES.future,
  severity: 'query',
  message: 'The date is after the day of the import',
  years: { from: 2000 },
  source: 'Lantern: an extract records what has happened (cf. CIN census rules on dates after the reference date)',
  check(ctx, hit) {
    for (const e of EVENT_DATES) {
      for (const row of ctx.dataset.rows[e.table] as unknown as Array<Record<string, Value> & { id: number }>) {
        const d = day(row[e.field] ?? null);
        if (d !== null && d.slice(0, 10) > ctx.today) {
          const at = ctx.source(e.table, row.id);
          hit({ file: at.file, row: at.line, column: e.column, child: at.child, detail: d.slice(0, 10) });
        }
      }
    }
  },
});

export const SSD_RULES: ReadonlyArray<Rule<SsdRuleContext>> = [
  endBeforeStart,
  overlappingPeriodsOfCare,
  birthAndExpectedBirth,
  futureEvents,
];
