/** The census Header: CollectionDetails (Collection, Year, ReferenceDate) and Source (LEA …). */
import { ModuleReader, type ElementContext } from './elements';
import type { CinHeader } from './model';
import type { XmlNode } from './xml-stream';

const HEADER = { CollectionDetails: 'one', Source: 'many' } as const;
const COLLECTION = { Collection: 'one', Year: 'one', ReferenceDate: 'one' } as const;
const SOURCE = {
  SourceLevel: 'one',
  LEA: 'one',
  SoftwareCode: 'one',
  Release: 'one',
  SerialNo: 'one',
  DateTime: 'one',
} as const;

export function parseHeader(node: XmlNode, ctx: ElementContext): CinHeader {
  const header = new ModuleReader(node, ctx, HEADER);
  const out: CinHeader = { line: node.line, lines: {}, collection: null, year: null, referenceDate: null, lea: null };
  const details = header.nodes('CollectionDetails')[0];
  if (details) {
    const r = new ModuleReader(details, ctx, COLLECTION);
    out.collection = r.text('Collection');
    const year = r.text('Year');
    if (year !== null) {
      if (/^\d{4}$/.test(year)) out.year = Number(year);
      else
        r.error(
          r.nodes('Year')[0] ?? null,
          'LNT-TYPE',
          `Year "${year}" is not a year (expected four digits, e.g. 2026)`,
        );
    }
    out.referenceDate = r.date('ReferenceDate');
    Object.assign(out.lines, r.lines);
  }
  const source = header.nodes('Source')[0];
  if (source) {
    const r = new ModuleReader(source, ctx, SOURCE);
    out.lea = r.text('LEA');
    Object.assign(out.lines, r.lines);
  }
  return out;
}
