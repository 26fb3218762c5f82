/** What the moderation pages share: reading an id from the path or the query. */
export const idOf = (v: unknown): number | null =>
  typeof v === 'string' && /^[1-9]\d{0,14}$/.test(v.trim()) ? Number(v.trim()) : null;
