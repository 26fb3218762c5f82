/**
 * Date validity rules: the value is a real date. Blank values are the required-value checks' business (a blank
 * DEC is an open episode). Source: lac_validator/rules/lac2022_23/rule_102.py (DOB), rule_141.py (DECOM),
 * rule_147.py (DEC); lac2026_27/rule_700.py (DOLO_START), rule_701.py (DOLO_END).
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

export const dateRules = [rule102, rule141, rule147, rule700, rule701];
