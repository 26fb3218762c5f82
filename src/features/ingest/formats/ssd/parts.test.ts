/**
 * The small parts of the SSD reader: recognising a table by its header, London times, and the value mappings.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allocationRole, eligibility, healthCheckHeld, healthCheckKind, orderType, sexCode, workerRole } from './codes';
import { formatInstant, londonInstant } from './instants';
import { recogniseHeader } from './recognise';

describe('recognising an SSD table by its header', () => {
  const kind = (header: string[]) => {
    const r = recogniseHeader(header);
    return r === null ? null : r.kind === 'loaded' ? r.table.name : `skipped ${r.name}`;
  };
  it('by the field prefix most columns share, whatever the case or spacing', () => {
    assert.equal(kind(['PERS_PERSON_ID', 'Pers Sex', 'pers_dob']), 'ssd_person');
    assert.equal(kind(['clap_cla_placement_id', 'clap_cla_id', 'other']), 'ssd_cla_placement');
    assert.equal(kind(['miss_table_id', 'miss_la_person_id', 'miss_mis_epi_start']), 'ssd_missing');
  });
  it('a table Lantern has no home for is recognised to be reported', () => {
    assert.equal(kind(['send_table_id', 'send_upn', 'send_person_id']), 'skipped ssd_send');
    assert.equal(kind(['id', 'person_id', 'json_payload']), 'skipped ssd_api_data_staging');
  });
  it('not a 903 file, nor a file with one SSD-looking column among others', () => {
    assert.equal(kind(['CHILD', 'SEX', 'DOB', 'ETHNIC']), null);
    assert.equal(kind(['cine_referral_date', 'CHILD', 'DECOM', 'RNE']), null);
    assert.equal(kind([]), null);
  });
});

describe('times in ssd_missing', () => {
  it('reads a time without a zone as London time: GMT in winter, BST in summer', () => {
    assert.equal(londonInstant('2025-01-10 14:00')?.toISOString(), '2025-01-10T14:00:00.000Z');
    assert.equal(londonInstant('2025-07-10 14:00:00.000')?.toISOString(), '2025-07-10T13:00:00.000Z');
    assert.equal(londonInstant('10/07/2025 14:00')?.toISOString(), '2025-07-10T13:00:00.000Z');
    assert.equal(londonInstant('2025-07-10')?.toISOString(), '2025-07-09T23:00:00.000Z');
  });
  it('the repeated hour on 26 October 2025 (01:00–02:00 twice) is read as the first, BST; a zone is taken as written', () => {
    assert.equal(londonInstant('2025-10-26 01:30')?.toISOString(), '2025-10-26T00:30:00.000Z');
    assert.equal(londonInstant('2025-10-26T01:30:00Z')?.toISOString(), '2025-10-26T01:30:00.000Z');
    assert.equal(londonInstant('2025-10-26T01:30:00+01:00')?.toISOString(), '2025-10-26T00:30:00.000Z');
  });
  it('refuses what is not a date and time', () => {
    assert.equal(londonInstant('2025-02-30 10:00'), null);
    assert.equal(londonInstant('2025-01-10 25:00'), null);
    assert.equal(londonInstant('yesterday'), null);
  });
  it('writes ISO 8601 UTC, which reads back to the same instant', () => {
    const d = new Date('2025-10-26T01:30:00Z');
    assert.equal(formatInstant(d), '2025-10-26T01:30:00Z');
    assert.equal(londonInstant(formatInstant(d))?.getTime(), d.getTime());
  });
});

describe('SSD value mappings', () => {
  it('sex: F/M/U, the old 903 1/2 and the words', () => {
    assert.deepEqual(['F', 'm', '1', '2', 'Unknown', 'X'].map(sexCode), ['F', 'M', 'M', 'F', 'U', undefined]);
  });
  it('health checks: dental, initial and review health assessments; optician checks have no home; refused ones were not held', () => {
    assert.deepEqual(
      ['Dental Check', 'Initial Health Assessment', 'Health check', 'Review Health Assessment', 'Optician check'].map(
        healthCheckKind,
      ),
      ['dental', 'initial', 'review', 'review', null],
    );
    assert.deepEqual([null, 'Completed', 'Refused', 'Cancelled'].map(healthCheckHeld), [true, true, false, false]);
  });
  it('roles from job titles, and allocation roles', () => {
    assert.deepEqual(
      [
        'Social Worker',
        'Personal Adviser',
        'IRO',
        'Team Manager',
        'Senior Practitioner',
        'Early Help Worker',
        null,
      ].map(workerRole),
      [
        'social-worker',
        'personal-adviser',
        'iro',
        'team-manager',
        'senior-practitioner',
        'early-help-practitioner',
        'social-worker',
      ],
    );
    assert.equal(allocationRole('Team Manager'), 'social-worker');
    assert.equal(allocationRole('personal-adviser'), 'personal-adviser');
  });
  it('order types and care leaver eligibility from the words systems write', () => {
    assert.deepEqual(['Adoption Order', 'Special Guardianship Order', 'CAO', 'sgo', 'Care Order'].map(orderType), [
      'adoption',
      'sgo',
      'child-arrangements-order',
      'sgo',
      undefined,
    ]);
    assert.deepEqual(['Former Relevant', 'relevant', 'former_relevant', 'Eligible', 'Other'].map(eligibility), [
      'former-relevant',
      'relevant',
      'former-relevant',
      'eligible',
      undefined,
    ]);
  });
});
