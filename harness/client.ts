/**
 * A tiny HTTP client for the route tests and the benchmarks (harness/ holds what both drive Lantern with, so that
 * bench/ never imports test/): keeps cookies, reads the CSRF token from the last form it saw, and signs in
 * through the real /sign-in form (no test-only switches).
 */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
}

export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken: string | null = null;

  constructor(private readonly baseUrl: string) {}

  /** The Cookie header this client sends (the benchmarks' own uploads send it too). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(
    method: string,
    path: string,
    init: { form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    } else if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    const res = await fetchOnce(new URL(path, this.baseUrl), { method, headers, body, redirect: 'manual' });
    this.remember(res);
    const text = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
    if (token) this.csrfToken = token;
    return { status: res.status, headers: res.headers, text, location: res.headers.get('location') };
  }

  get(path: string, headers?: Record<string, string>): Promise<Reply> {
    return this.request('GET', path, headers ? { headers } : {});
  }

  /** Posts a form with the CSRF token from the last page fetched (fetch a page with the form first). */
  post(path: string, form: Record<string, string> = {}): Promise<Reply> {
    return this.request('POST', path, { form: { _csrf: this.csrfToken ?? '', ...form } });
  }

  /**
   * Posts a multipart form (file uploads) with the CSRF token from the last page fetched as its first field, as the
   * upload forms put it (never in the URL).
   */
  async postMultipart(path: string, form: FormData): Promise<Reply> {
    const body = new FormData();
    body.append('_csrf', this.csrfToken ?? '');
    for (const [name, value] of form.entries()) if (name !== '_csrf') body.append(name, value);
    return this.postMultipartAsIs(path, body);
  }

  /** Posts a multipart form exactly as given (no CSRF token added): for tests of the token itself. */
  async postMultipartAsIs(path: string, form: FormData): Promise<Reply> {
    const url = new URL(path, this.baseUrl);
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    const res = await fetch(url, { method: 'POST', headers, body: form, redirect: 'manual' });
    this.remember(res);
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, location: res.headers.get('location') };
  }

  /** The raw bytes of a download. */
  async download(path: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    const res = await fetch(new URL(path, this.baseUrl), { headers, redirect: 'manual' });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  }

  async signIn(username: string, password: string): Promise<Reply> {
    await this.get('/sign-in');
    const reply = await this.post('/sign-in', { username, password });
    if (reply.status !== 303) throw new Error(`sign-in as ${username} failed with ${reply.status}`);
    await this.get('/'); // pick up a CSRF token for the signed-in session
    return reply;
  }
}

/**
 * fetch(), sending a GET again once if the kept-alive connection it reused was closed by the server as the request
 * went out (ECONNRESET before any answer): browsers do the same for idempotent requests. On a busy machine the
 * test server's keep-alive timer and the request can meet; nothing else is retried.
 */
async function fetchOnce(url: URL, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    if ((init.method ?? 'GET') !== 'GET' || cause?.code !== 'ECONNRESET') throw e;
    return fetch(url, init);
  }
}

/** Visible text of an HTML page's <h1>, for assertions. */
export function h1(html: string): string | undefined {
  return /<h1[^>]*>([\s\S]*?)<\/h1>/
    .exec(html)?.[1]
    ?.replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function title(html: string): string | undefined {
  return /<title[^>]*>([\s\S]*?)<\/title>/.exec(html)?.[1]?.replace(/\s+/g, ' ').trim();
}
