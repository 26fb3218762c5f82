/** Rules across the children of one file. */
import { defineRule } from '../../../rules';
import type { FileRuleContext } from './context';

/** cin_validator/rules/cin2022_23/rule_8510.py: each LAchildID once in the return. */
export const rule8510 = defineRule<FileRuleContext>({
  code: '8510',
  severity: 'error',
  message: 'More than one child record has the same LAchildID',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8510.py',
  check({ file, children }, hit) {
    const first = new Map<string, number>();
    for (const c of children) {
      const seen = first.get(c.laChildId);
      if (seen === undefined) first.set(c.laChildId, c.line);
      else hit({ file, row: c.line, column: 'LAchildID', child: c.laChildId, detail: `first given at line ${seen}` });
    }
  },
});

export const FILE_RULES = [rule8510];
