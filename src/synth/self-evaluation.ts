/**
 * The demo authority's self-evaluation text (issue 7): for the self-evaluation year `asAt` falls in (financial
 * years: src/features/reports/self-evaluation/areas.ts) and the year before, every service area's summary, strengths
 * and achievements, areas for improvement and focus for the year ahead, in the voice of the seed self-assessment
 * (001) but about a fictional borough: no real child, worker or place is named, and no figure is quoted (the report
 * puts Lantern's own figures beside the text). Last year's text reads as a service part-way through its improvement;
 * this year's as one consolidating it.
 *
 * Last year's text is dated in June of that year; this year's in June (or on `asAt` when that is earlier), and for
 * the front door and children in care a second, later version follows (when it falls on or before `asAt`), so the
 * form shows a history. Authors are fictional heads of service. Deterministic: the same `asAt` gives the same rows.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rows } from '../db/query';
import { selfEvaluationEntries } from '../db/schema/index';
import { selfEvaluationYear } from '../features/reports/self-evaluation/areas';

interface Text {
  summary: string;
  strengths: string;
  areasForImprovement: string;
  focus: string;
}

/** Fictional heads of service, by area. */
export const SELF_EVALUATION_AUTHORS: Record<string, string> = {
  'early-help': 'Rowan Ashdown (Head of Early Help)',
  'front-door': 'Imogen Falkirk-Hale (Head of Service, Front Door)',
  assessment: 'Tobias Wrenfield (Head of Service, Assessment)',
  'intervention-planning': 'Adaeze Morland (Head of Service, Intervention and Planning)',
  'children-in-care': 'Callum Brightwater (Head of Service, Children in Care)',
  'fostering-adoption': 'Harriet Oyelaran (Head of Fostering and Adoption)',
  'care-leavers': 'Niamh Castleford (Head of Service, Care Leavers)',
  'disabled-children': 'Dev Ramaswamy-Ward (Head of Disabled Children’s Service)',
};

