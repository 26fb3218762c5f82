/**
 * The demo authority's inspection history: what Ofsted did there and what the authority sent back, shaped like the
 * history Barnet published (SIF 2017, ILACS 2019 and 2024) but wholly fictional — names, wording and dates are
 * invented.
 *
 * - Single inspection (SIF), April–May 2017: inadequate, nineteen recommendations, action plan sent in time.
 * - Four monitoring visits (late 2017 to early 2019), each with a theme.
 * - ILACS standard inspection, May 2019 (January 2018 framework): good in all four judgements, three things to improve.
 * - A focused visit, November 2021, with a theme and no areas for priority action.
 * - ILACS short inspection, June 2024 (January 2023 framework): good, children in care outstanding; four things to
 *   improve — the improvement plan (improvement-plan.ts) answers them.
 * - An annual self-evaluation and engagement meeting each year from 2018.
 *
 * Only what happened on or before `asAt` is written: an activity that had not ended by then is left out, and a report
 * not yet received by then leaves its judgements, recommendations and paragraphs out too (the record is what the
 * authority knew that day). Statutory dates follow src/domain/inspection-deadlines.ts: published within 30 working days of
 * receipt, the action plan within 70 (working days with England's bank holidays, src/domain/working-days.ts).
 *
 * Deterministic from the seed: the seed picks the inspectors' names and which paragraphs each report prints.
 */
import type { Db } from '../db/client';
import {
  inspectionJudgements,
  inspectionParagraphs,
  inspectionRecommendations,
  inspections,
} from '../db/schema/inspections';
import {
  frameworkFor,
  judgementLabel,
  type ActivityKind,
  type Framework,
  type Grade,
  type JudgementKey,
  type RecommendationKind,
} from '../domain/ofsted';
import { addWorkingDays, isWorkingDay } from '../domain/working-days';
import { Rng } from './random';

/** Streams of the demo's quality and inspection parts, apart from the journeys' (journeys/child.ts STREAM). */
export const HISTORY_STREAM = {
  inspections: 101,
  audits: 102,
  plan: 103,
  moderation: 104,
  programmes: 105,
  auditText: 106,
} as const;

/** Who records the demo's history. */
export const DEMO_AUTHOR = 'Lantern demo generator';

export type HistoryTag =
  | 'sif-2017'
  | 'ilacs-2019'
  | 'ilacs-2024'
  | 'focused-2021'
  | `monitoring-${number}`
  | `self-evaluation-${number}`
  | `engagement-${number}`;

export interface ActivityModel {
  tag: HistoryTag;
  kind: ActivityKind;
  framework: Framework | null;
  startDate: string;
  endDate: string;
  leadInspector: string | null;
  theme: string | null;
  reportReceivedOn: string | null;
  publishedOn: string | null;
  actionPlanSentOn: string | null;
  summary: string;
  judgements: Array<{ judgement: JudgementKey; grade: Grade }>;
  recommendations: Array<{ kind: RecommendationKind; number: number; text: string }>;
  paragraphs: Array<{ number: number; judgement: JudgementKey | null; heading: string; text: string }>;
}

const INSPECTORS = [
  'Rowena Ashdown',
  'Tobias Kettering',
  'Marguerite Olatunji',
  'Declan Fairweather',
  'Imogen Saltmarsh',
  'Farida Quennell',
  'Callum Brightwater',
  'Anwen Lisle-Okoro',
] as const;

/** The 2017 single inspection's nineteen recommendations (fictional wording, in the spirit of the seeds'). */
export const SIF_RECOMMENDATIONS: readonly string[] = [
  'Make sure that leaders at every level keep a relentless focus on the basics of social work practice, so that children receive a consistently good service.',
  'Make sure that the front door applies thresholds consistently and that partners share information promptly when children are referred.',
  "Make sure that workers understand each child's daily life and that children's wishes and feelings shape decisions about them.",
  'Make sure that every child at risk of significant harm is protected by a thorough and timely child protection enquiry.',
  'Make sure that strategy discussions involve all relevant partners and record clear actions and the reasons for decisions.',
  "Make sure that case records are up to date, written clearly and describe children's circumstances accurately.",
  'Improve the quality of assessments so that they analyse risk well and are updated when circumstances change.',
  'Make sure that managers make timely decisions that lead to clear plans which improve outcomes for children.',
  'Make sure that children living with long-term neglect have their risks assessed and plans that bring about change without delay.',
  'Take timely action to understand and reduce the risks to children who go missing or are at risk of exploitation, and escalate when risk does not reduce.',
  'Strengthen work with families in pre-proceedings so that, when care does not improve, proceedings are issued without delay.',
  'Complete assessments of family and friends carers within the required timescales.',
  'Make sure that privately fostered children are visited regularly and that staff understand the notification arrangements.',
  'Make sure that homeless 16- and 17-year-olds are assessed fully and offered the support they need.',
  'Make sure that oversight by senior managers, team managers, conference chairs and reviewing officers is child-focused and changes things for children.',
  'Involve children more in decisions about their lives and in shaping services, including through the children in care council.',
  'Help children understand their histories, with life-story work and later-life letters written sensitively and in good time.',
  "Make sure that children's identity, culture and language needs are understood and met, using interpreters whenever they are needed.",
  'Improve the quality of pathway plans so that care leavers own them and are ready for adult life, and make sure they know their entitlements.',
];

