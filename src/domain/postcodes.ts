/**
 * UK postcodes as Lantern keeps them (decision 0027): upper case with one space before the inward code
 * ("n120ab" → "N12 0AB"), checked against the shape of a postcode (outward code A9, A99, AA9, AA99, A9A or AA9A;
 * inward code a digit and two letters, never C, I, K, M, O or V). A shape is not proof that a postcode exists: only a
 * postcode directory says that (the 903 location rules, rule 392c).
 *
 * The 903's derived location fields follow the DfE's guidance as the published validator implements it
 * (lac_validator/datastore.py `_add_postcode_derived_fields`): the distance is the straight line between the two
 * postcodes' grid references in metres, divided by 1,000 and by 1.6093, to one decimal place (miles).
 */

const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?|[A-Z]{1,2}\d{2})(\d[ABD-HJLNP-UW-Z]{2})$/;

/** The postcode in Lantern's form ("N12 0AB"), or null when the text is not shaped like a UK postcode. */
export function normalisePostcode(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const t = text.replace(/\s+/g, '').toUpperCase();
  const m = POSTCODE.exec(t);
  return m ? `${m[1] as string} ${m[2] as string}` : null;
}

/** The district (outward code) of a postcode in Lantern's form: "N12 0AB" → "N12". */
export function districtOf(postcode: string): string {
  const space = postcode.indexOf(' ');
  return space === -1 ? postcode : postcode.slice(0, space);
}

export interface GridReference {
  easting: number;
  northing: number;
}

/** Miles between two grid references (metres), to one decimal place, as the DfE's guidance computes PL_DISTANCE. */
export function milesBetween(a: GridReference, b: GridReference): number {
  const metres = Math.sqrt((a.easting - b.easting) ** 2 + (a.northing - b.northing) ** 2);
  return Math.round((metres / 1000 / 1.6093) * 10) / 10;
}
