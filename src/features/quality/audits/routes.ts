/**
 * The audit itself, on the web:
 *   GET  /quality/audits                      your allocated cases and drafts, then every audit you may read (filters)
 *   POST /quality/cases/:caseId/start         start the audit of a case allocated to you
 *   GET  /quality/audits/:auditId             the audit, read-only, against its own framework version
 *   GET  /quality/audits/:auditId/edit        the form (its auditor, while a draft)
 *   POST /quality/audits/:auditId/edit        "Save draft"
 *   POST /quality/audits/:auditId/submit      "Submit audit": checked complete, then locked
 *   GET|POST /quality/audits/:auditId/actions        add an action (auditor, or audit:manage)
 *   GET|POST /quality/audits/:auditId/contributions  record a partner's contribution (auditor, or audit:manage; draft)
 *   GET|POST /quality/audits/:auditId/reopen         send a submitted audit back to draft (audit:manage), with a reason
 * Who reads an audit: src/features/quality/audits/access.ts. A locked audit answers 409 with the date it was submitted.
 */
import type { Request } from 'express';
import busboy from 'busboy';
import { GRADE_LABELS, GRADES, type Grade } from '../../../domain/ofsted';
import { can } from '../../../domain/roles';
import { todayInLondon } from '../../../domain/today';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../../errors';
import { PARTNER_AGENCIES } from '../../../db/schema/index';
import { paths } from '../../../web/paths';
import { addsToAnAudit } from '../policies';
import type { PageContext, RouteBuilder } from '../../../web/route';
import { formatDate, formatDateTime } from '../../../web/views';
import { GRADE_TAG } from '../../inspections/routes';
import { FEEDBACK_FROM, FEEDBACK_FROM_LABELS, fieldLabel, type AuditFormValues, type FeedbackFrom } from './form';
import {
  activeUsers,
  addAction,
  addContribution,
  allocatedTo,
  auditDomains,
  auditToAddTo,
  currentValues,
  editableAudit,
  listAudits,
  listChoices,
  loadAuditCore,
  loadAuditDetail,
  lockedMessage,
  mayRead,
  reopenAudit,
  saveAudit,
  startAudit,
  type AuditCore,
  type AuditDomain,
  type AuditFilter,
  type AuditStatus,
} from './service';
import { dateFromParts, dateParts, str } from '../../../web/form-input';

/** How many audits the "All audits" list shows; the count says how many matched. */
export const LIST_LIMIT = 50;

const STATUS_LABELS: Record<AuditStatus, string> = { draft: 'Draft', submitted: 'Submitted', moderated: 'Moderated' };
const STATUS_TAG: Record<AuditStatus, string> = { draft: 'govuk-tag--grey', submitted: 'govuk-tag--blue', moderated: 'govuk-tag--green' };
const AGENCY_LABELS: Record<string, string> = { police: 'Police', health: 'Health', education: 'Education', probation: 'Probation', housing: 'Housing', other: 'Other' };
const LEVEL_LABELS: Record<string, string> = { 'double-lock': 'Double lock (manager)', 'triple-lock': 'Triple lock (external)' };
const EVENT_LABELS: Record<string, string> = {
  created: 'Started',
  saved: 'Saved',
  submitted: 'Submitted',
  reopened: 'Reopened',
  moderated: 'Moderated',
  'action-added': 'Action added',
  'action-completed': 'Action completed',
  'action-reopened': 'Action reopened',
  'contribution-added': 'Partner contribution recorded',
};

type Body = Record<string, unknown>;

function idParam(req: Request, name: string): number {
  const raw = req.params[name];
  const value = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < 1) throw new NotFoundError();
  return value;
}

/** The largest posted audit form (every narrative at its longest, in UTF-8): urlencoded forms stop at 100 kB. */
const MAX_FORM_BYTES = 2 * 1024 * 1024;

/**
 * The posted audit form: multipart (the form's own encoding, so that long narratives are not cut off by the
 * 100 kB urlencoded limit; the CSRF token is in the action URL) or urlencoded. Files are ignored.
 */
