/** Header rules. */
import { defineRule } from '../../../rules';
import type { HeaderRuleContext } from './context';

/** cin_validator/rules/cin2022_23/rule_100.py: ReferenceDate must be 31 March of `Year`. */
export const rule100 = defineRule<HeaderRuleContext>({
  code: '100',
  severity: 'error',
  message: 'ReferenceDate must be 31 March of the collection Year given in the Header',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_100.py',
  check({ file, header }, hit) {
    const expected = header.year === null ? null : `${header.year}-03-31`;
    if (expected === null || header.referenceDate !== expected) {
      hit({
        file,
        row: header.lines.ReferenceDate ?? header.line,
        column: 'ReferenceDate',
        detail: `Year ${header.year ?? 'missing'}, ReferenceDate ${header.referenceDate ?? 'missing'}`,
      });
    }
  },
});

export const HEADER_RULES = [rule100];
