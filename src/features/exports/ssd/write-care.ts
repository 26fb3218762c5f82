/**
 * SSD tables for children in care, permanence and care leavers.
 *
 * - ssd_cla_episodes: one row per Lantern period of care (Lantern keeps periods, not 903 episodes); its
 *   clae_cla_id, which placements, reviews and permanence point at, is the period's id.
 * - ssd_cla_care_plan and ssd_cla_previous_permanence: one row per period that has a permanence plan / a previous
 *   permanence; the plan is in the JSON as {"PERMANENCE_PLAN": …}.
 * - ssd_missing: start and end as ISO 8601 in UTC (no hour is ambiguous at the clock change).
 * - ssd_care_leavers: one row per care leaver status (eligibility and personal adviser), each child's in the order
 *   they began, one per care leaver contact and one per pathway plan review; contacts and reviews carry the
 *   eligibility of the status they fall in (blank when they fall in none). The SSD has no start for a status: the
 *   reader takes it as the run of dated rows with one eligibility, and matches it to the held status of that
 *   eligibility that began on or before the run's first row (read-care.ts, finishCareLeavers).
 */
import type { Db } from '../../../db/client';
import { formatInstant } from '../../ingest/formats/ssd/instants';
import { HEALTH_CHECK_TYPE } from '../../ingest/formats/ssd/codes';
import { SSD_TABLES } from '../../ingest/formats/ssd/tables';
import { CsvOut, flag } from './csv-out';
import { person, rowsOf, teamRef, workerRef, type Lookups } from './source';

interface Written {
  name: string;
  rows: number;
}

export async function writeCare(db: Db, l: Lookups, dir: string): Promise<Written[]> {
  const a = l.authorityId;
  const out: Written[] = [];

  const episodes = new CsvOut(dir, SSD_TABLES.claEpisodes);
  const plans = new CsvOut(dir, SSD_TABLES.carePlan);
  const previous = new CsvOut(dir, SSD_TABLES.previousPermanence);
  for await (const p of rowsOf(db, 'periodsOfCare', a)) {
    const who = person(l, p.childId);
    await episodes.write({
      clae_cla_episode_id: p.id,
      clae_person_id: who,
      clae_cla_episode_start_date: p.startDate,
      clae_cla_primary_need_code: p.categoryOfNeed,
      clae_cla_episode_ceased_date: p.endDate,
      clae_cla_episode_ceased_reason: p.reasonCeased,
      clae_cla_id: p.id,
      clae_entered_care_date: p.startDate,
    });
    if (p.permanencePlan) {
      await plans.write({
        lacp_table_id: p.id,
        lacp_person_id: who,
        lacp_cla_care_plan_start_date: p.permanencePlanDate ?? p.startDate,
        lacp_cla_care_plan_end_date: p.endDate,
        lacp_cla_care_plan_json: JSON.stringify({ PERMANENCE_PLAN: p.permanencePlan }),
      });
    }
    if (p.previousPermanence) {
      await previous.write({
        lapp_table_id: p.id,
        lapp_person_id: who,
        lapp_previous_permanence_order_date: p.previousPermanenceDate ?? p.previousPermanenceDatePartial,
        lapp_previous_permanence_option: p.previousPermanence,
        lapp_previous_permanence_la: p.previousPermanenceLa,
      });
    }
  }
  out.push(await episodes.close(), await plans.close(), await previous.close());

  const legal = new CsvOut(dir, SSD_TABLES.legalStatus);
  for await (const s of rowsOf(db, 'legalStatuses', a)) {
    await legal.write({
      lega_legal_status_id: s.id,
      lega_person_id: person(l, s.childId),
      lega_legal_status: s.legalStatus,
      lega_legal_status_start_date: s.startDate,
      lega_legal_status_end_date: s.endDate,
    });
  }
  out.push(await legal.close());

  const placements = new CsvOut(dir, SSD_TABLES.placement);
  for await (const p of rowsOf(db, 'placements', a)) {
    await placements.write({
      clap_cla_placement_id: p.id,
      clap_cla_id: p.periodOfCareId,
      clap_person_id: person(l, p.childId),
      clap_cla_placement_start_date: p.startDate,
      clap_cla_placement_type: p.placementType,
      clap_cla_placement_urn: p.urn,
      clap_cla_placement_distance: p.distanceMiles,
      clap_cla_placement_provider: p.provider,
      clap_cla_placement_postcode: p.postcode ?? p.postcodeDistrict,
      clap_cla_placement_end_date: p.endDate,
      clap_cla_placement_change_reason: p.changeReason,
      clap_cla_placement_la: p.laOfPlacement,
    });
  }
  out.push(await placements.close());

  const reviews = new CsvOut(dir, SSD_TABLES.claReviews);
  for await (const r of rowsOf(db, 'claReviews', a)) {
    await reviews.write({
      clar_cla_review_id: r.id,
      clar_cla_id: r.periodOfCareId,
      clar_cla_review_due_date: r.dueDate,
      clar_cla_review_date: r.reviewDate,
      clar_cla_review_cancelled: 'N',
      clar_cla_review_participation: r.participation,
    });
  }
  out.push(await reviews.close());

  const health = new CsvOut(dir, SSD_TABLES.health);
  for await (const h of rowsOf(db, 'healthAssessments', a)) {
    await health.write({
      clah_health_check_id: `H${h.id}`,
      clah_person_id: person(l, h.childId),
      clah_health_check_type: h.kind === 'initial' ? HEALTH_CHECK_TYPE.initial : HEALTH_CHECK_TYPE.review,
      clah_health_check_date: h.assessmentDate,
      clah_health_check_status: 'Completed',
    });
  }
  for await (const d of rowsOf(db, 'dentalChecks', a)) {
    await health.write({
      clah_health_check_id: `D${d.id}`,
      clah_person_id: person(l, d.childId),
      clah_health_check_type: HEALTH_CHECK_TYPE.dental,
      clah_health_check_date: d.checkDate,
      clah_health_check_status: 'Completed',
    });
  }
  out.push(await health.close());

  const sdq = new CsvOut(dir, SSD_TABLES.sdq);
  for await (const s of rowsOf(db, 'sdqScores', a)) {
    await sdq.write({
      csdq_table_id: s.id,
      csdq_person_id: person(l, s.childId),
      csdq_sdq_completed_date: s.assessmentDate,
      csdq_sdq_reason: s.reason,
      csdq_sdq_score: s.score,
    });
  }
  out.push(await sdq.close());

  const missing = new CsvOut(dir, SSD_TABLES.missing);
  for await (const m of rowsOf(db, 'missingEpisodes', a)) {
    await missing.write({
      miss_table_id: m.id,
      miss_person_id: person(l, m.childId),
      miss_missing_episode_start_date: formatInstant(m.startAt),
      miss_missing_episode_type: m.kind,
      miss_missing_episode_end_date: m.endAt ? formatInstant(m.endAt) : null,
      miss_missing_rhi_offered: flag(m.rhiOfferedDate !== null),
      miss_missing_rhi_accepted: flag(m.rhiAcceptedDate !== null),
    });
  }
  out.push(await missing.close());

  const permanence = new CsvOut(dir, SSD_TABLES.permanence);
  for await (const p of rowsOf(db, 'permanenceMilestones', a)) {
    await permanence.write({
      perm_table_id: p.id,
      perm_person_id: person(l, p.childId),
      perm_cla_id: p.periodOfCareId,
      perm_adm_decision_date: p.admDecisionDate,
      perm_placement_order_date: p.placementOrderDate,
      perm_placed_for_adoption_date: p.placedForAdoptionDate,
      perm_matched_date: p.matchedDate,
      perm_adopted_by_carer_flag: flag(p.adoptedByFosterCarer),
      perm_placed_ffa_cp_date: p.ffaPlacedDate,
      perm_decision_reversed_date: p.decisionReversedDate,
      perm_decision_reversed_reason: p.decisionReversedReason,
      perm_permanence_order_date: p.orderDate,
      perm_permanence_order_type: p.orderType,
      perm_adopter_sex: p.adopterSex,
      perm_adopter_legal_status: p.adopterLegalStatus,
      perm_number_of_adopters: p.numberOfAdopters,
    });
  }
  out.push(await permanence.close());

  out.push(await writeCareLeavers(db, l, dir));
  return out;
}

