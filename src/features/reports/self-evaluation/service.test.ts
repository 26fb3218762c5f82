/**
 * The self-evaluation's text on both engines: a save is a new version and the latest wins; every version is kept
 * with its author; "start from last year" copies only into areas with no text yet; bad input (nothing written, too
 * long, an unknown area, a year out of range) is refused with nothing saved; every write is in the access log.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { ZodError } from 'zod';
import { buildAuthority } from '../../../../test/support/builders';
import { describeEachEngine } from '../../../../test/support/databases';
import type { Tx } from '../../../db/client';
import { rows } from '../../../db/query';
import { accessLog } from '../../../db/schema/index';
import { NotFoundError } from '../../../core/errors';
import { createAuditor, type Auditor } from '../../../accounts/access-log/auditor';
import { accessLogRepository } from '../../../accounts/access-log/repository';
import { SELF_EVALUATION_AREAS, selfEvaluationYear, yearEnd, yearLabel } from './areas';
import {
  currentSelfEvaluation,
  saveSelfEvaluation,
  selfEvaluationForm,
  selfEvaluationHistory,
  startFromLastYear,
  yearsWithText,
} from './service';

const text = (summary: string, more: Partial<Record<'strengths' | 'areasForImprovement' | 'focus', string>> = {}) =>
  selfEvaluationForm.parse({
    summary,
    strengths: more.strengths ?? '',
    areasForImprovement: more.areasForImprovement ?? '',
    focus: more.focus ?? '',
  });

async function entryCount(db: Tx, authorityId: number): Promise<number> {
  const [r] = await rows<{ n: number | string }>(
    db,
    sql`select count(*) as n from self_evaluation_entries where authority_id = ${authorityId}`,
  );
  return Number(r?.n ?? 0);
}

test('the eight areas, in the seed’s order; financial years', () => {
  assert.deepEqual(
    SELF_EVALUATION_AREAS.map((a) => a.label),
    [
      'Early help',
      'Front door',
      'Assessment',
      'Intervention and planning',
      'Children in care',
      'Fostering and adoption',
      'Care leavers',
      'Disabled children',
    ],
  );
  assert.equal(
    SELF_EVALUATION_AREAS.find((a) => a.key === 'disabled-children')?.indicators.length,
    0,
    'no indicator for disabled children: said, not invented',
  );
  assert.match(
    SELF_EVALUATION_AREAS.find((a) => a.key === 'disabled-children')?.gap ?? '',
    /Lantern holds no indicator for disabled children/,
  );
  assert.equal(selfEvaluationYear('2026-04-01'), 2026);
  assert.equal(selfEvaluationYear('2027-03-31'), 2026);
  assert.equal(yearEnd(2026), '2027-03-31');
  assert.equal(yearLabel(2026), '2026 to 2027');
});

test('the form: trimmed; at least one section; 8,000 characters at most (8,000 allowed, 8,001 refused)', () => {
  assert.equal(text('  Our summary.  ').summary, 'Our summary.');
  assert.equal(
    selfEvaluationForm.safeParse({ summary: ' ', strengths: '', areasForImprovement: '\n', focus: '' }).success,
    false,
  );
  assert.equal(selfEvaluationForm.safeParse({ focus: 'x'.repeat(8000) }).success, true);
  const long = selfEvaluationForm.safeParse({ focus: 'x'.repeat(8001) });
  assert.equal(long.success, false);
  assert.equal(long.error?.issues[0]?.path[0], 'focus');
});

describeEachEngine('self-evaluation text', (ctx) => {
  let authorityId = 0;
  let otherId = 0;
  let audit: () => Auditor;
  const head = { userId: null, name: 'Head One' };
  const director = { userId: null, name: 'Director Two' };

  before(async () => {
    const db = ctx.database.db;
    authorityId = (await buildAuthority(db)).id;
    otherId = (await buildAuthority(db)).id;
    const repo = accessLogRepository();
    audit = () => createAuditor(repo, { userId: null, username: 'head', authorityId }, 'self-evaluation.save', null);
  });

  test('a save is a new version: the latest wins, the earlier is kept with its author, another authority sees neither', async () => {
    const db = ctx.database.db;
    await saveSelfEvaluation(db, authorityId, 2026, 'front-door', text('First draft.'), head, audit());
    await saveSelfEvaluation(
      db,
      authorityId,
      2026,
      'front-door',
      text('Second draft.', { focus: 'Thresholds.' }),
      director,
      audit(),
    );
    const current = await currentSelfEvaluation(db, authorityId, 2026);
    assert.equal(current.get('front-door')?.summary, 'Second draft.');
    assert.equal(current.get('front-door')?.focus, 'Thresholds.');
    assert.equal(current.get('front-door')?.authorName, 'Director Two');
    assert.equal(current.size, 1);
    const history = await selfEvaluationHistory(db, authorityId, 2026, 'front-door');
    assert.deepEqual(
      history.map((h) => [h.summary, h.authorName]),
      [
        ['Second draft.', 'Director Two'],
        ['First draft.', 'Head One'],
      ],
    );
    assert.equal((await currentSelfEvaluation(db, otherId, 2026)).size, 0);
    const logged = await db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.authorityId, authorityId), eq(accessLog.action, 'self-evaluation.save')));
    assert.equal(logged.filter((l) => l.recordId === '2026/front-door').length, 2, 'both saves in the access log');
  });

  test('bad input is refused and nothing is saved: nothing written, too long, unknown area, year 1999 or 2101', async () => {
    const db = ctx.database.db;
    const before = await entryCount(db, authorityId);
    await assert.rejects(
      saveSelfEvaluation(
        db,
        authorityId,
        2026,
        'assessment',
        { summary: '', strengths: '', areasForImprovement: '', focus: '' },
        head,
        audit(),
      ),
      ZodError,
    );
    await assert.rejects(
      saveSelfEvaluation(
        db,
        authorityId,
        2026,
        'assessment',
        { summary: 'x'.repeat(8001), strengths: '', areasForImprovement: '', focus: '' },
        head,
        audit(),
      ),
      ZodError,
    );
    await assert.rejects(saveSelfEvaluation(db, authorityId, 2026, 'mash', text('x'), head, audit()), NotFoundError);
    await assert.rejects(
      saveSelfEvaluation(db, authorityId, 1999, 'assessment', text('x'), head, audit()),
      NotFoundError,
    );
    await assert.rejects(
      saveSelfEvaluation(db, authorityId, 2101, 'assessment', text('x'), head, audit()),
      NotFoundError,
    );
    assert.equal(await entryCount(db, authorityId), before);
  });

  test('start from last year: only the areas with no text this year are filled, from last year’s latest version; a second go copies nothing', async () => {
    const db = ctx.database.db;
    // 2030: early help (two versions: the later counts) and care leavers. 2031: care leavers already written.
    await saveSelfEvaluation(db, authorityId, 2030, 'early-help', text('EH old.'), head, audit());
    await saveSelfEvaluation(
      db,
      authorityId,
      2030,
      'early-help',
      text('EH 2030.', { strengths: '- Hubs.' }),
      head,
      audit(),
    );
    await saveSelfEvaluation(db, authorityId, 2030, 'care-leavers', text('CL 2030.'), head, audit());
    await saveSelfEvaluation(db, authorityId, 2031, 'care-leavers', text('CL 2031.'), head, audit());
    const copyAudit = createAuditor(
      accessLogRepository(),
      { userId: null, username: 'director', authorityId },
      'self-evaluation.copy',
      null,
    );
    const copied = await startFromLastYear(db, authorityId, 2031, director, copyAudit);
    assert.deepEqual(copied, ['early-help']);
    assert.equal(copyAudit.recorded, true);
    const current = await currentSelfEvaluation(db, authorityId, 2031);
    assert.deepEqual([...current.keys()].sort(), ['care-leavers', 'early-help']);
    assert.equal(current.get('early-help')?.summary, 'EH 2030.');
    assert.equal(current.get('early-help')?.strengths, '- Hubs.');
    assert.equal(
      current.get('early-help')?.authorName,
      'Director Two',
      'the copy is a new version by the person who copied',
    );
    assert.equal(current.get('care-leavers')?.summary, 'CL 2031.', 'this year’s text is left as it was');
    assert.equal(
      (await currentSelfEvaluation(db, authorityId, 2030)).get('early-help')?.summary,
      'EH 2030.',
      'last year unchanged',
    );
    const n = await entryCount(db, authorityId);
    assert.deepEqual(
      await startFromLastYear(
        db,
        authorityId,
        2031,
        director,
        createAuditor(
          accessLogRepository(),
          { userId: null, username: 'director', authorityId },
          'self-evaluation.copy',
          null,
        ),
      ),
      [],
    );
    assert.equal(await entryCount(db, authorityId), n);
    assert.deepEqual(
      await startFromLastYear(db, authorityId, 2040, director, copyAudit),
      [],
      'no text in 2039: nothing to copy',
    );
    assert.deepEqual(await yearsWithText(db, authorityId), [2031, 2030, 2026]);
  });
});
