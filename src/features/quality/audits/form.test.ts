/**
 * The audit form's rules, by hand: what a draft may hold, what a submission needs, and what a save changed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  changesBetween,
  checkComplete,
  checkValues,
  fieldLabel,
  MAX_TEXT,
  readAuditForm,
  type AuditFormValues,
} from './form';

const DOMAINS = [
  { domainId: 1, title: 'Quality of assessment' },
  { domainId: 2, title: 'Voice of the child' },
];

function values(overrides: Partial<AuditFormValues> = {}): AuditFormValues {
  return {
    grades: { 1: 'good', 2: 'good' },
    narratives: { 1: '', 2: '' },
    overallGrade: 'good',
    overallNarrative: 'Overall.',
    workerReflection: '',
    managerReflection: '',
    feedbackFrom: '',
    familyFeedback: '',
    ...overrides,
  };
}

describe('the audit form', () => {
  it('reads only the version’s domains, trims, and turns CRLF into LF', () => {
    const v = readAuditForm(
      {
        'grade-1': ' good ',
        'narrative-1': 'a\r\nb ',
        'grade-9': 'inadequate',
        overallGrade: 'outstanding',
        feedbackFrom: 'carer',
      },
      DOMAINS,
    );
    assert.deepEqual(v.grades, { 1: 'good', 2: '' });
    assert.deepEqual(v.narratives, { 1: 'a\nb', 2: '' });
    assert.equal(v.overallGrade, 'outstanding');
    assert.equal(v.feedbackFrom, 'carer');
  });

  it('a draft may be half done, but values must be real: grade keys, feedback source, lengths, no narrative without its grade', () => {
    assert.deepEqual(
      checkValues(values({ grades: { 1: '', 2: '' }, overallGrade: '', overallNarrative: '' }), DOMAINS),
      [],
    );
    const errors = checkValues(
      values({
        grades: { 1: 'excellent', 2: '' },
        narratives: { 1: '', 2: 'words' },
        overallGrade: 'great',
        feedbackFrom: 'neighbour',
        workerReflection: 'x'.repeat(MAX_TEXT + 1),
      }),
      DOMAINS,
    );
    assert.deepEqual(
      errors.map((e) => e.field),
      ['grade-1', 'grade-2', 'overallGrade', 'workerReflection', 'feedbackFrom'],
    );
    // Exactly MAX_TEXT characters is allowed; one more is not.
    assert.deepEqual(checkValues(values({ workerReflection: 'x'.repeat(MAX_TEXT) }), DOMAINS), []);
  });

  it('submission: every domain and the overall graded; a narrative for requires improvement, inadequate and overall, not for good', () => {
    assert.deepEqual(checkComplete(values(), DOMAINS), [], 'good without narrative is complete');
    assert.deepEqual(
      checkComplete(
        values({ grades: { 1: '', 2: 'requires-improvement' }, overallGrade: '', overallNarrative: '' }),
        DOMAINS,
      ).map((e) => e.message),
      [
        'Choose a grade for Quality of assessment',
        'Write a narrative for Voice of the child: it is graded requires improvement',
        'Choose an overall grade',
        'Write the overall narrative',
      ],
    );
    assert.deepEqual(
      checkComplete(values({ grades: { 1: 'inadequate', 2: 'outstanding' } }), DOMAINS).map((e) => e.field),
      ['narrative-1'],
    );
    assert.deepEqual(
      checkComplete(
        values({ grades: { 1: 'inadequate', 2: 'outstanding' }, narratives: { 1: 'Why.', 2: '' } }),
        DOMAINS,
      ),
      [],
    );
  });

  it('what a save changed: field names and grades from → to, in form order', () => {
    const before = values({ grades: { 1: 'good', 2: '' }, overallGrade: '' });
    const after = values({
      grades: { 1: 'inadequate', 2: '' },
      narratives: { 1: 'Why.', 2: '' },
      overallGrade: 'good',
      managerReflection: 'New',
    });
    assert.deepEqual(changesBetween(before, after, DOMAINS), {
      fields: ['grade-1', 'narrative-1', 'overallGrade', 'managerReflection'],
      grades: [
        { field: 'grade-1', from: 'good', to: 'inadequate' },
        { field: 'overallGrade', from: null, to: 'good' },
      ],
    });
    assert.deepEqual(changesBetween(before, before, DOMAINS), { fields: [], grades: [] });
    assert.equal(fieldLabel('narrative-2', new Map([[2, 'Voice of the child']])), 'Narrative: Voice of the child');
    assert.equal(fieldLabel('feedbackFrom', new Map()), 'Feedback from');
  });
});
