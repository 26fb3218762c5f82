/**
 * Reports in the background (queue.ts, runner.ts), on both engines, with the committee report on an inspection for
 * an authority with one ILACS inspection (3 March 2025, one recommendation):
 * - queueReport writes a queued row (steps 0 of 3) and nothing else; the runner takes it and the row ends done, with
 *   the file, its size and sha256 (the writer runs in a worker thread: the DOCX read back names the report);
 * - oldest first, and each step recorded on the row while it runs (the writer sees "Writing the PDF", step 1 done);
 * - a build refused (the inspection gone) ends failed with the kind's own message; any other error ends failed with
 *   the general message and the log gets neither the message nor anything from it;
 * - bad requests (unknown kind, a period the kind does not offer, a bad format, a member asking for internal) are
 *   ValidationErrors naming the field, and nothing is queued;
 * - rows a previous server left queued or running are marked failed at start; the command line's and finished ones
 *   are left alone.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { buildAuthority } from '../../../test/support/builders';
import { describeEachEngine } from '../../../test/support/databases';
import { buildInspectionWith } from '../../../test/support/improvement';
import { documentText, zipEntry } from '../../../test/support/office';
import type { Tx } from '../../db/client';
import { generatedReports } from '../../db/schema/index';
import { ValidationError } from '../../core/errors';
import { createLogger } from '../../core/logger';
import { queueReport } from './queue';
import { FAILED, INTERRUPTED, recoverInterruptedReports, reportRunner, type Writer } from './runner';
import { writeReport } from './service';

const officer = { name: 'Olive Officer', mayInternal: true };
const member = { name: 'Morgan Member', mayInternal: false };
const silent = createLogger('silent');

async function row(db: Tx, id: number) {
  const [found] = await db.select().from(generatedReports).where(eq(generatedReports.id, id));
  assert.ok(found, `report ${id}`);
  return found;
}

const rowCount = async (db: Tx) => (await db.select({ id: generatedReports.id }).from(generatedReports)).length;

describeEachEngine('reports in the background', (ctx) => {
  let authorityId: number;
  let inspectionId: string;

  before(async () => {
    const db = ctx.database.db;
    authorityId = (await buildAuthority(db, { name: 'Queue Borough' })).id;
    inspectionId = String(
      (
        await buildInspectionWith(db, {
          authorityId,
          kind: 'ilacs-standard',
          startDate: '2025-03-03',
          recommendations: ['Improve the timeliness of health assessments.'],
        })
      ).id,
    );
  });

  test('queued (0 of 3 steps), then the runner writes it in a worker thread: done, with the file, its size and sha256', async () => {
    const db = ctx.database.db;
    const id = await queueReport(
      db,
      authorityId,
      { kind: 'inspection-committee', period: inspectionId, audience: 'internal', format: 'docx' },
      officer,
    );
    const queued = await row(db, id);
    assert.deepEqual(
      [
        queued.status,
        queued.stepsDone,
        queued.stepsTotal,
        queued.startedAt,
        queued.content,
        queued.generatedBy,
        queued.period,
        queued.audience,
        queued.format,
      ],
      ['queued', 0, 3, null, null, 'Olive Officer', inspectionId, 'internal', 'docx'],
    );
    const runner = reportRunner(db, silent);
    runner.kick();
    await runner.idle();
    const done = await row(db, id);
    assert.equal(done.status, 'done', done.error ?? '');
    assert.equal(done.stepsDone, 3);
    assert.equal(done.progress, null);
    assert.ok(done.startedAt && done.generatedAt && done.startedAt <= done.generatedAt);
    assert.ok(done.content);
    const bytes = Buffer.from(done.content);
    assert.equal(done.bytes, bytes.length);
    assert.equal(done.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.match(
      documentText(await zipEntry(bytes, 'word/document.xml')),
      /Ofsted inspection of children’s services: report to committee/,
    );
  });

  test('oldest first, one at a time, each step on the row: the writer sees step 1 done and "Writing the PDF"', async () => {
    const db = ctx.database.db;
    const first = await queueReport(
      db,
      authorityId,
      { kind: 'inspection-committee', period: inspectionId, audience: 'members', format: 'pdf' },
      member,
    );
    const second = await queueReport(
      db,
      authorityId,
      { kind: 'inspection-committee', period: inspectionId, audience: 'internal', format: 'docx' },
      officer,
    );
    const seen: Array<{
      id: number;
      status: string;
      stepsDone: number;
      progress: string | null;
      secondStatus: string;
    }> = [];
    const write: Writer = async (document, format) => {
      const running = (await db.select().from(generatedReports).where(eq(generatedReports.status, 'running')))[0];
      assert.ok(running);
      seen.push({
        id: Number(running.id),
        status: running.status,
        stepsDone: running.stepsDone,
        progress: running.progress,
        secondStatus: (await row(db, second)).status,
      });
      return writeReport(document, format);
    };
    const runner = reportRunner(db, silent, write);
    runner.kick();
    runner.kick(); // a second kick while it runs changes nothing
    await runner.idle();
    assert.deepEqual(seen, [
      { id: first, status: 'running', stepsDone: 1, progress: 'Writing the PDF', secondStatus: 'queued' },
      { id: second, status: 'running', stepsDone: 1, progress: 'Writing the DOCX', secondStatus: 'running' },
    ]);
    assert.equal((await row(db, first)).status, 'done');
    assert.equal((await row(db, second)).status, 'done');
  });

  test('a build refused ends failed with the kind’s message; any other error with the general message, never logged', async () => {
    const db = ctx.database.db;
    const gone = await queueReport(
      db,
      authorityId,
      { kind: 'inspection-committee', period: inspectionId, audience: 'internal', format: 'pdf' },
      officer,
    );
    // As if the inspection were deleted after the report was asked for.
    await db.update(generatedReports).set({ period: '999999' }).where(eq(generatedReports.id, gone));
    const broken = await queueReport(
      db,
      authorityId,
      { kind: 'inspection-committee', period: inspectionId, audience: 'internal', format: 'docx' },
      officer,
    );
    const lines: string[] = [];
    const logger = pino(
      { level: 'error' },
      new Writable({
        write: (chunk: Buffer, _enc, done) => {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    const runner = reportRunner(db, logger, async () => {
      throw new Error('Avery Alpha born 2015-05-05');
    });
    runner.kick();
    await runner.idle();
    const a = await row(db, gone);
    assert.deepEqual(
      [a.status, a.error, a.content],
      ['failed', 'There is no inspection 999999 for this authority', null],
    );
    const b = await row(db, broken);
    assert.deepEqual([b.status, b.error, b.progress], ['failed', FAILED, null]);
    assert.equal(lines.length, 1, 'one line for the unexpected error, none for the refusal');
    assert.match(lines[0] ?? '', /"reportId":\d+/);
    assert.doesNotMatch(lines.join(''), /Avery|2015-05-05/);
  });

  test('bad requests name the field and queue nothing', async () => {
    const db = ctx.database.db;
    const before = await rowCount(db);
    const cases: Array<[Parameters<typeof queueReport>[2], typeof officer, string, RegExp]> = [
      [
        { kind: 'performance-pak', period: inspectionId, audience: 'members', format: 'pdf' },
        officer,
        'kind',
        /There is no report "performance-pak"/,
      ],
      [
        { kind: 'inspection-committee', period: '999999', audience: 'members', format: 'pdf' },
        officer,
        'period',
        /Choose a period from the list/,
      ],
      [
        { kind: 'inspection-committee', period: 'latest', audience: 'members', format: 'pdf' },
        officer,
        'period',
        /Choose a period from the list/,
      ],
      [
        { kind: 'inspection-committee', period: inspectionId, audience: 'public', format: 'pdf' },
        officer,
        'audience',
        /internal or members, not "public"/,
      ],
      [
        { kind: 'inspection-committee', period: inspectionId, audience: 'members', format: 'odt' },
        officer,
        'format',
        /docx or pdf, not "odt"/,
      ],
      [
        { kind: 'inspection-committee', period: inspectionId, audience: 'internal', format: 'pdf' },
        member,
        'audience',
        /members and the public only/,
      ],
    ];
    for (const [request, who, field, message] of cases) {
      await assert.rejects(queueReport(db, authorityId, request, who), (err: unknown) => {
        assert.ok(err instanceof ValidationError);
        assert.equal(err.errors[0]?.field, field, JSON.stringify(request));
        assert.match(err.errors[0]?.message ?? '', message);
        return true;
      });
    }
    // An inspection of another authority is not one this authority's report can be for.
    const other = (await buildAuthority(db)).id;
    await assert.rejects(
      queueReport(
        db,
        other,
        { kind: 'inspection-committee', period: inspectionId, audience: 'members', format: 'pdf' },
        officer,
      ),
      ValidationError,
    );
    assert.equal(await rowCount(db), before);
  });

  test('at start, rows left queued or running by the last server are failed; the command line’s and finished ones are not', async () => {
    const db = ctx.database.db;
    const base = {
      authorityId,
      kind: 'inspection-committee',
      period: inspectionId,
      audience: 'members' as const,
      format: 'pdf' as const,
      stepsTotal: 3,
    };
    const made = await db
      .insert(generatedReports)
      .values([
        { ...base, status: 'queued', generatedBy: 'Olive Officer' },
        {
          ...base,
          status: 'running',
          generatedBy: 'Olive Officer',
          stepsDone: 1,
          progress: 'Writing the PDF',
          startedAt: new Date(),
        },
        {
          ...base,
          status: 'running',
          generatedBy: 'cli:olive',
          stepsDone: 1,
          progress: 'Writing the PDF',
          startedAt: new Date(),
        },
        { ...base, status: 'done', generatedBy: 'Olive Officer', stepsDone: 3 },
      ])
      .returning({ id: generatedReports.id });
    // 2 of the 4: the web's queued and running rows.
    assert.equal(await recoverInterruptedReports(db), 2);
    const after = await Promise.all(made.map(async (m) => row(db, Number(m.id))));
    assert.deepEqual(
      after.map((r) => [r.status, r.error]),
      [
        ['failed', INTERRUPTED],
        ['failed', INTERRUPTED],
        ['running', null],
        ['done', null],
      ],
    );
  });
});
