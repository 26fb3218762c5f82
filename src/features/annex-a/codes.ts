/**
 * Annex A's lettered option strings ("a) WBRI", "b) PR1: Own provision"), keyed by the canonical code Lantern
 * stores. Sources: Social Finance's liia-tools `data-map.yml` and, where it elides the text, the SSD
 * Annex A extraction SQL (`ssd-data-model/admin/tools-ssd_dfe_returns/AnnexA_sqlserver_v1.2.0_1_20240731.sql`).
 *
 * Choices where the sources are silent (each a documented decision, not Ofsted's wording):
 * - Texts after the code for Placement Type, Reason Ceased and Placement Provider are Lantern's short paraphrase
 *   of the SSDA903 code descriptions; the letter and code before the colon follow `data-map.yml`.
 * - Codes Annex A has no letter for, because they are newer than the 2022 option list (referral source 5D,
 *   placement types K3 and Z11–Z14), are written as the SSD SQL does for 5D ("p1) 5D: LA services") or without a
 *   letter ("K3: Supported accommodation"). Readers accept them with or without a letter.
 * - Lantern keeps M/F/U for sex; "d) Neither" is read as U.
 */

export interface CodeOption {
  /** The code Lantern stores (WBRI, 2A, PR1, relevant, Y…). */
  code: string;
  /** The option string exactly as the workbook shows it. */
  label: string;
}

function options(pairs: ReadonlyArray<readonly [string, string]>): readonly CodeOption[] {
  return pairs.map(([code, label]) => ({ code, label }));
}

const ETHNICITY_ORDER = [
  'WBRI',
  'WIRI',
  'WIRT',
  'WOTH',
  'WROM',
  'MWBC',
  'MWBA',
  'MWAS',
  'MOTH',
  'AIND',
  'APKN',
  'ABAN',
  'AOTH',
  'BCRB',
  'BAFR',
  'BOTH',
  'CHNE',
  'OOTH',
  'REFU',
  'NOBT',
] as const;

/** `a`, `b` … `z`, then `zz` (as the Placement Type list letters its 27th option). */
function letter(i: number): string {
  return i < 26 ? String.fromCharCode(97 + i) : 'z'.repeat(i - 24);
}

function lettered(items: ReadonlyArray<readonly [string, string]>): Array<readonly [string, string]> {
  return items.map(([code, text], i) => [code, `${letter(i)}) ${text}`] as const);
}

const SOURCE_TEXT: ReadonlyArray<readonly [string, string]> = [
  ['1A', '1A: Individual'],
  ['1B', '1B: Individual'],
  ['1C', '1C: Individual'],
  ['1D', '1D: Individual'],
  ['2A', '2A: Schools'],
  ['2B', '2B: Education services'],
  ['3A', '3A: Health services'],
  ['3B', '3B: Health services'],
  ['3C', '3C: Health services'],
  ['3D', '3D: Health services'],
  ['3E', '3E: Health services'],
  ['3F', '3F: Health services'],
  ['4', '4: Housing'],
  ['5A', '5A: LA services'],
  ['5B', '5B: LA services'],
  ['5C', '5C: LA services'],
  ['6', '6: Police'],
  ['7', '7: Other legal agency'],
  ['8', '8: Other'],
  ['9', '9: Anonymous'],
  ['10', '10: Unknown'],
];

const PLACEMENT_TYPES: ReadonlyArray<readonly [string, string]> = [
  ['U1', 'U1: Foster placement with relative or friend - long term fostering'],
  ['U2', 'U2: Foster placement with relative or friend who is also an approved adopter - FFA'],
  ['U3', 'U3: Foster placement with relative or friend - not long term or FFA'],
  ['U4', 'U4: Foster placement with other foster carer - long term fostering'],
  ['U5', 'U5: Foster placement with other foster carer who is also an approved adopter - FFA'],
  ['U6', 'U6: Foster placement with other foster carer - not long term or FFA'],
  ['A3', 'A3: Placed for adoption with parental/guardian consent with current foster carer(s)'],
  ['A4', 'A4: Placed for adoption with parental/guardian consent not with current foster carer(s)'],
  ['A5', 'A5: Placed for adoption with placement order with current foster carer(s)'],
  ['A6', 'A6: Placed for adoption with placement order not with current foster carer(s)'],
  ['P1', 'P1: Placed with own parent(s) or other person(s) with parental responsibility'],
  ['P2', 'P2: Independent living'],
  ['P3', 'P3: Residential employment'],
  ['H5', 'H5: Semi-independent living accommodation not subject to children’s homes regulations'],
  ['K1', 'K1: Secure children’s homes'],
  ['K2', 'K2: Children’s Homes subject to Children’s Homes Regulations'],
  ['R1', 'R1: Residential care home'],
  ['R2', 'R2: NHS/Health Trust or other establishment providing medical or nursing care'],
  ['R3', 'R3: Family centre or mother and baby unit'],
  ['R5', 'R5: Young offender institution or prison'],
  ['S1', 'S1: All residential schools, except where dual-registered as a school and children’s home'],
  ['Z1', 'Z1: Other placements'],
  ['T0', 'T0: All types of temporary move'],
  ['T1', 'T1: Temporary periods in hospital'],
  ['T2', 'T2: Temporary absences of the child on holiday'],
  ['T3', 'T3: Temporary accommodation whilst normal foster carer(s) is/are on holiday'],
  ['T4', 'T4: Temporary accommodation of seven days or less, for any reason, not covered by codes T1 to T3'],
];

