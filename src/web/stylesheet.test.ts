import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadGovukStylesheet } from './stylesheet';

test('the stylesheet is compiled from GOV.UK Frontend without its typeface, kept, and read back from the cache', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lantern-css-'));
  try {
    const cacheDir = path.join(dir, 'cache');
    const css = await loadGovukStylesheet(cacheDir);
    assert.match(css, /\.govuk-button\{/);
    assert.match(css, /font-family:arial,sans-serif/);
    assert.doesNotMatch(css, /GDS Transport/);
    const files = readdirSync(cacheDir);
    assert.equal(files.length, 1, 'one file, no partial left behind');
    const file = path.join(cacheDir, files[0]!);
    assert.match(files[0]!, /^govuk-[0-9a-f]{16}\.css$/);
    assert.equal(readFileSync(file, 'utf8'), css);
    // The next process reads the file rather than compiling: what it returns is what the file holds.
    writeFileSync(file, '/* kept */');
    assert.equal(await loadGovukStylesheet(cacheDir), '/* kept */');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
