/**
 * Integrity between the tables, with the validator's INT codes (24 in every year folder up to lac2026_27: INT01–09,
 * INT11–18, INT21, INT31–36; there is no INT10, INT19/20 or INT22–30):
 * - every child in another table has a Header row: INT01 AD1, INT02 PlacedAdoption, INT03 Episodes, INT04 Missing,
 *   INT05 OC2, INT06 OC3, INT07 PrevPerm, INT08 Reviews, INT09 UASC. SWEpisodes and DoLo have no INT rule, so
 *   Lantern reports them as LNT-REFERENCE;
 * - the DOB of a table agrees with the Header (both valid dates): INT11 AD1, INT12 PlacedAdoption, INT13 Missing,
 *   INT14 OC2, INT15 OC3, INT16 PrevPerm, INT17 Reviews, INT18 UASC (none for SWEpisodes or DoLo);
 * - SEX in UASC agrees with the Header (INT21);
 * - one row per child: INT31 AD1, INT32 Header, INT33 OC2, INT34 OC3, INT35 PrevPerm, INT36 UASC. As the validator
 *   does, every row of a repeated child is reported, the first included.
 * The validator compares with every Header row of the child; Lantern with the first (a second is INT32 anyway).
 * Also a review while the child is not looked after according to the episodes (LNT-REFERENCE: Lantern files a
 * review under a period of care; the validator has no such rule).
 * Sources: lac_validator/rules/lac2022_23/rule_INT01.py … rule_INT36.py.
 */
import { LANTERN_RULES } from '../../../issues';
import type { TableName } from '../tables';
import { at, rule903, validDate, type Rule903 } from './context';

interface AnyRow {
  CHILD: string | null;
  file: string;
  line: number;
}
type DobRow = AnyRow & { DOB: string | null };
const rowsOf = (ret: Record<TableName, unknown[]>, table: TableName) => ret[table] as readonly AnyRow[];
const source = (code: string) => `lac_validator/rules/lac2022_23/rule_${code}.py`;

function notInHeader(code: string, table: TableName, message: string, src = source(code)): Rule903 {
  return rule903({
    code,
    severity: 'error',
    message,
    years: { from: 2023 },
    source: src,
    check(ctx, hit) {
      for (const row of rowsOf(ctx.ret, table))
        if (row.CHILD !== null && !ctx.header.has(row.CHILD)) hit(at(row, 'CHILD'));
    },
  });
}

const internal = (table: TableName) => `Internal Check: Child in ${table} does not exist in Header.`;
export const ruleINT01 = notInHeader('INT01', 'AD1', 'Data Integrity Check: Child in AD1 does not exist in Header.');
export const ruleINT02 = notInHeader('INT02', 'PlacedAdoption', internal('PlacedAdoption'));
export const ruleINT03 = notInHeader('INT03', 'Episodes', internal('Episodes'));
export const ruleINT04 = notInHeader('INT04', 'Missing', internal('Missing'));
export const ruleINT05 = notInHeader('INT05', 'OC2', internal('OC2'));
export const ruleINT06 = notInHeader('INT06', 'OC3', internal('OC3'));
export const ruleINT07 = notInHeader('INT07', 'PrevPerm', internal('PrevPerm'));
export const ruleINT08 = notInHeader('INT08', 'Reviews', internal('Reviews'));
export const ruleINT09 = notInHeader('INT09', 'UASC', internal('UASC'));

/** SWEpisodes and DoLo: no INT rule in the validator. */
export const otherNotInHeader: Rule903[] = (['SWEpisodes', 'DoLo'] as const).map((t) =>
  notInHeader(
    LANTERN_RULES.reference,
    t,
    `Child in ${t} does not exist in Header.`,
    `Lantern: the validator has no INT rule for ${t}`,
  ),
);

function dobDiffers(code: string, table: TableName): Rule903 {
  return rule903({
    code,
    severity: 'error',
    message: `Internal Check: DOB in ${table} is different to DOB in Header.`,
    years: { from: 2023 },
    source: `${source(code)}: both DOBs valid dates`,
    check(ctx, hit) {
      for (const row of rowsOf(ctx.ret, table) as readonly DobRow[]) {
        if (row.CHILD === null || !validDate(row.DOB)) continue;
        const h = ctx.header.get(row.CHILD);
        if (h && validDate(h.DOB) && h.DOB !== row.DOB) hit(at(row, 'DOB', `Header has ${h.DOB}`));
      }
    },
  });
}

