/**
 * The contract every import format meets (SSD extract, SSDA903, CIN census, Annex A). A format recognises its
 * files by their content (columns, root element, sheet names), never by their names, and reads them into a
 * Dataset, reporting every problem to the IssueLog. It never touches the database: the writer does that, in one
 * transaction, only when no error was found.
 */
import type { Dataset } from './dataset';
import type { IssueLog } from './issues';
import type { PostcodeFacts } from '../reference/postcodes';
import type { ProviderFacts } from '../reference/providers';

export type FormatId = 'ssd' | '903' | 'cin' | 'annex-a';

export const FORMAT_LABELS: Record<FormatId, string> = {
  ssd: 'Standard Safeguarding Dataset extract',
  '903': 'SSDA903 children looked after return',
  cin: 'CIN census',
  'annex-a': 'Ofsted Annex A',
};

/** A file to import, already on local disk (a zip's entries are extracted first). */
export interface SourceFile {
  /** The name to show the user: the file name, or its path inside the folder or zip given. */
  name: string;
  /** Where to read it. */
  path: string;
  size: number;
  /** Told how many bytes of the file have been read so far, as the reader streams it (for progress). */
  onBytes?: ((bytesRead: number) => void) | undefined;
}

export interface ImportAuthority {
  id: number;
  code: string;
  name: string;
  /** The DfE 3-digit LA number, if the authority has one (CIN census Header LEA). */
  laNumber: string | null;
}

export type ImportProgress = (p: { stage: string; file?: string; done: number; total: number | null }) => void;

export interface ImportOptions {
  /** The collection year to read against (e.g. 2025 for 2024/25) when the files do not say. */
  collectionYear?: number | undefined;
  /** The date an Annex A describes ("as at"), when the workbook does not say. */
  asAt?: string | undefined;
  /**
   * The case system an SSD extract comes from, for an authority that loads extracts from more than one (e.g. LCS and
   * Mosaic): each system's extract is its own source, replaced only by that system's next extract (decision 0024).
   */
  system?: string | undefined;
}

/** A case system's name, as an import option takes it: letters, digits, spaces, dots, hyphens; at most 40. */
export const SYSTEM_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}$/;

/** The period key of an SSD extract: 'extract', or 'extract:' and the system's name in lower case. */
export function extractPeriod(system: string | undefined): string {
  const name = (system ?? '').trim().toLowerCase();
  return name === '' ? 'extract' : `extract:${name}`;
}

export interface ImportContext {
  authority: ImportAuthority;
  issues: IssueLog;
  progress: ImportProgress;
  options: ImportOptions;
  /** Today in London (YYYY-MM-DD), for checks such as "not in the future". */
  today: string;
  /**
   * The files of this format's live import for another period (e.g. last year's 903, for the validators' rules
   * that compare two years), restored from the import log into a temporary folder; [] when there is none. The
   * runner removes the folder when the import ends.
   */
  previousFiles?: (period: string) => Promise<SourceFile[]>;
  /** The postcode lookup for the 903 location rules (decision 0027); absent where none is wired (unit tests). */
  postcodes?: PostcodeSource;
  /** Ofsted's provider register for the 903 URN rules (decision 0027); absent where none is wired (unit tests). */
  providers?: ProviderSource;
}

/** What the 903 URN rules ask of Ofsted's provider register. */
export interface ProviderSource {
  /** The facts for each URN found (upper case), or null when no register is loaded. */
  lookUp(urns: readonly string[]): Promise<Map<string, ProviderFacts> | null>;
}

/** What the 903 location rules ask of a postcode lookup. */
export interface PostcodeSource {
  /** The authority's GSS code, which a placement's authority is compared with; null when it is not known. */
  authorityCode(): Promise<string | null>;
  /** The facts for each postcode found (postcodes in Lantern's form), or null when no lookup is loaded. */
  lookUp(postcodes: readonly string[]): Promise<Map<string, PostcodeFacts> | null>;
}

export interface ReadResult {
  /** The period key the dataset replaces data for: e.g. '2025' (collection year 2024/25) or '2026-03-31'. */
  period: string;
  /** The period as a person reads it: '2024/25', 'as at 31 March 2026', 'extract of 14 July 2026'. */
  periodLabel: string;
  collectionYear: number | null;
  dataset: Dataset;
}

export interface ImportFormat {
  id: FormatId;
  /**
   * Whether each file is a whole return by itself (a CIN census XML, an Annex A workbook), so that several files
   * in one upload — several years, several as-at dates — are imported one by one. Otherwise the claimed files are
   * read together as one return (the 903's tables, the SSD's tables).
   */
  filePerReturn?: boolean;
  /**
   * The files of `files` this format reads. It may open them (a header line, a root element, the sheet names) but
   * must not read them whole. A file may be claimed by at most one format.
   */
  claim(files: readonly SourceFile[]): Promise<SourceFile[]>;
  /**
   * Reads the claimed files, streaming each. Returns null when the files cannot be read at all (the reason is in
   * ctx.issues as an error); otherwise the dataset, even if ctx.issues holds errors (the runner then rejects it).
   */
  read(files: readonly SourceFile[], ctx: ImportContext): Promise<ReadResult | null>;
}
