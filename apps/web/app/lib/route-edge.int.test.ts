import { randomUUID } from "node:crypto";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import { createTestUser, createTestWorkspace } from "@vigil/api/testing";
import type { AppLoadContext } from "react-router";
import { beforeAll, describe, expect, it } from "vitest";
import routes from "../routes";

/**
 * Every route in routes.ts, called the way React Router calls it (loader, and action if it has one),
 * with one malformed param at a time: a malformed id or slug names no page, so the answer is a 404,
 * never a 500. Then the query-string examples from the issue, which are bad requests (400).
 */

const ORIGIN = "http://localhost:3000";
const context = { ipAddress: "127.0.0.1", requestId: "route-edge-test", cspNonce: undefined } as unknown as AppLoadContext;

type RouteModule = {
  loader?: (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => unknown;
  action?: (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => unknown;
};
type FlatRoute = { path: string; files: string[] };

/** Each route's full path and the files whose loaders run for it (its layouts, then itself). */
function flatten(entries: RouteConfigEntry[], parentPath = "", parentFiles: string[] = []): FlatRoute[] {
  return entries.flatMap((entry) => {
    const path = entry.path ? `${parentPath}/${entry.path}` : parentPath;
    const files = [...parentFiles, entry.file];
    const self = entry.path || entry.index ? [{ path, files }] : [];
    return [...self, ...flatten(entry.children ?? [], path, files)];
  });
}

const modules = import.meta.glob<RouteModule>(["../features/*/*.{ts,tsx}", "../shell/*.{ts,tsx}"]);
/** The routes.ts path of a route module named by its file name. */
function routeFile(name: string): string {
  return Object.keys(modules).find((key) => key.endsWith(`/${name}`))!.slice("../".length);
}
async function load(file: string): Promise<RouteModule> {
  const module = modules[`../${file}`];
  if (!module) throw new Error(`no route module ${file}`);
  return module();
}

/** The HTTP status a loader or action answered with (thrown or returned), 200 for plain data. */
async function statusOf(run: () => unknown): Promise<number> {
  let outcome: unknown;
  try {
    outcome = await run();
  } catch (thrown) {
    outcome = thrown;
    if (!(thrown instanceof Response) && !isDataWithInit(thrown)) return 500;
  }
  if (outcome instanceof Response) return outcome.status;
  if (isDataWithInit(outcome)) return outcome.init?.status ?? 200;
  return 200;
}

function isDataWithInit(value: unknown): value is { type: "DataWithResponseInit"; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

/** Params validated at the edge, by name; others (links' tokens, export file names) are the route's own. */
const MALFORMED = (name: string) => (name === "slug" ? "Not_A_Slug!" : name.endsWith("Id") ? "not-a-uuid" : undefined);

let session: { slug: string; cookie: string };

beforeAll(async () => {
  const owner = await createTestUser();
  const workspace = await createTestWorkspace(owner);
  session = { slug: workspace.slug, cookie: `vigil_session=${owner.token}` };
});

function request(path: string, method = "GET"): Request {
  const headers = new Headers({ cookie: session.cookie, "sec-fetch-site": "same-origin", origin: ORIGIN });
  if (method === "GET") return new Request(`${ORIGIN}${path}`, { headers });
  const body = new URLSearchParams({ intent: "delete" });
  return new Request(`${ORIGIN}${path}`, { method, headers, body });
}

const flatRoutes = flatten(routes);
const cases = flatRoutes.flatMap((route) => {
  const names = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  return names.filter((name) => MALFORMED(name) !== undefined).map((malformed) => ({ route, names, malformed }));
});

describe("malformed route params are 404, on every route", () => {
  it("covers every route with an id or slug in its path", () => {
    // A sanity floor: routes.ts has dozens of such routes; an empty list would make the test below vacuous.
    expect(cases.length).toBeGreaterThan(40);
  });

  it.each(cases.map((c) => [`${c.route.path} with a malformed ${c.malformed}`, c] as const))("%s", async (_, { route, names, malformed }) => {
    const params: Record<string, string> = {};
    for (const name of names) {
      params[name] = name === malformed ? MALFORMED(name)! : name === "slug" ? session.slug : name === "file" ? "visits.csv" : randomUUID();
    }
    const path = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name]!));
    for (const file of route.files) {
      const module = await load(file);
      if (module.loader) expect(await statusOf(() => module.loader!({ request: request(path), context, params })), `loader of ${file}`).toBe(404);
      if (module.action && file === route.files.at(-1)) {
        expect(await statusOf(() => module.action!({ request: request(path, "POST"), context, params })), `action of ${file}`).toBe(404);
      }
    }
  });
});

describe("bad query strings are 400, not 500", () => {
  const examples = [
    ["places", "/places?q=a%00", "places.tsx"],
    ["places", "/places?region=%00", "places.tsx"],
    ["visits", "/visits?region=north%00", "visits.tsx"],
    ["recommendations", "/recommendations?tag=a%00", "recommendations.tsx"],
    ["recommendations", "/recommendations?cursor=%3Benv%3B", "recommendations.tsx"],
    ["visits", "/visits?cursor=%3Benv%3B", "visits.tsx"],
    ["audit", "/audit?from=2026-99-99", "audit-log.tsx"],
    ["audit", "/audit?to=2026-13-45", "audit-log.tsx"],
    ["audit", "/audit/export.csv?from=zzz", "audit-export.ts"],
  ] as const;

  it.each(examples)("%s: %s", async (_, query, file) => {
    const module = await load(routeFile(file));
    const status = await statusOf(() => module.loader!({ request: request(`/t/${session.slug}${query}`), context, params: { slug: session.slug } }));
    expect(status).toBe(400);
  });

  it("the same pages answer normally without the bad value", async () => {
    for (const [, query, file] of examples) {
      const module = await load(routeFile(file));
      const clean = query.replace(/\?.*$/, "");
      const status = await statusOf(() => module.loader!({ request: request(`/t/${session.slug}${clean}`), context, params: { slug: session.slug } }));
      expect(status, clean).toBe(200);
    }
  });
});

describe("junk in every query string a page reads is never a 500", () => {
  const JUNK = "?q=a%00&region=%00&tag=%00&cursor=%3Benv%3B&after=%3Benv%3B&from=zzz&to=2026-99-99&year=zzz&month=99&status=zzz&type=zzz&placeType=zzz&archived=zzz&actorId=zzz&action=%00&targetType=%00&overdue=zzz&authorityId=zzz&placeId=zzz&visitId=zzz";
  const pages = flatRoutes.filter((route) => route.path.startsWith("/t/:slug") && !/:(?!slug)\w+/.test(route.path));

  it.each(pages.map((route) => [route.path, route] as const))("%s", async (_, route) => {
    const path = route.path.replace(":slug", session.slug);
    const module = await load(route.files.at(-1)!);
    if (!module.loader) return;
    const status = await statusOf(() => module.loader!({ request: request(`${path}${JUNK}`), context, params: { slug: session.slug } }));
    expect(status).toBeLessThan(500);
  });
});

