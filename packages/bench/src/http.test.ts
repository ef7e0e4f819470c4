import { describe, expect, it } from "vitest";
import { batchPath, totp } from "./http.ts";
import { pageCalls, PAGES } from "./pages.ts";

describe("bench sign-in and pages", () => {
  it("computes TOTP codes as RFC 6238's SHA-1 test vectors say (last six digits)", () => {
    const secret = new TextEncoder().encode("12345678901234567890");
    expect(totp(secret, 59_000)).toBe("287082");
    expect(totp(secret, 1_111_111_109_000)).toBe("081804");
    expect(totp(secret, 20_000_000_000_000)).toBe("353130");
  });

  it("gives every page the workspace layout's calls and the workspace slug", () => {
    const ids = { slug: "ws-1", visitId: "v1", recommendationId: "r1", placeId: "p1" };
    for (const page of PAGES) {
      const calls = pageCalls(page, ids);
      expect(calls.slice(0, 3).map((c) => c.path)).toEqual(["workspaces.current", "workspaces.mine", "billing.status"]);
      for (const call of calls) if (call.path !== "workspaces.mine") expect(call.input.tenantSlug).toBe("ws-1");
    }
    expect(PAGES.find((p) => p.name === "visit detail")!.url(ids)).toBe("/t/ws-1/visits/v1");
  });

  it("sends a page's procedures as one tRPC batch, inputs keyed by position", () => {
    const path = batchPath([{ path: "workspaces.current", input: { tenantSlug: "ws-1" } }, { path: "workspaces.mine", input: {} }]);
    const url = new URL(path, "http://localhost");
    expect(url.pathname).toBe("/api/trpc/workspaces.current,workspaces.mine");
    expect(url.searchParams.get("batch")).toBe("1");
    expect(JSON.parse(url.searchParams.get("input") ?? "")).toEqual({ 0: { tenantSlug: "ws-1" }, 1: {} });
  });
});
