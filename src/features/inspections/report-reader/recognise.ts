/**
 * Step 3: blocks → the proposed inspection record. Each field has its own small recogniser, and each thing expected
 * of the kind of report that none of them found becomes a plain-English warning. Pure.
 */
import {
  FRAMEWORK_JUDGEMENTS,
  frameworkFor,
  isGraded,
  judgementLabel,
  type ActivityKind,
  type Framework,
  type Grade,
  type JudgementKey,
  type RecommendationKind,
} from '../../../domain/ofsted';
import type { ProposedInspection, ProposedJudgement, ProposedParagraph, ProposedRecommendation } from '../proposal';
import { daysBetween, findDates, type DateRange } from './dates';
import {
  FIELD,
  OTHER_HEADING,
  cleanInspectorName,
  gradeOnly,
  judgementOfLabel,
  recommendationHeading,
  sifOverallSentence,
  trailingGrade,
} from './patterns';

const LOOK_AHEAD = 40;

const TITLE = {
  jtai: /(joint targeted area inspection|joint inspection) of the multi-agency response to/i,
  monitoring: /^(Monitoring visit (to|of)\b|.*findings of the ([a-z-]+ )?monitoring visit\b)/i,
  focused:
    /^(Focused visit to\b|(Assurance|Virtual focused) visit to\b|.*findings of the ([a-z-]+ )?(focused|assurance) visit\b)/i,
  sif: /(Inspection of services for children in need of help and protection|Review of the effectiveness of the local safeguarding children board)/i,
  ilacs: /(^|\s)Inspection of (.+ )?(local authority )?children'?s (social care )?services\b/i,
};

const NUMBERED = /^(\d{1,3})[.)]\s+(.+)$/s;
const BULLET = /^•\s*(.+)$/s;