/** The 2019 standard inspection's things to improve. */
export const ILACS_2019_RECOMMENDATIONS: readonly string[] = [
  'The consistency of written plans for children in need, so that families know what must change and by when.',
  'The timeliness of initial health assessments for children coming into care.',
  'The range of suitable homes for older children in care close to the borough.',
];

/** The 2024 short inspection's four things to improve: the current improvement plan answers each of them. */
export const ILACS_2024_RECOMMENDATIONS: readonly string[] = [
  'How well return home conversations with children who have been missing inform their safety plans.',
  'How clearly care leavers are told about their future living arrangements and housing options.',
  'How quickly families receive early help once a need for it is identified.',
  'Managerial oversight of the work of the local authority designated officer (LADO).',
];

const MONITORING_THEMES = [
  'Arrangements at the front door, including thresholds and the multi-agency safeguarding hub',
  'Children in need of help and protection: neglect and the progress of child protection plans',
  'Children in care: planning for permanence, including pre-proceedings and care proceedings',
  'Children who go missing or are at risk of exploitation, and care leavers',
] as const;

const FOCUSED_VISIT_THEME = 'Arrangements for children in need and children subject to a child protection plan';

/** Paragraph pools by judgement heading: critical (an inadequate or requires-improvement finding) and positive. */
const PARAGRAPHS: Record<'critical' | 'positive', Partial<Record<JudgementKey, readonly string[]>>> = {
  critical: {
    'help-and-protection': [
      'Thresholds at the front door are not understood or applied consistently. Too many contacts wait several days for a decision, and some children at risk are not seen quickly enough.',
      'Strategy discussions rarely include all the partners who know the family. Actions are not always recorded, so it is unclear who will do what to keep children safe.',
      'Assessments describe events rather than analysing what they mean for the child. Many are not updated when circumstances change, and some children are reassessed repeatedly without help being offered.',
      'Children living with long-term neglect remain on child protection plans for too long without enough change. Plans lack clear outcomes and timescales.',
      'Return home interviews are not offered consistently to children who go missing, and the information they give is not used to reduce risk.',
    ],
    'children-in-care': [
      'Decisions for children to come into care are sometimes delayed because work in pre-proceedings drifts.',
      'Too few children benefit from life-story work, and later-life letters are not written in good time.',
      "Children's plans do not always reflect their identity, culture or first language, and interpreters are not used routinely.",
      'Reviewing officers identify concerns but their challenge does not consistently lead to improvements in plans.',
    ],
    adoption: [
      'Children who need adoption wait too long for a match, although early permanence placements are increasing.',
      'Adopters receive a warm welcome, but support after adoption is not always available when families need it.',
    ],
    'care-leavers': [
      'Pathway plans are too often written for care leavers rather than with them, and targets are vague.',
      'Some care leavers do not know what they are entitled to, and personal advisers are allocated late.',
    ],
    leaders: [
      'Senior leaders did not have an accurate understanding of the quality of frontline practice. Performance information is not used well enough to drive improvement.',
      'Management oversight is evident on most files, but it does not routinely challenge drift or lead to better plans for children.',
      'High caseloads and a reliance on agency staff mean that many children experience changes of social worker.',
      'Quality assurance activity is not yet established, so leaders cannot be confident that practice is improving.',
    ],
    lscb: [
      'The board has not yet established a programme of multi-agency audit to test the quality of frontline practice.',
      'Partners are committed to the board, but its challenge to agencies has not led to consistent improvement.',
    ],
  },
  positive: {
    'help-and-protection': [
      'The multi-agency safeguarding hub is well led. Contacts are screened promptly, consent is considered properly, and managers record a clear rationale for every decision.',
      'Strategy discussions are timely and well attended by partners. Child protection enquiries are thorough and children are seen and spoken with alone.',
      'Assessments are detailed and analytical. They draw on the family history and the views of children, parents and professionals to identify risk and need.',
      "Child protection plans are specific and focused on what needs to change. Core groups meet regularly and review progress against the child's plan.",
      'Children who go missing are offered return home conversations, although the information gathered does not always inform their safety plans.',
      'Early help is well regarded by partners and families, but some families wait for a worker to be allocated once a need is agreed.',
    ],
    'children-in-care': [
      'Children come into care at the right time. Decisions are timely and well considered, and pre-proceedings work is purposeful.',
      'Children live in stable homes with carers who know them well. Most live close to their families, schools and friends.',
      'Social workers know their children well. Visits are purposeful, and children’s wishes and feelings are central to their plans.',
      'Life-story work is creative and child-centred. Children understand why they are in care and are helped to keep links with people who matter to them.',
      "Reviewing officers provide effective challenge, and children's reviews are timely and inclusive.",
    ],
    'care-leavers': [
      'Personal advisers are allocated early and build trusting relationships with young people. They stay in touch in ways young people prefer.',
      'Pathway plans are co-produced with care leavers and are reviewed regularly, although not all young people are clear about their housing options.',
      'Care leavers are supported into education, employment and training, and the local offer is well publicised.',
    ],
    'children-in-care-and-care-leavers': [
      'Children come into care at the right time, and most live in stable homes with carers who meet their needs.',
      "Children's plans are reviewed regularly, and reviewing officers challenge drift effectively.",
      'Care leavers benefit from personal advisers who know them well and help them plan for adult life.',
      'Not enough older children can live in suitable homes close to the borough.',
    ],
    leaders: [
      'Leaders have an accurate understanding of the quality of practice, informed by a well-established audit programme and by performance information.',
      'Strong political and corporate support has brought sustained investment in children’s services and a more stable workforce.',
      'Caseloads are manageable and staff feel well supported. Supervision is regular and reflective.',
      'Leaders respond quickly to findings. Oversight of the local authority designated officer service is not yet as strong as in other areas.',
    ],
  },
};

