/**
 * GET /quality/report.docx?month=YYYY-MM[&audience=members]: the monthly quality assurance report as a Word download
 * (quality:read). The month defaults to the last complete month. Anyone who may not see children (members) always
 * gets the members' version (small counts as "c", no auditor named); staff get the internal version unless they ask
 * for the members' one. Each download is written to the access log ('quality.report', with month and audience).
 */
import { z } from 'zod';
import { ValidationError } from '../../../core/errors';
import { can } from '../../../domain/roles';
import { todayInLondon } from '../../../domain/today';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import {
  AUDIENCES,
  fileStem,
  isMonth,
  lastCompleteMonth,
  loadQualityReport,
  type ReportAudience,
} from '../../quality/report/content';
import { qualityReportDocument } from './qa-docx';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const query = z.object({
  month: z.string().trim().refine(isMonth, 'Enter the month as year and month, for example 2026-03').optional(),
  audience: z.enum(AUDIENCES, { error: 'The audience must be internal or members' }).optional(),
});

export function qualityReportRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.quality.report,
    access: 'quality:read',
    audit: 'quality.report',
    handler: async ({ req, res, user, services, audit }) => {
      const parsed = query.safeParse(req.query);
      if (!parsed.success)
        throw new ValidationError(
          parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'month'), message: i.message })),
        );
      const month = parsed.data.month ?? lastCompleteMonth(todayInLondon());
      const audience: ReportAudience = can(user.role, 'child:read') ? (parsed.data.audience ?? 'internal') : 'members';
      const report = await loadQualityReport(services.db, user.authorityId, month, audience);
      const body = await qualityReportDocument(report);
      await audit.record(services.db, {
        recordType: 'authority',
        recordId: String(user.authorityId),
        detail: { month, audience },
      });
      res
        .status(200)
        .type(DOCX_TYPE)
        .attachment(`${fileStem(report.authorityName, month, audience)}.docx`)
        .setHeader('Cache-Control', 'no-store')
        .send(body);
    },
  });
}
