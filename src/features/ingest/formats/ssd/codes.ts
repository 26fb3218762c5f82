/**
 * Code lists and value mappings the SSD needs beyond src/domain/code-lists.ts. The SSD keeps the statutory codes
 * of the returns it feeds (903, CIN census), but some columns hold a case-management system's own words (health
 * check types, job titles, order types); those are mapped here to Lantern's values, and the choice is documented
 * beside each mapping.
 */

/** SSDA903 CIN (category of need for a looked-after child): N1–N8. */
export const CLA_NEED_CODES = ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8'] as const;
/** UPN unknown reasons (CIN census UPNunknown; UN8–UN10 added in later years). */
export const UPN_UNKNOWN_CODES = ['UN1', 'UN2', 'UN3', 'UN4', 'UN5', 'UN6', 'UN7', 'UN8', 'UN9', 'UN10'] as const;
export const SDQ_REASONS = ['SDQ1', 'SDQ2', 'SDQ3', 'SDQ4', 'SDQ5'] as const;
export const PREVIOUS_PERMANENCE_CODES = ['P1', 'P2', 'P3', 'P4', 'Z1'] as const;
export const DECISION_REVERSED_REASONS = ['RD1', 'RD2', 'RD3', 'RD4'] as const;
export const CARE_LEAVER_ELIGIBILITY = ['relevant', 'former-relevant', 'qualifying', 'eligible'] as const;

/** Sex as the SSD writes it (F/M/U), also the old 903 1/2 and the words; undefined when not one of these. */
export function sexCode(text: string): 'M' | 'F' | 'U' | undefined {
  const t = text.trim().toUpperCase();
  if (t === 'M' || t === '1' || t === 'MALE') return 'M';
  if (t === 'F' || t === '2' || t === 'FEMALE') return 'F';
  if (t === 'U' || t === '0' || t === '9' || t === 'UNKNOWN' || t === 'NOT KNOWN' || t === 'INDETERMINATE') return 'U';
  return undefined;
}

/** The SSD's own guidance spells Chinese CNHE; the DfE code is CHNE. A person reads them as the same. */
export function ethnicityAlias(code: string): string {
  return code === 'CNHE' ? 'CHNE' : code;
}

/** Missing (M) or away from placement without authorisation (A); the words are accepted too. */
export function missingType(text: string): 'M' | 'A' | undefined {
  const t = text.trim().toUpperCase();
  if (t === 'M' || t === 'MISSING') return 'M';
  if (t === 'A' || t === 'AWAY' || t === 'ABSENT' || t.startsWith('AWAY FROM')) return 'A';
  return undefined;
}

/**
 * What a row of ssd_cla_health records. The SSD carries the system's check type as text ("Health check",
 * "Review Health Assessment", "Dental Check", "Optician check"): dental checks go to dental_checks; an initial
 * health assessment (the text says "initial") or any other health assessment / check goes to health_assessments;
 * anything else (optician checks, immunisations) has no home in Lantern and is skipped with a query.
 */
export function healthCheckKind(type: string): 'dental' | 'initial' | 'review' | null {
  const t = type.toLowerCase();
  if (t.includes('dental') || t.includes('dentist')) return 'dental';
  if (!t.includes('health')) return null;
  return t.includes('initial') || t === 'iha' ? 'initial' : 'review';
}

/** A check whose status says it did not happen (refused, cancelled, declined, not done) is not a check held. */
export function healthCheckHeld(status: string | null): boolean {
  return status === null || !/refus|cancel|declin|not |did not|missed/i.test(status);
}

/** The SSD's health check type as Lantern writes it. */
export const HEALTH_CHECK_TYPE = {
  initial: 'Initial Health Assessment',
  review: 'Review Health Assessment',
  dental: 'Dental Check',
} as const;

const WORKER_ROLES = [
  'social-worker',
  'senior-practitioner',
  'team-manager',
  'personal-adviser',
  'iro',
  'early-help-practitioner',
  'lado',
] as const;

/** A worker's Lantern role from a job title (Lantern's export writes the role itself; other text is read by its words). */
export function workerRole(title: string | null): string {
  if (title === null) return 'social-worker';
  const t = title.trim().toLowerCase();
  if ((WORKER_ROLES as readonly string[]).includes(t)) return t;
  if (/personal advi[sc]/.test(t)) return 'personal-adviser';
  if (/\biro\b|independent reviewing/.test(t)) return 'iro';
  if (/early help|family support/.test(t)) return 'early-help-practitioner';
  if (/\blado\b|designated officer/.test(t)) return 'lado';
  if (/manager|head of/.test(t)) return 'team-manager';
  if (/senior|advanced/.test(t)) return 'senior-practitioner';
  return 'social-worker';
}

const ALLOCATION_ROLES = ['social-worker', 'personal-adviser', 'iro', 'early-help-practitioner'] as const;

/** An involvement's role (invo_professional_role_id) as a Lantern allocation role. */
export function allocationRole(role: string | null): string {
  const r = workerRole(role);
  return (ALLOCATION_ROLES as readonly string[]).includes(r) ? r : 'social-worker';
}

/** A permanence order's type: adoption, sgo or child-arrangements-order (SSD text such as "Special Guardianship Order"). */
export function orderType(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'adoption' || t.startsWith('adoption')) return 'adoption';
  if (t === 'sgo' || t.includes('special guardian')) return 'sgo';
  if (
    t === 'child-arrangements-order' ||
    t === 'cao' ||
    t.includes('child arrangement') ||
    t.includes('residence order')
  )
    return 'child-arrangements-order';
  return undefined;
}

/** A care leaver's eligibility as Lantern names it ("Former Relevant" → former-relevant). */
export function eligibility(text: string): string | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return (CARE_LEAVER_ELIGIBILITY as readonly string[]).includes(t) ? t : undefined;
}

/** Immigration statuses as Lantern spells them; other text is kept as written. */
export function immigrationStatus(text: string): string {
  const t = text.trim();
  const l = t.toLowerCase();
  if (l === 'uasc' || l.includes('unaccompanied')) return 'UASC';
  if (l.startsWith('refugee')) return 'Refugee status';
  if (l.startsWith('asylum')) return 'Asylum seeker';
  return t;
}

/** Every code a year-versioned list has held in any collection year Lantern knows (2020 to 2027). */
export function anyYear(listFor: (year: number) => readonly string[]): readonly string[] {
  const all = new Set<string>();
  for (let year = 2020; year <= 2027; year++) for (const code of listFor(year)) all.add(code);
  return [...all];
}
