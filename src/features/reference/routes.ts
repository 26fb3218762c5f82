/**
 * Reference data on the web and the API: the admin page lists what is loaded (files, measures and their latest
 * years), takes uploads of published files (all or nothing, with an error summary naming file, row and column),
 * and sets the published authority this authority is benchmarked against. GET /api/reference says what is loaded.
 */
import type { Response } from 'express';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { authorities } from '../../db/schema/index';
import { NotFoundError, ValidationError, type FieldError } from '../../core/errors';
import type { WebServices } from '../../web/services';
import { paths } from '../../web/paths';
import type { RouteBuilder } from '../../web/route';
import { discard, IMPORT_FILES, receiveBody } from '../../web/upload';
import { formText, str } from '../../web/form-input';
import { benchmarkArea, referenceAuthorityChoices, setBenchmarkAuthority } from './benchmarks';
import { describeProblem, ReferenceFileError } from './files';
import { importReferenceFiles, type ReferenceImportResult } from './import';
import { loadedMeasures, recentReferenceImports, referenceCounts } from './overview';
import { ENGLISH_REGIONS } from './regions';

/** Problems shown in the error summary; the rest are counted. */
const PROBLEMS_SHOWN = 20;

const benchmarkForm = z.strictObject({
  benchmarkLaNumber: formText.pipe(z.string().trim().max(10)),
  region: formText.pipe(z.string().trim().max(60)),
});

const importSchema = z.object({
  id: z.number(),
  kind: z.string(),
  source: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  rows: z.number(),
  importedBy: z.string(),
  importedAt: z.string(),
});

const referenceSchema = z.object({
  benchmark: z.object({
    laNumber: z.string().nullable(),
    laName: z.string().nullable(),
    region: z.object({ code: z.string(), name: z.string() }).nullable(),
    neighbours: z.array(z.string()),
    model: z.string().nullable(),
  }),
  counts: z.object({
    bankHolidays: z.number(),
    authorities: z.number(),
    neighbourModels: z.array(z.string()),
    figures: z.number(),
    ofstedOutcomes: z.number(),
  }),
  measures: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      unit: z.string(),
      source: z.string(),
      latestYear: z.number().nullable(),
      authorities: z.number(),
      years: z.number(),
    }),
  ),
  imports: z.array(importSchema),
});

async function overview(services: WebServices, authorityId: number) {
  const [benchmark, counts, measures, imports] = await Promise.all([
    benchmarkArea(services.db, authorityId),
    referenceCounts(services.db),
    loadedMeasures(services.db),
    recentReferenceImports(services.db),
  ]);
  return {
    benchmark: { ...benchmark, neighbours: [...benchmark.neighbours] },
    counts,
    measures,
    imports: imports.map((i) => ({ ...i, importedAt: i.importedAt.toISOString() })),
  };
}

