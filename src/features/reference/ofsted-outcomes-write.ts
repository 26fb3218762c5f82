/**
 * Writes Ofsted outcomes tables (ofsted-outcomes.ts) into ofsted_outcomes, inside the reference import's
 * transaction. A table replaces every row of its source (the official current judgements replace the official
 * current judgements, whichever file — CSV or the workbook's sheet — they came from); a file whose sha256 is the
 * one that wrote every row of its sources now is "unchanged" and nothing is written.
 *
 * Authorities: a row's LA number comes from the file when it has one. JT-39's history names an authority only by
 * Ofsted's URN and the scrape's name: the URN is looked up in the Provider data lookups and overviews loaded in the
 * same import, else the name in the authorities already known (reference_authorities, earlier Ofsted rows); a row
 * that matches none refuses the file. A row of the official tables is filed under the authority its GSS code names in
 * reference_authorities when that is known, else under its Ofsted page's number.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { rows } from '../../db/query';
import type { ReferenceFile, ReferenceProblem } from './files';
import type { OfstedOutcomeRow } from './ofsted-outcomes';

type OutcomesFile = Extract<ReferenceFile, { kind: 'ofsted-outcomes' }>;

/** Lower case, "&" as "and", without ", City of" / "County of" / punctuation: "Bristol, City of" = "bristol". */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/,?\s*(city|county) of\b/g, ' ')
    .replace(/^\s*(city|county) of\s+/g, ' ')
    .replace(/\bcorporation\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface OutcomeResolver {
  /** The row's LA number and the name to keep, or null when the authority cannot be found. */
  resolve(row: OfstedOutcomeRow): { laNumber: string; laName: string } | null;
}

/** Everything known about authorities: the database (reference_authorities, Ofsted rows) and this import's files. */
export async function outcomeResolver(tx: Tx, batch: readonly ReferenceFile[]): Promise<OutcomeResolver> {
  const authorities = await rows<{ la_number: string; gss_code: string | null; name: string }>(
    tx,
    sql`select la_number, gss_code, name from reference_authorities`,
  );
  const knownNames = await rows<{ la_number: string; la_name: string }>(
    tx,
    sql`select distinct la_number, la_name from ofsted_outcomes`,
  );
  const byNumber = new Map(authorities.map((a) => [a.la_number, a.name]));
  const byGss = new Map(authorities.filter((a) => a.gss_code).map((a) => [a.gss_code ?? '', a.la_number]));
  const byUrn = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const a of authorities) byName.set(nameKey(a.name), a.la_number);
  for (const k of knownNames) if (!byName.has(nameKey(k.la_name))) byName.set(nameKey(k.la_name), k.la_number);
  for (const f of batch) {
    if (f.kind === 'la-lookup') {
      for (const u of f.urns ?? []) {
        byUrn.set(u.urn, u.laNumber);
        if (u.scrapeName) byName.set(nameKey(u.scrapeName), u.laNumber);
      }
    }
    if (f.kind === 'ofsted-outcomes') {
      for (const t of f.tables) {
        for (const r of t.rows) {
          if (r.laNumber && r.urn) byUrn.set(r.urn, r.laNumber);
          if (r.laNumber && !byName.has(nameKey(r.laName))) byName.set(nameKey(r.laName), r.laNumber);
        }
      }
    }
  }
  return {
    resolve(row) {
      // Ofsted's official tables link some authorities to another's page (North Northamptonshire's row to West
      // Northamptonshire's, 941): their GSS code, when the authority lookup knows it, says which authority it is.
      const byCode = row.gssCode ? byGss.get(row.gssCode) : undefined;
      const official = row.urn === null && byCode !== undefined ? byCode : undefined;
      const laNumber =
        official ??
        row.laNumber ??
        (row.urn ? byUrn.get(row.urn) : undefined) ??
        byCode ??
        byName.get(nameKey(row.laName)) ??
        null;
      if (laNumber === null) return null;
      // The scrapes write names in lower case: the authority lookup's name is kept when there is one.
      const scraped = row.urn !== null;
      return { laNumber, laName: (scraped ? byNumber.get(laNumber) : undefined) ?? row.laName };
    },
  };
}

export interface WrittenOutcomes {
  readonly rows: number;
  readonly skipped: number;
  readonly unchanged: boolean;
  readonly note: string;
}

const CHUNK = 2000;

