/**
 * Paging long lists: the GOV.UK pagination component's model, the page asked for (anything that is not a page
 * number is page 1; past the end is the last page — never an error), and the "Showing 51 to 100 of 608 actions" text.
 */

export interface PaginationModel {
  previous?: { href: string };
  next?: { href: string };
  items: Array<{ number: number; href: string; current: boolean } | { ellipsis: true }>;
}

/** GOV.UK pagination: first, last, current and its neighbours, with ellipses between. */
export function pagination(page: number, totalPages: number, href: (page: number) => string): PaginationModel | null {
  if (totalPages <= 1) return null;
  const shown = new Set([1, totalPages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= totalPages));
  const items: PaginationModel['items'] = [];
  let last = 0;
  for (const p of [...shown].sort((a, b) => a - b)) {
    if (p - last > 1) items.push({ ellipsis: true });
    items.push({ number: p, href: href(p), current: p === page });
    last = p;
  }
  return {
    ...(page > 1 ? { previous: { href: href(page - 1) } } : {}),
    ...(page < totalPages ? { next: { href: href(page + 1) } } : {}),
    items,
  };
}

/** The model with the navigation landmark's name (needed when a page has more than one pagination, as axe wants each landmark named apart). */
export function withLabel(
  model: PaginationModel | null,
  landmarkLabel: string,
): (PaginationModel & { landmarkLabel: string }) | null {
  return model ? { ...model, landmarkLabel } : null;
}

/** The page number asked for in a query string: a whole number from 1, else 1. (Clamp to the last page with pageWindow.) */
export function requestedPage(value: unknown): number {
  return typeof value === 'string' && /^\d{1,9}$/.test(value.trim()) && Number(value) >= 1 ? Number(value) : 1;
}

export interface PageWindow {
  /** The page shown: the one asked for, or the last page when that is past the end (1 when there is nothing). */
  page: number;
  totalPages: number;
  limit: number;
  offset: number;
  total: number;
}

/** Where a page of `size` rows falls in `total` rows. */
export function pageWindow(asked: number, total: number, size: number): PageWindow {
  const totalPages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.trunc(asked) || 1), totalPages);
  return { page, totalPages, limit: size, offset: (page - 1) * size, total };
}

/** "Showing 51 to 100 of 608 actions" ("Showing 1 to 1 of 1 action"; "No actions" when there are none). */
export function showingText(window: PageWindow, shown: number, singular: string, plural: string): string {
  if (window.total === 0) return `No ${plural}`;
  const from = window.offset + 1;
  const to = window.offset + shown;
  const n = (v: number) => v.toLocaleString('en-GB');
  return `Showing ${n(from)} to ${n(to)} of ${n(window.total)} ${window.total === 1 ? singular : plural}`;
}