async function readPostedForm(req: Request): Promise<Body> {
  if (!req.is('multipart/form-data')) return (req.body ?? {}) as Body;
  const fields: Record<string, string> = {};
  let tooLong = false;
  await new Promise<void>((resolve, reject) => {
    const bb = busboy({ headers: req.headers, limits: { files: 0, fields: 500, fieldSize: MAX_FORM_BYTES } });
    bb.on('field', (name, value, info) => {
      if (info.valueTruncated) tooLong = true;
      fields[name] = value;
    });
    bb.on('close', () => resolve());
    bb.on('error', reject);
    req.pipe(bb);
  });
  if (tooLong) throw new ValidationError([{ field: 'form', message: 'A field of the audit is longer than Lantern keeps' }]);
  return fields;
}



/** Where the error summary links for a field: the first radio of a grade, the day box of a date. */
function hrefFor(field: string): string {
  if (field === 'dueOn' || field === 'contributedOn') return `#${field}-day`;
  return `#${field}`;
}

function errorList(errors: readonly FieldError[]): Array<{ text: string; href: string }> {
  return errors.map((e) => ({ text: e.message, href: hrefFor(e.field) }));
}

function gradeView(g: Grade | null): { text: string; classes: string } | null {
  return g ? { text: GRADE_LABELS[g], classes: GRADE_TAG[g] } : null;
}

/** A locked audit, a closed programme, a moderated audit: the reason, with a way back to the audit. */
function renderConflict(ctx: Pick<PageContext, 'res'>, e: ConflictError, auditId: number | null): void {
  ctx.res.status(409).render('quality/audits/views/locked.njk', {
    pageTitle: 'This audit cannot be changed',
    message: e.message,
    auditHref: auditId ? paths.quality.audit({ auditId }) : null,
  });
}

async function conflictsAsPage(ctx: Pick<PageContext, 'res'>, auditId: number | null, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (e) {
    if (e instanceof ConflictError) {
      renderConflict(ctx, e, auditId);
      return;
    }
    throw e;
  }
}

function readFilter(query: Record<string, unknown>): { filter: AuditFilter; values: Record<string, string> } {
  const status = str(query.status);
  const programme = str(query.programme);
  const team = str(query.team);
  const month = str(query.month);
  return {
    filter: {
      status: status === 'draft' || status === 'submitted' || status === 'moderated' ? status : null,
      programmeId: /^\d{1,9}$/.test(programme) ? Number(programme) : null,
      teamId: /^\d{1,9}$/.test(team) ? Number(team) : null,
      month: /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : null,
    },
    values: { status, programme, team, month },
  };
}

/** Form values for the edit page: radios and text boxes per domain. */
function editModel(domains: readonly AuditDomain[], values: AuditFormValues, errors: readonly FieldError[]) {
  const errorFor = (field: string): { text: string } | undefined => {
    const e = errors.find((x) => x.field === field);
    return e ? { text: e.message } : undefined;
  };
  const gradeItems = (chosen: string) => GRADES.map((g) => ({ value: g, text: GRADE_LABELS[g], checked: chosen === g }));
  return {
    domains: domains.map((d) => ({
      domainId: d.domainId,
      title: d.title,
      guidance: d.guidance,
      questions: d.questions,
      descriptors: GRADES.filter((g) => d.descriptors[g]).map((g) => ({ label: GRADE_LABELS[g], text: d.descriptors[g] ?? '' })),
      gradeItems: gradeItems(values.grades[d.domainId] ?? ''),
      narrative: values.narratives[d.domainId] ?? '',
      gradeError: errorFor(`grade-${d.domainId}`),
      narrativeError: errorFor(`narrative-${d.domainId}`),
    })),
    overallItems: gradeItems(values.overallGrade),
    overallGradeError: errorFor('overallGrade'),
    feedbackItems: FEEDBACK_FROM.map((f) => ({ value: f, text: FEEDBACK_FROM_LABELS[f], checked: values.feedbackFrom === f })),
    values,
  };
}

