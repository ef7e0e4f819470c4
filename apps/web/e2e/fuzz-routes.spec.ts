import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { abbreviate, fuzzSettings, HOSTILE_STRINGS, leakedInternals, seedFor } from "@vigil/api/fuzz";
import routes from "../app/routes";
import { baseURL } from "../playwright.config";
import { newOwner } from "./support";

/**
 * Every route of app/routes.ts (read from the route config, so a new route is covered without
 * anyone listing it) with malformed params, query strings, bodies and methods, signed out and
 * signed in: no 5xx, no stack trace or database error in any answer, and the server still ready
 * afterwards (docs/decisions/0141). Only HTTP requests; no browser.
 */
const settings = fuzzSettings(process.env, 1);

type RouteEntry = { path?: string; index?: boolean; children?: RouteEntry[] };

/** "t/:slug/visits/:visitId" and friends, parents joined to children, layouts without a path skipped. */
function routePatterns(entries: readonly RouteEntry[], prefix = ""): string[] {
  return entries.flatMap((entry) => {
    const own = entry.path ? [prefix, entry.path].filter(Boolean).join("/") : prefix;
    const self = entry.path || entry.index ? [own] : [];
    return [...self, ...routePatterns(entry.children ?? [], own)];
  });
}

const patterns = [...new Set(routePatterns(routes as RouteEntry[]))].sort();

/** Param values that are each wrong in their own way: not an id, encoded NUL, bad percent-encoding, traversal, huge. */
const MALFORMED_SEGMENTS = [
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "%00",
  "a%00b",
  "%E0%A4%A",
  "%ZZ",
  "..%2F..%2Fetc%2Fpasswd",
  "%2e%2e",
  "x".repeat(3000),
  "%F0%9D%95%8D%E2%80%AE",
  "'%3B--",
  "%3Cscript%3E",
  "1e309",
  "-1",
  ...HOSTILE_STRINGS.flatMap(encodedSegment),
];

/** A string as one path segment; lone surrogates cannot be percent-encoded and are left out. */
function encodedSegment(value: string): string[] {
  try {
    return value.length > 0 ? [encodeURIComponent(value)] : [];
  } catch {
    return [];
  }
}

/** Query strings every list, filter, cursor and date parser should refuse politely. */
const MALFORMED_QUERIES = [
  "?cursor=%3Benv%3B&from=2026-99-99&to=zzz&q=a%00&search=%00&region=a%00&tag=a%00&page=-1&limit=99999999999",
  "?from=2026-13-45&to=2026-02-30&status=%FF&type=%3Cx%3E&view=..%2F&sort=%00&order=drop",
  "?cursor=" + "A".repeat(5000) + "&q=" + "%00".repeat(200),
  "?cursor=eyJ9&cursor=%7B%7D&from=0000-00-00&to=9999-99-99&year=-1&month=13&placeId=not-a-uuid&visitId=%00",
  "?_data=routes%2Fhome&index&q[]=a&q[x]=b&%00=%00",
];

const OTHER_METHODS = ["PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"] as const;

/** A small seeded generator: the same requests on every run unless FUZZ_SEED changes. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
}

function fill(pattern: string, segment: () => string, slug: string): string {
  return (
    "/" +
    pattern
      .split("/")
      .map((part) => (part === ":slug" ? slug : part.startsWith(":") || part === "*" ? segment() : part))
      .join("/")
  );
}

type Probe = { method: string; url: string; body?: string; contentType?: string; origin?: boolean };

/** The requests for one route: malformed params and queries, garbage bodies, unexpected methods. */
function probesFor(pattern: string, slugs: readonly string[], seed: number): Probe[] {
  const pick = random(seedFor(seed, pattern));
  const url = (slug: string) => fill(pattern, () => pick(MALFORMED_SEGMENTS), slug);
  const probes: Probe[] = [];
  for (let run = 0; run < settings.runs; run += 1) {
    const slug = pick(slugs);
    probes.push({ method: "GET", url: url(slug) + pick(MALFORMED_QUERIES) });
    probes.push({ method: "GET", url: url(pick(slugs)) });
    probes.push({
      method: "POST", url: url(slug) + pick(MALFORMED_QUERIES), origin: true, contentType: "application/x-www-form-urlencoded",
      body: `intent=${pick(MALFORMED_SEGMENTS)}&name=a%00&id=${pick(MALFORMED_SEGMENTS)}&date=2026-13-45&${pick(MALFORMED_SEGMENTS)}=%FF`,
    });
    probes.push({ method: "POST", url: url(slug), origin: true, contentType: "application/json", body: pick(['{"intent":', "[]", '{"a":"\\u0000"}', "null", "\u0000"]) });
    probes.push({ method: pick(OTHER_METHODS), url: url(slug), origin: pick([true, false]), contentType: "text/plain", body: "x" });
  }
  return probes;
}

