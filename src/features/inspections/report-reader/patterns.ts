/**
 * What Ofsted's reports and letters say, in every era, as patterns: judgement labels, grades, section headings,
 * header fields. Pure. Layouts learnt from public copies of real reports (SIF: Leeds and Windsor and Maidenhead
 * 2015, Manchester 2017; ILACS: Barnet 2024, test/fixtures/ofsted-reports/ofsted-barnet-2024.txt; monitoring visit letters: Bournemouth, Christchurch
 * and Poole 2022; JTAI and ILACS guidance on gov.uk) — the fixtures in test/fixtures/ofsted-reports are our own words.
 */
import { parseGrade, type Grade, type JudgementKey } from '../../../domain/ofsted';

const GRADE_WORDS = String.raw`(outstanding|good|inadequate|requires?\s+improvement(?:\s+to\s+be\s+good)?|RI)`;

/** A grade alone ("Requires improvement to be good", "good"), or null. */
export function gradeOnly(text: string): Grade | null {
  const t = text
    .trim()
    .replace(/[.:;]+$/, '')
    .replace(/\s+/g, ' ');
  if (/^requires? improvement( to be good)?$/i.test(t)) return 'requires-improvement';
  return parseGrade(t);
}

/** A grade at the end of a line: "…: good", "…\tRequires improvement to be good", "… Inadequate". */
export function trailingGrade(text: string): { rest: string; grade: Grade } | null {
  const m = new RegExp(String.raw`^(.*?)(?:\s*[:\t–-]\s*|\s+)${GRADE_WORDS}\s*\.?$`, 'i').exec(text.trim());
  if (!m) return null;
  const grade = gradeOnly(m[2] ?? '');
  if (!grade) return null;
  return { rest: (m[1] ?? '').trim(), grade };
}

/** The SIF overall sentence: "Children's services in Barnet are inadequate", "The overall judgement is that children's services require improvement". */
export function sifOverallSentence(text: string): { authority: string | null; grade: Grade } | null {
  const m =
    /^(?:Children'?s services in (.+?)|The overall judgement is that children'?s services)\s+(?:are|is|require|requires)\s+(outstanding|good|inadequate|improvement(?:\s+to\s+be\s+good)?)\.?$/i.exec(
      text.trim(),
    );
  if (!m) return null;
  const word = (m[2] ?? '').toLowerCase();
  const grade = word.startsWith('improvement') ? 'requires-improvement' : gradeOnly(word);
  if (!grade) return null;
  return { authority: m[1]?.trim() ?? null, grade };
}

/** Which judgement a label names, in any era's wording; null if none. The label must start the text. */
export function judgementOfLabel(label: string): JudgementKey | null {
  const t = label
    .trim()
    .replace(/^\d+(\.\d+)?\.?\s+/, '')
    .replace(/^(key judgement|judgement)\s*:?\s*/i, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
  if (/^overall effectiveness\b/.test(t)) return 'overall';
  if (/^(the )?impact of leaders\b/.test(t) || /^leadership,? management and governance\b/.test(t)) return 'leaders';
  if (/^(the )?(experiences and progress of )?children who need help and protection\b/.test(t))
    return 'help-and-protection';
  if (/^(the )?(experiences and progress of )?children in care and care leavers\b/.test(t))
    return 'children-in-care-and-care-leavers';
  if (/^(the )?(experiences and progress of )?children looked after( and achieving permanence)?\b/.test(t))
    return 'children-in-care';
  if (/^(the )?(experiences and progress of )children in care\b/.test(t)) return 'children-in-care';
  if (/^adoption performance\b/.test(t)) return 'adoption';
  if (/^(the )?experiences and progress of care leavers\b/.test(t)) return 'care-leavers';
  if (
    /^(the )?effectiveness of the (local safeguarding children board|lscb)\b/.test(t) ||
    /^(the )?local safeguarding children board \(lscb\)$/.test(t)
  )
    return 'lscb';
  return null;
}

/** "What needs to improve?" and its relatives: the heading that opens a list of recommendations. */
export function recommendationHeading(text: string): 'recommendation' | 'priority-action' | null {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t.length > 160) return null;
  if (
    /^(what needs to improve|what does the (local authority|lscb|local safeguarding children board|partnership|local area) need to improve|recommendations|areas for improvement|areas? for development)\b[^.]*[?:]?$/i.test(
      t,
    )
  )
    return 'recommendation';
  if (/^priority and immediate action\b/i.test(t)) return 'recommendation'; // SIF: numbered with the other recommendations
  if (/^(areas? for priority action|priority action|areas? for immediate action)\b[^.]*[?:]?$/i.test(t))
    return 'priority-action';
  if (/(ofsted|inspectors) (has|have) identified the following areas? for priority action:?$/i.test(t))
    return 'priority-action';
  if (/(ofsted|inspectors) (has|have) identified the following areas? for (improvement|development):?$/i.test(t))
    return 'recommendation';
  return null;
}