const PREVIOUS: Record<string, Text> = {
  'early-help': {
    summary:
      'Our early help offer is moving from separate services for younger children, school-age children and adolescents towards one service organised in locality hubs. The first hub and its multi-agency panel opened this year; partners attend consistently and families tell us they no longer have to repeat their story.\n\nRequests for early help still come mostly through the front door, and too many families are referred on rather than helped by the professional who knows them best.',
    strengths:
      '- The first locality panel brings together partners with the authority to commit their agencies’ resources, so help is mobilised quickly around the family.\n- Family support workers have been trained in direct work with children affected by domestic abuse.\n- The early help recording system now gives managers oversight of every request and its allocation.',
    areasForImprovement:
      'Allocation is not always timely when demand peaks, and we cannot yet show consistently whether early help plans have made a lasting difference. Audits find that the child’s voice is clearer in assessments than in plans.',
    focus:
      '- Open the remaining locality hubs and panels.\n- Agree with schools and health partners how shared space in the hubs is resourced.\n- Build a dashboard for managers that includes the outcome of each plan when it closes.\n- This links to the improvement plan themes ‘systems leadership for children’ and ‘right interventions, right time’.',
  },
  'front-door': {
    summary:
      'The last inspection found that thresholds were not applied consistently at the front door and that some children waited too long for risk to be assessed. Since then the multi-agency safeguarding hub has been restructured, with more management capacity and clear operational protocols agreed with partners.\n\nDecision-making is more consistent, but the volume of contacts has grown and timeliness dips when the hub is busiest.',
    strengths:
      '- Partners understand the continuum of help and support better, and the quality of referrals is improving.\n- Feedback to referrers is now routine.\n- A daily tracker lets team managers see the timeliness of every contact.',
    areasForImprovement:
      'Too many contacts from some partners lead to no further action, which tells us the threshold is not yet shared across the partnership. Audits find management oversight recorded, but not always the rationale for the decision.',
    focus:
      '- Targeted threshold discussions with the agencies whose contacts most often lead to no further action.\n- A service-user feedback process for families who come through the front door.\n- Improvement plan theme: ‘right interventions, right time (thresholds)’.',
  },
  assessment: {
    summary:
      'Improving the quality of assessments was a recommendation of the last inspection: assessments did not always analyse risk well, and too many children were reassessed. Additional social work and management capacity has been added, and an assessment ‘double lock’ checks quality before authorisation.',
    strengths:
      '- Caseloads are manageable, so social workers have time to see children and to use direct-work tools.\n- Police attendance at strategy discussions is now consistent, and health and education attend more often.\n- Newly qualified social workers are progressing into permanent posts.',
    areasForImprovement:
      'Assessments are more timely but their quality is still variable: not all explore parental capacity or analyse family history. Pre-birth assessment and planning need to be smarter.',
    focus:
      '- Achieve consistently good assessments across every audited domain of practice.\n- Embed the joint protocol with health for unborn children.\n- Improvement plan theme: ‘strengthening assessment for children’.',
  },
  'intervention-planning': {
    summary:
      'We knew after the inspection that planning for children was not focused on outcomes and did not respond when children’s circumstances changed. Team managers have been at the centre of the improvement work, with an emphasis on supervision and management oversight that drives plans forward.\n\nWith thresholds better understood, more children are now subject to child protection plans.',
    strengths:
      '- Multi-agency audits show stronger planning for children on child protection plans.\n- A child in need panel reviews every plan open six months or more, so drift is challenged.\n- A dedicated post tracks pre-proceedings and care proceedings.',
    areasForImprovement:
      'Planning for children in need remains weaker than for children on protection plans. Supervision is not always recorded on the child’s file, and plans do not always say what must change, by whom and by when.',
    focus:
      '- Reflective supervision that is recorded and drives the plan.\n- Continued scrutiny of child in need plans through the panel.\n- Front-load assessments for children entering proceedings.\n- Improvement plan theme: ‘strengthening planning for children’.',
  },
  'children-in-care': {
    summary:
      'Services for children in care were judged inadequate at the last inspection. Leadership was revised and three smaller children in care teams were created, with performance management strengthened so that practice improves at pace. Audits show a clear shift away from inadequate practice, though most children’s plans still require improvement to be good.',
    strengths:
      '- The corporate parenting panel now hears directly from children and young people; the chair of the children in care council co-chairs it.\n- Visits to children are more purposeful and timely.\n- A permanency tracking meeting keeps plans for permanence on time.',
    areasForImprovement:
      'Care plans and reports for reviews are not consistently timely or of good enough quality, nor written with children often enough. The independent reviewing officers’ challenge is not yet consistently effective.',
    focus:
      '- Children’s voices at the centre of every plan and review.\n- Group supervision with clinicians for children whose placements are fragile.\n- Improvement plan themes: ‘enhancing practice leadership for children’ and ‘strengthening planning for children’.',
  },
  'fostering-adoption': {
    summary:
      'Recruitment of the borough’s own foster carers had been neglected. Moving special guardianship assessments to the frontline teams has given the recruitment and assessment team the time to focus on fostering, and approvals have risen since the autumn.\n\nAdoption was judged to require improvement; children with placement orders are matched without delay, but the time from entering care to moving in with adopters is still too long.',
    strengths:
      '- More children live with in-house foster carers close to home.\n- More long-term fostering arrangements have been matched as permanent.\n- The regional adoption partnership widens the choice of adopters.',
    areasForImprovement:
      'We do not have enough foster carers for adolescents with complex needs or for sibling groups. Connected carers are not always assessed within regulatory timescales.',
    focus:
      '- A recruitment campaign for carers of adolescents.\n- Permanence planning at the earliest opportunity for children at risk of entering care.\n- Embed the arrangements for assessing connected carers.',
  },
  'care-leavers': {
    summary:
      'The leaving care service now supports young people up to 25. Personal advisers have taken lead roles (mental health, unaccompanied young people, money matters), and young people can drop in to the service’s centre for advice on health, benefits and careers.',
    strengths:
      '- A mental health offer for care leavers who do not meet the threshold for adult services.\n- Life story work with care leavers is helping their emotional wellbeing.\n- A protocol with housing ensures homeless 16- and 17-year-olds are assessed and supported.',
    areasForImprovement:
      'Too few pathway plans are written with the young person or begin early enough, and too many young people aged 19 to 21 are not in education, employment or training.',
    focus:
      '- Co-produce the local offer with care leavers.\n- A pathway plan agreed with every young person before their review in their 16th year.\n- Fewer semi-independent placements, through staying put and supported lodgings.',
  },
  'disabled-children': {
    summary:
      'Strengthening leadership in the disabled children’s service has been a priority: there had been a culture of focusing on support rather than safeguarding. Every allocated case has been reviewed by the head of service and placed on a support or safeguarding pathway, so that each child is on the right plan.',
    strengths:
      '- Managers give clear direction on safeguarding and staff feel supported.\n- Regular individual and group supervision, with reflective practice sessions.\n- Better partnership working with adult services, special educational needs and health.',
    areasForImprovement:
      'The quality of assessments has been poor, and the service relies on agency staff. Transition planning for young people moving to adult services starts too late.',
    focus:
      '- Finalise the right plan or package for every child and young person.\n- Permanent recruitment to established posts.\n- Co-production of services with parents.',
  },
};

