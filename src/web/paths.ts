/**
 * Every URL in Lantern, built by typed helpers: never join strings to make a link.
 * Each helper carries its Express pattern, used when the route is mounted.
 */
type Params<K extends string> = Record<K, string | number>;

interface PathHelper<K extends string> {
  (params: Params<K>): string;
  pattern: string;
}

function path<K extends string = never>(pattern: string): PathHelper<K> {
  const helper = ((params: Params<K>) =>
    pattern.replace(/:([A-Za-z]+)/g, (_, key: string) => {
      const value = (params as Record<string, string | number>)[key];
      if (value === undefined) throw new Error(`Missing path parameter ${key} for ${pattern}`);
      return encodeURIComponent(String(value));
    })) as PathHelper<K>;
  helper.pattern = pattern;
  return helper;
}

function withQuery(base: string, query: Record<string, string | number | undefined | null>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${base}?${s}` : base;
}

export const paths = {
  home: path('/'),
  health: path('/health'),
  apiDocs: path('/api-docs'),
  signIn: path('/sign-in'),
  signOut: path('/sign-out'),
  children: {
    search: path('/children'),
    searchFor: (query: Record<string, string | number | undefined | null>) => withQuery('/children', query),
    show: path<'childId'>('/children/:childId'),
    chronology: path<'childId'>('/children/:childId/chronology'),
  },
  data: {
    imports: path('/data/imports'),
    importJob: path<'jobId'>('/data/imports/jobs/:jobId'),
    importReport: path<'importId'>('/data/imports/:importId'),
    importReportFor: (importId: number, query: Record<string, string | number | undefined | null>) =>
      withQuery(`/data/imports/${importId}`, query),
    importIssuesCsv: path<'importId'>('/data/imports/:importId/issues.csv'),
    importIssuesCsvFor: (importId: number, query: Record<string, string | number | undefined | null>) =>
      withQuery(`/data/imports/${importId}/issues.csv`, query),
    importFiles: path<'importId'>('/data/imports/:importId/files.zip'),
    importWithdraw: path<'importId'>('/data/imports/:importId/withdraw'),
    exports: path('/data/exports'),
    exportFile: path<'kind'>('/data/exports/:kind'),
  },
  performance: {
    dashboards: path('/performance'),
    area: path<'area'>('/performance/:area'),
    indicator: path<'indicatorId'>('/performance/indicators/:indicatorId'),
    children: path<'indicatorId'>('/performance/indicators/:indicatorId/children'),
    commentary: path<'indicatorId'>('/performance/indicators/:indicatorId/commentary'),
    equalities: path('/performance/equalities'),
  },
  trackers: {
    index: path('/trackers'),
    tracker: path<'tracker'>('/trackers/:tracker'),
    trackerCsv: path<'tracker'>('/trackers/:tracker.csv'),
  },
  inspections: {
    index: path('/inspections'),
    create: path('/inspections/new'),
    read: path('/inspections/read'),
    national: path('/inspections/national'),
    nationalFor: (query: Record<string, string | number | undefined | null>) =>
      withQuery('/inspections/national', query),
    show: path<'inspectionId'>('/inspections/:inspectionId'),
    edit: path<'inspectionId'>('/inspections/:inspectionId/edit'),
    remove: path<'inspectionId'>('/inspections/:inspectionId/delete'),
    /** Re-draws the inspection form (the judgements of another framework) without saving. */
    redrawForm: path('/inspections/form'),
  },
  improvement: {
    plan: path('/improvement'),
    planFor: (query: Record<string, string | number | undefined | null>) => withQuery('/improvement', query),
    xlsx: path('/improvement/plan.xlsx'),
    docx: path('/improvement/plan.docx'),
    newTheme: path('/improvement/themes/new'),
    editTheme: path<'themeId'>('/improvement/themes/:themeId/edit'),
    newObjective: path<'themeId'>('/improvement/themes/:themeId/objectives/new'),
    editObjective: path<'objectiveId'>('/improvement/objectives/:objectiveId/edit'),
    newAction: path('/improvement/actions/new'),
    newActionFor: (query: Record<string, string | number | undefined | null>) =>
      withQuery('/improvement/actions/new', query),
    action: path<'actionId'>('/improvement/actions/:actionId'),
    editAction: path<'actionId'>('/improvement/actions/:actionId/edit'),
    progress: path<'actionId'>('/improvement/actions/:actionId/progress'),
    evidence: path<'actionId'>('/improvement/actions/:actionId/evidence'),
  },
  quality: {
    results: path('/quality'),
    resultsFor: (query: Record<string, string | number | undefined | null>) => withQuery('/quality', query),
    agreement: path('/quality/agreement'),
    report: path('/quality/report.docx'),
    reportFor: (query: Record<string, string | number | undefined | null>) => withQuery('/quality/report.docx', query),
    // Frameworks (audit:manage to change; audit:read or audit:manage to read)
    domains: path('/quality/domains'),
    domain: path<'domainId'>('/quality/domains/:domainId'),
    frameworks: path('/quality/frameworks'),
    newFramework: path('/quality/frameworks/new'),
    framework: path<'frameworkId'>('/quality/frameworks/:frameworkId'),
    frameworkVersion: path<'frameworkId' | 'version'>('/quality/frameworks/:frameworkId/versions/:version'),
    newFrameworkVersion: path<'frameworkId'>('/quality/frameworks/:frameworkId/versions'),
    editFrameworkVersion: path<'frameworkId' | 'version'>('/quality/frameworks/:frameworkId/versions/:version/edit'),
    editFrameworkDomain: path<'frameworkId' | 'version' | 'domainId'>(
      '/quality/frameworks/:frameworkId/versions/:version/domains/:domainId',
    ),
    publishFrameworkVersion: path<'frameworkId' | 'version'>(
      '/quality/frameworks/:frameworkId/versions/:version/publish',
    ),
    // Programmes, case selection and allocation
    programmes: path('/quality/programmes'),
    newProgramme: path('/quality/programmes/new'),
    programme: path<'programmeId'>('/quality/programmes/:programmeId'),
    editProgramme: path<'programmeId'>('/quality/programmes/:programmeId/edit'),
    selectCases: path<'programmeId'>('/quality/programmes/:programmeId/select'),
    allocateCases: path<'programmeId'>('/quality/programmes/:programmeId/allocate'),
    // Audits: the auditor's list, the audit itself
    audits: path('/quality/audits'),
    auditsFor: (query: Record<string, string | number | undefined | null>) => withQuery('/quality/audits', query),
    startAudit: path<'caseId'>('/quality/cases/:caseId/start'),
    audit: path<'auditId'>('/quality/audits/:auditId'),
    editAudit: path<'auditId'>('/quality/audits/:auditId/edit'),
    submitAudit: path<'auditId'>('/quality/audits/:auditId/submit'),
    reopenAudit: path<'auditId'>('/quality/audits/:auditId/reopen'),
    auditContribution: path<'auditId'>('/quality/audits/:auditId/contributions'),
    auditActions: path<'auditId'>('/quality/audits/:auditId/actions'),
    // Moderation, actions and themes
    moderation: path('/quality/moderation'),
    moderateAudit: path<'auditId'>('/quality/audits/:auditId/moderate'),
    actions: path('/quality/actions'),
    actionsFor: (query: Record<string, string | number | undefined | null>) => withQuery('/quality/actions', query),
    action: path<'actionId'>('/quality/actions/:actionId'),
  },
  reports: {
    list: path('/reports'),
    /** POST: generate a report (kind, period, audience, format); answers 303 to the report's progress page. */
    generate: path('/reports'),
    report: path<'reportId'>('/reports/:reportId'),
    file: path<'reportId'>('/reports/:reportId/file'),
  },
  selfEvaluation: {
    index: path('/self-evaluation'),
    indexFor: (query: Record<string, string | number | undefined | null>) => withQuery('/self-evaluation', query),
    area: path<'year' | 'area'>('/self-evaluation/:year/:area'),
  },
  reference: {
    index: path('/admin/reference'),
    benchmark: path('/admin/reference/benchmark'),
  },
  admin: {
    indicators: path('/admin/indicators'),
    indicator: path<'indicatorId'>('/admin/indicators/:indicatorId'),
    accessLog: path('/admin/access-log'),
    accessLogFor: (query: Record<string, string | number | undefined | null>) => withQuery('/admin/access-log', query),
    users: path('/admin/users'),
    newUser: path('/admin/users/new'),
    user: path<'userId'>('/admin/users/:userId'),
    userStatus: path<'userId'>('/admin/users/:userId/status'),
    revokeToken: path<'userId' | 'tokenId'>('/admin/users/:userId/tokens/:tokenId/revoke'),
  },
  api: {
    openapi: path('/api/openapi.json'),
    me: path('/api/me'),
    children: path('/api/children'),
    child: path<'childId'>('/api/children/:childId'),
    chronology: path<'childId'>('/api/children/:childId/chronology'),
    accessLog: path('/api/access-log'),
    users: path('/api/users'),
    imports: path('/api/imports'),
    importItem: path<'importId'>('/api/imports/:importId'),
    importIssues: path<'importId'>('/api/imports/:importId/issues'),
    importWithdraw: path<'importId'>('/api/imports/:importId/withdraw'),
    importJob: path<'jobId'>('/api/import-jobs/:jobId'),
    exportFile: path<'kind'>('/api/exports/:kind'),
    indicators: path('/api/indicators'),
    indicator: path<'indicatorId'>('/api/indicators/:indicatorId'),
    indicatorChildren: path<'indicatorId'>('/api/indicators/:indicatorId/children'),
    trackers: path('/api/trackers'),
    tracker: path<'tracker'>('/api/trackers/:tracker'),
    reference: path('/api/reference'),
    inspections: path('/api/inspections'),
    inspection: path<'inspectionId'>('/api/inspections/:inspectionId'),
    readReport: path('/api/inspections/read-report'),
    ofstedOutcomes: path('/api/ofsted-outcomes'),
    improvementPlan: path('/api/improvement-plan'),
    improvementAction: path<'actionId'>('/api/improvement-plan/actions/:actionId'),
    auditResults: path('/api/audit-results'),
    auditAgreement: path('/api/audit-results/agreement'),
    reports: path('/api/reports'),
    report: path<'reportId'>('/api/reports/:reportId'),
    reportFile: path<'reportId'>('/api/reports/:reportId/file'),
    selfEvaluation: path<'year'>('/api/self-evaluation/:year'),
  },
  withQuery,
};
