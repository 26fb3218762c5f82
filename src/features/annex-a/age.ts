/**
 * Annex A's "Age of Child (Years)": age at the last birthday on or before the as-at date, -1 for a child not yet
 * born (as Data to Insight's SSD Annex A extraction SQL has it). A child born on 29 February has their birthday on 28 February in
 * other years.
 */
export function annexAAge(dateOfBirth: string | null, asAt: string, unborn = false): number | null {
  if (dateOfBirth === null) return unborn ? -1 : null;
  if (dateOfBirth > asAt) return -1;
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ay, am, ad] = asAt.split('-').map(Number) as [number, number, number];
  const leap = (ay % 4 === 0 && ay % 100 !== 0) || ay % 400 === 0;
  const day = bm === 2 && bd === 29 && !leap ? 28 : bd;
  return ay - by - (am < bm || (am === bm && ad < day) ? 1 : 0);
}
