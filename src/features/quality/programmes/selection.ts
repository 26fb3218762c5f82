/**
 * Choosing a programme's cases, reproducibly: the population on the as-at date, the draw (src/domain/sampling.ts,
 * with each child's Lantern id as its key, so the draw depends only on who is in the population and the seed), and
 * the record that lets anyone draw the same children again (audit_programmes.selection).
 *
 * The population of random and stratified samples: children open to children's social care on the as-at date, that
 * is with a social-worker allocation open that day (start on or before it, no end or an end on or after it); the
 * child's team is that allocation's team and the service area the team's. A filter names its own population
 * (filters.ts); a filtered child's team is taken from whatever allocation they have open that day, a social
 * worker's first.
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { rows } from '../../../db/query';
import { auditProgrammeCases, auditProgrammes, teams, type ProgrammeSelection } from '../../../db/schema/index';
import { simpleSample, stratifiedSample } from '../../../domain/sampling';
import { ConflictError, NotFoundError } from '../../../core/errors';
import type { Auditor } from '../../../accounts/access-log/auditor';
import { formatDate } from '../../../web/views';
import { serviceAreaLabel } from '../results';
import { caseFilter } from './filters';

export interface PopulationChild {
  childId: number;
  teamId: number | null;
  teamName: string | null;
  serviceArea: string | null;
}

export interface ChosenCase extends PopulationChild {
  stratum: string;
}

type Row = {
  child_id: number | string;
  team_id: number | string | null;
  team_name: string | null;
  service_area: string | null;
};

const asChild = (r: Row): PopulationChild => ({
  childId: Number(r.child_id),
  teamId: r.team_id === null ? null : Number(r.team_id),
  teamName: r.team_name,
  serviceArea: r.service_area,
});

/** Children open to a social worker on the day, with that allocation's team and service area, in id order. */
export async function openChildren(db: Tx, authorityId: number, asAt: string): Promise<PopulationChild[]> {
  const found = await rows<Row>(
    db,
    sql`select distinct on (a.child_id) a.child_id, a.team_id, t.name as team_name, t.service_area
      from allocations a
      join children c on c.id = a.child_id
      left join teams t on t.id = a.team_id
      where a.authority_id = ${authorityId} and a.role = 'social-worker'
        and a.start_date <= ${asAt}::date and (a.end_date is null or a.end_date >= ${asAt}::date)
        and (c.date_of_death is null or c.date_of_death >= ${asAt}::date)
      order by a.child_id, a.is_primary desc, a.start_date desc, a.id desc`,
  );
  return found.map(asChild);
}

/** Children matching a named filter on the day, each with the team of an allocation open that day if any, in id order. */
export async function filteredChildren(
  db: Tx,
  authorityId: number,
  filterKey: string,
  asAt: string,
): Promise<PopulationChild[]> {
  const filter = caseFilter(filterKey);
  if (!filter) throw new Error(`Unknown case filter ${filterKey}`);
  const found = await rows<Row>(
    db,
    sql`with matched as (${filter.sql(authorityId, asAt)})
      select m.child_id, al.team_id, al.team_name, al.service_area
      from matched m
      left join lateral (
        select a.team_id, t.name as team_name, t.service_area from allocations a left join teams t on t.id = a.team_id
        where a.child_id = m.child_id and a.authority_id = ${authorityId}
          and a.start_date <= ${asAt}::date and (a.end_date is null or a.end_date >= ${asAt}::date)
        order by (a.role = 'social-worker') desc, a.is_primary desc, a.start_date desc, a.id desc limit 1
      ) al on true
      order by m.child_id`,
  );
  return found.map(asChild);
}

/** What the user asked for: a ProgrammeSelection without the population, which the draw counts. */
export type SelectionSettings = Omit<ProgrammeSelection, 'population'>;

/** The population a selection draws from, before any scope. */
export async function populationFor(
  db: Tx,
  authorityId: number,
  settings: SelectionSettings,
): Promise<PopulationChild[]> {
  return settings.method === 'filter' && settings.filter
    ? filteredChildren(db, authorityId, settings.filter, settings.asAt)
    : openChildren(db, authorityId, settings.asAt);
}

/**
 * The draw. Pure: the same population and settings always choose the same children.
 * - random: the population within the scope (the authority, a team, a service area), `size` of them by simpleSample;
 * - stratified: strata by team or by service area, places shared in proportion by largest remainder (stratifiedSample);
 * - filter: every child in the population.
 * Returns the chosen cases in child id order and the size of the population drawn from.
 */
