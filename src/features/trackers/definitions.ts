/**
 * The trackers: what each lists, the kinds of work in it, and how a row's status is read. The SQL is in
 * queries.ts; the timescales (and their sources) in src/domain/timescales.ts.
 */
import type { SQL } from 'drizzle-orm';
import { TIMESCALES } from '../../domain/timescales';
import {
  CARE_LEAVER_BRANCHES,
  CIN_PANEL_BRANCHES,
  DUE_BRANCHES,
  PERMANENCE_BRANCHES,
  PLO_BRANCHES,
  RHI_BRANCHES,
  type QueryFilters,
} from './queries';

export const TRACKER_IDS = ['due', 'plo', 'permanence', 'cin-panel', 'rhi', 'care-leavers', 'caseloads'] as const;
export type TrackerId = (typeof TRACKER_IDS)[number];

export function isTrackerId(value: string): value is TrackerId {
  return (TRACKER_IDS as readonly string[]).includes(value);
}

export const STATUSES = ['overdue', 'due', 'on-track', 'done'] as const;
export type ItemStatus = (typeof STATUSES)[number];

export interface TrackerDefinition {
  id: TrackerId;
  title: string;
  description: string;
  /** The kinds of work it lists, with their labels (caseloads has none). */
  kinds: Record<string, string>;
  branches: Record<string, (f: QueryFilters) => SQL | null>;
  /** Only rows overdue or due within 10 working days. */
  windowOnly: boolean;
  /** Which status filters make sense here. */
  statuses: readonly ItemStatus[];
  /** What each status reads as in this tracker. */
  statusLabels: Partial<Record<ItemStatus, string>>;
  /** Headings of the start, last and due columns. */
  columns: { start: string; last: string | null; due: string };
}

const T = TIMESCALES;
const WINDOW_LABELS = { overdue: 'Overdue', due: 'Due' } as const;

export const TRACKERS: Record<TrackerId, TrackerDefinition> = {
  due: {
    id: 'due',
    title: 'Work due and overdue',
    description:
      'Everything overdue and everything due in the next 10 working days, for each timescale: assessments, conferences, visits, reviews, health, education, return home interviews, care leavers, LADO and early help.',
    kinds: {
      assessment: T.assessment.label,
      icpc: T.icpc.label,
      'cp-visit': T.cpVisit.label,
      'cp-review': T.cpReview.label,
      'cin-visit': T.cinVisit.label,
      'cin-plan-review': T.cinPlanReview.label,
      'cla-visit': T.claVisit.label,
      'cla-review': T.claReview.label,
      iha: T.iha.label,
      rha: T.rha.label,
      dental: T.dental.label,
      pep: T.pep.label,
      sdq: T.sdq.label,
      rhi: T.rhi.label,
      'pathway-plan-review': T.pathwayPlanReview.label,
      'care-leaver-contact': T.careLeaverContact.label,
      'pa-link': T.paLink.label,
      lado: T.ladoInitial.label,
      'early-help-allocation': T.earlyHelpAllocation.label,
    },
    branches: DUE_BRANCHES,
    windowOnly: true,
    statuses: ['overdue', 'due'],
    statusLabels: WINDOW_LABELS,
    columns: { start: 'From', last: 'Last done', due: 'Due' },
  },
  plo: {
    id: 'plo',
    title: 'Pre-proceedings and care proceedings',
    description:
      'Children in pre-proceedings (Public Law Outline): start, letter before proceedings, meetings, weeks elapsed and the decision due at 16 weeks; and care proceedings against 26 weeks.',
    kinds: { 'pre-proceedings': 'Pre-proceedings (16 weeks)', 'care-proceedings': 'Care proceedings (26 weeks)' },
    branches: PLO_BRANCHES,
    windowOnly: false,
    statuses: ['overdue', 'due', 'on-track', 'done'],
    statusLabels: { overdue: 'Past the timescale', due: 'Due soon', 'on-track': 'In time', done: 'Decided' },
    columns: { start: 'Started', last: 'Decision or final hearing', due: 'Due' },
  },
  permanence: {
    id: 'permanence',
    title: 'Permanence',
    description:
      'Children in care without a permanence plan by the second looked-after review, and adoption milestones against the A1 (426 days, entering care to placed) and A2 (121 days, placement order to match) timescales.',
    kinds: {
      'permanence-plan': 'No permanence plan',
      'adoption-a1': T.adoptionA1.label,
      'adoption-a2': T.adoptionA2.label,
    },
    branches: PERMANENCE_BRANCHES,
    windowOnly: false,
    statuses: ['overdue', 'due', 'on-track'],
    statusLabels: { overdue: 'Past the timescale', due: 'Due soon', 'on-track': 'In time' },
    columns: { start: 'From', last: 'Second review', due: 'Due' },
  },
  'cin-panel': {
    id: 'cin-panel',
    title: 'Child in need panel',
    description: 'Child in need plans open 6 months or more, and those reaching 6 months in the next 10 working days.',
    kinds: { 'cin-panel': 'Child in need plan' },
    branches: CIN_PANEL_BRANCHES,
    windowOnly: true,
    statuses: ['overdue', 'due'],
    statusLabels: { overdue: 'Open 6 months or more', due: 'Reaches 6 months soon' },
    columns: { start: 'Plan started', last: null, due: '6 months on' },
  },
  rhi: {
    id: 'rhi',
    title: 'Return home interviews',
    description:
      'Children who returned from being missing or away in the last 3 months, and whether a return home interview was offered within 72 hours.',
    kinds: { rhi: T.rhi.label },
    branches: RHI_BRANCHES,
    windowOnly: false,
    statuses: ['overdue', 'due', 'done'],
    statusLabels: { overdue: 'Not offered, overdue', due: 'Not offered yet', done: 'Offered' },
    columns: { start: 'Returned', last: 'Offered', due: 'Due' },
  },
  'care-leavers': {
    id: 'care-leavers',
    title: 'Care leavers',
    description:
      'Care leavers without a personal adviser, or whose pathway plan is out of date or due for review in the next 10 working days.',
    kinds: { 'no-pa': 'No personal adviser', 'pathway-plan-review': T.pathwayPlanReview.label },
    branches: CARE_LEAVER_BRANCHES,
    windowOnly: false,
    statuses: ['overdue', 'due', 'on-track'],
    statusLabels: { overdue: 'Overdue', due: 'Due', 'on-track': 'Not yet due' },
    columns: { start: 'Care leaver since', last: 'Last review', due: 'Due' },
  },
  caseloads: {
    id: 'caseloads',
    title: 'Caseloads',
    description:
      'Children allocated to each worker (open allocations), by team: how many are on child protection plans, in care or care leavers.',
    kinds: {},
    branches: {},
    windowOnly: false,
    statuses: [],
    statusLabels: {},
    columns: { start: '', last: null, due: '' },
  },
};
