import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  REGISTRY_YEARS,
  lanternRules,
  publishedCodes,
  registryCounts,
  registryLists,
  statusOf,
  type Ruleset,
} from './rule-registry';

const RULESETS: Ruleset[] = ['ssda903', 'cin'];

/** Every (ruleset, year, code) the validators publish for the years Lantern reads. */
function* published(): Generator<[Ruleset, number, string]> {
  for (const ruleset of RULESETS)
    for (const year of REGISTRY_YEARS) for (const code of publishedCodes(ruleset, year)) yield [ruleset, year, code];
}

describe('rule registry (decision 0025)', () => {
  it('has the published rulesets of every year 2022/23 to 2026/27', () => {
    // Counts of the generated list, as the validators' year folders give them (issue 16 quotes 311 and 109 for
    // 2025/26); 2026/27 adds the eleven DoLO rules 700–710 to the 903.
    assert.equal(publishedCodes('ssda903', 2026).length, 311);
    assert.equal(publishedCodes('ssda903', 2027).length, 322);
    assert.equal(publishedCodes('cin', 2026).length, 109);
    for (const ruleset of RULESETS)
      for (const year of REGISTRY_YEARS) assert.ok(publishedCodes(ruleset, year).length > 0);
  });

  it('gives every published code of every year a status', () => {
    const missing = [...published()].filter(([r, y, c]) => statusOf(r, c, y) === undefined).map((x) => x.join(' '));
    assert.deepEqual(missing, [], 'published codes with no registry entry: add each to rule-registry.ts');
  });

  it('has a Lantern rule for every code it says is implemented, in every year the code is published', () => {
    const wrong = [...published()]
      .filter(([r, y, c]) => {
        const s = statusOf(r, c, y);
        return s?.status === 'implemented' && s.by.length === 0;
      })
      .map((x) => x.join(' '));
    assert.deepEqual(wrong, []);
  });

  it('says "implemented" of every published code Lantern has a rule for, and of no other', () => {
    const wrong: string[] = [];
    for (const [r, y, c] of published()) {
      const has = lanternRules(r, y).has(c);
      const s = statusOf(r, c, y)?.status;
      if (has !== (s === 'implemented')) wrong.push(`${r} ${y} ${c}: ${s ?? 'none'}, Lantern rule: ${has}`);
    }
    assert.deepEqual(wrong, []);
  });

  it("applies Lantern's rules with published codes only in the years the code is published", () => {
    const wrong: string[] = [];
    for (const ruleset of RULESETS) {
      const everPublished = new Set(REGISTRY_YEARS.flatMap((y) => publishedCodes(ruleset, y)));
      for (const year of REGISTRY_YEARS) {
        const now = new Set(publishedCodes(ruleset, year));
        for (const code of lanternRules(ruleset, year).keys())
          if (everPublished.has(code) && !now.has(code)) wrong.push(`${ruleset} ${year} ${code}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('lists each code once, and only codes that are published', () => {
    for (const ruleset of RULESETS) {
      const { implemented, different, notYet } = registryLists(ruleset);
      const everPublished = new Set(REGISTRY_YEARS.flatMap((y) => publishedCodes(ruleset, y)));
      const all = [...implemented, ...Object.keys(different), ...notYet];
      assert.equal(new Set(all).size, all.length, `${ruleset}: a code in two lists`);
      assert.deepEqual(
        all.filter((c) => !everPublished.has(c)),
        [],
        `${ruleset}: listed but never published`,
      );
      for (const reason of Object.values(different)) assert.ok(reason.length > 20, 'a reason in words');
    }
  });

  it('counts add up', () => {
    for (const ruleset of RULESETS)
      for (const year of REGISTRY_YEARS) {
        const c = registryCounts(ruleset, year);
        assert.equal(c.implemented + c.different + c.notYet, c.published, `${ruleset} ${year}`);
      }
  });
});
