/**
 * Plain-English labels for the statutory codes a child's record and chronology show.
 *
 * Sources: the SSDA903, CIN census and Annex A codes as the DfE validators (data-to-insight csc-validator-be-903 /
 * -cin) and Social Finance's liia-tools hold them, their texts paraphrased. Where a text
 * was not found, the label here is the DfE SSDA903 guidance wording as commonly published; those lists are marked.
 *
 * If `src/domain/code-lists.ts` (versioned code lists by collection year) lands, these labels should move there.
 */

export type CodeList = Readonly<Record<string, string>>;

/** "N1" → "Abuse or neglect"; unknown codes come back as the code itself, so nothing is ever hidden. */
export function label(list: CodeList, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '';
  return list[code] ?? code;
}

/** "N1" → "N1: Abuse or neglect" (code shown for analysts who think in codes). */
export function codeAndLabel(list: CodeList, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '';
  const text = list[code];
  return text ? `${code}: ${text}` : code;
}

export const SEX: CodeList = {
  M: 'Male',
  F: 'Female',
  U: 'Unknown or not recorded',
  '1': 'Male',
  '2': 'Female',
  '0': 'Not recorded',
  '9': 'Indeterminate',
};

/** The 20 DfE ethnicity codes (SSDA903 ETHNIC, CIN Ethnicity). */
export const ETHNICITY: CodeList = {
  WBRI: 'White British',
  WIRI: 'White Irish',
  WOTH: 'Any other White background',
  WIRT: 'Traveller of Irish heritage',
  WROM: 'Gypsy/Roma',
  MWBC: 'White and Black Caribbean',
  MWBA: 'White and Black African',
  MWAS: 'White and Asian',
  MOTH: 'Any other mixed background',
  AIND: 'Indian',
  APKN: 'Pakistani',
  ABAN: 'Bangladeshi',
  AOTH: 'Any other Asian background',
  BCRB: 'Caribbean',
  BAFR: 'African',
  BOTH: 'Any other Black background',
  CHNE: 'Chinese',
  OOTH: 'Any other ethnic group',
  REFU: 'Refused',
  NOBT: 'Information not yet obtained',
};

/** CIN census Disability. */
export const DISABILITY: CodeList = {
  NONE: 'No disability',
  MOB: 'Mobility',
  HAND: 'Hand function',
  PC: 'Personal care',
  INC: 'Incontinence',
  COMM: 'Communication',
  LD: 'Learning',
  HEAR: 'Hearing',
  VIS: 'Vision',
  BEH: 'Behaviour',
  CON: 'Consciousness',
  AUT: 'Autism or Asperger’s syndrome',
  DDA: 'Other disability',
};

/** CIN census ReferralSource (also the contact source). */
export const REFERRAL_SOURCE: CodeList = {
  '1A': 'Individual: family member, relative or carer',
  '1B': 'Individual: acquaintance',
  '1C': 'Individual: self',
  '1D': 'Individual: other',
  '2A': 'Schools',
  '2B': 'Education services',
  '3A': 'Health services: GP',
  '3B': 'Health services: health visitor',
  '3C': 'Health services: school nurse',
  '3D': 'Health services: other primary health services',
  '3E': 'Health services: A&E',
  '3F': 'Health services: other',
  '4': 'Housing',
  '5A': 'Local authority services: social care',
  '5B': 'Local authority services: other internal',
  '5C': 'Local authority services: external',
  '5D': 'Local authority services: early help',
  '6': 'Police',
  '7': 'Other legal agency',
  '8': 'Other',
  '9': 'Anonymous',
  '10': 'Unknown',
};

/** CIN census PrimaryNeedCode; also the SSDA903 CIN category of need. */
export const PRIMARY_NEED: CodeList = {
  N0: 'Not stated',
  N1: 'Abuse or neglect',
  N2: 'Child’s disability',
  N3: 'Parental disability or illness',
  N4: 'Family in acute stress',
  N5: 'Family dysfunction',
  N6: 'Socially unacceptable behaviour',
  N7: 'Low income',
  N8: 'Absent parenting',
  N9: 'Cases other than children in need',
};

