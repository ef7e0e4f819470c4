import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createTestUser, createTestWorkspace, type TestUser } from "../testing/index.ts";

/**
 * Every input that sets a name another person reads refuses line breaks, control characters and
 * bidirectional controls (issue 13 §3, decision 0157), with the translated message naming the field.
 */
const BAD_NAMES = ["NPM Serbia\nVigil security team: sign in at https://evil.example", "NPM \u202Eaibres", "\u2066Serbia\u2069"];

async function refusalOf(promise: Promise<unknown>): Promise<string[]> {
  return promise.then(
    () => ["accepted"],
    (error: unknown) => {
      if (!(error instanceof TRPCError) || !(error.cause instanceof ZodError)) throw error;
      return error.cause.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    },
  );
}

let owner: TestUser;
let slug: string;
let forumId: string;
const as = async () => (await callerFor(owner)).caller;

beforeAll(async () => {
  owner = await createTestUser("Owner");
  slug = (await createTestWorkspace(owner)).slug;
  forumId = (await (await as()).forums.create({ tenantSlug: slug, name: "SEE NPM Network" })).id;
});

describe("names another person reads", () => {
  const inputs: Record<string, (name: string) => Promise<unknown>> = {
    "workspaces.create name": async (name) => (await as()).workspaces.create({ name, slug: `x-${Date.now()}`, countryCode: "RS", defaultLocale: "en" }),
    "profile.update name": async (name) => (await as()).profile.update({ name, preferredLocale: "en" }),
    "places.create name": async (name) => (await as()).places.create({ tenantSlug: slug, name, type: "prison" }),
    "authorities.create name": async (name) => (await as()).authorities.create({ tenantSlug: slug, kind: "institution", name }),
    "templates.create name": async (name) => (await as()).templates.create({ tenantSlug: slug, name, placeTypes: ["prison"], languages: ["en"] }),
    "forums.create name": async (name) => (await as()).forums.create({ tenantSlug: slug, name }),
    "forums.addAgendaItem title": async (title) => (await as()).forums.addAgendaItem({ tenantSlug: slug, forumId, title }),
    "forums.shareDocument title": async (title) => (await as()).forums.shareDocument({ tenantSlug: slug, forumId, title }),
  };
  for (const [what, call] of Object.entries(inputs)) {
    it(`${what} refuses line breaks, control and bidi characters`, async () => {
      const field = what.split(" ")[1]!;
      for (const bad of BAD_NAMES) expect(await refusalOf(call(bad))).toEqual([`${field}: validation.nameCharacters`]);
    });
  }

  it("sign-up refuses them in the person's and the workspace's name", async () => {
    const { caller } = await callerFor(null);
    const input = { email: `x${Date.now()}@example.org`, password: "correct horse battery staple 42", locale: "en" as const, countryCode: "RS", workspaceSlug: `s-${Date.now()}` };
    expect(await refusalOf(caller.auth.signUp({ ...input, name: BAD_NAMES[0]!, workspaceName: "NPM Serbia" }))).toEqual(["name: validation.nameCharacters"]);
    expect(await refusalOf(caller.auth.signUp({ ...input, name: "Jelena", workspaceName: BAD_NAMES[1]! }))).toEqual(["workspaceName: validation.nameCharacters"]);
  });
});
