/**
 * Placement provider against placement type: which providers cannot run which placements.
 * Sources: lac_validator/rules/lac2022_23/rule_527.py–rule_531.py (unchanged in the later year folders up to
 * lac2026_27). Rule 550 (PR0 only with P1) is in placement.ts. Each rule looks at one episode row; a blank
 * PLACE or PLACE_PROVIDER never matches.
 */
import { at, rule903, type Rule903 } from './context';

function providerCannot(code: string, provider: string, places: readonly string[], message: string): Rule903 {
  return rule903({
    code,
    severity: 'error',
    message,
    years: { from: 2023 },
    source: `lac_validator/rules/lac2022_23/rule_${code}.py: PLACE_PROVIDER ${provider} with PLACE ${places.join(', ')}`,
    check(ctx, hit) {
      for (const e of ctx.ret.Episodes) {
        if (e.PLACE_PROVIDER === provider && e.PLACE !== null && places.includes(e.PLACE)) hit(at(e, 'PLACE_PROVIDER'));
      }
    },
  });
}

export const rule527 = providerCannot(
  '527',
  'PR1',
  ['P1', 'R2', 'R5'],
  'A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.',
);
export const rule528 = providerCannot(
  '528',
  'PR2',
  ['P1', 'R2', 'R5'],
  'A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.',
);
export const rule529 = providerCannot(
  '529',
  'PR3',
  ['A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'P1', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6'],
  'Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to U6 as these placements cannot be provided by other public organisations.',
);
export const rule530 = providerCannot(
  '530',
  'PR4',
  ['P1'],
  'A placement provider code of PR4 cannot be associated with placement P1.',
);
export const rule531 = providerCannot(
  '531',
  'PR5',
  ['P1'],
  'A placement provider code of PR5 cannot be associated with placement P1.',
);

export const providerRules = [rule527, rule528, rule529, rule530, rule531];