/** CIN census ReasonForClosure. */
export const CLOSURE_REASON: CodeList = {
  RC1: 'Adopted',
  RC2: 'Died',
  RC3: 'Child arrangements order',
  RC4: 'Special guardianship order',
  RC5: 'Transferred to services of another local authority',
  RC6: 'Transferred to adult social care',
  RC7: 'Services ceased for any other reason, including no longer in need',
  RC8: 'Case closed after assessment, no further action',
  RC9: 'Case closed after assessment, referred to early help',
};

/** CIN census category of abuse (initial and latest) on a child protection plan. */
export const CP_CATEGORY: CodeList = {
  NEG: 'neglect',
  PHY: 'physical abuse',
  SAB: 'sexual abuse',
  EMO: 'emotional abuse',
  MUL: 'multiple categories',
};

/** CIN census AssessmentFactors. */
export const ASSESSMENT_FACTOR: CodeList = {
  '1A': 'Alcohol misuse: child',
  '1B': 'Alcohol misuse: parent or carer',
  '1C': 'Alcohol misuse: other person in the household',
  '2A': 'Drug misuse: child',
  '2B': 'Drug misuse: parent or carer',
  '2C': 'Drug misuse: other person in the household',
  '3A': 'Domestic abuse: child',
  '3B': 'Domestic abuse: parent or carer',
  '3C': 'Domestic abuse: other person in the household',
  '4A': 'Mental health: child',
  '4B': 'Mental health: parent or carer',
  '4C': 'Mental health: other person in the household',
  '5A': 'Learning disability: child',
  '5B': 'Learning disability: parent or carer',
  '5C': 'Learning disability: other person in the household',
  '6A': 'Physical disability or illness: child',
  '6B': 'Physical disability or illness: parent or carer',
  '6C': 'Physical disability or illness: other person in the household',
  '7A': 'Young carer',
  '8B': 'Privately fostered: overseas, intends to return',
  '8C': 'Privately fostered: overseas, intends to stay',
  '8D': 'Privately fostered: UK, educational placement',
  '8E': 'Privately fostered: UK, alternative family arrangement',
  '8F': 'Privately fostered: other',
  '9A': 'Unaccompanied asylum-seeking child',
  '10A': 'Going or being missing',
  '11A': 'Child sexual exploitation',
  '12A': 'Trafficking',
  '13A': 'Gangs',
  '14A': 'Socially unacceptable behaviour',
  '15A': 'Self-harm',
  '16A': 'Neglect',
  '17A': 'Emotional abuse',
  '18B': 'Physical abuse: child on child',
  '18C': 'Physical abuse: adult on child',
  '19B': 'Sexual abuse: child on child',
  '19C': 'Sexual abuse: adult on child',
  '20': 'Other',
  '21': 'No factors identified',
  '22A': 'Female genital mutilation',
  '23A': 'Abuse linked to faith or belief',
  '24A': 'Child criminal exploitation',
};

/** SSDA903 LS (legal status). */
export const LEGAL_STATUS: CodeList = {
  C1: 'Interim care order',
  C2: 'Full care order',
  D1: 'Freeing order granted',
  E1: 'Placement order granted',
  V2: 'Single period of accommodation under section 20',
  V3: 'Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded',
  V4: 'Accommodated under an agreed series of short-term breaks, when agreements are recorded',
  L1: 'Under police protection and in local authority accommodation',
  L2: 'Emergency protection order',
  L3: 'Under a child assessment order and in local authority accommodation',
  J1: 'Remanded to local authority accommodation or youth detention accommodation',
  J2: 'Placed in local authority accommodation under PACE',
  J3: 'Sentenced to a youth rehabilitation order with residence or intensive fostering requirement',
};

