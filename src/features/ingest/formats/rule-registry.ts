/**
 * Lantern's status for every rule code Data to Insight's validators publish, per collection year (decision 0025):
 * implemented (and where), deliberately different or not applicable (and why), or not yet. The published codes are
 * published-rules.ts, generated from the validators' repositories; the lists below are kept by hand, and
 * rule-registry.test.ts fails when a published code of any year has no status, when a code said to be implemented
 * has no Lantern rule in that year, or when a code said to be missing has one.
 *
 * Years are collection years named by the year they end (2026 = 2025/26), 2023 (2022/23) to 2027 (2026/27).
 */
import type { Severity } from '../issues';
import { appliesIn } from '../rules';
import { CIN_READER_RULES } from './cin/parse-child';
import { CIN_CHILD_RULES, CIN_FILE_RULES, CIN_HEADER_RULES } from './cin/rules/index';
import { PUBLISHED_RULES } from './published-rules';
import { CROSS_YEAR_RULES } from './ssda903/rules/cross-year';
import { SSDA903_RULES } from './ssda903/rules/index';
import { LOCATION_RULES } from './ssda903/rules/location';
import { URN_RULES } from './ssda903/rules/urn';

export type Ruleset = 'ssda903' | 'cin';
export const REGISTRY_YEARS = [2023, 2024, 2025, 2026, 2027] as const;

/** What the registry says of a Lantern rule: enough to find it (its source names its file). */
export interface LanternRule {
  code: string;
  severity: Severity;
  message: string;
  years: { from: number; to?: number };
  source: string;
}

export type RuleStatus =
  { status: 'implemented'; by: LanternRule[] } | { status: 'different'; reason: string } | { status: 'not yet' };

const codes = (list: string): Set<string> => new Set(list.split(/\s+/).filter((c) => c !== ''));

/** 903 codes Lantern implements: each has a rule in SSDA903_RULES, CROSS_YEAR_RULES, LOCATION_RULES or URN_RULES in every year it is published. */
const IMPLEMENTED_903 = codes(`
  101 102 103 112 113 114 115 116 120 131 132 141 142 143 144 145 146 147 148 149 165 168 171 174 176 177 184 196 202
  203 204 209 210 217 218 222 231 232 301 302 304 331 333 334 351 352 353 354 355 356 357 358 359 361 362 363 365 367
  370 371 372 373 374 375 376 379 380 381 385 386 387 388 389 407 431 433 434 435 436 437 501 502 503A 503B 503C 503D
  503E 503F 503G 503H 503J 527 528 529 530 531 550 564 567 570 571 574 581 586 601 602 611 612 620 621 625 631 700
  701 702 703 704 705 706 707 708 709 710 1003 1004 1005 1006 1007 1009 1016 EPI INT01 INT02 INT03 INT04 INT05 INT06
  INT07 INT08 INT09 INT11 INT12 INT13 INT14 INT15 INT16 INT17 INT18 INT21 INT31 INT32 INT33 INT34 INT35 INT36
  SW04STG1 SW05STG1 SW08STG2 SW17STG2
  104 157 158 159 166 167 180 181 182 185 186 187 188 189 190 191 192 193 197B 197a 198 205A 205B 205D 207 208 215 393
  399 440 441 444 542 543 544 545 546 547 607 624 626 628 164 169 179 214 392a 392b 392c 392d 398 406 411 420 452 453
  454 1015 SW01STG1 SW01aSTG1 SW01bSTG1 SW02STG1 SW03STG1 SW06STG2 SW07STG2 SW09STG2 SW10STG2 SW11aSTG2 SW11bSTG2
  SW12STG2 SW13STG1 SW14STG2 178 213 217t 225 226 233 234 336 347 364 366 377 378 382 383 384 408 426 432 445 446 451
  460 504 526 562 1010 NoE 117 118 119 133 134 151 153 175 199 335 344 345 348 390 391 511 514 516 517 518 519 520 521
  522 523 524 525 551 552 553 554 555 556 557 558 559 560 561 563 565 566 575 576 577 578 579 580 582 583 584 630 632
  633 634 635 1000 1001 1002 1011 1012 1014 3001
  219 221 224 227 228 229 230 1008
`);

/** 903 codes Lantern deliberately does not check, or checks its own way, with the reason. */
const DIFFERENT_903: Readonly<Record<string, string>> = {
  '105':
    "Checks the Header's UASC flag, which only the 903 as XML carries; the validator skips it for CSV uploads " +
    '(rule_105.py returns nothing when file_format is csv), and Lantern reads the 903 as CSV.',
  '442':
    'Stricter in Lantern: the reader requires a UPN (or its UN code) on every Header row (LNT-REQUIRED, tables.ts ' +
    'REQUIRED_VALUES), where 442 asks for one only for children with an episode other than V3/V4.',
  '205C':
    'Cannot fire on a CSV return: it asks for no DUC for a child UASC in neither year, and in a CSV return a DUC is on a ' +
    'UASC row, which makes the child UASC (the validator derives the Header UASC flag from the UASC table, ingress.py; ' +
    'its own test of the CSV case expects nothing). Lantern reads the 903 as CSV.',
  '303':
    'Cannot fire on a CSV return: the validator derives the Header UASC flag from the UASC table (ingress.py: 1 for a ' +
    'child in UASC), so a DUC, which only a UASC row carries, always has UASC 1. Lantern reads the 903 as CSV.',
};

