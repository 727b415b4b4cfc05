/**
 * Just enough of a browser for sign-in through a provider over HTTP: a cookie jar per origin
 * and redirects followed one by one, so a test can stop at (and tamper with) any step.
 */
export class CookieBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  constructor(private readonly headers: Record<string, string> = {}) {}

  cookieHeader(origin: string): string {
    return [...(this.jars.get(origin) ?? new Map<string, string>())]
      .map(([name, value]) => `${name}=${value}`)
      .join("; ");
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(origin)?.get(name);
  }

  async request(url: string | URL, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url);
    const response = await fetch(target, {
      method: init.method ?? (init.form ? "POST" : "GET"),
      redirect: "manual",
      headers: {
        ...this.headers,
        Cookie: this.cookieHeader(target.origin),
        ...(init.form ? { Origin: target.origin } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form) } : {}),
    });
    this.store(target.origin, response);
    return response;
  }

  /**
   * Follows redirects from `response` until one leads where `stop` says (returned unvisited) or a
   * page answers without redirecting (returned with its response).
   */
  async follow(
    from: string | URL,
    response: Response,
    stop: (next: URL) => boolean = () => false,
  ): Promise<{ url: URL; response?: Response }> {
    let url = new URL(from);
    for (let hops = 0; hops < 20; hops++) {
      const location = response.headers.get("Location");
      if (response.status < 300 || response.status >= 400 || !location) return { url, response };
      url = new URL(location, url);
      if (stop(url)) return { url };
      response = await this.request(url);
    }
    throw new Error("too many redirects");
  }

  private store(origin: string, response: Response): void {
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    for (const header of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = header.split(";");
      const name = pair.slice(0, pair.indexOf("=")).trim();
      const value = pair.slice(pair.indexOf("=") + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = "", setting = ""] = attribute.trim().split("=");
        if (key.toLowerCase() === "max-age") return Number(setting) <= 0;
        if (key.toLowerCase() === "expires") return new Date(setting).getTime() <= Date.now();
        return false;
      });
      if (expired || value === "") jar.delete(name);
      else jar.set(name, value);
    }
  }
}
