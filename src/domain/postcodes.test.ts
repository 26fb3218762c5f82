import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { districtOf, milesBetween, normalisePostcode } from './postcodes';

describe('postcodes', () => {
  it('normalises to upper case with one space, and refuses what is not shaped like a postcode', () => {
    assert.equal(normalisePostcode('n120ab'), 'N12 0AB');
    assert.equal(normalisePostcode(' N12   0AB '), 'N12 0AB');
    assert.equal(normalisePostcode('EC1A1BB'), 'EC1A 1BB');
    assert.equal(normalisePostcode('W1A 0AX'), 'W1A 0AX');
    assert.equal(normalisePostcode('M1 1AE'), 'M1 1AE');
    assert.equal(normalisePostcode('N12'), null); // a district alone
    assert.equal(normalisePostcode('N12 0CB'), null); // C is never an inward code's letter
    assert.equal(normalisePostcode('12 0AB'), null);
    assert.equal(normalisePostcode(''), null);
    assert.equal(normalisePostcode(null), null);
  });

  it('gives the district of a postcode', () => {
    assert.equal(districtOf('N12 0AB'), 'N12');
    assert.equal(districtOf('EC1A 1BB'), 'EC1A');
  });

  it('measures miles as the DfE guidance does: metres ÷ 1,000 ÷ 1.6093, to one decimal place', () => {
    // 3,000 and 4,000 m apart: 5,000 m = 5 km ÷ 1.6093 = 3.1069 → 3.1.
    assert.equal(milesBetween({ easting: 0, northing: 0 }, { easting: 3000, northing: 4000 }), 3.1);
    // 1,609.3 m is one mile exactly; the same place is 0.
    assert.equal(milesBetween({ easting: 0, northing: 0 }, { easting: 1609.3, northing: 0 }), 1);
    assert.equal(milesBetween({ easting: 5, northing: 5 }, { easting: 5, northing: 5 }), 0);
  });
});