/** 903 codes not implemented yet (issue 16). */
const NOT_YET_903 = codes(``);

/** CIN census codes Lantern implements: each has a rule in CIN_HEADER_RULES, CIN_FILE_RULES or CIN_CHILD_RULES, or the reader checks it (CIN_READER_RULES). */
const IMPLEMENTED_CIN = codes(`
  100 1103 1104 1105 1510 1520 1530 1540 1550 1560Q 1570 1580 2883 2884 2885 2886Q 2887Q 2888Q 2889 2990 2991Q 4000
  4001 4003 4004 4008 4009Q 4010 4011 4012Q 4013 4014 4015 4016 4017 4180 4220 8500 8510 8520 8525Q 8530Q 8535Q 8540
  8545Q 8555Q 8565 8568 8569Q 8585Q 8590 8600 8606 8608 8610 8614 8615 8620 8630 8640 8650 8670Q 8675Q 8696 8715 8720
  8730 8736 8740 8750 8770Q 8772 8775Q 8790 8794 8805 8810 8815 8816 8820 8825Q 8831 8832 8839 8840 8841 8842Q 8863Q
  8866 8867 8868 8869 8870Q 8873Q 8875 8890 8896 8897Q 8898 8905 8910 8915 8920 8925 8930 8935 8940 8945Q 8950Q
`);

/** CIN census codes Lantern deliberately does not check, or checks its own way, with the reason. */
const DIFFERENT_CIN: Readonly<Record<string, string>> = {};

/** CIN census codes not implemented yet (issue 16). */
const NOT_YET_CIN = codes(``);

const LISTS = {
  ssda903: { implemented: IMPLEMENTED_903, different: DIFFERENT_903, notYet: NOT_YET_903 },
  cin: { implemented: IMPLEMENTED_CIN, different: DIFFERENT_CIN, notYet: NOT_YET_CIN },
} as const;

/**
 * The published codes of a ruleset in a year. The CIN validator has no 2026/27 folder yet (at the commit in
 * published-rules.ts): its latest year stands for the years after it, as it would if it published no changes.
 */
export function publishedCodes(ruleset: Ruleset, year: number): readonly string[] {
  const years = PUBLISHED_RULES[ruleset].years as Readonly<Record<number, string>>;
  const known = Object.keys(years)
    .map(Number)
    .filter((y) => y <= year);
  if (known.length === 0) return [];
  return (years[Math.max(...known)] ?? '').split(' ');
}

/**
 * Lantern's rules for a ruleset in a year, by code (a code may have more than one, e.g. 503D's two variants). The
 * 903 reader leaves every coded or dated column that has a DfE rule to that rule (ssda903/codes.ts); the CIN reader
 * reports a few DfE codes itself as it reads an element (cin/parse-child.ts CIN_READER_RULES).
 */
export function lanternRules(ruleset: Ruleset, year: number): Map<string, LanternRule[]> {
  const found = new Map<string, LanternRule[]>();
  const rules: readonly LanternRule[] =
    ruleset === 'ssda903'
      ? [...SSDA903_RULES, ...CROSS_YEAR_RULES, ...LOCATION_RULES, ...URN_RULES]
      : [...CIN_HEADER_RULES, ...CIN_FILE_RULES, ...CIN_CHILD_RULES, ...CIN_READER_RULES];
  for (const rule of rules) {
    if (!appliesIn(rule, year)) continue;
    const list = found.get(rule.code);
    if (list) list.push(rule);
    else found.set(rule.code, [rule]);
  }
  return found;
}

/** Lantern's status for a published code in a year; undefined when the registry has no entry for it. */
export function statusOf(ruleset: Ruleset, code: string, year: number): RuleStatus | undefined {
  const lists = LISTS[ruleset];
  if (lists.implemented.has(code)) return { status: 'implemented', by: lanternRules(ruleset, year).get(code) ?? [] };
  const reason = lists.different[code];
  if (reason !== undefined) return { status: 'different', reason };
  if (lists.notYet.has(code)) return { status: 'not yet' };
  return undefined;
}

/** How many of a year's published codes are implemented, deliberately different, and not yet. */
export function registryCounts(
  ruleset: Ruleset,
  year: number,
): { published: number; implemented: number; different: number; notYet: number } {
  const counts = { published: 0, implemented: 0, different: 0, notYet: 0 };
  for (const code of publishedCodes(ruleset, year)) {
    counts.published++;
    const s = statusOf(ruleset, code, year)?.status;
    if (s === 'implemented') counts.implemented++;
    else if (s === 'different') counts.different++;
    else if (s === 'not yet') counts.notYet++;
  }
  return counts;
}

/** The hand-kept lists, for the registry's own tests. */
export function registryLists(ruleset: Ruleset): {
  implemented: ReadonlySet<string>;
  different: Readonly<Record<string, string>>;
  notYet: ReadonlySet<string>;
} {
  return LISTS[ruleset];
}