/** Placement types newer than Annex A's lettered list: written without a letter. */
const UNLETTERED_PLACEMENT_TYPES: ReadonlyArray<readonly [string, string]> = [
  ['K3', 'K3: Supported accommodation'],
  ['Z11', 'Z11: Other placements'],
  ['Z12', 'Z12: Other placements'],
  ['Z13', 'Z13: Other placements'],
  ['Z14', 'Z14: Other placements'],
];

const REASONS_CEASED: ReadonlyArray<readonly [string, string]> = [
  ['E11', 'E11: Adopted - application for an adoption order unopposed'],
  ['E12', 'E12: Adopted - consent dispensed with by the court'],
  ['E2', 'E2: Died'],
  ['E3', 'E3: Care taken over by another local authority in the UK'],
  [
    'E4A',
    'E4A: Returned home to live with parents, relatives or other person with parental responsibility as part of the care planning process',
  ],
  [
    'E4B',
    'E4B: Returned home to live with parents, relatives or other person with parental responsibility which was not part of the current care planning process',
  ],
  ['E13', 'E13: Left care to live with parent(s), relative(s), or other person(s) with no parental responsibility'],
  [
    'E41',
    'E41: Residence order (or, from 22 April 2014, a child arrangement order which sets out with whom the child is to live) granted',
  ],
  ['E45', 'E45: Special guardianship order made to former foster carer(s), who was/are a relative(s) or friend(s)'],
  ['E46', 'E46: Special guardianship order made to former foster carer(s), other than relative(s) or friend(s)'],
  [
    'E47',
    'E47: Special guardianship order made to carer(s), other than former foster carer(s), who was/are a relative(s) or friend(s)',
  ],
  [
    'E48',
    'E48: Special guardianship order made to carer(s), other than former foster carer(s), other than relative(s) or friend(s)',
  ],
  [
    'E5',
    'E5: Moved into independent living arrangement and no longer looked-after: supportive accommodation providing formalised advice/support arrangements',
  ],
  [
    'E6',
    'E6: Moved into independent living arrangement and no longer looked-after: accommodation providing no formalised advice/support arrangements',
  ],
  ['E7', 'E7: Transferred to residential care funded by adult social care services'],
  ['E9', 'E9: Sentenced to custody'],
  ['E14', 'E14: Accommodation on remand ended'],
  ['E15', 'E15: Age assessment determined child is aged 18 or over'],
  ['E16', 'E16: Child moved abroad'],
  ['E8', 'E8: Period of being looked after ceased for any other reason'],
  ['X1', 'X1: Episode ceases, and new episode begins on same day, for any reason'],
  ['E17', 'E17: Aged 18 (or over) and remained with current carers'],
];

const PROVIDERS: ReadonlyArray<readonly [string, string]> = [
  ['PR0', 'PR0: Parent(s) or other person(s) with parental responsibility'],
  ['PR1', 'PR1: Own provision'],
  ['PR2', 'PR2: Other LA provision'],
  ['PR3', 'PR3: Other public provision'],
  ['PR4', 'PR4: Private provision'],
  ['PR5', 'PR5: Voluntary/third sector provision'],
];

const NEEDS: ReadonlyArray<readonly [string, string]> = [
  ['N1', 'N1 - Abuse or neglect'],
  ['N2', 'N2 - Child’s disability'],
  ['N3', 'N3 - Parental disability or illness'],
  ['N4', 'N4 - Family in acute stress'],
  ['N5', 'N5 - Family dysfunction'],
  ['N6', 'N6 - Socially unacceptable behaviour'],
  ['N7', 'N7 - Low income'],
  ['N8', 'N8 - Absent parenting'],
  ['N9', 'N9 - Cases other than children in need'],
  ['N0', 'N0 - Not stated'],
];

