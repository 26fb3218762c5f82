/**
 * Missing and away episodes against the episodes of care. Sources (each rule names its file):
 * lac_validator/rules/lac2022_23/rule_565.py, rule_566.py, rule_575.py, rule_577.py, rule_578.py, rule_580.py (all
 * unchanged to lac2026_27).
 *
 * 577 and 578 see periods of care as the validator builds them: a child's episodes by DECOM, a new period wherever an
 * episode starts after the previous one's DEC; a period runs from its first DECOM to its last episode's DEC (blank:
 * still open). A child with no episode is left to 581.
 */
import type { Row } from '../tables';
import { addYears, at, rule903, validDate, type Ctx903 } from './context';

export const rule565 = rule903({
  code: '565',
  severity: 'error',
  message: 'The date the child went missing or away is given, but not whether they were missing or away.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_565.py: MIS_START given, MISSING blank',
  check(ctx, hit) {
    for (const m of ctx.ret.Missing) if (m.MIS_START !== null && m.MISSING === null) hit(at(m, 'MISSING'));
  },
});

export const rule566 = rule903({
  code: '566',
  severity: 'error',
  message: 'The date the child came back is given, but not whether they were missing or away.',
  years: { from: 2023 },
  source: 'lac_validator/rules/lac2022_23/rule_566.py: MIS_END given, MISSING blank',
  check(ctx, hit) {
    for (const m of ctx.ret.Missing) if (m.MIS_END !== null && m.MISSING === null) hit(at(m, 'MISSING'));
  },
});

export const rule575 = rule903({
  code: '575',
  severity: 'error',
  message:
    'The episode the child went missing or away from has ended, so the missing or away period must have an end date.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_575.py: MIS_END blank where MIS_START falls in an episode of the child (DECOM to DEC) that has a DEC',
  check(ctx, hit) {
    for (const m of ctx.ret.Missing) {
      if (m.CHILD === null || m.MIS_END !== null || !validDate(m.MIS_START)) continue;
      const day = m.MIS_START;
      const ended = (ctx.episodesByChild.get(m.CHILD) ?? []).find(
        (e) => validDate(e.DEC) && (e.DECOM as string) <= day && day <= e.DEC,
      );
      if (ended) hit(at(m, 'MIS_END', `the episode from ${ended.DECOM as string} ended on ${ended.DEC as string}`));
    }
  },
});

interface Period {
  start: string;
  /** The last episode's DEC; null while open (or not a date). */
  end: string | null;
}

function periodsOf(ctx: Ctx903, child: string): Period[] {
  const out: Period[] = [];
  let previousDec: string | null = null;
  for (const e of ctx.episodesByChild.get(child) ?? []) {
    const current = out.at(-1);
    if (!current || (previousDec !== null && (e.DECOM as string) > previousDec))
      out.push({ start: e.DECOM as string, end: null });
    const period = out.at(-1) as Period;
    period.end = validDate(e.DEC) ? e.DEC : null;
    previousDec = period.end;
  }
  return out;
}

/** 577: the missing period lies outside every period of care (open while the period has ended, or ends outside it). */
export const rule577 = rule903({
  code: '577',
  severity: 'error',
  message:
    'The missing or away period does not fit in a period of care: it is still open though the child has left care, or it ends outside the period of care it started in.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_577.py: no period of care where an open missing period starts in a still open period, or where MIS_END falls from its start to its end',
  check(ctx, hit) {
    for (const m of ctx.ret.Missing) {
      if (m.CHILD === null || !validDate(m.MIS_START)) continue;
      if (m.MIS_END !== null && !validDate(m.MIS_END)) continue; // rule 1005's
      const periods = periodsOf(ctx, m.CHILD);
      if (periods.length === 0) continue; // rule 581's
      const start = m.MIS_START;
      const end = m.MIS_END;
      const fits = periods.some((p) =>
        end === null ? p.end === null && start >= p.start : end >= p.start && (p.end === null || end <= p.end),
      );
      if (!fits) hit(at(m, 'MIS_END', end === null ? 'still open' : `ended ${end}`));
    }
  },
});

export const rule578 = rule903({
  code: '578',
  severity: 'error',
  message: 'The child is shown as going missing or away outside their periods of care.',
  years: { from: 2023 },
  source:
    'lac_validator/rules/lac2022_23/rule_578.py: MIS_START in no period of care (from its first DECOM to its last DEC, or open)',
  check(ctx, hit) {
    for (const m of ctx.ret.Missing) {
      if (m.CHILD === null || !validDate(m.MIS_START)) continue;
      const periods = periodsOf(ctx, m.CHILD);
      if (periods.length === 0) continue; // rule 581's
      const day = m.MIS_START;
      if (!periods.some((p) => day >= p.start && (p.end === null || day <= p.end))) hit(at(m, 'MIS_START'));
    }
  },
});

export const rule580 = rule903({
  code: '580',
  severity: 'error',
  message:
    'The child was missing when they ceased to be looked after on their 18th birthday, so the reason the episode ceased must be E8.',
  years: { from: 2023 },
  source:
    "lac_validator/rules/lac2022_23/rule_580.py: an episode whose DEC is the Missing row's MIS_END and the 18th birthday (its DOB) ending other than E8",
  check(ctx, hit) {
    const reported = new Set<Row<'Episodes'>>();
    for (const m of ctx.ret.Missing) {
      if (m.CHILD === null || !validDate(m.MIS_END) || !validDate(m.DOB)) continue;
      if (addYears(m.DOB, 18) !== m.MIS_END) continue;
      for (const e of ctx.episodesByChild.get(m.CHILD) ?? [])
        if (e.DEC === m.MIS_END && e.REC !== 'E8' && !reported.has(e)) {
          reported.add(e);
          hit(at(e, 'REC', `REC ${e.REC ?? 'blank'}`));
        }
    }
  },
});

export const missingCareRules = [rule565, rule566, rule575, rule577, rule578, rule580];
