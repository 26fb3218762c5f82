/**
 * A corpus of injected violations (issue 16): take a clean export of the SSDA903 (its CSV files) and of the CIN
 * census (its XML), and break a few children's records in one way each, so that a test can check that Lantern
 * catches every broken child with the DfE rule that says so. Each kind picks the first `perKind` children of the
 * file (in file order) that have what it needs and that no other kind has picked, so every injected child has
 * exactly one fault and the expected code is the kind's.
 *
 * Only the text is changed: the files stay well formed and every other child is left as it was. Dates are shifted
 * by a day or two around the record's own dates, so a fault is the smallest change that breaks the rule.
 */
import { addDays } from '../../src/domain/working-days';

export interface Injection {
  /** The kind of fault, in words. */
  kind: string;
  /** The DfE rule code that must report it. */
  code: string;
  /** The collection year of the file it was injected into. */
  year: number;
  /** LAchildID (CIN) or CHILD (903) of the child it was injected into. */
  child: string;
}

/** A child's record in one year's file. */
interface InYear {
  year: number;
}

interface Kind<T> {
  kind: string;
  code: string;
  /** The changed record when this child can take the fault, else null. */
  apply(record: T): T | null;
}

/** Runs each kind over the records in order, at most `perKind` children each, one kind per child. */
function injectAll<T extends InYear>(
  records: T[],
  idOf: (r: T) => string,
  kinds: ReadonlyArray<Kind<T>>,
  perKind: number,
): { records: T[]; injected: Injection[] } {
  const out = [...records];
  const taken = new Set<number>();
  const injected: Injection[] = [];
  for (const k of kinds) {
    let n = 0;
    for (let i = 0; i < out.length && n < perKind; i++) {
      if (taken.has(i)) continue;
      const changed = k.apply(out[i] as T);
      if (changed === null) continue;
      out[i] = changed;
      taken.add(i);
      injected.push({ kind: k.kind, code: k.code, year: changed.year, child: idOf(changed) });
      n++;
    }
    if (n < perKind)
      throw new Error(`only ${n} children could take "${k.kind}" (${k.code}); a larger export is needed`);
  }
  return { records: out, injected };
}

// ---------------------------------------------------------------------------------------------------------------
// CIN census (XML as the exporter writes it: one element per line)

const CHILD = /<Child>[\s\S]*?<\/Child>/g;

/** The text of the first element `name` in `xml`, or null. */
function value(xml: string, name: string): string | null {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? null;
}

/** `xml` with the first element `name` given `text` (which must be there). */
function setValue(xml: string, name: string, text: string): string {
  return xml.replace(new RegExp(`<${name}>[^<]*</${name}>`), `<${name}>${text}</${name}>`);
}

/** Replaces the first block of `name` in the child for which `change` gives a new block. */
function changeBlock(child: string, name: string, change: (block: string) => string | null): string | null {
  const re = new RegExp(`<${name}>[\\s\\S]*?</${name}>`, 'g');
  for (const m of child.matchAll(re)) {
    const changed = change(m[0]);
    if (changed !== null) return child.slice(0, m.index) + changed + child.slice(m.index + m[0].length);
  }
  return null;
}

/** Changes the first CINdetails whose module block `name` `change` accepts (given the episode too). */
function changeModule(
  child: string,
  name: string,
  change: (block: string, episode: string) => string | null,
): string | null {
  return changeBlock(child, 'CINdetails', (ep) => changeBlock(ep, name, (block) => change(block, ep)));
}

/** A child of one year's census: the text of its Child element. */
interface CinChild extends InYear {
  text: string;
}

/** A kind that changes a child's text, given the year of its census; null when the child cannot take it. */
function onText(kind: string, code: string, apply: (c: string, year: number) => string | null): Kind<CinChild> {
  return {
    kind,
    code,
    apply: (c) => {
      const text = apply(c.text, c.year);
      return text === null ? null : { ...c, text };
    },
  };
}

