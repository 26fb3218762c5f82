import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml } from './html';

test('escapeHtml writes the five characters HTML gives meaning to as entities', () => {
  assert.equal(
    escapeHtml(`<a href="x">Tom & Jerry's</a>`),
    '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
  );
  assert.equal(escapeHtml('&amp;'), '&amp;amp;', 'an entity already there is escaped again, not trusted');
  assert.equal(escapeHtml('Family Support 1'), 'Family Support 1', 'plain text is unchanged');
  assert.equal(escapeHtml(''), '');
});
