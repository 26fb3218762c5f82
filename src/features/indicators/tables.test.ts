/**
 * The tables each indicator reads, worked out from its SQL (tables.ts): checked against indicators whose SQL was read
 * by hand, and on every indicator (each reads at least one table, and only tables the schema defines).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { cinPlans } from '../../db/schema/index';
import { defineIndicator, type IndicatorDefinition } from './definition';
import { INDICATORS, indicatorById } from './registry';
import { readsClock, tablesRead } from './tables';

function byId(id: string): IndicatorDefinition {
  const def = indicatorById(id);
  if (!def) throw new Error(`no indicator ${id}`);
  return def;
}

/** A made-up indicator around some SQL, to test the derivation itself. */
function withItems(items: ReturnType<typeof sql>): IndicatorDefinition {
  return defineIndicator({
    id: 'test-only',
    title: 'Test',
    area: 'quality',
    definition: { numerator: 'Test', period: 'Test' },
    basis: 'Test',
    polarity: 'neutral',
    unit: 'count',
    subject: 'child',
    items: () => items,
  });
}

describe('the tables an indicator reads', () => {
  it('finds the tables of indicators read by hand', () => {
    // areas/assessment-protection.ts: cp_reviews joined with cp_plans (for the plan's start), nothing else.
    assert.deepEqual(tablesRead(byId('cp-reviews-in-timescale')), ['cp_plans', 'cp_reviews']);
    // areas/workforce.ts: case-holding workers and their social-worker allocations.
    assert.deepEqual(tablesRead(byId('sw-caseload')), ['allocations', 'workers']);
    // areas/children-in-care.ts: periods of care less those only of short breaks (legal_statuses); a rate per
    // 10,000, so also the engine's population queries (child_population, else benchmark_values for the
    // authority's LA number from authorities).
    assert.deepEqual(tablesRead(byId('cla-per-10k')), [
      'authorities',
      'benchmark_values',
      'child_population',
      'legal_statuses',
      'periods_of_care',
    ]);
    // areas/assessment-protection.ts: ICPCs from the S47 enquiry and strategy discussion before them, counted in
    // working days (the calendar).
    assert.deepEqual(tablesRead(byId('icpc-15-working-days')), [
      'initial_cp_conferences',
      's47_enquiries',
      'strategy_discussions',
      'working_day_calendar',
    ]);
  });

  it('reads every indicator: each reads at least one table, and only the initial health assessments read the clock', () => {
    for (const def of INDICATORS) assert.ok(tablesRead(def).length > 0, def.id);
    // The only current_date in areas/*.ts is in initialHealthAssessments (children-in-care.ts), behind these two.
    assert.deepEqual(
      INDICATORS.filter(readsClock).map((d) => d.id),
      ['cla-iha-20-working-days', 'cla-iha-28-days'],
    );
  });

  it('counts a table named as a word, quoted or as a drizzle table, never inside a string or a longer name', () => {
    assert.deepEqual(
      tablesRead(
        withItems(
          sql`select 'children' as detail, x.visits from "cp_plans" cp join ${cinPlans} c on true join health_assessments h on true`,
        ),
      ),
      // "visits" after "x." is a column here, but counting it costs only a recompute; "children" is in a string,
      // "assessments" only inside health_assessments.
      ['cin_plans', 'cp_plans', 'health_assessments', 'visits'],
    );
    assert.equal(readsClock(withItems(sql`select 1 from visits where visit_date < current_date`)), true);
    assert.equal(readsClock(withItems(sql`select 'current_date' from visits`)), false);
  });
});
