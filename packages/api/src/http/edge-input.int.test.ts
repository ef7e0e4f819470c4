import { randomUUID } from "node:crypto";
import { withTenant } from "@vigil/db";
import { describe, expect, it } from "vitest";
import { handleTrpcRequest } from "./handler.ts";
import { daySchema } from "../core/schemas.ts";
import { callerFor, codeOf, createTestUser, createTestWorkspace } from "../testing/index.ts";

/** The tRPC code a call failed with ("OK" if it did not fail), so a 500 shows up as INTERNAL_SERVER_ERROR. */
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const rawCursor = (text: string) => Buffer.from(text).toString("base64url");

async function ownerCaller() {
  const owner = await createTestUser();
  const workspace = await createTestWorkspace(owner);
  const { caller } = await callerFor(owner);
  return { caller, workspace, tenantSlug: workspace.slug };
}

describe("the shared day schema", () => {
  it("accepts only days that exist on the calendar", () => {
    for (const day of ["2026-01-31", "2024-02-29", "2026-12-31"]) expect(daySchema.safeParse(day).success, day).toBe(true);
    for (const day of ["2026-13-45", "2026-99-99", "2026-02-29", "2026-04-31", "2026-00-10", "zzz", "2026-1-1"]) {
      expect(daySchema.safeParse(day).success, day).toBe(false);
    }
  });
});

describe("impossible dates are bad requests, not server errors", () => {
  it("auditLog.list and exportCsv refuse 2026-13-45 and 2026-99-99", async () => {
    const { caller, tenantSlug } = await ownerCaller();
    expect(await codeOf(caller.auditLog.list({ tenantSlug, filter: { from: "2026-13-45" } }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.auditLog.list({ tenantSlug, filter: { to: "2026-99-99" } }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.auditLog.exportCsv({ tenantSlug, filter: { from: "2026-02-30" } }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.auditLog.list({ tenantSlug, filter: { from: "2026-06-01", to: "2026-06-30" } }))).toBe("OK");
  });
});

describe("a NUL byte in any text is a bad request (PostgreSQL would answer 22021)", () => {
  it("in the filters of places, visits and recommendations", async () => {
    const { caller, tenantSlug } = await ownerCaller();
    expect(await codeOf(caller.places.list({ tenantSlug, search: "a\u0000" }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.places.list({ tenantSlug, region: "\u0000" }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.visits.list({ tenantSlug, region: "north\u0000" }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.recommendations.list({ tenantSlug, tag: "a\u0000b" }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.auditLog.list({ tenantSlug, filter: { action: "place.created\u0000" } }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.places.list({ tenantSlug, search: "a" }))).toBe("OK");
  });

  it("in a change, which then writes nothing", async () => {
    const { caller, tenantSlug, workspace } = await ownerCaller();
    expect(await codeOf(caller.places.create({ tenantSlug, name: "Prison\u0000", type: "prison" }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.places.create({ tenantSlug, name: "Prison", type: "prison", notes: "x\u0000" }))).toBe("BAD_REQUEST");
    const places = await withTenant(workspace.id, null, (tx) => tx.place.count());
    expect(places).toBe(0);
  });

  it("over HTTP, as the browser sends it: 400, not 500", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const input = encodeURIComponent(JSON.stringify({ tenantSlug: workspace.slug, search: "a\u0000" }));
    const request = new Request(`http://localhost:3000/api/trpc/places.list?input=${input}`, { headers: { cookie: `vigil_session=${owner.token}` } });
    const response = await handleTrpcRequest(request, { ipAddress: "127.0.0.1" });
    expect(response.status).toBe(400);
  });

  it("signed out too: refused before anything else reads it", async () => {
    const { caller } = await callerFor(null);
    expect(await codeOf(caller.auth.signIn({ email: "a@example.org", password: "pass\u0000word" }))).toBe("BAD_REQUEST");
  });
});

describe("a malformed keyset cursor is a bad request, never a server error", () => {
  const id = randomUUID();
  const malformed = [";env;", "%3Benv%3B", rawCursor("not json"), cursor(null), cursor({}), cursor([]), rawCursor("\u0000")];

  it("places", async () => {
    const { caller, tenantSlug } = await ownerCaller();
    for (const bad of [...malformed, cursor(["a\u0000", id]), cursor(["a", "not-a-uuid"]), cursor([1, id])]) {
      expect(await codeOf(caller.places.list({ tenantSlug, cursor: bad })), bad).toBe("BAD_REQUEST");
    }
    expect(await codeOf(caller.places.list({ tenantSlug, cursor: cursor(["a", id]) }))).toBe("OK");
  });

  it("visits", async () => {
    const { caller, tenantSlug } = await ownerCaller();
    for (const bad of [...malformed, cursor({ start: "2026-99-99", id }), cursor({ start: "2026-01-01", id: "x" })]) {
      expect(await codeOf(caller.visits.list({ tenantSlug, cursor: bad })), bad).toBe("BAD_REQUEST");
    }
    expect(await codeOf(caller.visits.list({ tenantSlug, cursor: cursor({ start: "2026-01-01", id }) }))).toBe("OK");
  });

  it("recommendations", async () => {
    const { caller, tenantSlug } = await ownerCaller();
    for (const bad of [...malformed, cursor({ at: "2026", id }), cursor({ at: "2026-01-01T00:00:00.000Z", id: "not-a-uuid" })]) {
      expect(await codeOf(caller.recommendations.list({ tenantSlug, cursor: bad })), bad).toBe("BAD_REQUEST");
    }
    expect(await codeOf(caller.recommendations.list({ tenantSlug, cursor: cursor({ at: "2026-01-01T00:00:00.000Z", id }) }))).toBe("OK");
  });

  it("audit log", async () => {
    const { caller, tenantSlug } = await ownerCaller();
    for (const bad of [...malformed, rawCursor(`2026-01-01T00:00:00.000Z|not-a-uuid`), rawCursor(`2026-99-99|${id}`), cursor(["2026-13-45T00:00:00.000Z", id])]) {
      expect(await codeOf(caller.auditLog.list({ tenantSlug, filter: {}, cursor: bad })), bad).toBe("BAD_REQUEST");
    }
    expect(await codeOf(caller.auditLog.list({ tenantSlug, filter: {}, cursor: cursor(["2026-01-01T00:00:00.000Z", id]) }))).toBe("OK");
  });
});
