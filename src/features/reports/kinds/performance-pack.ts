/** PLACEHOLDER (issue 7, being written): the Monthly performance pack as a ReportDocument. */
import { ValidationError } from '../../../errors';
import type { ReportKind } from '../kind';

export const performancePack: ReportKind = {
  key: 'performance-pack',
  title: 'Monthly performance pack',
  describe: 'Being written.',
  periodHelp: 'to be defined',
  async periods() {
    return [];
  },
  async build() {
    throw new ValidationError([{ field: 'kind', message: 'The Monthly performance pack is not written yet' }]);
  },
};
