import { createHmac } from "node:crypto";
import http from "node:http";
import { performance } from "node:perf_hooks";

/** A small keep-alive HTTP client: a browser's connection reuse without a browser's work. */
export type Response = { status: number; body: string; setCookies: string[] };

export function httpClient(baseUrl: string, maxSockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const base = new URL(baseUrl);
  let cookie = "";
  const request = async (method: "GET" | "POST", pathname: string, body?: unknown): Promise<Response> => {
    try {
      return await send(method, pathname, body);
    } catch (error) {
      // A kept-alive socket the server closed just as it was reused ("socket hang up"): a browser
      // retries an idempotent request on a fresh connection, so does this client, once.
      if (method !== "GET") throw error;
      return send(method, pathname, body);
    }
  };
  const send = (method: "GET" | "POST", pathname: string, body?: unknown) =>
    new Promise<Response>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        {
          agent, method, host: base.hostname, port: base.port, path: pathname,
          headers: {
            // What a browser sends on its own origin: the server refuses other posts (same-origin.ts).
            "sec-fetch-site": "same-origin", origin: base.origin, "accept-language": "en", accept: "text/html,application/json",
            ...(cookie ? { cookie } : {}),
            ...(payload ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), setCookies: res.headers["set-cookie"] ?? [] }));
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(payload);
    });
  const keepCookies = (response: Response) => {
    const jar = new Map(cookie.split("; ").filter(Boolean).map((c) => [c.slice(0, c.indexOf("=")), c] as const));
    for (const set of response.setCookies) {
      const pair = set.split(";")[0]!;
      const name = pair.slice(0, pair.indexOf("="));
      if (pair.endsWith("=")) jar.delete(name);
      else jar.set(name, pair);
    }
    cookie = [...jar.values()].join("; ");
  };
  return {
    get: (pathname: string) => request("GET", pathname),
    /** A tRPC mutation over HTTP (no transformer, no batching); keeps the cookies it sets. */
    mutate: async (procedure: string, input: unknown) => {
      const response = await request("POST", `/api/trpc/${procedure}`, input);
      keepCookies(response);
      if (response.status !== 200) throw new Error(`${procedure}: HTTP ${response.status} ${response.body.slice(0, 300)}`);
      return JSON.parse(response.body) as { result: { data: unknown } };
    },
    /** A tRPC query over HTTP, alone. */
    query: (procedure: string, input: unknown) => request("GET", `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`),
    /** Queries sent together, as the browser's client (httpBatchLink, lib/trpc.client.ts) sends them: one request. */
    batch: (calls: { path: string; input: unknown }[]) => request("GET", batchPath(calls)),
    cookie: () => cookie,
    /** Sends these cookies from now on (a session signed in on another client). */
    useCookie: (value: string) => {
      cookie = value;
    },
    close: () => agent.destroy(),
  };
}

export type HttpClient = ReturnType<typeof httpClient>;

/** tRPC's batch URL: the paths joined by commas, the inputs keyed by their position. */
export function batchPath(calls: { path: string; input: unknown }[]): string {
  const inputs = Object.fromEntries(calls.map((call, index) => [String(index), call.input]));
  return `/api/trpc/${calls.map((call) => call.path).join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`;
}

/** RFC 6238 (SHA-1, 30 s, 6 digits), as an authenticator app computes it. */
export function totp(secret: Uint8Array, now = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(now / 30_000)));
  const mac = createHmac("sha1", secret).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

/** Signs in as a person does (password, then the authenticator's code); the client keeps the session cookie. */
export async function signIn(client: HttpClient, email: string, password: string, totpSecret: Uint8Array): Promise<string> {
  const first = (await client.mutate("auth.signIn", { email, password })).result.data as { secondFactorDue: boolean };
  if (first.secondFactorDue) await client.mutate("twoFactor.completeSignIn", { code: totp(totpSecret) });
  const token = /vigil_session=([^;]+)/.exec(client.cookie())?.[1];
  if (!token) throw new Error("Signed in, but no session cookie came back");
  return token;
}

/**
 * `connections` loops that request `paths` in turn for `seconds`: requests/s and errors (a non-200
 * answer or a failed connection), as autocannon would count them.
 */
export async function load(client: HttpClient, paths: string[], connections: number, seconds: number) {
  const until = performance.now() + seconds * 1000;
  let requests = 0;
  let errors = 0;
  const statuses = new Map<number, number>();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      for (let i = worker; performance.now() < until; i++) {
        const response = await client.get(paths[i % paths.length]!).catch(() => null);
        requests++;
        if (response?.status !== 200) {
          errors++;
          statuses.set(response?.status ?? 0, (statuses.get(response?.status ?? 0) ?? 0) + 1);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { requests, errors, perSecond: requests / elapsed, statuses: Object.fromEntries(statuses) };
}
