/**
 * `lantern report <kind> --period <p> --audience internal|members --out FILE.docx|FILE.pdf` — writes one of the
 * reports in src/features/reports/registry.ts (the format from the file's extension), records it in the
 * generated-reports log (as cli:<os user>) and the access log (reports.generate). An unknown kind, audience or
 * extension, or a period the kind cannot read, is refused with a clear message, exit status 1 and nothing written.
 * `lantern report list` — the kinds and what their period takes.
 */
import { writeFile } from 'node:fs/promises';
import { cliIo } from '../io';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { ValidationError } from '../../core/errors';
import { createAuditor } from '../../accounts/access-log/auditor';
import { AUDIENCES } from '../../documents/model';
import { REPORT_KINDS, reportKind } from '../../features/reports/registry';
import { generateReport, isReportFormat } from '../../features/reports/service';
import { resolveAuthority } from '../authority';
import { cliActor, withRuntime } from '../context';

export function registerReportCommands(program: Command): void {
  program
    .command('report')
    .description(
      `Write a report as DOCX or PDF and keep it in the generated-reports log. Kinds: ${REPORT_KINDS.map((k) => k.key).join(', ')} (lantern report list).`,
    )
    .argument('<kind>', 'the report, or list to see them')
    .option('--period <period>', 'the period the kind reads (see lantern report list)', 'latest')
    .addOption(new Option('--audience <audience>', 'internal, or members (counts 1–4 as "c")').default('internal'))
    .option('--out <file>', 'where to write it: FILE.docx or FILE.pdf')
    .option('--authority <code>', 'authority code (default: the only authority, or DEMO)')
    .action(async (kindKey: string, opts: { period: string; audience: string; out?: string; authority?: string }) => {
      if (kindKey === 'list') {
        for (const k of REPORT_KINDS) cliIo().stdout.write(`${k.key}\t${k.title}. Period: ${k.periodHelp}.\n`);
        return;
      }
      const kind = reportKind(kindKey);
      if (!kind)
        throw new ValidationError([
          {
            field: 'kind',
            message: `There is no report "${kindKey}": choose one of ${REPORT_KINDS.map((k) => k.key).join(', ')}`,
          },
        ]);
      if (!(AUDIENCES as readonly string[]).includes(opts.audience))
        throw new ValidationError([
          { field: '--audience', message: `Use internal or members, not "${opts.audience}"` },
        ]);
      if (!opts.out)
        throw new ValidationError([
          { field: '--out', message: 'Say where to write the report: --out FILE.docx or --out FILE.pdf' },
        ]);
      const format = path.extname(opts.out).slice(1).toLowerCase();
      if (!isReportFormat(format))
        throw new ValidationError([
          {
            field: '--out',
            message: `The file must end .docx or .pdf (the format is taken from it), not "${path.basename(opts.out)}"`,
          },
        ]);
      const out = opts.out;
      await withRuntime(async (rt) => {
        const db = rt.database.db;
        const authority = await resolveAuthority(db, opts.authority);
        const actor = cliActor(authority.id);
        const report = await generateReport(
          db,
          authority.id,
          { kind: kind.key, period: opts.period, audience: opts.audience, format },
          actor.username,
        );
        await writeFile(out, report.bytes);
        await createAuditor(rt.services.accessLogRepository, actor, 'reports.generate', null).record(db, {
          recordType: 'generated_report',
          recordId: String(report.id),
          detail: { kind: report.kind, period: report.period, audience: report.audience, format: report.format },
        });
        cliIo().stdout.write(
          `Wrote ${kind.title.toLowerCase()} (${report.document.periodLabel}; ${report.audience}) for ${authority.name} to ${out}: ${report.bytes.length.toLocaleString('en-GB')} bytes, sha256 ${report.sha256}, log entry ${report.id}\n`,
        );
      });
    });
}