/** Section headings of every era that are neither judgements nor recommendations. */
export const OTHER_HEADING =
  /^(findings|main findings|headline findings|overview|areas covered by the visit|summary|executive summary|summary of findings|summary for children and young people|the local authority'?s strengths|progress since the last inspection|information about this (local authority )?area|inspection judgements about the local authority|key strengths|case stud(y|ies)\b[^.]{0,80}|next steps|evaluation of progress|findings and evaluation of progress|the local authority|the inspection judgements and what they mean|information about this inspection|practice study\b[^.]{0,80})$/i;

/** Field lines at the head of a report. */
export const FIELD = {
  dates: /^Inspection dates?\s*[:\-–]?\s*(.+)$/i,
  published: /^(?:Report published|Published|Date of publication|Publication date)\s*[:\-–]?\s*(.+)$/i,
  lead: /^Lead inspectors?\s*[:\-–]?\s*(.+)$/i,
};

/** Lines that always start a new block of text. */
export function startsBlock(text: string): boolean {
  if (/^[a-z]/.test(text)) return false; // a line in lower case carries on a sentence
  return (
    text.startsWith('•') ||
    /^\d{1,3}\.\s/.test(text) ||
    /^\d\.\d\s/.test(text) ||
    FIELD.dates.test(text) ||
    FIELD.published.test(text) ||
    FIELD.lead.test(text) ||
    /^(Deputy lead inspectors?|Team inspectors?|Shadow inspectors?|Senior data analysts?|Quality assurance managers?|Team members?|The inspection team)\b/i.test(
      text,
    ) ||
    /^Judgement\b/i.test(text) ||
    text.includes('\t') ||
    /^(Dear|Yours sincerely|Yours faithfully)\b/i.test(text) ||
    recommendationHeading(text) !== null ||
    OTHER_HEADING.test(text) ||
    (judgementOfLabel(text) !== null && text.length < 200) ||
    /^(Inspection of|Focused visit|Monitoring visit|Joint targeted area inspection|Review of the effectiveness)/i.test(
      text,
    ) ||
    /^(Children'?s services in .+ (are|require)|The overall judgement is)/i.test(text) ||
    gradeOnly(text) !== null
  );
}

/** Lines after which a block always ends (a complete heading or field). */
export function endsBlock(text: string): boolean {
  return (
    recommendationHeading(text) !== null ||
    OTHER_HEADING.test(text) ||
    sifOverallSentence(text) !== null ||
    /^(Yours sincerely|Yours faithfully),?$/i.test(text) ||
    /^Dear .{1,80}$/i.test(text) ||
    /^Judgement\s+Grade$/i.test(text) ||
    (judgementOfLabel(text) !== null && trailingGrade(text) !== null && text.length < 200) ||
    gradeOnly(text) !== null
  );
}

/** Strip the title from an inspector's name: "Naintara Khosla, His Majesty's Inspector" → "Naintara Khosla". */
export function cleanInspectorName(text: string): string | null {
  const t = text
    .replace(/\s+(Deputy lead|Team|Shadow|Senior data|Quality assurance)\b.*$/i, '')
    .replace(/\s*[,(–-]?\s*(Her|His) Majesty'?s (Senior )?Inspectors?\)?.*$/i, '')
    .replace(/\s*[,(–-]?\s*(Senior )?HMI\)?\s*$/i, '')
    .replace(/\s*[,(–-]?\s*(Ofsted|Social Care Regulatory|Lead) Inspector\)?\s*$/i, '')
    .replace(/[.,;:]+$/, '')
    .trim();
  if (!t || t.length > 60 || /\d/.test(t)) return null;
  return t;
}
