/** A small HTTP client for tests: keeps the session cookie like a browser and sends the CSRF header. */
export class TestClient {
  private cookie: string | undefined;
  private bearer: string | undefined;
  tenantId: string | undefined;

  constructor(readonly baseUrl: string) {}

  /** The session cookie, for tests that speak HTTP themselves. */
  cookieHeader(): string | undefined {
    return this.cookie;
  }

  withApiKey(key: string): TestClient {
    const client = new TestClient(this.baseUrl);
    client.bearer = key;
    return client;
  }

  forTenant(tenantId: string | undefined): TestClient {
    const client = new TestClient(this.baseUrl);
    client.cookie = this.cookie;
    client.bearer = this.bearer;
    client.tenantId = tenantId;
    return client;
  }

  private credentials(extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = { ...extra };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    if (this.tenantId) headers["x-tenant-id"] = this.tenantId;
    return headers;
  }

  /** A GET whose body the test reads itself (streamed downloads), as the signed-in caller. */
  open(path: string, signal?: AbortSignal): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, { headers: this.credentials(), signal });
  }

  async request(method: string, path: string, options: { body?: unknown; rawBody?: string | Uint8Array<ArrayBuffer>; headers?: Record<string, string>; csrf?: boolean } = {}) {
    const headers = this.credentials(options.headers);
    if (options.csrf !== false && method !== "GET") headers["x-requested-with"] = "idlife";
    let body: string | Uint8Array<ArrayBuffer> | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
    }
    if (body !== undefined) headers["content-type"] ??= "application/json";
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const setCookie = response.headers.getSetCookie();
    for (const cookie of setCookie) {
      const [pair] = cookie.split(";");
      if (pair?.startsWith("idlife_session=")) this.cookie = pair.endsWith("=") ? undefined : pair;
    }
    const text = await response.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, body: json, text, headers: response.headers };
  }

  get = (path: string, options?: Parameters<TestClient["request"]>[2]) => this.request("GET", path, options);
  post = (path: string, body?: unknown, options?: Parameters<TestClient["request"]>[2]) => this.request("POST", path, { ...options, body });
  patch = (path: string, body?: unknown, options?: Parameters<TestClient["request"]>[2]) => this.request("PATCH", path, { ...options, body });
  delete = (path: string, options?: Parameters<TestClient["request"]>[2]) => this.request("DELETE", path, options);

  /** Signs in with a password; on success this client keeps the session. */
  signIn = (email: string, password: string, options?: Parameters<TestClient["request"]>[2]) => this.post("/api/v1/auth/sign-in", { email, password }, options);
}