interface Dated {
  start: string;
  end: string;
  /** Working days from the end of fieldwork to the report or letter. */
  toReport: number;
  /** Working days from receipt to publication. */
  toPublish: number;
  /** Working days from receipt to the action plan, when one is due. */
  toActionPlan: number | null;
}

/** The authority's history as at `asAt` (YYYY-MM-DD), in date order. */
export function inspectionHistory(seed: number, asAt: string): ActivityModel[] {
  const rng = Rng.stream(seed, HISTORY_STREAM.inspections);
  const inspectors = shuffled(rng, INSPECTORS);
  let next = 0;
  const inspector = (): string => inspectors[next++ % inspectors.length] as string;
  const out: ActivityModel[] = [];

  const add = (
    tag: HistoryTag,
    kind: ActivityKind,
    d: Dated,
    extra: {
      theme?: string;
      summary: string;
      judgements?: ActivityModel['judgements'];
      recommendations?: readonly string[];
      tone?: 'critical' | 'positive' | 'mixed';
      lead?: boolean;
    },
  ): void => {
    const lead = extra.lead === false ? null : inspector();
    if (d.end > asAt) return;
    const received = d.toReport < 0 ? d.end : addWorkingDays(d.end, d.toReport);
    const published = addWorkingDays(received, d.toPublish);
    const plan = d.toActionPlan === null ? null : addWorkingDays(received, d.toActionPlan);
    const known = received <= asAt;
    const framework = kind === 'engagement-meeting' || kind === 'self-evaluation' ? null : frameworkFor(kind, d.start);
    const judgements = known ? (extra.judgements ?? []) : [];
    out.push({
      tag,
      kind,
      framework,
      startDate: d.start,
      endDate: d.end,
      leadInspector: lead,
      theme: extra.theme ?? null,
      reportReceivedOn: d.toReport >= 0 && known ? received : null,
      publishedOn: d.toReport >= 0 && published <= asAt ? published : null,
      actionPlanSentOn: plan !== null && plan <= asAt ? plan : null,
      summary: extra.summary,
      judgements,
      recommendations: known
        ? (extra.recommendations ?? []).map((text, i) => ({ kind: 'recommendation' as const, number: i + 1, text }))
        : [],
      paragraphs: known && framework && extra.tone ? paragraphsFor(rng, framework, judgements, extra.tone) : [],
    });
  };

  add(
    'sif-2017',
    'sif',
    { start: '2017-04-24', end: '2017-05-18', toReport: 22, toPublish: 6, toActionPlan: 64 },
    {
      summary:
        'Services for children who need help and protection are inadequate. Leaders had not understood the extent of weaknesses in frontline practice, and too many children were left in situations of risk for too long. Children in care receive a better service, but plans for permanence are not progressed quickly enough.',
      judgements: [
        { judgement: 'overall', grade: 'inadequate' },
        { judgement: 'help-and-protection', grade: 'inadequate' },
        { judgement: 'children-in-care', grade: 'requires-improvement' },
        { judgement: 'adoption', grade: 'requires-improvement' },
        { judgement: 'care-leavers', grade: 'requires-improvement' },
        { judgement: 'leaders', grade: 'inadequate' },
        { judgement: 'lscb', grade: 'requires-improvement' },
      ],
      recommendations: SIF_RECOMMENDATIONS,
      tone: 'critical',
    },
  );

  const visits: Array<[string, string]> = [
    ['2017-11-14', '2017-11-15'],
    ['2018-03-06', '2018-03-07'],
    ['2018-07-10', '2018-07-11'],
    ['2019-01-29', '2019-01-30'],
  ];
  visits.forEach(([start, end], i) => {
    add(
      `monitoring-${i + 1}`,
      'monitoring-visit',
      { start, end, toReport: 12, toPublish: 4, toActionPlan: null },
      {
        theme: MONITORING_THEMES[i],
        summary: `Monitoring visit ${i + 1} of 4 since the 2017 inspection. Inspectors found that leaders are making progress, although the quality of practice is still too variable.`,
      },
    );
  });

  add(
    'ilacs-2019',
    'ilacs-standard',
    { start: '2019-05-13', end: '2019-05-24', toReport: 18, toPublish: 5, toActionPlan: 62 },
    {
      summary:
        'Services for children have improved considerably since the inspection in 2017, when they were judged inadequate. Leaders have a clear vision, a stable workforce and an accurate understanding of the quality of practice.',
      judgements: [
        { judgement: 'leaders', grade: 'good' },
        { judgement: 'help-and-protection', grade: 'good' },
        { judgement: 'children-in-care-and-care-leavers', grade: 'good' },
        { judgement: 'overall', grade: 'good' },
      ],
      recommendations: ILACS_2019_RECOMMENDATIONS,
      tone: 'positive',
    },
  );

  add(
    'focused-2021',
    'focused-visit',
    { start: '2021-11-09', end: '2021-11-10', toReport: 14, toPublish: 4, toActionPlan: null },
    {
      theme: FOCUSED_VISIT_THEME,
      summary:
        'Children in need and children subject to a child protection plan receive timely and effective help. No areas for priority action were identified.',
    },
  );

  add(
    'ilacs-2024',
    'ilacs-short',
    { start: '2024-06-17', end: '2024-06-21', toReport: 15, toPublish: 5, toActionPlan: 60 },
    {
      summary:
        'Children in the borough receive strong and effective services. A stable leadership team has continued to strengthen practice since the previous inspection in 2019. Children in care receive an outstanding service.',
      judgements: [
        { judgement: 'leaders', grade: 'good' },
        { judgement: 'help-and-protection', grade: 'good' },
        { judgement: 'children-in-care', grade: 'outstanding' },
        { judgement: 'care-leavers', grade: 'good' },
        { judgement: 'overall', grade: 'good' },
      ],
      recommendations: ILACS_2024_RECOMMENDATIONS,
      tone: 'positive',
    },
  );

  // The annual cycle under ILACS: the self-evaluation in the spring, the engagement meeting with Ofsted's regional
  // senior HMI a few weeks later.
  const lastYear = Number(asAt.slice(0, 4));
  for (let year = 2018; year <= lastYear; year++) {
    const se = workingDayFrom(`${year}-03-${String(rng.int(2, 20)).padStart(2, '0')}`);
    add(
      `self-evaluation-${year}`,
      'self-evaluation',
      { start: se, end: se, toReport: -1, toPublish: 0, toActionPlan: null },
      {
        summary: `The ${year} self-evaluation: what we know about the quality and impact of our practice, how we know it, and what we will do next.`,
        lead: false,
      },
    );
    const em = workingDayFrom(`${year}-05-${String(rng.int(4, 24)).padStart(2, '0')}`);
    add(
      `engagement-${year}`,
      'engagement-meeting',
      { start: em, end: em, toReport: -1, toPublish: 0, toActionPlan: null },
      {
        summary: `Annual engagement meeting ${year}: the director and Ofsted's regional senior inspector reviewed the self-evaluation and the inspection plan.`,
      },
    );
  }

  return out.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
}

