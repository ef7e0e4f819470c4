import { createTestUser } from "@vigil/api/testing";
import type { AppLoadContext } from "react-router";
import { describe, expect, it } from "vitest";
import { action as switchLocale } from "../shell/locale";
import { loader as signInPage } from "../features/account/sign-in";

const ORIGIN = "http://localhost:3000";
const context = { ipAddress: "127.0.0.1", requestId: "redirect-test", cspNonce: undefined } as unknown as AppLoadContext;
const ATTACK = "%2F%09%2Fevil.example%2Fphish";

/** The Location a route answered with (thrown or returned), resolved as the browser resolves it. */
async function followed(run: () => Promise<unknown>): Promise<URL> {
  let outcome: unknown;
  try {
    outcome = await run();
  } catch (thrown) {
    outcome = thrown;
  }
  if (!(outcome instanceof Response)) throw new Error("expected a redirect");
  return new URL(outcome.headers.get("location") ?? "", `${ORIGIN}/`);
}

describe("no open redirect through redirectTo or returnTo (issue 13)", () => {
  it("/sign-in?redirectTo=/\\t/evil.example/phish sends a signed-in user to /workspaces", async () => {
    const user = await createTestUser();
    const request = new Request(`${ORIGIN}/sign-in?redirectTo=${ATTACK}`, { headers: { cookie: `vigil_session=${user.token}` } });
    const target = await followed(() => signInPage({ request, context, params: {} } as Parameters<typeof signInPage>[0]));
    expect(target.origin).toBe(ORIGIN);
    expect(target.pathname).toBe("/workspaces");
  });

  it("/locale with returnTo=/\\t/evil.example stays on this origin", async () => {
    for (const locale of ["uk", "xx"]) {
      const body = new URLSearchParams({ locale, returnTo: decodeURIComponent(ATTACK) });
      const request = new Request(`${ORIGIN}/locale`, { method: "POST", body, headers: { origin: ORIGIN, "sec-fetch-site": "same-origin" } });
      const target = await followed(() => switchLocale({ request, context, params: {} } as Parameters<typeof switchLocale>[0]));
      expect(target.origin, locale).toBe(ORIGIN);
    }
  });

  it("a genuine return path is kept", async () => {
    const body = new URLSearchParams({ locale: "uk", returnTo: "/t/acme/visits?status=planned" });
    const request = new Request(`${ORIGIN}/locale`, { method: "POST", body, headers: { origin: ORIGIN, "sec-fetch-site": "same-origin" } });
    const target = await followed(() => switchLocale({ request, context, params: {} } as Parameters<typeof switchLocale>[0]));
    expect(target.pathname + target.search).toBe("/t/acme/visits?status=planned");
  });
});
