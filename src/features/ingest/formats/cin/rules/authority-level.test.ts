import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IssueLog } from '../../../issues';
import { runRules } from '../../../rules';
import { AUTHORITY_LEVEL_MIN_CHILDREN, AUTHORITY_LEVEL_RULES } from './authority-level';
import type { ChildCharacteristics } from './context';

/** The authority-level queries one file raises, as [code, detail-bearing message]. */
function queries(characteristics: ChildCharacteristics[], year = 2026): Array<[string, string, number | null]> {
  const issues = new IssueLog();
  runRules(AUTHORITY_LEVEL_RULES, year, { file: 'f.xml', children: [], characteristics }, issues);
  return issues.list().map((i) => [i.rule, i.message, i.row]);
}

const person = (over: Partial<ChildCharacteristics> = {}): ChildCharacteristics => ({
  sexCode: 'F',
  sexElement: 'Sex',
  expectedBirthDate: null,
  disabilities: [],
  ...over,
});

/** `list` and enough children with no disability to make 50, the smallest file the queries are asked of. */
const fifty = (list: ChildCharacteristics[]) => [...list, ...Array.from({ length: 50 - list.length }, () => person())];

/** Eight disability codes, and one child with two: neither 2887Q nor 2888Q. */
const VARIED = [
  person({ disabilities: ['AUT', 'BEH'] }),
  person({ disabilities: ['CON'] }),
  person({ disabilities: ['DDA'] }),
  person({ disabilities: ['HAND'] }),
  person({ disabilities: ['HEAR'] }),
  person({ disabilities: ['LD'] }),
  person({ disabilities: ['MOB'] }),
];

describe('CIN rules: the whole return (authority level)', () => {
  it('2886Q: more than 2% of children (not unborn) with no sex recorded', () => {
    // 100 children: 2 with U is exactly 2% (no query), 3 is 3% (a query). An unborn child with U is not counted.
    const many = (unknown: number, unborn = 0) => [
      ...VARIED,
      ...Array.from({ length: 100 - VARIED.length - unknown - unborn }, () => person()),
      ...Array.from({ length: unknown }, () => person({ sexCode: 'U' })),
      ...Array.from({ length: unborn }, () => person({ sexCode: 'U', expectedBirthDate: '2026-06-01' })),
    ];
    assert.deepEqual(queries(many(2, 5)), []);
    assert.deepEqual(queries(many(3)), [
      [
        '2886Q',
        'Please check and either amend or provide a reason: more than 2% of the children (not counting unborn children) have no sex recorded (3 of 100 children)',
        null,
      ],
    ]);
  });

  it('2886Q before 2024/25: GenderCurrent 0 or missing (9, not specified, is an answer)', () => {
    const gender = (sexCode: string | null) =>
      person({ sexElement: sexCode === null ? null : 'GenderCurrent', sexCode });
    const many = (odd: ChildCharacteristics) => [
      ...VARIED.map((c) => ({ ...c, sexElement: 'GenderCurrent' as const, sexCode: '2' })),
      ...Array.from({ length: 47 - VARIED.length }, () => gender('1')),
      ...Array.from({ length: 3 }, () => odd),
    ];
    // 3 of 50 is 6%.
    assert.deepEqual(
      queries(many(gender('0')), 2024).map((q) => q[0]),
      ['2886Q'],
    );
    assert.deepEqual(
      queries(many(gender(null)), 2023).map((q) => q[0]),
      ['2886Q'],
    );
    assert.deepEqual(queries(many(gender('9')), 2024), []);
  });

  it('2887Q: more than 7 different disability codes used', () => {
    assert.deepEqual(queries(fifty(VARIED)), []);
    // Without the child with BEH: seven codes.
    assert.deepEqual(queries(fifty([person({ disabilities: ['AUT', 'CON'] }), ...VARIED.slice(2)])), [
      [
        '2887Q',
        'Please check and either amend or provide a reason: fewer than 8 different disability codes are used in the return (7 used)',
        null,
      ],
    ]);
  });

  it('2888Q: at least one child with a disability has more than one', () => {
    const single = [person({ disabilities: ['AUT'] }), person({ disabilities: ['BEH'] }), ...VARIED.slice(1)];
    assert.deepEqual(
      queries(fifty(single)).map((q) => q[0]),
      ['2888Q'],
    );
    // No one with a disability at all: 2887Q asks about that, 2888Q does not.
    assert.deepEqual(
      queries(fifty([])).map((q) => q[0]),
      ['2887Q'],
    );
  });

  it('are not asked of a file of fewer than 50 children', () => {
    assert.equal(AUTHORITY_LEVEL_MIN_CHILDREN, 50);
    // 49 children, none with a sex or a disability recorded: all three would be asked of 50.
    const unrecorded = (n: number) => Array.from({ length: n }, () => person({ sexCode: null, sexElement: null }));
    assert.deepEqual(queries(unrecorded(49)), []);
    assert.deepEqual(
      queries(unrecorded(50)).map((q) => q[0]),
      ['2886Q', '2887Q'],
    );
  });
});
