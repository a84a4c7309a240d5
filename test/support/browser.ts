/**
 * What a browser does for the OpenID flows, over plain HTTP: keeps cookies (by path) and follows
 * redirects by hand, so a test sees each hop. The login page's own calls are made as its script
 * makes them.
 */
export class CookieBrowser {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  /** `headers` go with every request (e.g. forwarded headers a proxy, or an attacker, would add). */
  constructor(private readonly headers: Record<string, string> = {}) {}

  /** One request with this browser's cookies; redirects are not followed. */
  async request(
    url: string,
    init: { method?: string; body?: unknown; form?: Record<string, string> } = {},
  ): Promise<Response> {
    const target = new URL(url);
    const headers: Record<string, string> = { ...this.headers };
    const cookie = [...this.cookies.entries()]
      .filter(([, c]) => target.pathname.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    } else if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(target, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    });
    for (const line of res.headers.getSetCookie()) this.store(line);
    return res;
  }

  /** Follows redirects from `url` until an answer that is not one, or a URL `stopAt` matches. */
  async follow(
    url: string,
    stopAt: (url: string) => boolean = () => false,
  ): Promise<{ url: string; res?: Response }> {
    let current = url;
    for (let hop = 0; hop < 10; hop++) {
      if (stopAt(current)) return { url: current };
      const res = await this.request(current);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { url: current, res };
      current = new URL(location, current).toString();
    }
    throw new Error(`too many redirects from ${url}`);
  }

  private store(line: string): void {
    const [pair, ...attributes] = line.split(';').map((p) => p.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const path =
      attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice('path='.length) ?? '/';
    const expired = attributes.some(
      (a) => a.toLowerCase().startsWith('expires=') && Date.parse(a.slice(8)) < Date.now(),
    );
    if (expired || value === '') this.cookies.delete(name);
    else this.cookies.set(name, { value, path });
  }
}
