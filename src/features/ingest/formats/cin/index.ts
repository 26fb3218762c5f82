/**
 * The CIN census (DfE children in need census XML), collection years 2022/23 to 2026/27, as an import format:
 * recognised by its content (a Message root holding CIN census modules), read as a stream (one Child at a time),
 * checked for structure, types and the year's code lists (LNT-… codes) and against the statutory rules of
 * the DfE validator, csc-validator-be-cin (rules/), and turned into canonical rows (to-dataset.ts).
 *
 * The collection year comes from the Header (CollectionDetails Year, else the year its ReferenceDate ends),
 * else from options.collectionYear. The period a census replaces is its collection year: period '2026',
 * label '2025/26'. Several files in one import must be of the same year.
 */
import iconv from 'iconv-lite';
import { Dataset } from '../../dataset';
import type { ImportContext, ImportFormat, ReadResult, SourceFile } from '../../format';
import { LANTERN_RULES } from '../../issues';
import { collectionYearLabel, collectionYearOf, collectionYearBounds, runRules } from '../../rules';
import { countingStream, openText, peekText } from '../../text';
import { FIRST_YEAR, LAST_YEAR } from './code-lists';
import type { CinHeader } from './model';
import { parseChild } from './parse-child';
import { parseHeader } from './parse-header';
import { CIN_CHILD_RULES, CIN_FILE_RULES, CIN_HEADER_RULES } from './rules/index';
import type { ChildCharacteristics } from './rules/context';
import { addChildToDataset } from './to-dataset';
import { readCensusXml } from './xml-stream';

/** Does the start of a file look like a CIN census? A Message root and a CIN module or Collection CIN. */
export function looksLikeCinCensus(head: string): boolean {
  const body = head.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const root = /<([A-Za-z_][\w.-]*)[\s>/]/.exec(body);
  if (!root || root[1] !== 'Message') return false;
  return /<Collection>\s*CIN\s*<\/Collection>/.test(body) || /<(CINdetails|ChildIdentifiers|LAchildID)[\s>]/.test(body);
}

const SINGLE_BYTE = /^(iso-?8859-1|latin-?1|windows-1252|cp1252|us-ascii|ascii)$/i;

export const cinCensusFormat: ImportFormat = {
  id: 'cin',
  filePerReturn: true,

  async claim(files) {
    const out: SourceFile[] = [];
    for (const f of files) {
      if (f.size === 0) continue;
      if (looksLikeCinCensus(await peekText(f.path, 16 * 1024))) out.push(f);
    }
    return out;
  },

  async read(files, ctx) {
    const dataset = new Dataset();
    let year: number | null = null;
    let readable = true;
    for (const file of files) {
      const r = await readFile(file, ctx, dataset, year);
      if (r === null) readable = false;
      else year = r;
    }
    if (!readable || year === null) return null;
    const result: ReadResult = {
      period: String(year),
      periodLabel: collectionYearLabel(year),
      collectionYear: year,
      dataset,
    };
    return result;
  },
};

