/**
 * An inspection record as people and programs send it, checked: the API's JSON body and the web form (which this
 * module turns into the same body) go through one `validateInspection`, so both give the same plain-English
 * messages, keyed by field. Nothing here touches the database.
 *
 * Rules: the kind is one Lantern knows; dates are real dates, the start date is required and every other date is
 * on or after it (the action plan also on or after the day the report was received); the framework defaults from
 * the kind and the start date (src/domain/ofsted.ts frameworkFor); only graded kinds (SIF, ILACS standard and
 * short) take grades, only for the judgements of their framework, and every judgement the framework makes must be
 * graded (for the SIF: overall effectiveness and the three main judgements; its sub-judgements and the LSCB review
 * are optional); every recommendation and area for priority action has text; paragraph numbers are unique.
 */
import { z } from 'zod';
import { isIsoDate } from '../../domain/dates';
import {
  ACTIVITY_KINDS,
  ACTIVITY_LABELS,
  FRAMEWORK_JUDGEMENTS,
  FRAMEWORK_LABELS,
  FRAMEWORKS,
  JUDGEMENT_KEYS,
  RECOMMENDATION_KIND_LABELS,
  frameworkFor,
  isActivityKind,
  isFramework,
  isGrade,
  isGraded,
  isJudgementKey,
  parseGrade,
  type ActivityKind,
  type Framework,
  type Grade,
  type JudgementKey,
  type RecommendationKind,
} from '../../domain/ofsted';
import type { FieldError } from '../../core/errors';
import { fieldErrorsFromIssues, formText } from '../../web/form-input';

export const TEXT_MAX = {
  name: 200,
  theme: 300,
  summary: 20_000,
  recommendation: 3_000,
  paragraph: 20_000,
  heading: 300,
  source: 300,
} as const;
export const ITEMS_MAX = { recommendations: 100, paragraphs: 2_000 } as const;

/** A checked inspection record, ready to save. */
export interface InspectionInput {
  kind: ActivityKind;
  framework: Framework | null;
  startDate: string;
  endDate: string | null;
  leadInspector: string | null;
  theme: string | null;
  reportReceivedOn: string | null;
  publishedOn: string | null;
  actionPlanSentOn: string | null;
  summary: string;
  source: string;
  judgements: Array<{ key: JudgementKey; grade: Grade }>;
  /** Recommendations then areas for priority action, each numbered 1, 2, 3 … within its kind in the order given. */
  recommendations: Array<{ kind: RecommendationKind; number: number; text: string }>;
  paragraphs: Array<{ number: number; judgement: JudgementKey | null; heading: string; text: string }>;
}

const optionalText = z.string({ error: 'Must be text' }).nullish();

/**
 * The body of POST /api/inspections (and what the web form becomes). Structure only; `validateInspection` checks
 * the rules and gives the messages.
 */