const ACTIVITY_2022: ReadonlyArray<readonly [string, string]> = [
  ['F1', 'F1: Full time in higher education'],
  ['P1', 'P1: Part time in higher education'],
  ['F2', 'F2: Full time in education other than higher'],
  ['P2', 'P2: Part time in education other than higher'],
  ['F3', 'F3: Full time in training or employment'],
  ['P3', 'P3: Part time in training or employment'],
  ['G4', 'G4: Not in education, employment or training - illness or disability'],
  ['G5', 'G5: Not in education, employment or training - other'],
  ['G6', 'G6: Not in education, employment or training - pregnancy or parenting'],
];

const ACTIVITY_2024: ReadonlyArray<readonly [string, string]> = [
  ['F1', 'F1: Full time in higher education'],
  ['P1', 'P1: Part time in higher education'],
  ['F2', 'F2: Full time in education other than higher'],
  ['P2', 'P2: Part time in education other than higher'],
  ['F4', 'F4: Young person engaged full time in an apprenticeship'],
  ['P4', 'P4: Young person engaged part time in an apprenticeship'],
  ['F5', 'F5: Young person engaged full time in training or employment (not apprenticeship)'],
  ['P5', 'P5: Young person engaged part time in training or employment (not apprenticeship)'],
  ['G4', 'G4: Not in education, employment or training - illness or disability'],
  ['G5', 'G5: Not in education, employment or training - other'],
  ['G6', 'G6: Not in education, employment or training - pregnancy or parenting'],
];