async function renderEdit(ctx: PageContext, audit: AuditCore, values: AuditFormValues | null, errors: FieldError[], status = 200): Promise<void> {
  const db = ctx.services.db;
  await db.transaction(async (tx) => {
    const { framework, domains } = await auditDomains(tx, ctx.user.authorityId, audit);
    const shown = values ?? (await currentValues(tx, audit, domains));
    // The form shows the child's name: a view of the audit, in the access log.
    await ctx.audit.record(tx, { recordType: 'case-audit', recordId: String(audit.id), detail: { view: 'form', errors: errors.length } });
    const title = `Audit of ${audit.childName}`;
    ctx.res.status(status).render('quality/audits/views/edit.njk', {
      pageTitle: `${errors.length ? 'Error: ' : ''}${title}`,
      title,
      audit,
      framework,
      ...editModel(domains, shown, errors),
      errors,
      errorList: errorList(errors),
      saveAction: paths.quality.editAudit({ auditId: audit.id }),
      submitAction: paths.quality.submitAudit({ auditId: audit.id }),
      auditHref: paths.quality.audit({ auditId: audit.id }),
      childHref: paths.children.show({ childId: audit.lanternId }),
      actionsHref: paths.quality.auditActions({ auditId: audit.id }),
      contributionHref: paths.quality.auditContribution({ auditId: audit.id }),
    });
  });
}

interface SimpleForm {
  values: Body | null;
  errors: FieldError[];
}

async function renderActionForm(ctx: PageContext, audit: AuditCore, form: SimpleForm, status = 200): Promise<void> {
  const db = ctx.services.db;
  const { domains } = await auditDomains(db, ctx.user.authorityId, audit);
  const users = await activeUsers(db, ctx.user.authorityId);
  const v = form.values ?? {};
  const chosenDomain = str(v.domainId);
  const chosenOwner = str(v.ownerUserId);
  ctx.res.status(status).render('quality/audits/views/action.njk', {
    pageTitle: `${form.errors.length ? 'Error: ' : ''}Add an action`,
    auditId: audit.id,
    auditorName: audit.auditorName,
    action: paths.quality.auditActions({ auditId: audit.id }),
    backHref: can(ctx.user.role, 'audit:read') || audit.auditorUserId === ctx.user.id ? paths.quality.audit({ auditId: audit.id }) : paths.quality.actions({}),
    errors: form.errors,
    errorList: errorList(form.errors),
    domainItems: [{ value: '', text: 'No particular theme', selected: chosenDomain === '' }, ...domains.map((d) => ({ value: String(d.domainId), text: d.title, selected: chosenDomain === String(d.domainId) }))],
    ownerItems: [{ value: '', text: 'Choose a person', selected: chosenOwner === '' }, ...users.map((u) => ({ value: String(u.id), text: u.name, selected: chosenOwner === String(u.id) }))],
    values: { description: str(v.description), ownerName: str(v.ownerName) },
    due: dateParts(form.values, 'dueOn'),
  });
}

async function renderContributionForm(ctx: PageContext, audit: AuditCore, form: SimpleForm, status = 200): Promise<void> {
  const v = form.values ?? {};
  // A multi-agency programme's own partners first, then the others.
  const first = audit.partnerAgencies.filter((a) => (PARTNER_AGENCIES as readonly string[]).includes(a));
  const agencies = [...first, ...PARTNER_AGENCIES.filter((a) => !first.includes(a))];
  ctx.res.status(status).render('quality/audits/views/contribution.njk', {
    pageTitle: `${form.errors.length ? 'Error: ' : ''}Record a partner’s contribution`,
    auditId: audit.id,
    action: paths.quality.auditContribution({ auditId: audit.id }),
    backHref: paths.quality.audit({ auditId: audit.id }),
    errors: form.errors,
    errorList: errorList(form.errors),
    agencyItems: agencies.map((a) => ({ value: a, text: AGENCY_LABELS[a] ?? a, checked: str(v.agency) === a })),
    partnersHint: first.length > 0 ? `This programme asked ${first.map((a) => AGENCY_LABELS[a] ?? a).join(', ').toLowerCase()} to contribute.` : undefined,
    gradeItems: [{ value: '', text: 'No grade given', checked: str(v.grade) === '' }, ...GRADES.map((g) => ({ value: g, text: GRADE_LABELS[g], checked: str(v.grade) === g }))],
    values: { contributorName: str(v.contributorName), contributorRole: str(v.contributorRole), narrative: str(v.narrative) },
    contributed: dateParts(form.values, 'contributedOn'),
  });
}

