/**
 * Real Chromium (Debian's, never a downloaded one) driven by playwright-core, with axe-core run on every page a
 * test visits. `visit()` fails the test on any axe violation against WCAG 2.0/2.1/2.2 A and AA.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import axe from 'axe-core';
import { loadConfig } from '../../src/core/config';
import { startServer, type RunningServer } from '../../src/app/server';
import { todayInLondon } from '../../src/domain/today';
import { buildKey, cacheFolder, testRun, withFileLock } from '../support/db-cache';

export const PASSWORD = 'browser-test-password';

function demoConfig(dataDir: string) {
  return loadConfig(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      LANTERN_DATA_DIR: dataDir,
      LANTERN_DEMO_PASSWORD: PASSWORD,
      LANTERN_LOG_LEVEL: 'silent',
    },
    { demo: true, purpose: 'serve' },
  );
}

/**
 * A demo Lantern on a PGlite folder of its own, and a way to stop it and remove the folder.
 *
 * In a whole run (scripts/run-tests.mjs) each size of demo is built once, by the first file that needs it (the
 * server started on an empty folder and stopped), and every file starts its server on a copy of that folder: the
 * same start-up on a database that already holds the demo, which is what a restarted demo does. A file run on its
 * own builds its demo itself.
 */
export async function startDemo(options: DemoSize): Promise<{ server: RunningServer; close(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lantern-browser-'));
  const built = await builtDemo(options);
  if (built) {
    rmSync(dataDir, { recursive: true, force: true });
    cpSync(built, dataDir, { recursive: true });
  }
  const server = await startServer(demoConfig(dataDir), { demoOptions: options });
  return {
    server,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface DemoSize {
  childPopulation: number;
  years: number;
}

/** The sizes of demo the browser files use (scripts/run-tests.mjs builds them while the other files run). */
export const BROWSER_DEMOS: readonly DemoSize[] = [
  { childPopulation: 8000, years: 3 },
  { childPopulation: 4000, years: 2 },
  { childPopulation: 3000, years: 2 },
];

/** In a whole run, the folder of the run's one build of this demo (built now if no process has yet); else null. */
export async function builtDemo(options: DemoSize): Promise<string | null> {
  if (!testRun()) return null;
  const built = path.join(
    cacheFolder(),
    `browser-demo-${buildKey('browser-demo', { ...options, today: todayInLondon() })}`,
  );
  await withFileLock(path.basename(built), async () => {
    if (existsSync(built)) return;
    const building = `${built}.building`;
    rmSync(building, { recursive: true, force: true });
    const server = await startServer(demoConfig(building), { demoOptions: options });
    await server.close();
    renameSync(building, built);
  });
  return built;
}

/** Signs in through the form, as a person would, and lands on the home page. */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await visit(page, `${baseUrl}/sign-in`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}/`);
  await checkAccessibility(page);
}

export const CHROMIUM = process.env.LANTERN_CHROMIUM ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (CI does this in .ci/run)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // One renderer process where Chromium may share one, rather than a new process for nearly every page: the
      // browser files open a few hundred pages on one site, and starting a renderer for each cost about a tenth of
      // the browser files' CPU (machine-wide, test/browser/performance.test.ts: 125 CPU-s, 111 with the limit).
      '--renderer-process-limit=1',
    ],
  });
}

/** Contexts with JavaScript turned off: axe itself is JavaScript, so their pages are checked in a twin. */
const withoutJavaScript = new WeakMap<BrowserContext, Browser>();

export async function newContext(
  browser: Browser,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: 1280, height: 900 },
  });
  if (options.javaScriptEnabled === false) withoutJavaScript.set(context, browser);
  else await withAxe(context);
  return context;
}

/**
 * axe-core (1.3 MB of script) put in every page of a context as the page starts, sent to Chromium once per context.
 * AxeBuilder would otherwise send and run the whole source twice for every check (once to see which API it has, once
 * to inject it), which was most of what the browser files wrote to Chromium. A page without it (made elsewhere) gets
 * it once, in checkAccessibility.
 */
async function withAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: axe.source });
}

/** What AxeBuilder runs to inject axe into a page that already has it: nothing. */
const AXE_ALREADY_IN_PAGE = 'void 0;';

/** Each JavaScript-off context's twin with JavaScript on, where its pages are checked (made on first use). */
const twins = new WeakMap<BrowserContext, BrowserContext>();

async function twinOf(context: BrowserContext, browser: Browser): Promise<BrowserContext> {
  let twin = twins.get(context);
  if (!twin) {
    twin = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await withAxe(twin);
    twins.set(context, twin);
    // Closed with its context; when the whole browser is closing, the twin goes with it (nothing left to close).
    context.on('close', () => void twin?.close().catch(() => undefined));
  }
  return twin;
}

/** Every page visited in a run, for the report. */
export const visited: string[] = [];

export async function checkAccessibility(page: Page): Promise<void> {
  const browser = withoutJavaScript.get(page.context());
  if (browser) {
    // Markup seen before without JavaScript whose twin passed: the same server markup (CSRF tokens aside) for the same
    // user, so the twin would load, and axe check, the same page again.
    const own = await markupDigest(page);
    if (own !== null && hasPassed(`nojs-${own}`)) {
      visited.push(new URL(page.url()).pathname);
      return;
    }
    // The same page, for the same signed-in user (same cookies), opened where axe can run. The markup a server
    // renders does not depend on whether the browser runs scripts.
    const twin = await twinOf(page.context(), browser);
    await twin.clearCookies();
    await twin.addCookies(await page.context().cookies());
    const twinPage = await twin.newPage();
    try {
      await twinPage.goto(page.url());
      await checkAccessibility(twinPage);
    } finally {
      await twinPage.close();
    }
    if (own !== null) markPassed(`nojs-${own}`);
    return;
  }
  // The same markup checked again finds the same problems (same stylesheet, scripts and viewport everywhere): a page
  // whose markup has passed already (the sign-in page, a list revisited, the same page in a journey without
  // JavaScript) passes without a second run.
  const markup = await markupDigest(page);
  if (markup !== null && hasPassed(markup)) {
    visited.push(new URL(page.url()).pathname);
    return;
  }
  // A page that reloads itself (an import job's page follows the job) may navigate while axe runs, or between axe
  // being put in the page and run (then axe is gone: "reading 'run'"): check the page it has become.
  let results: Awaited<ReturnType<AxeBuilder['analyze']>> | undefined;
  for (let attempt = 1; !results; attempt++) {
    try {
      // Legacy mode runs axe.run() in the page itself. The default runs axe in each frame and then finishes in a
      // blank page opened for the purpose, which costs a new page per check; Lantern's pages have no frames, so the
      // two find the same problems. Only violations are asked for in full (every rule still runs on every element;
      // axe then describes one element of each rule that passed rather than every one, about a tenth less work).
      // options() replaces what withTags() adds to, so it comes first.
      if ((await page.evaluate('typeof window.axe')) === 'undefined') await page.evaluate(axe.source);
      results = await new AxeBuilder({ page, axeSource: AXE_ALREADY_IN_PAGE })
        .options({ resultTypes: ['violations'] })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .setLegacyMode()
        .analyze();
    } catch (e) {
      if (attempt >= 5 || !/Execution context was destroyed|navigation|reading 'run'/i.test(String(e))) throw e;
      await page.waitForLoadState('load');
    }
  }
  // Legacy mode (above) checks the top frame only: no Lantern page has another.
  assert.equal(page.frames().length, 1, `${page.url()} has frames, which axe's legacy mode would not check`);
  visited.push(new URL(page.url()).pathname);
  const problems = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join('; ')}`,
  );
  assert.deepEqual(problems, [], `axe found accessibility problems on ${page.url()}`);
  // Kept only when the page did not change while axe ran (the markup checked is the markup hashed).
  if (markup !== null && (await markupDigest(page)) === markup) markPassed(markup);
}

/** Digests of the markup of every page that passed axe in this process. */
const passedMarkup = new Set<string>();

/**
 * Where a whole run (scripts/run-tests.mjs) keeps the digests of the markup that passed axe in any of its processes,
 * one empty file each, so that a page the journeys of two browser files both visit is checked once; null outside a
 * whole run.
 */
function passedFolder(): string | null {
  if (!testRun()) return null;
  const folder = path.join(cacheFolder(), 'axe-passed');
  mkdirSync(folder, { recursive: true });
  return folder;
}

function hasPassed(markup: string): boolean {
  if (passedMarkup.has(markup)) return true;
  const folder = passedFolder();
  return folder !== null && existsSync(path.join(folder, markup));
}

function markPassed(markup: string): void {
  passedMarkup.add(markup);
  const folder = passedFolder();
  if (folder !== null) writeFileSync(path.join(folder, markup), '');
}

/**
 * The digest of the page's markup, or null while it navigates (a page that reloads itself is never skipped). The
 * CSRF tokens in forms are left out: they differ between sessions (each signed-in user, each browser
 * context) and axe never reads it, so the same page for two sessions is the same page to check.
 */
export async function markupDigest(page: Page): Promise<string | null> {
  let content: string;
  try {
    content = await page.content();
  } catch {
    return null;
  }
  return createHash('sha256').update(withoutCsrfTokens(content)).digest('hex');
}

/** Markup with every CSRF token emptied: a hidden `_csrf` field's value, and `_csrf=` in a form's action. */
export function withoutCsrfTokens(markup: string): string {
  return markup.replace(/(name="_csrf" value=")[^"]*"/g, '$1"').replace(/([?&](?:amp;)?_csrf=)[^"&#]*/g, '$1');
}

export async function visit(page: Page, url: string, expectedStatus = 200): Promise<void> {
  const response = await page.goto(url);
  assert.equal(response?.status(), expectedStatus, `GET ${url}`);
  await checkAccessibility(page);
}
