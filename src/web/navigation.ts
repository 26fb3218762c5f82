import { can } from '../domain/roles';
import type { CurrentUser } from '../accounts/users/service';
import { paths } from './paths';

export interface NavItem {
  href: string;
  text: string;
  current: boolean;
}

/** The service navigation a user sees: only what their role may open. */
export function navigationFor(user: CurrentUser | null, currentPath: string): NavItem[] {
  if (!user) return [];
  const items: Array<{ href: string; text: string; show: boolean }> = [
    { href: paths.home({}), text: 'Home', show: true },
    { href: paths.children.search({}), text: 'Children', show: can(user.role, 'child:search') },
    { href: paths.performance.dashboards({}), text: 'Performance', show: can(user.role, 'aggregate:read') },
    { href: paths.trackers.index({}), text: 'Trackers', show: can(user.role, 'trackers:read') },
    { href: paths.inspections.index({}), text: 'Inspections', show: can(user.role, 'inspection:read') },
    { href: paths.improvement.plan({}), text: 'Improvement plan', show: can(user.role, 'inspection:read') },
    // Social workers read the audits of their team's cases and their actions, not the aggregate results.
    {
      href: can(user.role, 'quality:read') ? paths.quality.results({}) : paths.quality.audits({}),
      text: 'Audits',
      show: can(user.role, 'quality:read') || can(user.role, 'audit:read'),
    },
    // The reports page links to the self-evaluation's text (/self-evaluation), which is part of the same work.
    { href: paths.reports.list({}), text: 'Reports', show: can(user.role, 'report:read') },
    { href: paths.data.imports({}), text: 'Import', show: can(user.role, 'data:import') },
    { href: paths.data.exports({}), text: 'Export', show: can(user.role, 'data:export') },
    { href: paths.admin.accessLog({}), text: 'Access log', show: can(user.role, 'access-log:read') },
    { href: paths.admin.users({}), text: 'Users', show: can(user.role, 'user:manage') },
    { href: paths.admin.indicators({}), text: 'Targets', show: can(user.role, 'indicator:manage') },
    { href: paths.reference.index({}), text: 'Reference data', show: can(user.role, 'reference:manage') },
  ];
  return items
    .filter((i) => i.show)
    .map((i) => ({
      href: i.href,
      text: i.text,
      current:
        i.href === '/'
          ? currentPath === '/'
          : currentPath.startsWith(i.href) || (i.href === '/reports' && currentPath.startsWith('/self-evaluation')),
    }));
}

/**
 * The quality assurance pages' own links (shown under the service navigation on every /quality page): only what the
 * user's role may open. The current link is the longest matching prefix, so /quality/audits/12 marks "Audits".
 */
export function qualityNavigationFor(user: CurrentUser | null, currentPath: string): NavItem[] {
  if (!user || !currentPath.startsWith('/quality')) return [];
  const items: Array<{ href: string; text: string; show: boolean }> = [
    { href: paths.quality.results({}), text: 'Results', show: can(user.role, 'quality:read') },
    {
      href: paths.quality.audits({}),
      text: 'Audits',
      show: can(user.role, 'audit:read') || can(user.role, 'audit:conduct'),
    },
    { href: paths.quality.moderation({}), text: 'Moderation', show: can(user.role, 'audit:moderate') },
    { href: paths.quality.actions({}), text: 'Actions', show: can(user.role, 'audit:read') },
    { href: paths.quality.programmes({}), text: 'Programmes', show: can(user.role, 'audit:manage') },
    {
      href: paths.quality.frameworks({}),
      text: 'Frameworks',
      show: can(user.role, 'audit:manage') || can(user.role, 'audit:conduct') || can(user.role, 'audit:read'),
    },
  ];
  const shown = items.filter((i) => i.show);
  const match = (href: string): boolean =>
    href === '/quality'
      ? currentPath === '/quality' || currentPath === '/quality/agreement'
      : currentPath.startsWith(href);
  const best = shown.filter((i) => match(i.href)).sort((a, b) => b.href.length - a.href.length)[0];
  return shown.map((i) => ({ href: i.href, text: i.text, current: i === best }));
}
