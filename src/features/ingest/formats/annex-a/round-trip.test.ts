/**
 * Round trip: the demo authority exported as Annex A, imported into an empty database, exported again. Every cell
 * of every list comes back the same, except the columns counted over history Annex A does not carry (the 12-month
 * counts and what depends on earlier episodes: see HISTORY_COLUMNS); and the canonical rows Annex A carries in full
 * come back field by field.
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describeEachEngine, freshDatabase } from '../../../../../test/support/databases';
import { canonicalSnapshot } from '../../../../../test/support/canonical';
import type { Database } from '../../../../db/client';
import { authorities } from '../../../../db/schema/index';
import { exportAnnexA } from '../../../exports/annex-a/index';
import { importFiles } from '../../service';
import { annexAFormat } from './index';

const AS_AT = '2026-03-31';
const dir = mkdtempSync(path.join(tmpdir(), 'annex-a-round-trip-'));

/** Columns worked out from history before the workbook's window, which an import of the workbook cannot restore. */
export const HISTORY_COLUMNS = new Set([
  'Number of Referrals in Last 12 Months',
  'Number of Section 47 Enquiries in the last 12 months',
  'Number of ICPCs in the last 12 months',
  'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)',
  'Number of Placements in the Last 12 months',
  "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
  "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
  'Was the child offered a Return Interview after their last missing episode (Y/N)?',
  'Did the child accept a Return Interview after their last missing episode (Y/N)?',
]);

async function cells(file: string): Promise<Map<string, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, string[]>();
  for (const ws of wb.worksheets) {
    const headings = ((ws.getRow(1).values as unknown[]).slice(1) as unknown[]).map(String);
    const rows: string[] = [];
    ws.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      rows.push(
        JSON.stringify(
          headings.map((h, i) =>
            HISTORY_COLUMNS.has(h)
              ? '—'
              : values[i] instanceof Date
                ? (values[i] as Date).toISOString().slice(0, 10)
                : (values[i] ?? null),
          ),
        ),
      );
    });
    out.set(ws.name, rows.sort());
  }
  return out;
}

describeEachEngine(
  'Annex A round trip of the demo authority',
  { demo: { seed: 1, childPopulation: 5000, years: 6, asAt: AS_AT } },
  (ctx) => {
    let second: { database: Database; drop: () => Promise<void> };
    let from: number;
    let to: number;
    let first = '';
    let again = '';
    /** Whether the first import was accepted: the later tests read what it wrote, and say so rather than fail again. */
    let imported = false;

    before(async () => {
      first = path.join(dir, `first-${ctx.database.kind}.xlsx`);
      again = path.join(dir, `again-${ctx.database.kind}.xlsx`);
      const demo = ctx.demo;
      from = demo.authorityId;
      await exportAnnexA(ctx.database.db, from, { asAt: AS_AT }, first);
      second = await freshDatabase(ctx.database.kind);
      const [la] = await second.database.db.insert(authorities).values({ code: 'RT', name: demo.name }).returning();
      to = (la as { id: number }).id;
    });
    after(async () => second?.drop());

    it('imports the exported workbook with no errors, and the same file again changes nothing', async () => {
      const request = {
        paths: [first],
        authorityId: to,
        actor: { userId: null, username: 'test' },
        options: { asAt: AS_AT },
        formats: [annexAFormat],
      };
      const once = await importFiles(second.database, request);
      const errors = once.batches.flatMap((b) =>
        b.issues
          .filter((i) => i.severity === 'error')
          .map((i) => `${i.file} row ${i.row ?? '-'} ${i.column ?? ''} ${i.rule}: ${i.message}`),
      );
      const outcome = once.batches.map((b) => [b.format, b.status, b.errors, b.period]);
      if (errors.length > 0 || once.unrecognised.length > 0)
        console.error(
          'Annex A round trip import:',
          JSON.stringify({ outcome, unrecognised: once.unrecognised, empty: once.empty, errors: errors.slice(0, 20) }),
        );
      assert.deepEqual(outcome, [['annex-a', 'accepted', 0, AS_AT]], `errors: ${errors.slice(0, 20).join('; ')}`);
      imported = true;
      const twice = await importFiles(second.database, request);
      assert.deepEqual(
        twice.batches.map((b) => b.status),
        ['unchanged'],
      );
    });

    it('exports again with every list identical, cell by cell (history-derived counts aside)', async (t) => {
      if (!imported) {
        t.skip('the import failed (see the test before)');
        return;
      }
      await exportAnnexA(second.database.db, to, { asAt: AS_AT }, again);
      const a = await cells(first);
      const b = await cells(again);
      assert.deepEqual([...b.keys()], [...a.keys()]);
      for (const [sheet, rows] of a) assert.deepEqual(b.get(sheet), rows, sheet);
    });

    it('gives back the canonical rows Annex A carries, field by field', async (t) => {
      if (!imported) {
        t.skip('the import failed (see the test before)');
        return;
      }
      const w6 = '2025-10-01';
      const spec = {
        contacts: ['childId', 'contactDate', 'source'],
        cpPlans: ['childId', 'startDate', 'endDate', 'initialCategory', 'latestCategory', 'epoOrPoliceProtection'],
        periodsOfCare: ['childId', 'startDate', 'endDate', 'reasonCeased', 'categoryOfNeed', 'permanencePlan'],
        children: ['laChildId', 'sex', 'ethnicity', 'dateOfBirth', 'expectedDateOfBirth'],
      } as const;
      const before = await canonicalSnapshot(ctx.database.db, from, spec);
      const after = await canonicalSnapshot(second.database.db, to, spec);
      // Contacts: Annex A carries every contact of the six months, and only those.
      const inWindow = (line: string) =>
        (JSON.parse(line) as { contactDate: string }).contactDate >= w6 &&
        (JSON.parse(line) as { contactDate: string }).contactDate <= AS_AT;
      assert.deepEqual(after.contacts, before.contacts?.filter(inWindow));
      // Children, CP plans and periods of care: every one that came back is exactly as it was.
      for (const table of ['children', 'cpPlans', 'periodsOfCare'] as const) {
        const had = new Set(before[table]);
        assert.ok((after[table]?.length ?? 0) > 0, table);
        for (const line of after[table] ?? []) assert.ok(had.has(line), `${table}: ${line}`);
      }
    });
  },
);