const CURRENT: Record<string, Text> = {
  'early-help': {
    summary:
      'Early help is now one service for children and young people from birth to 19, working from locality hubs with multi-agency panels in each. Partners continue to attend the panels, and families are helped by a team around the family with a named lead practitioner rather than referred on.\n\nThis year we have concentrated on the timeliness of allocation and on knowing whether the help made a difference.',
    strengths:
      '- Every locality now has a hub and a weekly panel, and schools can refer to the panel directly.\n- Co-located mental health practitioners work with schools and early help workers.\n- Managers review every request that has not been allocated within ten working days.',
    areasForImprovement:
      'We still cannot report the outcome of every early help plan at closure, and step-down from children’s social care is not always planned with the family before the case closes.',
    focus:
      '- Record the outcome of every plan at closure and report it to the partnership.\n- Joint step-down planning with social work teams.\n- Preventative programmes with schools on exploitation and violence.\n- Improvement plan theme: ‘right interventions, right time’.',
  },
  'front-door': {
    summary:
      'Improvements at the front door have been consolidated. Staff are confident in their roles, decision-making is consistent and timely, and partners challenge and are challenged well. The multi-agency steering group reviews contact and referral trends and holds threshold discussions with the agencies that need them.',
    strengths:
      '- Decisions on contacts are made within one working day in almost every case.\n- Links with the early help panels, domestic abuse services and the risk management forums mean information flows both ways.\n- Audits show curiosity and clear recording of the rationale for decisions.',
    areasForImprovement:
      'Contacts leading to no further action remain high from some referrers, and re-referrals within a year need closer analysis to understand which children come back and why.',
    focus:
      '- An analysis of re-referrals, with the learning shared across the partnership.\n- A renewed interface with the locality hubs.\n- Service-user feedback reported each quarter.',
  },
  assessment: {
    summary:
      'The quality of assessments has improved steadily: audits now find most assessments analyse risk and need well and draw on family history, and children’s views are heard in them. Manageable caseloads and a stable group of team managers have made this possible.',
    strengths:
      '- Assessments are authorised on time for most children.\n- Strategy discussions are timely, with police, health and education present.\n- Practice development workers support teams with direct-work and genogram tools.\n- The joint protocol for unborn children has made pre-birth planning earlier and clearer.',
    areasForImprovement:
      'The consistency of assessment quality varies between teams, and supervision records do not always show the analysis behind decisions.',
    focus:
      '- Good assessments in every team, checked through audit and moderation.\n- Supervision records that show the risk analysis.\n- Recruitment and retention of permanent social workers.',
  },
  'intervention-planning': {
    summary:
      'Planning for children is more child-centred and outcome-focused than a year ago. The child in need panel and the pre-proceedings tracking have reduced drift, and more children on protection plans see their plans end within a timescale that is right for them.',
    strengths:
      '- Child protection plans are reviewed on time, and children are seen regularly and alone where appropriate.\n- Fewer children become subject to a second protection plan.\n- Decisions to enter and exit pre-proceedings are timelier and better recorded.',
    areasForImprovement:
      'Plans for children in need still vary in quality, and some pre-proceedings work runs past sixteen weeks without a clear decision.',
    focus:
      '- Sharper child in need plans, with the panel’s findings fed back to teams.\n- A decision point at sixteen weeks for every family in pre-proceedings.\n- Improvement plan theme: ‘strengthening planning for children’.',
  },
  'children-in-care': {
    summary:
      'Practice for children in care has continued to strengthen: audits find more good practice and children’s lived experiences are understood and recorded. Placement stability for children in long-term care has improved, and health assessments are more timely.\n\nThe voice of children in care is heard by members through the corporate parenting panel, and young people now chair their own reviews when they wish to.',
    strengths:
      '- Stable, long-term placements for more children who have been in care for over two years.\n- Initial health assessments within timescale for most children.\n- Return home interviews offered promptly after a child has been missing.',
    areasForImprovement:
      'Care plans are not yet consistently written with children, and the reviewing officers’ footprint on plans is not always visible between reviews.',
    focus:
      '- Plans and reports for reviews co-produced with children.\n- Earlier planning for the move to leaving care.\n- Improvement plan themes: ‘enhancing practice leadership for children’ and ‘strengthening planning for children’.',
  },
  'fostering-adoption': {
    summary:
      'Our own foster carers now care for more of our children, and carers who have joined us from independent agencies tell us they value the support on offer. The regional adoption agency has widened the range of adopters, and children with a plan for adoption are found families without delay once a placement order is made.',
    strengths:
      '- Recruitment of carers for adolescents has begun to close the gap.\n- Connected carers are assessed within timescale more often.\n- Life story work is completed for children in long-term fostering and under special guardianship as well as for adopted children.',
    areasForImprovement:
      'We still need more carers for sibling groups and for parent-and-child arrangements, and the time from a child entering care to moving in with adopters needs further work.',
    focus:
      '- Update the placement sufficiency strategy with carers’ and young people’s views.\n- Early permanence: fostering for adoption considered for every child with a likely plan for adoption.\n- Supported lodgings for young people over 16.',
  },
  'care-leavers': {
    summary:
      'Care leavers have a local offer they helped to write, and personal advisers stay in touch with almost all of them. Pathway plans are reviewed on time for most young people and are more often written with them.',
    strengths:
      '- The local offer, co-produced with care leavers, sets out their entitlements plainly.\n- Exemption from council tax for care leavers living independently.\n- More young people stay put with their foster carers after 18.',
    areasForImprovement:
      'Too many young people aged 19 to 21 are still not in education, employment or training, and not all are linked to a personal adviser well before their 18th birthday.',
    focus:
      '- A personal adviser for every young person by seventeen and a half.\n- Work with employers and colleges on apprenticeships and traineeships.\n- An updated housing protocol with early applications for housing.',
  },
  'disabled-children': {
    summary:
      'The disabled children’s service is more settled, with permanent managers and clearer pathways for support and safeguarding. Safeguarding is understood across the service, so disabled children are better protected. The quality of assessments is improving but is not yet consistently good.',
    strengths:
      '- Every child is on the pathway that fits their needs, and families reach support more quickly.\n- Multi-disciplinary group supervision with health and education colleagues.\n- Transition planning starts earlier, through a relaunched multi-agency forum.',
    areasForImprovement:
      'Lantern does not yet hold the service’s own measures (for example short breaks and the timeliness of reviews), so our evidence relies on audits. Assessment quality still varies.',
    focus:
      '- Agree the service’s indicators and report them alongside the audits.\n- Consistently good assessments, supported by practice development work.\n- Co-production of short breaks with parents.',
  },
};

