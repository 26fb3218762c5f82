/**
 * `lantern audits export --out FILE.csv` — one row per audit and domain: audit, child, team, auditor, domain, the
 * auditor's grade, moderator, moderation level, moderated grade, dates and the moderator's reason.
 * `lantern audits agreement [--json]` — how far auditors and moderators agree: exact agreement and Cohen's weighted
 * kappa (linear weights), overall, per auditor and per domain.
 * Both for the whole authority (the command runs as the operating-system user, like every command); the export is
 * child-level (Lantern ids, never names) and is written to the access log.
 * `lantern audits report --month YYYY-MM --out FILE.docx [--audience internal|members]` — the monthly quality
 * assurance report (src/features/quality/report/), written to the access log as quality.report.
 */
import { writeFile } from 'node:fs/promises';
import { cliIo } from '../io';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { CSV_SAFE_CAST } from '../../domain/csv-safety';
import { GRADE_LABELS, GRADES } from '../../domain/ofsted';
import type { Agreement } from '../../domain/agreement';
import { createAuditor } from '../../accounts/access-log/auditor';
import { auditDomainRows, moderationAgreement } from '../../features/quality/moderation-results';
import { AUDIENCES, isMonth, loadQualityReport, type ReportAudience } from '../../features/quality/report/content';
import { qualityReportDocument } from '../../features/reports/downloads/qa-docx';
import { resolveAuthority } from '../authority';
import { cliActor, isoDate, withRuntime } from '../context';

const EXPORT_HEADER = [
  'audit',
  'child',
  'team',
  'auditor',
  'domain',
  'auditor_grade',
  'submitted_on',
  'moderator',
  'moderation_level',
  'moderated_grade',
  'moderated_on',
  'moderator_reason',
];

