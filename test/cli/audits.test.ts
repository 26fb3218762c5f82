/**
 * `lantern audits export`, `agreement` and `report` as an analyst runs them: a real process on a real PGlite folder
 * holding a small demo authority (20–40 audits a month, about a quarter moderated). The report's figures are checked
 * in src/features/quality/report/report.test.ts; here, that the command writes the month's report for the audience
 * asked, and refuses a badly written month with nothing written.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { lanternCli, type LanternCli } from '../support/cli';
import { zipEntry } from '../support/office';

describe('lantern audits', () => {
  let cli: LanternCli;
  let dir: string;
  const run = (args: string[]) => cli.run(args);

  before(async () => {
    cli = lanternCli('audits');
    dir = cli.dir;
    const made = await run(['demo', 'generate', '--child-population', '3000', '--years', '1', '--as-at', '2026-03-31']);
    assert.equal(made.status, 0, made.stderr);
  });
  after(() => {
    cli?.dispose();
  });

  test('export: one row per audit and domain, the moderated grade beside the auditor’s where there is one', async () => {
    const out = path.join(dir, 'audits.csv');
    const r = await run(['audits', 'export', '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    assert.deepEqual(Object.keys(rows[0] ?? {}), [
      'audit',
      'child',
      'team',
      'auditor',
      'domain',
      'auditor_grade',
      'submitted_on',
      'moderator',
      'moderation_level',
      'moderated_grade',
      'moderated_on',
      'moderator_reason',
    ]);
    const audits = new Set(rows.map((x) => x.audit));
    // Eight practice domains a demo audit: every audit has eight rows.
    assert.equal(rows.length, audits.size * 8);
    assert.match(
      r.stdout,
      new RegExp(
        `Wrote ${rows.length.toLocaleString('en-GB')} rows \\(${audits.size.toLocaleString('en-GB')} audits\\)`,
      ),
    );
    const moderated = rows.filter((x) => x.moderator !== '');
    assert.ok(moderated.length > 0 && moderated.length < rows.length);
    for (const x of rows) {
      assert.match(x.child ?? '', /^L\d+$/, 'Lantern ids, never names');
      assert.ok(
        x.moderator === ''
          ? x.moderated_grade === ''
          : x.moderated_grade !== '' && (x.moderation_level === 'double-lock' || x.moderation_level === 'triple-lock'),
      );
      assert.ok(
        x.moderator_reason === '' || x.moderated_grade !== x.auditor_grade,
        'a reason only where the grade changed',
      );
    }
    // A period: only audits submitted in March 2026.
    const march = path.join(dir, 'march.csv');
    assert.equal(
      (await run(['audits', 'export', '--out', march, '--from', '2026-03-01', '--to', '2026-03-31'])).status,
      0,
    );
    const marchRows = parse(readFileSync(march, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    assert.ok(marchRows.length > 0 && marchRows.every((x) => (x.submitted_on ?? '').startsWith('2026-03')));
  });

  test('agreement --json: the pairs are the export’s moderated rows; the exact share is their share graded the same', async () => {
    const exported = parse(readFileSync(path.join(dir, 'audits.csv'), 'utf8'), { columns: true }) as Array<
      Record<string, string>
    >;
    const moderated = exported.filter((x) => x.moderated_grade !== '');
    const same = moderated.filter((x) => x.moderated_grade === x.auditor_grade).length;
    const r = await run(['audits', 'agreement', '--json']);
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as {
      weights: string;
      overall: { pairs: number; exact: number; exactShare: number; weightedKappa: number };
      byAuditor: Array<{ auditor: string; pairs: number }>;
      byDomain: Array<{ domain: string; pairs: number }>;
    };
    assert.equal(json.weights, 'linear');
    assert.equal(json.overall.pairs, moderated.length);
    assert.equal(json.overall.exact, same);
    // The demo changes about 15% of moderated grades, one step at a time: high agreement, well short of perfect.
    assert.ok(json.overall.exactShare > 0.75 && json.overall.exactShare < 0.95, `exact ${json.overall.exactShare}`);
    assert.ok(json.overall.weightedKappa > 0.5 && json.overall.weightedKappa < 1, `κw ${json.overall.weightedKappa}`);
    assert.equal(
      json.byAuditor.reduce((a, x) => a + x.pairs, 0),
      moderated.length,
    );
    assert.equal(json.byDomain.length, 8);
    const text = await run(['audits', 'agreement']);
    assert.match(text.stdout, /All moderated grades/);
    assert.match(text.stdout, /By auditor/);
  });

  test(
    'report: the members’ DOCX for March 2026 (the title, the audience, no agreement by auditor)',
    { timeout: 120_000 },
    async () => {
      const out = path.join(dir, 'qa.docx');
      const r = await run(['audits', 'report', '--month', '2026-03', '--out', out, '--audience', 'members']);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /Wrote the March 2026 quality assurance report \(members\) for .* to .*qa\.docx/);
      const xml = await zipEntry(readFileSync(out), 'word/document.xml');
      assert.ok(xml.includes('Quality assurance report: March 2026'));
      assert.ok(xml.includes('Audience: elected members'));
      assert.ok(!xml.includes('Agreement by auditor'));
    },
  );

  test('report: a month written 2026-3 is refused, naming the format, and nothing is written', async () => {
    const out = path.join(dir, 'bad.docx');
    const r = await run(['audits', 'report', '--month', '2026-3', '--out', out]);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /Enter the month as YYYY-MM, for example 2026-03/);
    assert.equal(existsSync(out), false);
  });
});
