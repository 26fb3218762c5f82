/**
 * The audit pages' form schemas, by hand (no database): the audit form on save and on submit, adding an action and
 * recording a partner's contribution. Errors name the form's fields, all at once, in the form's order.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldErrorsFromIssues } from '../../../web/form-input';
import { auditForm } from './form';
import { actionForm, contributionForm } from './service';

const DOMAINS = [
  { domainId: 1, title: 'Quality of assessment' },
  { domainId: 2, title: 'Voice of the child' },
];
const TODAY = '2026-03-10';

function errorsOf(result: { success: boolean; error?: { issues: Parameters<typeof fieldErrorsFromIssues>[0] } }) {
  return result.error ? fieldErrorsFromIssues(result.error.issues) : [];
}

describe('the audit pages’ form schemas', () => {
  it('the audit form: a draft may be half done; a submission needs every grade and the overall narrative', () => {
    const half = { 'grade-1': 'good', 'narrative-1': '', overallNarrative: '' };
    const draft = auditForm(DOMAINS, false).safeParse(half);
    assert.equal(draft.success, true);
    assert.equal(draft.data?.grades[1], 'good');
    assert.equal(draft.data?.grades[2], '');
    assert.deepEqual(errorsOf(auditForm(DOMAINS, true).safeParse(half)), [
      { field: 'grade-2', message: 'Choose a grade for Voice of the child' },
      { field: 'overallGrade', message: 'Choose an overall grade' },
      { field: 'overallNarrative', message: 'Write the overall narrative' },
    ]);
    // A value that may not be kept is refused on save, and then the submission's needs are not listed too.
    assert.deepEqual(errorsOf(auditForm(DOMAINS, true).safeParse({ ...half, overallGrade: 'great' })), [
      { field: 'overallGrade', message: 'Choose an overall grade from the four given' },
    ]);
    assert.equal(auditForm(DOMAINS, false).safeParse({ 'grade-1': 'good', surname: 'x' }).success, false);
  });

  it('adding an action: every error at once, in the form’s order; the owner’s name from the list', () => {
    const form = actionForm({ domains: DOMAINS, users: [{ id: 7, name: 'Quinn Auditor' }], today: TODAY });
    assert.deepEqual(errorsOf(form.safeParse({ domainId: '9', ownerUserId: '8', 'dueOn-day': '9' })), [
      { field: 'domainId', message: 'Choose a theme from the list' },
      { field: 'description', message: 'Enter what needs to be done' },
      { field: 'ownerUserId', message: 'Choose the owner from the list' },
      { field: 'dueOn', message: 'The due date must be a real date, for example 27 3 2026' },
    ]);
    assert.deepEqual(
      errorsOf(
        form.safeParse({ description: 'Update the plan', 'dueOn-day': '9', 'dueOn-month': '3', 'dueOn-year': '2026' }),
      ),
      [
        { field: 'ownerUserId', message: 'Choose who owns the action, or enter their name' },
        { field: 'dueOn', message: 'The due date must be today or later (today is 10 March 2026)' },
      ],
    );
    const ok = form.safeParse({
      domainId: '2',
      description: ' Update the plan ',
      ownerUserId: '7',
      ownerName: 'ignored',
      'dueOn-day': '10',
      'dueOn-month': '3',
      'dueOn-year': '2026',
    });
    assert.deepEqual(ok.data, {
      domainId: 2,
      description: 'Update the plan',
      ownerUserId: 7,
      ownerName: 'Quinn Auditor',
      dueOn: '2026-03-10',
    });
  });

  it('recording a contribution: every error at once; a grade or none; contributed today or before', () => {
    const form = contributionForm(TODAY);
    assert.deepEqual(
      errorsOf(
        form.safeParse({
          agency: 'army',
          grade: 'great',
          'contributedOn-day': '11',
          'contributedOn-month': '3',
          'contributedOn-year': '2026',
        }),
      ),
      [
        { field: 'agency', message: 'Choose the partner agency' },
        { field: 'contributorName', message: 'Enter the contributor’s name' },
        { field: 'narrative', message: 'Enter the partner’s contribution' },
        { field: 'grade', message: 'Choose a grade from the four given, or none' },
        { field: 'contributedOn', message: 'The date contributed must be today or in the past' },
      ],
    );
    const ok = form.safeParse({
      agency: 'health',
      contributorName: ' Sam Patel ',
      contributorRole: '',
      narrative: 'Seen twice.\r\nWell.',
      grade: '',
      'contributedOn-day': '10',
      'contributedOn-month': '3',
      'contributedOn-year': '2026',
    });
    assert.deepEqual(ok.data, {
      agency: 'health',
      contributorName: 'Sam Patel',
      contributorRole: '',
      narrative: 'Seen twice.\nWell.',
      grade: null,
      contributedOn: '2026-03-10',
    });
  });
});
