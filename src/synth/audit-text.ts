/**
 * What the demo's audits say: short, synthetic text chosen from templates by grade and by practice domain. Nobody is
 * named: children are "the child" or "the young person", workers by their role. Pure: every choice is a draw from the
 * caller's stream.
 */
import type { Grade } from '../domain/ofsted';
import type { PracticeDomainKey } from '../domain/practice-domains';
import type { Rng } from './random';

const OVERALL: Record<Grade, readonly string[]> = {
  outstanding: [
    'Exemplary practice. The worker knows the child well, the record tells the child’s story clearly and every decision is explained. The plan is making a real difference.',
    'Practice is strong throughout. Risks were identified early, partners were brought together quickly and the child’s circumstances have improved markedly.',
  ],
  good: [
    'Good practice overall. The assessment is analytical, the plan is specific and reviewed, and the child’s circumstances are improving.',
    'The child is seen regularly and their views shape the plan. Management oversight is evident and the work is purposeful.',
    'A well-evidenced record: the worker has built a trusting relationship with the family and progress against the plan is measured.',
  ],
  'requires-improvement': [
    'Practice is safe but not yet good. The assessment describes events more than it analyses them, and the plan’s actions lack timescales.',
    'The child is seen, but their views are not clearly reflected in decisions. Supervision is recorded without clear direction, and some drift is evident.',
    'There is no widespread failure, but the plan has not been reviewed when circumstances changed, and partners’ contributions are inconsistent.',
  ],
  inadequate: [
    'Serious concerns. Risks to the child were not identified or acted upon for several months, and there is no up-to-date assessment.',
    'The child has not been seen within timescales and the plan does not address the known risks. Management oversight is absent. Escalated to the team manager the same day.',
    'Drift and delay have left the child in harmful circumstances. Strategy discussion not held when it should have been; the case was escalated to the service manager.',
  ],
};

/** A narrative for each domain graded requires improvement or inadequate. */
const DOMAIN: Record<PracticeDomainKey, { 'requires-improvement': readonly string[]; inadequate: readonly string[] }> =
  {
    'quality-of-assessment': {
      'requires-improvement': [
        'The assessment is largely descriptive; history is listed but not analysed.',
        'Assessment completed in time but does not weigh risks against strengths or reach a clear conclusion.',
      ],
      inadequate: [
        'No assessment since circumstances changed; risks are not understood.',
        'The assessment is out of date and does not identify the risks that are evident in the case notes.',
      ],
    },
    'quality-of-planning': {
      'requires-improvement': [
        'The plan lists actions without owners or timescales, so progress cannot be measured.',
        'The plan has not been updated since the last review and some actions have drifted.',
      ],
      inadequate: [
        'There is no current plan, or the plan does not address the risks identified.',
        'No contingency plan despite repeated concerns.',
      ],
    },
    'voice-of-the-child': {
      'requires-improvement': [
        'The child is seen but rarely alone; their wishes are summarised rather than recorded in their own words.',
        'The young person’s views are recorded but it is not clear how they influenced decisions.',
      ],
      inadequate: [
        'The child has not been seen within timescales and their views are absent from the record.',
        'Nothing in the record tells us what life is like for the child.',
      ],
    },
    'engagement-with-parents-and-carers': {
      'requires-improvement': [
        'Parents are invited to meetings but the record does not show they understand the concerns.',
        'Engagement with the father is limited and not explored.',
      ],
      inadequate: [
        'Parents have not been engaged in the plan and there is no record of attempts to do so.',
        'Carers were not told about changes to the plan.',
      ],
    },
    'management-oversight-and-supervision': {
      'requires-improvement': [
        'Supervision is recorded but does not give direction or test progress against the plan.',
        'Management decisions are recorded without the reasons for them.',
      ],
      inadequate: [
        'No management oversight recorded for several months.',
        'Supervision notes do not mention the child since the last review.',
      ],
    },
    'diversity-and-identity': {
      'requires-improvement': [
        'The child’s culture and faith are noted but not considered in the plan.',
        'Language needs are recorded but an interpreter was not always used.',
      ],
      inadequate: [
        'The child’s identity needs are not recorded or considered at all.',
        'Decisions were made without regard to the child’s identity or language.',
      ],
    },
    'multi-agency-working': {
      'requires-improvement': [
        'Partners attend meetings but information is not always shared between them.',
        'School and health contributions are missing from the latest review.',
      ],
      inadequate: [
        'Partners were not told about significant events; no joint planning.',
        'Key agencies were not invited to the strategy discussion.',
      ],
    },
    'impact-on-the-child': {
      'requires-improvement': [
        'Some progress, but it is not clear the work has changed the child’s day-to-day experience.',
        'Improvements are recent and not yet sustained.',
      ],
      inadequate: [
        'No evidence that the work has improved the child’s circumstances.',
        'The child’s circumstances have worsened since the plan began.',
      ],
    },
  };