/** SSDA903 PLACE (placement type). */
export const PLACEMENT_TYPE: CodeList = {
  A3: 'Placed for adoption with parental consent, with current foster carer',
  A4: 'Placed for adoption with parental consent, not with current foster carer',
  A5: 'Placed for adoption with a placement order, with current foster carer',
  A6: 'Placed for adoption with a placement order, not with current foster carer',
  H5: 'Semi-independent living accommodation not subject to children’s homes regulations',
  K1: 'Secure children’s home',
  K2: 'Children’s home subject to children’s homes regulations',
  K3: 'Supported accommodation (16 and over)',
  P1: 'Placed with own parent(s) or other person(s) with parental responsibility',
  P2: 'Independent living',
  P3: 'Residential employment',
  R1: 'Residential care home',
  R2: 'NHS or health trust or other establishment providing medical or nursing care',
  R3: 'Family centre or mother and baby unit',
  R5: 'Young offender institution or prison',
  S1: 'All residential schools, except where dual-registered as a school and children’s home',
  T0: 'All types of temporary move',
  T1: 'Temporary periods in hospital',
  T2: 'Temporary absences of the child on holiday',
  T3: 'Temporary accommodation whilst normal foster carer is on holiday',
  T4: 'Temporary accommodation of seven days or less',
  U1: 'Foster placement with relative or friend: long-term fostering',
  U2: 'Foster placement with relative or friend who is also an approved adopter: fostering for adoption',
  U3: 'Foster placement with relative or friend: not long-term or fostering for adoption',
  U4: 'Foster placement with other foster carer: long-term fostering',
  U5: 'Foster placement with other foster carer who is also an approved adopter: fostering for adoption',
  U6: 'Foster placement with other foster carer: not long-term or fostering for adoption',
  Z1: 'Other placement',
  Z11: 'Other placement',
  Z12: 'Other placement',
  Z13: 'Other placement',
  Z14: 'Other placement',
};

/** SSDA903 PLACE_PROVIDER. */
export const PLACEMENT_PROVIDER: CodeList = {
  PR0: 'Parent(s) or other person(s) with parental responsibility',
  PR1: 'Own provision (by the local authority)',
  PR2: 'Other local authority provision',
  PR3: 'Other public provision',
  PR4: 'Private provision',
  PR5: 'Voluntary or third sector provision',
};

/** SSDA903 REC (reason an episode or period of care ceased). */
export const REASON_CEASED: CodeList = {
  X1: 'Episode ceases, and new episode begins on same day, for any reason',
  E11: 'Adopted: application for an adoption order unopposed',
  E12: 'Adopted: consent dispensed with by the court',
  E2: 'Died',
  E3: 'Care taken over by another local authority in the UK',
  E4A: 'Returned home to live with parents, relatives or other person with parental responsibility as part of the care planning process',
  E4B: 'Returned home to live with parents, relatives or other person with parental responsibility not as part of the care planning process',
  E13: 'Left care to live with parents, relatives or other person with no parental responsibility',
  E41: 'Residence (child arrangements) order granted',
  E45: 'Special guardianship order made to former foster carer who was a relative or friend',
  E46: 'Special guardianship order made to former foster carer, other than a relative or friend',
  E47: 'Special guardianship order made to a carer, not a former foster carer, who is a relative or friend',
  E48: 'Special guardianship order made to a carer, not a former foster carer, other than a relative or friend',
  E5: 'Moved into independent living arrangement with formalised support',
  E6: 'Moved into independent living arrangement without formalised support',
  E7: 'Transferred to residential care funded by adult social care',
  E8: 'Period of being looked after ceased for any other reason',
  E9: 'Sentenced to custody',
  E14: 'Accommodation on remand ended',
  E15: 'Age assessment determined child is aged 18 or over',
  E16: 'Child moved abroad',
  E17: 'Aged 18 or over and remained with current carers',
};

