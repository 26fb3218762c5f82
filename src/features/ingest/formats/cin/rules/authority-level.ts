/**
 * Queries about the whole return rather than one child (the validator's "LA level" issues): too many children with
 * no sex recorded (2886Q), too few disability codes used (2887Q), and no child with more than one disability
 * (2888Q). Each is reported once, on no row.
 *
 * They are statistics of an authority's whole return, so Lantern asks them only of a file of at least 50 children:
 * below that one child is more than 2% (2886Q), and a handful of children cannot show eight disability codes or a
 * child with two (2887Q, 2888Q), so the query says nothing about how the authority records (the validator asks
 * them of any file). Every authority's census is far larger; a file of a few test children is not a return.
 */
import { defineRule } from '../../../rules';
import type { ChildCharacteristics, FileRuleContext } from './context';

/** The fewest children in a file for the authority-level queries (see above). */
export const AUTHORITY_LEVEL_MIN_CHILDREN = 50;
const wholeReturn = (characteristics: readonly unknown[]) => characteristics.length >= AUTHORITY_LEVEL_MIN_CHILDREN;

/** Over 2% of children, not counting unborn ones (who have an expected date of birth), have no sex recorded. */
function noSexQuery(
  years: { from: number; to?: number },
  source: string,
  element: string,
  unrecorded: (c: ChildCharacteristics) => boolean,
) {
  return defineRule<FileRuleContext>({
    code: '2886Q',
    severity: 'query',
    message: `Please check and either amend or provide a reason: more than 2% of the children (not counting unborn children) have no ${element} recorded`,
    years,
    source: `${source}; asked only of a file of at least ${AUTHORITY_LEVEL_MIN_CHILDREN} children (see above)`,
    check({ file, characteristics }, hit) {
      const total = characteristics.length;
      if (!wholeReturn(characteristics)) return;
      const missing = characteristics.filter((c) => c.expectedBirthDate === null && unrecorded(c)).length;
      if (missing / total > 0.02) hit({ file, row: null, column: element, detail: `${missing} of ${total} children` });
    },
  });
}

/**
 * cin_validator/rules/cin2022_23/rule_2886Q.py (to 2023/24): GenderCurrent 0 (not known) or missing. 9 (not
 * specified) is a recorded answer, as the rule's wording says.
 */
export const rule2886QGender = noSexQuery(
  { from: 2023, to: 2024 },
  'cin_validator/rules/cin2022_23/rule_2886Q.py',
  'gender',
  (c) => c.sexCode === null || (c.sexElement === 'GenderCurrent' && c.sexCode === '0'),
);

/** cin_validator/rules/cin2024_25/rule_2886Q.py (from 2024/25): Sex U or missing. */
export const rule2886QSex = noSexQuery(
  { from: 2025 },
  'cin_validator/rules/cin2024_25/rule_2886Q.py',
  'sex',
  (c) => c.sexCode === null || c.sexCode.toUpperCase() === 'U',
);

/**
 * cin_validator/rules/cin2022_23/rule_2887Q.py: more than 7 different disability codes (not NONE) are used in the
 * return. The DfE rule counts the different codes; the validator's file keeps only the NONE rows and counts them,
 * the opposite of what the rule says, so Lantern follows the rule.
 */
export const rule2887Q = defineRule<FileRuleContext>({
  code: '2887Q',
  severity: 'query',
  message:
    'Please check and either amend or provide a reason: fewer than 8 different disability codes are used in the return',
  years: { from: 2023 },
  source:
    'cin_validator/rules/cin2022_23/rule_2887Q.py, as the DfE rule says: the number of different Disability codes, NONE excluded, more than 7 (the file counts NONE rows); files of at least 50 children',
  check({ file, characteristics }, hit) {
    if (!wholeReturn(characteristics)) return;
    const used = new Set(characteristics.flatMap((c) => c.disabilities));
    if (used.size <= 7) hit({ file, row: null, column: 'Disability', detail: `${used.size} used` });
  },
});

/**
 * cin_validator/rules/cin2022_23/rule_2888Q.py: of the children with a disability, at least one has more than one
 * recorded. A return with no disabilities at all is 2887Q's query, not this one (as in the validator's file).
 */
export const rule2888Q = defineRule<FileRuleContext>({
  code: '2888Q',
  severity: 'query',
  message:
    'Please check and either amend or provide a reason: only one disability code is recorded for each child; record multiple disabilities where a child has them',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_2888Q.py; files of at least 50 children',
  check({ file, characteristics }, hit) {
    if (!wholeReturn(characteristics)) return;
    const counts = characteristics.map((c) => c.disabilities.length);
    if (counts.some((n) => n > 0) && !counts.some((n) => n > 1)) hit({ file, row: null, column: 'Disability' });
  },
});

export const AUTHORITY_LEVEL_RULES = [rule2886QGender, rule2886QSex, rule2887Q, rule2888Q];
