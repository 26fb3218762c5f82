/**
 * The columns of the tables an import writes, as the merge sees them (decision 0024): which are the writer's own,
 * which identify the event (ingest/identity.ts), which point at other rows, and which are values that sources give
 * and precedence decides; and each value in one canonical form, so that the same value read from a file and from the
 * database compares equal.
 */
import { getTableColumns } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { DATASET_TABLES, type DatasetTable } from './dataset';
import { EVENT_KEYS } from './identity';

/** Which table a reference column points at. */
export const REFERENCE_COLUMNS: Record<string, DatasetTable | 'teams' | 'workers'> = {
  childId: 'children',
  relatedChildId: 'children',
  teamId: 'teams',
  workerId: 'workers',
  personalAdviserId: 'workers',
  contactId: 'contacts',
  cinEpisodeId: 'cinEpisodes',
  strategyDiscussionId: 'strategyDiscussions',
  s47EnquiryId: 's47Enquiries',
  icpcId: 'initialCpConferences',
  cpPlanId: 'cpPlans',
  periodOfCareId: 'periodsOfCare',
  preProceedingsId: 'preProceedings',
};

/** The characteristics of a child that sources give (never the child's identity or Lantern ID). */
export const CHILD_VALUES = [
  'upn',
  'upnUnknownReason',
  'firstName',
  'lastName',
  'dateOfBirth',
  'expectedDateOfBirth',
  'dateOfDeath',
  'sex',
  'gender',
  'ethnicity',
  'firstLanguage',
  'religion',
  'postcodeDistrict',
  'postcode',
] as const;

/** Columns the writer fills itself, never given by a source. */
const WRITER_OWNED = new Set(['id', 'authorityId', 'importBatchId', 'lanternId', 'createdAt', 'updatedAt']);

export interface Column {
  /** Property name (camelCase). */
  key: string;
  /** Database column name. */
  name: string;
  /** drizzle's data type: string, number, boolean, date (an instant), array. */
  dataType: string;
}

export interface TableShape {
  table: DatasetTable;
  name: string;
  /** Every column a COPY of a new row writes (not the generated Lantern ID, nor the timestamps). */
  copy: Column[];
  /** The columns sources give values for (not the writer's own, not the child, not the key). */
  values: Column[];
}

const shapes = new Map<DatasetTable, TableShape>();

export function shapeOf(table: DatasetTable): TableShape {
  const known = shapes.get(table);
  if (known) return known;
  const pg: PgTable = DATASET_TABLES[table];
  const all = Object.entries(getTableColumns(pg)).map(([key, column]) => ({
    key,
    name: column.name,
    dataType: column.dataType,
  }));
  const keys = new Set<string>(table === 'children' ? ['laChildId'] : EVENT_KEYS[table]);
  const shape: TableShape = {
    table,
    name: getTableConfig(pg).name,
    copy: all.filter((c) => !['lanternId', 'createdAt', 'updatedAt'].includes(c.key)),
    values:
      table === 'children'
        ? all.filter((c) => (CHILD_VALUES as readonly string[]).includes(c.key))
        : all.filter((c) => !WRITER_OWNED.has(c.key) && c.key !== 'childId' && !keys.has(c.key)),
  };
  shapes.set(table, shape);
  return shape;
}

/**
 * One canonical form for a value, whether it came from a file (a Dataset row) or from the database (row_to_json):
 * dates as YYYY-MM-DD, instants as ISO 8601 in UTC, numbers as numbers, arrays as arrays of text; blank is null.
 */
export function canonical(column: Column, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (column.dataType) {
    case 'number':
      return Number(value);
    case 'boolean':
      return value === true || value === 't' || value === 'true';
    case 'date':
      return new Date(value as string | Date).toISOString();
    case 'array':
      return (value as unknown[]).map((x) => String(x));
    default:
      if (value instanceof Date) return value.toISOString().slice(0, 10);
      return String(value);
  }
}