export const CODE_LISTS = {
  sex: options([
    ['M', 'a) Male'],
    ['F', 'b) Female'],
    ['U', 'c) Not stated/recorded'],
  ]),
  ethnicity: options(lettered(ETHNICITY_ORDER.map((c) => [c, c] as const))),
  /** Contact and referral source; 5D (from 2022/23) as the SSD SQL writes it. */
  source: options([
    ...lettered(SOURCE_TEXT).slice(0, 16),
    ['5D', 'p1) 5D: LA services'],
    ...lettered(SOURCE_TEXT).slice(16),
  ]),
  /** 2022 layout: no 5D. */
  source2022: options(lettered(SOURCE_TEXT)),
  yesNo: options([
    ['Y', 'a) Yes'],
    ['N', 'b) No'],
  ]),
  yesNoUnknown: options([
    ['Y', 'a) Yes'],
    ['N', 'b) No'],
    ['U', 'c) Unknown'],
  ]),
  primaryNeed: options(NEEDS),
  /** SSDA903 category of need (List 8): N1–N8 in the same form as the CIN primary need. */
  categoryOfNeed: options(NEEDS.slice(0, 8)),
  closureReason: options([
    ['RC1', 'RC1 - Adopted'],
    ['RC2', 'RC2 - Died'],
    ['RC3', 'RC3 - Child arrangements order'],
    ['RC4', 'RC4 - Special guardianship order'],
    ['RC5', 'RC5 - Transferred to services of another local authority'],
    ['RC6', 'RC6 - Transferred to adult social care services'],
    ['RC7', 'RC7 - Services ceased for any other reason, including child no longer in need'],
    ['RC8', 'RC8 - Case closed after assessment, no further action'],
    ['RC9', 'RC9 - Case closed after assessment, referred to early help'],
  ]),
  caseStatus: options([
    ['cla', 'a) Looked after child'],
    ['cp', 'b) Child Protection plan'],
    ['cin', 'c) Child in need plan'],
    ['assessment', 'd) Open assessment'],
    ['closed', 'e) Closed episode'],
  ]),
  abuseCategory: options([
    ['NEG', 'a) Neglect'],
    ['PHY', 'b) Physical abuse'],
    ['SAB', 'c) Sexual abuse'],
    ['EMO', 'd) Emotional abuse'],
    ['MUL', 'e) Multiple/not recommended'],
  ]),
  legalStatus: options([
    ['C1', 'C1: ICO'],
    ['C2', 'C2: FCO'],
    ['D1', 'D1: Freeing order'],
    ['E1', 'E1: Placement order'],
    ['V2', 'V2: Single period under S20'],
    ['V3', 'V3: Short term breaks, episodes recorded'],
    ['V4', 'V4: Short term breaks, agreements recorded'],
    ['L1', 'L1: Police protection LA accommodation'],
    ['L2', 'L2: EPO'],
    ['L3', 'L3: Child assessment order LA accommodation'],
    ['J1', 'J1: Remanded to LA or youth detention'],
    ['J2', 'J2: LA accommodation under PACE'],
    ['J3', 'J3: Youth rehabilitation order'],
  ]),
  /** Lantern's permanence plan short codes (periods_of_care.permanence_plan). */
  permanencePlan: options([
    ['return-to-family', 'a) Return to family'],
    ['adoption', 'b) Adoption'],
    ['sgo-cao', 'c) SGO/CAO'],
    ['supported-living', 'd) Supported living in the community'],
    ['long-term-residential', 'e) Long-term residential placement'],
    ['long-term-fostering', 'f) Long-term fostering'],
    ['other', 'g) other'],
  ]),
  reasonCeased: options(lettered(REASONS_CEASED)),
  placementType: options([...lettered(PLACEMENT_TYPES), ...UNLETTERED_PLACEMENT_TYPES]),
  placementProvider: options(lettered(PROVIDERS)),
  placementLocation: options([
    ['in', 'a) In'],
    ['out', 'b) Out'],
  ]),
  eligibility: options([
    ['relevant', 'a) Relevant child'],
    ['former-relevant', 'b) Former relevant child'],
    ['qualifying', 'c) Qualifying care leaver'],
    ['eligible', 'd) Eligible child'],
  ]),
  inTouch: options([
    ['YES', 'a) Yes'],
    ['NO', 'b) No'],
    ['DIED', 'c) Died'],
    ['REFU', 'd) Refu'],
    ['NREQ', 'e) NREQ'],
    ['RHOM', 'f) Rhom'],
  ]),
  accommodation: options([
    ['B', 'B: Parents/relatives'],
    ['C', 'C: Community home/residential care'],
    ['D', 'D: Semi-independent, transitional accommodation and self-contained accommodation'],
    ['E', 'E: Supported lodgings'],
    ['G', 'G: Abroad'],
    ['H', 'H: Deported'],
    ['K', 'K: Ordinary lodgings, without formal support'],
    ['R', 'R: Residence not known'],
    ['S', 'S: No fixed abode/homeless'],
    ['T', 'T: Foyers and similar supported accommodation'],
    ['U', 'U: Independent living'],
    ['V', 'V: Emergency accommodation'],
    ['W', 'W: Bed and breakfast'],
    ['X', 'X: In custody'],
    ['Y', 'Y: Other accommodation'],
    ['Z', 'Z: With former foster carers'],
  ]),
  suitability: options([
    ['Y', 'a) Suitable'],
    ['N', 'b) Unsuitable'],
  ]),
  activity2022: options(ACTIVITY_2022),
  activity: options(ACTIVITY_2024),
  decisionReversedReason: options([
    ['RD1', 'RD1 - The child’s needs changed subsequent to the decision'],
    ['RD2', 'RD2 - The Court did not make a placement order'],
    ['RD3', 'RD3 - Prospective adopters could not be found'],
    ['RD4', 'RD4 - Any other reason'],
  ]),
  leavingAdoptionReason: options([
    ['1', '1 - Adopter withdrew from process'],
    ['2', '2 - Process put on hold'],
    ['3', '3 - Application refused'],
  ]),
} as const satisfies Record<string, readonly CodeOption[]>;

export type CodeListId = keyof typeof CODE_LISTS;

/** The option string for a canonical code, or null when the list has no such code. */
export function codeLabel(list: CodeListId, code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  const found = CODE_LISTS[list].find((o) => o.code === code);
  return found ? found.label : null;
}

/**
 * Other spellings people write, per list, in the normalised form `normaliseForMatch` produces. The lettered
 * strings, the text after the letter and the bare code are accepted without listing them here.
 */