/** Reads one file into `dataset`; returns its collection year, or null when it could not be read. */
async function readFile(
  file: SourceFile,
  ctx: ImportContext,
  dataset: Dataset,
  earlierYear: number | null,
): Promise<number | null> {
  const { issues } = ctx;
  const fileError = (row: number | null, message: string, column: string | null = null) => {
    issues.error(file.name, row, column, LANTERN_RULES.file, message);
  };

  if (file.size === 0) {
    fileError(null, 'The file is empty');
    return null;
  }
  const text = await openCensusText(file, fileError);
  if (text === null) return null;

  let year: number | null = null;
  let header: CinHeader | null = null;
  let stopped = false;
  let count = 0;
  const ids: Array<{ laChildId: string; line: number }> = [];
  const characteristics: ChildCharacteristics[] = [];

  const decideYear = (line: number): void => {
    if (year !== null || stopped) return;
    const fromHeader = header?.year ?? (header?.referenceDate ? collectionYearOf(header.referenceDate) : null);
    const y = fromHeader ?? ctx.options.collectionYear ?? null;
    if (y === null) {
      fileError(
        line,
        'The census does not say its collection year (Header CollectionDetails Year or ReferenceDate): give the year when importing',
      );
      stopped = true;
    } else if (y < FIRST_YEAR || y > LAST_YEAR) {
      fileError(
        header?.lines.Year ?? line,
        `Lantern reads the CIN census for ${collectionYearLabel(FIRST_YEAR)} to ${collectionYearLabel(LAST_YEAR)}; this one is for ${collectionYearLabel(y)}`,
        'Year',
      );
      stopped = true;
    } else if (earlierYear !== null && y !== earlierYear) {
      fileError(
        line,
        `This census is for ${collectionYearLabel(y)} but another file in the same import is for ${collectionYearLabel(earlierYear)}: import one collection year at a time`,
      );
      stopped = true;
    } else year = y;
  };

  const fault = await readCensusXml(text, {
    header(node) {
      header = parseHeader(node, { file: file.name, issues, child: null });
      if (header.collection !== null && header.collection.toUpperCase() !== 'CIN') {
        fileError(
          header.lines.Collection ?? node.line,
          `Collection is "${header.collection}", not CIN: this is not a CIN census`,
          'Collection',
        );
        stopped = true;
        return;
      }
      decideYear(node.line);
      if (year !== null) runRules(CIN_HEADER_RULES, year, { file: file.name, year, header }, issues);
    },
    child(node) {
      decideYear(node.line);
      if (stopped || year === null) return;
      const child = parseChild(node, { file: file.name, issues, child: null, year });
      const { start, end } = collectionYearBounds(year);
      runRules(CIN_CHILD_RULES, year, { file: file.name, year, referenceDate: end, periodStart: start, child }, issues);
      if (child.laChildId !== null) ids.push({ laChildId: child.laChildId, line: child.line });
      characteristics.push({
        sexCode: child.sexCode,
        sexElement: child.sexElement,
        expectedBirthDate: child.expectedBirthDate,
        disabilities: child.disabilities,
      });
      addChildToDataset(dataset, child);
      if (++count % 500 === 0)
        ctx.progress({ stage: 'Reading the CIN census', file: file.name, done: count, total: null });
    },
    unexpected(node, parent) {
      if (parent === null) {
        fileError(node.line, `The root element is ${node.name}, not Message: this is not a CIN census`);
        stopped = true;
      } else
        issues.error(
          file.name,
          node.line,
          node.name,
          LANTERN_RULES.column,
          `${node.name} is not an element of ${parent} in the CIN census`,
        );
    },
  });

  if (fault) {
    fileError(
      fault.line,
      `The XML is not well formed at line ${fault.line} (${fault.message}); the file may be truncated or damaged`,
    );
    return null;
  }
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- assigned in a callback, which the type checker does not follow
  if (stopped) return null;
  decideYear(1);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- assigned in a callback, which the type checker does not follow
  if (year === null) return null;
  if (count === 0) fileError(null, 'The census has no Child elements');
  runRules(CIN_FILE_RULES, year, { file: file.name, children: ids, characteristics }, issues);
  ctx.progress({ stage: 'Reading the CIN census', file: file.name, done: count, total: count });
  return year;
}

/**
 * The file as text, in the encoding its XML declaration names: a single-byte encoding (ISO-8859-1, Windows-1252)
 * is decoded as Windows-1252; otherwise the file must be UTF-8 (or UTF-16 with a byte-order mark), as XML
 * without a declaration is. A file that declares UTF-8 but is not is refused: which characters were meant
 * cannot be told for sure.
 */
async function openCensusText(
  file: SourceFile,
  fileError: (row: number | null, message: string, column?: string | null) => void,
): Promise<AsyncIterable<string | Buffer> | null> {
  const head = await peekText(file.path, 1024);
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1] ?? null;
  if (declared !== null && SINGLE_BYTE.test(declared)) {
    const bytes = countingStream(file.path, file.onBytes);
    const decoded = bytes.pipe(iconv.decodeStream('win1252', { stripBOM: true }));
    bytes.on('error', (err) => decoded.emit('error', err));
    return decoded as AsyncIterable<string>;
  }
  const { encoding, text } = await openText(file.path, file.onBytes);
  if (encoding === 'windows-1252') {
    (text as unknown as { destroy?: () => void }).destroy?.();
    fileError(
      1,
      `The file declares its encoding as ${declared ?? 'UTF-8 (no encoding declared)'} but is not valid UTF-8 (it looks like Windows-1252): save it as UTF-8, or declare encoding="windows-1252"`,
    );
    return null;
  }
  return text;
}
