/**
 * The census's own XML writer writes what xmlbuilder2's callback builder wrote (with prettyPrint), the builder the
 * export used to build the whole document with: the same calls on both give the same text, for nesting, text,
 * empty elements and every character xmlbuilder2 escapes (and the entities it leaves as they are).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createCB } from 'xmlbuilder2';
import { escapeText, XmlWriter } from './xml';

type Step = ['ele', string] | ['leaf', string, string] | ['up'];

function viaXmlbuilder2(steps: readonly Step[]): string {
  let text = '';
  const xml = createCB({ data: (chunk: string) => (text += chunk), prettyPrint: true });
  xml.dec({ version: '1.0', encoding: 'UTF-8' });
  for (const s of steps) {
    if (s[0] === 'ele') xml.ele(s[1]);
    else if (s[0] === 'leaf') xml.ele(s[1]).txt(s[2]).up();
    else xml.up();
  }
  xml.end();
  return text;
}

function viaWriter(steps: readonly Step[]): string {
  const xml = new XmlWriter().declaration();
  let text = '';
  for (const s of steps) {
    if (s[0] === 'ele') xml.ele(s[1]);
    else if (s[0] === 'leaf') xml.leaf(s[1], s[2]);
    else xml.up();
    text += xml.take(); // taken in pieces, as the export takes a batch at a time
  }
  return text + xml.take();
}

it('writes what xmlbuilder2 wrote, element for element', () => {
  const steps: Step[] = [
    ['ele', 'Message'],
    ['ele', 'Header'],
    ['leaf', 'Collection', 'CIN'],
    ['ele', 'Empty'],
    ['up'],
    ['up'],
    ['ele', 'Children'],
    ['ele', 'Child'],
    ['leaf', 'LAchildID', 'A&B <1> "q" \'a\''],
    ['leaf', 'UPN', 'already &amp; &lt;escaped&gt; &quot;&apos; & &#38; &x;'],
    ['ele', 'Disabilities'],
    ['leaf', 'Disability', 'NONE'],
    ['up'],
    ['up'],
    ['ele', 'Child'],
    ['up'],
    ['up'],
    ['up'],
  ];
  const expected = viaXmlbuilder2(steps);
  assert.equal(viaWriter(steps), expected);
  // What the calls above come to, checked by eye: two spaces a level, no newline at the end.
  assert.ok(expected.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n  <Header>\n'));
  assert.ok(expected.includes('\n    <Empty/>\n'));
  assert.ok(expected.endsWith('\n    <Child/>\n  </Children>\n</Message>'));
});

it('writes an empty document element as xmlbuilder2 did', () => {
  const steps: Step[] = [['ele', 'Children'], ['up']];
  assert.equal(viaWriter(steps), viaXmlbuilder2(steps));
});

it('escapes &, < and > and leaves an entity as it is, as xmlbuilder2 does', () => {
  // Worked by hand: the first & starts no entity, so it is escaped; "&amp;" is left; < and > are escaped.
  assert.equal(escapeText('a & b &amp; <c>'), 'a &amp; b &amp; &lt;c&gt;');
  assert.equal(escapeText('C0000005'), 'C0000005');
});
