/**
 * Reads a CIN census XML as a stream with saxes: it never holds more than one Header or one Child in memory.
 * Each Header and each Child is handed over as a small tree of elements with the line each opens on, as soon as
 * its closing tag is read. A file that is not well formed (truncated, a tag left open, a stray character) stops
 * the reading at the first fault, with its line.
 */
import { SaxesParser } from 'saxes';

export interface XmlNode {
  name: string;
  /** 1-based line of the opening tag. */
  line: number;
  /** The element's own text (trimmed when read). */
  text: string;
  children: XmlNode[];
}

export interface CensusXmlHandlers {
  /** Message's Header. */
  header(node: XmlNode): void;
  /** Each Children/Child. */
  child(node: XmlNode): void;
  /** An element where the census has none (under Message or Children), or a root that is not Message. */
  unexpected(node: XmlNode, parent: string | null): void;
}

export interface XmlFault {
  line: number;
  message: string;
}

/** Reads the text; returns the first well-formedness fault, or null when the XML was read to its end. */
export async function readCensusXml(
  text: AsyncIterable<string | Buffer>,
  on: CensusXmlHandlers,
): Promise<XmlFault | null> {
  const parser = new SaxesParser({ position: true });
  let fault: XmlFault | null = null;
  const stack: XmlNode[] = [];
  let sawRoot = false;

  parser.on('error', (err) => {
    if (fault) return;
    // saxes prefixes its messages with "line:column: "; Lantern gives the line itself.
    const reason = err.message.replace(/^\d+:\d+:\s*/, '');
    fault = { line: parser.line, message: reason };
  });
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, line: parser.line, text: '', children: [] };
    if (stack.length === 0) {
      sawRoot = true;
      if (tag.name !== 'Message') on.unexpected(node, null);
    }
    stack.push(node);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('cdata', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    const node = stack.pop();
    if (!node) return;
    node.text = node.text.trim();
    const parent = stack[stack.length - 1];
    if (!parent) return;
    if (stack.length === 1) {
      // Directly under the root: Header or Children. Children's own content was dispatched child by child.
      if (node.name === 'Header') on.header(node);
      else if (node.name !== 'Children') on.unexpected(node, parent.name);
      return;
    }
    if (stack.length === 2 && parent.name === 'Children') {
      if (node.name === 'Child') on.child(node);
      else on.unexpected(node, 'Children');
      return;
    }
    parent.children.push(node);
  });

  for await (const chunk of text) {
    parser.write(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- assigned in a callback, which the type checker does not follow
    if (fault) return fault;
  }
  parser.close();
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- assigned in a callback, which the type checker does not follow
  if (fault) return fault;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- assigned in a callback, which the type checker does not follow
  if (!sawRoot) return { line: parser.line, message: 'the file has no XML elements' };
  return null;
}
