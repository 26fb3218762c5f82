/**
 * What a search box entry means. Pure, so the rule is tested without a database.
 *
 * - empty                          → every child in scope ('all'), in name order;
 * - "L" and up to seven digits     → a Lantern ID ('lantern-id'), case-insensitive, zeros padded: l123 = L0000123;
 *                                    an LA child ID spelt the same way is matched too;
 * - one word containing a digit    → an LA child ID ('la-child-id'), exact, in upper, lower or the typed case;
 * - anything else                  → a name ('name'): every word must appear, case-insensitively, at the start or
 *                                    inside the first or last name ("sam jon" finds Samira Jones).
 * Only the kind is ever logged, never the text: a search may be a child's name.
 */
export type SearchCriteria =
  | { kind: 'all' }
  | { kind: 'lantern-id'; lanternId: string; text: string }
  | { kind: 'la-child-id'; text: string }
  | { kind: 'name'; words: string[] };

export type SearchKind = SearchCriteria['kind'];

export const MAX_QUERY_LENGTH = 100;
const MAX_WORDS = 5;

export function parseSearch(raw: string | null | undefined): SearchCriteria {
  const text = (raw ?? '').trim().replace(/\s+/g, ' ');
  if (text === '') return { kind: 'all' };
  const lantern = /^L0*(\d{1,7})$/i.exec(text);
  if (lantern?.[1] && Number(lantern[1]) > 0)
    return { kind: 'lantern-id', lanternId: `L${lantern[1].padStart(7, '0')}`, text };
  if (!text.includes(' ') && /\d/.test(text)) return { kind: 'la-child-id', text };
  const words = text
    .split(' ')
    .map((w) => w.replace(/[^\p{L}\p{M}'’-]/gu, ''))
    .filter((w) => w.length > 0)
    .slice(0, MAX_WORDS);
  return words.length ? { kind: 'name', words } : { kind: 'la-child-id', text };
}

/** Escapes LIKE wildcards so a name with % or _ is matched literally (backslash is PostgreSQL's default escape). */
export function likeContains(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
