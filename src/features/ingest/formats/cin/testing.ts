/** Helpers for the CIN census tests: files on disk, an import context, and a census wrapped around children. */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportContext, ImportOptions, SourceFile } from '../../format';
import { IssueLog } from '../../issues';
import { cinCensusFormat } from './index';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../test/fixtures/cin');

export function sourceFile(p: string, name = path.basename(p)): SourceFile {
  return { name, path: p, size: statSync(p).size };
}

export function fixture(name: string): SourceFile {
  return sourceFile(path.join(FIXTURES, name), name);
}

let dir: string | null = null;
/** Writes text (or bytes) to a new temporary file. */
export function tempFile(name: string, content: string | Buffer): SourceFile {
  dir ??= mkdtempSync(path.join(tmpdir(), 'lantern-cin-'));
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return sourceFile(p, name);
}

export function importContext(options: ImportOptions = {}): ImportContext {
  return {
    authority: { id: 1, code: 'TEST', name: 'Test', laNumber: '302' },
    issues: new IssueLog(),
    progress: () => {},
    options,
    today: '2026-06-01',
  };
}

export async function readCensus(files: SourceFile[], options: ImportOptions = {}) {
  const ctx = importContext(options);
  const result = await cinCensusFormat.read(files, ctx);
  return { result, issues: ctx.issues.list(), ctx };
}

/** A census document for `year` around the given Child elements. */
export function census(year: number, children: string, header = true): string {
  const h = header
    ? `<Header><CollectionDetails><Collection>CIN</Collection><Year>${year}</Year><ReferenceDate>${year}-03-31</ReferenceDate></CollectionDetails></Header>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n${h}\n<Children>\n${children}\n</Children>\n</Message>\n`;
}

/** A minimal valid Child for `year` (Sex or GenderCurrent by year), with `details` as its CINdetails content. */
export function child(id: string, year: number, details = '', identifiers = ''): string {
  const sex = year >= 2025 ? '<Sex>F</Sex>' : '<GenderCurrent>2</GenderCurrent>';
  const ep =
    details ||
    `<CINreferralDate>${year - 1}-06-02</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode><ReferralNFA>false</ReferralNFA>`;
  return `<Child>
<ChildIdentifiers><LAchildID>${id}</LAchildID><UPNunknown>UN1</UPNunknown><PersonBirthDate>2022-01-01</PersonBirthDate>${identifiers}${sex}</ChildIdentifiers>
<ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
<CINdetails>${ep}</CINdetails>
</Child>`;
}
