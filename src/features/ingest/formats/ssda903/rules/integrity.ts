/**
 * Integrity between the tables: every child in another table has a Header row (the validator's INT01 AD1,
 * INT02 PlacedAdoption, INT03 Episodes; Lantern's LNT-REFERENCE for the other tables, whose INT codes were not
 * verified); one row per child in Header, AD1, OC2, OC3, PrevPerm and UASC (LNT-DUPLICATE); a review while the
 * child is not looked after according to the episodes (LNT-REFERENCE: Lantern files a review under a period of
 * care). Sources: lac_validator/rules/lac2022_23/rule_INT01.py–rule_INT03.py; data-standards.md §6.2 "INT01–INT36".
 */
import { LANTERN_RULES } from '../../../issues';
import { TABLE_NAMES, type TableName } from '../tables';
import { at, rule903, validDate, type Rule903 } from './context';

function notInHeader(code: string, table: TableName, message: string, source: string): Rule903 {
  return rule903({
    code,
    severity: 'error',
    message,
    years: { from: 2023 },
    source,
    check(ctx, hit) {
      for (const row of ctx.ret[table] as ReadonlyArray<{ CHILD: string | null; file: string; line: number }>) {
        if (row.CHILD !== null && !ctx.header.has(row.CHILD)) hit(at(row as { file: string; line: number; CHILD: string | null }, 'CHILD'));
      }
    },
  });
}

export const ruleINT01 = notInHeader('INT01', 'AD1', 'Data Integrity Check: Child in AD1 does not exist in Header.', 'lac_validator/rules/lac2022_23/rule_INT01.py');
export const ruleINT02 = notInHeader('INT02', 'PlacedAdoption', 'Internal Check: Child in PlacedAdoption does not exist in Header.', 'lac_validator/rules/lac2022_23/rule_INT02.py');
export const ruleINT03 = notInHeader('INT03', 'Episodes', 'Internal Check: Child in Episodes does not exist in Header.', 'lac_validator/rules/lac2022_23/rule_INT03.py');

const OTHER_TABLES = TABLE_NAMES.filter((t) => !['Header', 'AD1', 'PlacedAdoption', 'Episodes'].includes(t));
export const otherNotInHeader: Rule903[] = OTHER_TABLES.map((t) =>
  notInHeader(LANTERN_RULES.reference, t, `Child in ${t} does not exist in Header.`, 'data-standards.md §6.2 INT rules (code not verified for this table)'),
);

const ONE_ROW_PER_CHILD: TableName[] = ['Header', 'AD1', 'OC2', 'OC3', 'PrevPerm', 'UASC'];
export const oneRowPerChild: Rule903[] = ONE_ROW_PER_CHILD.map((t) =>
  rule903({
    code: LANTERN_RULES.duplicate,
    severity: 'error',
    message: `A child appears more than once in ${t}; there must be one row per child.`,
    years: { from: 2023 },
    source: 'data-standards.md §6.2 INT rules: one row per child in Header/AD1/OC2/OC3/PrevPerm/UASC',
    check(ctx, hit) {
      const firstLine = new Map<string, number>();
      for (const row of ctx.ret[t] as ReadonlyArray<{ CHILD: string | null; file: string; line: number }>) {
        if (row.CHILD === null) continue;
        const first = firstLine.get(row.CHILD);
        if (first === undefined) firstLine.set(row.CHILD, row.line);
        else hit(at(row as { file: string; line: number; CHILD: string | null }, 'CHILD', `first at line ${first}`));
      }
    },
  }),
);

export const reviewOutsideCare = rule903({
  code: LANTERN_RULES.reference,
  severity: 'error',
  message: 'The review date is not within any of the child\'s episodes of care in the Episodes file.',
  years: { from: 2023 },
  source: 'Lantern: a looked-after review belongs to a period of care',
  check(ctx, hit) {
    for (const r of ctx.ret.Reviews) {
      if (r.CHILD === null || !validDate(r.REVIEW) || !ctx.header.has(r.CHILD)) continue;
      const day = r.REVIEW;
      const eps = ctx.episodesByChild.get(r.CHILD) ?? [];
      if (!eps.some((e) => (e.DECOM as string) <= day && (e.DEC === null || !validDate(e.DEC) || day <= e.DEC))) hit(at(r, 'REVIEW'));
    }
  },
});

export const integrityRules = [ruleINT01, ruleINT02, ruleINT03, ...otherNotInHeader, ...oneRowPerChild, reviewOutsideCare];
