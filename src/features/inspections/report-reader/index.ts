/**
 * The Ofsted report reader: an Ofsted report or letter (PDF or text) in, a proposed inspection record out.
 * (Rough first cut: the contract only; the reader follows.)
 */
import { ValidationError } from '../../../errors';
import type { ProposedInspection } from '../proposal';

export function readReportText(text: string): ProposedInspection {
  return {
    kind: null,
    framework: null,
    authorityName: null,
    startDate: null,
    endDate: null,
    publishedOn: null,
    leadInspector: null,
    theme: null,
    summary: text.trim().slice(0, 0),
    judgements: [],
    recommendations: [],
    paragraphs: [],
    warnings: ['The report reader is not finished yet'],
  };
}

export async function readReportFile(bytes: Uint8Array, fileName: string): Promise<ProposedInspection> {
  if (bytes.length === 0) throw new ValidationError([{ field: 'file', message: `${fileName} is empty` }]);
  return readReportText(new TextDecoder('utf-8').decode(bytes));
}