/** Writes one outcomes file; throws the problems (file, row, column) when an authority cannot be found. */
export async function writeOfstedOutcomes(
  tx: Tx,
  file: OutcomesFile,
  importedBy: string,
  resolver: OutcomeResolver,
  describe: (source: string) => string,
): Promise<WrittenOutcomes | { problems: ReferenceProblem[] }> {
  const sources = file.tables.map((t) => t.source);
  const skipped = file.tables.reduce((n, t) => n + t.skipped, 0);
  const problems: ReferenceProblem[] = [];
  const records: Array<Record<string, string | null>> = [];
  for (const t of file.tables) {
    for (const r of t.rows) {
      const who = resolver.resolve(r);
      if (!who) {
        problems.push({
          file: file.tables.length > 1 ? `${file.name} (sheet ${t.from})` : file.name,
          row: r.line,
          column: r.urn ? 'urn' : 'Local authority area code',
          message: `No authority is known for ${r.urn ? `Ofsted URN ${r.urn}` : `GSS code ${r.gssCode ?? '(none)'}`} (“${r.laName}”): load the Provider data lookup (la-reference) with this file`,
        });
        if (problems.length >= 50) return { problems };
        continue;
      }
      records.push({
        source: t.source,
        laNumber: who.laNumber,
        laName: who.laName,
        ofstedRegion: r.ofstedRegion,
        kind: r.kind,
        theme: r.theme,
        startDate: r.startDate,
        endDate: r.endDate,
        publishedOn: r.publishedOn,
        leadInspector: r.leadInspector,
        overall: r.overall,
        leaders: r.leaders,
        helpAndProtection: r.helpAndProtection,
        childrenInCare: r.childrenInCare,
        careLeavers: r.careLeavers,
        link: r.link,
      });
    }
  }
  if (problems.length) return { problems };

  const sourceList = sql.join(
    sources.map((s) => sql`${s}`),
    sql`, `,
  );
  const [same] = await rows<{ id: number; mine: unknown; total: unknown }>(
    tx,
    sql`select ri.id,
          (select count(*) from ofsted_outcomes o where o.source in (${sourceList}) and o.import_id = ri.id) as mine,
          (select count(*) from ofsted_outcomes o where o.source in (${sourceList})) as total
        from reference_imports ri
        where ri.kind = 'ofsted-outcomes' and ri.source = ${file.source} and ri.sha256 = ${file.sha256}
        order by ri.id desc limit 1`,
  );
  if (same && Number(same.total) > 0 && Number(same.mine) === Number(same.total)) {
    return {
      rows: 0,
      skipped,
      unchanged: true,
      note: `The same file (sha256) as the one the ${sources.map(describe).join(', ')} rows were loaded from: nothing changed.`,
    };
  }

  const [imp] = await rows<{ id: number }>(
    tx,
    sql`insert into reference_imports (kind, source, file_name, sha256, rows, imported_by)
        values ('ofsted-outcomes', ${file.source}, ${file.name}, ${file.sha256}, ${records.length}, ${importedBy}) returning id`,
  );
  const importId = Number(imp?.id);
  await tx.execute(sql`delete from ofsted_outcomes where source in (${sourceList})`);
  for (let i = 0; i < records.length; i += CHUNK) {
    const json = JSON.stringify(records.slice(i, i + CHUNK));
    await tx.execute(sql`
      insert into ofsted_outcomes (import_id, source, la_number, la_name, ofsted_region, kind, theme, start_date, end_date, published_on,
        lead_inspector, overall, leaders, help_and_protection, children_in_care, care_leavers, link)
      select ${importId}, x.source, x."laNumber", x."laName", x."ofstedRegion", x.kind, x.theme, x."startDate", x."endDate", x."publishedOn",
        x."leadInspector", x.overall, x.leaders, x."helpAndProtection", x."childrenInCare", x."careLeavers", x.link
      from jsonb_to_recordset(${json}::jsonb) as x(source text, "laNumber" text, "laName" text, "ofstedRegion" text, kind text, theme text,
        "startDate" date, "endDate" date, "publishedOn" date, "leadInspector" text, overall text, leaders text, "helpAndProtection" text,
        "childrenInCare" text, "careLeavers" text, link text)`);
  }
  const perTable = file.tables.map((t) => `${describe(t.source)} ${t.rows.length}`).join('; ');
  return {
    rows: records.length,
    skipped,
    unchanged: false,
    note: `${records.length} Ofsted inspection outcomes (${perTable})${skipped ? `; ${skipped} rows skipped (the scrape could not read the report, or it gives no inspection date)` : ''}.`,
  };
}
