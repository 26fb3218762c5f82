/**
 * View models for the children pages: allowlists of what each page shows, built from the service's results.
 * Anything that becomes HTML is escaped here, so templates pass it to GOV.UK macros as `html` safely.
 */
import { escapeHtml } from '../../domain/html';
import { formatDate } from '../../web/views';
import { pagination } from '../../web/pagination';
import { paths } from '../../web/paths';
import { AREAS, selectEntries, type Area, type ChronologyEntry } from './chronology';
import type { ChildRecord, ChildSummary, SearchResult, StatusView } from './service';
import { eventKey, matchedByText, summariseSources, type EventSource, type RecordSources } from './sources';
import type { Status } from './status';

const TAG_COLOURS: Record<Status, string> = {
  'in-care': 'purple',
  'cp-plan': 'red',
  cin: 'orange',
  'care-leaver': 'turquoise',
  referral: 'yellow',
  'early-help': 'green',
  closed: 'grey',
};

export function statusTags(status: StatusView): string {
  return status.all
    .map((s) => `<strong class="govuk-tag govuk-tag--${TAG_COLOURS[s.code]}">${escapeHtml(s.label)}</strong>`)
    .join(' ');
}

/** The child's name; a child known only from a return (903, CIN census) has none in Lantern. */
export function fullName(child: { firstName: string | null; lastName: string | null; laChildId?: string }): string {
  const name = [child.firstName, child.lastName].filter((part): part is string => !!part).join(' ');
  if (name) return name;
  return child.laChildId ? `Name not recorded (LA ID ${child.laChildId})` : 'Name not recorded';
}

export function ageText(age: number | null): string {
  if (age === null) return 'Not known';
  return `${age} year${age === 1 ? '' : 's'} old`;
}

type Cell = { text: string } | { html: string };

export function searchRows(results: readonly ChildSummary[]): Cell[][] {
  return results.map((c) => [
    {
      html: `<a class="govuk-link" href="${escapeHtml(paths.children.show({ childId: c.lanternId }))}">${escapeHtml(fullName(c))}</a>`,
    },
    { text: c.lanternId },
    { text: c.laChildId },
    { text: c.age === null ? (c.expectedDateOfBirth ? 'Unborn' : 'Not known') : String(c.age) },
    { html: statusTags(c.status) },
    { text: c.currentTeam ?? 'Not allocated' },
  ]);
}

export function resultsHeading(result: SearchResult): string {
  const n = result.total.toLocaleString('en-GB');
  if (result.kind === 'all') {
    const whose = result.scope.kind === 'team' ? 'Children in your team' : 'All children';
    return `${whose} (${n})`;
  }
  if (result.total === 0) return 'No children found';
  return `${n} ${result.total === 1 ? 'child' : 'children'} found`;
}

export function searchModel(result: SearchResult, q: string) {
  const link = (page: number) => paths.children.searchFor({ q: q || undefined, page: page > 1 ? page : undefined });
  return {
    scope: result.scope,
    heading: resultsHeading(result),
    rows: searchRows(result.results),
    total: result.total,
    page: result.page,
    totalPages: result.totalPages,
    pagination: pagination(result.page, result.totalPages, link),
    beyondLastPage: result.total > 0 && result.results.length === 0,
  };
}

// ——— the record ———

function summaryRow(key: string, value: string | { html: string }) {
  return { key: { text: key }, value: typeof value === 'string' ? { text: value || 'Not recorded' } : value };
}

export function identityRows(record: ChildRecord) {
  const dob = record.dateOfBirth
    ? `${formatDate(record.dateOfBirth)} (${ageText(record.age)}${record.dateOfDeath ? ' at death' : ''})`
    : record.expectedDateOfBirth
      ? `Unborn: expected ${formatDate(record.expectedDateOfBirth)}`
      : '';
  const currentImmigration = record.immigrationStatuses
    .filter((s) => s.current)
    .map((s) => `${s.status} since ${formatDate(s.startDate)}`);
  return [
    summaryRow('Name', fullName(record)),
    summaryRow('Lantern ID', record.lanternId),
    summaryRow('LA child ID', record.laChildId),
    summaryRow(
      'Unique pupil number',
      record.upn ?? (record.upnUnknownReason ? `Not known (${record.upnUnknownReason})` : ''),
    ),
    summaryRow('Date of birth', dob),
    ...(record.dateOfDeath ? [summaryRow('Date of death', formatDate(record.dateOfDeath))] : []),
    summaryRow('Sex', record.sexLabel),
    ...(record.gender ? [summaryRow('Gender', record.gender)] : []),
    summaryRow('Ethnicity', `${record.ethnicityLabel} (${record.ethnicity})`),
    summaryRow('First language', record.firstLanguage ?? ''),
    summaryRow('Religion', record.religion ?? ''),
    summaryRow(
      'Disability',
      record.disabilities.length ? record.disabilities.map((d) => d.label).join(', ') : 'None recorded',
    ),
    summaryRow('Unaccompanied asylum-seeking child', record.uasc ? 'Yes' : 'No'),
    summaryRow('Immigration status', currentImmigration.join('; ') || 'None recorded'),
    summaryRow('Home postcode district', record.postcodeDistrict ?? ''),
    summaryRow('Current team', record.currentTeam ?? 'Not allocated'),
    summaryRow('Status', { html: statusTags(record.status) }),
  ];
}

