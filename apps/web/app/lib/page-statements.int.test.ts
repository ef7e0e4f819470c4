import { createTestPlace, createTestUser, createTestVisit, createTestWorkspace, recordStatements, sessionLookUpsIn, transactionsIn } from "@vigil/api/testing";
import type { AppLoadContext } from "react-router";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * Issue 15, goal 2, counted (never timed): a page request validates its session once, in one
 * statement, however many loaders and procedures it runs, and its loaders read their data in at most
 * two transactions. The loaders are run as React Router runs them for a document request: the root,
 * the workspace layout and the page at once, on one Request.
 */
type Loader = (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => unknown;
const context = { ipAddress: "127.0.0.1", requestId: "page-statements-test", cspNonce: undefined, faults: { databaseUnavailable: false } } as unknown as AppLoadContext;

let session: { slug: string; cookie: string; visitId: string; placeId: string };

beforeAll(async () => {
  const owner = await createTestUser();
  const workspace = await createTestWorkspace(owner);
  const visit = await createTestVisit(workspace.id, { team: [{ id: owner.id, visitRole: "lead" }] });
  const place = await createTestPlace(workspace.id);
  session = { slug: workspace.slug, cookie: `vigil_session=${owner.token}`, visitId: visit.id, placeId: place.id };
});

async function loaders(page: () => Promise<{ loader?: unknown }>): Promise<Loader[]> {
  const [root, layout, module] = await Promise.all([import("../root"), import("../shell/workspace-layout"), page()]);
  return [root.loader, layout.loader, module.loader].map((loader) => loader as Loader);
}

/** The statements of one document request for `path`. */
async function visit(path: string, page: () => Promise<{ loader?: unknown }>, params: Record<string, string>) {
  const run = await loaders(page);
  const request = new Request(`http://localhost:3000${path}`, { headers: { cookie: session.cookie, "sec-fetch-site": "same-origin" } });
  return recordStatements(() => Promise.all(run.map((loader) => loader({ request, context, params: { slug: session.slug, ...params } }))));
}

describe("a page request", () => {
  const pages: [string, (s: typeof session) => string, () => Promise<{ loader?: unknown }>, (s: typeof session) => Record<string, string>][] = [
    ["workspace home", (s) => `/t/${s.slug}`, () => import("../features/workspaces/workspace-home"), () => ({})],
    ["visits", (s) => `/t/${s.slug}/visits`, () => import("../features/visits/visits"), () => ({})],
    ["visit detail", (s) => `/t/${s.slug}/visits/${s.visitId}`, () => import("../features/visits/visit-detail"), (s) => ({ visitId: s.visitId })],
    ["recommendations", (s) => `/t/${s.slug}/recommendations`, () => import("../features/recommendations/recommendations"), () => ({})],
    ["dashboard", (s) => `/t/${s.slug}/dashboard`, () => import("../features/dashboard/dashboard"), () => ({})],
    ["place detail", (s) => `/t/${s.slug}/places/${s.placeId}`, () => import("../features/registry/place"), (s) => ({ placeId: s.placeId })],
    ["members", (s) => `/t/${s.slug}/members`, () => import("../features/members/members"), () => ({})],
  ];

  for (const [name, path, page, params] of pages) {
    it(`${name}: one session look-up, the layout's reads and the page's in their transactions`, async () => {
      const statements = await visit(path(session), page, params(session));
      expect(sessionLookUpsIn(statements)).toBe(1);
      // The layout: the workspace and its billing state in one (the person's workspaces came with the
      // session look-up); the page: one (decision 0178).
      expect(transactionsIn(statements)).toBe(2);
    });
  }

  it("reads the workspace entry and the billing state once: the members page shares the layout's", async () => {
    const statements = await visit(`/t/${session.slug}/members`, () => import("../features/members/members"), {});
    // workspaces.current and billing.status each answer the layout and the page from one call.
    expect(statements.filter((text) => /\benter_workspace\(/.test(text)).length).toBe(transactionsIn(statements));
    expect(transactionsIn(statements)).toBe(2); // layout: current and billing; page: members and invitations
  });
});
