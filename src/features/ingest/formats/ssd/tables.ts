/**
 * The Standard Safeguarding Dataset's tables as Lantern reads and writes them: each table's name, its 4-letter
 * field prefix, its primary key and its columns in the order the SSD defines them.
 *
 * Field names are those of data-to-insight/ssd-data-model (`data/objects/ssd_*.yml` and the published ERD pages,
 * 2025–26 versions). Older extracts spell a few fields differently (ssd_missing's `miss_mis_epi_start` …); those
 * spellings are accepted as aliases on import. Export writes the current names.
 *
 * `required` lists the columns without which Lantern cannot make a row at all (an id, the person, the date that
 * identifies the event); a file missing one is rejected with LNT-COLUMN.
 */
export interface SsdTable {
  /** e.g. ssd_person: also the exported file's name without `.csv`. */
  name: string;
  /** The field prefix, e.g. pers (fields pers_…). */
  prefix: string;
  /** The primary key column, or null where the SSD has none. */
  pk: string | null;
  /** Columns in SSD order (what export writes). */
  columns: readonly string[];
  required: readonly string[];
  /** Older spellings → current name. */
  aliases?: Readonly<Record<string, string>>;
}

const t = (
  name: string,
  prefix: string,
  pk: string | null,
  columns: string[],
  required: string[],
  aliases?: Record<string, string>,
): SsdTable => ({ name, prefix, pk, columns, required, ...(aliases ? { aliases } : {}) });

