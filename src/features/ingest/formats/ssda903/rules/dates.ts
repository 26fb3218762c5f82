/**
 * Date validity rules: the value is a real date. Blank values are the required-value checks' business (a blank
 * DEC is an open episode). Source: lac_validator/rules/lac2022_23/rule_102.py (DOB), rule_141.py (DECOM),
 * rule_147.py (DEC), rule_112.py (DATE_INT), rule_113.py (DATE_MATCH), rule_115.py (DATE_PLACED), rule_116.py
 * (DATE_PLACED_CEASED), rule_171.py (MC_DOB), rule_1004.py (MIS_START; a blank is rule 564's), rule_1005.py
 * (MIS_END); lac2023_24/rule_SW04STG1.py (SW_DECOM), rule_SW05STG1.py (SW_DEC);
 * lac2026_27/rule_700.py (DOLO_START), rule_701.py (DOLO_END).
 */
import type { TableName } from '../tables';
import { at, rule903, validDate, type Rule903 } from './context';

function dateRule(
  code: string,
  table: TableName,
  column: string,
  message: string,
  from: number,
  folder: string,
): Rule903 {
  return rule903({
    code,
    severity: 'error',
    message,
    years: { from },
    source: `lac_validator/rules/${folder}/rule_${code}.py`,
    check(ctx, hit) {
      for (const row of ctx.ret[table] as ReadonlyArray<Record<string, unknown>>) {
        const value = row[column];
        if (typeof value === 'string' && !validDate(value))
          // eslint-disable-next-line @typescript-eslint/restrict-template-expressions -- the invalid value, printed as it is
          hit(at(row as { file: string; line: number; CHILD: string | null }, column, `${column} "${value}"`));
      }
    },
  });
}

export const rule102 = dateRule('102', 'Header', 'DOB', 'Date of birth is not a valid date.', 2023, 'lac2022_23');
export const rule141 = dateRule(
  '141',
  'Episodes',
  'DECOM',
  'Date episode began is not a valid date.',
  2023,
  'lac2022_23',
);
export const rule147 = dateRule(
  '147',
  'Episodes',
  'DEC',
  'Date episode ceased is not a valid date.',
  2023,
  'lac2022_23',
);
export const rule700 = dateRule(
  '700',
  'DoLo',
  'DOLO_START',
  'The start date of the DoLO is not a valid date.',
  2027,
  'lac2026_27',
);
export const rule701 = dateRule(
  '701',
  'DoLo',
  'DOLO_END',
  'The end date of the DoLO is not a valid date.',
  2027,
  'lac2026_27',
);

export const rule112 = dateRule(
  '112',
  'AD1',
  'DATE_INT',
  'The date the child should be placed for adoption is not a valid date.',
  2023,
  'lac2022_23',
);
export const rule113 = dateRule(
  '113',
  'AD1',
  'DATE_MATCH',
  'The date the child was matched with adopters is not a valid date.',
  2023,
  'lac2022_23',
);
export const rule115 = dateRule(
  '115',
  'PlacedAdoption',
  'DATE_PLACED',
  "The date of the authority's decision that the child should be placed for adoption is not a valid date.",
  2023,
  'lac2022_23',
);
export const rule116 = dateRule(
  '116',
  'PlacedAdoption',
  'DATE_PLACED_CEASED',
  "The date of the authority's decision that the child should no longer be placed for adoption is not a valid date.",
  2023,
  'lac2022_23',
);
export const rule171 = dateRule(
  '171',
  'Header',
  'MC_DOB',
  "The date of birth of the mother's child is not a valid date.",
  2023,
  'lac2022_23',
);
export const ruleSW04STG1 = dateRule(
  'SW04STG1',
  'SWEpisodes',
  'SW_DECOM',
  'The date the social worker episode began is not a valid date.',
  2024,
  'lac2023_24',
);
export const ruleSW05STG1 = dateRule(
  'SW05STG1',
  'SWEpisodes',
  'SW_DEC',
  'The date the social worker episode ended is not a valid date.',
  2024,
  'lac2023_24',
);

export const rule1004 = dateRule(
  '1004',
  'Missing',
  'MIS_START',
  'The date the child started to be missing or away is not a valid date.',
  2023,
  'lac2022_23',
);
export const rule1005 = dateRule(
  '1005',
  'Missing',
  'MIS_END',
  'The date the child stopped being missing or away is not a valid date.',
  2023,
  'lac2022_23',
);

export const dateRules = [
  rule102,
  rule141,
  rule147,
  rule112,
  rule113,
  rule115,
  rule116,
  rule171,
  rule1004,
  rule1005,
  ruleSW04STG1,
  ruleSW05STG1,
  rule700,
  rule701,
];
