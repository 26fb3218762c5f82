/**
 * Where the demo borough is. It borrows Barnet's benchmarks (DfE LA 302, outer London), so it borrows the shape
 * of its geography too: home postcode districts in four localities, and the places children are placed outside
 * the borough, with typical distances in miles (near neighbours, the home counties, further afield). Postcode
 * districts only — never full postcodes.
 */
import type { Settings } from './journeys/context';

export const LOCALITIES: Settings['localities'] = [
  ['NW4', 'NW9'],
  ['HA8', 'NW7'],
  ['N2', 'N3', 'N12', 'NW11'],
  ['EN4', 'EN5', 'N11', 'N14', 'N20'],
];

export const PLACES_AWAY: Settings['placesAway'] = [
  { la: 'Enfield', districts: ['EN1', 'EN2', 'EN3', 'N9'], miles: [4, 10] },
  { la: 'Harrow', districts: ['HA1', 'HA2', 'HA3'], miles: [4, 9] },
  { la: 'Brent', districts: ['NW10', 'HA9', 'NW2'], miles: [4, 9] },
  { la: 'Haringey', districts: ['N15', 'N17', 'N22'], miles: [5, 10] },
  { la: 'Camden', districts: ['NW1', 'NW3', 'NW5'], miles: [6, 10] },
  { la: 'Hertfordshire', districts: ['WD6', 'EN6'], miles: [4, 12] },
  { la: 'Hertfordshire', districts: ['AL1', 'SG1', 'WD17', 'HP2'], miles: [12, 35] },
  { la: 'Essex', districts: ['CM1', 'SS1', 'CM20'], miles: [20, 45] },
  { la: 'Kent', districts: ['ME1', 'DA1', 'TN9'], miles: [22, 45] },
  { la: 'Bedford', districts: ['MK40', 'MK42'], miles: [40, 50] },
  { la: 'Northamptonshire', districts: ['NN1', 'NN8'], miles: [55, 70] },
  { la: 'Norfolk', districts: ['NR1', 'PE30'], miles: [95, 115] },
  { la: 'Lincolnshire', districts: ['LN1', 'PE21'], miles: [110, 140] },
  { la: 'Birmingham', districts: ['B23', 'B8'], miles: [100, 115] },
  { la: 'Lancashire', districts: ['BB1', 'PR1'], miles: [190, 210] },
  { la: 'WAL', districts: ['CF10', 'LL11'], miles: [150, 230] },
];
