/** ChildIdentifiers rules: the child's ID, UPN, sex and dates of birth. */
import { defineRule } from '../../../rules';
import { FIRST_CHILD_ID_FORMAT_YEAR, FIRST_SEX_YEAR, SEX_CODES } from '../code-lists';
import { upnCheckLetter, UPN_CHECK_LETTERS } from '../upn';
import { at, type ChildRuleContext } from './context';

/** cin_validator/rules/cin2022_23/rule_8500.py */
export const rule8500 = defineRule<ChildRuleContext>({
  code: '8500',
  severity: 'error',
  message: 'LAchildID is missing',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8500.py',
  check(ctx, hit) {
    if (ctx.child.laChildId === null) hit(at(ctx, ctx.child, 'LAchildID'));
  },
});

/** cin_validator/rules/cin2024_25/rule_1570.py (new in 2024/25). */
export const rule1570 = defineRule<ChildRuleContext>({
  code: '1570',
  severity: 'error',
  message: 'LAchildID must be at most 20 characters long',
  years: { from: FIRST_CHILD_ID_FORMAT_YEAR },
  source: 'cin_validator/rules/cin2024_25/rule_1570.py',
  check(ctx, hit) {
    const id = ctx.child.laChildId;
    if (id !== null && id.length > 20) hit(at(ctx, ctx.child, 'LAchildID', `${id.length} characters`));
  },
});

/** cin_validator/rules/cin2024_25/rule_1580.py (new in 2024/25). */
export const rule1580 = defineRule<ChildRuleContext>({
  code: '1580',
  severity: 'error',
  message: 'LAchildID must contain only letters and digits',
  years: { from: FIRST_CHILD_ID_FORMAT_YEAR },
  source: 'cin_validator/rules/cin2024_25/rule_1580.py',
  check(ctx, hit) {
    const id = ctx.child.laChildId;
    if (id !== null && !/^[A-Za-z0-9]+$/.test(id)) hit(at(ctx, ctx.child, 'LAchildID'));
  },
});

/** A UPN's shape, so that 1510–1550 each speak only to their own character positions. */
function upnOf(ctx: ChildRuleContext): string | null {
  const u = ctx.child.upn;
  return u !== null && u.length === 13 ? u : null;
}

/** cin_validator/rules/cin2022_23/rule_1520.py: a UPN has 13 characters. */
export const rule1520 = defineRule<ChildRuleContext>({
  code: '1520',
  severity: 'error',
  message: 'UPN invalid (not 13 characters long)',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_1520.py',
  check(ctx, hit) {
    const u = ctx.child.upn;
    if (u !== null && u.length !== 13) hit(at(ctx, ctx.child, 'UPN', `${u.length} characters`));
  },
});

/**
 * cin_validator/rules/cin2022_23/rule_1510.py: the check letter (character 1) must match characters 2–13, each
 * weighted by its position (2–13), summed, modulo 23, as a letter of ABCDEFGHJKLMNPQRTUVWXYZ. A letter in
 * position 13 (a temporary UPN) counts as its place in that alphabet (A = 0 …).
 */
export const rule1510 = defineRule<ChildRuleContext>({
  code: '1510',
  severity: 'error',
  message: 'UPN invalid (wrong check letter at character 1)',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_1510.py',
  check(ctx, hit) {
    const u = upnOf(ctx);
    if (u === null || !/^\d{11}[0-9A-Z]$/.test(u.slice(1).toUpperCase())) return;
    const expected = upnCheckLetter(u.slice(1).toUpperCase());
    if (expected !== null && u[0]?.toUpperCase() !== expected) hit(at(ctx, ctx.child, 'UPN'));
  },
});

/**
 * cin_validator/rules/cin2022_23/rule_1530.py: characters 2–4 must be a recognised LA code. Lantern has no copy of
 * the DfE list of LA codes; it accepts the range English LA numbers fall in (201–938).
 */
