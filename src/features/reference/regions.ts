/**
 * The nine English regions (ONS region codes, E12000001–E12000009; public fact). The community authority lookups
 * carry region codes that are sometimes wrong (Gloucestershire and Buckinghamshire under another region's code),
 * and DfE's statistical-neighbour files give only a name ("London (Inner)"), so Lantern takes a region from its
 * NAME and gives it the code from this table.
 */
export const ENGLISH_REGIONS = [
  { code: 'E12000001', name: 'North East' },
  { code: 'E12000002', name: 'North West' },
  { code: 'E12000003', name: 'Yorkshire and The Humber' },
  { code: 'E12000004', name: 'East Midlands' },
  { code: 'E12000005', name: 'West Midlands' },
  { code: 'E12000006', name: 'East of England' },
  { code: 'E12000007', name: 'London' },
  { code: 'E12000008', name: 'South East' },
  { code: 'E12000009', name: 'South West' },
] as const;

export type EnglishRegion = (typeof ENGLISH_REGIONS)[number];

function key(name: string): string {
  return name
    .toLowerCase()
    .replace(/\(.*\)/g, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/** The region a published name means ("Yorkshire and the Humber", "London (Inner)", "east of england"), or null. */
export function regionByName(name: string | null | undefined): EnglishRegion | null {
  if (!name) return null;
  const k = key(name);
  return ENGLISH_REGIONS.find((r) => key(r.name) === k) ?? null;
}
