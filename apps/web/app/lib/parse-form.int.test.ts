import { createTestUser, createTestWorkspace, type TestUser } from "@vigil/api/testing";
import { interviewFieldsSchema, inviteMemberSchema, templateSettingsSchema } from "@vigil/api/inputs";
import { withTenant } from "@vigil/db";
import type { AppLoadContext } from "react-router";
import { beforeAll, describe, expect, it } from "vitest";
import { runAction, serverApi, type ServerApi } from "./api.server";
import { parseForm } from "./parse-form.server";

/**
 * Issue 14: actions cast posted strings to enums (`as VisitRole`). Forms are now read with the API's
 * own schemas: a value off the list is a translated field error in the form's result, never a 500.
 */

const ORIGIN = "http://localhost:3000";
const context = { ipAddress: "127.0.0.1", requestId: "parse-form-test", cspNonce: undefined } as unknown as AppLoadContext;

function formOf(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

function post(user: TestUser, path: string, fields: Record<string, string> | [string, string][]): Request {
  const headers = { cookie: `vigil_session=${user.token}`, origin: ORIGIN, "sec-fetch-site": "same-origin" };
  return new Request(`${ORIGIN}${path}`, { method: "POST", headers, body: new URLSearchParams(fields) });
}

/** What an action answered, thrown (a redirect) or returned. */
async function answerOf(run: () => unknown): Promise<unknown> {
  try {
    return await run();
  } catch (thrown) {
    return thrown;
  }
}

let owner: TestUser;
let workspace: { id: string; slug: string };
let api: ServerApi;

beforeAll(async () => {
  owner = await createTestUser();
  workspace = await createTestWorkspace(owner);
  api = await serverApi(post(owner, `/t/${workspace.slug}/members`, {}), context);
});

describe("parseForm", () => {
  it("reads a good form with the API's schema, lists from repeated fields", () => {
    expect(parseForm(formOf([["role", "monitor"], ["email", "x@example.org"]]), inviteMemberSchema.pick({ role: true }))).toEqual({ role: "monitor" });
    const settings = templateSettingsSchema.pick({ placeTypes: true });
    expect(parseForm(formOf([["placeTypes", "prison"], ["placeTypes", "police_custody"]]), settings)).toEqual({ placeTypes: ["prison", "police_custody"] });
    expect(parseForm(formOf([]), settings)).toEqual({ placeTypes: [] });
    // The text fields of a multipart form arrive as a plain record.
    expect(parseForm({ category: "staff" }, interviewFieldsSchema.pick({ category: true, allegations: true }))).toEqual({ category: "staff", allegations: [] });
  });

  it("turns a bad enum value into a translated field error in the form's result", async () => {
    const result = await runAction(api, async () => parseForm(formOf([["role", "superuser"]]), inviteMemberSchema.pick({ role: true })));
    expect(result).toEqual({ ok: false, message: api.ctx.t("errors.invalidInput"), fieldErrors: { role: api.ctx.t("validation.invalid") } });
    const listed = await runAction(api, async () => parseForm(formOf([["category", "staff"], ["allegations", "by_staff"], ["allegations", "bogus"]]), interviewFieldsSchema.pick({ category: true, allegations: true })));
    expect(listed).toMatchObject({ ok: false, fieldErrors: { "allegations.1": api.ctx.t("validation.invalid") } });
    const missing = await runAction(api, async () => parseForm(formOf([]), inviteMemberSchema.pick({ role: true })));
    expect(missing).toMatchObject({ ok: false, fieldErrors: { role: expect.any(String) } });
  });
});

describe("a route given a value off the list", () => {
  it("members: an invitation with an unknown role is a field error, and nothing is stored", async () => {
    const { action } = await import("../features/members/members");
    const params = { slug: workspace.slug };
    const answer = await action({ request: post(owner, `/t/${workspace.slug}/members`, { intent: "invite", email: "new@example.org", role: "superuser" }), context, params } as never);
    expect(answer).toMatchObject({ init: { status: 400 }, data: { ok: false, intent: "invite", fieldErrors: { role: api.ctx.t("validation.invalid") } } });
    const invitations = await withTenant(workspace.id, null, (tx) => tx.invitation.count({ where: { email: "new@example.org" } }));
    expect(invitations).toBe(0);
  });

  it("members: the same invitation with a listed role goes through", async () => {
    const { action } = await import("../features/members/members");
    const params = { slug: workspace.slug };
    const answer = await action({ request: post(owner, `/t/${workspace.slug}/members`, { intent: "invite", email: "next@example.org", role: "monitor" }), context, params } as never);
    expect(answer).toMatchObject({ init: { status: 200 }, data: { ok: true, intent: "invite" } });
  });

  it("templates: checkboxes reach the procedure as lists; a place type off the list is a field error", async () => {
    const { action } = await import("../features/templates/templates");
    const params = { slug: workspace.slug };
    const path = `/t/${workspace.slug}/templates`;
    const good: [string, string][] = [["intent", "create"], ["name", "Police custody"], ["placeTypes", "police_custody"], ["placeTypes", "prison"], ["languages", "en"]];
    const created = await answerOf(() => action({ request: post(owner, path, good), context, params } as never));
    expect(created).toBeInstanceOf(Response);
    expect((created as Response).status).toBe(302);
    const bad: [string, string][] = [["intent", "create"], ["name", "Elsewhere"], ["placeTypes", "castle"], ["languages", "en"]];
    const refused = await answerOf(() => action({ request: post(owner, path, bad), context, params } as never));
    expect(refused).toMatchObject({ init: { status: 400 }, data: { ok: false, intent: "create", fieldErrors: { "placeTypes.0": api.ctx.t("validation.invalid") } } });
    // An empty name and no language are the procedure's to refuse, both at once, as before.
    const empty = await answerOf(() => action({ request: post(owner, path, [["intent", "create"], ["name", ""]]), context, params } as never));
    expect(empty).toMatchObject({ init: { status: 400 }, data: { ok: false, fieldErrors: { name: expect.any(String), languages: expect.any(String) } } });
  });
});