const WORKER: Record<'strong' | 'mixed' | 'weak', readonly string[]> = {
  strong: [
    'The worker agreed with the findings and said the audit reflected the relationship built with the family.',
    'The worker valued the feedback and will share the direct work tools used with the team.',
  ],
  mixed: [
    'The worker agreed the plan needs clearer timescales and reflected that a high caseload made recording fall behind.',
    'The worker recognised that the child’s views could be recorded more directly and will use the new direct work tools.',
    'The worker felt some of the work done was not recorded and will update the case notes.',
  ],
  weak: [
    'The worker accepted the findings and said they had not had supervision for some weeks. Support agreed.',
    'The worker was new to the case and had not had a handover. They agreed the actions with their manager.',
  ],
};

const MANAGER: Record<'strong' | 'mixed' | 'weak', readonly string[]> = {
  strong: [
    'The team manager agreed with the grades and will use the case as an example of good practice in the team.',
    'The manager agreed; no further actions beyond recognition of the worker’s practice.',
  ],
  mixed: [
    'The team manager agreed the actions and will review progress in the next supervision.',
    'The manager accepted that oversight was not recorded and will record the reasons for decisions in future.',
  ],
  weak: [
    'The team manager accepted the findings; the case was discussed with the service manager and a review meeting arranged within five working days.',
    'The manager agreed that oversight had been insufficient and has reallocated the case to a more experienced worker.',
  ],
};

const FEEDBACK_FROM = [
  'the child',
  'the young person',
  'parent',
  'parent',
  'carer',
  'foster carer',
  'grandparent',
  '',
] as const;

const FAMILY: Record<'strong' | 'mixed' | 'weak', readonly string[]> = {
  strong: [
    'Said the worker listens and things at home are better.',
    'Feels involved in decisions and knows what happens next.',
    'Said the worker always explains things and does what they say they will.',
  ],
  mixed: [
    'Likes the worker but has had three workers this year.',
    'Said meetings are hard to follow and would like things written down.',
    'Things are a bit better but still not sure what the plan is.',
  ],
  weak: [
    'Said nobody has visited for a long time.',
    'Does not know who the worker is or what the plan is.',
    'Feels not listened to and that nothing has changed.',
  ],
};

export interface AuditText {
  overallNarrative: string;
  workerReflection: string;
  managerReflection: string;
  feedbackFrom: string;
  familyFeedback: string;
}

function band(grade: Grade): 'strong' | 'mixed' | 'weak' {
  return grade === 'outstanding' || grade === 'good' ? 'strong' : grade === 'requires-improvement' ? 'mixed' : 'weak';
}

/** The audit's own text, by its overall grade. */
export function auditText(rng: Rng, overall: Grade): AuditText {
  const b = band(overall);
  const feedbackFrom = rng.pick(FEEDBACK_FROM);
  return {
    overallNarrative: rng.pick(OVERALL[overall]),
    workerReflection: rng.pick(WORKER[b]),
    managerReflection: rng.pick(MANAGER[b]),
    feedbackFrom,
    familyFeedback: feedbackFrom === '' ? '' : rng.pick(FAMILY[b]),
  };
}

