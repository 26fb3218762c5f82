import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalisePostcode } from '../domain/postcodes';
import { LOCALITIES, PLACES_AWAY } from './geography';
import { DEMO_GSS_CODE, postcodeIn, syntheticMiles, syntheticPostcodes } from './postcodes';

describe("the demo's synthetic postcodes and lookup", () => {
  const all = syntheticPostcodes();

  it('holds eight postcodes in each district of the geography, each shaped like a postcode, none twice', () => {
    const districts = new Set([...LOCALITIES.flat(), ...PLACES_AWAY.flatMap((p) => p.districts)]);
    assert.equal(all.length, districts.size * 8);
    assert.equal(new Set(all.map((p) => p.postcode)).size, all.length);
    for (const p of all) assert.equal(normalisePostcode(p.postcode), p.postcode);
  });

  it("puts the borough's districts in the demo authority and Wales under a W code", () => {
    for (const d of LOCALITIES.flat())
      assert.equal(all.find((p) => p.postcode.startsWith(`${d} `))?.laCode, DEMO_GSS_CODE);
    assert.ok(all.find((p) => p.postcode.startsWith('CF10 '))?.laCode.startsWith('W'));
  });

  it('chooses the same postcode for the same number, and another when told to avoid one', () => {
    assert.equal(postcodeIn('N12', 3), 'N12 4HJ');
    assert.equal(postcodeIn('N12', 11), 'N12 4HJ'); // 11 mod 8 = 3
    assert.equal(postcodeIn('N12', 3, 'N12 4HJ'), 'N12 5LN');
  });

  it('lays out distances like the geography: the borough within a few miles, nowhere beyond 350 miles', () => {
    const home = postcodeIn('NW4', 0);
    // Two postcodes in one district are 250 m apart or more: 0.2 miles at least, never 0.
    assert.equal(syntheticMiles(home, postcodeIn('NW4', 1)), 0.2); // 250 m ÷ 1,609.3 = 0.155 → 0.2
    for (const d of LOCALITIES.flat()) assert.ok(syntheticMiles(home, postcodeIn(d, 5)) < 7, d);
    for (const p of all) assert.ok(syntheticMiles(home, p.postcode) <= 350, p.postcode);
  });
});