export const rule1530 = defineRule<ChildRuleContext>({
  code: '1530',
  severity: 'error',
  message: 'UPN invalid (characters 2-4 not a recognised LA code)',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_1530.py',
  check(ctx, hit) {
    const u = upnOf(ctx);
    if (u === null) return;
    const la = u.slice(1, 4);
    if (!/^\d{3}$/.test(la) || Number(la) < 201 || Number(la) > 938) hit(at(ctx, ctx.child, 'UPN', `LA code ${la}`));
  },
});

/** cin_validator/rules/cin2022_23/rule_1540.py */
export const rule1540 = defineRule<ChildRuleContext>({
  code: '1540',
  severity: 'error',
  message: 'UPN invalid (characters 5-12 not all numeric)',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_1540.py',
  check(ctx, hit) {
    const u = upnOf(ctx);
    if (u !== null && !/^\d{8}$/.test(u.slice(4, 12))) hit(at(ctx, ctx.child, 'UPN'));
  },
});

/** cin_validator/rules/cin2022_23/rule_1550.py: character 13 is a digit or a check-alphabet letter. */
export const rule1550 = defineRule<ChildRuleContext>({
  code: '1550',
  severity: 'error',
  message: 'UPN invalid (character 13 not a recognised value)',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_1550.py',
  check(ctx, hit) {
    const u = upnOf(ctx);
    if (u === null) return;
    const c = (u[12] as string).toUpperCase();
    if (!/\d/.test(c) && !UPN_CHECK_LETTERS.includes(c)) hit(at(ctx, ctx.child, 'UPN'));
  },
});

/** cin_validator/rules/cin2024_25/rule_4180.py: Sex (2024/25 on) is M, F or U. */
export const rule4180 = defineRule<ChildRuleContext>({
  code: '4180',
  severity: 'error',
  message: 'Sex is missing or is not M, F or U',
  years: { from: FIRST_SEX_YEAR },
  source: 'cin_validator/rules/cin2024_25/rule_4180.py',
  check(ctx, hit) {
    const code = ctx.child.sexCode;
    if (ctx.child.sexElement === 'GenderCurrent') return; // GenderCurrent in a Sex year is already an error (LNT-CODE)
    if (code === null || !(SEX_CODES as readonly string[]).includes(code.toUpperCase())) {
      hit(at(ctx, ctx.child, 'Sex', code === null ? 'missing' : `"${code}"`));
    }
  },
});

/**
 * cin_validator/rules/cin2022_23/rule_8750.py (GenderCurrent 0) and cin2024_25/rule_8750.py (Sex U): an unborn
 * child — an expected date of birth and no date of birth — must have sex not recorded.
 */
export const rule8750 = defineRule<ChildRuleContext>({
  code: '8750',
  severity: 'error',
  message: 'An unborn child must have Sex U (GenderCurrent 0 before 2024/25)',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8750.py; cin2024_25/rule_8750.py',
  check(ctx, hit) {
    const c = ctx.child;
    if (c.birthDate !== null || c.expectedBirthDate === null || c.sexCode === null) return;
    const column = ctx.year >= FIRST_SEX_YEAR ? 'Sex' : 'GenderCurrent';
    const ok = ctx.year >= FIRST_SEX_YEAR ? c.sexCode.toUpperCase() === 'U' : c.sexCode === '0';
    if (!ok) hit(at(ctx, c, column, `"${c.sexCode}"`));
  },
});

/** cin_validator/rules/cin2022_23/rule_8525Q.py: one of PersonBirthDate and ExpectedPersonBirthDate, not both. */
export const rule8525Q = defineRule<ChildRuleContext>({
  code: '8525Q',
  severity: 'query',
  message: 'Please check: either the date of birth or the expected date of birth should be given, but not both',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8525Q.py',
  check(ctx, hit) {
    const c = ctx.child;
    // Given = present in the file, even if it could not be read as a date (that is reported on its own).
    const birth = c.birthDate !== null || c.lines.PersonBirthDate !== undefined;
    const expected = c.expectedBirthDate !== null || c.lines.ExpectedPersonBirthDate !== undefined;
    if (birth === expected)
      hit(at(ctx, c, birth ? 'ExpectedPersonBirthDate' : 'PersonBirthDate', birth ? 'both given' : 'neither given'));
  },
});