const CIN_KINDS: ReadonlyArray<Kind<CinChild>> = [
  onText('an assessment authorised before it started', '8608', (c) =>
    changeModule(c, 'Assessments', (a) => {
      const start = value(a, 'AssessmentActualStartDate');
      if (start === null || value(a, 'AssessmentAuthorisationDate') === null) return null;
      return setValue(a, 'AssessmentAuthorisationDate', addDays(start, -1));
    }),
  ),
  onText('a CIN plan ending before it starts', '4011', (c) =>
    changeModule(c, 'CINPlanDates', (p) => {
      const start = value(p, 'CINPlanStartDate');
      if (start === null || value(p, 'CINPlanEndDate') === null) return null;
      return setValue(p, 'CINPlanEndDate', addDays(start, -1));
    }),
  ),
  onText('a school-age child with no UPN', '8770Q', (c, year) => {
    const born = value(c, 'PersonBirthDate');
    // Of school age by any year's reckoning (rule 8770Q's cut-off is 31 March or 31 August, six years back).
    if (born === null || born > `${year - 7}-03-31` || value(c, 'UPN') === null) return null;
    if (!c.includes('<ReferralNFA>false</ReferralNFA>')) return null;
    return c.replace(/\s*<UPN>[^<]*<\/UPN>/, '');
  }),
  onText('a S47 in an episode closed after assessment (RC8): 2990 counts S47s and ICPCs', '2990', (c) =>
    changeBlock(c, 'CINdetails', (ep) => {
      if (value(ep, 'ReasonForClosure') === null || !ep.includes('<Section47>')) return null;
      // Only the S47 (and its conference) is activity 2990 forbids: no CIN or CP plan in the episode.
      if (ep.includes('<CINPlanDates>') || ep.includes('<ChildProtectionPlans>')) return null;
      return setValue(ep, 'ReasonForClosure', 'RC8');
    }),
  ),
  onText('an initial conference after its episode was closed', '8565', (c) =>
    changeBlock(c, 'CINdetails', (ep) => {
      const referral = value(ep, 'CINreferralDate');
      const s47 = /<Section47>[\s\S]*?<\/Section47>/.exec(ep)?.[0] ?? '';
      const icpc = value(s47, 'DateOfInitialCPC');
      if (referral === null || icpc === null || icpc <= referral) return null;
      const closed = addDays(icpc, -1);
      if (value(ep, 'CINclosureDate') !== null) return setValue(ep, 'CINclosureDate', closed);
      return ep.replace(
        /(\s*)<PrimaryNeedCode>([^<]*)<\/PrimaryNeedCode>/,
        `$1<PrimaryNeedCode>$2</PrimaryNeedCode>$1<CINclosureDate>${closed}</CINclosureDate>$1<ReasonForClosure>RC7</ReasonForClosure>`,
      );
    }),
  ),
  onText('a closed episode with an assessment not completed', '8867', (c) =>
    changeBlock(c, 'CINdetails', (ep) => {
      if (value(ep, 'CINclosureDate') === null) return null;
      return changeBlock(ep, 'Assessments', (a) =>
        value(a, 'AssessmentAuthorisationDate') === null
          ? null
          : a
              .replace(/\s*<AssessmentAuthorisationDate>[^<]*<\/AssessmentAuthorisationDate>/, '')
              .replace(/\s*<FactorsIdentifiedAtAssessment>[\s\S]*?<\/FactorsIdentifiedAtAssessment>/, ''),
      );
    }),
  ),
  onText('two CIN plans at once (the same plan twice)', '4014', (c) =>
    changeModule(c, 'CINPlanDates', (p) => `${p}\n${p}`),
  ),
  onText('a S47 starting while another is ongoing', '8890', (c) =>
    changeModule(c, 'Section47', (s) => {
      const start = value(s, 'S47ActualStartDate');
      const icpc = value(s, 'DateOfInitialCPC');
      if (start === null || icpc === null || icpc <= start) return null;
      return `${s}\n${setValue(s, 'S47ActualStartDate', addDays(start, 1))}`;
    }),
  ),
  onText('a CP plan review on the day the plan started', '8841', (c) =>
    changeModule(c, 'ChildProtectionPlans', (p) => {
      const start = value(p, 'CPPstartDate');
      if (start === null || value(p, 'CPPreviewDate') === null) return null;
      return setValue(p, 'CPPreviewDate', start);
    }),
  ),
  onText('a closure after the end of the census year', '8620', (c, year) =>
    changeBlock(c, 'CINdetails', (ep) =>
      value(ep, 'CINclosureDate') === null ? null : setValue(ep, 'CINclosureDate', addDays(`${year}-03-31`, 1)),
    ),
  ),
];

