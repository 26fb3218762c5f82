/**
 * The Ofsted report reader on report texts of every kind and era. Pure: no database.
 *
 * Fixtures (test/fixtures/ofsted-reports/, README there): fictional authorities, our own words, in the layouts of
 * Ofsted's real reports. The seed (ofsted-barnet-2024.txt there) is Ofsted's published 2024 report on Barnet as extracted from its PDF.
 * Every expected value below was read off the fixture by hand.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readReportFile, readReportText } from './index';
import { findDateRange, findDates } from './dates';
import { ValidationError } from '../../../core/errors';
import type { ProposedInspection } from '../proposal';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const fixture = (name: string) => readFileSync(path.join(repoRoot, 'test', 'fixtures', 'ofsted-reports', name), 'utf8');
const seed = () =>
  readFileSync(path.join(repoRoot, 'test', 'fixtures', 'ofsted-reports', 'ofsted-barnet-2024.txt'), 'utf8');

const grades = (r: ProposedInspection) => Object.fromEntries(r.judgements.map((j) => [j.key, j.grade]));
const numbers = (r: ProposedInspection, key: string | null) =>
  r.paragraphs.filter((p) => p.judgement === key).map((p) => p.number);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('the seed: Ofsted 2024 short inspection of Barnet, as extracted from the PDF', () => {
  const r = readReportText(seed());

  test('kind, framework, authority, dates and lead inspector', () => {
    // 10 to 14 June 2024 is Monday to Friday, 4 days: a short inspection; after January 2023: the 2023 framework.
    assert.equal(r.kind, 'ilacs-short');
    assert.equal(r.framework, 'ilacs-2023');
    assert.equal(r.authorityName, 'Barnet');
    assert.equal(r.startDate, '2024-06-10');
    assert.equal(r.endDate, '2024-06-14');
    assert.equal(r.publishedOn, null);
    assert.equal(r.leadInspector, 'Naintara Khosla');
    assert.equal(r.theme, null);
    assert.deepEqual(r.warnings, []);
  });

  test('five judgements in the report order of the 2023 framework', () => {
    assert.deepEqual(r.judgements, [
      { key: 'leaders', grade: 'good' },
      { key: 'help-and-protection', grade: 'good' },
      { key: 'children-in-care', grade: 'outstanding' },
      { key: 'care-leavers', grade: 'good' },
      { key: 'overall', grade: 'good' },
    ]);
  });

  test('the four "What needs to improve?" items, numbered 1–4', () => {
    assert.deepEqual(r.recommendations, [
      {
        kind: 'recommendation',
        number: 1,
        text: 'Return home interviews informing safety plans for children who go missing.',
      },
      { kind: 'recommendation', number: 2, text: 'Communication about living arrangements for care leavers.' },
      { kind: 'recommendation', number: 3, text: 'Timeliness of early help support.' },
      {
        kind: 'recommendation',
        number: 4,
        text: 'Management oversight of the local authority designated officer (LADO).',
      },
    ]);
  });

  test('paragraphs 1–64: 1–23 help and protection, 24–42 children in care, 43–54 care leavers, 55–64 leaders', () => {
    assert.equal(r.paragraphs.length, 64);
    assert.deepEqual(numbers(r, 'help-and-protection'), range(1, 23)); // 23
    assert.deepEqual(numbers(r, 'children-in-care'), range(24, 42)); // 19
    assert.deepEqual(numbers(r, 'care-leavers'), range(43, 54)); // 12
    assert.deepEqual(numbers(r, 'leaders'), range(55, 64)); // 10; 23 + 19 + 12 + 10 = 64
    assert.equal(r.paragraphs[0]?.heading, 'The experiences and progress of children who need help and protection');
    assert.equal(r.paragraphs[63]?.heading, 'The impact of leaders on social work practice with children and families');
  });

  test('paragraphs broken by a page break are joined again; the closing boilerplate is not a paragraph', () => {
    const p = (n: number) => r.paragraphs.find((x) => x.number === n)?.text ?? '';
    assert.match(p(6), /helpful to them in the future\. Children identified for follow-up assessments/);
    assert.match(p(56), /central to any future policy developments\. Co-production is a strength/);
    assert.match(p(63), /from external experts\. They particularly value the reflective practice sessions/);
    assert.match(p(64), /felt like 'coming home'\.$/);
    const all = JSON.stringify(r);
    for (const furniture of [
      'Piccadilly Gate',
      'Open Government Licence',
      'Crown copyright',
      'enquiries@ofsted.gov.uk',
    ]) {
      assert.equal(all.includes(furniture), false, furniture);
    }
  });

  test('the summary is the three paragraphs between the judgement table and "What needs to improve?"', () => {
    const parts = r.summary.split('\n\n');
    assert.equal(parts.length, 3);
    assert.match(parts[0] ?? '', /^Children in the London Borough of Barnet receive strong and effective services\./);
    assert.match(parts[2] ?? '', /benefit from outstanding support and services\.$/);
  });
});

describe('SIF, 2017: inadequate, nineteen recommendations and the LSCB review (printed-line text, page numbers)', () => {
  const r = readReportText(fixture('sif-2017-inadequate.txt'));

  test('kind, dates, publication and lead inspector from the inspection team at the end', () => {
    assert.equal(r.kind, 'sif');
    assert.equal(r.framework, 'sif');
    assert.equal(r.authorityName, 'Northmoor');
    assert.equal(r.startDate, '2017-04-24');
    assert.equal(r.endDate, '2017-05-18');
    assert.equal(r.publishedOn, '2017-07-03');
    assert.equal(r.leadInspector, 'Marcus Ellery');
    assert.deepEqual(r.warnings, []);
  });

  test('overall from "Children\'s services in Northmoor are inadequate"; grades written across lines; the LSCB\'s from its sentence', () => {
    assert.deepEqual(grades(r), {
      overall: 'inadequate',
      'help-and-protection': 'inadequate',
      'children-in-care': 'requires-improvement', // "Requires" / "improvement" on two lines
      adoption: 'good',
      'care-leavers': 'requires-improvement',
      leaders: 'inadequate',
      lscb: 'requires-improvement',
    });
    assert.equal(r.judgements.length, 7);
  });

  test("19 recommendations for the local authority (2 priority and immediate, 17 areas for improvement) then the LSCB's 2, numbered 1–21", () => {
    assert.equal(r.recommendations.length, 21);
    assert.ok(r.recommendations.every((x) => x.kind === 'recommendation'));
    assert.deepEqual(
      r.recommendations.map((x) => x.number),
      range(1, 21),
    );
    assert.equal(
      r.recommendations[8]?.text,
      'Make sure that children in care have up-to-date care plans that reflect their wishes and feelings.',
    ); // wrapped over two lines
    assert.equal(
      r.recommendations[18]?.text,
      'Develop a workforce strategy that reduces the reliance on agency staff.',
    );
    assert.equal(r.recommendations[19]?.text, 'Evaluate the effectiveness of early help across the partnership.');
  });

  test('paragraphs under the SIF headings; the footnotes and contents list are dropped', () => {
    assert.deepEqual(numbers(r, 'help-and-protection'), [1, 2, 3]);
    assert.deepEqual(numbers(r, 'children-in-care'), [4, 5]);
    assert.deepEqual(numbers(r, 'leaders'), [6]);
    assert.deepEqual(numbers(r, 'lscb'), [7]);
    assert.equal(
      r.paragraphs[2]?.text,
      'Assessments are often brief and do not take account of what has happened to children in the past.',
    ); // across the page number "3"
    assert.match(r.summary, /^Services for children in Northmoor have declined/);
    assert.equal(r.summary.includes('Education and Inspections Act'), false);
  });
});

describe('SIF overall sentence written across two lines', () => {
  test('"Children\'s services in Northmoor require improvement to be" / "good" → overall requires improvement', () => {
    const text = fixture('sif-2017-inadequate.txt').replace(
      "Children's services in Northmoor are inadequate",
      "Children's services in Northmoor require improvement to be\ngood",
    );
    const r = readReportText(text);
    assert.equal(grades(r).overall, 'requires-improvement');
    assert.equal(r.judgements.length, 7);
    assert.deepEqual(r.warnings, []);
  });
});

describe('ILACS 2019: requires improvement, the combined children in care and care leavers judgement', () => {
  const r = readReportText(fixture('ilacs-2019-ri-combined.txt'));

  test("a standard inspection (13 to 24 May: 11 days) under the 2018 framework, Her Majesty's Inspector stripped", () => {
    assert.equal(r.kind, 'ilacs-standard');
    assert.equal(r.framework, 'ilacs-2018');
    assert.equal(r.authorityName, 'Eastbridge');
    assert.deepEqual([r.startDate, r.endDate], ['2019-05-13', '2019-05-24']);
    assert.equal(r.leadInspector, 'Helen Marsh');
    assert.deepEqual(r.warnings, []);
  });

  test('each table cell on its own line, "Requires improvement to be" / "good" across two lines', () => {
    assert.deepEqual(r.judgements, [
      { key: 'leaders', grade: 'requires-improvement' },
      { key: 'help-and-protection', grade: 'requires-improvement' },
      { key: 'children-in-care-and-care-leavers', grade: 'good' },
      { key: 'overall', grade: 'requires-improvement' },
    ]);
  });

  test('five numbered items under "What needs to improve in this local authority?"; 8 paragraphs; a summary paragraph that begins with a judgement\'s words is still summary', () => {
    assert.equal(r.recommendations.length, 5);
    assert.equal(r.recommendations[3]?.text, 'The response to children aged 16 and 17 who present as homeless.');
    assert.deepEqual(numbers(r, 'help-and-protection'), [1, 2, 3, 4]);
    assert.deepEqual(numbers(r, 'children-in-care-and-care-leavers'), [5, 6]);
    assert.deepEqual(numbers(r, 'leaders'), [7, 8]);
    assert.equal(r.summary.split('\n\n').length, 2);
    assert.match(r.summary, /\n\nChildren in care and care leavers are well supported/);
  });
});

describe('ILACS 2022: standard inspection, inadequate, "Judgement: grade" pairs in lower case, dates across two months', () => {
  const r = readReportText(fixture('ilacs-2022-standard-inadequate.txt'));

  test('28 November 2022 to 9 December 2022 is a standard inspection under the 2018 framework (before January 2023)', () => {
    assert.equal(r.kind, 'ilacs-standard');
    assert.equal(r.framework, 'ilacs-2018');
    assert.deepEqual([r.startDate, r.endDate], ['2022-11-28', '2022-12-09']);
    assert.equal(r.leadInspector, 'Daniel Okafor');
    assert.deepEqual(grades(r), {
      overall: 'inadequate',
      leaders: 'inadequate',
      'help-and-protection': 'inadequate',
      'children-in-care-and-care-leavers': 'requires-improvement',
    });
    assert.deepEqual(r.warnings, []);
  });

  test('a bullet wrapped onto an indented second line is one item', () => {
    assert.equal(r.recommendations.length, 5);
    assert.equal(
      r.recommendations[1]?.text,
      'The quality of assessments and plans, so that they are informed by history and lead to help that reduces risk.',
    );
    assert.equal(r.paragraphs.length, 7);
  });
});

describe('ILACS 2023: outstanding, five judgements, cells on their own lines', () => {
  const r = readReportText(fixture('ilacs-2023-outstanding.txt'));
  test('short inspection (6 to 10 March 2023), 2023 framework, care leavers good, all else outstanding, one item to improve', () => {
    assert.equal(r.kind, 'ilacs-short');
    assert.equal(r.framework, 'ilacs-2023');
    assert.equal(r.authorityName, 'Wyvern Vale');
    assert.deepEqual(grades(r), {
      leaders: 'outstanding',
      'help-and-protection': 'outstanding',
      'children-in-care': 'outstanding',
      'care-leavers': 'good',
      overall: 'outstanding',
    });
    assert.equal(r.recommendations.length, 1);
    assert.deepEqual(
      r.paragraphs.map((p) => p.judgement),
      ['help-and-protection', 'help-and-protection', 'children-in-care', 'care-leavers', 'leaders'],
    );
    assert.deepEqual(r.warnings, []);
  });
});

describe('ILACS from April 2026: four judgements, no overall effectiveness', () => {
  const r = readReportText(fixture('ilacs-2026-four-judgements.txt'));
  test('11 to 15 May 2026: the 2026 framework; no warning that overall effectiveness is missing', () => {
    assert.equal(r.kind, 'ilacs-short');
    assert.equal(r.framework, 'ilacs-2026');
    assert.deepEqual(grades(r), {
      leaders: 'good',
      'help-and-protection': 'requires-improvement',
      'children-in-care': 'good',
      'care-leavers': 'good',
    });
    assert.equal(r.judgements.length, 4);
    assert.deepEqual(r.warnings, []);
  });

  test('the same report dated March 2026 (the 2023 framework) warns: 4 judgements where 5 are graded, no overall effectiveness', () => {
    const march = readReportText(
      fixture('ilacs-2026-four-judgements.txt').replace('11 to 15 May 2026', '9 to 13 March 2026'),
    );
    assert.equal(march.framework, 'ilacs-2023');
    assert.ok(
      march.warnings.includes('The report names 4 judgements; the 2023 framework grades 5'),
      march.warnings.join(' | '),
    );
    assert.ok(march.warnings.includes('No grade found for overall effectiveness'), march.warnings.join(' | '));
  });
});

describe('a judgement the framework does not grade', () => {
  test('overall effectiveness in a report dated May 2026 (the April 2026 framework) is kept and questioned', () => {
    const r = readReportText(
      fixture('ilacs-2023-outstanding.txt').replace('6 March to 10 March 2023', '11 May to 15 May 2026'),
    );
    assert.equal(r.framework, 'ilacs-2026');
    assert.equal(grades(r).overall, 'outstanding');
    assert.deepEqual(r.warnings, [
      'The report names 5 judgements; the April 2026 framework grades 4',
      'The April 2026 framework has no judgement "overall": check the dates and the grades',
    ]);
  });
});

describe('focused visits', () => {
  test('2019, no priority action: dates in the opening sentence, theme, overview as summary, three areas for improvement, signed by the lead', () => {
    const r = readReportText(fixture('focused-visit-2019.txt'));
    assert.equal(r.kind, 'focused-visit');
    assert.equal(r.framework, 'ilacs-2018');
    assert.equal(r.authorityName, 'Thornbury');
    assert.deepEqual([r.startDate, r.endDate], ['2019-03-05', '2019-03-06']); // "on 5 and 6 March 2019"
    assert.equal(r.leadInspector, 'Clare Whitfield');
    assert.equal(
      r.theme,
      "The local authority's arrangements for children in need and children subject to a child protection plan",
    );
    assert.deepEqual(r.judgements, []);
    assert.deepEqual(
      r.recommendations.map((x) => [x.kind, x.number]),
      [
        ['recommendation', 1],
        ['recommendation', 2],
        ['recommendation', 3],
      ],
    );
    assert.equal(
      r.recommendations[0]?.text,
      'The quality of child in need and child protection plans, so that they are specific and measurable.',
    );
    assert.equal(r.summary.split('\n\n').length, 2);
    assert.match(r.summary, /^Children in need and children subject to a child protection plan in Thornbury/);
    assert.equal(JSON.stringify(r).includes('Piccadilly'), false, 'the letterhead is dropped');
    assert.deepEqual(r.warnings, []);
  });

  test('2022, with areas for priority action: two priority actions and three things to improve, each numbered from 1', () => {
    const r = readReportText(fixture('focused-visit-2022-priority-action.txt'));
    assert.equal(r.kind, 'focused-visit');
    assert.equal(r.authorityName, 'Ashcombe');
    assert.deepEqual([r.startDate, r.endDate], ['2022-06-14', '2022-06-15']); // "on 14 to 15 June 2022"
    assert.equal(r.leadInspector, 'Lena Forsyth');
    assert.equal(r.theme, "The local authority's arrangements for care leavers");
    assert.deepEqual(
      r.recommendations.map((x) => [x.kind, x.number]),
      [
        ['priority-action', 1],
        ['priority-action', 2],
        ['recommendation', 1],
        ['recommendation', 2],
        ['recommendation', 3],
      ],
    );
    assert.match(r.summary, /^Care leavers in Ashcombe do not receive the support/);
    assert.deepEqual(r.warnings, []);
  });
});

describe('monitoring visit, 2018', () => {
  test('"Monitoring visit of …", the second visit since inadequate, the areas reviewed as the theme, no grades and no recommendations', () => {
    const r = readReportText(fixture('monitoring-visit-2018.txt'));
    assert.equal(r.kind, 'monitoring-visit');
    assert.equal(r.authorityName, 'Eastmarsh');
    assert.deepEqual([r.startDate, r.endDate], ['2018-10-04', '2018-10-05']);
    assert.equal(r.leadInspector, 'Stephen Carrow');
    assert.equal(
      r.theme,
      'The quality and timeliness of assessments for children in need; management oversight and supervision of social work practice; the response to children who go missing from home or care',
    );
    assert.deepEqual(r.judgements, []);
    assert.deepEqual(r.recommendations, []);
    assert.match(r.summary, /^The local authority is making steady progress/);
    assert.deepEqual(r.warnings, []);
  });
});

describe('JTAI, 2018', () => {
  test('theme and area from the title, dates from "Between 4 and 8 June 2018", three areas for improvement and one for priority action, no lead inspector expected', () => {
    const r = readReportText(fixture('jtai-2018.txt'));
    assert.equal(r.kind, 'jtai');
    assert.equal(r.authorityName, 'Westhaven');
    assert.equal(r.theme, 'Children living with domestic abuse');
    assert.deepEqual([r.startDate, r.endDate], ['2018-06-04', '2018-06-08']);
    assert.equal(r.leadInspector, null, "the letter is signed by the inspectorates' directors, not the lead inspector");
    assert.deepEqual(
      r.recommendations.map((x) => [x.kind, x.number]),
      [
        ['recommendation', 1],
        ['recommendation', 2],
        ['recommendation', 3],
        ['priority-action', 1],
      ],
    );
    assert.deepEqual(
      r.paragraphs.map((p) => [p.number, p.heading]),
      [
        [1, 'Key strengths'],
        [2, 'Key strengths'],
        [3, 'Case study: highly effective practice'],
      ],
    );
    assert.deepEqual(r.warnings, []);
  });
});

describe('the same report pasted from the web page and extracted from its PDF', () => {
  const web = readReportText(fixture('ilacs-2024-web-paste.txt'));
  const pdf = readReportText(fixture('ilacs-2024-pdf-extraction.txt'));

  test('the web copy: one paragraph a line, no blank lines, tab bullets, curly quotes, a non-breaking space in the name', () => {
    assert.equal(web.kind, 'ilacs-standard'); // 10 to 21 June 2024: 11 days
    assert.equal(web.framework, 'ilacs-2023');
    assert.equal(web.authorityName, 'Kestrelford');
    assert.equal(web.leadInspector, 'Bronwen Hale');
    assert.deepEqual(grades(web), {
      leaders: 'requires-improvement',
      'help-and-protection': 'requires-improvement',
      'children-in-care': 'good',
      'care-leavers': 'requires-improvement',
      overall: 'requires-improvement',
    });
    assert.equal(web.recommendations.length, 3);
    assert.deepEqual(numbers(web, 'help-and-protection'), [1, 2, 3, 4]);
    assert.deepEqual(numbers(web, 'care-leavers'), [7, 8]);
    assert.match(web.summary, /The council's "Families First" strategy/);
    assert.deepEqual(web.warnings, []);
  });

  test('the PDF text (printed lines, running footers, a bare page number, page breaks mid-paragraph, ligatures, grades across lines) gives the same record', () => {
    assert.deepEqual(pdf, web);
    assert.match(pdf.paragraphs[1]?.text ?? '', /when it is in children's interests to do so\.$/); // broken by the page 1 footer
  });

  test("Word's numbering and bullets followed by a tab, and Symbol-font bullets, change nothing", () => {
    const word = fixture('ilacs-2024-pdf-extraction.txt')
      .replace(/^(\d+)\. /gm, '$1.\t')
      .replace(/^• /gm, '\uF0B7\t');
    assert.deepEqual(readReportText(word), web);
  });

  test('a footer split over three lines on every page, and paragraph numbers on lines of their own, change nothing', () => {
    const split = fixture('ilacs-2024-pdf-extraction.txt')
      .replace(
        /^Inspection of Kestrelford local authority children's services 10 June 2024 – 21 June 2024 (\d+)$/gm,
        "Inspection of Kestrelford local authority children's services\n10 June 2024 – 21 June 2024\n$1",
      )
      .replace(/^2$/m, "Inspection of Kestrelford local authority children's services\n10 June 2024 – 21 June 2024\n2")
      .replace(/^(\d+)\. /gm, '$1.\n');
    assert.equal((split.match(/^Inspection of Kestrelford/gm) ?? []).length, 4, 'the title and three footers');
    assert.deepEqual(readReportText(split), web);
  });

  test('Windows line endings, a byte order mark and curly quotes change nothing', () => {
    const crlf = `\uFEFF${fixture('ilacs-2024-web-paste.txt').replace(/'/g, '’').replace(/\n/g, '\r\n')}`;
    assert.deepEqual(readReportText(crlf), web);
  });
});

describe('what is missing is said', () => {
  test('a graded report with no lead inspector, dates or table warns of each', () => {
    const text = fixture('ilacs-2019-ri-combined.txt')
      .replace(/^Inspection dates:.*$/m, '')
      .replace(/^Lead inspector:.*$/m, '')
      .replace(/^Judgement\n[\s\S]*?Requires improvement to be good\n\nServices/m, 'Services');
    const r = readReportText(text);
    assert.equal(r.startDate, null);
    assert.equal(r.leadInspector, null);
    assert.ok(r.warnings.includes('No lead inspector found'), r.warnings.join(' | '));
    assert.ok(r.warnings.includes('No inspection or visit dates found'), r.warnings.join(' | '));
    // The three headings still give three grades; the framework is inferred from the combined judgement.
    assert.equal(r.framework, 'ilacs-2018');
    assert.deepEqual(grades(r), {
      'help-and-protection': 'requires-improvement',
      'children-in-care-and-care-leavers': 'good',
      leaders: 'requires-improvement',
    });
    assert.ok(
      r.warnings.includes('The report names 3 judgements; the 2018 framework grades 4'),
      r.warnings.join(' | '),
    );
    assert.ok(r.warnings.includes('No grade found for overall effectiveness'), r.warnings.join(' | '));
  });

  test('text that is not an Ofsted report proposes nothing and says so', () => {
    const r = readReportText(
      'Minutes of the corporate parenting board.\n\nMembers noted the annual report of the virtual school and thanked the head teacher for her work.',
    );
    assert.equal(r.kind, null);
    assert.deepEqual(r.judgements, []);
    assert.ok(r.warnings.some((w) => w.startsWith('Could not tell what kind of report this is')));
  });

  test('a repeated paragraph number is kept once and said', () => {
    const text = fixture('ilacs-2023-outstanding.txt').replace(
      '4. Care leavers have trusting',
      '3. Care leavers have trusting',
    );
    const r = readReportText(text);
    assert.deepEqual(
      r.paragraphs.map((p) => p.number),
      [1, 2, 3, 5],
    );
    assert.ok(
      r.warnings.some((w) => w.includes('3 appears twice')),
      r.warnings.join(' | '),
    );
    assert.ok(
      r.warnings.includes('Paragraph numbers jump from 3 to 5: a paragraph may be missing'),
      r.warnings.join(' | '),
    );
  });
});

describe('dates as the reports write them', () => {
  const cases: Array<[string, string, string]> = [
    ['10 to 14 June 2024', '2024-06-10', '2024-06-14'],
    ['13 May to 24 May 2019', '2019-05-13', '2019-05-24'],
    ['28 November 2022 to 9 December 2022', '2022-11-28', '2022-12-09'],
    ['24 April 2017 – 18 May 2017', '2017-04-24', '2017-05-18'],
    ['on 5 and 6 March 2019.', '2019-03-05', '2019-03-06'],
    ['between 4 and 8 June 2018', '2018-06-04', '2018-06-08'],
    ['on 31 January and 1 February 2024', '2024-01-31', '2024-02-01'],
    ['30 December to 3 January 2020', '2019-12-30', '2020-01-03'], // the start month after the end month: the year before
    ['Monday 2 October to Friday 13 October 2023', '2023-10-02', '2023-10-13'],
  ];
  for (const [text, start, end] of cases) {
    test(`"${text}" → ${start} to ${end}`, () => {
      assert.deepEqual(findDateRange(text), { start, end });
    });
  }
  test('a single date, and no date', () => {
    assert.deepEqual(findDates('on 4 October 2022. This was'), { start: '2022-10-04', end: '2022-10-04' });
    assert.equal(findDates('31 February 2022'), null);
    assert.equal(findDates('in 2019'), null);
  });
});

describe('readReportFile refuses what it cannot read, naming the file', () => {
  const refusal = async (bytes: Uint8Array, name: string, pattern: RegExp) => {
    await assert.rejects(readReportFile(bytes, name), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.equal(e.errors[0]?.field, 'file');
      assert.match(e.errors[0]?.message ?? '', pattern);
      return true;
    });
  };
  test('an empty file', () => refusal(new Uint8Array(), 'report.pdf', /^report\.pdf: the file is empty/));
  test('a binary file (a PNG named .txt)', () =>
    refusal(
      new Uint8Array([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x00, 0x01,
      ]),
      'report.txt',
      /^report\.txt: the file is neither a PDF nor/,
    ));
  test('text too short to be a report', () =>
    refusal(new TextEncoder().encode('Hello'), 'notes.txt', /^notes\.txt: the file has too little text/));
  test('a damaged PDF', () =>
    refusal(
      new TextEncoder().encode('%PDF-1.7\nnot really a pdf'),
      'broken.pdf',
      /^broken\.pdf: the PDF could not be opened/,
    ));
  test('a text file saved as UTF-16 with its byte order mark (Notepad\'s "Unicode") is read', async () => {
    const text = fixture('focused-visit-2019.txt');
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      bytes[2 + i * 2] = c & 0xff;
      bytes[3 + i * 2] = c >> 8;
    }
    assert.deepEqual(await readReportFile(bytes, 'letter.txt'), readReportText(text));
  });
  test('Windows-1252 text (not UTF-8) is refused, not misread', () =>
    refusal(
      new Uint8Array([
        ...new TextEncoder().encode('Inspection of Barnet local authority children'),
        0x92,
        ...new TextEncoder().encode('s services'),
      ]),
      'old.txt',
      /^old\.txt: the file is neither a PDF nor UTF-8 text/,
    ));
  test('a text file is read as UTF-8 whatever its name', async () => {
    const r = await readReportFile(new TextEncoder().encode(fixture('focused-visit-2019.txt')), 'letter.pdf');
    assert.equal(r.kind, 'focused-visit');
  });
});

describe('layout variants', () => {
  test('SIF 2015, Leeds layout with no blank lines: overall from "The overall judgement is that children\'s services are good", seven judgements', () => {
    const r = readReportText(fixture('sif-2015-good-no-blank-lines.txt'));
    assert.equal(r.kind, 'sif');
    assert.equal(r.authorityName, 'Leedham City Council');
    assert.deepEqual([r.startDate, r.endDate, r.publishedOn], ['2015-01-20', '2015-02-11', '2015-03-27']);
    assert.deepEqual(grades(r), {
      overall: 'good',
      'help-and-protection': 'good',
      'children-in-care': 'good',
      adoption: 'outstanding',
      'care-leavers': 'good',
      leaders: 'outstanding',
      lscb: 'good',
    });
    assert.deepEqual(
      r.recommendations.map((x) => x.text),
      [
        'Make sure that all children in care have an up-to-date health assessment.',
        'Improve the timeliness of adoption for older children.',
      ],
    );
    assert.equal(
      r.summary,
      'Children in Leedham are well served by a confident and stable leadership team that has improved services steadily since 2012.',
    );
    assert.deepEqual(
      r.paragraphs.map((p) => [p.number, p.judgement]),
      [
        [4, 'help-and-protection'],
        [5, 'children-in-care'],
        [6, 'leaders'],
      ],
    );
    assert.equal(r.leadInspector, 'Amira Collins');
    assert.deepEqual(r.warnings, []);
  });

  test('ILACS 2018, the authority above "Inspection of children\'s social care services", "Name HMI", items without bullets', () => {
    const r = readReportText(fixture('ilacs-2018-authority-above-title.txt'));
    assert.equal(r.kind, 'ilacs-standard'); // 3 to 14 December 2018: 11 days
    assert.equal(r.authorityName, 'Fenwick');
    assert.equal(r.leadInspector, 'Joanne Reeve');
    assert.deepEqual(grades(r), {
      leaders: 'requires-improvement',
      'help-and-protection': 'inadequate',
      'children-in-care-and-care-leavers': 'requires-improvement',
      overall: 'inadequate',
    });
    assert.deepEqual(
      r.recommendations.map((x) => x.number),
      [1, 2, 3],
    );
    assert.equal(
      r.recommendations[1]?.text,
      'The quality of assessments and plans for children in need of help and protection.',
    );
    assert.equal(r.paragraphs.length, 3);
    assert.deepEqual(r.warnings, []);
  });

  test('focused visit 2020: "between 30 and 31 January", "The lead inspector was …", numbered items, one wrapped', () => {
    const r = readReportText(fixture('focused-visit-2020-between-dates.txt'));
    assert.equal(r.kind, 'focused-visit');
    assert.equal(r.authorityName, 'Rowanshire County Council');
    assert.deepEqual([r.startDate, r.endDate], ['2020-01-30', '2020-01-31']);
    assert.equal(r.leadInspector, 'Gemma Olsen');
    assert.match(r.theme ?? '', /^The local authority's arrangements for vulnerable adolescents/);
    assert.equal(
      r.recommendations[1]?.text,
      'The consistency of management oversight of children who go missing repeatedly.',
    );
    assert.deepEqual(r.warnings, []);
  });

  test('monitoring visit 2023: one day, "The focus of the visit was …", framework 2023', () => {
    const r = readReportText(fixture('monitoring-visit-2023-one-day.txt'));
    assert.equal(r.kind, 'monitoring-visit');
    assert.equal(r.framework, 'ilacs-2023');
    assert.deepEqual([r.startDate, r.endDate], ['2023-07-12', '2023-07-12']);
    assert.equal(r.leadInspector, 'Karen Doyle');
    assert.match(r.theme ?? '', /^The local authority's 'front door' service/);
    assert.deepEqual(r.warnings, []);
  });

  test('assurance visit 2021: proposed as a focused visit, and the proposal says so', () => {
    const r = readReportText(fixture('assurance-visit-2021.txt'));
    assert.equal(r.kind, 'focused-visit');
    assert.equal(r.authorityName, 'Oakhurst');
    assert.deepEqual([r.startDate, r.endDate], ['2021-03-09', '2021-03-10']);
    assert.equal(r.leadInspector, 'Iris Kemp');
    assert.equal(r.recommendations.length, 1);
    assert.deepEqual(r.warnings, [
      'An assurance visit (2021, during COVID-19) is proposed as a focused visit: check the kind',
    ]);
  });

  test('JTAI 2022: theme "Identification of initial need and risk", two items, no lead inspector and no warning for it', () => {
    const r = readReportText(fixture('jtai-2022-front-door.txt'));
    assert.equal(r.kind, 'jtai');
    assert.equal(r.authorityName, 'Brackenford');
    assert.equal(r.theme, 'Identification of initial need and risk');
    assert.deepEqual([r.startDate, r.endDate], ['2022-03-07', '2022-03-11']);
    assert.equal(r.recommendations.length, 2);
    assert.deepEqual(r.warnings, []);
  });
});
