/**
 * A small XML writer for the CIN census: elements and text only, pretty-printed (two spaces a level, "\n" between
 * lines, no newline at the end), written into a string that the exporter takes a batch at a time. It writes exactly
 * what xmlbuilder2's callback builder wrote with `prettyPrint: true` (the census files are byte-for-byte as before):
 * an element with text on one line, an element with no children as `<Name/>`, and text escaped as xmlbuilder2 does
 * (`&` unless it already starts one of the five entities, `<` and `>`). It builds no document tree, which cost the
 * export most of its time.
 */

const ESCAPE = /[&<>]/;

/** Text as xmlbuilder2 escapes it. */
export function escapeText(text: string): string {
  if (!ESCAPE.test(text)) return text;
  return text
    .replace(/(?!&(lt|gt|amp|apos|quot);)&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export class XmlWriter {
  private text = '';
  /** The open elements; the last one's start tag is not yet written while `pending` is true (`line` is never called then). */
  private readonly open: string[] = [];
  private pending = false;
  private started = false;

  private line(markup: string): void {
    this.text += `${this.started ? '\n' : ''}${'  '.repeat(this.open.length)}${markup}`;
    this.started = true;
  }

  /** Writes the start tag of the element whose children come next (xmlbuilder2 waits for them, for `<Name/>`). */
  private settle(): void {
    if (!this.pending) return;
    this.pending = false;
    const name = this.open[this.open.length - 1] as string;
    this.open.pop();
    this.line(`<${name}>`);
    this.open.push(name);
  }

  declaration(): this {
    this.line('<?xml version="1.0" encoding="UTF-8"?>');
    return this;
  }

  /** Opens an element; `up` closes it. */
  ele(name: string): this {
    this.settle();
    this.open.push(name);
    this.pending = true;
    return this;
  }

  /** An element holding only text. */
  leaf(name: string, text: string): this {
    this.settle();
    this.line(`<${name}>${escapeText(text)}</${name}>`);
    return this;
  }

  up(): this {
    if (this.pending) {
      this.pending = false;
      const name = this.open.pop() as string;
      this.line(`<${name}/>`);
      return this;
    }
    const name = this.open.pop();
    if (name === undefined) throw new Error('No element is open');
    this.line(`</${name}>`);
    return this;
  }

  /** Everything written since the last take. */
  take(): string {
    const out = this.text;
    this.text = '';
    return out;
  }
}
