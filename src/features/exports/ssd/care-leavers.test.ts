/**
 * A young person whose care leaver eligibility changed, exported as an SSD extract and imported back into the same
 * authority, comes back unchanged (issue 15). ssd_care_leavers has no start or end for a status: the writer tags
 * each contact and review with the eligibility of the status it falls in (none when it falls in none), and the
 * reader matches each status to the held one of the same eligibility that began on or before its first dated row.
 *
 * Worked by hand. Y1 was looked after from 1 June 2023 to 10 January 2024 and is then a relevant child (from
 * 10 January 2024, personal adviser PA One) and, from their 18th birthday on 15 July 2024, a former relevant young
 * person (personal adviser PA Two); as the demo generator records them, the first status ends on the day the next
 * begins. Contacts on 5 January 2024 (still in care: in no status, so untagged) and 1 February 2024 (relevant), a
 * pathway plan review on 1 March 2024 (relevant); nothing dated yet as a former relevant young person.
 * The extract then carries: a relevant status (PA One) whose first dated row is 1 February 2024, and a former
 * relevant status (PA Two) with no dated row. The first is the held relevant status (began 10 January, on or
 * before 1 February); the second the held former relevant one (the only one of its eligibility). Before this fix
 * the former relevant status, with no dated row, took the end of care (10 January) as its start, which is the
 * relevant status's start exactly: it was taken as that status, its eligibility and adviser disputed (and the
 * contact of 5 January was tagged relevant, as if the status had begun before care ended).
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, it } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import * as schema from '../../../db/schema/index';
import {
  buildAuthority,
  buildCareLeaver,
  buildCareLeaverContact,
  buildChild,
  buildPathwayPlanReview,
  buildPeriodOfCare,
  buildWorker,
} from '../../../../test/support/builders';
import { describeEachEngine } from '../../../../test/support/databases';
import { parseEffect } from '../../ingest/effect';
import { ssdFormat } from '../../ingest/formats/ssd/index';
import { importFiles } from '../../ingest/service';
import { exportSsd } from './index';

describeEachEngine('SSD extract round trip of a care leaver whose eligibility changed', (ctx) => {
  let authorityId = 0;

  async function statuses() {
    return ctx.database.db
      .select({
        id: schema.careLeavers.id,
        eligibility: schema.careLeavers.eligibility,
        startDate: schema.careLeavers.startDate,
        endDate: schema.careLeavers.endDate,
        personalAdviserId: schema.careLeavers.personalAdviserId,
      })
      .from(schema.careLeavers)
      .where(eq(schema.careLeavers.authorityId, authorityId))
      .orderBy(asc(schema.careLeavers.id));
  }

  before(async () => {
    const db = ctx.database.db;
    authorityId = (await buildAuthority(db, { laNumber: '302' })).id;
    const one = await buildWorker(db, { authorityId, name: 'PA One', role: 'personal-adviser' });
    const two = await buildWorker(db, { authorityId, name: 'PA Two', role: 'personal-adviser' });
    const child = await buildChild(db, { authorityId, laChildId: 'Y1', dateOfBirth: '2006-07-15', sex: 'M' });
    await buildPeriodOfCare(db, child, {
      startDate: '2023-06-01',
      endDate: '2024-01-10',
      reasonCeased: 'E8',
      categoryOfNeed: 'N1',
    });
    await buildCareLeaver(db, child, {
      eligibility: 'relevant',
      startDate: '2024-01-10',
      endDate: '2024-07-15',
      personalAdviserId: one.id,
    });
    await buildCareLeaver(db, child, {
      eligibility: 'former-relevant',
      startDate: '2024-07-15',
      endDate: null,
      personalAdviserId: two.id,
    });
    for (const contactDate of ['2024-01-05', '2024-02-01'])
      await buildCareLeaverContact(db, child, {
        contactDate,
        inTouch: 'YES',
        accommodation: 'D',
        accommodationSuitable: true,
        activity: 'F2',
      });
    await buildPathwayPlanReview(db, child, { reviewDate: '2024-03-01' });
  });

  it('imports back into the same authority changing nothing: both statuses matched, nothing added or disputed', async () => {
    const held = await statuses();
    assert.equal(held.length, 2);
    const dir = mkdtempSync(path.join(tmpdir(), 'lantern-ssd-leaver-'));
    await exportSsd(ctx.database.db, authorityId, dir);
    const summary = await importFiles(ctx.database, {
      paths: [dir],
      authorityId,
      actor: { userId: null, username: 'test' },
      formats: [ssdFormat],
    });
    const batch = summary.batches[0];
    assert.equal(batch?.status, 'accepted', JSON.stringify(batch?.issues.filter((i) => i.severity === 'error')));
    assert.deepEqual(
      batch.issues.filter((i) => i.rule === 'LNT-DISAGREE').map((i) => `${i.column ?? ''}: ${i.message}`),
      [],
    );
    const [row] = await ctx.database.db
      .select({ effect: schema.importBatches.effect })
      .from(schema.importBatches)
      .where(eq(schema.importBatches.id, batch.id));
    const effect = parseEffect(row?.effect ?? null);
    // The 2 statuses, 2 contacts and 1 review are each the held event, with no value changed.
    assert.deepEqual(
      [effect?.tables.careLeavers, effect?.tables.careLeaverContacts, effect?.tables.pathwayPlanReviews],
      [
        { added: 0, merged: 0, unchanged: 2, removed: 0 },
        { added: 0, merged: 0, unchanged: 2, removed: 0 },
        { added: 0, merged: 0, unchanged: 1, removed: 0 },
      ],
    );
    assert.deepEqual(await statuses(), held);
  });
});
