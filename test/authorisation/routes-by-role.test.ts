/**
 * The route × role walk: every registered route, for every role and for an anonymous visitor, against a table of
 * expected answers written out by hand (not derived from the permission code it checks). A route missing from the
 * table fails the test, so a new route cannot ship without its row.
 *
 * Child routes are walked with four children: one in the team-scoped users' own team (A), one in another team (B),
 * one in another authority and one that does not exist. The last three must be indistinguishable to anyone who
 * may not see them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ROLES, type Role } from '../../src/domain/roles';
import { apiTokenFor, startTestWorld, PASSWORD, type TestWorld } from '../support/app';
import { TestClient } from '../../harness/client';

type Who = 'anonymous' | Role;
type Row = Record<Who, number>;

/** anonymous, admin, director, head-of-service, team-manager, social-worker, qa-auditor, analyst, member */
function row(...s: [number, number, number, number, number, number, number, number, number]): Row {
  const [anonymous, admin, director, hos, tm, sw, qa, analyst, member] = s;
  return {
    anonymous,
    admin,
    director,
    'head-of-service': hos,
    'team-manager': tm,
    'social-worker': sw,
    'qa-auditor': qa,
    analyst,
    member,
  };
}

// Which child a child route is asked for.
type ChildCase = 'team-a' | 'team-b' | 'other-authority' | 'missing';

const PAGE_CHILD: Record<ChildCase, Row> = {
  'team-a': row(303, 200, 200, 200, 200, 200, 200, 200, 404),
  'team-b': row(303, 200, 200, 200, 404, 404, 200, 200, 404),
  'other-authority': row(303, 404, 404, 404, 404, 404, 404, 404, 404),
  missing: row(303, 404, 404, 404, 404, 404, 404, 404, 404),
};
const API_CHILD: Record<ChildCase, Row> = {
  'team-a': row(401, 200, 200, 200, 200, 200, 200, 200, 404),
  'team-b': row(401, 200, 200, 200, 404, 404, 200, 200, 404),
  'other-authority': row(401, 404, 404, 404, 404, 404, 404, 404, 404),
  missing: row(401, 404, 404, 404, 404, 404, 404, 404, 404),
};