export const inspectionBody = z.strictObject(
  {
    kind: z
      .string({ error: 'Give the kind: one of ' + ACTIVITY_KINDS.join(', ') })
      .describe(ACTIVITY_KINDS.join(' | ')),
    framework: optionalText.describe(`${FRAMEWORKS.join(' | ')}; omit to default from the kind and the start date`),
    startDate: z.string({ error: 'Give the start date as YYYY-MM-DD' }).describe('YYYY-MM-DD'),
    endDate: optionalText.describe('YYYY-MM-DD'),
    leadInspector: optionalText,
    theme: optionalText.describe('The theme of a focused or monitoring visit or a JTAI'),
    reportReceivedOn: optionalText.describe(
      'YYYY-MM-DD: the day the authority received the report or letter (the statutory clocks start here)',
    ),
    publishedOn: optionalText.describe('YYYY-MM-DD'),
    actionPlanSentOn: optionalText.describe(
      'YYYY-MM-DD: the day the action plan (statement of action) was sent to Ofsted',
    ),
    summary: optionalText,
    source: optionalText.describe('Where the record came from, e.g. "entered" or "report: barnet-2024.pdf"'),
    judgements: z
      .record(z.string(), z.string({ error: 'Give each grade as text' }).nullable(), {
        error: 'Give the judgements as an object, e.g. { "overall": "good" }',
      })
      .optional()
      .describe(
        `Judgement key (${JUDGEMENT_KEYS.join(', ')}) → grade (outstanding, good, requires-improvement, inadequate)`,
      ),
    recommendations: z
      .array(z.string({ error: 'Give each recommendation as text' }), {
        error: 'Give the recommendations as a list of texts',
      })
      .optional()
      .describe('What needs to improve, in the report’s order'),
    priorityActions: z
      .array(z.string({ error: 'Give each area for priority action as text' }), {
        error: 'Give the areas for priority action as a list of texts',
      })
      .optional()
      .describe('Areas for priority action, in the letter’s order'),
    paragraphs: z
      .array(
        z.object({
          number: z.number({ error: 'Give each paragraph’s number' }).int('Paragraph numbers are whole numbers'),
          judgement: optionalText.describe('The judgement key of the heading it sits under'),
          heading: optionalText,
          text: z.string({ error: 'Give each paragraph’s text' }),
        }),
        { error: 'Give the paragraphs as a list' },
      )
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Lantern does not know the field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `“${k}”`).join(', ')}: see the API documentation`
        : undefined,
  },
);
export type InspectionBody = z.input<typeof inspectionBody>;

export type Checked = { ok: true; value: InspectionInput } | { ok: false; errors: FieldError[] };

const DATE_LABELS = {
  startDate: 'The start date',
  endDate: 'The end date',
  reportReceivedOn: 'The date the report was received',
  publishedOn: 'The date the report was published',
  actionPlanSentOn: 'The date the action plan was sent',
} as const;
type DateField = keyof typeof DATE_LABELS;

/** The judgements a graded inspection under this framework must have. */
export function requiredJudgements(framework: Framework): JudgementKey[] {
  if (framework === 'sif') return ['overall', 'help-and-protection', 'children-in-care', 'leaders'];
  return FRAMEWORK_JUDGEMENTS[framework].map((j) => j.key);
}

function article(label: string): string {
  return /^[aeiou]/i.test(label) ? 'An' : 'A';
}

function clean(value: string | null | undefined): string {
  return (value ?? '').replace(/\r\n?/g, '\n').trim();
}

/**
 * The body with every rule checked: its output is the record to save. A field's first broken rule is its issue
 * (path: the field, e.g. `judgements.overall`); a body that is not even the right shape has only its shape's issues.
 */
export const inspectionRules = inspectionBody.transform((body, ctx): InspectionInput => {
  const failed = new Set<string>();
  const fail = (field: string, message: string) => {
    if (failed.has(field)) return;
    failed.add(field);
    ctx.addIssue({ code: 'custom', path: field.split('.'), message });
  };

  const kindText = clean(body.kind);
  const kind = isActivityKind(kindText) ? kindText : null;
  if (!kind)
    fail(
      'kind',
      kindText
        ? `“${kindText}” is not a kind of inspection or visit Lantern knows: choose one of the list`
        : 'Choose the kind of inspection or visit',
    );

  const dates = {} as Record<DateField, string | null>;
  for (const field of Object.keys(DATE_LABELS) as DateField[]) {
    const text = clean(body[field]);
    if (!text) {
      dates[field] = null;
      if (field === 'startDate') fail(field, 'Enter the start date');
    } else if (!isIsoDate(text)) {
      dates[field] = null;
      fail(field, `${DATE_LABELS[field]} must be a real date, for example 2024-06-10`);
    } else dates[field] = text;
  }
  const start = dates.startDate;
  if (start) {
    if (dates.endDate && dates.endDate < start)
      fail('endDate', 'The end date must be the same as or after the start date');
    for (const field of ['reportReceivedOn', 'publishedOn', 'actionPlanSentOn'] as const) {
      const d = dates[field];
      if (d && d < start) fail(field, `${DATE_LABELS[field]} must be on or after the start date`);
    }
  }
  if (dates.actionPlanSentOn && dates.reportReceivedOn && dates.actionPlanSentOn < dates.reportReceivedOn) {
    fail('actionPlanSentOn', 'The date the action plan was sent must be on or after the date the report was received');
  }

  // The framework: given, or defaulted from the kind and the start date. Meetings and self-evaluations have none.
  const frameworkText = clean(body.framework);
  let framework: Framework | null = null;
  if (frameworkText && !isFramework(frameworkText))
    fail('framework', `“${frameworkText}” is not a framework Lantern knows: choose one of the list`);
  else if (kind && kind !== 'engagement-meeting' && kind !== 'self-evaluation') {
    framework = isFramework(frameworkText) ? frameworkText : start ? frameworkFor(kind, start) : null;
    if (kind === 'sif' && framework && framework !== 'sif')
      fail('framework', 'A single inspection (SIF) is made under the single inspection framework');
    if ((kind === 'ilacs-standard' || kind === 'ilacs-short') && framework === 'sif') {
      fail(
        'framework',
        'An ILACS inspection is made under an ILACS framework: choose January 2018, January 2023 or April 2026',
      );
    }
  }

  // Judgements.
  const judgements: Array<{ key: JudgementKey; grade: Grade }> = [];
  const given = Object.entries(body.judgements ?? {}).filter(([, g]) => clean(g) !== '');
  for (const [key, gradeText] of given) {
    const field = `judgements.${key}`;
    if (!isJudgementKey(key)) {
      fail(field, `“${key}” is not a judgement Lantern knows: use one of ${JUDGEMENT_KEYS.join(', ')}`);
      continue;
    }
    if (kind && !isGraded(kind)) {
      fail(
        field,
        `${article(ACTIVITY_LABELS[kind])} ${ACTIVITY_LABELS[kind].charAt(0).toLowerCase()}${ACTIVITY_LABELS[kind].slice(1)} is not graded: leave its grades blank`,
      );
      continue;
    }
    const definition = framework ? FRAMEWORK_JUDGEMENTS[framework].find((j) => j.key === key) : undefined;
    if (framework && !definition) {
      fail(
        field,
        `${labelOf(key)} is not a judgement of the ${FRAMEWORK_LABELS[framework]} framework: choose the grades for that framework’s judgements`,
      );
      continue;
    }
    const text = clean(gradeText);
    const grade = isGrade(text) ? text : parseGrade(text);
    if (!grade) {
      fail(
        field,
        `Choose a grade for ${labelOf(key).toLowerCase()}: outstanding, good, requires improvement to be good or inadequate`,
      );
      continue;
    }
    judgements.push({ key, grade });
  }
  if (kind && isGraded(kind) && framework) {
    for (const key of requiredJudgements(framework)) {
      if (!given.some(([k]) => k === key))
        fail(`judgements.${key}`, `Choose the grade for ${labelOf(key, framework).toLowerCase()}`);
    }
  }
  judgements.sort((a, b) => order(framework, a.key) - order(framework, b.key));

  // Recommendations and areas for priority action.
  const recommendations: InspectionInput['recommendations'] = [];
  const lists: Array<[RecommendationKind, 'recommendations' | 'priorityActions', readonly string[]]> = [
    ['recommendation', 'recommendations', body.recommendations ?? []],
    ['priority-action', 'priorityActions', body.priorityActions ?? []],
  ];
  for (const [recKind, field, texts] of lists) {
    const what = recKind === 'recommendation' ? 'Recommendation' : 'Area for priority action';
    if (texts.length > ITEMS_MAX.recommendations)
      fail(field, `Give at most ${ITEMS_MAX.recommendations} ${RECOMMENDATION_KIND_LABELS[recKind].toLowerCase()}s`);
    texts.forEach((t, i) => {
      const text = clean(t).replace(/\s*\n\s*/g, ' ');
      if (!text) fail(field, `${what} ${i + 1} has no text: write what needs to improve, or remove it`);
      else if (text.length > TEXT_MAX.recommendation)
        fail(field, `${what} ${i + 1} is longer than ${TEXT_MAX.recommendation.toLocaleString('en-GB')} characters`);
      else recommendations.push({ kind: recKind, number: i + 1, text });
    });
  }

  // Paragraphs.
  const paragraphs: InspectionInput['paragraphs'] = [];
  const seen = new Set<number>();
  const paragraphList = body.paragraphs ?? [];
  if (paragraphList.length > ITEMS_MAX.paragraphs)
    fail('paragraphs', `Give at most ${ITEMS_MAX.paragraphs.toLocaleString('en-GB')} paragraphs`);
  for (const p of paragraphList) {
    if (p.number < 1) fail('paragraphs', `Paragraph numbers start at 1, not ${p.number}`);
    else if (seen.has(p.number))
      fail('paragraphs', `Paragraph ${p.number} appears twice: each paragraph has its own number`);
    seen.add(p.number);
    const text = clean(p.text);
    if (!text) fail('paragraphs', `Paragraph ${p.number} has no text`);
    else if (text.length > TEXT_MAX.paragraph)
      fail(
        'paragraphs',
        `Paragraph ${p.number} is longer than ${TEXT_MAX.paragraph.toLocaleString('en-GB')} characters`,
      );
    const judgementText = clean(p.judgement);
    if (judgementText && !isJudgementKey(judgementText))
      fail('paragraphs', `Paragraph ${p.number}: “${judgementText}” is not a judgement Lantern knows`);
    const heading = clean(p.heading).slice(0, TEXT_MAX.heading);
    paragraphs.push({
      number: p.number,
      judgement: isJudgementKey(judgementText) ? judgementText : judgementText ? null : judgementForHeading(heading),
      heading,
      text,
    });
  }
  paragraphs.sort((a, b) => a.number - b.number);

  const leadInspector = clean(body.leadInspector);
  if (leadInspector.length > TEXT_MAX.name)
    fail('leadInspector', `The lead inspector’s name must be ${TEXT_MAX.name} characters or fewer`);
  const theme = clean(body.theme);
  if (theme.length > TEXT_MAX.theme) fail('theme', `The theme must be ${TEXT_MAX.theme} characters or fewer`);
  const summary = clean(body.summary);
  if (summary.length > TEXT_MAX.summary)
    fail('summary', `The summary must be ${TEXT_MAX.summary.toLocaleString('en-GB')} characters or fewer`);
  const source = clean(body.source) || 'entered';
  if (source.length > TEXT_MAX.source) fail('source', `The source must be ${TEXT_MAX.source} characters or fewer`);

  if (failed.size > 0 || !kind || !start) {
    if (failed.size === 0) ctx.addIssue({ code: 'custom', path: [], message: 'The record is incomplete' });
    return z.NEVER;
  }
  return {
    kind,
    framework,
    startDate: start,
    endDate: dates.endDate,
    leadInspector: leadInspector || null,
    theme: theme || null,
    reportReceivedOn: dates.reportReceivedOn,
    publishedOn: dates.publishedOn,
    actionPlanSentOn: dates.actionPlanSentOn,
    summary,
    source,
    judgements,
    recommendations,
    paragraphs,
  };
});

/** Checks a body against every rule (`inspectionRules`), as field errors. Never throws for bad input. */
export function validateInspection(raw: unknown): Checked {
  const parsed = inspectionRules.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues, 'body') };
}

/** A judgement's short name as its framework (or, with none, the latest framework that has it) words it. */
export function labelOf(key: JudgementKey, framework?: Framework | null): string {
  const frameworks: Framework[] = framework ? [framework, ...FRAMEWORKS] : [...FRAMEWORKS].reverse();
  for (const f of frameworks) {
    const found = FRAMEWORK_JUDGEMENTS[f].find((j) => j.key === key);
    if (found) return found.short;
  }
  return key;
}

function order(framework: Framework | null, key: JudgementKey): number {
  const i = framework ? FRAMEWORK_JUDGEMENTS[framework].findIndex((j) => j.key === key) : -1;
  return i < 0 ? 100 + JUDGEMENT_KEYS.indexOf(key) : i;
}

// ——— text areas: lists and paragraphs as people type them ———

const NUMBERED = /^\(?(\d{1,3})[.)]\s*(?=\S)|^(\d{1,3})\s+[-–—:]\s*/;
const BULLET = /^[-•*–—]\s+/;

/**
 * A list typed in a text area: one item a line, or numbered ("1.", "1)", "(1)") with lines that do not start with
 * a number continuing the item above. Bullets ("-", "•", "*") are dropped. Blank lines are ignored.
 */
export function parseList(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const numbered = lines.some((l) => NUMBERED.test(l));
  const items: string[] = [];
  for (const line of lines) {
    if (numbered) {
      const m = NUMBERED.exec(line);
      if (m) items.push(line.slice(m[0].length).trim());
      else if (BULLET.test(line) || items.length === 0) items.push(line.replace(BULLET, '').trim());
      else items[items.length - 1] = `${items[items.length - 1]} ${line}`;
    } else items.push(line.replace(BULLET, '').trim());
  }
  return items.filter((i) => i !== '');
}

/** The same list as the text area shows it: numbered, one a line. */
export function listText(items: readonly string[]): string {
  return items.map((t, i) => `${i + 1}. ${t.replace(/\s*\n\s*/g, ' ')}`).join('\n');
}

/** The judgement a report heading names, whatever the era's wording (null for other headings). */
export function judgementForHeading(heading: string): JudgementKey | null {
  const h = heading.toLowerCase();
  if (h.includes('overall effectiveness')) return 'overall';
  if (h.includes('safeguarding children board') || /\blscb\b/.test(h)) return 'lscb';
  if (h.includes('adoption')) return 'adoption';
  if (h.includes('children in care and care leavers')) return 'children-in-care-and-care-leavers';
  if (h.includes('care leavers')) return 'care-leavers';
  if (h.includes('children in care') || h.includes('looked after')) return 'children-in-care';
  if (h.includes('help and protection')) return 'help-and-protection';
  if (h.includes('leaders') || h.includes('leadership')) return 'leaders';
  return null;
}

export interface ParagraphLine {
  number: number;
  judgement: JudgementKey | null;
  heading: string;
  text: string;
}

/**
 * The report's paragraphs as the text area holds them: "## " starts a heading; "12. …" starts paragraph 12; any
 * other line continues the paragraph above. Text before the first numbered paragraph that is not a heading is an
 * error (returned, not thrown).
 */
export function parseParagraphs(text: string): { paragraphs: ParagraphLine[]; problem: string | null } {
  const paragraphs: ParagraphLine[] = [];
  let heading = '';
  let problem: string | null = null;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('#')) {
      heading = line.replace(/^#+\s*/, '');
      continue;
    }
    const m = /^(\d{1,4})[.)]\s+(.*)$/.exec(line);
    if (m) {
      paragraphs.push({ number: Number(m[1]), judgement: judgementForHeading(heading), heading, text: m[2] ?? '' });
      continue;
    }
    const last = paragraphs[paragraphs.length - 1];
    if (last) last.text = `${last.text}\n${line}`;
    else
      problem ??= 'Start each paragraph with its number, for example “1. Leaders have …”, and each heading with “## ”';
  }
  return { paragraphs, problem };
}

/** Paragraphs as the text area shows them: each heading once, as "## heading", then "number. text". */
export function paragraphsText(paragraphs: ReadonlyArray<{ number: number; heading: string; text: string }>): string {
  const out: string[] = [];
  let heading: string | null = null;
  for (const p of paragraphs) {
    if (p.heading !== heading) {
      if (p.heading) out.push(`${out.length ? '\n' : ''}## ${p.heading}`);
      heading = p.heading;
    }
    out.push(`${p.number}. ${p.text}`);
  }
  return out.join('\n');
}