const SYNONYMS: Partial<Record<CodeListId, Record<string, string>>> = {
  sex: {
    male: 'M',
    m: 'M',
    '1': 'M',
    female: 'F',
    f: 'F',
    '2': 'F',
    u: 'U',
    '0': 'U',
    '9': 'U',
    unknown: 'U',
    unborn: 'U',
    'not stated': 'U',
    'not recorded': 'U',
    'not known': 'U',
    'not stated/recorded (or unborn)': 'U',
    neither: 'U',
    'd) neither': 'U',
    indeterminate: 'U',
  },
  ethnicity: { unknown: 'NOBT', 'u) unknown': 'NOBT' },
  yesNo: { y: 'Y', yes: 'Y', true: 'Y', '1': 'Y', n: 'N', no: 'N', false: 'N', '0': 'N' },
  yesNoUnknown: {
    y: 'Y',
    yes: 'Y',
    true: 'Y',
    '1': 'Y',
    n: 'N',
    no: 'N',
    false: 'N',
    '0': 'N',
    u: 'U',
    unknown: 'U',
    'not known': 'U',
  },
  caseStatus: {
    'looked after child': 'cla',
    cla: 'cla',
    lac: 'cla',
    'child protection plan': 'cp',
    cp: 'cp',
    cpp: 'cp',
    'child in need plan': 'cin',
    cin: 'cin',
    'open assessment': 'assessment',
    'closed episode': 'closed',
    closed: 'closed',
  },
  abuseCategory: {
    neglect: 'NEG',
    'physical abuse': 'PHY',
    'sexual abuse': 'SAB',
    'emotional abuse': 'EMO',
    multiple: 'MUL',
    'multiple/not recommended': 'MUL',
  },
  placementLocation: { in: 'in', out: 'out', 'in area': 'in', 'out of area': 'out', inside: 'in', outside: 'out' },
  eligibility: {
    relevant: 'relevant',
    'relevant child': 'relevant',
    'former relevant': 'former-relevant',
    'former relevant child': 'former-relevant',
    qualifying: 'qualifying',
    'qualifying care leaver': 'qualifying',
    eligible: 'eligible',
    'eligible child': 'eligible',
  },
  inTouch: {
    yes: 'YES',
    y: 'YES',
    no: 'NO',
    n: 'NO',
    died: 'DIED',
    refu: 'REFU',
    refused: 'REFU',
    nreq: 'NREQ',
    'not required': 'NREQ',
    rhom: 'RHOM',
    'returned home': 'RHOM',
  },
  suitability: {
    suitable: 'Y',
    unsuitable: 'N',
    'not suitable': 'N',
    '1': 'Y',
    '2': 'N',
    yes: 'Y',
    no: 'N',
    y: 'Y',
    n: 'N',
  },
  permanencePlan: {
    'return to family': 'return-to-family',
    adoption: 'adoption',
    'sgo/cao': 'sgo-cao',
    sgo: 'sgo-cao',
    cao: 'sgo-cao',
    'supported living in the community': 'supported-living',
    'long-term residential placement': 'long-term-residential',
    'long term residential placement': 'long-term-residential',
    'long-term fostering': 'long-term-fostering',
    'long term fostering': 'long-term-fostering',
    other: 'other',
  },
};

/** Lower case, one space, straight quotes and dashes, no trailing full stop. */
export function normaliseForMatch(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u00A0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.$/, '')
    .toLowerCase();
}

const LETTER_PREFIX = /^[a-z]{1,2}\d?\)\s*/;

interface Matcher {
  exact: Map<string, string>;
  codes: Map<string, string>;
}
const matchers = new Map<CodeListId, Matcher>();

function matcherFor(list: CodeListId): Matcher {
  let m = matchers.get(list);
  if (m) return m;
  m = { exact: new Map(), codes: new Map() };
  for (const o of CODE_LISTS[list]) {
    const label = normaliseForMatch(o.label);
    m.exact.set(label, o.code);
    m.exact.set(label.replace(LETTER_PREFIX, ''), o.code);
    m.codes.set(o.code.toLowerCase(), o.code);
  }
  for (const [k, v] of Object.entries(SYNONYMS[list] ?? {})) m.exact.set(k, v);
  matchers.set(list, m);
  return m;
}

/**
 * The canonical code for what a workbook cell says: the exact option string, the text without its letter, the bare
 * code ("WBRI", "PR1"), or the code followed by any description ("PR4 - Private provision", "N1: Abuse").
 * Null when none of these matches.
 */
export function parseCode(list: CodeListId, text: string): string | null {
  const m = matcherFor(list);
  const t = normaliseForMatch(text);
  if (t === '') return null;
  const exact = m.exact.get(t) ?? m.exact.get(t.replace(LETTER_PREFIX, ''));
  if (exact) return exact;
  const bare = t.replace(LETTER_PREFIX, '');
  const head = /^([a-z0-9]+)(?:\s*(?::|-|\)|\s)\s*.*)?$/.exec(bare);
  if (head) {
    const code = m.codes.get(head[1] as string) ?? m.exact.get(head[1] as string);
    if (code) return code;
  }
  return null;
}
