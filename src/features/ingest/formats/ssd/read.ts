/**
 * Reading an SSD extract: the claimed CSV files, one per table, each streamed once in an order that puts every
 * table after the tables its rows point at; then the cross-table rules.
 *
 * Period: the SSD holds about six years of history and is replaced whole by the next extract, so its period key
 * is 'extract' and its label names the latest date the extract records (not after today).
 */
import { extractPeriod, type ImportContext, type ReadResult, type SourceFile } from '../../format';
import { LANTERN_RULES } from '../../issues';
import { collectionYearOf, runRules } from '../../rules';
import { csvHeader } from '../../csv';
import {
  finishCareLeavers,
  finishClaEpisodes,
  readCareLeaver,
  readCarePlan,
  readClaEpisode,
  readClaReview,
  readHealth,
  readLegalStatus,
  readMissing,
  readPermanence,
  readPlacement,
  readPreviousPermanence,
  readSdq,
} from './read-care';
import {
  finishFamilies,
  finishProfessionals,
  readAddress,
  readDepartment,
  readDisability,
  readFamily,
  readImmigrationStatus,
  readInvolvement,
  readLinkedIdentifier,
  readMother,
  readPerson,
  readProfessional,
} from './read-identity';
import {
  readAssessment,
  readAssessmentFactors,
  readCinEpisode,
  readCinPlan,
  readCinVisit,
  readClaVisit,
  readContact,
  readCpPlan,
  readCpReview,
  readCpVisit,
  readEarlyHelp,
  readIcpc,
  readPreProceedings,
  readS47,
} from './read-journey';
import { readTable, type RowHandler } from './read-table';
import { recogniseHeader, type Recognised } from './recognise';
import { SSD_RULES } from './rules';
import { SsdReadState } from './state';
import { READ_ORDER, SSD_TABLES, type SsdTableKey } from './tables';

const HANDLERS: Record<SsdTableKey, { read: RowHandler; finish?: (s: SsdReadState) => void }> = {
  person: { read: readPerson },
  linkedIdentifiers: { read: readLinkedIdentifier },
  address: { read: readAddress },
  disability: { read: readDisability },
  immigrationStatus: { read: readImmigrationStatus },
  mother: { read: readMother },
  family: { read: readFamily, finish: finishFamilies },
  department: { read: readDepartment },
  professionals: { read: readProfessional },
  involvements: { read: readInvolvement },
  contacts: { read: readContact },
  earlyHelp: { read: readEarlyHelp },
  cinEpisodes: { read: readCinEpisode },
  assessments: { read: readAssessment },
  assessmentFactors: { read: readAssessmentFactors },
  s47: { read: readS47 },
  icpc: { read: readIcpc },
  cinPlans: { read: readCinPlan },
  cpPlans: { read: readCpPlan },
  cpReviews: { read: readCpReview },
  cinVisits: { read: readCinVisit },
  cpVisits: { read: readCpVisit },
  claVisits: { read: readClaVisit },
  preProceedings: { read: readPreProceedings },
  claEpisodes: { read: readClaEpisode, finish: finishClaEpisodes },
  legalStatus: { read: readLegalStatus },
  placement: { read: readPlacement },
  claReviews: { read: readClaReview },
  carePlan: { read: readCarePlan },
  previousPermanence: { read: readPreviousPermanence },
  health: { read: readHealth },
  sdq: { read: readSdq },
  missing: { read: readMissing },
  permanence: { read: readPermanence },
  careLeavers: { read: readCareLeaver, finish: finishCareLeavers },
};

/** What each file holds, from its header. */
export async function recogniseFile(file: SourceFile): Promise<Recognised | null> {
  const header = await csvHeader(file);
  return header ? recogniseHeader(header) : null;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export async function readSsd(files: readonly SourceFile[], ctx: ImportContext): Promise<ReadResult | null> {
  const byTable = new Map<SsdTableKey, SourceFile[]>();
  for (const file of files) {
    const what = file.size === 0 ? null : await recogniseFile(file);
    if (file.size === 0) {
      ctx.issues.error(
        file.name,
        null,
        null,
        LANTERN_RULES.file,
        'The file is empty (0 bytes): it has no header row and no data.',
      );
    } else if (!what) {
      ctx.issues.error(
        file.name,
        null,
        null,
        LANTERN_RULES.unknown,
        'This file is not an SSD table Lantern recognises: its header does not share an SSD field prefix.',
      );
    } else if (what.kind === 'skipped') {
      ctx.issues.query(
        file.name,
        null,
        null,
        LANTERN_RULES.unknown,
        `${what.name} was recognised, but Lantern has no place for its data; the file was not loaded.`,
      );
    } else {
      byTable.set(what.key, [...(byTable.get(what.key) ?? []), file]);
    }
  }
  if (!byTable.has('person')) {
    const first = files[0]?.name ?? '';
    ctx.issues.error(
      first,
      null,
      null,
      LANTERN_RULES.file,
      'The extract has no ssd_person file: every other SSD table refers to the people in it, so nothing could be read.',
    );
    return null;
  }

  const state = new SsdReadState(ctx.issues, ctx.today);
  const total = [...byTable.values()].reduce((n, list) => n + list.length, 0);
  let done = 0;
  for (const key of READ_ORDER) {
    const list = byTable.get(key);
    if (!list) continue;
    const handler = HANDLERS[key];
    const seen = new Set<string>();
    for (const file of list) {
      ctx.progress({ stage: 'reading', file: file.name, done, total });
      await readTable(state, file, SSD_TABLES[key], handler.read, seen);
      done++;
    }
    handler.finish?.(state);
  }
  finishProfessionals(state);
  ctx.progress({ stage: 'checking', done, total });
  runRules(
    SSD_RULES,
    collectionYearOf(ctx.today),
    { dataset: state.dataset, source: (t, id) => state.source(t, id), today: ctx.today },
    ctx.issues,
  );

  const latest = state.latest;
  const system = ctx.options.system?.trim();
  const label = latest ? `extract with records to ${LONG_DATE.format(new Date(`${latest}T00:00:00Z`))}` : 'extract';
  return {
    period: extractPeriod(system),
    periodLabel: system ? `${system} ${label}` : label,
    collectionYear: null,
    dataset: state.dataset,
  };
}