/**
 * CIN censuses (one per collection year, text as exported) with each kind of fault injected into `perKind` children,
 * taken from the first year's file on: the same changed files, in the same order.
 */
export function injectCin(
  files: ReadonlyArray<{ year: number; xml: string }>,
  perKind = 8,
): { files: Array<{ year: number; xml: string }>; injected: Injection[] } {
  const children: CinChild[] = files.flatMap(({ year, xml }) =>
    [...xml.matchAll(CHILD)].map((m) => ({ year, text: m[0] })),
  );
  const { records, injected } = injectAll(children, (c) => value(c.text, 'LAchildID') ?? '', CIN_KINDS, perKind);
  let i = 0;
  return {
    files: files.map(({ year, xml }) => ({ year, xml: xml.replace(CHILD, () => (records[i++] as CinChild).text) })),
    injected,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// SSDA903 (CSV files as the exporter writes them: a header row, values without commas or quotes, dates dd/mm/yyyy)

interface Table {
  columns: string[];
  rows: string[][];
}

function parseCsv(text: string): Table {
  const [head, ...lines] = text.split('\n').filter((l) => l !== '');
  return { columns: (head ?? '').split(','), rows: lines.map((l) => l.split(',')) };
}

function writeCsv(t: Table): string {
  return [t.columns, ...t.rows].map((r) => r.join(',')).join('\n') + '\n';
}

const iso = (dmy: string) => `${dmy.slice(6, 10)}-${dmy.slice(3, 5)}-${dmy.slice(0, 2)}`;
const dmy = (isoDate: string) => `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;

/** One child of the return: their Header row and their episodes (in file order), as mutable copies. */
interface Child903 extends InYear {
  id: string;
  header: Record<string, string>;
  episodes: Array<Record<string, string>>;
}

function ssda903Kinds(): Array<Kind<Child903>> {
  const change = (c: Child903, header: Record<string, string>, episodes = c.episodes): Child903 => ({
    ...c,
    header,
    episodes,
  });
  const withEpisode = (c: Child903, i: number, e: Record<string, string>) =>
    change(
      c,
      c.header,
      c.episodes.map((x, j) => (j === i ? e : x)),
    );
  return [
    {
      kind: 'an episode ending before it starts',
      code: '356',
      apply: (c) => {
        const i = c.episodes.findIndex((e) => e.DEC !== '' && e.DECOM !== '');
        const e = c.episodes[i];
        return e ? withEpisode(c, i, { ...e, DEC: dmy(addDays(iso(e.DECOM as string), -1)) }) : null;
      },
    },
    {
      kind: 'overlapping episodes (one ends after the next has started)',
      code: '388',
      apply: (c) => {
        const i = c.episodes.findIndex((e, j) => e.REC === 'X1' && c.episodes[j + 1] !== undefined);
        const e = c.episodes[i];
        const next = c.episodes[i + 1];
        if (!e || !next) return null;
        const dec = addDays(iso(next.DECOM as string), 1);
        if (next.DEC !== '' && dec >= iso(next.DEC as string)) return null;
        return withEpisode(c, i, { ...e, DEC: dmy(dec) });
      },
    },
    {
      kind: 'MOTHER = 1 on a male child',
      code: '611',
      apply: (c) =>
        (c.header.SEX === '1' || c.header.SEX === 'M') && c.header.MOTHER !== '1'
          ? change(c, { ...c.header, MOTHER: '1', MC_DOB: '' })
          : null,
    },
    {
      kind: 'an episode starting after the end of the year',
      code: '354',
      apply: (c) => {
        const last = c.episodes.length - 1;
        const e = c.episodes[last];
        // An open last episode moved to start after 31 March: nothing after it to disturb.
        return e && e.DEC === '' ? withEpisode(c, last, { ...e, DECOM: dmy(`${c.year}-04-01`) }) : null;
      },
    },
    {
      kind: 'a child born after their care began',
      code: '302',
      apply: (c) => {
        const first = c.episodes[0];
        if (!first || first.DECOM === '') return null;
        return change(c, { ...c.header, DOB: dmy(addDays(iso(first.DECOM as string), 1)) });
      },
    },
  ];
}

/** One year's return: its CSV files by name (header.csv and episodes.csv are the ones changed). */
export interface Return903 {
  year: number;
  files: Record<string, string>;
}

const asRecord = (t: Table, row: string[]) => Object.fromEntries(t.columns.map((col, i) => [col, row[i] ?? '']));

/** The children of one year's return who have episodes in it, in Header order. */
function childrenOf({ year, files }: Return903): Child903[] {
  const header = parseCsv(files['header.csv'] ?? '');
  const episodes = parseCsv(files['episodes.csv'] ?? '');
  const byChild = new Map<string, Array<Record<string, string>>>();
  for (const row of episodes.rows) {
    const e = asRecord(episodes, row);
    const list = byChild.get(e.CHILD as string);
    if (list) list.push(e);
    else byChild.set(e.CHILD as string, [e]);
  }
  return header.rows
    .map((row) => asRecord(header, row))
    .filter((h) => byChild.has(h.CHILD as string))
    .map((h) => ({ year, id: h.CHILD as string, header: h, episodes: byChild.get(h.CHILD as string) ?? [] }));
}

/** One year's return with its children's Header and Episodes rows replaced by their changed copies, in place. */
function rewrite({ year, files }: Return903, changed: ReadonlyMap<string, Child903>): Return903 {
  const header = parseCsv(files['header.csv'] ?? '');
  const episodes = parseCsv(files['episodes.csv'] ?? '');
  const headerOut: Table = {
    columns: header.columns,
    rows: header.rows.map((row) => {
      const c = changed.get(row[0] as string);
      return c ? header.columns.map((col) => c.header[col] ?? '') : row;
    }),
  };
  const seen = new Map<string, number>();
  const episodesOut: Table = {
    columns: episodes.columns,
    rows: episodes.rows.map((row) => {
      const id = row[0] as string;
      const n = seen.get(id) ?? 0;
      seen.set(id, n + 1);
      const e = changed.get(id)?.episodes[n];
      return e ? episodes.columns.map((col) => e[col] ?? '') : row;
    }),
  };
  return { year, files: { ...files, 'header.csv': writeCsv(headerOut), 'episodes.csv': writeCsv(episodesOut) } };
}

/**
 * SSDA903 returns (one per collection year) with each kind of fault injected into `perKind` children who have
 * episodes, taken from the first year's return on: the same returns, in the same order, changed.
 */
export function inject903(returns: readonly Return903[], perKind = 8): { returns: Return903[]; injected: Injection[] } {
  const children = returns.flatMap(childrenOf);
  const { records, injected } = injectAll(children, (c) => c.id, ssda903Kinds(), perKind);
  return {
    returns: returns.map((r) => {
      const changed = new Map(records.filter((c) => c.year === r.year).map((c) => [c.id, c]));
      return rewrite(r, changed);
    }),
    injected,
  };
}
