import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ACCOMMODATION_CODES,
  ACTIVITY_CODES,
  assessmentFactorsFor,
  CATEGORIES_OF_ABUSE,
  closureReasonsFor,
  DISABILITY_CODES,
  ETHNICITY_CODES,
  IN_TOUCH_CODES,
  LEGAL_STATUSES,
  PLACEMENT_CHANGE_REASONS,
  PLACEMENT_PROVIDERS,
  placementTypesFor,
  PRIMARY_NEED_CODES,
  REASONS_CEASED,
  referralSourcesFor,
  REVIEW_PARTICIPATION_CODES,
} from '../../domain/code-lists';
import * as labels from './code-labels';

/** Every code the statutory code lists (src/domain/code-lists.ts) allow has a plain-English label here. */
describe('code labels cover the statutory code lists', () => {
  const years = [2021, 2022, 2023, 2024, 2025, 2026];
  const cases: Array<[string, labels.CodeList, readonly string[]]> = [
    ['ethnicity', labels.ETHNICITY, ETHNICITY_CODES],
    ['referral source', labels.REFERRAL_SOURCE, years.flatMap(referralSourcesFor)],
    ['primary need', labels.PRIMARY_NEED, PRIMARY_NEED_CODES],
    ['closure reason', labels.CLOSURE_REASON, years.flatMap(closureReasonsFor)],
    ['category of abuse', labels.CP_CATEGORY, CATEGORIES_OF_ABUSE],
    ['disability', labels.DISABILITY, DISABILITY_CODES],
    ['assessment factor', labels.ASSESSMENT_FACTOR, years.filter((y) => y >= 2022).flatMap(assessmentFactorsFor)],
    ['legal status', labels.LEGAL_STATUS, LEGAL_STATUSES],
    ['placement type', labels.PLACEMENT_TYPE, years.flatMap(placementTypesFor)],
    ['placement provider', labels.PLACEMENT_PROVIDER, PLACEMENT_PROVIDERS],
    ['reason ceased', labels.REASON_CEASED, REASONS_CEASED],
    ['placement change reason', labels.PLACEMENT_CHANGE_REASON, PLACEMENT_CHANGE_REASONS],
    ['review participation', labels.REVIEW_PARTICIPATION, REVIEW_PARTICIPATION_CODES],
    ['in touch', labels.IN_TOUCH, IN_TOUCH_CODES],
    ['accommodation', labels.ACCOMMODATION, ACCOMMODATION_CODES],
    ['activity', labels.ACTIVITY, ACTIVITY_CODES],
  ];
  for (const [name, list, codes] of cases) {
    it(name, () => {
      assert.deepEqual(
        [...new Set(codes)].filter((c) => !list[c]),
        [],
      );
    });
  }
});

describe('label', () => {
  it('gives the text, or the code itself when the code is unknown', () => {
    assert.equal(labels.label(labels.LEGAL_STATUS, 'C2'), 'Full care order');
    assert.equal(labels.label(labels.LEGAL_STATUS, 'ZZ'), 'ZZ');
    assert.equal(labels.label(labels.LEGAL_STATUS, null), '');
  });
  it('puts the code before the text for analysts', () => {
    assert.equal(labels.codeAndLabel(labels.PRIMARY_NEED, 'N4'), 'N4: Family in acute stress');
    assert.equal(labels.codeAndLabel(labels.PRIMARY_NEED, 'N99'), 'N99');
  });
});
