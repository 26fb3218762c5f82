/**
 * The equalities report: built for an authority made by hand, on both engines, written as DOCX and read back (the
 * internal and members' versions); its period; and for the demo authority, the DOCX opened by LibreOffice, rendered
 * to PNG pages and its figures compared with the equalities page (/performance/equalities?asAt=…) read as a head
 * of service.
 *
 * The authority by hand, as at 31 March 2026 (mid-2025 population, 200 children aged 0–17):
 *   population: White 100 (50 girls and 50 boys aged 12), Black 50 (boys aged 3), Asian 50 (girls aged 16):
 *   ethnicity White 50%, Mixed 0%, Asian 25%, Black 25%, Other 0%; age 10–15 50%, 1–4 25%, 16+ 25%; sex 50/50.
 *   in care (periods of care open on the day): 5 children — 3 White (girls aged 12, one boy aged 12: F, F, M),
 *   1 Black (boy aged 3), 1 whose ethnicity was not obtained (NOBT, girl aged 16); a sixth left care the day before.
 *     ethnicity, of the 4 with a recorded group: White 3/4 = 75% → (75 − 50) ÷ 50 = +50%; Black 1/4 = 25% →
 *     (25 − 25) ÷ 25 = 0%; Asian 0/4 = 0% → −100%; Mixed 0% against 0%: no difference can be worked out ("–");
 *     1 not recorded.
 *     age, all 5: 10–15 3/5 = 60% → +20%; 1–4 1/5 = 20% → −20%; 16+ 1/5 = 20% → −20%.
 *     sex, all 5: male 2/5 = 40% → −20%; female 3/5 = 60% → +20%.
 *   children in need (open, not NFA referrals): 6 others — 5 White, 1 Asian; plus an NFA referral that does not count.
 *     White 5/6 = 83.3% → (83.33 − 50) ÷ 50 = +66.7% → 67%; Asian 1/6 = 16.7% → (16.67 − 25) ÷ 25 = −33%.
 *   on a child protection plan: one of the White children in need: White 1/1 = 100% → +100%.
 * Members: 3, 1 and the total 4 in care are from 1 to 4, so "c", and so is every share and difference made from
 * them (Asian 0 of 4 too); 5 of 6 children in need stays (83.3%, 67%), the Asian 1 of 6 is "c".
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  buildAuthority,
  buildChild,
  buildCpPlan,
  buildPeriodOfCare,
  buildReferral,
} from '../../../test/support/builders';
import { describeEachEngine } from '../../../test/support/databases';
import { tableRow } from '../../../test/support/html';
import { documentText, tableRows, zipEntry } from '../../../test/support/office';
import { renderDocx, renderSkip } from '../../../test/support/report-render';
import { startDemoWorld, type DemoWorld } from '../../../test/support/report-demo';
import type { Tx } from '../../db/client';
import { childPopulation } from '../../db/schema/index';
import { COHORT_LABELS, COHORTS, DIMENSION_CATEGORIES, type Dimension } from '../indicators/equalities';
import { reportDocx } from '../../documents/docx';
import {
  DIMENSION_LABELS,
  ENGLAND_NOT_LOADED,
  EQUALITIES_HEADINGS,
  equalities,
  equalitiesDocument,
  loadEqualitiesData,
  monthEnds,
} from './kinds/equalities';
import type { ReportDocument } from '../../documents/model';

const AS_AT = '2026-03-31';

async function buildWorld(db: Tx): Promise<number> {
  const la = await buildAuthority(db, { name: 'Equal Borough' });
  await db.insert(childPopulation).values([
    { authorityId: la.id, year: 2025, age: 12, sex: 'F', ethnicGroup: 'White', count: 50 },
    { authorityId: la.id, year: 2025, age: 12, sex: 'M', ethnicGroup: 'White', count: 50 },
    { authorityId: la.id, year: 2025, age: 3, sex: 'M', ethnicGroup: 'Black', count: 50 },
    { authorityId: la.id, year: 2025, age: 16, sex: 'F', ethnicGroup: 'Asian', count: 50 },
  ]);
  const child = (ethnicity: string, sex: string, dateOfBirth: string) =>
    buildChild(db, { authorityId: la.id, ethnicity, sex, dateOfBirth });
  const inCare = [
    await child('WBRI', 'F', '2013-06-01'),
    await child('WIRI', 'F', '2013-06-01'),
    await child('WBRI', 'M', '2013-06-01'),
    await child('BAFR', 'M', '2022-06-01'),
    await child('NOBT', 'F', '2009-06-01'),
  ];
  for (const c of inCare) await buildPeriodOfCare(db, c, { startDate: '2025-01-01' });
  const left = await child('ASIN', 'F', '2012-01-01');
  await buildPeriodOfCare(db, left, { startDate: '2025-01-01', endDate: '2026-03-30' });
  const inNeed = [
    await child('WBRI', 'M', '2015-01-01'),
    await child('WBRI', 'F', '2015-01-01'),
    await child('WOTH', 'M', '2015-01-01'),
    await child('WBRI', 'F', '2011-01-01'),
    await child('WBRI', 'M', '2011-01-01'),
    await child('APKN', 'F', '2011-01-01'),
  ];
  for (const c of inNeed) await buildReferral(db, c, { referralDate: '2025-09-01' });
  const onPlan = inNeed[0];
  if (!onPlan) throw new Error('no child');
  const ref = await buildReferral(db, onPlan, { referralDate: '2025-10-01' });
  await buildCpPlan(db, onPlan, { cinEpisodeId: ref.id, startDate: '2025-11-01' });
  await buildReferral(db, left, { referralDate: '2026-03-01', referralNfa: true });
  return la.id;
}

/** The DOCX's table captioned `caption`: its rows after the caption's header row (tables in document order). */
async function docxTable(doc: ReportDocument, caption: string): Promise<string[][]> {
  const xml = await zipEntry(await reportDocx(doc), 'word/document.xml');
  const t = tableIndex(doc, caption);
  let seen = -1;
  const all = tableRows(xml);
  const out: string[][] = [];
  for (const row of all) {
    if (row[1] === 'Children' && row[2] === 'Share of children') seen++;
    else if (seen === t) out.push(row);
  }
  return out;
}