/** A multipart body that stops before its closing boundary. */
function truncatedMultipart(pattern: string, slug: string): Probe {
  const boundary = "----vigil-fuzz";
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cell.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff\xe0 partial`;
  return { method: "POST", url: fill(pattern, () => "00000000-0000-4000-8000-000000000000", slug), origin: true, contentType: `multipart/form-data; boundary=${boundary}`, body };
}

type Failure = { probe: string; status: number; problem: string };

async function run(request: APIRequestContext, probes: readonly Probe[], who: string): Promise<Failure[]> {
  const failures: Failure[] = [];
  // A few at a time: quicker than one by one, without swamping a two-core machine.
  for (let start = 0; start < probes.length; start += 4) {
    await Promise.all(
      probes.slice(start, start + 4).map(async (probe) => {
        const label = `${who} ${probe.method} ${abbreviate(probe.url, 160)}`;
        try {
          const response = await request.fetch(probe.url, {
            method: probe.method,
            headers: { ...(probe.contentType ? { "content-type": probe.contentType } : {}), ...(probe.origin ? { origin: baseURL } : {}) },
            data: probe.body,
            maxRedirects: 0,
            failOnStatusCode: false,
            timeout: 30_000,
          });
          const body = probe.method === "HEAD" ? "" : await response.text();
          if (response.status() >= 500) failures.push({ probe: label, status: response.status(), problem: abbreviate(visibleText(body), 200) });
          const leak = leakedInternals(body);
          if (leak) failures.push({ probe: label, status: response.status(), problem: `leaked internals: ${leak}` });
        } catch (error) {
          failures.push({ probe: label, status: 0, problem: `no answer: ${(error as Error).message.split("\n")[0]}` });
        }
      }),
    );
  }
  return failures;
}

/** What a person would read on an error page: the body without its head, scripts and tags. */
function visibleText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>|<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Signs up through the API and enrols in two-factor sign-in (owners must), so workspace pages render. */
async function signUpOwner(request: APIRequestContext): Promise<string> {
  const owner = newOwner();
  const headers = { origin: baseURL, "content-type": "application/json" };
  // Generous timeouts: hashing the password takes a while on a busy two-core machine.
  const signUp = await request.post("/api/trpc/auth.signUp", {
    headers,
    timeout: 90_000,
    data: { name: owner.name, email: owner.email, password: owner.password, workspaceName: owner.workspaceName, workspaceSlug: owner.slug, countryCode: "RS", locale: "en" },
  });
  expect(signUp.status(), await signUp.text()).toBe(200);
  const enrolment = await request.get("/api/trpc/twoFactor.enrolment", { timeout: 60_000 });
  const secret = ((await enrolment.json()) as { result: { data: { secret: string } } }).result.data.secret;
  const code = generateHOTP(decodeBase32IgnorePadding(secret.replace(/\s/g, "")), BigInt(Math.floor(Date.now() / 30_000)), 6);
  const confirm = await request.post("/api/trpc/twoFactor.confirm", { headers, data: { code, reauthentication: owner.password }, timeout: 60_000 });
  expect(confirm.status(), await confirm.text()).toBe(200);
  return owner.slug;
}

test("every route answers malformed requests without a 5xx or internals, and the server stays ready", async ({ playwright }) => {
  test.setTimeout(120_000 + settings.runs * 90_000);
  expect(patterns.length, "routes read from app/routes.ts").toBeGreaterThan(40);
  expect(patterns).toEqual(expect.arrayContaining(["t/:slug/visits/:visitId", "api/trpc/*", "reset-password/:token"]));

  const signedOut = await playwright.request.newContext({ baseURL });
  const signedIn = await playwright.request.newContext({ baseURL });
  const ownSlug = await signUpOwner(signedIn);
  // Another workspace's slug (the demo's), one that does not exist, one that is not a slug at all.
  const slugs = [ownSlug, ownSlug, "npm-serbia", "no-such-workspace", "UPPER%00case"];

  const failures: Failure[] = [];
  for (const pattern of patterns) {
    failures.push(...(await run(signedOut, probesFor(pattern, slugs, settings.seed), "signed out")));
    failures.push(...(await run(signedIn, probesFor(pattern, slugs, settings.seed + 1), "signed in")));
  }
  // Last, because on a server that does not handle it, it ends the process.
  failures.push(...(await run(signedOut, patterns.map((pattern) => truncatedMultipart(pattern, ownSlug)), "signed out, truncated upload")));

  const ready = await signedOut.get("/readyz", { failOnStatusCode: false }).catch((error: Error) => error);
  const readyStatus = ready instanceof Error ? `no answer: ${ready.message.split("\n")[0]}` : ready.status();
  await signedOut.dispose();
  await signedIn.dispose();

  if (readyStatus !== 200) failures.push({ probe: "GET /readyz after the fuzzing", status: typeof readyStatus === "number" ? readyStatus : 0, problem: String(readyStatus) });

  const report = failures.map((failure) => `${failure.status} ${failure.probe}: ${failure.problem}`);
  expect(report, `Replay: FUZZ_SEED=${settings.seed} FUZZ_RUNS=${settings.runs}`).toEqual([]);
});