const EXPECTED: Record<string, Row | Record<ChildCase, Row> | 'covered-elsewhere'> = {
  'page GET /': row(303, 200, 200, 200, 200, 200, 200, 200, 200),
  'page GET /api-docs': row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  'page GET /sign-in': row(200, 303, 303, 303, 303, 303, 303, 303, 303),
  // Signing in and out are walked in src/app/web.test.ts (CSRF, failures, session rotation).
  'page POST /sign-in': 'covered-elsewhere',
  'page POST /sign-out': row(303, 303, 303, 303, 303, 303, 303, 303, 303),
  'page GET /children': row(303, 200, 200, 200, 200, 200, 200, 200, 403),
  'page GET /children/:childId': PAGE_CHILD,
  'page GET /children/:childId/chronology': PAGE_CHILD,
  'page GET /admin/access-log': row(303, 200, 403, 403, 403, 403, 403, 403, 403),
  'page GET /admin/users': row(303, 200, 403, 403, 403, 403, 403, 403, 403),
  'page GET /admin/users/new': row(303, 200, 403, 403, 403, 403, 403, 403, 403),
  // An empty form: the admin gets the form back with its errors (400); others are refused.
  'page POST /admin/users/new': row(303, 400, 403, 403, 403, 403, 403, 403, 403),
  // A user's account page and its changes, walked with the literal ':userId' (no user): 404 to the admin.
  'page GET /admin/users/:userId': row(303, 404, 403, 403, 403, 403, 403, 403, 403),
  'page POST /admin/users/:userId/status': row(303, 404, 403, 403, 403, 403, 403, 403, 403),
  'page POST /admin/users/:userId/tokens/:tokenId/revoke': row(303, 404, 403, 403, 403, 403, 403, 403, 403),
  'api GET /api/me': row(401, 200, 200, 200, 200, 200, 200, 200, 200),
  'api GET /api/children': row(401, 200, 200, 200, 200, 200, 200, 200, 403),
  'api GET /api/children/:childId': API_CHILD,
  'api GET /api/children/:childId/chronology': API_CHILD,
  'api GET /api/access-log': row(401, 200, 403, 403, 403, 403, 403, 403, 403),
  'api GET /api/users': row(401, 200, 403, 403, 403, 403, 403, 403, 403),
  // An empty body: the admin gets 400 (validation); others are refused before validation. Anonymous changes are
  // refused because API changes need a bearer token.
  'api POST /api/users': row(403, 400, 403, 403, 403, 403, 403, 403, 403),
  // Data in and out: imports for admins and analysts; exports also for directors and heads of service. Routes with
  // an id are walked with the literal pattern (':importId', ':jobId', ':kind'), which is no record: those who may
  // use the route get 404 (pages) or 400 (the API's parameter check), the rest are refused first.
  'page GET /data/imports': row(303, 200, 403, 403, 403, 403, 403, 200, 403),
  // A form post that is not a multipart upload: the form again with an error (400).
  'page POST /data/imports': row(303, 400, 403, 403, 403, 403, 403, 400, 403),
  'page GET /data/imports/jobs/:jobId': row(303, 404, 403, 403, 403, 403, 403, 404, 403),
  'page GET /data/imports/:importId': row(303, 404, 403, 403, 403, 403, 403, 404, 403),
  'page GET /data/imports/:importId/issues.csv': row(303, 404, 403, 403, 403, 403, 403, 404, 403),
  'page GET /data/imports/:importId/files.zip': row(303, 404, 403, 403, 403, 403, 403, 404, 403),
  // Withdrawing an import: the same people as importing. The empty post is refused (no reason) and the form shown
  // again for the import named, which ':importId' is not: 404.
  'page GET /data/imports/:importId/withdraw': row(303, 404, 403, 403, 403, 403, 403, 404, 403),
  'page POST /data/imports/:importId/withdraw': row(303, 404, 403, 403, 403, 403, 403, 404, 403),
  'page GET /data/exports': row(303, 200, 200, 200, 403, 403, 403, 200, 403),
  'page GET /data/exports/:kind': row(303, 404, 404, 404, 403, 403, 403, 404, 403),
  'api GET /api/imports': row(401, 200, 403, 403, 403, 403, 403, 200, 403),
  'api POST /api/imports': row(403, 400, 403, 403, 403, 403, 403, 400, 403),
  'api GET /api/import-jobs/:jobId': row(401, 400, 403, 403, 403, 403, 403, 400, 403),
  'api GET /api/imports/:importId': row(401, 400, 403, 403, 403, 403, 403, 400, 403),
  'api GET /api/imports/:importId/issues': row(401, 400, 403, 403, 403, 403, 403, 400, 403),
  'api POST /api/imports/:importId/withdraw': row(403, 400, 403, 403, 403, 403, 403, 400, 403),
  'api GET /api/exports/:kind': row(401, 400, 400, 400, 403, 403, 403, 400, 403),
  // Performance: dashboards for everyone with aggregate access (members included, with small numbers suppressed);
  // the children behind a number for those who may search children; commentary for heads of service and directors;
  // targets for admins. Literal ':area' and ':indicatorId' name no area or indicator: 404 for those allowed.
  'page GET /performance': row(303, 200, 200, 200, 200, 200, 200, 200, 200),
  'page GET /performance/equalities': row(303, 200, 200, 200, 200, 200, 200, 200, 200),
  'page GET /performance/:area': row(303, 404, 404, 404, 404, 404, 404, 404, 404),
  'page GET /performance/indicators/:indicatorId': row(303, 404, 404, 404, 404, 404, 404, 404, 404),
  'page GET /performance/indicators/:indicatorId/children': row(303, 404, 404, 404, 404, 404, 404, 404, 403),
  'page POST /performance/indicators/:indicatorId/commentary': row(303, 403, 404, 404, 403, 403, 403, 403, 403),
  'page GET /admin/indicators': row(303, 200, 403, 403, 403, 403, 403, 403, 403),
  'page GET /admin/indicators/:indicatorId': row(303, 404, 403, 403, 403, 403, 403, 403, 403),
  'page POST /admin/indicators/:indicatorId': row(303, 404, 403, 403, 403, 403, 403, 403, 403),
  'api GET /api/indicators': row(401, 200, 200, 200, 200, 200, 200, 200, 200),
  'api GET /api/indicators/:indicatorId': row(401, 404, 404, 404, 404, 404, 404, 404, 404),
  'api GET /api/indicators/:indicatorId/children': row(401, 404, 404, 404, 404, 404, 404, 404, 403),
  // Trackers: for those who manage and do the work and those who oversee it (trackers:read) — not auditors or
  // members. The literal ':tracker' names no tracker: 404 on the pages, 400 from the API's parameter check.
  'page GET /trackers': row(303, 200, 200, 200, 200, 200, 403, 200, 403),
  'page GET /trackers/:tracker': row(303, 404, 404, 404, 404, 404, 403, 404, 403),
  'page GET /trackers/:tracker.csv': row(303, 404, 404, 404, 404, 404, 403, 404, 403),
  'api GET /api/trackers': row(401, 200, 200, 200, 200, 200, 403, 200, 403),
  'api GET /api/trackers/:tracker': row(401, 400, 400, 400, 400, 400, 403, 400, 403),
  // Reference data (bank holidays, authorities, statistical neighbours, benchmarks): admins and analysts
  // (reference:manage). A post that is not a multipart upload, and an empty benchmark form (no authority chosen),
  // get the page again with an error (400).
  'page GET /admin/reference': row(303, 200, 403, 403, 403, 403, 403, 200, 403),
  'page POST /admin/reference': row(303, 400, 403, 403, 403, 403, 403, 400, 403),
  'page POST /admin/reference/benchmark': row(303, 400, 403, 403, 403, 403, 403, 400, 403),
  'api GET /api/reference': row(401, 200, 403, 403, 403, 403, 403, 200, 403),
  // No ?filename=: 400 from the parameter check for those allowed; anonymous API changes are refused (403).
  'api POST /api/reference': row(403, 400, 403, 403, 403, 403, 403, 400, 403),
  // Inspections (issue 5): everyone reads them (inspection:read; reports are public and hold no child data);
  // admins, directors, heads of service and analysts record them and read reports in (inspection:manage). Empty
  // form posts get the form again with its errors (400); "Show the judgements of the framework chosen" redraws the
  // form without saving (200). The literal ':inspectionId' is no record: 404 on pages, 400 from the API's check.
  'page GET /inspections': row(303, 200, 200, 200, 200, 200, 200, 200, 200),
  'page GET /inspections/new': row(303, 200, 200, 200, 403, 403, 403, 200, 403),
  'page POST /inspections/new': row(303, 400, 400, 400, 403, 403, 403, 400, 403),
  'page POST /inspections/form': row(303, 200, 200, 200, 403, 403, 403, 200, 403),
  'page GET /inspections/read': row(303, 200, 200, 200, 403, 403, 403, 200, 403),
  'page POST /inspections/read': row(303, 400, 400, 400, 403, 403, 403, 400, 403),
  'page GET /inspections/national': row(303, 200, 200, 200, 200, 200, 200, 200, 200),
  'page GET /inspections/:inspectionId': row(303, 404, 404, 404, 404, 404, 404, 404, 404),
  'page GET /inspections/:inspectionId/edit': row(303, 404, 404, 404, 403, 403, 403, 404, 403),
  'page POST /inspections/:inspectionId/edit': row(303, 404, 404, 404, 403, 403, 403, 404, 403),
  'page GET /inspections/:inspectionId/delete': row(303, 404, 404, 404, 403, 403, 403, 404, 403),
  'page POST /inspections/:inspectionId/delete': row(303, 404, 404, 404, 403, 403, 403, 404, 403),
  'api GET /api/inspections': row(401, 200, 200, 200, 200, 200, 200, 200, 200),
  'api GET /api/inspections/:inspectionId': row(401, 400, 400, 400, 400, 400, 400, 400, 400),
  'api POST /api/inspections': row(403, 400, 400, 400, 403, 403, 403, 400, 403),
  'api POST /api/inspections/read-report': row(403, 400, 400, 400, 403, 403, 403, 400, 403),
  'api GET /api/ofsted-outcomes': row(401, 200, 200, 200, 200, 200, 200, 200, 200),
  // The improvement plan: everyone reads it and downloads its exports (the improvement board includes members);
  // admins, directors and heads of service change it (improvement:manage) — not analysts. Literal ids name nothing.
  'page GET /improvement': row(303, 200, 200, 200, 200, 200, 200, 200, 200),
  'page GET /improvement/plan.xlsx': row(303, 200, 200, 200, 200, 200, 200, 200, 200),
  'page GET /improvement/plan.docx': row(303, 200, 200, 200, 200, 200, 200, 200, 200),
  'page GET /improvement/themes/new': row(303, 200, 200, 200, 403, 403, 403, 403, 403),
  'page POST /improvement/themes/new': row(303, 400, 400, 400, 403, 403, 403, 403, 403),
  'page GET /improvement/themes/:themeId/edit': row(303, 404, 404, 404, 403, 403, 403, 403, 403),
  'page POST /improvement/themes/:themeId/edit': row(303, 404, 404, 404, 403, 403, 403, 403, 403),
  'page GET /improvement/themes/:themeId/objectives/new': row(303, 404, 404, 404, 403, 403, 403, 403, 403),
  'page POST /improvement/themes/:themeId/objectives/new': row(303, 404, 404, 404, 403, 403, 403, 403, 403),
  'page GET /improvement/objectives/:objectiveId/edit': row(303, 404, 404, 404, 403, 403, 403, 403, 403),
  'page POST /improvement/objectives/:objectiveId/edit': row(303, 404, 404, 404, 403, 403, 403, 403, 403),
  'page GET /improvement/actions/new': row(303, 200, 200, 200, 403, 403, 403, 403, 403),
  'page POST /improvement/actions/new': row(303, 400, 400, 400, 403, 403, 403, 403, 403),
  'page GET /improvement/actions/:actionId': row(303, 404, 404, 404, 404, 404, 404, 404, 404),
  'page GET /improvement/actions/:actionId/edit': row(303, 404, 404, 404, 403, 403, 403, 403, 403),
  'page POST /improvement/actions/:actionId/edit': row(303, 404, 404, 404, 403, 403, 403, 403, 403),
  'page GET /improvement/actions/:actionId/evidence': row(303, 404, 404, 404, 403, 403, 403, 403, 403),
  'page POST /improvement/actions/:actionId/evidence': row(303, 404, 404, 404, 403, 403, 403, 403, 403),
  'page GET /improvement/actions/:actionId/progress': row(303, 404, 404, 404, 403, 403, 403, 403, 403),
  'page POST /improvement/actions/:actionId/progress': row(303, 404, 404, 404, 403, 403, 403, 403, 403),
  'api GET /api/improvement-plan': row(401, 200, 200, 200, 200, 200, 200, 200, 200),
  'api GET /api/improvement-plan/actions/:actionId': row(401, 400, 400, 400, 400, 400, 400, 400, 400),
  // What audits show (quality:read): leaders, managers, QA, analysts and members (small counts suppressed) — not
  // social workers. Aggregates only.
  'page GET /quality': row(303, 200, 200, 200, 200, 403, 200, 200, 200),
  'page GET /quality/agreement': row(303, 200, 200, 200, 200, 403, 200, 200, 200),
  'page GET /quality/report.docx': row(303, 200, 200, 200, 200, 403, 200, 200, 200),
  'api GET /api/audit-results': row(401, 200, 200, 200, 200, 403, 200, 200, 200),
  'api GET /api/audit-results/agreement': row(401, 200, 200, 200, 200, 403, 200, 200, 200),
  // Audit frameworks: read by everyone who runs, conducts or reads audits; changed by the QA lead's roles (audit:manage:
  // admin, head of service, QA). Not analysts or members. Literal ids name nothing: 404 for those allowed.
  'page GET /quality/frameworks': row(303, 200, 200, 200, 200, 200, 200, 403, 403),
  'page GET /quality/frameworks/new': row(303, 200, 403, 200, 403, 403, 200, 403, 403),
  'page POST /quality/frameworks/new': row(303, 400, 403, 400, 403, 403, 400, 403, 403),
  'page GET /quality/frameworks/:frameworkId': row(303, 404, 404, 404, 404, 404, 404, 403, 403),
  'page GET /quality/frameworks/:frameworkId/versions/:version': row(303, 404, 404, 404, 404, 404, 404, 403, 403),
  'page POST /quality/frameworks/:frameworkId/versions': row(303, 404, 403, 404, 403, 403, 404, 403, 403),
  'page GET /quality/frameworks/:frameworkId/versions/:version/edit': row(303, 404, 403, 404, 403, 403, 404, 403, 403),
  'page POST /quality/frameworks/:frameworkId/versions/:version/edit': row(303, 404, 403, 404, 403, 403, 404, 403, 403),
  'page GET /quality/frameworks/:frameworkId/versions/:version/domains/:domainId': row(
    303,
    404,
    403,
    404,
    403,
    403,
    404,
    403,
    403,
  ),
  'page POST /quality/frameworks/:frameworkId/versions/:version/domains/:domainId': row(
    303,
    404,
    403,
    404,
    403,
    403,
    404,
    403,
    403,
  ),
  'page POST /quality/frameworks/:frameworkId/versions/:version/publish': row(
    303,
    404,
    403,
    404,
    403,
    403,
    404,
    403,
    403,
  ),
  'page GET /quality/domains': row(303, 200, 200, 200, 200, 200, 200, 403, 403),
  'page POST /quality/domains': row(303, 400, 403, 400, 403, 403, 400, 403, 403),
  'page GET /quality/domains/:domainId': row(303, 404, 403, 404, 403, 403, 404, 403, 403),
  'page POST /quality/domains/:domainId': row(303, 404, 403, 404, 403, 403, 404, 403, 403),
  // Programmes, case selection and allocation: the QA lead's work (audit:manage).
  'page GET /quality/programmes': row(303, 200, 403, 200, 403, 403, 200, 403, 403),
  'page GET /quality/programmes/new': row(303, 200, 403, 200, 403, 403, 200, 403, 403),
  'page POST /quality/programmes/new': row(303, 400, 403, 400, 403, 403, 400, 403, 403),
  'page GET /quality/programmes/:programmeId': row(303, 404, 403, 404, 403, 403, 404, 403, 403),
  'page POST /quality/programmes/:programmeId': row(303, 404, 403, 404, 403, 403, 404, 403, 403),
  'page GET /quality/programmes/:programmeId/edit': row(303, 404, 403, 404, 403, 403, 404, 403, 403),
  'page POST /quality/programmes/:programmeId/edit': row(303, 404, 403, 404, 403, 403, 404, 403, 403),
  'page GET /quality/programmes/:programmeId/select': row(303, 404, 403, 404, 403, 403, 404, 403, 403),
  'page POST /quality/programmes/:programmeId/select': row(303, 404, 403, 404, 403, 403, 404, 403, 403),
  'page GET /quality/programmes/:programmeId/allocate': row(303, 404, 403, 404, 403, 403, 404, 403, 403),
  'page POST /quality/programmes/:programmeId/allocate': row(303, 404, 403, 404, 403, 403, 404, 403, 403),
  // Moderation (audit:moderate: managers and QA); audit actions (audit:read: the leaders, managers, workers and QA who
  // read casework — not administrators, analysts or members).
  'page GET /quality/moderation': row(303, 403, 403, 200, 200, 403, 200, 403, 403),
  // Conducting audits: the list for those who read or conduct audits; a literal id is no audit, so those who might
  // act on one get 404 and the rest are refused first. Actions and contributions are added by the auditor or the QA
  // lead's roles; reopening is the QA lead's.
  'page GET /quality/audits': row(303, 403, 200, 200, 200, 200, 200, 403, 403),
  'page POST /quality/cases/:caseId/start': row(303, 403, 403, 404, 404, 403, 404, 403, 403),
  'page GET /quality/audits/:auditId': row(303, 403, 404, 404, 404, 404, 404, 403, 403),
  'page GET /quality/audits/:auditId/edit': row(303, 403, 403, 404, 404, 403, 404, 403, 403),
  'page POST /quality/audits/:auditId/edit': row(303, 403, 403, 404, 404, 403, 404, 403, 403),
  'page POST /quality/audits/:auditId/submit': row(303, 403, 403, 404, 404, 403, 404, 403, 403),
  'page GET /quality/audits/:auditId/actions': row(303, 404, 404, 404, 404, 404, 404, 404, 404),
  'page POST /quality/audits/:auditId/actions': row(303, 404, 404, 404, 404, 404, 404, 404, 404),
  'page GET /quality/audits/:auditId/contributions': row(303, 404, 404, 404, 404, 404, 404, 404, 404),
  'page POST /quality/audits/:auditId/contributions': row(303, 404, 404, 404, 404, 404, 404, 404, 404),
  'page GET /quality/audits/:auditId/reopen': row(303, 404, 403, 404, 403, 403, 404, 403, 403),
  'page POST /quality/audits/:auditId/reopen': row(303, 404, 403, 404, 403, 403, 404, 403, 403),
  'page GET /quality/audits/:auditId/moderate': row(303, 403, 403, 404, 404, 403, 404, 403, 403),
  'page POST /quality/audits/:auditId/moderate': row(303, 403, 403, 404, 404, 403, 404, 403, 403),
  'page GET /quality/actions': row(303, 403, 200, 200, 200, 200, 200, 403, 403),
  'page GET /quality/actions/:actionId': row(303, 403, 404, 404, 404, 404, 404, 403, 403),
  'page POST /quality/actions/:actionId': row(303, 403, 404, 404, 404, 404, 404, 403, 403),
  // Issue 7: reports. Everyone may generate and download the members' version; officers the internal one too. The
  // walk's ':reportId' is no report (404); an empty form is bad input (400).
  'page GET /reports': row(303, 200, 200, 200, 200, 200, 200, 200, 200),
  'page POST /reports': row(303, 400, 400, 400, 400, 400, 400, 400, 400),
  'page GET /reports/:reportId': row(303, 404, 404, 404, 404, 404, 404, 404, 404),
  'page GET /reports/:reportId/file': row(303, 404, 404, 404, 404, 404, 404, 404, 404),
  'api GET /api/reports': row(401, 200, 200, 200, 200, 200, 200, 200, 200),
  'api POST /api/reports': row(403, 400, 400, 400, 400, 400, 400, 400, 400),
  // The API refuses ':reportId' as no number (400); a number that is no report of theirs is 404 (routes.test.ts).
  'api GET /api/reports/:reportId': row(401, 400, 400, 400, 400, 400, 400, 400, 400),
  'api GET /api/reports/:reportId/file': row(401, 400, 400, 400, 400, 400, 400, 400, 400),
  // The self-evaluation's text: read by everyone, written by the director and heads of service. The walk's
  // ':year' is no year (404 for those who may write; the API answers 400, no number).
  'page GET /self-evaluation': row(303, 200, 200, 200, 200, 200, 200, 200, 200),
  // "Start from last year's text" with no year given: no such year (404).
  'page POST /self-evaluation': row(303, 403, 404, 404, 403, 403, 403, 403, 403),
  'page GET /self-evaluation/:year/:area': row(303, 403, 404, 404, 403, 403, 403, 403, 403),
  'page POST /self-evaluation/:year/:area': row(303, 403, 404, 404, 403, 403, 403, 403, 403),
  'api GET /api/self-evaluation/:year': row(401, 400, 400, 400, 400, 400, 400, 400, 400),
};

