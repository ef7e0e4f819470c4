import { createTestUser } from "@vigil/api/testing";
import type { AppLoadContext } from "react-router";
import { describe, expect, it } from "vitest";
import { action } from "./sign-out";

// Issue 18: signing out tells the browser to forget what it holds, so a shared phone keeps nothing.
const ORIGIN = "http://localhost:3000";
const context = { ipAddress: "127.0.0.1", requestId: "sign-out-test", cspNonce: undefined } as unknown as AppLoadContext;

describe("sign-out", () => {
  it("sends Clear-Site-Data for the caches and storage, with or without a session", async () => {
    const ana = await createTestUser("Ana");
    for (const cookie of [`vigil_session=${ana.token}`, null]) {
      const request = new Request(`${ORIGIN}/sign-out`, { method: "POST", headers: { origin: ORIGIN, "sec-fetch-site": "same-origin", ...(cookie ? { cookie } : {}) } });
      const response = await action({ request, context, params: {} } as Parameters<typeof action>[0]);
      expect(response.status).toBe(302);
      expect(response.headers.get("clear-site-data")).toBe('"cache", "storage"');
    }
  });
});