function tableIndex(doc: ReportDocument, caption: string): number {
  const captions = doc.blocks.filter((b) => b.type === 'table').map((b) => (b.type === 'table' ? b.caption : ''));
  const i = captions.indexOf(caption);
  assert.ok(i >= 0, `a table "${caption}" in ${captions.join(' | ')}`);
  return i;
}

describeEachEngine('the equalities report', (ctx) => {
  let internal: ReportDocument;
  let members: ReportDocument;

  before(async () => {
    const db = ctx.database.db;
    const authorityId = await buildWorld(db);
    const data = await loadEqualitiesData(db, authorityId, AS_AT);
    internal = equalitiesDocument(data, 'internal', '2026-04-02');
    members = equalitiesDocument(data, 'members', '2026-04-02');
  });

  test('headings: the introduction, England’s figures (not loaded, said in words), then each cohort (heading 2) with its three tables (heading 3)', async () => {
    const text = documentText(await zipEntry(await reportDocx(internal), 'word/document.xml'));
    const order = [
      EQUALITIES_HEADINGS.introduction,
      EQUALITIES_HEADINGS.england,
      EQUALITIES_HEADINGS.cohorts,
      ...COHORTS.map((c) => COHORT_LABELS[c]),
    ].map((h) => text.indexOf(`${h}\n`));
    assert.ok(
      order.every((i, n) => i >= 0 && (n === 0 || i > (order[n - 1] ?? 0))),
      `headings in order: ${order.join(', ')}`,
    );
    assert.ok(text.includes(ENGLAND_NOT_LOADED));
    assert.deepEqual(
      internal.blocks.flatMap((b) => (b.type === 'heading' ? [b.level] : [])),
      [1, 2, 1, ...COHORTS.flatMap(() => [2, 3, 3, 3])],
      'no heading level skipped: each cohort a heading 2, each dimension a heading 3',
    );
    assert.match(text, /\(share of children − share of the population\) ÷ share of the population/);
    assert.match(text, /mid-2025 estimate/);
    const tables = internal.blocks.filter((b) => b.type === 'table');
    assert.equal(tables.length, 9, '3 cohorts × 3 dimensions');
    assert.equal(internal.period, AS_AT);
  });

  test('children in care by ethnic group: White 3 of 4 = 75% against 50%: +50%; Black 1 of 4 = 25% against 25%: 0%; Asian 0% against 25%: −100%; Mixed 0% against 0%: –; 1 not recorded', async () => {
    const rows = await docxTable(internal, 'Children in care by ethnic group, 31 March 2026');
    assert.deepEqual(rows, [
      ['White', '3', '75%', '50%', '50%'],
      ['Mixed', '0', '0%', '0%', '–'],
      ['Asian', '0', '0%', '25%', '-100%'],
      ['Black', '1', '25%', '25%', '0%'],
      ['Other', '0', '0%', '0%', '–'],
      ['Total with a known group', '4', '100%', '100%', ''],
    ]);
    const text = documentText(await zipEntry(await reportDocx(internal), 'word/document.xml'));
    assert.ok(
      text.includes('Children not included in the shares, their ethnicity not recorded (refused or not obtained): 1.'),
    );
  });

  test('children in care by age (all 5 known: 10–15 60% → +20%, 1–4 20% → −20%, 16+ 20% → −20%) and by sex (male 40% → −20%, female 60% → +20%)', async () => {
    const age = await docxTable(internal, 'Children in care by age, 31 March 2026');
    assert.deepEqual(
      age.map((r) => r.slice(0, 5)),
      [
        ['Under 1', '0', '0%', '0%', '–'],
        ['1 to 4', '1', '20%', '25%', '-20%'],
        ['5 to 9', '0', '0%', '0%', '–'],
        ['10 to 15', '3', '60%', '50%', '20%'],
        ['16 and over', '1', '20%', '25%', '-20%'],
        ['Total with a known group', '5', '100%', '100%', ''],
      ],
    );
    const sex = await docxTable(internal, 'Children in care by sex, 31 March 2026');
    assert.deepEqual(sex.slice(0, 2), [
      ['Male', '2', '40%', '50%', '-20%'],
      ['Female', '3', '60%', '50%', '20%'],
    ]);
  });

  test('children in need: White 5 of 6 = 83.3% → +67%, Asian 1 of 6 = 16.7% → −33% (the NFA referral and the children in care do not count); on a plan: White 1 of 1 → +100%', async () => {
    const cin = await docxTable(internal, 'Children in need by ethnic group, 31 March 2026');
    assert.deepEqual(
      cin.find((r) => r[0] === 'White'),
      ['White', '5', '83.3%', '50%', '67%'],
    );
    assert.deepEqual(
      cin.find((r) => r[0] === 'Asian'),
      ['Asian', '1', '16.7%', '25%', '-33%'],
    );
    assert.deepEqual(cin.find((r) => r[0] === 'Total with a known group')?.slice(0, 2), [
      'Total with a known group',
      '6',
    ]);
    const cp = await docxTable(internal, 'On a child protection plan by ethnic group, 31 March 2026');
    assert.deepEqual(
      cp.find((r) => r[0] === 'White'),
      ['White', '1', '100%', '50%', '100%'],
    );
  });

  test('members: 1 to 4 and every share and difference made from them are "c"; 5 of 6 stays; no cell of any table is a count from 1 to 4', async () => {
    const cla = await docxTable(members, 'Children in care by ethnic group, 31 March 2026');
    assert.deepEqual(cla, [
      ['White', 'c', 'c', '50%', 'c'],
      ['Mixed', '0', 'c', '0%', 'c'],
      ['Asian', '0', 'c', '25%', 'c'],
      ['Black', 'c', 'c', '25%', 'c'],
      ['Other', '0', 'c', '0%', 'c'],
      ['Total with a known group', 'c', 'c', '100%', ''],
    ]);
    const cin = await docxTable(members, 'Children in need by ethnic group, 31 March 2026');
    assert.deepEqual(
      cin.find((r) => r[0] === 'White'),
      ['White', '5', '83.3%', '50%', '67%'],
    );
    assert.deepEqual(
      cin.find((r) => r[0] === 'Asian'),
      ['Asian', 'c', 'c', '25%', 'c'],
    );
    const xml = await zipEntry(await reportDocx(members), 'word/document.xml');
    const small = tableRows(xml)
      .flatMap((r) => r.slice(1, 3))
      .filter((c) => /^[1-4]$/.test(c));
    assert.deepEqual(small, []);
    assert.ok(
      documentText(xml).includes(
        'Children not included in the shares, their ethnicity not recorded (refused or not obtained): c.',
      ),
    );
  });
});