export function referenceRoutes(r: RouteBuilder): void {
  async function render(
    ctx: { res: Response; services: WebServices; user: { authorityId: number } },
    extra: { errors?: FieldError[]; loaded?: number | null; saved?: boolean; values?: Record<string, string> },
    status = 200,
  ) {
    const [authority] = await ctx.services.db
      .select()
      .from(authorities)
      .where(eq(authorities.id, ctx.user.authorityId))
      .limit(1);
    if (!authority) throw new NotFoundError();
    const data = await overview(ctx.services, ctx.user.authorityId);
    const choices = await referenceAuthorityChoices(ctx.services.db);
    const chosen = extra.values?.benchmarkLaNumber ?? authority.benchmarkLaNumber ?? authority.laNumber ?? '';
    const region = extra.values?.region ?? authority.region ?? '';
    const names = new Map(choices.map((c) => [c.laNumber, c.name]));
    const neighbourText = data.benchmark.model
      ? `${data.benchmark.neighbours.length} (${data.benchmark.model} model): ${data.benchmark.neighbours.map((n) => `${names.get(n) ?? n} (${n})`).join(', ')}`
      : 'None loaded';
    ctx.res.status(status).render('reference/views/index.njk', {
      neighbourText,
      pageTitle: `${extra.errors?.length ? 'Error: ' : ''}Reference data`,
      authority: {
        name: authority.name,
        laNumber: authority.laNumber,
        benchmarkLaNumber: authority.benchmarkLaNumber,
        region: authority.region,
      },
      ...data,
      laItems: [
        { value: '', text: 'Choose an authority', selected: chosen === '' },
        ...choices.map((c) => ({
          value: c.laNumber,
          text: `${c.name} (${c.laNumber})`,
          selected: c.laNumber === chosen,
        })),
      ],
      regionItems: [
        { value: '', text: 'The chosen authority’s region', selected: region === '' },
        ...ENGLISH_REGIONS.map((g) => ({ value: g.name, text: g.name, selected: g.name === region })),
      ],
      errors: extra.errors ?? [],
      loaded: extra.loaded ?? null,
      saved: extra.saved ?? false,
    });
  }

  r.page({
    method: 'get',
    path: paths.reference.index,
    access: 'reference:manage',
    audit: null,
    handler: async ({ req, res, services, user }) => {
      const loaded =
        typeof req.query.loaded === 'string' && /^\d{1,4}$/.test(req.query.loaded) ? Number(req.query.loaded) : null;
      await render({ res, services, user }, { loaded, saved: req.query.saved === '1' });
    },
  });

  r.page({
    method: 'post',
    path: paths.reference.index,
    access: 'reference:manage',
    audit: 'reference.import',
    body: z.strictObject({}),
    files: { files: { ...IMPORT_FILES, required: 'Select the reference files to load' } },
    invalid: async ({ res, services, user }, form) => {
      await render({ res, services, user }, { errors: form.errors }, 400);
    },
    handler: async ({ res, services, user, audit, files }) => {
      let loaded;
      try {
        loaded = await importReferenceFiles(
          services.db,
          files.files.map((f) => ({ name: f.name, path: f.path })),
          user.username,
        );
      } catch (e) {
        if (!(e instanceof ReferenceFileError)) throw e;
        const errors = e.problems
          .slice(0, PROBLEMS_SHOWN)
          .map((p) => ({ field: 'files', message: describeProblem(p) }));
        if (e.problems.length > PROBLEMS_SHOWN)
          errors.push({
            field: 'files',
            message: `… and ${e.problems.length - PROBLEMS_SHOWN} more problems. Nothing was loaded.`,
          });
        else errors.push({ field: 'files', message: 'Nothing was loaded: correct the file and load it again.' });
        throw new ValidationError(errors);
      }
      await audit.record(services.db, {
        recordType: 'reference-data',
        detail: {
          files: loaded.files.length,
          rows: loaded.files.reduce((s, f) => s + f.rows, 0),
          names: loaded.files
            .map((f) => f.name)
            .join('; ')
            .slice(0, 2000),
        },
      });
      res.redirect(303, `${paths.reference.index({})}?loaded=${loaded.files.length}`);
    },
  });

  r.page({
    method: 'post',
    path: paths.reference.benchmark,
    access: 'reference:manage',
    audit: 'reference.benchmark-authority',
    body: benchmarkForm,
    invalid: async ({ res, services, user }, form) => {
      const values = {
        benchmarkLaNumber: str(form.input.benchmarkLaNumber).trim(),
        region: str(form.input.region).trim(),
      };
      await render({ res, services, user }, { errors: form.errors, values }, 400);
    },
    handler: async ({ res, services, user, audit, body }) => {
      const changed = await setBenchmarkAuthority(services.db, user.authorityId, {
        benchmarkLaNumber: body.benchmarkLaNumber,
        region: body.region || null,
      });
      await audit.record(services.db, {
        recordType: 'authority',
        recordId: String(user.authorityId),
        detail: {
          benchmarkLaNumberBefore: changed.before.benchmarkLaNumber,
          regionBefore: changed.before.region,
          benchmarkLaNumber: changed.after.benchmarkLaNumber,
          region: changed.after.region,
        },
      });
      res.redirect(303, `${paths.reference.index({})}?saved=1`);
    },
  });

  const loadedSchema = z.object({
    files: z.array(
      z.object({ name: z.string(), kind: z.string(), source: z.string(), rows: z.number(), note: z.string() }),
    ),
    derived: z.number(),
    seconds: z.number(),
  });

  r.apiRaw({
    method: 'post',
    path: paths.api.reference,
    access: 'reference:manage',
    audit: 'reference.import',
    tag: 'Reference data',
    summary: 'Load a reference file',
    description:
      'Send one published file as the request body (a GOV.UK bank-holidays.json, a DfE statistical-neighbour or authority lookup CSV, a DfE/ONS statistics CSV, or Ofsted’s inspection outcomes: the official ODS workbook or its CSV tables, the D2I or JT-39 overview CSV/XLSX, the JT-39 history CSV), with its name in ?filename=. ' +
      'Answers 200 with what was loaded; a file that is not recognised or has a bad cell answers 400 naming the file, row and column, and nothing is loaded.',
    query: z.object({ filename: z.string().trim().min(1, 'Give the file’s name in ?filename=').max(200) }),
    requestTypes: [
      'text/csv',
      'application/json',
      'application/vnd.oasis.opendocument.spreadsheet',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/octet-stream',
    ],
    responseTypes: ['application/json'],
    status: 200,
    handler: async ({ req, res, query, services, user, audit }) => {
      const upload = await receiveBody(req, query.filename);
      let loaded: ReferenceImportResult;
      try {
        if (upload.problem || (upload.files[0]?.size ?? 0) === 0) {
          throw new ValidationError([
            { field: 'body', message: upload.problem ?? 'The request body is empty: send the file as the body' },
          ]);
        }
        try {
          loaded = await importReferenceFiles(
            services.db,
            upload.files.map((f) => ({ name: f.name, path: f.path })),
            user.username,
          );
        } catch (e) {
          if (!(e instanceof ReferenceFileError)) throw e;
          throw new ValidationError(
            e.problems.slice(0, 100).map((p) => ({
              field: [p.file, p.row !== null ? `row ${p.row}` : null, p.column].filter(Boolean).join(', '),
              message: p.message,
            })),
          );
        }
      } finally {
        await discard(upload);
      }
      await audit.record(services.db, {
        recordType: 'reference-data',
        detail: {
          files: loaded.files.length,
          rows: loaded.files.reduce((s, f) => s + f.rows, 0),
          names: query.filename,
        },
      });
      res.status(200).json(loadedSchema.parse(loaded));
    },
  });

  r.api({
    method: 'get',
    path: paths.api.reference,
    access: 'reference:manage',
    audit: null,
    tag: 'Reference data',
    summary: 'What reference data is loaded',
    description:
      'The published authority this authority is benchmarked against (its region and statistical neighbours), how many bank holidays, authorities and figures are loaded, each benchmark measure with its latest year, and the files loaded (newest first).',
    response: referenceSchema,
    handler: async ({ services, user }) => overview(services, user.authorityId),
  });
}
