/** A bare webservice.php client for the sandbox's tests: plain fetch, form-encoded, no retries. */
import { md5Hex } from "./php.ts";

export interface Envelope<T = unknown> {
  success: boolean;
  result?: T;
  error?: { code: string | number; message: string };
}

export type Params = Record<string, string>;

export class TestClient {
  sessionName = "";

  constructor(readonly siteUrl: string) {}

  get endpoint(): string {
    return new URL("webservice.php", this.siteUrl).toString();
  }

  /** The raw HTTP answer, for status/content-type checks. */
  raw(method: "GET" | "POST", params: Params, init: RequestInit = {}): Promise<Response> {
    const form = new URLSearchParams(params).toString();
    if (method === "GET") return fetch(`${this.endpoint}?${form}`, init);
    return fetch(this.endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form,
      ...init,
    });
  }

  async call<T = unknown>(method: "GET" | "POST", params: Params): Promise<Envelope<T>> {
    const withSession = this.sessionName ? { sessionName: this.sessionName, ...params } : params;
    const response = await this.raw(method, withSession);
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
    return (await response.json()) as Envelope<T>;
  }

  /** Starts a fresh session (a stale sessionName would make even getchallenge fail). */
  async login(username: string, accessKey: string): Promise<string> {
    this.sessionName = "";
    const challenge = await this.call<{ token: string }>("GET", { operation: "getchallenge", username });
    const token = challenge.result?.token ?? "";
    const login = await this.call<{ sessionName: string }>("POST", {
      operation: "login",
      username,
      accessKey: md5Hex(token + accessKey),
    });
    if (!login.success || !login.result) throw new Error(`login failed: ${JSON.stringify(login.error)}`);
    this.sessionName = login.result.sessionName;
    return this.sessionName;
  }

  query<T = Record<string, string>[]>(query: string): Promise<Envelope<T>> {
    return this.call<T>("GET", { operation: "query", query });
  }

  create<T = Record<string, unknown>>(elementType: string, element: object): Promise<Envelope<T>> {
    return this.call<T>("POST", { operation: "create", elementType, element: JSON.stringify(element) });
  }

  retrieve<T = Record<string, unknown>>(id: string): Promise<Envelope<T>> {
    return this.call<T>("GET", { operation: "retrieve", id });
  }

  revise<T = Record<string, unknown>>(element: object): Promise<Envelope<T>> {
    return this.call<T>("POST", { operation: "revise", element: JSON.stringify(element) });
  }

  update<T = Record<string, unknown>>(element: object): Promise<Envelope<T>> {
    return this.call<T>("POST", { operation: "update", element: JSON.stringify(element) });
  }

  delete(id: string): Promise<Envelope<{ status: string }>> {
    return this.call("POST", { operation: "delete", id });
  }

  describe<T = { fields: Array<Record<string, unknown>> } & Record<string, unknown>>(elementType: string) {
    return this.call<T>("GET", { operation: "describe", elementType });
  }
}
