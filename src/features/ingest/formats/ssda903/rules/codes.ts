/**
 * Code validity rules: the value is in the code list of the collection year (blank values are left to the
 * required-value checks). Source: lac_validator/rules/lac2022_23/rule_101.py, rule_103.py, rule_143.py–rule_146.py,
 * rule_149.py, rule_1009.py, and the year folders that change the lists (SEX from 2024/25, PLACE 2024/25 and
 * 2025/26).
 */
import { CODED_COLUMNS } from '../codes';
import type { TableName } from '../tables';
import { collectionYearOf, placementTypesFor } from '../../../../../domain/code-lists';
import { at, rule903, validDate, type Rule903 } from './context';

function codeRule(code: string, table: TableName, column: string, message: string): Rule903 {
  const spec = CODED_COLUMNS[table]?.[column];
  if (!spec) throw new Error(`no code list for ${table}.${column}`);
  return rule903({
    code,
    severity: 'error',
    message,
    years: { from: 2023 },
    source: `lac_validator/rules/lac2022_23/rule_${code}.py (code list by year: the validator's later year folders)`,
    check(ctx, hit) {
      const list = spec.codes(ctx.year);
      for (const row of ctx.ret[table] as ReadonlyArray<Record<string, unknown>>) {
        const value = row[column];
        if (typeof value === 'string' && !list.includes(value))
          hit(at(row as { file: string; line: number; CHILD: string | null }, column, `${column} ${value}`));
      }
    },
  });
}

export const rule101 = codeRule('101', 'Header', 'SEX', 'Gender code is not valid.');
export const rule103 = codeRule(
  '103',
  'Header',
  'ETHNIC',
  'The ethnicity code is either not valid or has not been entered.',
);
export const rule143 = codeRule('143', 'Episodes', 'RNE', 'The reason for new episode code is not a valid code.');
export const rule144 = codeRule('144', 'Episodes', 'LS', 'The legal status code is not a valid code.');
export const rule145 = codeRule('145', 'Episodes', 'CIN', 'Category of need code is not a valid code.');
/**
 * PLACE is checked against the collection year's list; an episode that began in an earlier collection year may
 * also keep a code of the year it began (an H5 placement ending on 1 April 2024 is still in the 2024/25 file).
 * Lantern's reading of the validator's transition handling (its year folders' PLACE lists).
 */
export const rule146 = rule903({
  code: '146',
  severity: 'error',
  message: 'Placement type is not a valid code.',
  years: { from: 2023 },
  source: "lac_validator/rules/lac2022_23/rule_146.py and later years' lists",
  check(ctx, hit) {
    const now = placementTypesFor(ctx.year);
    for (const e of ctx.ret.Episodes) {
      if (e.PLACE === null || now.includes(e.PLACE)) continue;
      const began = e.DECOM !== null && validDate(e.DECOM) && e.DECOM < ctx.start ? collectionYearOf(e.DECOM) : null;
      if (began !== null && placementTypesFor(began).includes(e.PLACE)) continue;
      hit(at(e, 'PLACE', `PLACE ${e.PLACE}`));
    }
  },
});
export const rule149 = codeRule('149', 'Episodes', 'REC', 'Reason episode ceased is not a valid code.');
export const rule1009 = codeRule(
  '1009',
  'Episodes',
  'REASON_PLACE_CHANGE',
  'Reason for placement change is not a valid code.',
);

export const codeRules = [rule101, rule103, rule143, rule144, rule145, rule146, rule149, rule1009];
