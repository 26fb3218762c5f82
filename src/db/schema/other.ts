/**
 * Private fostering arrangements and LADO referrals (allegations against adults who work with children).
 */
import { boolean, index, pgTable, text } from 'drizzle-orm/pg-core';
import { authorityId, day, id, ref, importBatchId } from './columns';
import { childId, children } from './children';

export const privateFostering = pgTable(
  'private_fostering',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    notificationDate: day('notification_date').notNull(),
    arrangementStartDate: day('arrangement_start_date'),
    initialVisitDate: day('initial_visit_date'),
    assessmentCompletedDate: day('assessment_completed_date'),
    endDate: day('end_date'),
  },
  (t) => [index('private_fostering_import_batch').on(t.importBatchId), index('private_fostering_child').on(t.childId)],
);

export const ladoReferrals = pgTable(
  'lado_referrals',
  {
    id: id(),
    authorityId: authorityId(),
    /** The child concerned, when known to Lantern. */
    childId: ref('child_id').references(() => children.id, { onDelete: 'set null' }),
    referralDate: day('referral_date').notNull(),
    initialConsiderationDate: day('initial_consideration_date'),
    managementOversightDate: day('management_oversight_date'),
    /** education, early-years, health, police, residential-care, foster-care, faith, sport, other. */
    employmentSector: text('employment_sector'),
    /** substantiated, unsubstantiated, unfounded, false, malicious, no-further-action. */
    outcome: text('outcome'),
    closedDate: day('closed_date'),
    strategyMeetingHeld: boolean('strategy_meeting_held'),
  },
  (t) => [index('lado_authority_date').on(t.authorityId, t.referralDate), index('lado_child').on(t.childId)],
);
