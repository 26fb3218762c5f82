/**
 * One UPN, one child. Source: lac_validator/rules/lac2025_26/rule_444.py (new in 2025/26): a UPN other than the
 * "not known" codes UN1–UN5 is on one Header row only; every row sharing one is hit. UPNs are compared as written.
 */
import { UPN_UNKNOWN_CODES } from '../codes';
import { at, rule903 } from './context';

export const rule444 = rule903({
  code: '444',
  severity: 'error',
  message: 'The same UPN is given for more than one child.',
  years: { from: 2026 },
  source: 'lac_validator/rules/lac2025_26/rule_444.py: a UPN not UN1–UN5 on more than one Header row',
  check(ctx, hit) {
    const unknown: readonly string[] = UPN_UNKNOWN_CODES;
    const count = new Map<string, number>();
    for (const h of ctx.ret.Header)
      if (h.UPN !== null && !unknown.includes(h.UPN)) count.set(h.UPN, (count.get(h.UPN) ?? 0) + 1);
    for (const h of ctx.ret.Header) if (h.UPN !== null && (count.get(h.UPN) ?? 0) > 1) hit(at(h, 'UPN'));
  },
});

export const upnRules = [rule444];
