/**
 * An import's report: GET /data/imports/:importId — what it did (the headline figures before and after, any that
 * moved by more than a tenth, and table by table what was added, merged, unchanged and removed), or for a withdrawn
 * import who withdrew it, when, why and what that did; its issues (filter by rule and severity), as CSV, and the
 * files imported as a zip.
 */
import { pipeline } from 'node:stream/promises';
import { effectView } from '../../ingest/effect-words';
import { FORMAT_LABELS } from '../../ingest/format';
import { issuesCsv } from '../../ingest/log';
import { originalsZip } from '../../ingest/originals';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { ISSUES_PAGE, presentBatch, reportRequest } from './shared';

export function importReportRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.data.importReport,
    access: 'data:import',
    audit: 'import.report',
    handler: async ({ req, res, services, user, audit }) => {
      const { log, batch, filter } = await reportRequest(req, services, user);
      const issues = await log.issues(batch.id, {
        rule: filter.rule || null,
        severity: filter.severity || null,
        limit: ISSUES_PAGE,
        offset: (filter.page - 1) * ISSUES_PAGE,
      });
      const rules = await log.ruleCounts(batch.id);
      await audit.record(services.db, {
        recordType: 'import',
        recordId: String(batch.id),
        detail: { rule: filter.rule ?? null },
      });
      const pages = Math.max(1, Math.ceil(issues.total / ISSUES_PAGE));
      const link = (page: number) =>
        paths.data.importReportFor(batch.id, { rule: filter.rule, severity: filter.severity, page });
      res.render('data/views/import-report.njk', {
        pageTitle: `Import ${batch.id}: ${(FORMAT_LABELS as Partial<Record<string, string>>)[batch.format] ?? batch.format} ${batch.periodLabel}`,
        batch: presentBatch(batch),
        effect: effectView(batch.effect),
        withdrawUrl: batch.status === 'accepted' ? paths.data.importWithdraw({ importId: batch.id }) : null,
        rules,
        issues: issues.rows,
        total: issues.total,
        filter,
        page: filter.page,
        pages,
        pagination: {
          ...(filter.page > 1 ? { previous: { href: link(filter.page - 1) } } : {}),
          ...(filter.page < pages ? { next: { href: link(filter.page + 1) } } : {}),
        },
        csvUrl: paths.data.importIssuesCsvFor(batch.id, { rule: filter.rule, severity: filter.severity }),
        filesUrl: paths.data.importFiles({ importId: batch.id }),
        ruleUrl: (rule: string) => paths.data.importReportFor(batch.id, { rule }),
        allUrl: paths.data.importReport({ importId: batch.id }),
      });
    },
  });

  r.page({
    method: 'get',
    path: paths.data.importIssuesCsv,
    access: 'data:import',
    audit: 'import.report-download',
    handler: async ({ req, res, services, user, audit }) => {
      const { log, batch, filter } = await reportRequest(req, services, user);
      const issues = await log.issues(batch.id, {
        rule: filter.rule || null,
        severity: filter.severity || null,
        limit: null,
        offset: 0,
      });
      await audit.record(services.db, {
        recordType: 'import',
        recordId: String(batch.id),
        detail: { rule: filter.rule ?? null },
      });
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .attachment(`import-${batch.id}-issues${filter.rule ? `-${filter.rule}` : ''}.csv`)
        .send(`\uFEFF${issuesCsv(issues.rows)}`);
    },
  });

  r.page({
    method: 'get',
    path: paths.data.importFiles,
    access: 'data:import',
    audit: 'import.files-download',
    handler: async ({ req, res, services, user, audit }) => {
      const { batch } = await reportRequest(req, services, user);
      await audit.record(services.db, { recordType: 'import', recordId: String(batch.id) });
      res.status(200).type('application/zip').attachment(`import-${batch.id}-files.zip`);
      await pipeline(await originalsZip(services.db, batch.id), res);
    },
  });
}