/** SSDA903 REASON_PLACE_CHANGE. */
export const PLACEMENT_CHANGE_REASON: CodeList = {
  CARPL: 'Change to or implementation of the care plan',
  CLOSE: 'Resignation or closure of the provision',
  ALLEG: 'Allegation (section 47 enquiry)',
  STAND: 'Standards of care concern',
  APPRR: 'Carer’s approval removed',
  CREQB: 'Carer requests placement end due to the child’s behaviour',
  CREQO: 'Carer requests placement end for other reasons',
  CHILD: 'Child requests placement end',
  LAREQ: 'Responsible or area local authority requests placement end',
  PLACE: 'Change in the status of the placement only',
  CUSTOD: 'Custody',
  OTHER: 'Other',
};

/**
 * SSDA903 REVIEW_CODE: how the child took part in a looked-after review. The reference notes the texts were not in
 * its sources; these are the DfE SSDA903 guidance wordings.
 */
export const REVIEW_PARTICIPATION: CodeList = {
  PN0: 'Child aged under 4 at the time of the review',
  PN1: 'Child attended and spoke for themselves',
  PN2: 'Child attended and an advocate spoke on their behalf',
  PN3: 'Child attended and conveyed their views symbolically',
  PN4: 'Child attended but did not speak or convey their views',
  PN5: 'Child did not attend but briefed an advocate to speak for them',
  PN6: 'Child did not attend but conveyed their feelings by a facilitative medium',
  PN7: 'Child did not attend and their views were not conveyed',
};

/** Lantern's own CP review participation values (cp_reviews.participation). */
export const CP_REVIEW_PARTICIPATION: CodeList = {
  attended: 'child attended',
  'views-conveyed': 'child’s views conveyed',
  'did-not-participate': 'child did not take part',
  'under-4': 'child under 4',
};

/** SSDA903 SDQ_REASON (meanings per DfE SSDA903 guidance; the reference marks them unverified). */
export const SDQ_REASON: CodeList = {
  SDQ1: 'No form returned: child under 4 or over 17',
  SDQ2: 'Carer refused to complete the questionnaire',
  SDQ3: 'Not possible because of the severity of the child’s disability',
  SDQ4: 'Other',
  SDQ5: 'Child or young person refused',
};

/** Care leaver eligibility (Children (Leaving Care) Act categories). */
export const CARE_LEAVER_ELIGIBILITY: CodeList = {
  eligible: 'Eligible child',
  relevant: 'Relevant child',
  'former-relevant': 'Former relevant child',
  qualifying: 'Qualifying care leaver',
};

/** SSDA903 IN_TOUCH. */
export const IN_TOUCH: CodeList = {
  YES: 'In touch',
  NO: 'Not in touch',
  DIED: 'Died',
  REFU: 'Refuses contact',
  NREQ: 'No longer requires services',
  RHOM: 'Returned home to parents for 6 months or more',
};

/** SSDA903 ACCOM letter (the suitability digit is kept separately). */
export const ACCOMMODATION: CodeList = {
  B: 'With parents or relatives',
  C: 'Community home or other form of residential care',
  D: 'Semi-independent, transitional or self-contained accommodation',
  E: 'Supported lodgings',
  G: 'Abroad',
  H: 'Deported',
  K: 'Ordinary lodgings, without formal support',
  R: 'Residence not known',
  S: 'No fixed abode or homeless',
  T: 'Foyers and similar supported accommodation',
  U: 'Independent living',
  V: 'Emergency accommodation',
  W: 'Bed and breakfast',
  X: 'In custody',
  Y: 'Other accommodation',
  Z: 'With former foster carers',
  '0': 'Not known',
};

/** SSDA903 ACTIV. */
export const ACTIVITY: CodeList = {
  F1: 'Full-time in higher education',
  P1: 'Part-time in higher education',
  F2: 'Full-time in education other than higher education',
  P2: 'Part-time in education other than higher education',
  F3: 'Full-time in training or employment',
  P3: 'Part-time in training or employment',
  F4: 'Full-time apprenticeship',
  P4: 'Part-time apprenticeship',
  F5: 'Full-time training or employment (not an apprenticeship)',
  P5: 'Part-time training or employment (not an apprenticeship)',
  G4: 'Not in education, employment or training: illness or disability',
  G5: 'Not in education, employment or training: other reasons',
  G6: 'Not in education, employment or training: pregnancy or parenting',
  '0': 'No information',
};

