/**
 * The rules an inspection record must meet, with the message each breach gives, and the text areas of the form
 * (lists and paragraphs) read as people type them.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readReportText } from './report-reader/index';
import {
  checkForm,
  dateFromParts,
  emptyForm,
  formFramework,
  formValuesFromFields,
  formValuesFromProposal,
  formValuesFromRecord,
  judgementForHeading,
  listText,
  paragraphsText,
  parseList,
  parseParagraphs,
  validateInspection,
} from './validation';

const GOOD_2023 = {
  overall: 'good',
  leaders: 'good',
  'help-and-protection': 'good',
  'children-in-care': 'outstanding',
  'care-leavers': 'good',
};

function errorsOf(body: unknown): Record<string, string> {
  const result = validateInspection(body);
  assert.equal(result.ok, false, 'expected errors');
  return result.ok ? {} : Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
}

describe('validating an inspection record', () => {
  it('accepts a 2024 short inspection and defaults its framework (ILACS 2023) from the kind and the start date', () => {
    const result = validateInspection({
      kind: 'ilacs-short',
      startDate: '2024-06-10',
      endDate: '2024-06-14',
      judgements: GOOD_2023,
      recommendations: ['  Return home interviews.  ', ''].slice(0, 1),
    });
    assert.ok(result.ok);
    assert.equal(result.value.framework, 'ilacs-2023');
    assert.deepEqual(
      result.value.judgements.map((j) => j.key),
      ['leaders', 'help-and-protection', 'children-in-care', 'care-leavers', 'overall'],
      'in the framework’s order',
    );
    assert.deepEqual(result.value.recommendations, [
      { kind: 'recommendation', number: 1, text: 'Return home interviews.' },
    ]);
    assert.equal(result.value.source, 'entered');
  });

  it('the framework in force by start date: 31 March 2026 is ILACS 2023, 1 April 2026 is ILACS 2026 (no overall)', () => {
    const before = validateInspection({ kind: 'focused-visit', startDate: '2026-03-31' });
    const after = validateInspection({ kind: 'focused-visit', startDate: '2026-04-01' });
    assert.ok(before.ok && after.ok);
    assert.equal(before.value.framework, 'ilacs-2023');
    assert.equal(after.value.framework, 'ilacs-2026');
    assert.equal(
      (
        validateInspection({ kind: 'engagement-meeting', startDate: '2026-05-01', framework: 'ilacs-2026' }) as {
          value: { framework: unknown };
        }
      ).value.framework,
      null,
      'meetings have no framework',
    );
  });

  it('names every missing or bad field in plain English', () => {
    assert.deepEqual(errorsOf({ kind: '', startDate: '' }), {
      kind: 'Choose the kind of inspection or visit',
      startDate: 'Enter the start date',
    });
    assert.deepEqual(errorsOf({ kind: 'inspection', startDate: '2024-02-30', endDate: 'soon' }), {
      kind: '“inspection” is not a kind of inspection or visit Lantern knows: choose one of the list',
      startDate: 'The start date must be a real date, for example 2024-06-10',
      endDate: 'The end date must be a real date, for example 2024-06-10',
    });
  });

  it('dates: the end on the start day is fine, a day before is not; the action plan not before the report was received', () => {
    assert.ok(validateInspection({ kind: 'monitoring-visit', startDate: '2017-09-05', endDate: '2017-09-05' }).ok);
    assert.deepEqual(errorsOf({ kind: 'monitoring-visit', startDate: '2017-09-05', endDate: '2017-09-04' }), {
      endDate: 'The end date must be the same as or after the start date',
    });
    assert.deepEqual(
      errorsOf({
        kind: 'jtai',
        startDate: '2019-01-07',
        reportReceivedOn: '2019-03-01',
        actionPlanSentOn: '2019-02-28',
      }),
      {
        actionPlanSentOn: 'The date the action plan was sent must be on or after the date the report was received',
      },
    );
    assert.deepEqual(errorsOf({ kind: 'jtai', startDate: '2019-01-07', publishedOn: '2019-01-06' }), {
      publishedOn: 'The date the report was published must be on or after the start date',
    });
  });

  it('grades: every judgement of the framework for a graded inspection, none of another framework, none for visits', () => {
    const { 'care-leavers': _omitted, ...noLeavers } = GOOD_2023;
    assert.deepEqual(errorsOf({ kind: 'ilacs-short', startDate: '2024-06-10', judgements: noLeavers }), {
      'judgements.care-leavers': 'Choose the grade for care leavers',
    });
    assert.deepEqual(
      errorsOf({
        kind: 'ilacs-short',
        startDate: '2024-06-10',
        judgements: { ...GOOD_2023, 'children-in-care-and-care-leavers': 'good' },
      }),
      {
        'judgements.children-in-care-and-care-leavers':
          'Children in care and care leavers is not a judgement of the ILACS (January 2023: care leavers judged separately) framework: choose the grades for that framework’s judgements',
      },
    );
    assert.deepEqual(errorsOf({ kind: 'ilacs-standard', startDate: '2026-05-04', judgements: { ...GOOD_2023 } }), {
      'judgements.overall':
        'Overall effectiveness is not a judgement of the ILACS (April 2026: no overall effectiveness) framework: choose the grades for that framework’s judgements',
    });
    assert.deepEqual(errorsOf({ kind: 'focused-visit', startDate: '2021-02-02', judgements: { overall: 'good' } }), {
      'judgements.overall': 'A focused visit is not graded: leave its grades blank',
    });
    assert.deepEqual(
      errorsOf({ kind: 'ilacs-short', startDate: '2024-06-10', judgements: { ...GOOD_2023, overall: 'excellent' } }),
      {
        'judgements.overall':
          'Choose a grade for overall effectiveness: outstanding, good, requires improvement to be good or inadequate',
      },
    );
    // The SIF's sub-judgements and the LSCB review are optional; its four main judgements are not.
    assert.ok(
      validateInspection({
        kind: 'sif',
        startDate: '2017-04-24',
        judgements: {
          overall: 'inadequate',
          'help-and-protection': 'inadequate',
          'children-in-care': 'inadequate',
          leaders: 'inadequate',
        },
      }).ok,
    );
    assert.deepEqual(errorsOf({ kind: 'sif', startDate: '2017-04-24', judgements: { overall: 'inadequate' } }), {
      'judgements.help-and-protection': 'Choose the grade for help and protection',
      'judgements.children-in-care': 'Choose the grade for children looked after',
      'judgements.leaders': 'Choose the grade for leadership, management and governance',
    });
    assert.deepEqual(
      errorsOf({ kind: 'ilacs-short', framework: 'sif', startDate: '2024-06-10', judgements: GOOD_2023 }).framework,
      'An ILACS inspection is made under an ILACS framework: choose January 2018, January 2023 or April 2026',
    );
  });

  it('recommendations need text; paragraph numbers are unique', () => {
    assert.deepEqual(
      errorsOf({
        kind: 'focused-visit',
        startDate: '2021-02-02',
        recommendations: ['One', '  '],
        priorityActions: [''],
      }),
      {
        recommendations: 'Recommendation 2 has no text: write what needs to improve, or remove it',
        priorityActions: 'Area for priority action 1 has no text: write what needs to improve, or remove it',
      },
    );
    assert.deepEqual(
      errorsOf({
        kind: 'focused-visit',
        startDate: '2021-02-02',
        paragraphs: [
          { number: 3, text: 'a' },
          { number: 3, text: 'b' },
        ],
      }),
      { paragraphs: 'Paragraph 3 appears twice: each paragraph has its own number' },
    );
  });

  it('the API body: a field Lantern does not know, or the wrong type, is named', () => {
    assert.deepEqual(errorsOf({ kind: 'jtai', startDate: '2019-01-07', grade: 'good' }), {
      body: 'Lantern does not know the field “grade”: see the API documentation',
    });
    assert.deepEqual(errorsOf({ kind: 'jtai', startDate: '2019-01-07', recommendations: 'one' }), {
      recommendations: 'Give the recommendations as a list of texts',
    });
  });
});

describe('the form’s text areas and date boxes', () => {
  it('lists: one a line, or numbered with continuation lines; bullets dropped', () => {
    assert.deepEqual(parseList('- First thing\n• Second thing\n\nThird'), ['First thing', 'Second thing', 'Third']);
    assert.deepEqual(parseList('1. First thing\n   carried on\n2) Second\n(3) Third'), [
      'First thing carried on',
      'Second',
      'Third',
    ]);
    assert.deepEqual(parseList(listText(['A', 'B'])), ['A', 'B']);
    assert.deepEqual(parseList(''), []);
  });

  it('paragraphs: headings name the judgement; numbered paragraphs; round trip', () => {
    const text =
      '## The experiences and progress of children in care: outstanding\n12. Children live in stable homes.\nSecond line.\n13. Another.\n\n## The experiences and progress of care leavers: good\n14. Leavers.';
    const { paragraphs, problem } = parseParagraphs(text);
    assert.equal(problem, null);
    assert.deepEqual(
      paragraphs.map((p) => [p.number, p.judgement, p.text]),
      [
        [12, 'children-in-care', 'Children live in stable homes.\nSecond line.'],
        [13, 'children-in-care', 'Another.'],
        [14, 'care-leavers', 'Leavers.'],
      ],
    );
    assert.deepEqual(parseParagraphs(paragraphsText(paragraphs)).paragraphs, paragraphs);
    assert.match(parseParagraphs('Some text\n1. Para').problem ?? '', /Start each paragraph with its number/);
  });

  it('headings of every era map to their judgement', () => {
    assert.equal(
      judgementForHeading('The experiences and progress of children in care and care leavers: good'),
      'children-in-care-and-care-leavers',
    );
    assert.equal(judgementForHeading('Children looked after and achieving permanence'), 'children-in-care');
    assert.equal(judgementForHeading('Leadership, management and governance'), 'leaders');
    assert.equal(judgementForHeading('The Local Safeguarding Children Board (LSCB)'), 'lscb');
    assert.equal(judgementForHeading('Adoption performance'), 'adoption');
    assert.equal(judgementForHeading('What needs to improve'), null);
  });

  it('date boxes: empty, incomplete, impossible, and fine', () => {
    assert.deepEqual(dateFromParts('startDate', { day: '', month: '', year: '' }), { iso: '' });
    assert.deepEqual(dateFromParts('endDate', { day: '10', month: '', year: '' }), {
      error: 'The end date must include a month and a year',
    });
    assert.deepEqual(dateFromParts('startDate', { day: '30', month: '2', year: '2024' }), {
      error: 'The start date must be a real date',
    });
    assert.deepEqual(dateFromParts('startDate', { day: '10', month: '6', year: '24' }), {
      error: 'The start date must be a real date, with the year in 4 numbers, for example 10 6 2024',
    });
    assert.deepEqual(dateFromParts('startDate', { day: '5', month: '12', year: '2018' }), { iso: '2018-12-05' });
  });

  it('a posted form becomes the same record the API would make, and a saved record fills the form back', () => {
    const values = formValuesFromFields({
      kind: 'focused-visit',
      framework: '',
      'startDate-day': '2',
      'startDate-month': '2',
      'startDate-year': '2021',
      'reportReceivedOn-day': '1',
      'reportReceivedOn-month': '3',
      'reportReceivedOn-year': '2021',
      theme: 'Care leavers',
      recommendations: '1. Pathway plans\n2. Contact',
      priorityActions: 'Accommodation for care leavers',
      paragraphs: '## Care leavers\n1. Text.',
    });
    const result = checkForm(values);
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.value.startDate, '2021-02-02');
    assert.equal(result.value.reportReceivedOn, '2021-03-01');
    assert.deepEqual(
      result.value.recommendations.map((r) => `${r.kind} ${r.number} ${r.text}`),
      [
        'recommendation 1 Pathway plans',
        'recommendation 2 Contact',
        'priority-action 1 Accommodation for care leavers',
      ],
    );
    assert.deepEqual(result.value.paragraphs, [
      { number: 1, judgement: 'care-leavers', heading: 'Care leavers', text: 'Text.' },
    ]);
    const back = formValuesFromRecord({ ...result.value, judgements: [] });
    assert.equal(back.recommendations, '1. Pathway plans\n2. Contact');
    assert.deepEqual(back.dates.startDate, { day: '2', month: '2', year: '2021' });
  });

  it('a date with bad boxes gives one message, from its boxes', () => {
    const values = emptyForm();
    values.kind = 'jtai';
    values.dates.startDate = { day: '31', month: '6', year: '2019' };
    const result = checkForm(values);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(result.errors, [{ field: 'startDate', message: 'The start date must be a real date' }]);
  });

  it('the judgements the form shows follow the framework chosen, or the default for the kind and start date', () => {
    const values = emptyForm();
    assert.equal(formFramework(values, '2026-11-22'), 'ilacs-2026');
    values.dates.startDate = { day: '10', month: '6', year: '2024' };
    assert.equal(formFramework(values, '2026-11-22'), 'ilacs-2023');
    values.framework = 'ilacs-2018';
    assert.equal(formFramework(values, '2026-11-22'), 'ilacs-2018');
  });
});

describe('what the report reader proposes fills a form that saves', () => {
  const dir = path.resolve(import.meta.dirname, '../../../test/fixtures/ofsted-reports');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  it('has report texts to read', () => {
    assert.ok(files.length >= 5, `only ${files.length} fixtures`);
  });
  for (const file of files) {
    it(`${file}: the proposal, shown in the form and posted back unchanged, passes every rule with its judgements and recommendations intact`, () => {
      const proposal = readReportText(readFileSync(path.join(dir, file), 'utf8'));
      const result = checkForm(formValuesFromProposal(proposal, `report: ${file}`));
      assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
      assert.equal(result.value.kind, proposal.kind);
      assert.equal(result.value.source, `report: ${file}`);
      assert.deepEqual(
        new Set(result.value.judgements.map((j) => `${j.key}=${j.grade}`)),
        new Set(proposal.judgements.map((j) => `${j.key}=${j.grade}`)),
      );
      // Each kind in the report's order (recommendations are listed before areas for priority action).
      const byKind = (list: ReadonlyArray<{ kind: string; text: string }>) =>
        [...list]
          .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'recommendation' ? -1 : 1))
          .map((r) => `${r.kind} ${r.text.replace(/\s*\n\s*/g, ' ').trim()}`);
      assert.deepEqual(byKind(result.value.recommendations), byKind(proposal.recommendations));
      assert.deepEqual(
        result.value.paragraphs.map((p) => p.number),
        proposal.paragraphs.map((p) => p.number),
      );
    });
  }
});
