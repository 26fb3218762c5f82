/**
 * The child and who they are: characteristics, disabilities, immigration status, family links, and the
 * workers and teams allocated to them over time.
 * SSD: ssd_person, ssd_disability, ssd_immigration_status, ssd_family, ssd_mother, ssd_involvements.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { authorityId, createdAt, day, id, instant, importBatchId } from './columns';

export const children = pgTable(
  'children',
  {
    id: id(),
    /** Lantern's own identifier, shown to users: L and the id padded to at least seven digits (L0000042, L12345678). */
    lanternId: text('lantern_id')
      .notNull()
      .generatedAlwaysAs(sql`'L' || lpad(id::text, greatest(7, length(id::text)), '0')`),
    authorityId: authorityId(),
    /** The authority's own child ID (CIN LAchildID / SSDA903 CHILD). */
    laChildId: text('la_child_id').notNull(),
    upn: text('upn'),
    /** UN1–UN7 when the UPN is not known. */
    upnUnknownReason: text('upn_unknown_reason'),
    /** Not carried by the 903 or CIN census: null for children known only from a return. */
    firstName: text('first_name'),
    lastName: text('last_name'),
    dateOfBirth: day('date_of_birth'),
    expectedDateOfBirth: day('expected_date_of_birth'),
    dateOfDeath: day('date_of_death'),
    /** M, F or U (CIN census Sex / SSDA903 SEX from 2024/25). */
    sex: text('sex').notNull(),
    /** Gender as the child describes it, free text, optional. */
    gender: text('gender'),
    /** One of the 20 DfE ethnicity codes (WBRI … NOBT). */
    ethnicity: text('ethnicity').notNull(),
    firstLanguage: text('first_language'),
    religion: text('religion'),
    /** Home postcode district (e.g. N12): what pages show. */
    postcodeDistrict: text('postcode_district'),
    /** The full home postcode (SSD ssd_address; decision 0027), e.g. N12 0AB; seen only through exports. */
    postcode: text('postcode'),
    /** The import that first brought the child (null: made in Lantern or by the demo generator). */
    importBatchId: importBatchId(),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('children_lantern_id').on(t.lanternId),
    uniqueIndex('children_authority_la_child_id').on(t.authorityId, t.laChildId),
    index('children_import_batch').on(t.importBatchId),
    index('children_upn').on(t.authorityId, t.upn),
    index('children_name').on(t.authorityId, sql`lower(${t.lastName})`, sql`lower(${t.firstName})`),
  ],
);

/** The child a row belongs to; deleting a child deletes everything recorded about them. */
export const childId = () =>
  bigint('child_id', { mode: 'number' })
    .notNull()
    .references(() => children.id, { onDelete: 'cascade' });

export const childDisabilities = pgTable(
  'child_disabilities',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    /** CIN census Disability code: MOB, HAND, PC, INC, COMM, LD, HEAR, VIS, BEH, CON, AUT, DDA. */
    code: text('code').notNull(),
    recordedDate: day('recorded_date'),
  },
  (t) => [
    index('child_disabilities_import_batch').on(t.importBatchId),
    index('child_disabilities_child').on(t.childId),
  ],
);

export const immigrationStatuses = pgTable(
  'immigration_statuses',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    /** UASC, Refugee status, Asylum seeker, Other. */
    status: text('status').notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
  },
  (t) => [
    index('immigration_statuses_import_batch').on(t.importBatchId),
    index('immigration_statuses_child').on(t.childId),
  ],
);

export const familyLinks = pgTable(
  'family_links',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    /** Another child in Lantern, when the relation is one (siblings, a care-experienced mother's child). */
    relatedChildId: bigint('related_child_id', { mode: 'number' }).references(() => children.id, {
      onDelete: 'set null',
    }),
    /** sibling, half-sibling, mother, child. */
    relationship: text('relationship').notNull(),
    familyRef: text('family_ref'),
    /** SSDA903 MC_DOB: date of birth of a looked-after mother's first child. */
    relatedDateOfBirth: day('related_date_of_birth'),
  },
  (t) => [index('family_links_import_batch').on(t.importBatchId), index('family_links_child').on(t.childId)],
);

export const allocations = pgTable(
  'allocations',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    teamId: integer('team_id').notNull(),
    workerId: integer('worker_id'),
    /** social-worker, personal-adviser, iro, early-help-practitioner. */
    role: text('role').notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    /** SSDA903 SW_REASON when a social-worker allocation ends. */
    endReason: text('end_reason'),
    isPrimary: boolean('is_primary').notNull().default(true),
  },
  (t) => [
    index('allocations_import_batch').on(t.importBatchId),
    index('allocations_child').on(t.childId, t.startDate),
    index('allocations_team_open')
      .on(t.teamId)
      .where(sql`${t.endDate} is null`),
    index('allocations_worker').on(t.workerId),
    index('allocations_team_child').on(t.teamId, t.childId),
  ],
);
