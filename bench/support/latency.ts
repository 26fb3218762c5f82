/**
 * What the page benchmarks share: waiting for a server, and measuring page latency under concurrent signed-in users.
 */
import type { TestClient } from '../../harness/client';

/** The q-quantile of an ascending list (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

/** Polls `url` until it answers 200. */
export async function waitFor(url: string, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer 200 within ${deadlineMs} ms`);
}

export interface LatencyFigures {
  users: number;
  requests: number;
  pages: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  requestsPerSecond: number;
  /** The largest page's size in characters. */
  largestPage: number;
}

/**
 * `requests` GETs shared among the clients (each a signed-in user working through the list as fast as answers come),
 * cycling through `urls` (or calling it with the request's number). Any answer but 200 fails the benchmark.
 */
export async function measureLatency(
  clients: readonly TestClient[],
  requests: number,
  urls: readonly string[] | ((n: number) => string),
): Promise<LatencyFigures> {
  const urlFor = typeof urls === 'function' ? urls : (n: number) => urls[n % urls.length] as string;
  const times: number[] = [];
  let next = 0;
  let largestPage = 0;
  const wallStart = performance.now();
  await Promise.all(
    clients.map(async (c) => {
      for (;;) {
        const n = next++;
        if (n >= requests) return;
        const url = urlFor(n);
        const t0 = performance.now();
        const r = await c.get(url);
        times.push(performance.now() - t0);
        if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
        largestPage = Math.max(largestPage, r.text.length);
      }
    }),
  );
  const wall = (performance.now() - wallStart) / 1000;
  times.sort((a, b) => a - b);
  return {
    users: clients.length,
    requests: times.length,
    pages:
      typeof urls === 'function' ? new Set(Array.from({ length: requests }, (_, n) => urlFor(n))).size : urls.length,
    medianMs: +quantile(times, 0.5).toFixed(1),
    p95Ms: +quantile(times, 0.95).toFixed(1),
    maxMs: +(times.at(-1) ?? 0).toFixed(1),
    requestsPerSecond: +(times.length / wall).toFixed(1),
    largestPage,
  };
}
