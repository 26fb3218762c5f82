/**
 * The self-evaluation report for the demo authority (4,000 children, 2 years, as at 31 March 2026: the 2025 year, so
 * its evidence month is March 2026), against the web pages it comes from: every children-in-care indicator's value
 * for March 2026 and March 2025 is the one /performance/children-in-care shows for those months; every area has the
 * demo's text (src/synth/self-evaluation.ts); and the DOCX opened by LibreOffice and rendered to PNG pages carries the
 * eight area headings and the web page's value of one indicator.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { documentText, tableRows, zipEntry } from '../../../test/support/office';
import { tableRow } from '../../../test/support/html';
import { startDemoWorld, type DemoWorld } from '../../../test/support/report-demo';
import { renderDocx, renderSkip } from '../../../test/support/report-render';
import { indicatorById } from '../indicators/registry';
import { reportDocx } from '../../documents/docx';
import { selfEvaluation, SELF_EVALUATION_HEADINGS } from './kinds/self-evaluation';
import type { ReportDocument } from '../../documents/model';
import { SELF_EVALUATION_AREAS } from './self-evaluation/areas';

const AS_AT = '2026-03-31';
const TODAY = '2026-04-02';

describe(
  'the self-evaluation report for the demo authority, against the performance pages',
  { timeout: 600_000 },
  () => {
    let demo: DemoWorld;
    let doc: ReportDocument;
    let docx: Buffer;
    let html: string;
    let rows: string[][];

    before(async () => {
      demo = await startDemoWorld({ asAt: AS_AT, childPopulation: 4000, years: 2 });
      const head = await demo.client('head-of-service');
      const page = await head.get(`/performance/children-in-care?period=month&asAt=${AS_AT}`);
      assert.equal(page.status, 200);
      html = page.text;
      doc = await selfEvaluation.build(demo.world.database.db, demo.demo.authorityId, {
        period: '2025',
        audience: 'internal',
        today: TODAY,
      });
      docx = await reportDocx(doc);
      rows = tableRows(await zipEntry(docx, 'word/document.xml'));
    });
    after(async () => {
      await demo?.close();
    });

    /** The area page's value for an indicator and month, from its trend data table. */
    const webValue = (id: string, month: string) =>
      tableRow(html, `${indicatorById(id)?.title}: values by period`, month, { caption: 'exact' })[1];

    test('every children-in-care indicator: March 2026 and March 2025 are the area page’s values for those months', () => {
      const area = SELF_EVALUATION_AREAS.find((a) => a.key === 'children-in-care');
      assert.ok(area && area.indicators.length > 0);
      let withValue = 0;
      for (const id of area.indicators) {
        const title = indicatorById(id)?.title ?? id;
        const r = rows.find((x) => x[0] === title);
        assert.ok(r, title);
        assert.equal(r[1], webValue(id, 'March 2026'), `${title}, March 2026`);
        assert.equal(r[2], webValue(id, 'March 2025'), `${title}, March 2025`);
        if (r[1] !== 'No data') withValue++;
      }
      assert.ok(
        withValue >= area.indicators.length - 2,
        `the demo has values (${withValue} of ${area.indicators.length})`,
      );
    });

    test('the demo’s text for 2025 is there for every area (nothing "Not yet written")', async () => {
      const text = documentText(await zipEntry(docx, 'word/document.xml'));
      assert.ok(!text.includes('Not yet written'));
      assert.match(text, /Every service area has written its self-evaluation for the year\./);
    });

    test(
      'LibreOffice opens the DOCX; every page renders with something on it; the eight area headings and the page’s value of one indicator are on the pages',
      { skip: renderSkip('self-evaluation report'), timeout: 300_000 },
      async () => {
        const rendered = await renderDocx(docx, 'self-evaluation');
        assert.ok(rendered.pages.length >= 8, `${rendered.pages.length} pages`);
        for (const [i, bytes] of rendered.pngBytes.entries())
          assert.ok(bytes > 1500, `page ${i + 1} is not blank (${bytes} bytes)`);
        for (const h of [
          'Self-evaluation 2025 to 2026',
          ...SELF_EVALUATION_AREAS.map((a) => a.label),
          SELF_EVALUATION_HEADINGS.ofsted,
        ]) {
          assert.ok(rendered.text.includes(h), `"${h}" is on a page`);
        }
        const title = indicatorById('cla-visits-in-timescale')?.title ?? '';
        const value = webValue('cla-visits-in-timescale', 'March 2026');
        assert.match(value ?? '', /%$/);
        assert.ok(
          rendered.text.includes(`${title} ${value}`),
          `"${title} ${value}" (the web page's March 2026 value) is on a page`,
        );
      },
    );
  },
);