function historyLine(event: { event: string; detail: Record<string, unknown> }, titles: ReadonlyMap<number, string>): string {
  const d = event.detail;
  if (event.event === 'saved' && Array.isArray(d.fields)) {
    const grades = Array.isArray(d.grades) ? (d.grades as Array<{ field?: unknown; from?: unknown; to?: unknown }>) : [];
    return (d.fields as unknown[])
      .filter((f): f is string => typeof f === 'string')
      .map((f) => {
        const change = grades.find((g) => g.field === f);
        const label = fieldLabel(f, titles);
        if (!change) return label;
        const from = typeof change.from === 'string' && change.from in GRADE_LABELS ? GRADE_LABELS[change.from as Grade] : 'none';
        const to = typeof change.to === 'string' && change.to in GRADE_LABELS ? GRADE_LABELS[change.to as Grade] : 'none';
        return `${label} (${from} to ${to})`;
      })
      .join('; ');
  }
  if (event.event === 'saved' && Array.isArray(d.grades)) {
    // Written elsewhere (the demo) without field names: the number of grades given.
    const n = d.grades.length;
    return `${n} ${n === 1 ? 'grade' : 'grades'}`;
  }
  if (event.event === 'moderated') {
    const level = typeof d.level === 'string' ? (LEVEL_LABELS[d.level] ?? d.level) : '';
    const n = Array.isArray(d.domainsChanged) ? d.domainsChanged.length : 0;
    return `${level}${level ? ': ' : ''}${n === 0 ? 'no domain grade changed' : `${n} domain ${n === 1 ? 'grade' : 'grades'} changed`}${d.overall ? ', overall grade changed' : ''}`;
  }
  if (event.event === 'action-completed' && typeof d.completedOn === 'string') return `Completed ${formatDate(d.completedOn)}`;
  if (event.event === 'reopened' && typeof d.reason === 'string') return `Reason: ${d.reason}`;
  if (event.event === 'action-added' && typeof d.dueOn === 'string') return `Due ${formatDate(d.dueOn)}`;
  if (event.event === 'contribution-added' && typeof d.agency === 'string') return AGENCY_LABELS[d.agency] ?? d.agency;
  return '';
}