export function familyRows(record: ChildRecord): Cell[][] {
  return record.familyLinks.map((l) => [
    { text: l.relationshipLabel },
    l.related
      ? {
          html: `<a class="govuk-link" href="${escapeHtml(paths.children.show({ childId: l.related.lanternId }))}">${escapeHtml(fullName(l.related))}</a> (${escapeHtml(l.related.lanternId)})`,
        }
      : {
          text: l.relatedDateOfBirth ? `Date of birth ${formatDate(l.relatedDateOfBirth)}` : 'Not recorded in Lantern',
        },
    { text: l.familyRef ?? '' },
  ]);
}

export function allocationRows(record: ChildRecord): Cell[][] {
  return record.allocations.map((a) => [
    { text: `${a.roleLabel}${a.isPrimary ? '' : ' (secondary)'}` },
    { text: a.worker ?? 'No named worker' },
    { text: a.team ?? '' },
    { text: formatDate(a.startDate) },
    { text: a.endDate ? formatDate(a.endDate) : a.current ? 'Current' : '' },
  ]);
}

// ——— the chronology ———

export type Order = 'oldest' | 'newest';

/** The chronology's Sources column: its sources, and whether imports link to their reports (roles that see them). */
export interface SourcesColumn {
  sources: RecordSources;
  linkImports: boolean;
}

/** An import as a link to its report for those who may read it, else as text; Lantern's own record as text. */
function sourceHtml(s: Pick<EventSource, 'importId' | 'label'>, linkImports: boolean): string {
  if (s.importId === null || !linkImports) return escapeHtml(s.label);
  return `<a class="govuk-link" href="${escapeHtml(paths.data.importReport({ importId: s.importId }))}">${escapeHtml(s.label)}</a>`;
}

function sourcesCell(e: ChronologyEntry, column: SourcesColumn): Cell {
  const list = column.sources.events.get(eventKey(e.source, e.sourceId)) ?? [];
  if (list.length === 0) return { text: 'Not known' };
  return { html: list.map((s) => sourceHtml(s, column.linkImports)).join('<br>') };
}

export function chronologyRows(entries: readonly ChronologyEntry[], column: SourcesColumn | null = null): Cell[][] {
  return entries.map((e) => {
    const who = [e.worker, e.team].filter(
      (x): x is string => Boolean(x) && !(e.kind === 'allocated' || e.kind === 'allocation-ended'),
    );
    const detail = [e.detail, who.length ? `Recorded by ${who.join(', ')}` : ''].filter(Boolean);
    return [
      {
        html: `<span class="app-chronology__date" data-chronology-date="${escapeHtml(e.date)}">${escapeHtml(formatDate(e.date))}</span>${e.time ? `<br><span class="govuk-body-s">${escapeHtml(e.time)}</span>` : ''}`,
      },
      {
        html: `<span class="govuk-!-font-weight-bold">${escapeHtml(e.title)}</span>${detail.map((d) => `<br>${escapeHtml(d)}`).join('')}`,
      },
      { text: e.areaLabel },
      ...(column ? [sourcesCell(e, column)] : []),
    ];
  });
}

/**
 * "Sources of this record": each source, Lantern's own first, with what it gave — the child's details (and how the
 * child was matched, for a source that matched them to the record) and how many events of the chronology.
 */
export function sourcesSummary(
  record: Pick<ChildRecord, 'sources' | 'chronology'>,
  linkImports: boolean,
): Array<{ html: string }> {
  if (!record.sources) return [];
  return summariseSources(record.sources, record.chronology).map((s) => {
    const matched = matchedByText(s.matchedBy);
    const gave = [
      s.child
        ? `the child’s details${matched ? ` (${matched}${s.sourceChildId ? `; their ID there: ${s.sourceChildId}` : ''})` : ''}`
        : null,
      s.events > 0 ? `${s.events.toLocaleString('en-GB')} event${s.events === 1 ? '' : 's'} of the chronology` : null,
    ].filter((x): x is string => x !== null);
    const when = s.importedOn ? `, imported ${formatDate(s.importedOn)}` : '';
    return {
      html: `${sourceHtml(s, linkImports)}${escapeHtml(when)}: ${escapeHtml(gave.join(' and ') || 'nothing shown here')}`,
    };
  });
}

export function chronologyModel(
  all: readonly ChronologyEntry[],
  area: Area | null,
  order: Order,
  column: SourcesColumn | null = null,
) {
  const counts = new Map<Area, number>();
  for (const e of all) counts.set(e.area, (counts.get(e.area) ?? 0) + 1);
  const entries = selectEntries(all, area, order);
  return {
    total: all.length,
    shown: entries.length,
    area,
    areaLabel: area ? AREAS[area] : null,
    order,
    sources: column !== null,
    rows: chronologyRows(entries, column),
    areaItems: [
      { value: '', text: `All areas (${all.length})`, selected: area === null },
      ...(Object.keys(AREAS) as Area[])
        .filter((a) => counts.has(a) || a === area)
        .map((a) => ({ value: a, text: `${AREAS[a]} (${counts.get(a) ?? 0})`, selected: a === area })),
    ],
    orderItems: [
      { value: 'oldest', text: 'Oldest first', selected: order === 'oldest' },
      { value: 'newest', text: 'Newest first', selected: order === 'newest' },
    ],
  };
}