// ——— the web form ———

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const DATE_FIELDS = Object.keys(DATE_LABELS) as DateField[];

/** What the inspection form shows and sends back: every field as text, dates as GOV.UK date-input parts. */
export interface InspectionFormValues {
  kind: string;
  framework: string;
  dates: Record<DateField, DateParts>;
  leadInspector: string;
  theme: string;
  summary: string;
  source: string;
  /** Judgement key → grade ('' when not graded). */
  grades: Partial<Record<JudgementKey, string>>;
  /** One a line or numbered. */
  recommendations: string;
  priorityActions: string;
  /** "## heading" lines and "12. text" paragraphs. */
  paragraphs: string;
}

const NO_DATE: DateParts = { day: '', month: '', year: '' };

export function partsOf(iso: string | null | undefined): DateParts {
  if (!iso || !isIsoDate(iso)) return { ...NO_DATE };
  return { day: String(Number(iso.slice(8, 10))), month: String(Number(iso.slice(5, 7))), year: iso.slice(0, 4) };
}

export function emptyForm(): InspectionFormValues {
  return {
    kind: '',
    framework: '',
    dates: Object.fromEntries(DATE_FIELDS.map((f) => [f, { ...NO_DATE }])) as Record<DateField, DateParts>,
    leadInspector: '',
    theme: '',
    summary: '',
    source: 'entered',
    grades: {},
    recommendations: '',
    priorityActions: '',
    paragraphs: '',
  };
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';
}