const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(1)}%`);
const kappa = (x: number | null) => (x === null ? '–' : x.toFixed(3));

function agreementLine(label: string, a: Agreement): string {
  return `${label.padEnd(44)} ${String(a.pairs).padStart(6)}  ${pct(a.exactShare).padStart(7)}  ${kappa(a.weightedKappa).padStart(7)}`;
}

function agreementJson(a: Agreement) {
  return {
    pairs: a.pairs,
    exact: a.exact,
    exactShare: a.exactShare,
    weightedKappa: a.weightedKappa,
    grades: [...GRADES],
    counts: a.counts,
  };
}

export function registerAuditCommands(program: Command): void {
  const audits = program
    .command('audits')
    .description('Quality assurance case audits: export grades and moderation, and auditor–moderator agreement.');

  audits
    .command('export')
    .description(
      'Every submitted audit’s grade by domain, with the latest moderation, as CSV (one row per audit and domain).',
    )
    .requiredOption('--out <file.csv>', 'where to write the CSV')
    .addOption(new Option('--from <date>', 'audits submitted on or after (YYYY-MM-DD)').argParser(isoDate))
    .addOption(new Option('--to <date>', 'audits submitted on or before (YYYY-MM-DD)').argParser(isoDate))
    .option('--authority <code>', 'authority code (default: the only authority, or DEMO)')
    .action(async (opts: { out: string; from?: string; to?: string; authority?: string }) => {
      await withRuntime(async (rt) => {
        const authority = await resolveAuthority(rt.database.db, opts.authority);
        const found = await auditDomainRows(rt.database.db, authority.id, { from: opts.from, to: opts.to });
        const csv = stringify(
          [
            EXPORT_HEADER,
            ...found.map((r) => [
              r.auditId,
              r.lanternId,
              r.team ?? '',
              r.auditor,
              r.domain,
              GRADE_LABELS[r.auditorGrade],
              r.submittedOn ?? '',
              r.moderator ?? '',
              r.moderationLevel ?? '',
              r.moderatedGrade ? GRADE_LABELS[r.moderatedGrade] : '',
              r.moderatedOn ?? '',
              r.reason,
            ]),
          ],
          CSV_SAFE_CAST,
        );
        await writeFile(opts.out, csv);
        await createAuditor(rt.services.accessLogRepository, cliActor(authority.id), 'audits.export', null).record(
          rt.database.db,
          {
            recordType: 'authority',
            recordId: String(authority.id),
            detail: { rows: found.length, from: opts.from ?? null, to: opts.to ?? null },
          },
        );
        const audited = new Set(found.map((r) => r.auditId)).size;
        cliIo().stdout.write(
          `Wrote ${found.length.toLocaleString('en-GB')} rows (${audited.toLocaleString('en-GB')} audits) for ${authority.name} to ${opts.out}\n`,
        );
      });
    });

  audits
    .command('agreement')
    .description(
      'How far auditors and moderators agree on moderated domain grades: exact agreement and weighted kappa (linear weights).',
    )
    .addOption(new Option('--from <date>', 'audits submitted on or after (YYYY-MM-DD)').argParser(isoDate))
    .addOption(new Option('--to <date>', 'audits submitted on or before (YYYY-MM-DD)').argParser(isoDate))
    .option('--authority <code>', 'authority code (default: the only authority, or DEMO)')
    .option('--json', 'print JSON', false)
    .action(async (opts: { from?: string; to?: string; authority?: string; json: boolean }) => {
      await withRuntime(async (rt) => {
        const authority = await resolveAuthority(rt.database.db, opts.authority);
        const result = await moderationAgreement(rt.database.db, authority.id, { from: opts.from, to: opts.to });
        if (opts.json) {
          cliIo().stdout.write(
            `${JSON.stringify(
              {
                authority: authority.code,
                from: opts.from ?? null,
                to: opts.to ?? null,
                weights: 'linear',
                overall: agreementJson(result.overall),
                byAuditor: result.byAuditor.map((a) => ({ auditor: a.auditor, ...agreementJson(a) })),
                byDomain: result.byDomain.map((d) => ({ domain: d.domain, ...agreementJson(d) })),
              },
              null,
              2,
            )}\n`,
          );
          return;
        }
        const header = `${''.padEnd(44)} ${'PAIRS'.padStart(6)}  ${'EXACT'.padStart(7)}  ${'KAPPA'.padStart(7)}`;
        cliIo().stdout.write(
          [
            `Auditor–moderator agreement for ${authority.name} (moderated domain grades; weighted kappa, linear weights)`,
            header,
            agreementLine('All moderated grades', result.overall),
            '',
            'By auditor',
            ...result.byAuditor.map((a) => agreementLine(a.auditor, a)),
            '',
            'By domain',
            ...result.byDomain.map((d) => agreementLine(d.domain, d)),
            '',
          ].join('\n'),
        );
      });
    });

  audits
    .command('report')
    .description(
      'The monthly quality assurance report for heads of service (DOCX): grades by domain, 12-month trend, teams, moderation.',
    )
    .addOption(
      new Option('--month <YYYY-MM>', 'the month the audits were submitted in')
        .makeOptionMandatory()
        .argParser((v: string) => {
          if (!isMonth(v)) throw new InvalidArgumentError('Enter the month as YYYY-MM, for example 2026-03.');
          return v;
        }),
    )
    .requiredOption('--out <file.docx>', 'where to write the Word document')
    .addOption(
      new Option('--audience <audience>', 'internal (names auditors) or members (counts 1–4 as "c", no names)')
        .choices(AUDIENCES)
        .default('internal'),
    )
    .option('--authority <code>', 'authority code (default: the only authority, or DEMO)')
    .action(async (opts: { month: string; out: string; audience: ReportAudience; authority?: string }) => {
      await withRuntime(async (rt) => {
        const authority = await resolveAuthority(rt.database.db, opts.authority);
        const report = await loadQualityReport(rt.database.db, authority.id, opts.month, opts.audience);
        await writeFile(opts.out, await qualityReportDocument(report));
        await createAuditor(rt.services.accessLogRepository, cliActor(authority.id), 'quality.report', null).record(
          rt.database.db,
          {
            recordType: 'authority',
            recordId: String(authority.id),
            detail: { month: opts.month, audience: opts.audience },
          },
        );
        cliIo().stdout.write(
          `Wrote the ${report.monthLabel} quality assurance report (${opts.audience}) for ${authority.name} to ${opts.out}\n`,
        );
      });
    });
}
