/**
 * Who the children are: ssd_person, ssd_linked_identifiers (UPN), ssd_address (the postcode, in full),
 * ssd_disability, ssd_immigration_status, ssd_mother, ssd_family; and the workforce tables ssd_department,
 * ssd_professionals and ssd_involvements (allocations).
 *
 * The SSD holds no names: children read from it have no first or last name.
 */
import { DISABILITY_CODES, ETHNICITY_CODES } from '../../../../domain/code-lists';
import { addMonths } from '../../../../domain/working-days';
import { districtOf, normalisePostcode } from '../../../../domain/postcodes';
import { normaliseCode, postcodeDistrict } from '../../fields';
import { LANTERN_RULES } from '../../issues';
import type { Cells } from './cells';
import { allocationRole, ethnicityAlias, immigrationStatus, sexCode, UPN_UNKNOWN_CODES } from './codes';
import type { SsdReadState } from './state';

export function readPerson(s: SsdReadState, c: Cells): void {
  const id = c.id('pers_person_id') as string;
  c.child = id;
  const sexText = c.text('pers_sex');
  let sex = sexText === null ? undefined : sexCode(sexText);
  if (sexText === null)
    c.problem('pers_sex', LANTERN_RULES.required, 'pers_sex is blank; F, M or U is needed (U for an unborn child).');
  else if (sex === undefined) c.problem('pers_sex', LANTERN_RULES.code, `pers_sex "${sexText}" is not F, M or U.`);
  const ethnicText = c.text('pers_ethnicity');
  const ethnicity = ethnicText === null ? null : ethnicityAlias(normaliseCode(ethnicText));
  if (ethnicity === null)
    c.problem(
      'pers_ethnicity',
      LANTERN_RULES.required,
      'pers_ethnicity is blank; record NOBT when it has not been obtained.',
    );
  else if (!(ETHNICITY_CODES as readonly string[]).includes(ethnicity)) {
    c.problem(
      'pers_ethnicity',
      LANTERN_RULES.code,
      `pers_ethnicity "${ethnicText}" is not a DfE ethnicity code (${ETHNICITY_CODES.join(', ')}).`,
    );
  }
  const dob = c.date('pers_dob');
  const expected = c.date('pers_expected_dob');
  const died = c.date('pers_death_date');
  const upnUnknown = c.code('pers_upn_unknown', UPN_UNKNOWN_CODES, 'UPN unknown reason');
  sex ??= 'U';
  // A person is recorded even when a value is wrong (the import is rejected anyway), so that the rows pointing at
  // them are not reported as orphans too.
  const local = s.add(
    'children',
    {
      laChildId: id,
      upn: null,
      upnUnknownReason: upnUnknown,
      firstName: null,
      lastName: null,
      dateOfBirth: dob,
      expectedDateOfBirth: expected,
      dateOfDeath: died,
      sex,
      gender: c.text('pers_gender'),
      ethnicity: ethnicity ?? 'NOBT',
      firstLanguage: null,
      religion: null,
      postcodeDistrict: null,
      postcode: null,
    },
    c,
  );
  s.persons.set(id, { local, dob, postcode: null, fullPostcode: null });
}

/** ssd_linked_identifiers: only the UPN has a home in Lantern; other identifiers are passed over. */
export function readLinkedIdentifier(s: SsdReadState, c: Cells): void {
  const person = s.person(c, 'link_person_id', c.id('link_person_id', true));
  const type = c.text('link_identifier_type') ?? '';
  const value = c.text('link_identifier_value');
  if (!person || value === null || !/\bupn\b|unique pupil/i.test(type) || /former/i.test(type)) return;
  const upn = value.toUpperCase();
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(upn)) {
    c.query(
      'link_identifier_value',
      LANTERN_RULES.type,
      `link_identifier_value "${value}" is not a 13-character UPN; it was not loaded.`,
    );
    return;
  }
  const child = s.dataset.rows.children[person.local - 1];
  if (child) child.upn = upn;
}

/** The child's postcode (in full, and its district) comes from their best address: an open one over an ended one, then the latest to start. */
export function readAddress(s: SsdReadState, c: Cells): void {
  const personId = c.id('addr_person_id', true);
  const person = s.person(c, 'addr_person_id', personId);
  const raw = c.text('addr_address_postcode');
  const start = c.date('addr_address_start_date') ?? '';
  const end = c.date('addr_address_end_date');
  if (!person || personId === null || raw === null) return;
  const full = normalisePostcode(raw);
  const district = full === null ? postcodeDistrict(raw) : districtOf(full);
  if (district === null) {
    c.query(
      'addr_address_postcode',
      LANTERN_RULES.type,
      `addr_address_postcode "${raw}" is not a postcode; the address was not used.`,
    );
    return;
  }
  const best = s.addressRank.get(personId);
  const open = end === null;
  if (best && ((best.open && !open) || (best.open === open && best.start > start))) return;
  s.addressRank.set(personId, { open, start });
  person.postcode = district;
  person.fullPostcode = full;
  const child = s.dataset.rows.children[person.local - 1];
  if (child) {
    child.postcodeDistrict = district;
    child.postcode = full;
  }
}

