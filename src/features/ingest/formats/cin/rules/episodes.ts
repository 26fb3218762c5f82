/** Rules across a child's CIN episodes: one open episode, the latest, and no overlaps. */
import { defineRule } from '../../../rules';
import type { CinEpisode } from '../model';
import { at, type ChildRuleContext } from './context';

const openFurtherAction = (ep: CinEpisode) => ep.closureDate === null && ep.referralNfa === false;

/** cin_validator/rules/cin2022_23/rule_8815.py: at most one open episode that is not a referral with NFA. */
export const rule8815 = defineRule<ChildRuleContext>({
  code: '8815',
  severity: 'error',
  message:
    'More than one open CIN episode (with no CIN closure date) is given for this child and the case is not a referral with no further action',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8815.py',
  check(ctx, hit) {
    const open = ctx.child.episodes.filter(openFurtherAction);
    if (open.length > 1) for (const ep of open) hit(at(ctx, ep, 'CINclosureDate'));
  },
});

/** cin_validator/rules/cin2022_23/rule_8816.py: an open episode (not NFA) must be the latest referral. */
export const rule8816 = defineRule<ChildRuleContext>({
  code: '8816',
  severity: 'error',
  message:
    'An open CIN episode is shown and the case is not a referral with no further action, but it is not the latest episode',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8816.py',
  check(ctx, hit) {
    const dates = ctx.child.episodes.map((e) => e.referralDate).filter((d): d is string => d !== null);
    if (dates.length === 0) return;
    const latest = dates.reduce((a, b) => (b > a ? b : a));
    for (const ep of ctx.child.episodes) {
      if (openFurtherAction(ep) && ep.referralDate !== null && ep.referralDate !== latest)
        hit(at(ctx, ep, 'CINreferralDate', ep.referralDate));
    }
  },
});

/**
 * cin_validator/rules/cin2022_23/rule_8820.py: a child's episodes must not overlap. An episode that closed
 * overlaps a later one referred before that closure date (a referral on the closure day does not overlap). Open
 * episodes are 8815's and 8816's business.
 */
export const rule8820 = defineRule<ChildRuleContext>({
  code: '8820',
  severity: 'error',
  message: 'The dates of the CIN episodes for this child overlap',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8820.py',
  check(ctx, hit) {
    const eps = ctx.child.episodes
      .filter((e) => e.referralDate !== null)
      .sort((a, b) => (a.referralDate as string).localeCompare(b.referralDate as string));
    for (let i = 0; i < eps.length; i++) {
      const a = eps[i] as CinEpisode;
      if (a.closureDate === null) continue;
      for (let j = i + 1; j < eps.length; j++) {
        const b = eps[j] as CinEpisode;
        if ((b.referralDate as string) < a.closureDate) {
          hit(
            at(
              ctx,
              b,
              'CINreferralDate',
              `referral ${b.referralDate} is before the closure ${a.closureDate} of the episode referred ${a.referralDate}`,
            ),
          );
        }
      }
    }
  },
});

export const EPISODE_RULES = [rule8815, rule8816, rule8820];