async function writeCareLeavers(db: Db, l: Lookups, dir: string): Promise<Written> {
  const a = l.authorityId;
  const file = new CsvOut(dir, SSD_TABLES.careLeavers);
  const held: Array<{
    id: number;
    childId: number;
    eligibility: string;
    start: string;
    end: string | null;
    pa: number | null;
  }> = [];
  for await (const s of rowsOf(db, 'careLeavers', a))
    held.push({
      id: s.id,
      childId: s.childId,
      eligibility: s.eligibility,
      start: s.startDate,
      end: s.endDate,
      pa: s.personalAdviserId,
    });
  // Each child's statuses in the order they began: the reader pairs the k-th status row of an eligibility with the
  // k-th run of rows tagged with it.
  held.sort((x, y) => x.childId - y.childId || x.start.localeCompare(y.start) || x.id - y.id);
  const statuses = new Map<number, typeof held>();
  for (const s of held) {
    const list = statuses.get(s.childId) ?? [];
    list.push(s);
    statuses.set(s.childId, list);
    const pa = s.pa === null ? undefined : l.worker.get(s.pa);
    await file.write({
      clea_table_id: `S${s.id}`,
      clea_person_id: person(l, s.childId),
      clea_care_leaver_eligibility: s.eligibility,
      clea_care_leaver_personal_advisor: pa?.name,
      clea_care_leaver_allocated_team: teamRef(pa?.teamId ?? null),
      clea_care_leaver_worker_id: workerRef(l, s.pa),
    });
  }
  /**
   * The eligibility of the status a date falls in: the latest to begin on or before it that has not ended before
   * it. A date in no status (before the first, in a gap, after the last has ended) has none, so that the rows the
   * reader groups into a status are exactly the status's own, and its first one is on or after its start.
   */
  const eligibilityOn = (childId: number, date: string): string | null => {
    let found: string | null = null;
    for (const s of statuses.get(childId) ?? [])
      if (s.start <= date && (s.end === null || s.end >= date)) found = s.eligibility;
    return found;
  };
  for await (const c of rowsOf(db, 'careLeaverContacts', a)) {
    await file.write({
      clea_table_id: `C${c.id}`,
      clea_person_id: person(l, c.childId),
      clea_care_leaver_eligibility: eligibilityOn(c.childId, c.contactDate),
      clea_care_leaver_in_touch: c.inTouch,
      clea_care_leaver_latest_contact: c.contactDate,
      clea_care_leaver_accommodation: c.accommodation,
      clea_care_leaver_accom_suitable: flag(c.accommodationSuitable),
      clea_care_leaver_activity: c.activity,
    });
  }
  for await (const r of rowsOf(db, 'pathwayPlanReviews', a)) {
    await file.write({
      clea_table_id: `R${r.id}`,
      clea_person_id: person(l, r.childId),
      clea_care_leaver_eligibility: eligibilityOn(r.childId, r.reviewDate),
      clea_pathway_plan_review_date: r.reviewDate,
    });
  }
  return file.close();
}
