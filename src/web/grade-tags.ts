/**
 * The GOV.UK tag colour for each Ofsted grade, shared by every page that shows a judgement or an audit grade
 * (inspections, audits, moderation): one colour per grade across Lantern.
 */
import type { Grade } from '../domain/ofsted';

export const GRADE_TAG: Record<Grade, string> = {
  outstanding: 'govuk-tag--green',
  good: 'govuk-tag--turquoise',
  'requires-improvement': 'govuk-tag--yellow',
  inadequate: 'govuk-tag--red',
};