export function readDisability(s: SsdReadState, c: Cells): void {
  const person = s.person(c, 'disa_person_id', c.id('disa_person_id', true));
  const raw = c.text('disa_disability_code');
  // NONE is how the CIN census says "no disability": nothing to record.
  if (raw !== null && normaliseCode(raw) === 'NONE') return;
  const code = c.code('disa_disability_code', DISABILITY_CODES, 'CIN census disability', true);
  if (!person || code === null) return;
  s.add('childDisabilities', { childId: person.local, code, recordedDate: null }, c);
}

export function readImmigrationStatus(s: SsdReadState, c: Cells): void {
  const person = s.person(c, 'immi_person_id', c.id('immi_person_id', true));
  const status = c.text('immi_immigration_status');
  const start = c.date('immi_immigration_status_start_date', true);
  const end = c.date('immi_immigration_status_end_date');
  if (!person || status === null || start === null) return;
  s.add(
    'immigrationStatuses',
    { childId: person.local, status: immigrationStatus(status), startDate: start, endDate: end },
    c,
  );
}

/** ssd_mother: a looked-after mother (moth_person_id) and her child. */
export function readMother(s: SsdReadState, c: Cells): void {
  const mother = s.person(c, 'moth_person_id', c.id('moth_person_id', true));
  const childId = c.id('moth_childs_person_id');
  const dob = c.date('moth_childs_dob');
  if (!mother) return;
  // The baby need not be a child known to children's services: no error when they are not in ssd_person.
  const related = childId === null ? null : (s.persons.get(childId)?.local ?? null);
  s.add(
    'familyLinks',
    { childId: mother.local, relatedChildId: related, relationship: 'child', familyRef: null, relatedDateOfBirth: dob },
    c,
  );
}

/** ssd_family rows are gathered by family ID; siblings are linked when the file is done (finishFamilies). */
export function readFamily(s: SsdReadState, c: Cells): void {
  const person = s.person(c, 'fami_person_id', c.id('fami_person_id', true));
  const family = c.id('fami_family_id', true);
  if (!person || family === null) return;
  const members = s.families.get(family) ?? [];
  if (!members.some((m) => m.local === person.local)) members.push({ local: person.local, cells: c });
  s.families.set(family, members);
}

/** Every two children of one family are siblings of each other (one link each way, as Lantern records them). */
export function finishFamilies(s: SsdReadState): void {
  for (const [family, members] of s.families) {
    for (const a of members) {
      for (const b of members) {
        if (a.local !== b.local)
          s.add(
            'familyLinks',
            {
              childId: a.local,
              relatedChildId: b.local,
              relationship: 'sibling',
              familyRef: family,
              relatedDateOfBirth: null,
            },
            a.cells,
          );
      }
    }
  }
  s.families.clear();
}

export function readDepartment(s: SsdReadState, c: Cells): void {
  const id = c.id('dept_team_id') as string;
  const name = c.text('dept_team_name');
  if (name === null) {
    c.problem('dept_team_name', LANTERN_RULES.required, 'dept_team_name is blank; a team needs a name.');
    return;
  }
  s.departments.set(id, name);
  s.dataset.team(name);
}

export function readProfessional(s: SsdReadState, c: Cells): void {
  const id = c.id('prof_professional_id') as string;
  s.professionals.set(id, {
    name: c.text('prof_professional_name'),
    title: c.text('prof_professional_job_title'),
    team: c.text('prof_professional_department'),
  });
}

/**
 * Professionals no row points at are loaded too (the extract lists them as the authority's workforce); with no
 * dated row, the extract's latest date is the earliest Lantern can say they were working.
 */
export function finishProfessionals(s: SsdReadState): void {
  for (const ref of s.professionals.keys()) s.worker(ref, null);
}

/** ssd_involvements: who was allocated to the child, in which team, from when to when. */
export function readInvolvement(s: SsdReadState, c: Cells): void {
  const personId = c.id('invo_person_id', true);
  const person = s.person(c, 'invo_person_id', personId);
  const start = c.date('invo_involvement_start_date', true);
  const end = c.date('invo_involvement_end_date');
  const workerRef = c.id('invo_professional_id');
  const role = allocationRole(c.text('invo_professional_role_id'));
  const teamText =
    c.text('invo_professional_team') ?? (workerRef ? (s.professionals.get(workerRef)?.team ?? null) : null);
  if (teamText === null)
    c.problem(
      'invo_professional_team',
      LANTERN_RULES.required,
      'invo_professional_team is blank and the professional has no department: an allocation needs a team.',
    );
  if (!person || start === null || teamText === null) return;
  const teamId = s.team(teamText) as number;
  const workerId = s.worker(workerRef, start, teamId);
  // Before the young person's 18th birthday their social worker holds the case: a personal adviser allocated
  // earlier is not the primary worker; an IRO never is.
  const adult = person.dob === null ? null : addMonths(person.dob, 216);
  const primary = role !== 'iro' && !(role === 'personal-adviser' && adult !== null && start < adult);
  s.add(
    'allocations',
    {
      childId: person.local,
      teamId,
      workerId,
      role,
      startDate: start,
      endDate: end,
      endReason: c.text('invo_worker_change_reason'),
      isPrimary: primary,
    },
    c,
  );
}
