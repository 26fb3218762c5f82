/**
 * `lantern inspections read-report FILE... [--json]`
 * Reads Ofsted reports and letters (PDF or text) and prints the proposed inspection records: one JSON object for one
 * file, an array for several, or a readable summary. Needs no database and changes nothing. A file that cannot be
 * read (empty, binary, a scanned PDF) exits 1 with its message and prints no records.
 */
import { readFile } from 'node:fs/promises';
import { cliIo } from '../io';
import path from 'node:path';
import type { Command } from 'commander';
import {
  ACTIVITY_LABELS,
  FRAMEWORK_LABELS,
  FRAMEWORK_JUDGEMENTS,
  GRADE_LABELS,
  RECOMMENDATION_KIND_LABELS,
  type Framework,
  type JudgementKey,
} from '../../domain/ofsted';
import { ValidationError, type FieldError } from '../../core/errors';
import type { ProposedInspection } from '../../features/inspections/proposal';

function shortName(key: JudgementKey, framework: Framework | null): string {
  const own = framework ? FRAMEWORK_JUDGEMENTS[framework].find((j) => j.key === key) : undefined;
  if (own) return own.short;
  for (const list of Object.values(FRAMEWORK_JUDGEMENTS)) {
    const found = list.find((j) => j.key === key);
    if (found) return found.short;
  }
  return key;
}

/** A few lines a person can check at a glance. */
export function formatProposal(file: string, r: ProposedInspection): string {
  const lines: string[] = [file];
  const what = [
    r.kind ? ACTIVITY_LABELS[r.kind] : 'Kind not recognised',
    r.framework ? FRAMEWORK_LABELS[r.framework] : null,
  ]
    .filter(Boolean)
    .join(', ');
  const when = r.startDate
    ? r.endDate && r.endDate !== r.startDate
      ? `${r.startDate} to ${r.endDate}`
      : r.startDate
    : 'dates not found';
  lines.push(
    `  ${what}`,
    `  Authority: ${r.authorityName ?? 'not found'}; ${when}${r.publishedOn ? `; published ${r.publishedOn}` : ''}`,
  );
  lines.push(`  Lead inspector: ${r.leadInspector ?? 'not found'}`);
  if (r.theme) lines.push(`  Theme: ${r.theme}`);
  if (r.judgements.length > 0)
    lines.push(
      `  Judgements: ${r.judgements.map((j) => `${shortName(j.key, r.framework)}: ${GRADE_LABELS[j.grade]}`).join('; ')}`,
    );
  for (const kind of ['priority-action', 'recommendation'] as const) {
    const items = r.recommendations.filter((x) => x.kind === kind);
    if (items.length === 0) continue;
    lines.push(`  ${RECOMMENDATION_KIND_LABELS[kind]} (${items.length}):`);
    for (const x of items) lines.push(`    ${x.number}. ${x.text}`);
  }
  if (r.paragraphs.length > 0) {
    const counts = new Map<string, number>();
    for (const p of r.paragraphs) {
      const k = p.judgement ? shortName(p.judgement, r.framework) : p.heading || 'no heading';
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    lines.push(`  Paragraphs: ${r.paragraphs.length} (${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')})`);
  }
  lines.push(
    r.warnings.length === 0 ? '  Warnings: none' : `  Warnings:\n${r.warnings.map((w) => `    - ${w}`).join('\n')}`,
  );
  return `${lines.join('\n')}\n`;
}

export function registerInspectionCommands(program: Command): void {
  const inspections = program.command('inspections').description('Ofsted inspections and visits.');
  inspections
    .command('read-report')
    .description(
      'Read Ofsted reports or letters (PDF or text) and print the proposed inspection records, for checking before they are saved. Changes nothing.',
    )
    .argument('<files...>', 'report files: PDF (recognised by its content) or text')
    .option('--json', 'print JSON: one object for one file, an array for several', false)
    .action(async (files: string[], opts: { json: boolean }) => {
      const { readReportFile } = await import('../../features/inspections/report-reader');
      const results: Array<{ file: string; proposal: ProposedInspection }> = [];
      const errors: FieldError[] = [];
      for (const file of files) {
        const name = path.basename(file);
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(await readFile(file));
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          errors.push({
            field: 'file',
            message: `${name}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : 'could not be read'}`,
          });
          continue;
        }
        try {
          results.push({ file, proposal: await readReportFile(bytes, name) });
        } catch (e) {
          if (e instanceof ValidationError) errors.push(...e.errors);
          else throw e;
        }
      }
      if (errors.length > 0) throw new ValidationError(errors);
      if (opts.json) {
        const body =
          results.length === 1 ? results[0]?.proposal : results.map((r) => ({ file: r.file, ...r.proposal }));
        cliIo().stdout.write(`${JSON.stringify(body, null, 2)}\n`);
      } else {
        cliIo().stdout.write(results.map((r) => formatProposal(r.file, r.proposal)).join('\n'));
      }
    });
}
