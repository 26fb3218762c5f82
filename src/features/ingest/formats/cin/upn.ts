/**
 * The DfE unique pupil number check letter (CIN rule 1510): characters 2–13 weighted by their positions 2–13,
 * summed, modulo 23, read as a letter of ABCDEFGHJKLMNPQRTUVWXYZ. A letter in position 13 (a temporary UPN)
 * counts as its place in that same alphabet (A = 0, B = 1 …).
 */
export const UPN_CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** The check letter for the 12 characters after it (11 digits and a digit or letter); null if not that shape. */
export function upnCheckLetter(body: string): string | null {
  if (!/^\d{11}[0-9A-Z]$/.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const ch = body[i] as string;
    const value = /\d/.test(ch) ? Number(ch) : UPN_CHECK_LETTERS.indexOf(ch);
    if (value < 0) return null;
    sum += value * (i + 2);
  }
  return UPN_CHECK_LETTERS[sum % 23] as string;
}
