/**
 * The demo borough's SYNTHETIC postcodes and its own small postcode lookup (decision 0027). The 903 asks for full
 * home and placement postcodes, and its location rules derive the placement's authority, in or out of area, and
 * distance from a postcode directory. Lantern carries no ONS data, so the demo makes its own: eight made-up
 * postcodes in each district of geography.ts (inward codes 1AB … 8TU), each with a made-up grid reference laid out
 * so that distances match the geography (the borough's localities a few miles apart; places away at their typical
 * distance, on a fixed bearing). Whether such a postcode exists is chance; its grid reference is invented. The lookup
 * is labelled 'synthetic-demo' and is never presented as ONS data. The authority codes are the GSS codes of the
 * authorities named (the borough borrows Barnet's, as it borrows Barnet's LA number).
 */
import type { Db } from '../db/client';
import { milesBetween, type GridReference } from '../domain/postcodes';
import { writePostcodeRows } from '../features/reference/postcodes';
import { LOCALITIES, PLACES_AWAY } from './geography';

/** The demo borough's authority code: Barnet's GSS code (it borrows Barnet's LA number, 302). */
export const DEMO_GSS_CODE = 'E09000003';

/** The GSS code of each place away (two-tier areas: the county, which has children's services). */
const AWAY_CODES: Readonly<Record<string, string>> = {
  Enfield: 'E09000010',
  Harrow: 'E09000015',
  Brent: 'E09000005',
  Haringey: 'E09000014',
  Camden: 'E09000007',
  Hertfordshire: 'E10000015',
  Essex: 'E10000012',
  Kent: 'E10000016',
  Bedford: 'E06000055',
  Northamptonshire: 'E06000062',
  Norfolk: 'E10000020',
  Lincolnshire: 'E10000019',
  Birmingham: 'E08000025',
  Lancashire: 'E10000017',
  WAL: 'W06000015',
};

/** Compass bearing (degrees) of each place away from the borough: fixed, so the layout never changes. */
const BEARINGS = [45, 260, 225, 135, 180, 5, 330, 75, 125, 340, 315, 45, 10, 300, 320, 280];

const INWARD = ['1AB', '2DE', '3FG', '4HJ', '5LN', '6PQ', '7RS', '8TU'];
const CENTRE = { easting: 524000, northing: 191000 };
/** Each locality's centre from the borough's, in metres. */
const LOCALITY_OFFSETS: ReadonlyArray<readonly [number, number]> = [
  [-2500, -2500],
  [-3500, 2000],
  [1000, -1000],
  [2500, 3500],
];
const METRES_PER_MILE = 1609.3;

export interface SyntheticPostcode extends GridReference {
  postcode: string;
  laCode: string;
}

function build(): Map<string, SyntheticPostcode[]> {
  const out = new Map<string, SyntheticPostcode[]>();
  const add = (district: string, laCode: string, centre: GridReference) => {
    if (out.has(district)) return;
    out.set(
      district,
      INWARD.map((inward, i) => ({
        postcode: `${district} ${inward}`,
        laCode,
        easting: Math.round(centre.easting + (i % 4) * 250),
        northing: Math.round(centre.northing + Math.floor(i / 4) * 250),
      })),
    );
  };
  LOCALITIES.forEach((districts, l) => {
    const [dx, dy] = LOCALITY_OFFSETS[l % LOCALITY_OFFSETS.length] as readonly [number, number];
    districts.forEach((d, i) => {
      add(d, DEMO_GSS_CODE, { easting: CENTRE.easting + dx + i * 700, northing: CENTRE.northing + dy });
    });
  });
  PLACES_AWAY.forEach((place, k) => {
    const bearing = ((BEARINGS[k % BEARINGS.length] as number) * Math.PI) / 180;
    const [lo, hi] = place.miles;
    place.districts.forEach((d, i) => {
      const miles = lo + ((hi - lo) * (i + 0.5)) / place.districts.length;
      add(d, AWAY_CODES[place.la] ?? 'E99999999', {
        easting: CENTRE.easting + Math.sin(bearing) * miles * METRES_PER_MILE,
        northing: CENTRE.northing + Math.cos(bearing) * miles * METRES_PER_MILE,
      });
    });
  });
  return out;
}

let byDistrict: Map<string, SyntheticPostcode[]> | null = null;
const districts = () => (byDistrict ??= build());
let byPostcode: Map<string, SyntheticPostcode> | null = null;

/** Every synthetic postcode of the demo, for its lookup. */
export function syntheticPostcodes(): SyntheticPostcode[] {
  return [...districts().values()].flat();
}

/**
 * A synthetic postcode in `district`, chosen by `n` (any whole number: the same n, the same postcode), other than
 * `not` where that is given.
 */
export function postcodeIn(district: string, n: number, not?: string | null): string {
  const list = districts().get(district);
  if (!list) throw new Error(`The demo has no synthetic postcodes in ${district}`);
  const first = Math.abs(Math.trunc(n)) % list.length;
  const pick = (list[first] as SyntheticPostcode).postcode;
  return pick === not ? (list[(first + 1) % list.length] as SyntheticPostcode).postcode : pick;
}

/** Miles between two synthetic postcodes, as the 903 location rules derive PL_DISTANCE from the demo's lookup. */
export function syntheticMiles(a: string, b: string): number {
  byPostcode ??= new Map(syntheticPostcodes().map((p) => [p.postcode, p]));
  const x = byPostcode.get(a);
  const y = byPostcode.get(b);
  if (!x || !y) throw new Error(`Not a synthetic demo postcode: ${x ? b : a}`);
  return milesBetween(x, y);
}

/** Writes the demo's synthetic lookup, scoped to the demo authority (its code) and labelled synthetic-demo. */
export async function writeDemoPostcodeLookup(db: Db, authorityCode: string): Promise<number> {
  const list = syntheticPostcodes();
  await db.transaction((tx) => writePostcodeRows(tx, authorityCode, 'synthetic-demo', list));
  return list.length;
}