/** Annex A List 10 / SSDA903 REASON_PLACED_CEASED. */
export const DECISION_REVERSED_REASON: CodeList = {
  RD1: 'The child’s needs changed after the decision',
  RD2: 'The court did not make a placement order',
  RD3: 'Prospective adopters could not be found',
  RD4: 'Any other reason',
};

/** Lantern values on contacts.mash_decision. */
export const MASH_DECISION: CodeList = {
  nfa: 'no further action',
  'information-advice': 'information and advice',
  'early-help': 'early help',
  referral: 'referral to children’s social care',
};

export const BRAG: CodeList = { B: 'blue', R: 'red', A: 'amber', G: 'green' };

/** Lantern values on early_help_episodes.outcome. */
export const EARLY_HELP_OUTCOME: CodeList = {
  'needs-met': 'needs met',
  'stepped-up': 'stepped up to children’s social care',
  disengaged: 'family disengaged',
  'moved-away': 'moved away',
  other: 'other',
};

/** Lantern values on s47_enquiries.outcome and strategy_discussions.outcome. */
export const S47_OUTCOME: CodeList = {
  icpc: 'initial child protection conference',
  nfa: 'no further action',
  'cin-plan': 'child in need plan',
};

export const STRATEGY_OUTCOME: CodeList = { s47: 'section 47 enquiry', 'no-s47': 'no section 47 enquiry' };

/** Lantern values on visits.kind. */
export const VISIT_KIND: CodeList = {
  cin: 'Child in need visit',
  cp: 'Child protection visit',
  cla: 'Visit to a child in care',
  'care-leaver': 'Visit to a care leaver',
  'private-fostering': 'Private fostering visit',
};

/** Lantern values on pre_proceedings.outcome. */
export const PLO_OUTCOME: CodeList = {
  'proceedings-issued': 'care proceedings issued',
  'step-down': 'stepped down',
  ongoing: 'ongoing',
};

/** Lantern values on care_proceedings.final_order and permanence_milestones.order_type. */
export const COURT_ORDER: CodeList = {
  'care-order': 'care order',
  'placement-order': 'placement order',
  sgo: 'special guardianship order',
  'child-arrangements-order': 'child arrangements order',
  'supervision-order': 'supervision order',
  'no-order': 'no order',
  withdrawn: 'withdrawn',
  adoption: 'adoption order',
};

/** Annex A List 8 permanence plan. */
export const PERMANENCE_PLAN: CodeList = {
  'return-to-family': 'Return to family',
  adoption: 'Adoption',
  'sgo-cao': 'Special guardianship or child arrangements order',
  'supported-living': 'Supported living in the community',
  'long-term-residential': 'Long-term residential placement',
  'long-term-fostering': 'Long-term fostering',
  other: 'Other',
};

/** Lantern values on allocations.role. */
export const ALLOCATION_ROLE: CodeList = {
  'social-worker': 'Social worker',
  'personal-adviser': 'Personal adviser',
  iro: 'Independent reviewing officer',
  'early-help-practitioner': 'Early help practitioner',
};

/** Lantern values on lado_referrals. */
export const LADO_OUTCOME: CodeList = {
  substantiated: 'substantiated',
  unsubstantiated: 'unsubstantiated',
  unfounded: 'unfounded',
  false: 'false',
  malicious: 'malicious',
  'no-further-action': 'no further action',
};

/** Lantern values on family_links.relationship. */
export const RELATIONSHIP: CodeList = {
  sibling: 'Sibling',
  'half-sibling': 'Half-sibling',
  mother: 'Mother',
  child: 'Child',
};