/** A later revision of this year's text for a few areas, so the form shows a history. */
const REVISED: Record<string, Partial<Text>> = {
  'front-door': {
    focus:
      '- An analysis of re-referrals, with the learning shared across the partnership.\n- A renewed interface with the locality hubs.\n- Service-user feedback reported each quarter.\n- Monitor demand in the winter months and move capacity early when contacts rise.',
  },
  'children-in-care': {
    areasForImprovement:
      'Care plans are not yet consistently written with children, and the reviewing officers’ footprint on plans is not always visible between reviews. Children placed a long way from home are visited on time, but their links with school and friends need more attention.',
  },
};

const AREA_KEYS = Object.keys(CURRENT);

function atNoon(day: string, minutes: number): Date {
  return new Date(Date.parse(`${day}T12:00:00Z`) + minutes * 60_000);
}

/** The day `days` after an ISO day. */
function plusDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Writes the demo's self-evaluation text for the year `asAt` falls in and the year before. Does nothing when the
 * authority already has self-evaluation text (so it runs once). Returns the rows written.
 */
export async function writeDemoSelfEvaluation(db: Db, authorityId: number, asAt: string): Promise<number> {
  const [existing] = await rows<{ n: number | string }>(
    db,
    sql`select count(*) as n from self_evaluation_entries where authority_id = ${authorityId}`,
  );
  if (Number(existing?.n ?? 0) > 0) return 0;
  const year = selfEvaluationYear(asAt);
  const values: Array<typeof selfEvaluationEntries.$inferInsert> = [];
  AREA_KEYS.forEach((area, i) => {
    const authorName = SELF_EVALUATION_AUTHORS[area] ?? 'Head of Service';
    const previous = PREVIOUS[area] as Text;
    const current = CURRENT[area] as Text;
    values.push({
      authorityId,
      year: year - 1,
      area,
      ...previous,
      authorName,
      createdAt: atNoon(`${year - 1}-06-${String(2 + i).padStart(2, '0')}`, i),
    });
    const june = `${year}-06-${String(2 + i).padStart(2, '0')}`;
    const writtenOn = june <= asAt ? june : asAt;
    values.push({ authorityId, year, area, ...current, authorName, createdAt: atNoon(writtenOn, i) });
    const revised = REVISED[area];
    const revisedOn = plusDays(writtenOn, 42);
    if (revised && revisedOn <= asAt)
      values.push({ authorityId, year, area, ...current, ...revised, authorName, createdAt: atNoon(revisedOn, i) });
  });
  await db.insert(selfEvaluationEntries).values(values);
  return values.length;
}
