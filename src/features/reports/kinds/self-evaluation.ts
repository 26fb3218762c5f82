/** PLACEHOLDER (issue 7, being written): the Self-evaluation as a ReportDocument. */
import { ValidationError } from '../../../errors';
import type { ReportKind } from '../kind';

export const selfEvaluation: ReportKind = {
  key: 'self-evaluation',
  title: 'Self-evaluation',
  describe: 'Being written.',
  periodHelp: 'to be defined',
  async periods() {
    return [];
  },
  async build() {
    throw new ValidationError([{ field: 'kind', message: 'The Self-evaluation is not written yet' }]);
  },
};
