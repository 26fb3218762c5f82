/**
 * `lantern report` as an analyst runs it: a real process on a PGlite folder holding a small demo authority (whose
 * inspection history has graded inspections). The committee report's content is checked in committee.test.ts; here,
 * that the command writes the file in the format its extension names, prints its size, sha256 and log entry, and
 * refuses an unknown kind, audience, extension or inspection with a clear message, exit status 1, no file and no
 * log entry (the next report's log id follows on from the last good one).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { lanternCli, type LanternCli } from '../../../test/support/cli';
import { documentText, zipEntry } from '../../../test/support/office';
import { markedContent } from '../../documents/pdf-structure';

describe('lantern report', { timeout: 600_000 }, () => {
  let cli: LanternCli;
  const run = (args: string[]) => cli.run(args);
  const logId = (stdout: string) => Number(/log entry (\d+)/.exec(stdout)?.[1]);

  before(async () => {
    cli = lanternCli('report');
    const made = await run(['demo', 'generate', '--child-population', '1000', '--years', '1', '--as-at', '2026-03-31']);
    assert.equal(made.status, 0, made.stderr);
  });
  after(() => {
    cli?.dispose();
  });

  test('list: the kinds and what their period takes', async () => {
    const r = await run(['report', 'list']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(
      r.stdout,
      /^inspection-committee\tCommittee report on an inspection\. Period: an inspection’s id, or latest/m,
    );
  });

  let first = 0;
  test('inspection-committee --period latest --audience members --out FILE.pdf: a tagged PDF, its sha256 and log entry printed', async () => {
    const out = path.join(cli.dir, 'committee.pdf');
    const r = await run([
      'report',
      'inspection-committee',
      '--period',
      'latest',
      '--audience',
      'members',
      '--out',
      out,
    ]);
    assert.equal(r.status, 0, r.stderr);
    const bytes = readFileSync(out);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(
      r.stdout,
      /^Wrote committee report on an inspection \(.+; members\) for .+ to .*committee\.pdf: [\d,]+ bytes, sha256 [0-9a-f]{64}, log entry \d+\n$/,
    );
    assert.ok(r.stdout.includes(`sha256 ${createHash('sha256').update(bytes).digest('hex')}`));
    assert.ok(r.stdout.includes(`${bytes.length.toLocaleString('en-GB')} bytes`));
    first = logId(r.stdout);
    const marked = await markedContent(bytes);
    assert.ok(marked.some((m) => m.tag === 'H2' && m.text === '4. Judgements'));
    assert.deepEqual(
      marked.filter((m) => m.tag === 'TD' && /^[1-4]%?$/.test(m.text)).map((m) => m.text),
      [],
      'no count from 1 to 4 for members',
    );
  });

  test('--out FILE.docx: a Word document (internal by default)', async () => {
    const out = path.join(cli.dir, 'committee.docx');
    const r = await run(['report', 'inspection-committee', '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /; internal\)/);
    assert.equal(logId(r.stdout), first + 1);
    const text = documentText(await zipEntry(readFileSync(out), 'word/document.xml'));
    assert.match(text, /Ofsted inspection of children’s services: report to committee/);
    assert.match(text, /6\. The inspectors’ recommendations/);
  });

  test('refusals: unknown kind, audience, extension or inspection — a clear message, exit 1, no file, no log entry', async () => {
    const cases: Array<[string[], RegExp]> = [
      [
        ['report', 'performance-pak', '--out', 'x.pdf'],
        /Error: kind: There is no report "performance-pak": choose one of performance-pack, self-evaluation, inspection-committee, equalities, qa, improvement-plan/,
      ],
      [
        ['report', 'inspection-committee', '--audience', 'public', '--out', 'x.pdf'],
        /Error: --audience: Use internal or members, not "public"/,
      ],
      [
        ['report', 'inspection-committee', '--out', 'x.odt'],
        /Error: --out: The file must end \.docx or \.pdf \(the format is taken from it\), not "x\.odt"/,
      ],
      [['report', 'inspection-committee'], /Error: --out: Say where to write the report/],
      [
        ['report', 'inspection-committee', '--period', '999999', '--out', 'x.pdf'],
        /Error: --period: There is no inspection 999999 for this authority/,
      ],
      [
        ['report', 'inspection-committee', '--period', 'last', '--out', 'x.pdf'],
        /Error: --period: Give an inspection’s id \(a number\) or latest, not "last"/,
      ],
    ];
    for (const [args, message] of cases) {
      const out = args[args.indexOf('--out') + 1];
      const file = args.includes('--out') && out ? path.join(cli.dir, out) : null;
      const r = await run(file ? args.map((a) => (a === out ? file : a)) : args);
      assert.equal(r.status, 1, `${args.join(' ')}: ${r.stdout}`);
      assert.match(r.stderr, message);
      if (file) assert.ok(!existsSync(file), `${file} not written`);
    }
    const again = await run(['report', 'inspection-committee', '--out', path.join(cli.dir, 'again.pdf')]);
    assert.equal(again.status, 0, again.stderr);
    assert.equal(logId(again.stdout), first + 2, 'the refusals wrote no log entry');
  });
});