/** A domain's narrative: one for requires improvement or inadequate, else empty. */
export function domainNarrative(rng: Rng, domain: PracticeDomainKey, grade: Grade): string {
  if (grade !== 'requires-improvement' && grade !== 'inadequate') return '';
  return rng.pick(DOMAIN[domain][grade]);
}

/** Actions an audit sets, by the domain they answer. */
export const ACTIONS: Record<PracticeDomainKey, readonly string[]> = {
  'quality-of-assessment': [
    'Update the assessment with an analysis of risk and the family history.',
    'Complete a chronology and use it to update the assessment.',
  ],
  'quality-of-planning': [
    'Rewrite the plan with named owners and timescales for each action.',
    'Hold a review to update the plan and add a contingency plan.',
  ],
  'voice-of-the-child': [
    'See the child alone and record their wishes and feelings in their own words.',
    'Complete direct work with the young person and reflect it in the plan.',
  ],
  'engagement-with-parents-and-carers': [
    'Meet the parents to explain the concerns and agree the plan with them.',
    'Contact the father and invite him to the next meeting.',
  ],
  'management-oversight-and-supervision': [
    'Record a management oversight decision with reasons on the child’s file.',
    'Discuss the case in supervision and record the direction given.',
  ],
  'diversity-and-identity': [
    'Record the child’s identity needs and how the plan meets them.',
    'Arrange an interpreter for all visits to the family.',
  ],
  'multi-agency-working': [
    'Invite school and health to the next review and share the plan with them.',
    'Request information from partner agencies and add it to the assessment.',
  ],
  'impact-on-the-child': [
    'Agree with the family how progress will be measured and review it in four weeks.',
    'Review whether the current plan is making a difference and escalate if not.',
  ],
};

export const COMPLETION_NOTES = {
  onTime: [
    'Completed and checked by the team manager.',
    'Done: evidence on the child’s file.',
    'Completed; plan updated and shared with the family.',
  ],
  late: [
    'Completed late because of sickness in the team.',
    'Completed after the due date; delayed by the family’s availability.',
    'Completed late following a change of worker.',
  ],
} as const;

/** Partners' contributions to a multi-agency audit. */
export const CONTRIBUTORS = {
  police: { names: ['DS Morven Ashcombe', 'DC Tobias Renwick', 'PS Adaeze Halloran'], role: 'Public Protection Unit' },
  health: { names: ['Philippa Oyelaran', 'Niamh Strathdee', 'Kwabena Lisgard'], role: 'Named Nurse for Safeguarding' },
  education: {
    names: ['Ruth Pemberton-Ali', 'Gareth Vosloo', 'Anjali Breckenridge'],
    role: 'Designated Safeguarding Lead',
  },
} as const;

export const CONTRIBUTIONS: Record<
  keyof typeof CONTRIBUTORS,
  Record<'strong' | 'mixed' | 'weak', readonly string[]>
> = {
  police: {
    strong: ['Domestic abuse notifications were shared within 24 hours and police attended every strategy discussion.'],
    mixed: ['Notifications were shared, but not always the same day; police were not invited to the last review.'],
    weak: ['Two incidents were not shared with children’s social care; police did not attend the strategy discussion.'],
  },
  health: {
    strong: ['Health visitor and GP information was shared and is reflected in the plan.'],
    mixed: ['Health information was shared at the start but not updated; the school nurse was not aware of the plan.'],
    weak: ['Missed health appointments were not followed up or shared with the social worker.'],
  },
  education: {
    strong: ['School attends every meeting and reports the child’s attendance and wellbeing each week.'],
    mixed: ['School shares attendance concerns but has not received the latest plan.'],
    weak: ['School was not told about the plan and attendance concerns were not acted on.'],
  },
};

export function contributionNarrative(rng: Rng, agency: keyof typeof CONTRIBUTORS, grade: Grade): string {
  return rng.pick(CONTRIBUTIONS[agency][band(grade)]);
}
