/** PLACEHOLDER (issue 7, being written): the Quality assurance report as a ReportDocument. */
import { ValidationError } from '../../../errors';
import type { ReportKind } from '../kind';

export const qaReport: ReportKind = {
  key: 'qa',
  title: 'Quality assurance report',
  describe: 'Being written.',
  periodHelp: 'to be defined',
  async periods() {
    return [];
  },
  async build() {
    throw new ValidationError([{ field: 'kind', message: 'The Quality assurance report is not written yet' }]);
  },
};
