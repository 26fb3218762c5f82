/**
 * Reading one module's elements with the checks every CIN element gets: unknown elements, elements given twice,
 * required elements left out, dates that are not dates, codes not in the year's list, yes/no and whole numbers.
 * Each problem is reported once, with the file, the element's line and name, and the child's ID.
 */
import { parseDate } from '../../fields';
import { LANTERN_RULES, type IssueLog } from '../../issues';
import type { XmlNode } from './xml-stream';

export interface ElementContext {
  file: string;
  issues: IssueLog;
  /** The LAchildID, once known, for the issue log. */
  child: string | null;
}

/** How often an element may appear in its module. */
export type Occurs = 'one' | 'many';

export class ModuleReader {
  /** Line of the first non-empty element of each name. */
  readonly lines: Record<string, number> = {};
  private readonly byName = new Map<string, XmlNode[]>();

  constructor(
    readonly node: XmlNode,
    private readonly ctx: ElementContext,
    allowed: Record<string, Occurs>,
    /** Elements that belong to other collection years, with the message to give. */
    wrongYear: Record<string, string> = {},
  ) {
    for (const c of node.children) {
      const list = this.byName.get(c.name);
      if (list) list.push(c);
      else this.byName.set(c.name, [c]);
      // Lines of elements with content only: an empty element counts as left out (the rules' "missing").
      if (this.lines[c.name] === undefined && (c.text !== '' || c.children.length > 0)) this.lines[c.name] = c.line;
    }
    for (const [name, list] of this.byName) {
      const first = list[0] as XmlNode;
      const yearMessage = wrongYear[name];
      if (yearMessage !== undefined) {
        this.error(first, LANTERN_RULES.code, yearMessage);
      } else if (allowed[name] === undefined) {
        this.error(first, LANTERN_RULES.column, `${name} is not an element of ${node.name} in the CIN census`);
      } else if (allowed[name] === 'one' && list.length > 1) {
        this.error(list[1] as XmlNode, LANTERN_RULES.column, `${name} appears more than once in ${node.name}`);
      }
    }
  }

  error(at: XmlNode | null, rule: string, message: string, column?: string): void {
    this.ctx.issues.error(
      this.ctx.file,
      at ? at.line : this.node.line,
      column ?? at?.name ?? this.node.name,
      rule,
      message,
      this.ctx.child,
    );
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  nodes(name: string): XmlNode[] {
    return this.byName.get(name) ?? [];
  }

  /**
   * The element's trimmed text; null when absent or empty. Reports a missing required element (under `rule`, the
   * DfE code that covers it, if there is one; LNT-REQUIRED otherwise).
   */
  text(name: string, required = false, rule: string = LANTERN_RULES.required): string | null {
    const n = this.byName.get(name)?.[0];
    const value = n && n.text !== '' ? n.text : null;
    if (value === null && required) this.missing(name, rule);
    return value;
  }

  missing(name: string, rule: string = LANTERN_RULES.required): void {
    this.error(null, rule, `${name} is required in ${this.node.name} but is missing or empty`, name);
  }

  /** A date; `rule` is the DfE code for a missing required one, where the validator has one (else LNT-REQUIRED). */
  date(name: string, required = false, rule?: string): string | null {
    const t = this.text(name, required, rule);
    if (t === null) return null;
    return this.dateOf(this.nodes(name)[0] as XmlNode);
  }

  /** The date in one element (of several with the same name); null, reported, when it is not a real date. */
  dateOf(n: XmlNode): string | null {
    if (n.text === '') return null;
    const d = parseDate(n.text);
    if (d === null) this.error(n, LANTERN_RULES.type, `${n.name} "${n.text}" is not a real date (expected YYYY-MM-DD)`);
    return d;
  }

  /**
   * A code, trimmed and in upper case, checked against `list`; null (reported) when not in it. `rule` is the DfE
   * code for a missing or invalid value, where the validator has one (else LNT-REQUIRED and LNT-CODE).
   */
  code(name: string, list: readonly string[], listLabel: string, required = false, rule?: string): string | null {
    const t = this.text(name, required, rule);
    if (t === null) return null;
    const c = t.toUpperCase();
    if (!list.includes(c)) {
      this.error(
        this.nodes(name)[0] ?? null,
        rule ?? LANTERN_RULES.code,
        `${name} "${t}" is not a code of ${listLabel}`,
      );
      return null;
    }
    return c;
  }

  /** Yes/no as the census writes it: true/false or 1/0 (any case). */
  yesNo(name: string, required = false): boolean | null {
    const t = this.text(name, required);
    if (t === null) return null;
    const v = parseYesNoStrict(t);
    if (v === null)
      this.error(this.nodes(name)[0] ?? null, LANTERN_RULES.type, `${name} "${t}" is not true, false, 1 or 0`);
    return v;
  }

  /** A whole number; `missingRule` is the DfE code for a missing value, where the validator has one. */
  wholeNumber(name: string, required = false, missingRule?: string): number | null {
    const t = this.text(name, required, missingRule);
    if (t === null) return null;
    if (!/^\d+$/.test(t)) {
      this.error(this.nodes(name)[0] ?? null, LANTERN_RULES.type, `${name} "${t}" is not a whole number of 0 or more`);
      return null;
    }
    return Number.parseInt(t, 10);
  }
}

/** true/false/1/0 in any case; null for anything else. */
export function parseYesNoStrict(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  return null;
}