function isHeadingLike(b: string): boolean {
  return b.length < 110 && !/[.!;,]$/.test(b) && /^[A-Z"']/.test(b) && !NUMBERED.test(b) && !BULLET.test(b);
}

function isField(b: string): boolean {
  return FIELD.dates.test(b) || FIELD.published.test(b) || FIELD.lead.test(b);
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function tidyItem(s: string): string {
  return s
    .replace(/\s*;\s*(and|or)?$/i, '')
    .replace(/\s+(and|or)$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function detectKind(blocks: readonly string[]): { kind: ActivityKind | 'ilacs' | null; titleIndex: number } {
  const n = Math.min(blocks.length, LOOK_AHEAD);
  for (let i = 0; i < n; i++) {
    const b = blocks[i] ?? '';
    if (b.length > 600) continue;
    if (TITLE.jtai.test(b)) return { kind: 'jtai', titleIndex: i };
    if (TITLE.monitoring.test(b)) return { kind: 'monitoring-visit', titleIndex: i };
    if (TITLE.focused.test(b)) return { kind: 'focused-visit', titleIndex: i };
    if (TITLE.sif.test(b)) return { kind: 'sif', titleIndex: i };
    if (TITLE.ilacs.test(b) && b.length < 200) return { kind: 'ilacs', titleIndex: i };
  }
  // No title: the judgement labels tell the era.
  if (
    blocks.some(
      (b) =>
        /children looked after and achieving permanence|leadership,? management and governance/i.test(b) &&
        b.length < 200,
    )
  )
    return { kind: 'sif', titleIndex: -1 };
  if (blocks.some((b) => /^the impact of leaders on social work practice/i.test(b) && b.length < 220))
    return { kind: 'ilacs', titleIndex: -1 };
  return { kind: null, titleIndex: -1 };
}

function stripAuthority(s: string): string | null {
  const t = s
    .replace(/\s+(local authority|local authority'?s)?\s*children'?s (social care )?services\b.*$/i, '')
    .replace(/\s+local authority$/i, '')
    .replace(/^(the )?(inspection of )/i, '')
    .replace(/[.,:;]+$/, '')
    .trim();
  return t && t.length < 80 ? t : null;
}

function findAuthority(
  blocks: readonly string[],
  kind: ActivityKind | 'ilacs' | null,
  titleIndex: number,
): string | null {
  const title = titleIndex >= 0 ? (blocks[titleIndex] ?? '') : '';
  const before = titleIndex > 0 ? (blocks[titleIndex - 1] ?? '') : '';
  const n = Math.min(blocks.length, LOOK_AHEAD);
  switch (kind) {
    case 'jtai': {
      const m = /multi-agency response to (.+) in (.+?)\.?$/i.exec(title);
      return m?.[2] ? stripAuthority(m[2]) : null;
    }
    case 'monitoring-visit':
    case 'focused-visit': {
      const word = kind === 'monitoring-visit' ? 'monitoring visit' : '(?:focused|assurance|virtual focused) visit';
      for (let i = 0; i < n; i++) {
        const b = blocks[i] ?? '';
        const m =
          new RegExp(
            `${word} (?:to|of) (.+?)(?: local authority)?(?:'s)? children'?s (?:social care )?services`,
            'i',
          ).exec(b) ?? new RegExp(`^${word} (?:to|of) (.+?)\\.?$`, 'i').exec(b);
        if (m?.[1]) return stripAuthority(m[1]);
      }
      return null;
    }
    case 'sif': {
      const m = /^(.+?)\s+(?:Re-)?inspection of services for children/i.exec(title);
      if (m?.[1]) return stripAuthority(m[1]);
      if (before && before.length < 80 && !isField(before)) return stripAuthority(before);
      for (const b of blocks.slice(0, n)) {
        const s = sifOverallSentence(b);
        if (s?.authority) return s.authority;
      }
      return null;
    }
    case 'ilacs':
    case 'ilacs-short':
    case 'ilacs-standard': {
      const m =
        /Inspection of (.+?) local authority children'?s services/i.exec(title) ??
        /Inspection of (?!children)(.+?) children'?s (?:social care )?services/i.exec(title);
      if (m?.[1]) return stripAuthority(m[1]);
      const lead = /^(.+?)\s+Inspection of children'?s (social care )?services/i.exec(title);
      if (lead?.[1]) return stripAuthority(lead[1]);
      if (before && before.length < 80 && !isField(before)) return stripAuthority(before);
      return null;
    }
    default:
      return null;
  }
}

/** The visit's or inspection's dates: the "Inspection dates" field, else the letter's opening sentence. */
function findInspectionDates(blocks: readonly string[]): DateRange | null {
  const n = Math.min(blocks.length, LOOK_AHEAD);
  for (let i = 0; i < n; i++) {
    const m = FIELD.dates.exec(blocks[i] ?? '');
    if (m?.[1]) {
      const d = findDates(m[1]);
      if (d) return d;
    }
  }
  for (let i = 0; i < n; i++) {
    const b = blocks[i] ?? '';
    if (
      /(letter summarises the findings|carried out a joint (targeted area )?inspection|undertook a joint|visit (took place|was carried out)|inspectors visited)/i.test(
        b,
      )
    ) {
      const at = b.search(/\b(on|between|from)\s+\d/i);
      const d = findDates(at >= 0 ? b.slice(at) : b) ?? findDates(b);
      if (d) return d;
    }
  }
  return null;
}

function findPublished(blocks: readonly string[]): string | null {
  for (const b of blocks.slice(0, LOOK_AHEAD)) {
    const m = FIELD.published.exec(b);
    if (m?.[1]) {
      const d = findDates(m[1]);
      if (d) return d.start;
    }
  }
  return null;
}

const NAME = String.raw`([A-Z][A-Za-z'-]+(?:\s+(?:[A-Z][A-Za-z'-]+|de|van|von|le|la|du|da|bin|al)){1,4})`;

function findLeadInspector(blocks: readonly string[], kind: ActivityKind | 'ilacs' | null): string | null {
  for (const b of blocks) {
    const m = FIELD.lead.exec(b);
    if (m?.[1]) return cleanInspectorName(m[1]);
  }
  for (const b of blocks) {
    const m = new RegExp(`\\blead inspector (?:was|is|for this visit was)\\s+${NAME}`).exec(b);
    if (m?.[1]) return cleanInspectorName(m[1]);
  }
  if (kind === 'jtai') return null; // joint letters are signed by each inspectorate's director, not the lead inspector
  const sign = blocks.findIndex((b) => /^Yours (sincerely|faithfully)/i.test(b));
  if (sign >= 0) {
    const after = (blocks[sign] ?? '').replace(/^Yours (sincerely|faithfully),?\s*/i, '');
    const candidate = after || (blocks[sign + 1] ?? '');
    const name = cleanInspectorName(candidate.split(/\t/)[0] ?? '');
    if (name && /^[A-Z]/.test(name) && name.split(/\s+/).length <= 5) return name;
  }
  for (const b of blocks) {
    const m = new RegExp(
      `(?:Her|His) Majesty'?s (?:Inspectors?|inspectors?)(?: \\(HMI\\))?(?: for this visit)?(?: were| was|:)?\\s+${NAME}`,
    ).exec(b);
    if (m?.[1]) return cleanInspectorName(m[1]);
  }
  return null;
}

function firstSentence(s: string): string {
  const m = /^(.+?[.!?])(\s+[A-Z]|\s*$)/s.exec(s);
  return (m?.[1] ?? s).replace(/[.:]$/, '').trim();
}

function findTheme(blocks: readonly string[], kind: ActivityKind | 'ilacs' | null, titleIndex: number): string | null {
  if (kind === 'jtai') {
    const m = /multi-agency response to (.+) in (.+?)\.?$/i.exec(blocks[titleIndex] ?? '');
    return m?.[1] ? capitalise(m[1].trim()) : null;
  }
  if (kind !== 'focused-visit' && kind !== 'monitoring-visit') return null;
  const patterns: RegExp[] = [
    /\bThe focus of (?:this|the) (?:focused |monitoring )?visit was\s+(?:on\s+)?(.+)$/is,
    /\b(?:This|The) (?:focused |monitoring )?visit (?:looked at|focused on|considered|evaluated)\s+(.+)$/is,
    /\bInspectors (?:looked at|evaluated|considered|focused on)\s+(.+)$/is,
  ];
  for (const re of patterns) {
    for (const b of blocks) {
      const m = re.exec(b);
      if (m?.[1]) return capitalise(firstSentence(m[1]));
    }
  }
  const i = blocks.findIndex((b) => /Inspectors reviewed the progress made in the following areas?/i.test(b));
  if (i >= 0) {
    const items: string[] = [];
    for (let j = i + 1; j < blocks.length; j++) {
      const m = BULLET.exec(blocks[j] ?? '');
      if (!m?.[1]) break;
      items.push(tidyItem(m[1]).replace(/\.$/, ''));
    }
    if (items.length > 0) return capitalise(items.join('; '));
    return capitalise(firstSentence((blocks[i] ?? '').replace(/^.*?following areas?[^:]*:\s*/i, '')));
  }
  const covered = blocks.findIndex((b) => /^Areas covered by the visit$/i.test(b));
  if (covered >= 0 && blocks[covered + 1]) return firstSentence(blocks[covered + 1] ?? '');
  return null;
}

interface RecSection {
  recommendations: ProposedRecommendation[];
  consumed: Set<number>;
}

function findRecommendations(blocks: readonly string[]): RecSection {
  const consumed = new Set<number>();
  const items: Array<{ kind: RecommendationKind; text: string }> = [];
  let i = 0;
  while (i < blocks.length) {
    const headingKind = recommendationHeading(blocks[i] ?? '');
    if (headingKind === null) {
      i++;
      continue;
    }
    consumed.add(i);
    let kind: RecommendationKind = headingKind;
    let marked: boolean | null = null;
    let j = i + 1;
    for (; j < blocks.length; j++) {
      const b = blocks[j] ?? '';
      const sub = recommendationHeading(b);
      if (sub !== null) {
        kind = sub;
        consumed.add(j);
        continue;
      }
      if (/^(Yours (sincerely|faithfully)|Dear )/i.test(b)) break;
      if (judgementOfLabel(b) !== null && (trailingGrade(b) !== null || isHeadingLike(b))) break;
      if (OTHER_HEADING.test(b) || /^The Local Safeguarding Children Board/i.test(b)) break;
      const m = BULLET.exec(b) ?? NUMBERED.exec(b);
      if (m) {
        if (marked === false) break;
        marked = true;
        const text = tidyItem(m[m.length - 1] ?? '');
        if (text) items.push({ kind, text });
        consumed.add(j);
        continue;
      }
      if (marked === true) break;
      if (
        b.length > 400 ||
        (isHeadingLike(b) &&
          items.length > 0 &&
          /^(The|Inspection|Leaders|Leadership|Summary|Information|Findings|Areas)\b/.test(b) &&
          b.split(/\s+/).length <= 6)
      )
        break;
      // Unmarked items (a copy that lost its bullets): one block, one item.
      marked = false;
      items.push({ kind, text: tidyItem(b) });
      consumed.add(j);
    }
    i = j;
  }
  const counters: Record<RecommendationKind, number> = { recommendation: 0, 'priority-action': 0 };
  const recommendations = items.map((it) => ({ kind: it.kind, number: ++counters[it.kind], text: it.text }));
  return { recommendations, consumed };
}

function isJudgementHeading(b: string): boolean {
  return (
    judgementOfLabel(b) !== null &&
    b.length < 220 &&
    !NUMBERED.test(b) &&
    (trailingGrade(b) !== null || isHeadingLike(b))
  );
}

function isLscbSection(b: string): boolean {
  return /^(The Local Safeguarding Children Board( \(LSCB\))?|Review of the effectiveness of the (local safeguarding children board|LSCB).*)$/i.test(
    b,
  );
}

interface TableResult {
  judgements: Map<JudgementKey, Grade>;
  lastRow: number;
}

/** The judgement table (tab-separated, cells on their own lines, "Judgement: Grade", SIF numbered rows, SIF sentences). */
function findTable(blocks: readonly string[], from: number, to: number): TableResult {
  const judgements = new Map<JudgementKey, Grade>();
  let lastRow = -1;
  const put = (key: JudgementKey | null, grade: Grade | null, at: number) => {
    if (key === null || grade === null) return;
    if (!judgements.has(key)) judgements.set(key, grade);
    lastRow = Math.max(lastRow, at);
  };
  for (let i = Math.max(0, from); i < to; i++) {
    const b = blocks[i] ?? '';
    if (/^Judgement\s*\t?\s*Grade$/i.test(b) || /^(Judgement|Grade)$/i.test(b)) {
      lastRow = Math.max(lastRow, i);
      continue;
    }
    const sentence = sifOverallSentence(b);
    if (sentence) {
      put('overall', sentence.grade, i);
      continue;
    }
    const lscb =
      /^The effectiveness of the (?:LSCB|Local Safeguarding Children Board)(?: in [A-Za-z ,'-]+?)? (?:is|are|requires?) (outstanding|good|inadequate|improvement( to be good)?)\.?$/i.exec(
        b,
      );
    if (lscb?.[1]) {
      put('lscb', lscb[1].toLowerCase().startsWith('improvement') ? 'requires-improvement' : gradeOnly(lscb[1]), i);
      continue;
    }
    if (b.includes('\t')) {
      const cells = b
        .split('\t')
        .map((c) => c.trim())
        .filter(Boolean);
      if (cells.length >= 2) put(judgementOfLabel(cells[0] ?? ''), gradeOnly(cells[cells.length - 1] ?? ''), i);
      continue;
    }
    if (b.length > 220) continue;
    const key = judgementOfLabel(b);
    if (key === null) continue;
    const tg = trailingGrade(b);
    if (tg && judgementOfLabel(tg.rest) === key) {
      put(key, tg.grade, i);
      continue;
    }
    const next = blocks[i + 1] ?? '';
    const g = gradeOnly(next);
    if (g) {
      put(key, g, i + 1);
      i++;
    }
  }
  return { judgements, lastRow };
}

function frameworkName(f: Framework): string {
  return f === 'sif'
    ? 'single inspection framework'
    : f === 'ilacs-2018'
      ? '2018 framework'
      : f === 'ilacs-2023'
        ? '2023 framework'
        : 'April 2026 framework';
}

function inferFramework(keys: ReadonlySet<JudgementKey>): Framework | null {
  if (keys.has('adoption') || keys.has('lscb')) return 'sif';
  if (keys.has('children-in-care-and-care-leavers')) return 'ilacs-2018';
  if (keys.has('care-leavers')) return keys.has('overall') ? 'ilacs-2023' : 'ilacs-2026';
  return null;
}

export function recognise(blocks: readonly string[]): ProposedInspection {
  const warnings: string[] = [];
  const detected = detectKind(blocks);
  const dates = findInspectionDates(blocks);
  const startDate = dates?.start ?? null;
  const endDate = dates?.end ?? null;

  let kind: ActivityKind | null;
  if (detected.kind === 'ilacs') {
    const head = blocks.slice(0, LOOK_AHEAD).join('\n');
    if (dates) kind = daysBetween(dates.start, dates.end) <= 7 ? 'ilacs-short' : 'ilacs-standard';
    else if (/\bshort inspection\b/i.test(head)) kind = 'ilacs-short';
    else {
      kind = 'ilacs-standard';
      if (!/\bstandard inspection\b/i.test(head))
        warnings.push(
          'Could not tell a short inspection from a standard one without the inspection dates: check the kind',
        );
    }
  } else {
    kind = detected.kind;
  }
  if (kind === 'focused-visit' && blocks.slice(0, LOOK_AHEAD).some((b) => /\bassurance visit\b/i.test(b))) {
    warnings.push('An assurance visit (2021, during COVID-19) is proposed as a focused visit: check the kind');
  }

  const recs = findRecommendations(blocks);
  const firstRec = Math.min(...[...recs.consumed, blocks.length]);

  // The body starts at the first judgement heading after the table that a numbered paragraph follows.
  let bodyStart = blocks.length;
  for (let i = Math.max(0, detected.titleIndex); i < blocks.length; i++) {
    const b = blocks[i] ?? '';
    if (!(isJudgementHeading(b) || isLscbSection(b)) || recs.consumed.has(i)) continue;
    const window = blocks.slice(i + 1, i + 4);
    if (window.some((w) => NUMBERED.test(w) && w.length > 60)) {
      bodyStart = i;
      break;
    }
  }
  const tableEnd = Math.min(firstRec, bodyStart);
  const graded = kind !== null && isGraded(kind);
  const table = graded
    ? findTable(blocks, Math.max(0, detected.titleIndex), tableEnd)
    : { judgements: new Map<JudgementKey, Grade>(), lastRow: -1 };

  // Summary: the prose between the judgement table (or the header) and the first list of what needs to improve.
  const summaryParts: string[] = [];
  if (graded) {
    let from = table.lastRow + 1;
    if (table.lastRow < 0) {
      const lastField = blocks
        .slice(0, tableEnd)
        .reduce((acc, b, i) => (isField(b) || i === detected.titleIndex ? i : acc), -1);
      from = lastField + 1;
    }
    for (let i = from; i < tableEnd; i++) {
      const b = blocks[i] ?? '';
      if (isField(b) || isHeadingLike(b) || gradeOnly(b) || sifOverallSentence(b) || isJudgementHeading(b)) continue;
      if (
        /^(The judgements on areas of the service|The local authority leads|The authority is not yet delivering|It is Ofsted's expectation)/i.test(
          b,
        )
      )
        continue;
      summaryParts.push(b);
    }
  } else {
    const overview = blocks.findIndex((b) =>
      /^(Overview|Headline findings|Summary|Summary of findings|Key findings)$/i.test(b),
    );
    let from = overview >= 0 ? overview + 1 : -1;
    if (from < 0) {
      const intro = blocks.findIndex((b) =>
        /(letter summarises the findings|carried out a joint (targeted area )?inspection)/i.test(b),
      );
      from = intro >= 0 ? intro + 1 : -1;
    }
    if (from >= 0) {
      for (let i = from; i < blocks.length; i++) {
        const b = blocks[i] ?? '';
        if (recs.consumed.has(i) || /^(Yours (sincerely|faithfully))/i.test(b)) break;
        if (isHeadingLike(b)) {
          if (summaryParts.length > 0 || overview >= 0) break;
          continue;
        }
        if (
          BULLET.test(b) ||
          /^(This letter (to|is addressed)|This visit was carried out by|The visit was carried out by|(Her|His) Majesty'?s Inspectors?|Inspectors (looked at|evaluated|considered|reviewed)|The focus of)/i.test(
            b,
          )
        )
          continue;
        summaryParts.push(b);
        if (overview < 0 && summaryParts.length >= 3) break;
      }
    }
  }

  // Numbered paragraphs under their judgement headings.
  const paragraphs: ProposedParagraph[] = [];
  const headingGrades = new Map<JudgementKey, Grade>();
  const seen = new Set<number>();
  const duplicates: number[] = [];
  let current: { key: JudgementKey | null; heading: string } = { key: null, heading: '' };
  let last: ProposedParagraph | null = null;
  const paraStart = graded ? bodyStart : Math.max(0, detected.titleIndex);
  for (let i = paraStart; i < blocks.length; i++) {
    const b = blocks[i] ?? '';
    if (recs.consumed.has(i)) {
      last = null;
      continue;
    }
    if (/^Yours (sincerely|faithfully)/i.test(b)) break;
    if (isJudgementHeading(b) || (graded && isLscbSection(b))) {
      const key = isLscbSection(b) ? 'lscb' : judgementOfLabel(b);
      const tg = trailingGrade(b);
      let grade = tg?.grade ?? null;
      const next = blocks[i + 1] ?? '';
      if (!grade && gradeOnly(next)) {
        grade = gradeOnly(next);
        i++;
      }
      if (key && grade && !headingGrades.has(key)) headingGrades.set(key, grade);
      current = { key, heading: (tg?.rest ?? b).replace(/[:\s]+$/, '') };
      last = null;
      continue;
    }
    const m = NUMBERED.exec(b);
    if (m?.[2] && m[2].length > 20) {
      const number = Number(m[1]);
      if (seen.has(number)) {
        duplicates.push(number);
        last = null;
        continue;
      }
      seen.add(number);
      last = { number, judgement: current.key, heading: current.heading, text: m[2].trim() };
      paragraphs.push(last);
      continue;
    }
    if (isHeadingLike(b)) {
      if (!graded) current = { key: null, heading: b };
      last = null;
      continue;
    }
    if (last && b.length > 80 && !BULLET.test(b)) {
      // A page break that fell exactly at the end of a sentence.
      last.text = `${last.text} ${b}`;
    } else {
      last = null;
    }
  }

  // Judgements: the table first, then the headings' grades for any the table lacks.
  const judgementsMap = new Map(table.judgements);
  for (const [key, grade] of headingGrades) {
    const fromTable = judgementsMap.get(key);
    if (fromTable === undefined) judgementsMap.set(key, grade);
    else if (fromTable !== grade)
      warnings.push(
        `The judgement table grades ${key.replace(/-/g, ' ')} ${fromTable.replace(/-/g, ' ')} but its heading says ${grade.replace(/-/g, ' ')}: the table is used`,
      );
  }
  if (!graded) judgementsMap.clear();

  let framework: Framework | null = null;
  if (kind !== null && startDate !== null) framework = frameworkFor(kind, startDate);
  else if (kind !== null) {
    framework = kind === 'sif' ? 'sif' : inferFramework(new Set(judgementsMap.keys()));
    if (framework && graded)
      warnings.push(
        `No inspection dates found, so the framework (${frameworkName(framework)}) was inferred from the judgements`,
      );
  }

  const order = framework ? FRAMEWORK_JUDGEMENTS[framework].map((j) => j.key) : [];
  const judgements: ProposedJudgement[] = [...judgementsMap.entries()]
    .sort(
      (a, b) => (!order.includes(a[0]) ? 99 : order.indexOf(a[0])) - (!order.includes(b[0]) ? 99 : order.indexOf(b[0])),
    )
    .map(([key, grade]) => ({ key, grade }));

  const authorityName = findAuthority(blocks, detected.kind, detected.titleIndex);
  const leadInspector = findLeadInspector(blocks, detected.kind);
  const theme = findTheme(blocks, kind, detected.titleIndex);
  const publishedOn = findPublished(blocks);

  // What was expected of this kind and not found.
  if (kind === null)
    warnings.push(
      'Could not tell what kind of report this is (an inspection, a focused visit, a monitoring visit or a JTAI): choose the kind',
    );
  if (!authorityName) warnings.push('No local authority named');
  if (!startDate) warnings.push('No inspection or visit dates found');
  if (!leadInspector && kind !== 'jtai') warnings.push('No lead inspector found');
  if ((kind === 'focused-visit' || kind === 'monitoring-visit' || kind === 'jtai') && !theme)
    warnings.push('No theme found for the visit');
  if (graded && framework) {
    const expected = FRAMEWORK_JUDGEMENTS[framework];
    const found = judgements.length;
    if (found !== expected.length)
      warnings.push(
        `The report names ${found} judgement${found === 1 ? '' : 's'}; the ${frameworkName(framework)} grades ${expected.length}`,
      );
    for (const j of expected) {
      if (!judgementsMap.has(j.key))
        warnings.push(`No grade found for ${lowerFirst(judgementLabel(framework, j.key))}`);
    }
    for (const j of judgements) {
      if (!expected.some((e) => e.key === j.key))
        warnings.push(
          `The ${frameworkName(framework)} has no judgement "${j.key.replace(/-/g, ' ')}": check the dates and the grades`,
        );
    }
  }
  if ((graded || kind === 'jtai' || kind === 'focused-visit') && recs.recommendations.length === 0)
    warnings.push('No recommendations found ("What needs to improve" or "Areas for improvement")');
  if (graded && paragraphs.length === 0) warnings.push('No numbered paragraphs found under the judgement headings');
  if (duplicates.length > 0)
    warnings.push(
      `Paragraph number${duplicates.length === 1 ? '' : 's'} ${duplicates.join(', ')} appear${duplicates.length === 1 ? 's' : ''} twice: only the first is kept`,
    );
  const sorted = [...paragraphs].sort((a, b) => a.number - b.number);
  for (let k = 1; k < sorted.length; k++) {
    const a = sorted[k - 1];
    const b = sorted[k];
    if (a && b && b.number !== a.number + 1)
      warnings.push(`Paragraph numbers jump from ${a.number} to ${b.number}: a paragraph may be missing`);
  }
  if (graded && summaryParts.length === 0)
    warnings.push('No summary found between the judgements and "What needs to improve"');

  return {
    kind,
    framework,
    authorityName,
    startDate,
    endDate,
    publishedOn,
    leadInspector,
    theme,
    summary: summaryParts.join('\n\n'),
    judgements,
    recommendations: recs.recommendations,
    paragraphs,
    warnings,
  };
}
