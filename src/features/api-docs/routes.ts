import { paths } from '../../web/paths';
import type { RouteBuilder } from '../../web/route';

interface OpenApiDoc {
  paths: Record<string, Record<string, { summary?: string; description?: string; tags?: string[] }>>;
}

/** A readable index of the API, built from the same OpenAPI document the app serves. */
export function apiDocsRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.apiDocs,
    access: 'public',
    audit: null,
    handler: async ({ req, res }) => {
      const doc = req.app.locals.openapi as OpenApiDoc;
      const endpoints = Object.entries(doc.paths).flatMap(([p, methods]) =>
        Object.entries(methods).map(([method, op]) => ({
          method: method.toUpperCase(),
          path: p,
          summary: op.summary ?? '',
          tag: op.tags?.[0] ?? '',
          requires: /Requires: (.+)\.$/.exec(op.description ?? '')?.[1] ?? '',
        })),
      );
      res.render('api-docs/views/index.njk', { pageTitle: 'The Lantern API', endpoints });
    },
  });
}
