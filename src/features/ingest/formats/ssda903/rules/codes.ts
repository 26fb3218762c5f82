/**
 * Code validity rules: the value is in the code list of the collection year (blank values are left to the
 * required-value checks). Source: lac_validator/rules/lac2022_23/rule_101.py, rule_103.py, rule_143.py–rule_146.py,
 * rule_149.py, rule_1009.py, rule_114.py, rule_120.py, rule_131.py, rule_132.py, rule_133.py, rule_175.py, rule_176.py, rule_177.py, rule_633.py,
 * rule_196.py, rule_631.py, rule_1006.py, and the year folders that change the lists (SEX from 2024/25, PLACE 2024/25 and
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

export const rule114 = codeRule(
  '114',
  'AD1',
  'FOSTER_CARE',
  'Whether the adopters were the foster carers is not 0 or 1.',
);
export const rule120 = codeRule(
  '120',
  'PlacedAdoption',
  'REASON_PLACED_CEASED',
  'The reason the decision to place for adoption was reversed is not a valid code.',
);
/**
 * 131, 132 and 133 also fire on a blank in the validator. Lantern leaves a blank to the required-value check
 * (IN_TOUCH) and, for ACTIV and ACCOM, to rule 153 (all three or none), so that one blank is one issue.
 */
export const rule131 = codeRule(
  '131',
  'OC3',
  'IN_TOUCH',
  'Whether the authority is in touch with the care leaver is not a valid code.',
);
export const rule132 = codeRule('132', 'OC3', 'ACTIV', "The care leaver's activity is not a valid code.");
export const rule133 = codeRule(
  '133',
  'OC3',
  'ACCOM',
  "The care leaver's accommodation is not a valid code (a type and a suitability digit, S and X only unsuitable, or 0).",
);
export const rule175 = codeRule('175', 'AD1', 'NB_ADOPTR', 'The number of adopters is not 1 or 2.');
export const rule633 = codeRule(
  '633',
  'PrevPerm',
  'LA_PERM',
  'The local authority where the previous permanence order was arranged is not a DfE LA number, WAL, SCO, NIR or NUK.',
);
export const rule176 = codeRule('176', 'AD1', 'SEX_ADOPTR', "The adopters' sex code is not a valid code.");
export const rule177 = codeRule('177', 'AD1', 'LS_ADOPTR', "The adopters' legal status code is not a valid code.");
export const rule196 = codeRule('196', 'OC2', 'SDQ_REASON', 'The reason for no SDQ score is not a valid code.');
export const rule631 = codeRule('631', 'PrevPerm', 'PREV_PERM', 'The previous permanence option is not a valid code.');
export const rule1006 = codeRule('1006', 'Missing', 'MISSING', 'The missing type is not M or A.');

export const codeRules = [
  rule101,
  rule103,
  rule143,
  rule144,
  rule145,
  rule146,
  rule149,
  rule1009,
  rule114,
  rule120,
  rule131,
  rule132,
  rule133,
  rule175,
  rule633,
  rule176,
  rule177,
  rule196,
  rule631,
  rule1006,
];