/** The tables Lantern loads, in the order they are read (parents before the rows that point at them). */
export const SSD_TABLES = {
  person: t(
    'ssd_person',
    'pers',
    'pers_person_id',
    ['pers_person_id', 'pers_sex', 'pers_gender', 'pers_ethnicity', 'pers_dob', 'pers_common_child_id', 'pers_legacy_id', 'pers_upn_unknown', 'pers_send_flag', 'pers_expected_dob', 'pers_death_date', 'pers_is_mother', 'pers_nationality'],
    ['pers_person_id', 'pers_sex', 'pers_ethnicity', 'pers_dob'],
    { pers_send: 'pers_send_flag' },
  ),
  linkedIdentifiers: t(
    'ssd_linked_identifiers',
    'link',
    'link_table_id',
    ['link_table_id', 'link_person_id', 'link_identifier_type', 'link_identifier_value', 'link_valid_from_date', 'link_valid_to_date'],
    ['link_person_id', 'link_identifier_type', 'link_identifier_value'],
  ),
  address: t(
    'ssd_address',
    'addr',
    'addr_table_id',
    ['addr_table_id', 'addr_address_json', 'addr_person_id', 'addr_address_type', 'addr_address_start_date', 'addr_address_end_date', 'addr_address_postcode'],
    ['addr_person_id', 'addr_address_postcode'],
  ),
  disability: t('ssd_disability', 'disa', 'disa_table_id', ['disa_table_id', 'disa_person_id', 'disa_disability_code'], ['disa_table_id', 'disa_person_id', 'disa_disability_code']),
  immigrationStatus: t(
    'ssd_immigration_status',
    'immi',
    'immi_immigration_status_id',
    ['immi_immigration_status_id', 'immi_person_id', 'immi_immigration_status', 'immi_immigration_status_start_date', 'immi_immigration_status_end_date'],
    ['immi_immigration_status_id', 'immi_person_id', 'immi_immigration_status', 'immi_immigration_status_start_date'],
  ),
  mother: t('ssd_mother', 'moth', 'moth_table_id', ['moth_table_id', 'moth_person_id', 'moth_childs_person_id', 'moth_childs_dob'], ['moth_table_id', 'moth_person_id']),
  family: t('ssd_family', 'fami', null, ['fami_table_id', 'fami_family_id', 'fami_person_id'], ['fami_family_id', 'fami_person_id']),
  department: t('ssd_department', 'dept', 'dept_team_id', ['dept_team_id', 'dept_team_name', 'dept_team_parent_id', 'dept_team_parent_name'], ['dept_team_id', 'dept_team_name']),
  professionals: t(
    'ssd_professionals',
    'prof',
    'prof_professional_id',
    ['prof_professional_id', 'prof_staff_id', 'prof_professional_name', 'prof_social_worker_registration_no', 'prof_professional_job_title', 'prof_professional_caseload', 'prof_professional_department', 'prof_full_time_equivalency', 'prof_agency_worker_flag'],
    ['prof_professional_id'],
  ),
  involvements: t(
    'ssd_involvements',
    'invo',
    'invo_involvements_id',
    ['invo_involvements_id', 'invo_professional_id', 'invo_professional_role_id', 'invo_professional_team', 'invo_involvement_start_date', 'invo_involvement_end_date', 'invo_worker_change_reason', 'invo_person_id', 'invo_referral_id'],
    ['invo_involvements_id', 'invo_person_id', 'invo_involvement_start_date'],
  ),
  contacts: t(
    'ssd_contacts',
    'cont',
    'cont_contact_id',
    ['cont_contact_id', 'cont_person_id', 'cont_contact_date', 'cont_contact_source_code', 'cont_contact_source_desc', 'cont_contact_outcome_json'],
    ['cont_contact_id', 'cont_person_id', 'cont_contact_date', 'cont_contact_source_code'],
  ),
  earlyHelp: t(
    'ssd_early_help_episodes',
    'earl',
    'earl_episode_id',
    ['earl_episode_id', 'earl_person_id', 'earl_episode_start_date', 'earl_episode_end_date', 'earl_episode_reason', 'earl_episode_end_reason', 'earl_episode_organisation', 'earl_episode_worker_id'],
    ['earl_episode_id', 'earl_person_id', 'earl_episode_start_date'],
  ),
  cinEpisodes: t(
    'ssd_cin_episodes',
    'cine',
    'cine_referral_id',
    ['cine_referral_id', 'cine_person_id', 'cine_referral_date', 'cine_cin_primary_need_code', 'cine_referral_source_code', 'cine_referral_source_desc', 'cine_referral_outcome_json', 'cine_referral_nfa', 'cine_close_reason', 'cine_close_date', 'cine_referral_team', 'cine_referral_worker_id'],
    ['cine_referral_id', 'cine_person_id', 'cine_referral_date', 'cine_referral_source_code'],
  ),
  assessments: t(
    'ssd_cin_assessments',
    'cina',
    'cina_assessment_id',
    ['cina_assessment_id', 'cina_person_id', 'cina_referral_id', 'cina_assessment_start_date', 'cina_assessment_child_seen', 'cina_assessment_auth_date', 'cina_assessment_outcome_json', 'cina_assessment_outcome_nfa', 'cina_assessment_team', 'cina_assessment_worker_id'],
    ['cina_assessment_id', 'cina_referral_id', 'cina_assessment_start_date'],
  ),
  assessmentFactors: t(
    'ssd_assessment_factors',
    'cinf',
    'cinf_table_id',
    ['cinf_table_id', 'cinf_assessment_id', 'cinf_assessment_factors_json'],
    ['cinf_assessment_id', 'cinf_assessment_factors_json'],
  ),
  s47: t(
    'ssd_s47_enquiry',
    's47e',
    's47e_s47_enquiry_id',
    ['s47e_s47_enquiry_id', 's47e_referral_id', 's47e_person_id', 's47e_s47_start_date', 's47e_s47_end_date', 's47e_s47_nfa', 's47e_s47_outcome_json', 's47e_s47_completed_by_worker_id', 's47e_s47_completed_by_team'],
    ['s47e_s47_enquiry_id', 's47e_referral_id', 's47e_s47_start_date'],
    { s47e_s47_completed_by_worker: 's47e_s47_completed_by_worker_id' },
  ),
  icpc: t(
    'ssd_initial_cp_conference',
    'icpc',
    'icpc_icpc_id',
    ['icpc_icpc_id', 'icpc_icpc_meeting_id', 'icpc_s47_enquiry_id', 'icpc_person_id', 'icpc_cp_plan_id', 'icpc_referral_id', 'icpc_icpc_transfer_in', 'icpc_icpc_target_date', 'icpc_icpc_date', 'icpc_icpc_outcome_cp_flag', 'icpc_icpc_outcome_json', 'icpc_icpc_team', 'icpc_icpc_worker_id'],
    ['icpc_icpc_id', 'icpc_referral_id', 'icpc_icpc_date'],
  ),
  cinPlans: t(
    'ssd_cin_plans',
    'cinp',
    'cinp_cin_plan_id',
    ['cinp_cin_plan_id', 'cinp_referral_id', 'cinp_person_id', 'cinp_cin_plan_start_date', 'cinp_cin_plan_end_date', 'cinp_cin_plan_team', 'cinp_cin_plan_worker_id'],
    ['cinp_cin_plan_id', 'cinp_referral_id', 'cinp_cin_plan_start_date'],
  ),
  cpPlans: t(
    'ssd_cp_plans',
    'cppl',
    'cppl_cp_plan_id',
    ['cppl_cp_plan_id', 'cppl_referral_id', 'cppl_icpc_id', 'cppl_person_id', 'cppl_cp_plan_start_date', 'cppl_cp_plan_end_date', 'cppl_cp_plan_ola', 'cppl_cp_plan_initial_category', 'cppl_cp_plan_latest_category'],
    ['cppl_cp_plan_id', 'cppl_person_id', 'cppl_cp_plan_start_date', 'cppl_cp_plan_initial_category'],
  ),
  cpReviews: t(
    'ssd_cp_reviews',
    'cppr',
    'cppr_cp_review_id',
    ['cppr_cp_review_id', 'cppr_person_id', 'cppr_cp_plan_id', 'cppr_cp_review_due', 'cppr_cp_review_date', 'cppr_cp_review_meeting_id', 'cppr_cp_review_outcome_continue_cp', 'cppr_cp_review_quorate', 'cppr_cp_review_participation'],
    ['cppr_cp_review_id', 'cppr_cp_plan_id', 'cppr_cp_review_date'],
  ),
  cinVisits: t(
    'ssd_cin_visits',
    'cinv',
    'cinv_cin_visit_id',
    ['cinv_cin_visit_id', 'cinv_person_id', 'cinv_cin_visit_date', 'cinv_cin_visit_seen', 'cinv_cin_visit_seen_alone', 'cinv_cin_visit_bedroom'],
    ['cinv_cin_visit_id', 'cinv_person_id', 'cinv_cin_visit_date'],
  ),
  cpVisits: t(
    'ssd_cp_visits',
    'cppv',
    'cppv_cp_visit_id',
    ['cppv_cp_visit_id', 'cppv_person_id', 'cppv_cp_plan_id', 'cppv_cp_visit_date', 'cppv_cp_visit_seen', 'cppv_cp_visit_seen_alone', 'cppv_cp_visit_bedroom'],
    ['cppv_cp_visit_id', 'cppv_person_id', 'cppv_cp_visit_date'],
  ),
  claVisits: t(
    'ssd_cla_visits',
    'clav',
    'clav_cla_visit_id',
    ['clav_cla_visit_id', 'clav_cla_id', 'clav_person_id', 'clav_cla_visit_date', 'clav_cla_visit_seen', 'clav_cla_visit_seen_alone'],
    ['clav_cla_visit_id', 'clav_person_id', 'clav_cla_visit_date'],
  ),
  preProceedings: t(
    'ssd_pre_proceedings',
    'prep',
    'prep_table_id',
    ['prep_table_id', 'prep_person_id', 'prep_plo_family_id', 'prep_pre_pro_decision_date', 'prep_initial_pre_pro_meeting_date', 'prep_pre_pro_outcome', 'prep_agree_stepdown_issue_date', 'prep_cp_plans_referral_period', 'prep_legal_gateway_outcome', 'prep_prev_pre_proc_child', 'prep_prev_care_proc_child', 'prep_pre_pro_letter_date', 'prep_care_pro_letter_date', 'prep_pre_pro_meetings_num', 'prep_pre_pro_parents_legal_rep', 'prep_parents_legal_rep_point_of_issue', 'prep_court_reference', 'prep_care_proc_court_hearings', 'prep_care_proc_short_notice', 'prep_proc_short_notice_reason', 'prep_la_inital_plan_approved', 'prep_la_initial_care_plan', 'prep_la_final_plan_approved', 'prep_la_final_care_plan'],
    ['prep_table_id', 'prep_person_id', 'prep_pre_pro_decision_date'],
  ),
  claEpisodes: t(
    'ssd_cla_episodes',
    'clae',
    'clae_cla_episode_id',
    ['clae_cla_episode_id', 'clae_person_id', 'clae_cla_episode_start_date', 'clae_cla_episode_start_reason', 'clae_cla_primary_need_code', 'clae_cla_episode_ceased_date', 'clae_cla_episode_ceased_reason', 'clae_cla_id', 'clae_referral_id', 'clae_cla_placement_id', 'clae_entered_care_date', 'clae_cla_last_iro_contact_date'],
    ['clae_cla_episode_id', 'clae_person_id', 'clae_cla_episode_start_date', 'clae_cla_primary_need_code'],
    { clae_cla_episode_ceased: 'clae_cla_episode_ceased_date', clae_cla_episode_cease_reason: 'clae_cla_episode_ceased_reason' },
  ),
  legalStatus: t(
    'ssd_legal_status',
    'lega',
    'lega_legal_status_id',
    ['lega_legal_status_id', 'lega_person_id', 'lega_legal_status', 'lega_legal_status_start_date', 'lega_legal_status_end_date'],
    ['lega_legal_status_id', 'lega_person_id', 'lega_legal_status', 'lega_legal_status_start_date'],
  ),
  placement: t(
    'ssd_cla_placement',
    'clap',
    'clap_cla_placement_id',
    ['clap_cla_placement_id', 'clap_cla_id', 'clap_person_id', 'clap_cla_placement_start_date', 'clap_cla_placement_type', 'clap_cla_placement_urn', 'clap_cla_placement_distance', 'clap_cla_placement_provider', 'clap_cla_placement_postcode', 'clap_cla_placement_end_date', 'clap_cla_placement_change_reason', 'clap_cla_placement_la'],
    ['clap_cla_placement_id', 'clap_cla_placement_start_date', 'clap_cla_placement_type'],
  ),
  claReviews: t(
    'ssd_cla_reviews',
    'clar',
    'clar_cla_review_id',
    ['clar_cla_review_id', 'clar_cla_id', 'clar_cla_review_due_date', 'clar_cla_review_date', 'clar_cla_review_cancelled', 'clar_cla_review_participation'],
    ['clar_cla_review_id', 'clar_cla_review_date'],
    { clar_cla_person_id: 'clar_person_id' },
  ),
  carePlan: t(
    'ssd_cla_care_plan',
    'lacp',
    'lacp_table_id',
    ['lacp_table_id', 'lacp_person_id', 'lacp_cla_care_plan_start_date', 'lacp_cla_care_plan_end_date', 'lacp_cla_care_plan_json'],
    ['lacp_table_id', 'lacp_person_id', 'lacp_cla_care_plan_start_date'],
  ),
  previousPermanence: t(
    'ssd_cla_previous_permanence',
    'lapp',
    'lapp_table_id',
    ['lapp_table_id', 'lapp_person_id', 'lapp_previous_permanence_order_date', 'lapp_previous_permanence_option', 'lapp_previous_permanence_la'],
    ['lapp_table_id', 'lapp_person_id', 'lapp_previous_permanence_option'],
  ),
  health: t(
    'ssd_cla_health',
    'clah',
    'clah_health_check_id',
    ['clah_health_check_id', 'clah_person_id', 'clah_health_check_type', 'clah_health_check_date', 'clah_health_check_status'],
    ['clah_health_check_id', 'clah_person_id', 'clah_health_check_type', 'clah_health_check_date'],
  ),
  sdq: t(
    'ssd_sdq_scores',
    'csdq',
    'csdq_table_id',
    ['csdq_table_id', 'csdq_person_id', 'csdq_sdq_completed_date', 'csdq_sdq_reason', 'csdq_sdq_score'],
    ['csdq_table_id', 'csdq_person_id', 'csdq_sdq_completed_date'],
  ),
  missing: t(
    'ssd_missing',
    'miss',
    'miss_table_id',
    ['miss_table_id', 'miss_person_id', 'miss_missing_episode_start_date', 'miss_missing_episode_type', 'miss_missing_episode_end_date', 'miss_missing_rhi_offered', 'miss_missing_rhi_accepted'],
    ['miss_table_id', 'miss_person_id', 'miss_missing_episode_start_date', 'miss_missing_episode_type'],
    {
      miss_la_person_id: 'miss_person_id',
      miss_mis_epi_start: 'miss_missing_episode_start_date',
      miss_mis_epi_type: 'miss_missing_episode_type',
      miss_mis_epi_end: 'miss_missing_episode_end_date',
      miss_mis_epi_rhi_offered: 'miss_missing_rhi_offered',
      miss_mis_epi_rhi_accepted: 'miss_missing_rhi_accepted',
    },
  ),
  permanence: t(
    'ssd_permanence',
    'perm',
    'perm_table_id',
    ['perm_table_id', 'perm_person_id', 'perm_cla_id', 'perm_adm_decision_date', 'perm_ffa_cp_decision_date', 'perm_placement_order_date', 'perm_placed_for_adoption_date', 'perm_matched_date', 'perm_adopted_by_carer_flag', 'perm_placed_ffa_cp_date', 'perm_decision_reversed_date', 'perm_placed_foster_carer_date', 'perm_part_of_sibling_group', 'perm_siblings_placed_together', 'perm_siblings_placed_apart', 'perm_placement_provider_urn', 'perm_decision_reversed_reason', 'perm_permanence_order_date', 'perm_permanence_order_type', 'perm_adoption_worker_id', 'perm_adopter_sex', 'perm_adopter_legal_status', 'perm_number_of_adopters'],
    ['perm_table_id', 'perm_person_id'],
  ),
  careLeavers: t(
    'ssd_care_leavers',
    'clea',
    'clea_table_id',
    ['clea_table_id', 'clea_person_id', 'clea_care_leaver_eligibility', 'clea_care_leaver_in_touch', 'clea_care_leaver_latest_contact', 'clea_care_leaver_accommodation', 'clea_care_leaver_accom_suitable', 'clea_care_leaver_activity', 'clea_pathway_plan_review_date', 'clea_care_leaver_personal_advisor', 'clea_care_leaver_allocated_team', 'clea_care_leaver_worker_id'],
    ['clea_table_id', 'clea_person_id'],
  ),
} as const satisfies Record<string, SsdTable>;

export type SsdTableKey = keyof typeof SSD_TABLES;

/** The order files are read in: a table after every table its rows point at. */
export const READ_ORDER: readonly SsdTableKey[] = Object.keys(SSD_TABLES) as SsdTableKey[];

/**
 * SSD tables Lantern has no home for. They are recognised (so the user sees they were seen) and skipped with one
 * query each. Keyed by field prefix; the two tables without one are recognised by a column.
 */
export const SKIPPED_TABLES: Readonly<Record<string, string>> = {
  send: 'ssd_send',
  ehcr: 'ssd_ehcp_requests',
  ehca: 'ssd_ehcp_assessment',
  ehcn: 'ssd_ehcp_named_plan',
  ehcp: 'ssd_ehcp_active_plans',
  senn: 'ssd_sen_need',
  s251: 'ssd_s251_finance',
  clai: 'ssd_cla_immunisations',
  clas: 'ssd_cla_substance_misuse',
  clac: 'ssd_cla_convictions',
  voch: 'ssd_voice_of_child',
};
/** Columns that identify the two prefix-less SSD tables. */
export const SKIPPED_BY_COLUMN: Readonly<Record<string, string>> = {
  json_payload: 'ssd_api_data_staging',
  version_number: 'ssd_version_log',
};
