/**
 * The default audit framework every authority starts with: the "Practice standards audit", over the eight practice
 * domains of src/synth/audits.ts (same keys). Pure data.
 *
 * The descriptors are written in the language of Ofsted's ILACS grade descriptors (Ofsted, "Inspecting local authority children's services" framework:
 * outstanding — practice is strong and makes a real difference; good — children's circumstances improve; requires
 * improvement — no widespread or serious failures but not yet good; inadequate — widespread or serious failures leave
 * children at risk) and of a council's practice standards, in our own words.
 *
 * Version 2 adds a question on the child's lived experience to voice of the child, and management oversight asks how
 * often the worker is supervised and whether that meets the authority's standard.
 */
import type { Grade } from '../../../domain/ofsted';

export interface FrameworkDomainDefinition {
  /** A practice domain key (practice_domains.key). */
  key: string;
  guidance: string;
  questions: string[];
  descriptors: Record<Grade, string>;
}

export interface FrameworkVersionDefinition {
  notes: string;
  domains: FrameworkDomainDefinition[];
}

export interface FrameworkDefinition {
  key: string;
  title: string;
  description: string;
  versions: FrameworkVersionDefinition[];
}

const VERSION_1: FrameworkDomainDefinition[] = [
  {
    key: 'quality-of-assessment',
    guidance: 'Look at the most recent assessment and whether it analyses risk and need rather than describing events.',
    questions: [
      'Was the assessment completed within timescales appropriate to the child’s needs?',
      'Does the assessment draw on the child’s history and information from partner agencies?',
      'Does the analysis weigh risks against strengths and reach a clear conclusion about what the child needs?',
      'Has the assessment been updated when the child’s circumstances changed?',
    ],
    descriptors: {
      outstanding:
        'The assessment is incisive and timely; it draws together history, the child’s experience and partners’ knowledge into an analysis that clearly drives what happens next.',
      good: 'The assessment is timely and analytical, considers history and risk, and leads to a clear plan that meets the child’s needs.',
      'requires-improvement':
        'The assessment is completed but is largely descriptive; analysis of risk or history is limited, so its conclusions are not always clear.',
      inadequate:
        'There is no assessment, or it is out of date or so weak that risks to the child are not identified or understood.',
    },
  },
  {
    key: 'quality-of-planning',
    guidance:
      'Read the current plan and the record of its reviews to judge whether it is specific and making things change.',
    questions: [
      'Is the plan specific about what must change, who will do what and by when?',
      'Does the plan follow from the assessment and address the risks and needs it identified?',
      'Is the plan reviewed on time, and does progress against it get measured?',
      'Is there evidence of contingency planning if things do not improve?',
    ],
    descriptors: {
      outstanding:
        'Plans are precise, outcome-focused and reviewed rigorously, so that progress is swift and there is no drift for the child.',
      good: 'Plans are specific and timely, set out clear actions and outcomes, and are reviewed so that the child’s circumstances improve.',
      'requires-improvement':
        'A plan is in place but actions or timescales are vague, or reviews do not always test progress, so some drift occurs.',
      inadequate:
        'There is no plan, or the plan does not address the risks to the child, and the child is left in harmful circumstances for too long.',
    },
  },
  {
    key: 'voice-of-the-child',
    guidance:
      'Look for evidence that the child is seen, seen alone when appropriate, and that their wishes and feelings shape decisions.',
    questions: [
      'Is the child seen regularly and in line with their plan, and seen alone where appropriate?',
      'Are the child’s wishes and feelings recorded in their own words or through appropriate tools?',
      'Is there evidence that the child’s views have influenced decisions about them?',
    ],
    descriptors: {
      outstanding:
        'The child’s voice runs through the record; workers know the child well and the child’s views demonstrably shape every significant decision.',
      good: 'The child is seen regularly, their wishes and feelings are recorded and understood, and they influence the plan.',
      'requires-improvement':
        'The child is seen, but their views are recorded inconsistently or are not clearly reflected in decisions.',
      inadequate:
        'The child is not seen often enough or their views are absent, so workers do not understand what life is like for them.',
    },
  },
  {
    key: 'engagement-with-parents-and-carers',
    guidance: 'Consider how parents and carers are involved in assessment and planning and helped to make changes.',
    questions: [
      'Do parents and carers understand the concerns and what needs to change?',
      'Have parents and carers been involved in the assessment and the plan?',
      'Is support offered that helps parents and carers to make and sustain change?',
    ],
    descriptors: {
      outstanding:
        'Workers build purposeful, honest relationships with parents and carers, who are fully involved and are helped to make lasting change.',
      good: 'Parents and carers understand the concerns, contribute to the plan and receive support that is helping them to change.',
      'requires-improvement':
        'Parents and carers are involved, but communication about concerns or the support offered is inconsistent.',
      inadequate:
        'Parents and carers are not engaged or do not understand the concerns, and there is little evidence of help to change.',
    },
  },
  {
    key: 'management-oversight-and-supervision',
    guidance: 'Look for recorded management decisions and supervision that give direction and challenge drift.',
    questions: [
      'Is there recorded management oversight at key decision points?',
      'Does supervision reflect on the child’s circumstances and set clear actions?',
      'Do managers identify and challenge drift or delay?',
    ],
    descriptors: {
      outstanding:
        'Managers know the child’s circumstances well; reflective supervision and recorded decisions give clear direction and prevent any drift.',
      good: 'Management oversight is regular and recorded, gives clear direction and challenges delay when it occurs.',
      'requires-improvement':
        'Oversight is present but sometimes descriptive or irregular, and does not always identify or address drift.',
      inadequate: 'Management oversight is absent or ineffective, and drift or unsafe practice has gone unchallenged.',
    },
  },
  {
    key: 'diversity-and-identity',
    guidance:
      'Consider whether the child’s identity, culture, language, faith and any disability are understood and respected.',
    questions: [
      'Does the record show an understanding of the child’s identity, culture, language and faith?',
      'Have the child’s diverse needs, including any disability, been considered in the assessment and plan?',
      'Are services and communication adapted to the family’s needs, such as using interpreters?',
    ],
    descriptors: {
      outstanding:
        'The child’s identity is understood in depth and celebrated, and every aspect of the work is shaped around it.',
      good: 'The child’s identity and diverse needs are understood and considered in the assessment and plan.',
      'requires-improvement':
        'Identity and diversity are noted but are not explored or reflected consistently in the plan.',
      inadequate: 'The child’s identity and diverse needs are not considered, and the work does not meet them.',
    },
  },
  {
    key: 'multi-agency-working',
    guidance: 'Look at how partners share information, attend meetings and carry out their parts of the plan.',
    questions: [
      'Is information shared promptly between agencies?',
      'Do the relevant partners attend meetings and contribute to the plan?',
      'Are partners carrying out their agreed actions, and is this checked?',
    ],
    descriptors: {
      outstanding:
        'Agencies work seamlessly together with shared ownership of the plan, and their combined work makes a clear difference for the child.',
      good: 'Partners share information, contribute to assessment and planning, and carry out their actions.',
      'requires-improvement':
        'Partners are involved, but information sharing or attendance is inconsistent and some actions are not followed through.',
      inadequate:
        'Agencies do not share information or work together, leaving risks to the child unidentified or unmanaged.',
    },
  },
  {
    key: 'impact-on-the-child',
    guidance: 'Judge whether the work done has made a difference to the child’s safety, wellbeing and outcomes.',
    questions: [
      'Is the child safer, or are their needs better met, because of the work done?',
      'Is there evidence of progress towards the outcomes in the plan?',
      'Has the child experienced any avoidable delay?',
    ],
    descriptors: {
      outstanding:
        'The work has made a significant and sustained positive difference to the child’s life, without delay.',
      good: 'The child’s circumstances have improved as a result of the work, and progress is evident.',
      'requires-improvement': 'There is some improvement for the child, but progress is slow or not yet secure.',
      inadequate: 'The child’s circumstances have not improved or have worsened, and they remain at risk of harm.',
    },
  },
];

const VERSION_2: FrameworkDomainDefinition[] = VERSION_1.map((d) => {
  if (d.key === 'voice-of-the-child') {
    return {
      ...d,
      questions: [
        ...d.questions,
        'Does the record describe the child’s lived experience: what a day in their life is like?',
      ],
    };
  }
  if (d.key === 'management-oversight-and-supervision') {
    return {
      ...d,
      questions: [
        'Is there recorded management oversight at key decision points?',
        'How often is the worker supervised on this child, and does that meet the authority’s supervision standard?',
        'Does supervision reflect on the child’s circumstances and set clear actions?',
        'Do managers identify and challenge drift or delay?',
      ],
    };
  }
  return d;
});

export const PRACTICE_STANDARDS: FrameworkDefinition = {
  key: 'practice-standards',
  title: 'Practice standards audit',
  description:
    'The authority’s case audit against its practice standards: eight practice domains, each graded on Ofsted’s four-point scale.',
  versions: [
    { notes: 'First version.', domains: VERSION_1 },
    {
      notes:
        'Voice of the child adds a question on the child’s lived experience. Management oversight and supervision now asks how often the worker is supervised and whether that meets the authority’s standard.',
      domains: VERSION_2,
    },
  ],
};