/** The day itself when it is a working day, else the next working day. */
function workingDayFrom(isoDate: string): string {
  return isWorkingDay(isoDate) ? isoDate : addWorkingDays(isoDate, 1);
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Numbered paragraphs under each judgement heading, in the order reports print them (overall effectiveness has none). */
function paragraphsFor(
  rng: Rng,
  framework: Framework,
  judgements: ActivityModel['judgements'],
  tone: 'critical' | 'positive' | 'mixed',
): ActivityModel['paragraphs'] {
  const out: ActivityModel['paragraphs'] = [];
  // Reports print the practice judgements first and leaders last.
  const order = judgements
    .filter((j) => j.judgement !== 'overall' && j.judgement !== 'leaders')
    .concat(judgements.filter((j) => j.judgement === 'leaders'));
  for (const j of order) {
    const pool =
      (tone === 'critical' && j.grade !== 'good' && j.grade !== 'outstanding'
        ? PARAGRAPHS.critical
        : PARAGRAPHS.positive)[j.judgement] ??
      PARAGRAPHS.critical[j.judgement] ??
      [];
    const count = Math.min(pool.length, rng.int(3, 5));
    const chosen = shuffled(
      rng,
      pool.map((_, i) => i),
    )
      .slice(0, count)
      .sort((a, b) => a - b);
    for (const i of chosen) {
      out.push({
        number: out.length + 1,
        judgement: j.judgement,
        heading: `${judgementLabel(framework, j.judgement)}: ${j.grade.replace(/-/g, ' ')}`,
        text: pool[i] as string,
      });
    }
  }
  return out;
}

export interface InsertedHistory {
  /** Inspection id by tag. */
  inspectionIds: Map<HistoryTag, number>;
  /** Recommendation ids by tag, in the report's order. */
  recommendationIds: Map<HistoryTag, number[]>;
}

export async function insertInspectionHistory(
  db: Db,
  authorityId: number,
  history: readonly ActivityModel[],
): Promise<InsertedHistory> {
  const inspectionIds = new Map<HistoryTag, number>();
  const recommendationIds = new Map<HistoryTag, number[]>();
  if (history.length === 0) return { inspectionIds, recommendationIds };
  const ids = await db
    .insert(inspections)
    .values(
      history.map((a) => ({
        authorityId,
        kind: a.kind,
        framework: a.framework,
        startDate: a.startDate,
        endDate: a.endDate,
        leadInspector: a.leadInspector,
        theme: a.theme,
        reportReceivedOn: a.reportReceivedOn,
        publishedOn: a.publishedOn,
        actionPlanSentOn: a.actionPlanSentOn,
        summary: a.summary,
        source: 'demo',
        createdBy: DEMO_AUTHOR,
      })),
    )
    .returning({ id: inspections.id });
  const judgements: Array<typeof inspectionJudgements.$inferInsert> = [];
  const recommendations: Array<typeof inspectionRecommendations.$inferInsert & { tag: HistoryTag }> = [];
  const paragraphs: Array<typeof inspectionParagraphs.$inferInsert> = [];
  history.forEach((a, i) => {
    const inspectionId = (ids[i] as { id: number }).id;
    inspectionIds.set(a.tag, inspectionId);
    for (const j of a.judgements) judgements.push({ inspectionId, judgement: j.judgement, grade: j.grade });
    for (const r of a.recommendations)
      recommendations.push({ tag: a.tag, inspectionId, kind: r.kind, number: r.number, text: r.text });
    for (const p of a.paragraphs)
      paragraphs.push({ inspectionId, number: p.number, judgement: p.judgement, heading: p.heading, text: p.text });
  });
  if (judgements.length > 0) await db.insert(inspectionJudgements).values(judgements);
  if (paragraphs.length > 0) await db.insert(inspectionParagraphs).values(paragraphs);
  if (recommendations.length > 0) {
    const recIds = await db
      .insert(inspectionRecommendations)
      .values(recommendations.map(({ tag: _tag, ...r }) => r))
      .returning({ id: inspectionRecommendations.id });
    recommendations.forEach((r, i) => {
      const list = recommendationIds.get(r.tag) ?? [];
      list.push((recIds[i] as { id: number }).id);
      recommendationIds.set(r.tag, list);
    });
  }
  return { inspectionIds, recommendationIds };
}