describe('the equalities report’s period', () => {
  test('the reports page offers the last day of each of the last 12 complete months: on 23 November 2026, 31 October 2026 back to 30 November 2025', async () => {
    const periods = await equalities.periods(undefined as never, 0, '2026-11-23');
    assert.equal(periods.length, 12);
    assert.deepEqual(periods[0], { value: '2026-10-31', label: 'As at 31 October 2026' });
    assert.equal(periods[1]?.value, '2026-09-30');
    assert.equal(periods[11]?.value, '2025-11-30');
    assert.deepEqual(monthEnds('2026-03-01', 2), ['2026-02-28', '2026-01-31']);
  });

  test('a period that is not a date is refused, naming --period', async () => {
    for (const bad of ['2026-03', '2026-02-30', 'latest']) {
      await assert.rejects(
        equalities.build(undefined as never, 0, { period: bad, audience: 'internal', today: '2026-04-01' }),
        (e: Error & { errors?: Array<{ field: string; message: string }> }) => {
          assert.equal(e.errors?.[0]?.field, '--period');
          assert.match(e.errors?.[0]?.message ?? '', /YYYY-MM-DD/);
          return true;
        },
      );
    }
  });
});

describe('the equalities report for the demo authority, against the equalities page', { timeout: 600_000 }, () => {
  let demo: DemoWorld;
  let doc: ReportDocument;
  let html: string;

  before(async () => {
    demo = await startDemoWorld({ asAt: AS_AT, childPopulation: 4000, years: 3 });
    const head = await demo.client('head-of-service');
    const page = await head.get(`/performance/equalities?asAt=${AS_AT}`);
    assert.equal(page.status, 200);
    html = page.text;
    doc = await equalities.build(demo.world.database.db, demo.demo.authorityId, {
      period: AS_AT,
      audience: 'internal',
      today: '2026-04-02',
    });
  });
  after(async () => {
    await demo?.close();
  });

  test('every count, share, population share and difference in the report is the page’s (each cohort, dimension and group)', async () => {
    const web = (d: Dimension, category: string) =>
      tableRow(html, DIMENSION_LABELS[d].caption, category, { caption: 'exact' });
    const diff = (w: string) => (w === '–' ? '–' : w === 'no difference' ? '0%' : w.replace(/^(higher|lower) /, ''));
    let compared = 0;
    for (const [ci, cohort] of COHORTS.entries()) {
      for (const d of Object.keys(DIMENSION_CATEGORIES) as Dimension[]) {
        const rows = await docxTable(
          doc,
          `${COHORT_LABELS[cohort]} ${DIMENSION_LABELS[d].caption.toLowerCase()}, 31 March 2026`,
        );
        for (const category of DIMENSION_CATEGORIES[d]) {
          const w = web(d, category);
          const r = rows.find((x) => x[0] === category);
          assert.ok(r, `${cohort} ${category}`);
          const [count, share, difference] = w.slice(2 + 3 * ci, 5 + 3 * ci);
          assert.equal(r[1], count, `${cohort} ${d} ${category}: count`);
          assert.equal(r[2], share === '–' ? '–' : `${share}%`, `${cohort} ${d} ${category}: share`);
          assert.equal(r[3], w[1] === '–' ? '–' : `${w[1]}%`, `${cohort} ${d} ${category}: population share`);
          assert.equal(r[4], diff(difference ?? ''), `${cohort} ${d} ${category}: difference`);
          compared++;
        }
      }
    }
    assert.equal(compared, 3 * (5 + 5 + 2));
    const inCare = tableRow(html, 'By sex', 'Total with a known group', { caption: 'exact' });
    assert.ok(
      Number((inCare[8] ?? '0').replace(/,/g, '')) >= 5,
      `the demo has children in care (${inCare.join(' | ')})`,
    );
  });

  test(
    'LibreOffice opens the DOCX; every page renders with something on it; the headings, captions and the children-in-care figures are on the pages',
    { skip: renderSkip('equalities report'), timeout: 300_000 },
    async () => {
      const rendered = await renderDocx(await reportDocx(doc), 'equalities');
      assert.ok(rendered.pages.length >= 2, `${rendered.pages.length} pages`);
      for (const [i, bytes] of rendered.pngBytes.entries())
        assert.ok(bytes > 1500, `page ${i + 1} is not blank (${bytes} bytes)`);
      for (const h of [
        'Equalities report',
        EQUALITIES_HEADINGS.introduction,
        ...COHORTS.map((c) => COHORT_LABELS[c]),
        'Children in care by ethnic group, 31 March 2026',
      ]) {
        assert.ok(rendered.text.includes(h), `"${h}" is on a page`);
      }
      const white = tableRow(html, 'By ethnic group', 'White', { caption: 'exact' });
      assert.ok(
        rendered.text.includes(`White ${white[8]} ${white[9]}% ${white[1]}%`),
        `the page's children in care, White (${white.join(' | ')}), in the rendered report`,
      );
    },
  );
});
