/**
 * Front door indicators (product.md §5): contacts, decisions, referrals, re-referrals and early help.
 */
import { sql } from 'drizzle-orm';
import { defineIndicator } from '../definition';

export const frontDoor = [
  defineIndicator({
    id: 'contacts-per-10k',
    title: 'Contacts per 10,000 children',
    area: 'front-door',
    definition: {
      numerator: 'Contacts received in the period (every contact counts, including several for one child).',
      period: 'Contacts dated in the period. The rate is for the period itself: a month’s rate is about a twelfth of a year’s.',
      rules: 'Divided by the child population aged 0–17 (ONS mid-year estimate) and multiplied by 10,000.',
    },
    basis: 'Local measure of demand at the front door; no DfE equivalent (DfE collects referrals, not contacts).',
    polarity: 'neutral',
    unit: 'rate-per-10k',
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, c.child_id as subject_id, 1 as numerator, 0 as denominator, 'Contact ' || c.contact_date as detail
      from periods p join contacts c on c.authority_id = ${authorityId} and c.contact_date between p.period_start and p.period_end`,
  }),
  defineIndicator({
    id: 'rereferrals-12-months',
    title: 'Re-referrals within 12 months',
    area: 'front-door',
    definition: {
      numerator: 'Referrals in the period made within 12 months of a previous referral of the same child.',
      denominator: 'Referrals in the period (including those that led to no further action).',
      period: 'Referrals dated in the period; the previous referral may be before the period.',
      rules: 'A previous referral counts when its date is before the referral’s and on or after the same date 12 months earlier.',
    },
    basis: 'DfE Characteristics of children in need, table C1 (re-referrals within 12 months of a previous referral), CIN census referral dates.',
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
      from periods p join cin_episodes r on r.authority_id = ${authorityId} and r.referral_date between p.period_start and p.period_end`,
  }),
];
