/**
 * The practice domains that case audits grade (the brief's eight: assessment, planning, the child's voice, work with
 * parents and carers, management oversight, identity, multi-agency working and impact), with the short description
 * each carries. An authority may add and rename domains (/quality/domains); these are the ones every authority
 * starts with.
 */
export const PRACTICE_DOMAINS = [
  {
    key: 'quality-of-assessment',
    title: 'Quality of assessment',
    description: 'The assessment analyses risk and need, draws on history and is updated when things change.',
  },
  {
    key: 'quality-of-planning',
    title: 'Quality of planning',
    description: 'The plan is specific, timely and says what must change, by whom and by when.',
  },
  {
    key: 'voice-of-the-child',
    title: 'Voice of the child',
    description: 'The child is seen, heard and understood, and their wishes shape decisions.',
  },
  {
    key: 'engagement-with-parents-and-carers',
    title: 'Engagement with parents and carers',
    description: 'Parents and carers are involved, understand the concerns and are helped to change.',
  },
  {
    key: 'management-oversight-and-supervision',
    title: 'Management oversight and supervision',
    description: 'Managers give direction, challenge drift and record the reasons for decisions.',
  },
  {
    key: 'diversity-and-identity',
    title: 'Diversity and identity',
    description: "The child's identity, culture, language and faith are understood and respected.",
  },
  {
    key: 'multi-agency-working',
    title: 'Multi-agency working',
    description: 'Partners share information and work together on the plan.',
  },
  {
    key: 'impact-on-the-child',
    title: 'Impact on the child',
    description: "The work has made a difference to the child's life.",
  },
] as const;
export type PracticeDomainKey = (typeof PRACTICE_DOMAINS)[number]['key'];
