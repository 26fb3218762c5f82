/**
 * GET /improvement/plan.xlsx and /improvement/plan.docx: the signed-in user's authority's improvement plan as a
 * download (inspection:read — every role: the plan carries no child data). Each download is written to the access
 * log as an export ('improvement.export', with the format and the number of actions).
 */
import { todayInLondon } from '../../../domain/today';
import { paths } from '../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../web/route';
import { fileStem, loadPlanExport } from '../../improvement/export/content';
import { planDocument } from './plan-docx';
import { planWorkbook } from '../../improvement/export/xlsx';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function sendExport(ctx: PageContext, format: 'xlsx' | 'docx'): Promise<void> {
  const { res, user, services, audit } = ctx;
  const today = todayInLondon();
  const content = await loadPlanExport(services.db, user.authorityId, today);
  const body = format === 'xlsx' ? await planWorkbook(content) : await planDocument(content);
  await audit.record(services.db, {
    recordType: 'improvement-plan',
    recordId: String(user.authorityId),
    detail: { format, actions: content.plan.summary.actions, recommendations: content.recommendations.length },
  });
  res
    .status(200)
    .type(format === 'xlsx' ? XLSX_TYPE : DOCX_TYPE)
    .attachment(`${fileStem(content.authorityName, today)}.${format}`)
    .setHeader('Cache-Control', 'no-store')
    .send(body);
}

export function improvementExportRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.improvement.xlsx,
    access: 'inspection:read',
    audit: 'improvement.export',
    handler: (ctx) => sendExport(ctx, 'xlsx'),
  });
  r.page({
    method: 'get',
    path: paths.improvement.docx,
    access: 'inspection:read',
    audit: 'improvement.export',
    handler: (ctx) => sendExport(ctx, 'docx'),
  });
}