/** Strips what legitimately differs between two responses (nonces, tokens, request ids). */
function normalise(text: string): string {
  return text
    .replace(/nonce="[^"]+"/g, 'nonce')
    .replace(/name="_csrf" value="[^"]+"/g, 'csrf')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'request-id');
}

describe('every route answers every role as the access table says', () => {
  let world: TestWorld;
  const pages = new Map<Who, TestClient>();
  const tokens = new Map<Role, string>();

  before(async () => {
    world = await startTestWorld();
    pages.set('anonymous', new TestClient(world.baseUrl));
    await pages.get('anonymous')!.get('/sign-in');
    for (const role of ROLES) {
      const client = new TestClient(world.baseUrl);
      await client.signIn(role, PASSWORD);
      pages.set(role, client);
      tokens.set(role, await apiTokenFor(world, role, 'walk'));
    }
  });
  after(async () => {
    await world?.close();
  });

  test('every registered route has a row in the table', () => {
    const registered = world.routes.map((r) => `${r.kind} ${r.method.toUpperCase()} ${r.path}`).sort();
    assert.deepEqual(registered, Object.keys(EXPECTED).sort());
  });

  test('each role gets exactly the expected answer from each route', async () => {
    const childIds: Record<ChildCase, string> = {
      'team-a': world.childInTeamA,
      'team-b': world.childInTeamB,
      'other-authority': world.childElsewhere,
      missing: 'L9999999',
    };
    const mismatches: string[] = [];
    for (const route of world.routes) {
      const key = `${route.kind} ${route.method.toUpperCase()} ${route.path}`;
      const expected = EXPECTED[key];
      if (!expected || expected === 'covered-elsewhere') continue;
      const cases: Array<[string, Row]> = route.path.includes(':childId')
        ? (Object.entries(expected as Record<ChildCase, Row>) as Array<[ChildCase, Row]>).map(([c, r]) => [
            route.path.replace(':childId', childIds[c]),
            r,
          ])
        : [[route.path, expected as Row]];
      for (const [url, answers] of cases) {
        for (const who of ['anonymous', ...ROLES] as Who[]) {
          let status: number;
          if (route.kind === 'api') {
            const headers: Record<string, string> = { 'content-type': 'application/json' };
            if (who !== 'anonymous') headers.authorization = `Bearer ${tokens.get(who)}`;
            const res = await fetch(`${world.baseUrl}${url}`, {
              method: route.method.toUpperCase(),
              headers,
              ...(route.method === 'post' ? { body: '{}' } : {}),
            });
            status = res.status;
            if (status >= 400)
              assert.match(
                res.headers.get('content-type') ?? '',
                /application\/problem\+json/,
                `${key} as ${who} answers problem+json`,
              );
          } else if (route.method === 'post' && url === '/sign-out') {
            // A fresh session for signing out, so that it does not end the walk's own sessions.
            const client = new TestClient(world.baseUrl);
            if (who === 'anonymous') await client.get('/sign-in');
            else await client.signIn(who, PASSWORD);
            status = (await client.post(url)).status;
          } else if (route.method === 'post') {
            status = (await pages.get(who)!.post(url)).status;
          } else {
            status = (await pages.get(who)!.get(url)).status;
          }
          if (status !== answers[who])
            mismatches.push(`${route.method.toUpperCase()} ${url} as ${who}: expected ${answers[who]}, got ${status}`);
        }
      }
    }
    assert.deepEqual(mismatches, []);
  });

  test("a role the route's declared policy refuses never gets a success from it in the table", () => {
    const contradictions: string[] = [];
    for (const route of world.routes) {
      const key = `${route.kind} ${route.method.toUpperCase()} ${route.path}`;
      const expected = EXPECTED[key];
      if (!expected || expected === 'covered-elsewhere') continue;
      const rows = route.path.includes(':childId')
        ? Object.values(expected as Record<ChildCase, Row>)
        : [expected as Row];
      for (const role of ROLES) {
        if (!route.allows(role) && rows.some((r) => r[role] < 400))
          contradictions.push(`${key} as ${role} (${route.access})`);
      }
    }
    assert.deepEqual(contradictions, []);
  });

  test('a child someone may not see looks exactly like a child that does not exist', async () => {
    for (const who of ['team-manager', 'member'] as const) {
      const client = pages.get(who)!;
      const hidden = await client.get(`/children/${who === 'member' ? world.childInTeamA : world.childInTeamB}`);
      const missing = await client.get('/children/L9999999');
      assert.equal(hidden.status, 404);
      assert.equal(normalise(hidden.text), normalise(missing.text), `${who}: same page for hidden and missing`);
      const apiHidden = await fetch(`${world.baseUrl}/api/children/${world.childInTeamB}`, {
        headers: { authorization: `Bearer ${tokens.get(who)}` },
      });
      const apiMissing = await fetch(`${world.baseUrl}/api/children/L9999999`, {
        headers: { authorization: `Bearer ${tokens.get(who)}` },
      });
      const strip = (o: Record<string, unknown>) => ({ ...o, requestId: undefined });
      assert.deepEqual(
        strip((await apiHidden.json()) as Record<string, unknown>),
        strip((await apiMissing.json()) as Record<string, unknown>),
      );
    }
  });
});
