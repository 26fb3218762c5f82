/**
 * Front door indicators: contacts, decisions, referrals, re-referrals and early help.
 */
import { sql } from 'drizzle-orm';
import { PERIOD_RATE_NOTE, PER_10K_RULE, defineIndicator } from '../definition';
import { calendarRow, flag, inPeriod, inWorkingDays } from '../sql';

export const frontDoor = [
  defineIndicator({
    id: 'contacts-per-10k',
    title: 'Contacts per 10,000 children',
    area: 'front-door',
    definition: {
      numerator: 'Contacts received in the period (every contact counts, including several for one child).',
      period: `Contacts dated in the period. ${PERIOD_RATE_NOTE}`,
      rules: PER_10K_RULE,
    },
    basis: 'Local measure of demand at the front door; no DfE equivalent (DfE collects referrals, not contacts).',
    polarity: 'neutral',
    unit: 'rate-per-10k',
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, c.child_id as subject_id, 1 as numerator, 0 as denominator, 'Contact ' || c.contact_date as detail
      from ${inPeriod('contacts', 'c', 'contact_date', authorityId)}`,
  }),
  defineIndicator({
    id: 'contacts-decision-1-working-day',
    title: 'Contacts with a decision within 1 working day',
    area: 'front-door',
    definition: {
      numerator:
        'Contacts in the period whose front-door (MASH) decision is dated no more than 1 working day after the contact.',
      denominator: 'Contacts received in the period.',
      period: 'Contacts dated in the period; the decision may fall after the period.',
      rules:
        'Working days exclude weekends and England and Wales bank holidays; the contact day is day 0, so a contact on a Friday decided on the Monday is in time and one decided on the Tuesday is not. ' +
        'A contact with no decision date, or a decision dated before the contact, counts as not in time.',
    },
    basis:
      'Working Together to Safeguard Children 2023, chapter 3 (Providing help, support and protection): a decision on the type of response within one working day of a referral. Local measure: DfE publishes no equivalent.',
    polarity: 'higher',
    unit: 'percent',
    target: 95,
    green: 95,
    amber: 85,
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, c.child_id as subject_id,
        ${inWorkingDays('c.contact_date', 'wc', 'c.decision_date', 'wd', 1)} as numerator,
        1 as denominator,
        'Contact ' || c.contact_date || coalesce(', decided ' || c.decision_date, ', no decision') as detail
      from ${inPeriod('contacts', 'c', 'contact_date', authorityId)}
      ${calendarRow('wc', 'c.contact_date')} ${calendarRow('wd', 'c.decision_date')}`,
  }),
  defineIndicator({
    id: 'referrals-per-10k',
    title: 'Referrals per 10,000 children',
    area: 'front-door',
    definition: {
      numerator:
        'Referrals in the period: CIN episodes whose referral date is in the period, including referrals that led to no further action and several referrals of one child.',
      period: `Referral dates in the period. ${PERIOD_RATE_NOTE}`,
      rules: PER_10K_RULE,
    },
    basis:
      'DfE Characteristics of children in need, table C1 (referrals and rate per 10,000 children): a referral is a CIN census episode counted by its CINreferralDate.',
    polarity: 'neutral',
    unit: 'rate-per-10k',
    benchmark: 'referrals-rate-per-10k',
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, r.child_id as subject_id, 1 as numerator, 0 as denominator, 'Referral ' || r.referral_date as detail
      from ${inPeriod('cin_episodes', 'r', 'referral_date', authorityId)}`,
  }),
  defineIndicator({
    id: 'referrals-nfa',
    title: 'Referrals with no further action',
    area: 'front-door',
    definition: {
      numerator: 'Referrals in the period marked no further action (CIN census ReferralNFA).',
      denominator: 'Referrals in the period (CIN episodes by referral date).',
      period: 'Referral dates in the period.',
    },
    basis:
      'DfE Characteristics of children in need, table C1 (referrals resulting in no further action, % of referrals); CIN census ReferralNFA.',
    polarity: 'neutral',
    unit: 'percent',
    benchmark: 'referrals-nfa-percent',
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, r.child_id as subject_id, ${flag('r.referral_nfa')} as numerator, 1 as denominator,
        'Referral ' || r.referral_date || (case when r.referral_nfa then ' (NFA)' else '' end) as detail
      from ${inPeriod('cin_episodes', 'r', 'referral_date', authorityId)}`,
  }),
  defineIndicator({
    id: 'early-help-requests',
    title: 'Early help requests',
    area: 'front-door',
    definition: {
      numerator:
        'Requests for early help received in the period (early help episodes by request date; several for one child all count).',
      period: 'Request dates in the period.',
    },
    basis:
      'Local measure of early help demand (early help as in Working Together to Safeguard Children); no DfE equivalent.',
    polarity: 'neutral',
    unit: 'count',
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, e.child_id as subject_id, 1 as numerator, 0 as denominator, 'Request ' || e.request_date as detail
      from ${inPeriod('early_help_episodes', 'e', 'request_date', authorityId)}`,
  }),
  defineIndicator({
    id: 'early-help-allocated-10-working-days',
    title: 'Early help requests allocated within 10 working days',
    area: 'front-door',
    definition: {
      numerator: 'Requests in the period allocated to a worker no more than 10 working days after the request.',
      denominator: 'Early help requests received in the period.',
      period: 'Request dates in the period; the allocation may fall after the period.',
      rules:
        'The request day is day 0: a request allocated on the 10th working day after it is in time, on the 11th it is not. ' +
        'A request not allocated (no allocation date), or with an allocation dated before the request, counts as not in time.',
    },
    basis:
      "Local timescale (Lantern's default; no statutory one): early help allocation within 10 working days. No DfE equivalent.",
    polarity: 'higher',
    unit: 'percent',
    target: 90,
    green: 90,
    amber: 80,
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, e.child_id as subject_id,
        ${inWorkingDays('e.request_date', 'wr', 'e.allocation_date', 'wa', 10)} as numerator,
        1 as denominator,
        'Request ' || e.request_date || coalesce(', allocated ' || e.allocation_date, ', not allocated') as detail
      from ${inPeriod('early_help_episodes', 'e', 'request_date', authorityId)}
      ${calendarRow('wr', 'e.request_date')} ${calendarRow('wa', 'e.allocation_date')}`,
  }),
  defineIndicator({
    id: 'rereferrals-12-months',
    title: 'Re-referrals within 12 months',
    area: 'front-door',
    definition: {
      numerator: 'Referrals in the period made within 12 months of a previous referral of the same child.',
      denominator: 'Referrals in the period (including those that led to no further action).',
      period: 'Referrals dated in the period; the previous referral may be before the period.',
      rules:
        'A previous referral counts when its date is before the referral’s and on or after the same date 12 months earlier.',
    },
    basis:
      'DfE Characteristics of children in need, table C1 (re-referrals within 12 months of a previous referral), CIN census referral dates.',
    polarity: 'lower',
    unit: 'percent',
    target: 20,
    green: 20,
    amber: 23,
    benchmark: 'rereferrals-percent',
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, r.child_id as subject_id,
        case when exists (
          select 1 from cin_episodes prev
          where prev.child_id = r.child_id and prev.authority_id = r.authority_id and prev.id <> r.id
            and prev.referral_date < r.referral_date and prev.referral_date >= (r.referral_date - interval '12 months')::date
        ) then 1 else 0 end as numerator,
        1 as denominator,
        'Referral ' || r.referral_date as detail
      from ${inPeriod('cin_episodes', 'r', 'referral_date', authorityId)}`,
  }),
];
