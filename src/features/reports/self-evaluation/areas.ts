/**
 * The self-evaluation's service areas (issue 7), in the order of the seed self-assessment (001: Early Help, MASH,
 * Duty and Assessment, Intervention and Planning, Children in Care, Fostering and Adoption, Onwards and Upwards,
 * 0-25 Disabled Children's Service), and the evidence that speaks for each:
 * - `indicators`: ids from the indicator registry (src/features/indicators/registry.ts), shown with their value at the
 *   year's month, the year before, England and statistical neighbours and RAG (the same results the dashboards show);
 * - `auditTeams`: the audit cohort, the service area of the audited child's team (teams.service_area, the `service`
 *   filter of /quality), whose counted domain grades are shown as the share good or better;
 * - `domains`: practice domain keys (practice_domains.key) that speak for the area, shown within that cohort;
 * - `gap`: what Lantern holds no indicator for, said plainly in the report rather than filled with a stand-in.
 */
import { indicatorById } from '../../indicators/registry';

export interface SelfEvaluationArea {
  readonly key: string;
  readonly label: string;
  readonly indicators: readonly string[];
  readonly auditTeams: readonly string[];
  readonly domains: readonly string[];
  readonly gap?: string;
}

export const SELF_EVALUATION_AREAS: readonly SelfEvaluationArea[] = [
  {
    key: 'early-help',
    label: 'Early help',
    indicators: ['early-help-requests', 'early-help-allocated-10-working-days'],
    auditTeams: ['early-help'],
    domains: ['engagement-with-parents-and-carers', 'multi-agency-working'],
    gap: 'Lantern holds no indicator for the outcomes of early help (plans closed with needs met, or stepped up to children’s social care): the indicators below count requests and how quickly they are allocated.',
  },
  {
    key: 'front-door',
    label: 'Front door',
    indicators: [
      'contacts-per-10k',
      'contacts-decision-1-working-day',
      'referrals-per-10k',
      'referrals-nfa',
      'rereferrals-12-months',
    ],
    auditTeams: ['front-door'],
    domains: ['management-oversight-and-supervision', 'multi-agency-working'],
  },
  {
    key: 'assessment',
    label: 'Assessment',
    indicators: [
      'assessments-45-working-days',
      'assessments-45-working-days-from-referral',
      's47-per-10k',
      's47-to-icpc',
      'icpc-15-working-days',
    ],
    auditTeams: ['assessment'],
    domains: ['quality-of-assessment', 'voice-of-the-child'],
  },
  {
    key: 'intervention-planning',
    label: 'Intervention and planning',
    indicators: [
      'cp-plans-per-10k',
      'cp-plans-subsequent',
      'cp-plans-ended-2-years-plus',
      'cp-reviews-in-timescale',
      'cp-visits-10-working-days',
      'cin-plans-open-6-months',
      'plo-16-weeks',
      'care-proceedings-26-weeks',
    ],
    auditTeams: ['cin-cp'],
    domains: ['quality-of-planning', 'management-oversight-and-supervision'],
  },
  {
    key: 'children-in-care',
    label: 'Children in care',
    indicators: [
      'cla-per-10k',
      'cla-3-plus-placements',
      'cla-long-term-stability',
      'cla-reviews-in-timescale',
      'cla-iha-20-working-days',
      'cla-health-checks-up-to-date',
      'cla-visits-in-timescale',
      'rhi-within-72-hours',
      'uasc',
    ],
    auditTeams: ['children-in-care'],
    domains: ['voice-of-the-child', 'impact-on-the-child'],
  },
  {
    key: 'fostering-adoption',
    label: 'Fostering and adoption',
    indicators: ['adoption-a1-days', 'adoption-a10-days', 'adoption-a2-days'],
    auditTeams: ['permanence'],
    domains: ['quality-of-planning'],
    gap: 'Lantern holds no indicator for fostering (foster carers approved, children placed with the authority’s own carers, connected carers assessed in time): the indicators below are the adoption timeliness measures.',
  },
  {
    key: 'care-leavers',
    label: 'Care leavers',
    indicators: [
      'care-leavers-17-18-in-touch',
      'care-leavers-19-21-in-touch',
      'care-leavers-19-21-suitable-accommodation',
      'care-leavers-19-21-eet',
      'pathway-plans-reviewed-6-months',
      'pa-linked-by-17-5',
    ],
    auditTeams: ['care-leavers'],
    domains: ['voice-of-the-child'],
  },
  {
    key: 'disabled-children',
    label: 'Disabled children',
    indicators: [],
    auditTeams: ['disabled-children'],
    domains: ['quality-of-assessment', 'quality-of-planning'],
    gap: 'Lantern holds no indicator for disabled children yet (for example, the timeliness of their assessments and reviews, or short breaks): the evidence is the audits of the disabled children’s teams.',
  },
];

for (const a of SELF_EVALUATION_AREAS) {
  for (const id of a.indicators)
    if (!indicatorById(id)) throw new Error(`Self-evaluation area ${a.key} names an unknown indicator: ${id}`);
}

export const SELF_EVALUATION_AREA_KEYS = SELF_EVALUATION_AREAS.map((a) => a.key);

export function selfEvaluationArea(key: string): SelfEvaluationArea | undefined {
  return SELF_EVALUATION_AREAS.find((a) => a.key === key);
}

/** The years a self-evaluation may be written for. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

export function isSelfEvaluationYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
}

/**
 * The self-evaluation year a day falls in: councils write it for the financial year (1 April to 31 March), as the
 * seed's improvement plan runs 2018/19. Year 2026 is 1 April 2026 to 31 March 2027.
 */
export function selfEvaluationYear(isoDay: string): number {
  const y = Number(isoDay.slice(0, 4));
  return Number(isoDay.slice(5, 7)) >= 4 ? y : y - 1;
}

/** "2026 to 2027". */
export const yearLabel = (year: number) => `${year} to ${year + 1}`;

/** The year's last day: 31 March of the next year. */
export const yearEnd = (year: number) => `${year + 1}-03-31`;