export function draw(
  population: readonly PopulationChild[],
  settings: SelectionSettings,
): { cases: ChosenCase[]; population: number } {
  const keyed = (list: readonly PopulationChild[], stratumOf: (c: PopulationChild) => string) =>
    list.map((c) => ({ ...c, key: String(c.childId), stratum: stratumOf(c) }));
  let chosen: ChosenCase[];
  let size: number;
  if (settings.method === 'filter') {
    chosen = population.map((c) => ({ ...c, stratum: '' }));
    size = population.length;
  } else if (settings.method === 'random') {
    const scope = settings.scope;
    const within = population.filter((c) =>
      scope.kind === 'team'
        ? c.teamId === scope.teamId
        : scope.kind === 'service'
          ? c.serviceArea === scope.serviceArea
          : true,
    );
    chosen = simpleSample(
      keyed(within, () => ''),
      settings.size ?? 0,
      settings.seed,
    );
    size = within.length;
  } else {
    const stratumOf = (c: PopulationChild) =>
      settings.strata === 'service' ? serviceAreaLabel(c.serviceArea ?? 'none') : (c.teamName ?? 'No team');
    chosen = stratifiedSample(keyed(population, stratumOf), settings.size ?? 0, settings.seed);
    size = population.length;
  }
  const cases = chosen
    .map((c) => ({
      childId: c.childId,
      teamId: c.teamId,
      teamName: c.teamName,
      serviceArea: c.serviceArea,
      stratum: c.stratum,
    }))
    .sort((a, b) => a.childId - b.childId);
  return { cases, population: size };
}

/**
 * Draws and stores a programme's cases with its selection record, in one transaction with the access-log entry.
 * Replaces earlier cases only while none has an audit started; a closed programme keeps its cases.
 */
export async function selectCases(
  db: Tx,
  authorityId: number,
  programmeId: number,
  settings: SelectionSettings,
  audit: Auditor,
): Promise<{ selection: ProgrammeSelection; cases: ChosenCase[] }> {
  return db.transaction(async (tx) => {
    const [programme] = await tx
      .select({ id: auditProgrammes.id, status: auditProgrammes.status })
      .from(auditProgrammes)
      .where(and(eq(auditProgrammes.id, programmeId), eq(auditProgrammes.authorityId, authorityId)))
      .for('update');
    if (!programme) throw new NotFoundError();
    if (programme.status === 'closed')
      throw new ConflictError('The programme is closed: open it again before choosing its cases.');
    const started = await tx
      .select({ id: auditProgrammeCases.id })
      .from(auditProgrammeCases)
      .where(and(eq(auditProgrammeCases.programmeId, programmeId), isNotNull(auditProgrammeCases.auditId)))
      .limit(1);
    if (started.length)
      throw new ConflictError(
        'An audit of one of this programme’s cases has started, so its cases cannot be chosen again.',
      );
    const population = await populationFor(tx, authorityId, settings);
    const { cases, population: n } = draw(population, settings);
    const selection: ProgrammeSelection = { ...settings, population: n };
    await tx.delete(auditProgrammeCases).where(eq(auditProgrammeCases.programmeId, programmeId));
    if (cases.length) {
      await tx.insert(auditProgrammeCases).values(
        cases.map((c) => ({
          programmeId,
          childId: c.childId,
          teamId: c.teamId,
          serviceArea: c.serviceArea,
          stratum: c.stratum,
        })),
      );
    }
    await tx.update(auditProgrammes).set({ selection }).where(eq(auditProgrammes.id, programmeId));
    await audit.record(tx, {
      recordType: 'audit-programme',
      recordId: String(programmeId),
      detail: {
        method: settings.method,
        cases: cases.length,
        population: n,
        seed: settings.seed,
        filter: settings.filter,
      },
    });
    return { selection, cases };
  });
}

const METHOD_WORDS = { random: 'chosen at random', stratified: 'a stratified sample', filter: '' } as const;

/** The selection record in words: "12 of 384 children open on 1 March 2026, chosen at random within …, seed 48213". */
export async function selectionInWords(
  db: Tx,
  authorityId: number,
  selection: ProgrammeSelection,
  chosen: number,
): Promise<string> {
  const day = formatDate(selection.asAt);
  if (selection.method === 'filter') {
    const filter = caseFilter(selection.filter);
    return `All ${chosen} ${chosen === 1 ? 'child' : 'children'} matching “${filter?.title ?? selection.filter ?? 'a filter'}” on ${day}.`;
  }
  const open = `${chosen} of ${selection.population} ${selection.population === 1 ? 'child' : 'children'} open to children’s social care on ${day}`;
  if (selection.method === 'stratified') {
    return `${open}, ${METHOD_WORDS.stratified} by ${selection.strata === 'service' ? 'service area' : 'team'} (places shared in proportion to the children in each), seed ${selection.seed}.`;
  }
  const scope = selection.scope;
  let within = 'across the whole authority';
  if (scope.kind === 'team') {
    const [team] = await db
      .select({ name: teams.name })
      .from(teams)
      .where(and(eq(teams.id, scope.teamId), eq(teams.authorityId, authorityId)));
    within = `within the team ${team?.name ?? scope.teamId}`;
  } else if (scope.kind === 'service') {
    within = `within the ${serviceAreaLabel(scope.serviceArea)} service`;
  }
  return `${open}, ${METHOD_WORDS.random} ${within}, seed ${selection.seed}.`;
}
