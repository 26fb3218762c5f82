/**
 * The reference data API: POST /api/reference loads one published file sent as the body; GET /api/reference says what
 * is loaded.
 */
import { z } from 'zod';
import { ValidationError } from '../../../core/errors';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { discard, receiveBody } from '../../../web/upload';
import { ReferenceFileError } from '../files';
import { importReferenceFiles, type ReferenceImportResult } from '../import';
import { overview } from './loaded';

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

export function referenceApi(r: RouteBuilder): void {
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
