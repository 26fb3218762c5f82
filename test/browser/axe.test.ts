/**
 * The check every browser test relies on: checkAccessibility() fails a page that breaks WCAG, however it was reached.
 * Without this file, a change that stopped axe finding anything (its options, the markup cache, the twin context a
 * page without JavaScript is checked in) would pass every browser test unnoticed.
 *
 * The pages are set in the browser directly (no server): a page with an image without alternative text (axe's
 * image-alt, WCAG 1.1.1) and grey text on white below 4.5:1 (color-contrast, WCAG 1.4.3: #aaa on #fff is 2.32:1).
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { checkAccessibility, launch, markupDigest, newContext, withoutCsrfTokens } from './browser';

const BAD = `<!DOCTYPE html><html lang="en"><head><title>Bad page</title></head><body><main>
  <h1>A page with two faults</h1>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20">
  <p style="color:#aaa;background:#fff">Grey on white</p>
</main></body></html>`;
const GOOD = `<!DOCTYPE html><html lang="en"><head><title>Good page</title></head><body><main>
  <h1>A page with none</h1>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20" alt="A dot">
  <p style="color:#0b0c0c;background:#fff">Black on white</p>
</main></body></html>`;

/** The rule ids in checkAccessibility's failure message ("axe found accessibility problems on …"). */
async function failures(check: Promise<void>): Promise<string[]> {
  try {
    await check;
    return [];
  } catch (e) {
    assert.match(String(e), /axe found accessibility problems/);
    return [...String(e).matchAll(/'([a-z-]+) \((?:minor|moderate|serious|critical)\)/g)].map((m) => m[1] ?? '');
  }
}

describe('axe on every page', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  it('fails a page with an image without alternative text and text below 4.5:1, every time it is checked', async () => {
    const page = await (await newContext(browser)).newPage();
    await page.setContent(BAD);
    assert.deepEqual((await failures(checkAccessibility(page))).sort(), ['color-contrast', 'image-alt']);
    // A page that failed is never remembered as passed: the same markup fails again.
    assert.deepEqual((await failures(checkAccessibility(page))).sort(), ['color-contrast', 'image-alt']);
  });

  it('knows a page by its markup without its CSRF tokens: two sessions’ copies of a page are one page, any other change is another', async () => {
    const page = await (await newContext(browser)).newPage();
    const form = (token: string, other = 'a') =>
      GOOD.replace(
        '</main>',
        `<form method="post" action="/x?_csrf=${token}"><input type="hidden" name="_csrf" value="${token}">` +
          `<input type="hidden" name="other" value="${other}"><button>Go</button></form></main>`,
      );
    await page.setContent(form('token-of-one-session'));
    const first = await markupDigest(page);
    await page.setContent(form('token-of-another'));
    assert.equal(await markupDigest(page), first);
    await page.setContent(form('token-of-another', 'b'));
    assert.notEqual(await markupDigest(page), first);
    assert.equal(
      withoutCsrfTokens('<form action="/a?x=1&amp;_csrf=t%2B1"><input type="hidden" name="_csrf" value="t+1">'),
      '<form action="/a?x=1&amp;_csrf="><input type="hidden" name="_csrf" value="">',
    );
  });

  it('checks a page seen without JavaScript in a twin with it, once for the same markup, and a failing page every time', async () => {
    // A server of two pages that counts its requests: the twin of a page without JavaScript loads it again.
    const requests = new Map<string, number>();
    // Markup no other test in the run has (the same for every request here): a page new to this run.
    const unique = `<p>${process.pid} ${Date.now()}</p></main>`;
    const server: Server = createServer((req, res) => {
      const url = req.url ?? '';
      if (url !== '/good' && url !== '/bad') {
        res.writeHead(404).end();
        return;
      }
      requests.set(url, (requests.get(url) ?? 0) + 1);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end((url === '/bad' ? BAD : GOOD).replace('</main>', unique));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const page = await (await newContext(browser, { javaScriptEnabled: false })).newPage();
      for (const time of [1, 2]) {
        await page.goto(`${base}/good`);
        assert.deepEqual(await failures(checkAccessibility(page)), [], `good, time ${time}`);
        await page.goto(`${base}/bad`);
        assert.deepEqual((await failures(checkAccessibility(page))).sort(), ['color-contrast', 'image-alt']);
      }
      // /good: twice by the page, once by its twin (the second time its markup had passed). /bad: each time by the
      // page and by its twin, since a page that failed is never remembered.
      assert.deepEqual(Object.fromEntries(requests), { '/good': 3, '/bad': 4 });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('passes the same page with the two faults mended', async () => {
    const page = await (await newContext(browser)).newPage();
    await page.setContent(GOOD);
    assert.deepEqual(await failures(checkAccessibility(page)), []);
  });
});