export const ruleINT11 = dobDiffers('INT11', 'AD1');
export const ruleINT12 = dobDiffers('INT12', 'PlacedAdoption');
export const ruleINT13 = dobDiffers('INT13', 'Missing');
export const ruleINT14 = dobDiffers('INT14', 'OC2');
export const ruleINT15 = dobDiffers('INT15', 'OC3');
export const ruleINT16 = dobDiffers('INT16', 'PrevPerm');
export const ruleINT17 = dobDiffers('INT17', 'Reviews');
export const ruleINT18 = dobDiffers('INT18', 'UASC');

export const ruleINT21 = rule903({
  code: 'INT21',
  severity: 'error',
  message: 'Internal Check: SEX in UASC is different to SEX in Header.',
  years: { from: 2023 },
  source: `${source('INT21')}: both given`,
  check(ctx, hit) {
    for (const row of ctx.ret.UASC) {
      if (row.CHILD === null || row.SEX === null) continue;
      const h = ctx.header.get(row.CHILD);
      if (h && h.SEX !== null && h.SEX !== row.SEX) hit(at(row, 'SEX', `Header has ${h.SEX}`));
    }
  },
});

function oncePerChild(code: string, table: TableName): Rule903 {
  return rule903({
    code,
    severity: 'error',
    message: `Internal Check: Child should only exist once in ${table}.`,
    years: { from: 2023 },
    source: `${source(code)}: every row of a child with more than one`,
    check(ctx, hit) {
      const count = new Map<string, number>();
      for (const row of rowsOf(ctx.ret, table))
        if (row.CHILD !== null) count.set(row.CHILD, (count.get(row.CHILD) ?? 0) + 1);
      for (const row of rowsOf(ctx.ret, table)) {
        const n = row.CHILD === null ? 0 : (count.get(row.CHILD) ?? 0);
        if (n > 1) hit(at(row, 'CHILD', `${n} rows`));
      }
    },
  });
}

export const ruleINT31 = oncePerChild('INT31', 'AD1');
export const ruleINT32 = oncePerChild('INT32', 'Header');
export const ruleINT33 = oncePerChild('INT33', 'OC2');
export const ruleINT34 = oncePerChild('INT34', 'OC3');
export const ruleINT35 = oncePerChild('INT35', 'PrevPerm');
export const ruleINT36 = oncePerChild('INT36', 'UASC');

export const reviewOutsideCare = rule903({
  code: LANTERN_RULES.reference,
  severity: 'error',
  message: "The review date is not within any of the child's episodes of care in the Episodes file.",
  years: { from: 2023 },
  source: 'Lantern: a looked-after review belongs to a period of care',
  check(ctx, hit) {
    for (const r of ctx.ret.Reviews) {
      if (r.CHILD === null || !validDate(r.REVIEW) || !ctx.header.has(r.CHILD)) continue;
      const day = r.REVIEW;
      const eps = ctx.episodesByChild.get(r.CHILD) ?? [];
      if (!eps.some((e) => (e.DECOM as string) <= day && (e.DEC === null || !validDate(e.DEC) || day <= e.DEC)))
        hit(at(r, 'REVIEW'));
    }
  },
});

export const integrityRules = [
  ruleINT01,
  ruleINT02,
  ruleINT03,
  ruleINT04,
  ruleINT05,
  ruleINT06,
  ruleINT07,
  ruleINT08,
  ruleINT09,
  ...otherNotInHeader,
  ruleINT11,
  ruleINT12,
  ruleINT13,
  ruleINT14,
  ruleINT15,
  ruleINT16,
  ruleINT17,
  ruleINT18,
  ruleINT21,
  ruleINT31,
  ruleINT32,
  ruleINT33,
  ruleINT34,
  ruleINT35,
  ruleINT36,
  reviewOutsideCare,
];
