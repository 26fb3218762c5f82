/** PLACEHOLDER (issue 7, being written): the Improvement plan as a ReportDocument. */
import { ValidationError } from '../../../errors';
import type { ReportKind } from '../kind';

export const improvementPlan: ReportKind = {
  key: 'improvement-plan',
  title: 'Improvement plan',
  describe: 'Being written.',
  periodHelp: 'to be defined',
  async periods() {
    return [];
  },
  async build() {
    throw new ValidationError([{ field: 'kind', message: 'The Improvement plan is not written yet' }]);
  },
};
