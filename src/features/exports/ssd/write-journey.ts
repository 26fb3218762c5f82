/**
 * SSD front-door and child protection tables from Lantern's contacts, early help, referrals, assessments, S47s,
 * ICPCs, plans, reviews, visits and pre-proceedings. Outcome JSON carries the SSD's Y/N flags and, where the SSD
 * has no column for something Lantern keeps, a key of Lantern's (see the import's read-journey.ts).
 */
import type { Db } from '../../../db/client';
import { SSD_TABLES } from '../../ingest/formats/ssd/tables';
import { CsvOut, flag } from './csv-out';
import { person, rowsOf, teamRef, workerRef, type Lookups } from './source';

interface Written {
  name: string;
  rows: number;
}
const yn = (b: boolean): 'Y' | 'N' => (b ? 'Y' : 'N');

export async function writeJourney(db: Db, l: Lookups, dir: string): Promise<Written[]> {
  const a = l.authorityId;
  const out: Written[] = [];

  const contacts = new CsvOut(dir, SSD_TABLES.contacts);
  for await (const c of rowsOf(db, 'contacts', a)) {
    const d = c.mashDecision;
    const outcome: Record<string, string> = {
      NEW_REFERRAL_FLAG: yn(d === 'referral'),
      EARLY_HELP_FLAG: yn(d === 'early-help'),
      ADVICE_FLAG: yn(d === 'information-advice'),
      NFA_FLAG: yn(d === 'nfa'),
    };
    if (c.decisionDate) outcome.DECISION_DATE = c.decisionDate;
    if (c.bragInitial) outcome.BRAG_INITIAL = c.bragInitial;
    if (c.bragFinal) outcome.BRAG_FINAL = c.bragFinal;
    await contacts.write({
      cont_contact_id: c.id,
      cont_person_id: person(l, c.childId),
      cont_contact_date: c.contactDate,
      cont_contact_source_code: c.source,
      cont_contact_outcome_json: JSON.stringify(outcome),
    });
  }
  out.push(await contacts.close());

  const earlyHelp = new CsvOut(dir, SSD_TABLES.earlyHelp);
  for await (const e of rowsOf(db, 'earlyHelpEpisodes', a)) {
    await earlyHelp.write({
      earl_episode_id: e.id,
      earl_person_id: person(l, e.childId),
      earl_episode_start_date: e.requestDate,
      earl_episode_end_date: e.endDate,
      earl_episode_end_reason: e.outcome,
      earl_episode_organisation: e.organisation,
      earl_episode_worker_id: workerRef(l, e.workerId),
    });
  }
  out.push(await earlyHelp.close());

  const referrals = new CsvOut(dir, SSD_TABLES.cinEpisodes);
  for await (const r of rowsOf(db, 'cinEpisodes', a)) {
    await referrals.write({
      cine_referral_id: r.id,
      cine_person_id: person(l, r.childId),
      cine_referral_date: r.referralDate,
      cine_cin_primary_need_code: r.primaryNeedCode,
      cine_referral_source_code: r.referralSource,
      cine_referral_nfa: flag(r.referralNfa),
      cine_close_reason: r.closureReason,
      cine_close_date: r.closureDate,
      cine_referral_team: teamRef(r.teamId),
      cine_referral_worker_id: workerRef(l, r.workerId),
    });
  }
  out.push(await referrals.close());

  const assessments = new CsvOut(dir, SSD_TABLES.assessments);
  const factors = new CsvOut(dir, SSD_TABLES.assessmentFactors);
  for await (const x of rowsOf(db, 'assessments', a)) {
    await assessments.write({
      cina_assessment_id: x.id,
      cina_person_id: person(l, x.childId),
      cina_referral_id: x.cinEpisodeId,
      cina_assessment_start_date: x.startDate,
      cina_assessment_child_seen: flag(x.childSeen),
      cina_assessment_auth_date: x.authorisationDate,
      // No further action is the opposite of "needs children's social care support".
      cina_assessment_outcome_nfa: x.furtherServices === null ? null : flag(!x.furtherServices),
      cina_assessment_team: teamRef(x.teamId),
      cina_assessment_worker_id: workerRef(l, x.workerId),
    });
    if (x.factors !== null)
      await factors.write({
        cinf_table_id: x.id,
        cinf_assessment_id: x.id,
        cinf_assessment_factors_json: JSON.stringify(x.factors),
      });
  }
  out.push(await assessments.close(), await factors.close());

  const s47 = new CsvOut(dir, SSD_TABLES.s47);
  for await (const x of rowsOf(db, 's47Enquiries', a)) {
    const outcome = {
      NFA_FLAG: yn(x.outcome === 'nfa'),
      CP_CONFERENCE_FLAG: yn(x.outcome === 'icpc'),
      PROV_OF_SERVICES_FLAG: yn(x.outcome === 'cin-plan'),
      ICPC_NOT_REQUIRED_FLAG: yn(x.icpcNotRequired),
    };
    await s47.write({
      s47e_s47_enquiry_id: x.id,
      s47e_referral_id: x.cinEpisodeId,
      s47e_person_id: person(l, x.childId),
      s47e_s47_start_date: x.startDate,
      s47e_s47_end_date: x.endDate,
      s47e_s47_nfa: x.outcome === null ? null : flag(x.outcome === 'nfa'),
      s47e_s47_outcome_json: JSON.stringify(outcome),
      s47e_s47_completed_by_worker_id: workerRef(l, x.workerId),
      s47e_s47_completed_by_team: teamRef(x.teamId),
    });
  }
  out.push(await s47.close());

  const planOfIcpc = new Map<number, number>();
  for await (const p of rowsOf(db, 'cpPlans', a)) if (p.icpcId !== null) planOfIcpc.set(p.icpcId, p.id);
  const icpc = new CsvOut(dir, SSD_TABLES.icpc);
  for await (const x of rowsOf(db, 'initialCpConferences', a)) {
    await icpc.write({
      icpc_icpc_id: x.id,
      icpc_s47_enquiry_id: x.s47EnquiryId,
      icpc_person_id: person(l, x.childId),
      icpc_cp_plan_id: planOfIcpc.get(x.id),
      icpc_referral_id: x.cinEpisodeId,
      icpc_icpc_transfer_in: flag(x.transferIn),
      icpc_icpc_target_date: x.targetDate,
      icpc_icpc_date: x.conferenceDate,
      icpc_icpc_outcome_cp_flag: flag(x.outcomeCpPlan),
    });
  }
  out.push(await icpc.close());

  const cinPlans = new CsvOut(dir, SSD_TABLES.cinPlans);
  for await (const p of rowsOf(db, 'cinPlans', a)) {
    await cinPlans.write({
      cinp_cin_plan_id: p.id,
      cinp_referral_id: p.cinEpisodeId,
      cinp_person_id: person(l, p.childId),
      cinp_cin_plan_start_date: p.startDate,
      cinp_cin_plan_end_date: p.endDate,
      cinp_cin_plan_team: teamRef(p.teamId),
      cinp_cin_plan_worker_id: workerRef(l, p.workerId),
    });
  }
  out.push(await cinPlans.close());

  const cpPlans = new CsvOut(dir, SSD_TABLES.cpPlans);
  for await (const p of rowsOf(db, 'cpPlans', a)) {
    await cpPlans.write({
      cppl_cp_plan_id: p.id,
      cppl_referral_id: p.cinEpisodeId,
      cppl_icpc_id: p.icpcId,
      cppl_person_id: person(l, p.childId),
      cppl_cp_plan_start_date: p.startDate,
      cppl_cp_plan_end_date: p.endDate,
      cppl_cp_plan_initial_category: p.initialCategory,
      cppl_cp_plan_latest_category: p.latestCategory,
    });
  }
  out.push(await cpPlans.close());

  const cpReviews = new CsvOut(dir, SSD_TABLES.cpReviews);
  for await (const r of rowsOf(db, 'cpReviews', a)) {
    await cpReviews.write({
      cppr_cp_review_id: r.id,
      cppr_person_id: person(l, r.childId),
      cppr_cp_plan_id: r.cpPlanId,
      cppr_cp_review_due: r.dueDate,
      cppr_cp_review_date: r.reviewDate,
      cppr_cp_review_quorate: flag(r.quorate),
      cppr_cp_review_participation: r.participation,
    });
  }
  out.push(await cpReviews.close());

  // Visits: the SSD has tables for CIN, CP and CLA visits; care leaver and private fostering visits have none.
  const cinVisits = new CsvOut(dir, SSD_TABLES.cinVisits);
  const cpVisits = new CsvOut(dir, SSD_TABLES.cpVisits);
  const claVisits = new CsvOut(dir, SSD_TABLES.claVisits);
  for await (const v of rowsOf(db, 'visits', a)) {
    const who = person(l, v.childId);
    if (v.kind === 'cin')
      await cinVisits.write({
        cinv_cin_visit_id: v.id,
        cinv_person_id: who,
        cinv_cin_visit_date: v.visitDate,
        cinv_cin_visit_seen: flag(v.seen),
        cinv_cin_visit_seen_alone: flag(v.seenAlone),
      });
    else if (v.kind === 'cp')
      await cpVisits.write({
        cppv_cp_visit_id: v.id,
        cppv_person_id: who,
        cppv_cp_visit_date: v.visitDate,
        cppv_cp_visit_seen: flag(v.seen),
        cppv_cp_visit_seen_alone: flag(v.seenAlone),
      });
    else if (v.kind === 'cla')
      await claVisits.write({
        clav_cla_visit_id: v.id,
        clav_person_id: who,
        clav_cla_visit_date: v.visitDate,
        clav_cla_visit_seen: flag(v.seen),
        clav_cla_visit_seen_alone: flag(v.seenAlone),
      });
  }
  out.push(await cinVisits.close(), await cpVisits.close(), await claVisits.close());

  const pre = new CsvOut(dir, SSD_TABLES.preProceedings);
  for await (const p of rowsOf(db, 'preProceedings', a)) {
    await pre.write({
      prep_table_id: p.id,
      prep_person_id: person(l, p.childId),
      prep_pre_pro_decision_date: p.startDate,
      prep_initial_pre_pro_meeting_date: p.initialMeetingDate,
      prep_pre_pro_outcome: p.outcome,
      prep_agree_stepdown_issue_date: p.decisionDate ?? p.endDate,
      prep_pre_pro_letter_date: p.letterBeforeProceedingsDate,
      prep_pre_pro_meetings_num: p.reviewMeetings,
    });
  }
  out.push(await pre.close());
  return out;
}