/**
 * cin_validator/rules/cin2022_23/rule_1560Q.py: a FormerUPN, when given, is 13 characters, a letter then 12 digits.
 * (A temporary UPN ends in a letter; the validator's check, followed here, still asks for 12 digits, as a query.)
 */
export const rule1560Q = defineRule<ChildRuleContext>({
  code: '1560Q',
  severity: 'query',
  message: 'Please check: the former UPN is not a letter followed by 12 digits',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_1560Q.py',
  check(ctx, hit) {
    const f = ctx.child.formerUpn;
    if (f !== null && !/^[A-Za-z]\d{12}$/.test(f)) hit(at(ctx, ctx.child, 'FormerUPN'));
  },
});

/** cin_validator/rules/cin2022_23/rule_8520.py: the date of birth is not after the ReferenceDate. */
export const rule8520 = defineRule<ChildRuleContext>({
  code: '8520',
  severity: 'error',
  message: 'The date of birth is after the end of the census year',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8520.py: PersonBirthDate on or before the ReferenceDate',
  check(ctx, hit) {
    const born = ctx.child.birthDate;
    if (born !== null && born > ctx.referenceDate) hit(at(ctx, ctx.child, 'PersonBirthDate'));
  },
});

/** UPNunknown codes that explain a missing UPN for a child of school age (UN1, "not of school age", does not). */
const SCHOOL_AGE_UPN_UNKNOWN = ['UN2', 'UN3', 'UN4', 'UN5', 'UN6', 'UN7'];

/**
 * 8770Q: a child of school age with an open referral (ReferralNFA false on any episode) has a UPN or a reason for
 * none other than UN1. Who is of school age changed in 2024/25: until then, born on or before the ReferenceDate
 * six years earlier (31 March 2018 for 2023/24); from then, born on or before 31 August six years before the
 * ReferenceDate's year (the validator's ReferenceDate + 4 months + 31 days − 6 years: 31 August 2019 for 2024/25),
 * so a child who started reception by that September.
 */
function upnForSchoolAge(years: { from: number; to?: number }, cutOff: (year: number) => string, source: string) {
  return defineRule<ChildRuleContext>({
    code: '8770Q',
    severity: 'query',
    message:
      'Please check: a child of school age has no UPN and no reason for it (UPNunknown other than UN1, not of school age)',
    years,
    source,
    check(ctx, hit) {
      const c = ctx.child;
      if (c.birthDate === null || c.birthDate > cutOff(ctx.year) || c.upn !== null) return;
      if (!c.episodes.some((ep) => ep.referralNfa === false)) return;
      if (c.upnUnknown !== null && SCHOOL_AGE_UPN_UNKNOWN.includes(c.upnUnknown.toUpperCase())) return;
      hit(at(ctx, c, 'UPNunknown', c.upnUnknown === null ? 'no UPN, no UPNunknown' : `no UPN, ${c.upnUnknown}`));
    },
  });
}

export const rule8770Q = upnForSchoolAge(
  { from: 2023, to: 2024 },
  (year) => `${year - 6}-03-31`,
  'cin_validator/rules/cin2022_23/rule_8770Q.py: PersonBirthDate on or before ReferenceDate − 6 years',
);
export const rule8770Q2025 = upnForSchoolAge(
  { from: 2025 },
  (year) => `${year - 6}-08-31`,
  'cin_validator/rules/cin2024_25/rule_8770Q.py: PersonBirthDate on or before ReferenceDate + 4 months + 31 days − 6 years',
);

export const IDENTIFIER_RULES = [
  rule8500,
  rule1570,
  rule1580,
  rule1520,
  rule1510,
  rule1530,
  rule1540,
  rule1550,
  rule4180,
  rule8750,
  rule8525Q,
  rule8770Q,
  rule8770Q2025,
  rule8520,
  rule1560Q,
];