export function auditRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.quality.audits,
    access: 'audit:read',
    audit: 'quality.audit.list',
    handler: async (ctx) => {
      const { req, res, user, services } = ctx;
      const { filter, values } = readFilter(req.query as Record<string, unknown>);
      const conducts = can(user.role, 'audit:conduct');
      await services.db.transaction(async (tx) => {
        const allocated = conducts ? await allocatedTo(tx, user) : [];
        const drafts = conducts ? await listAudits(tx, user, { status: 'draft', programmeId: null, teamId: null, month: null, mine: true }, 200) : { rows: [], total: 0 };
        const all = await listAudits(tx, user, filter, LIST_LIMIT);
        const choices = await listChoices(tx, user.authorityId);
        await ctx.audit.record(tx, { recordType: 'case-audit', detail: { allocated: allocated.length, drafts: drafts.total, listed: all.rows.length, total: all.total } });
        const today = todayInLondon();
        res.render('quality/audits/views/index.njk', {
          pageTitle: 'Audits',
          conducts,
          allocated: allocated.map((a) => ({
            ...a,
            childHref: paths.children.show({ childId: a.lanternId }),
            startAction: paths.quality.startAudit({ caseId: a.caseId }),
            overdue: a.dueOn < today,
          })),
          drafts: drafts.rows.map((a) => ({ ...a, editHref: paths.quality.editAudit({ auditId: a.id }), auditHref: paths.quality.audit({ auditId: a.id }) })),
          audits: all.rows.map((a) => ({
            ...a,
            href: paths.quality.audit({ auditId: a.id }),
            statusLabel: STATUS_LABELS[a.status],
            statusTag: STATUS_TAG[a.status],
            grade: gradeView(a.overallGrade),
          })),
          total: all.total,
          limit: LIST_LIMIT,
          filterValues: values,
          statusItems: [{ value: '', text: 'Any status' }, ...(['draft', 'submitted', 'moderated'] as const).map((s) => ({ value: s, text: STATUS_LABELS[s] }))].map((i) => ({ ...i, selected: values.status === i.value })),
          programmeItems: [{ value: '', text: 'Any programme' }, ...choices.programmes.map((p) => ({ value: String(p.id), text: p.title }))].map((i) => ({ ...i, selected: values.programme === i.value })),
          teamItems: [{ value: '', text: 'Any team' }, ...choices.teams.map((t) => ({ value: String(t.id), text: t.name }))].map((i) => ({ ...i, selected: values.team === i.value })),
          monthError: values.month && !filter.month ? { text: 'Enter the month as YYYY-MM, for example 2026-03' } : undefined,
        });
      });
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.startAudit,
    access: 'audit:conduct',
    audit: 'quality.audit.start',
    handler: async (ctx) => {
      const caseId = idParam(ctx.req, 'caseId');
      await conflictsAsPage(ctx, null, async () => {
        const auditId = await startAudit(ctx.services.db, ctx.user, caseId, ctx.audit);
        ctx.res.redirect(303, paths.quality.editAudit({ auditId }));
      });
    },
  });

  r.page({
    method: 'get',
    path: paths.quality.audit,
    access: 'audit:read',
    audit: 'quality.audit.view',
    handler: async (ctx) => {
      const { req, res, user, services } = ctx;
      const auditId = idParam(req, 'auditId');
      await services.db.transaction(async (tx) => {
        if (!(await mayRead(tx, user, auditId))) throw new NotFoundError();
        const a = await loadAuditDetail(tx, user.authorityId, auditId);
        if (!a) throw new NotFoundError();
        await ctx.audit.record(tx, { recordType: 'case-audit', recordId: String(a.id), detail: { status: a.status } });
        const titles = new Map(a.domains.map((d) => [d.domainId, d.title]));
        const today = todayInLondon();
        const isAuditor = a.auditorUserId === user.id;
        const feedbackLabel = (FEEDBACK_FROM as readonly string[]).includes(a.feedbackFrom) ? FEEDBACK_FROM_LABELS[a.feedbackFrom as FeedbackFrom] : a.feedbackFrom;
        res.render('quality/audits/views/show.njk', {
          pageTitle: `Audit of ${a.childName}`,
          a,
          childHref: paths.children.show({ childId: a.lanternId }),
          frameworkHref: a.framework ? paths.quality.frameworkVersion({ frameworkId: a.framework.frameworkId, version: a.framework.version }) : null,
          programmeHref: a.programmeId ? paths.quality.programme({ programmeId: a.programmeId }) : null,
          statusLabel: STATUS_LABELS[a.status],
          statusTag: STATUS_TAG[a.status],
          overall: gradeView(a.overallGrade),
          agreedOverall: a.agreedOverallGrade && a.agreedOverallGrade !== a.overallGrade ? gradeView(a.agreedOverallGrade) : null,
          feedbackLabel,
          domains: a.domains.map((d) => {
            const g = a.grades.get(d.domainId);
            return {
              ...d,
              descriptors: GRADES.filter((x) => d.descriptors[x]).map((x) => ({ label: GRADE_LABELS[x], text: d.descriptors[x] ?? '' })),
              grade: gradeView(g?.grade ?? null),
              agreed: g?.agreedGrade ? gradeView(g.agreedGrade) : null,
              agreedChanged: Boolean(g?.agreedGrade && g.agreedGrade !== g.grade),
              narrative: g?.narrative ?? '',
            };
          }),
          contributions: a.contributions.map((c) => ({ ...c, agencyLabel: AGENCY_LABELS[c.agency] ?? c.agency, grade: gradeView(c.grade) })),
          actions: a.actions.map((x) => ({
            ...x,
            theme: x.domainId !== null ? (titles.get(x.domainId) ?? '') : '',
            href: paths.quality.action({ actionId: x.id }),
            overdue: x.status === 'open' && x.dueOn < today,
            statusLabel: x.status === 'complete' ? 'Complete' : 'Open',
          })),
          moderations: a.moderations.map((m) => ({
            ...m,
            levelLabel: LEVEL_LABELS[m.level] ?? m.level,
            overall: gradeView(m.overallGrade),
            changes: m.grades
              .filter((g) => a.grades.get(g.domainId)?.grade !== g.grade || g.reason !== '')
              .map((g) => ({ title: titles.get(g.domainId) ?? `Domain ${g.domainId}`, from: gradeView(a.grades.get(g.domainId)?.grade ?? null), to: gradeView(g.grade), reason: g.reason })),
          })),
          history: a.events.map((e) => ({ at: formatDateTime(e.at), who: e.userName, what: EVENT_LABELS[e.event] ?? e.event, detail: historyLine(e, titles) })),
          editHref: isAuditor && a.status === 'draft' ? paths.quality.editAudit({ auditId: a.id }) : null,
          moderateHref: can(user.role, 'audit:moderate') && !isAuditor && a.status !== 'draft' ? paths.quality.moderateAudit({ auditId: a.id }) : null,
          addActionHref: (isAuditor && a.status !== 'moderated') || can(user.role, 'audit:manage') ? paths.quality.auditActions({ auditId: a.id }) : null,
          addContributionHref: (isAuditor || can(user.role, 'audit:manage')) && a.status === 'draft' ? paths.quality.auditContribution({ auditId: a.id }) : null,
          reopenHref: can(user.role, 'audit:manage') && a.status === 'submitted' ? paths.quality.reopenAudit({ auditId: a.id }) : null,
        });
      });
    },
  });

  r.page({
    method: 'get',
    path: paths.quality.editAudit,
    access: 'audit:conduct',
    audit: 'quality.audit.edit',
    handler: async (ctx) => {
      const auditId = idParam(ctx.req, 'auditId');
      await conflictsAsPage(ctx, auditId, async () => {
        const audit = await editableAudit(ctx.services.db, ctx.user, auditId);
        await renderEdit(ctx, audit, null, []);
      });
    },
  });

  const save = (submit: boolean) => async (ctx: PageContext) => {
    const auditId = idParam(ctx.req, 'auditId');
    await conflictsAsPage(ctx, auditId, async () => {
      const body = await readPostedForm(ctx.req);
      const result = await saveAudit(ctx.services.db, ctx.user, auditId, body, { submit, today: todayInLondon() }, ctx.audit);
      if (result.ok) {
        ctx.res.redirect(303, submit ? paths.quality.audit({ auditId }) : paths.quality.editAudit({ auditId }));
        return;
      }
      const audit = await editableAudit(ctx.services.db, ctx.user, auditId);
      await renderEdit(ctx, audit, result.values, result.errors, 400);
    });
  };

  r.page({ method: 'post', path: paths.quality.editAudit, access: 'audit:conduct', audit: 'quality.audit.save', handler: save(false) });
  r.page({ method: 'post', path: paths.quality.submitAudit, access: 'audit:conduct', audit: 'quality.audit.submit', handler: save(true) });

  r.page({
    method: 'get',
    path: paths.quality.auditActions,
    access: addsToAnAudit,
    audit: null,
    handler: async (ctx) => {
      const auditId = idParam(ctx.req, 'auditId');
      const audit = await auditToAddTo(ctx.services.db, ctx.user, auditId);
      await renderActionForm(ctx, audit, { values: null, errors: [] });
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.auditActions,
    access: addsToAnAudit,
    audit: 'quality.audit.action-add',
    handler: async (ctx) => {
      const auditId = idParam(ctx.req, 'auditId');
      const body = (ctx.req.body ?? {}) as Body;
      await conflictsAsPage(ctx, auditId, async () => {
        try {
          await addAction(
            ctx.services.db,
            ctx.user,
            auditId,
            { domainId: str(body.domainId), description: str(body.description), ownerUserId: str(body.ownerUserId), ownerName: str(body.ownerName), dueOn: dateFromParts(body, 'dueOn') },
            todayInLondon(),
            ctx.audit,
          );
        } catch (e) {
          if (!(e instanceof ValidationError)) throw e;
          const audit = await auditToAddTo(ctx.services.db, ctx.user, auditId);
          await renderActionForm(ctx, audit, { values: body, errors: e.errors }, 400);
          return;
        }
        const readable = can(ctx.user.role, 'audit:read') && (await mayRead(ctx.services.db, ctx.user, auditId));
        ctx.res.redirect(303, readable ? `${paths.quality.audit({ auditId })}#actions` : paths.quality.actions({}));
      });
    },
  });

  r.page({
    method: 'get',
    path: paths.quality.auditContribution,
    access: addsToAnAudit,
    audit: null,
    handler: async (ctx) => {
      const auditId = idParam(ctx.req, 'auditId');
      await conflictsAsPage(ctx, auditId, async () => {
        const audit = await auditToAddTo(ctx.services.db, ctx.user, auditId);
        if (audit.status !== 'draft') throw new ConflictError(`${lockedMessage(audit)}: partners’ contributions are recorded while it is a draft`);
        await renderContributionForm(ctx, audit, { values: null, errors: [] });
      });
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.auditContribution,
    access: addsToAnAudit,
    audit: 'quality.audit.contribution-add',
    handler: async (ctx) => {
      const auditId = idParam(ctx.req, 'auditId');
      const body = (ctx.req.body ?? {}) as Body;
      await conflictsAsPage(ctx, auditId, async () => {
        try {
          await addContribution(
            ctx.services.db,
            ctx.user,
            auditId,
            {
              agency: str(body.agency),
              contributorName: str(body.contributorName),
              contributorRole: str(body.contributorRole),
              narrative: str(body.narrative),
              grade: str(body.grade),
              contributedOn: dateFromParts(body, 'contributedOn'),
            },
            todayInLondon(),
            ctx.audit,
          );
        } catch (e) {
          if (!(e instanceof ValidationError)) throw e;
          const audit = await auditToAddTo(ctx.services.db, ctx.user, auditId);
          await renderContributionForm(ctx, audit, { values: body, errors: e.errors }, 400);
          return;
        }
        const readable = can(ctx.user.role, 'audit:read') && (await mayRead(ctx.services.db, ctx.user, auditId));
        ctx.res.redirect(303, readable ? `${paths.quality.audit({ auditId })}#contributions` : paths.quality.audits({}));
      });
    },
  });

  const renderReopen = async (ctx: PageContext, auditId: number, reason: string, errors: FieldError[], status = 200): Promise<void> => {
    const audit = await loadAuditCore(ctx.services.db, ctx.user.authorityId, auditId);
    if (!audit) throw new NotFoundError();
    if (audit.status !== 'submitted') {
      throw new ConflictError(audit.status === 'draft' ? 'This audit is a draft: there is nothing to reopen' : 'This audit has been moderated and cannot be reopened: its agreed grades stand');
    }
    ctx.res.status(status).render('quality/audits/views/reopen.njk', {
      pageTitle: `${errors.length ? 'Error: ' : ''}Reopen this audit`,
      audit: { id: audit.id, auditorName: audit.auditorName, submittedOn: audit.submittedOn, programmeTitle: audit.programmeTitle },
      action: paths.quality.reopenAudit({ auditId }),
      backHref: can(ctx.user.role, 'audit:read') ? paths.quality.audit({ auditId }) : paths.quality.programmes({}),
      reason,
      errors,
      errorList: errorList(errors),
    });
  };

  r.page({
    method: 'get',
    path: paths.quality.reopenAudit,
    access: 'audit:manage',
    audit: null,
    handler: async (ctx) => {
      const auditId = idParam(ctx.req, 'auditId');
      await conflictsAsPage(ctx, auditId, () => renderReopen(ctx, auditId, '', []));
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.reopenAudit,
    access: 'audit:manage',
    audit: 'quality.audit.reopen',
    handler: async (ctx) => {
      const auditId = idParam(ctx.req, 'auditId');
      const reason = str(((ctx.req.body ?? {}) as Body).reason);
      await conflictsAsPage(ctx, auditId, async () => {
        try {
          await reopenAudit(ctx.services.db, ctx.user, auditId, reason, ctx.audit);
        } catch (e) {
          if (!(e instanceof ValidationError)) throw e;
          await renderReopen(ctx, auditId, reason, e.errors, 400);
          return;
        }
        ctx.res.redirect(303, can(ctx.user.role, 'audit:read') ? paths.quality.audit({ auditId }) : paths.quality.programmes({}));
      });
    },
  });
}
