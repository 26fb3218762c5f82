/**
 * GET/POST /inspections/read: read an Ofsted report in (its PDF or text file, or its text pasted) to fill the
 * inspection form for checking. Nothing is saved until the form is.
 */
import { readFile } from 'node:fs/promises';
import type { Response } from 'express';
import { z } from 'zod';
import { ValidationError, type FieldError } from '../../../core/errors';
import { formText, str } from '../../../web/form-input';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import type { ProposedInspection } from '../proposal';
import { readReportFile, readReportText } from '../report-reader/index';
import { formValuesFromProposal } from '../validation';
import { renderForm } from './form';
import { MAX_FIELD_BYTES, tooLongOn } from './shared';

/** The largest report file the page accepts. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

const readForm = z.strictObject({ text: formText });

function renderRead(res: Response, errors: FieldError[] = [], values: { text?: string } = {}, status = 200): void {
  res.status(status).render('inspections/views/read.njk', {
    pageTitle: `${errors.length ? 'Error: ' : ''}Read in an Ofsted report`,
    errors,
    errorList: errors.map((e) => ({ text: e.message, href: e.field === 'text' ? '#text' : '#file' })),
    values,
  });
}

/** What the reader proposes from the file, or else the text; what is wrong with them is the file's or the text's. */
async function proposalFrom(
  file: { path: string; name: string; size: number } | undefined,
  text: string,
): Promise<{ proposal: ProposedInspection; source: string }> {
  try {
    if (file && file.size > 0) {
      const bytes = new Uint8Array(await readFile(file.path));
      return { proposal: await readReportFile(bytes, file.name), source: `report: ${file.name}` };
    }
    if (file && !text.trim()) {
      const message = `${file.name}: the file is empty. Choose the PDF of the Ofsted report or letter, or a text file of it.`;
      throw new ValidationError([{ field: 'file', message }]);
    }
    if (text.trim()) return { proposal: readReportText(text), source: 'report: pasted text' };
    const message = 'Choose the PDF or text file of the Ofsted report or letter, or paste its text';
    throw new ValidationError([{ field: 'file', message }]);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    throw new ValidationError(
      e.errors.map((x) => ({ field: x.field === 'text' ? 'text' : 'file', message: x.message })),
    );
  }
}

export function inspectionReadRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.inspections.read,
    access: 'inspection:manage',
    audit: null,
    handler: async ({ res }) => {
      renderRead(res);
    },
  });

  r.page({
    method: 'post',
    path: paths.inspections.read,
    access: 'inspection:manage',
    audit: null,
    body: readForm,
    files: {
      file: {
        maxBytes: MAX_FILE_BYTES,
        tooLarge: (name: string) =>
          `${name} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB: an Ofsted report is far smaller`,
      },
    },
    maxFieldBytes: MAX_FIELD_BYTES,
    tooLong: tooLongOn('file'),
    invalid: ({ res }, form) => {
      renderRead(res, form.errors, { text: str(form.input.text) }, 400);
    },
    handler: async ({ res, body, files }) => {
      const { proposal, source } = await proposalFrom(files.file[0], body.text);
      renderForm(
        { res },
        {
          mode: 'read',
          values: formValuesFromProposal(proposal, source),
          warnings: proposal.warnings,
          readFrom: source.replace(/^report: /, ''),
        },
      );
    },
  });
}
