/**
 * SSD identity and workforce tables from Lantern's children, disabilities, immigration statuses, family links,
 * teams, workers and allocations. ssd_address carries the child's full home postcode (decision 0027), or the district
 * where only that is held. The SSD holds no names, so none are written.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import * as schema from '../../../db/schema/index';
import { SSD_TABLES } from '../../ingest/formats/ssd/tables';
import { CsvOut, flag } from './csv-out';
import { person, rowsOf, teamRef, workerRef, type Lookups } from './source';

interface Written {
  name: string;
  rows: number;
}

export async function writeIdentity(db: Db, l: Lookups, dir: string): Promise<Written[]> {
  const a = l.authorityId;
  const mothers = new Set<number>();
  for await (const f of rowsOf(db, 'familyLinks', a)) if (f.relationship === 'child') mothers.add(f.childId);

  const personOut = new CsvOut(dir, SSD_TABLES.person);
  const links = new CsvOut(dir, SSD_TABLES.linkedIdentifiers);
  const address = new CsvOut(dir, SSD_TABLES.address);
  for await (const c of rowsOf(db, 'children', a)) {
    await personOut.write({
      pers_person_id: c.laChildId,
      pers_sex: c.sex,
      pers_gender: c.gender,
      pers_ethnicity: c.ethnicity,
      pers_dob: c.dateOfBirth,
      pers_upn_unknown: c.upnUnknownReason,
      pers_expected_dob: c.expectedDateOfBirth,
      pers_death_date: c.dateOfDeath,
      pers_is_mother: c.sex === 'M' ? null : flag(mothers.has(c.id)),
    });
    if (c.upn)
      await links.write({
        link_table_id: `UPN${c.id}`,
        link_person_id: c.laChildId,
        link_identifier_type: 'Unique Pupil Number',
        link_identifier_value: c.upn,
      });
    if (c.postcodeDistrict)
      await address.write({
        addr_table_id: c.id,
        addr_person_id: c.laChildId,
        addr_address_type: 'Home',
        addr_address_postcode: c.postcode ?? c.postcodeDistrict,
      });
  }
  const out = [await personOut.close(), await links.close(), await address.close()];

  const disability = new CsvOut(dir, SSD_TABLES.disability);
  for await (const d of rowsOf(db, 'childDisabilities', a))
    await disability.write({ disa_table_id: d.id, disa_person_id: person(l, d.childId), disa_disability_code: d.code });
  out.push(await disability.close());

  const immigration = new CsvOut(dir, SSD_TABLES.immigrationStatus);
  for await (const i of rowsOf(db, 'immigrationStatuses', a)) {
    await immigration.write({
      immi_immigration_status_id: i.id,
      immi_person_id: person(l, i.childId),
      immi_immigration_status: i.status,
      immi_immigration_status_start_date: i.startDate,
      immi_immigration_status_end_date: i.endDate,
    });
  }
  out.push(await immigration.close());

  // ssd_mother for a young person's own child; ssd_family for siblings (one row per child and family).
  const mother = new CsvOut(dir, SSD_TABLES.mother);
  const family = new CsvOut(dir, SSD_TABLES.family);
  const members = new Set<string>();
  for await (const f of rowsOf(db, 'familyLinks', a)) {
    if (f.relationship === 'child') {
      await mother.write({
        moth_table_id: f.id,
        moth_person_id: person(l, f.childId),
        moth_childs_person_id: f.relatedChildId === null ? null : person(l, f.relatedChildId),
        moth_childs_dob: f.relatedDateOfBirth,
      });
    } else if ((f.relationship === 'sibling' || f.relationship === 'half-sibling') && f.familyRef) {
      for (const childId of [f.childId, f.relatedChildId]) {
        if (childId === null) continue;
        const key = `${f.familyRef}|${childId}`;
        if (members.has(key)) continue;
        members.add(key);
        await family.write({ fami_table_id: key, fami_family_id: f.familyRef, fami_person_id: person(l, childId) });
      }
    }
  }
  out.push(await mother.close(), await family.close());

  const department = new CsvOut(dir, SSD_TABLES.department);
  for (const [id, t] of l.team) await department.write({ dept_team_id: id, dept_team_name: t.name });
  out.push(await department.close());

  const professionals = new CsvOut(dir, SSD_TABLES.professionals);
  const workers = await db.select().from(schema.workers).where(eq(schema.workers.authorityId, a));
  for (const w of workers) {
    await professionals.write({
      prof_professional_id: w.workerRef,
      prof_professional_name: w.name,
      prof_professional_job_title: w.role,
      prof_professional_department: teamRef(w.teamId),
      prof_full_time_equivalency: w.fte,
      prof_agency_worker_flag: flag(w.agency),
    });
  }
  out.push(await professionals.close());

  const involvements = new CsvOut(dir, SSD_TABLES.involvements);
  for await (const x of rowsOf(db, 'allocations', a)) {
    await involvements.write({
      invo_involvements_id: x.id,
      invo_professional_id: workerRef(l, x.workerId),
      invo_professional_role_id: x.role,
      invo_professional_team: teamRef(x.teamId),
      invo_involvement_start_date: x.startDate,
      invo_involvement_end_date: x.endDate,
      invo_worker_change_reason: x.endReason,
      invo_person_id: person(l, x.childId),
    });
  }
  out.push(await involvements.close());
  return out;
}
