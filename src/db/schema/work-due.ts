/**
 * The trackers' work due, computed once (issue 17): for each authority, every item each tracker lists as at one day
 * (today, in London), derived from the children's events by the trackers' SQL (src/features/trackers/queries.ts).
 * A tracker for today reads these rows instead of deriving them again for every request. `work_due_state` says for
 * which day an authority's rows were computed; whatever changes the events (an import, a withdrawal, the demo, a new
 * working-day calendar) deletes the authority's state row in the same transaction (src/db/work-due-state.ts), so the
 * next reader recomputes them.
 */
import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { authorityId, createdAt, day, ref } from './columns';

export const workDue = pgTable(
  'work_due',
  {
    authorityId: authorityId(),
    /** The tracker that lists the item (due, plo, permanence, cin-panel, rhi, care-leavers). */
    tracker: text('tracker').notNull(),
    kind: text('kind').notNull(),
    /**
     * 'cohort': the child's own work, listed under the child's open allocation chosen when the tracker is read (by
     * team or worker); 'early-help', 'lado', 'unallocated': work with no allocation, under its own team (or none).
     */
    source: text('source').notNull(),
    childId: ref('child_id'),
    teamId: integer('team_id'),
    workerId: integer('worker_id'),
    /** As the trackers' SQL gives them: dates as YYYY-MM-DD text, the notes' facts as text. */
    startDate: text('start_date'),
    lastDate: text('last_date'),
    dueDate: text('due_date').notNull(),
    /** Working days from the due date to the day computed for: positive when overdue. */
    wdLate: integer('wd_late').notNull(),
    /** Calendar days from the start date to the day computed for. */
    daysElapsed: integer('days_elapsed'),
    x1: text('x1'),
    x2: text('x2'),
    x3: text('x3'),
    x4: text('x4'),
  },
  (t) => [index('work_due_tracker_child').on(t.authorityId, t.tracker, t.childId)],
);

export const workDueState = pgTable('work_due_state', {
  authorityId: integer('authority_id').primaryKey(),
  /** The day the authority's rows in work_due were computed for. */
  asAt: day('as_at').notNull(),
  computedAt: createdAt(),
});