/** The form's fields as posted (urlencoded or multipart), read into form values. */
export function formValuesFromFields(fields: Record<string, unknown>): InspectionFormValues {
  const values = emptyForm();
  values.kind = str(fields.kind).trim();
  values.framework = str(fields.framework).trim();
  for (const f of DATE_FIELDS)
    values.dates[f] = {
      day: str(fields[`${f}-day`]).trim(),
      month: str(fields[`${f}-month`]).trim(),
      year: str(fields[`${f}-year`]).trim(),
    };
  values.leadInspector = str(fields.leadInspector);
  values.theme = str(fields.theme);
  values.summary = str(fields.summary);
  values.source = str(fields.source).trim() || 'entered';
  for (const key of JUDGEMENT_KEYS) {
    const g = str(fields[`judgement-${key}`]).trim();
    if (g) values.grades[key] = g;
  }
  values.recommendations = str(fields.recommendations);
  values.priorityActions = str(fields.priorityActions);
  values.paragraphs = str(fields.paragraphs);
  return values;
}

/** A GOV.UK date input's three boxes as an ISO date, or the message for what is wrong with them. */
export function dateFromParts(field: DateField, parts: DateParts): { iso: string } | { error: string } {
  const label = DATE_LABELS[field];
  const { day, month, year } = parts;
  if (!day && !month && !year) return { iso: '' };
  const missing = (['day', 'month', 'year'] as const).filter((p) => !parts[p]);
  if (missing.length) return { error: `${label} must include a ${missing.join(' and a ')}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year))
    return { error: `${label} must be a real date, with the year in 4 numbers, for example 10 6 2024` };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? { iso } : { error: `${label} must be a real date` };
}

/** The framework whose judgements the form shows: the chosen one, or the default for the kind and start date. */
export function formFramework(values: InspectionFormValues, today: string): Framework {
  if (isFramework(values.framework)) return values.framework;
  const start = dateFromParts('startDate', values.dates.startDate);
  const date = 'iso' in start && start.iso ? start.iso : today;
  return frameworkFor(isActivityKind(values.kind) ? values.kind : 'ilacs-standard', date);
}

/**
 * The form's values as the same body the API takes, then checked by the same rules (`inspectionRules`). What is
 * wrong with the boxes themselves (a date's three boxes, the paragraphs' numbering) comes first; a date whose boxes
 * are wrong has one message (from its boxes), not a second from the rules.
 */
const inspectionFormValues = z.custom<InspectionFormValues>().transform((values, ctx): InspectionInput => {
  const failed = new Set<string>();
  const fail = (field: string, message: string) => {
    failed.add(field);
    ctx.addIssue({ code: 'custom', path: [field], message });
  };
  const dates = {} as Record<DateField, string>;
  for (const f of DATE_FIELDS) {
    const d = dateFromParts(f, values.dates[f]);
    if ('error' in d) fail(f, d.error);
    dates[f] = 'iso' in d ? d.iso : '';
  }
  const parsed = parseParagraphs(values.paragraphs);
  if (parsed.problem) fail('paragraphs', parsed.problem);
  const checked = inspectionRules.safeParse({
    kind: values.kind,
    framework: values.framework || null,
    ...dates,
    leadInspector: values.leadInspector,
    theme: values.theme,
    summary: values.summary,
    source: values.source,
    judgements: values.grades,
    recommendations: parseList(values.recommendations),
    priorityActions: parseList(values.priorityActions),
    paragraphs: parsed.paragraphs,
  } satisfies InspectionBody);
  if (!checked.success)
    for (const issue of checked.error.issues)
      if (!failed.has(issue.path.map(String).join('.')))
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  return failed.size > 0 || !checked.success ? z.NEVER : checked.data;
});

/** The form's values checked (as `inspectionForm` does), as field errors. */
export function checkForm(values: InspectionFormValues): Checked {
  const parsed = inspectionFormValues.safeParse(values);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues, 'body') };
}

/** The fields the inspection form posts, all text (a date as its three boxes, a grade as `judgement-<key>`). */
export const inspectionFormFields = z.strictObject({
  kind: formText,
  framework: formText,
  ...Object.fromEntries(
    DATE_FIELDS.flatMap((f) => ['day', 'month', 'year'].map((part) => [`${f}-${part}`, formText] as const)),
  ),
  leadInspector: formText,
  theme: formText,
  summary: formText,
  source: formText,
  ...Object.fromEntries(JUDGEMENT_KEYS.map((key) => [`judgement-${key}`, formText] as const)),
  recommendations: formText,
  priorityActions: formText,
  paragraphs: formText,
  /** A form filled from a report read in ('read'), with the file read and the reader's warnings. */
  mode: formText,
  readFrom: formText,
  warnings: formText,
  /** The record being corrected (the form re-drawn while editing). */
  inspectionId: formText,
});

/** The inspection form, checked by the same rules as the API's body: its output is the record to save. */
export const inspectionForm = inspectionFormFields.transform(formValuesFromFields).pipe(inspectionFormValues);

/** A saved record as the form shows it, for editing. */
export function formValuesFromRecord(record: {
  kind: string;
  framework: string | null;
  startDate: string;
  endDate: string | null;
  leadInspector: string | null;
  theme: string | null;
  reportReceivedOn: string | null;
  publishedOn: string | null;
  actionPlanSentOn: string | null;
  summary: string;
  source: string;
  judgements: ReadonlyArray<{ key: JudgementKey; grade: Grade }>;
  recommendations: ReadonlyArray<{ kind: RecommendationKind; number: number; text: string }>;
  paragraphs: ReadonlyArray<{ number: number; heading: string; text: string }>;
}): InspectionFormValues {
  const values = emptyForm();
  values.kind = record.kind;
  values.framework = record.framework ?? '';
  for (const f of DATE_FIELDS) values.dates[f] = partsOf(record[f]);
  values.leadInspector = record.leadInspector ?? '';
  values.theme = record.theme ?? '';
  values.summary = record.summary;
  values.source = record.source;
  for (const j of record.judgements) values.grades[j.key] = j.grade;
  const byKind = (k: RecommendationKind) =>
    [...record.recommendations]
      .filter((r) => r.kind === k)
      .sort((a, b) => a.number - b.number)
      .map((r) => r.text);
  values.recommendations = listText(byKind('recommendation'));
  values.priorityActions = listText(byKind('priority-action'));
  values.paragraphs = paragraphsText([...record.paragraphs].sort((a, b) => a.number - b.number));
  return values;
}

/** What the report reader proposed, as the form shows it for checking. Anything it did not find is left blank. */
export function formValuesFromProposal(
  proposal: {
    kind: ActivityKind | null;
    framework: Framework | null;
    startDate: string | null;
    endDate: string | null;
    publishedOn: string | null;
    leadInspector: string | null;
    theme: string | null;
    summary: string;
    judgements: ReadonlyArray<{ key: JudgementKey; grade: Grade }>;
    recommendations: ReadonlyArray<{ kind: RecommendationKind; number: number; text: string }>;
    paragraphs: ReadonlyArray<{ number: number; heading: string; text: string }>;
  },
  source: string,
): InspectionFormValues {
  return formValuesFromRecord({
    kind: proposal.kind ?? '',
    framework: proposal.framework,
    startDate: proposal.startDate ?? '',
    endDate: proposal.endDate,
    leadInspector: proposal.leadInspector,
    theme: proposal.theme,
    reportReceivedOn: null,
    publishedOn: proposal.publishedOn,
    actionPlanSentOn: null,
    summary: proposal.summary,
    source,
    judgements: proposal.judgements,
    recommendations: proposal.recommendations,
    paragraphs: proposal.paragraphs,
  });
}
