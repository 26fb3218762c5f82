/** PLACEHOLDER (issue 7, being written): the Equalities report as a ReportDocument. */
import { ValidationError } from '../../../errors';
import type { ReportKind } from '../kind';

export const equalities: ReportKind = {
  key: 'equalities',
  title: 'Equalities report',
  describe: 'Being written.',
  periodHelp: 'to be defined',
  async periods() {
    return [];
  },
  async build() {
    throw new ValidationError([{ field: 'kind', message: 'The Equalities report is not written yet' }]);
  },
};
