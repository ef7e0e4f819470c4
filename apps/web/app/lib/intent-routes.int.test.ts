import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { addMember, callerFor, createTestUser, createTestWorkspace, type TestUser } from "@vigil/api/testing";
import { withTenant } from "@vigil/db";
import type { AppLoadContext } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Issue 13: a form post with an unknown or missing intent used to fall through to a real change
 * (removing a member, deleting an attachment, switching off required two-factor sign-in). Every
 * action with several intents now answers 400 to anything not on its list, and changes nothing.
 */

const ORIGIN = "http://localhost:3000";
const context = { ipAddress: "127.0.0.1", requestId: "intent-test", cspNonce: undefined } as unknown as AppLoadContext;
type Action = (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => unknown;

/** Every route whose action serves several forms, by its routes.ts path. */
const MULTI_INTENT_ROUTES: [file: string, path: string][] = [
  ["members.tsx", "/t/:slug/members"],
  ["workspace-security.tsx", "/t/:slug/security"],
  ["visit-findings.tsx", "/t/:slug/visits/:visitId/findings"],
  ["visit-interviews.tsx", "/t/:slug/visits/:visitId/interviews"],
  ["visit-detail.tsx", "/t/:slug/visits/:visitId"],
  ["visit-partners.tsx", "/t/:slug/visits/:visitId/partners"],
  ["visit-report.tsx", "/t/:slug/visits/:visitId/report"],
  ["joint-visit.tsx", "/t/:slug/joint-visits/:visitId"],
  ["joint-visits.tsx", "/t/:slug/joint-visits"],
  ["authorities.tsx", "/t/:slug/authorities"],
  ["billing.tsx", "/t/:slug/billing"],
  ["place.tsx", "/t/:slug/places/:placeId"],
  ["templates.tsx", "/t/:slug/templates"],
  ["template.tsx", "/t/:slug/templates/:templateId"],
  ["template-version.tsx", "/t/:slug/templates/:templateId/versions/:versionId"],
  ["library-publication.tsx", "/t/:slug/library/:publicationId"],
  ["forums.tsx", "/t/:slug/forums"],
  ["forum.tsx", "/t/:slug/forums/:forumId"],
  ["account-sessions.tsx", "/account/sessions"],
  ["account-two-factor.tsx", "/account/two-factor"],
  ["profile.tsx", "/profile"],
  ["invitation.tsx", "/invitations/:token"],
  ["platform.tsx", "/platform"],
];

const modules = import.meta.glob<{ action: Action }>(["../features/*/*.tsx", "../shell/*.tsx"]);
/** A route module by its file name (route files have unique names across features). */
const moduleNamed = (file: string) => modules[Object.keys(modules).find((key) => key.endsWith(`/${file}`))!]!;

/** How an action answered: its status, and whether it threw it (refused before doing any work). */
async function answerOf(run: () => unknown): Promise<{ status: number; refused: boolean }> {
  let outcome: unknown;
  let refused = false;
  try {
    outcome = await run();
  } catch (thrown) {
    outcome = thrown;
    refused = true;
  }
  if (outcome instanceof Response) return { status: outcome.status, refused };
  if (typeof outcome === "object" && outcome !== null && (outcome as { type?: unknown }).type === "DataWithResponseInit") {
    return { status: (outcome as { init: ResponseInit | null }).init?.status ?? 200, refused };
  }
  if (outcome instanceof Error) throw outcome;
  return { status: 200, refused };
}

function post(user: TestUser, path: string, fields: Record<string, string>): Request {
  const headers = { cookie: `vigil_session=${user.token}`, origin: ORIGIN, "sec-fetch-site": "same-origin" };
  return new Request(`${ORIGIN}${path}`, { method: "POST", headers, body: new URLSearchParams(fields) });
}

async function answerTo(file: string, user: TestUser, params: Record<string, string>, fields: Record<string, string>) {
  const { action } = await moduleNamed(file)();
  const route = MULTI_INTENT_ROUTES.find(([name]) => name === file)![1];
  const path = route.replace(/:(\w+)/g, (_, name: string) => params[name]!);
  return answerOf(() => action({ request: post(user, path, fields), context, params }));
}

async function postTo(file: string, user: TestUser, params: Record<string, string>, fields: Record<string, string>): Promise<number> {
  return (await answerTo(file, user, params, fields)).status;
}

let owner: TestUser;
let member: TestUser;
let workspace: { id: string; slug: string };
let attachmentsDir: string;

beforeAll(async () => {
  attachmentsDir = await mkdtemp(path.join(os.tmpdir(), "vigil-intent-"));
  process.env.ATTACHMENTS_DIR = attachmentsDir;
  [owner, member] = await Promise.all([createTestUser(), createTestUser()]);
  workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, member, "monitor");
});
afterAll(async () => {
  delete process.env.ATTACHMENTS_DIR;
  await rm(attachmentsDir, { recursive: true, force: true });
});

describe("an unknown or missing intent is a 400, refused before any procedure runs", () => {
  it.each(MULTI_INTENT_ROUTES)("%s", async (file, route) => {
    const params: Record<string, string> = {};
    for (const [, name] of route.matchAll(/:(\w+)/g)) params[name!] = name === "slug" ? workspace.slug : name === "token" ? "a".repeat(48) : randomUUID();
    // A procedure's own refusal of the random ids would also be a 400, but returned as a form error:
    // only a thrown 400 shows the intent was refused before anything ran.
    expect(await answerTo(file, owner, params, { intent: "bogus" }), "unknown intent").toEqual({ status: 400, refused: true });
    expect(await answerTo(file, owner, params, {}), "no intent").toEqual({ status: 400, refused: true });
  });
});

describe("and changes nothing", () => {
  it("members: a member stays", async () => {
    const membership = await withTenant(workspace.id, null, (tx) => tx.membership.findFirstOrThrow({ where: { userId: member.id }, select: { id: true } }));
    expect(await postTo("members.tsx", owner, { slug: workspace.slug }, { intent: "kick", membershipId: membership.id })).toBe(400);
    expect(await postTo("members.tsx", owner, { slug: workspace.slug }, { membershipId: membership.id })).toBe(400);
    const still = await withTenant(workspace.id, null, (tx) => tx.membership.count({ where: { id: membership.id } }));
    expect(still).toBe(1);
  });

  it("workspace security: required two-factor sign-in stays on", async () => {
    const { caller } = await callerFor(owner);
    await caller.twoFactor.setWorkspaceRequirement({ tenantSlug: workspace.slug, required: true });
    expect(await postTo("workspace-security.tsx", owner, { slug: workspace.slug }, { intent: "requirment" })).toBe(400);
    expect(await postTo("workspace-security.tsx", owner, { slug: workspace.slug }, {})).toBe(400);
    expect(await caller.twoFactor.workspaceRequirement({ tenantSlug: workspace.slug })).toMatchObject({ required: true });
  });

  it("evidence: an attachment stays", async () => {
    const visitId = await withTenant(workspace.id, null, async (tx) => {
      const place = await tx.place.create({ data: { tenantId: workspace.id, name: `Station ${randomUUID()}`, type: "police_custody" }, select: { id: true } });
      const visit = await tx.visit.create({
        data: { tenantId: workspace.id, placeId: place.id, type: "ad_hoc", plannedStart: new Date("2026-06-12"), plannedEnd: new Date("2026-06-12"), status: "in_progress" },
        select: { id: true },
      });
      return visit.id;
    });
    const { caller } = await callerFor(owner);
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    const stored = await caller.attachments.upload({ tenantSlug: workspace.slug, visitId, findingId: null, fileName: "cell.png", content: Readable.from([png]) });
    const params = { slug: workspace.slug, visitId };
    expect(await postTo("visit-findings.tsx", owner, params, { intent: "remove", attachmentId: stored.id })).toBe(400);
    expect(await postTo("visit-findings.tsx", owner, params, { attachmentId: stored.id })).toBe(400);
    const still = await withTenant(workspace.id, null, (tx) => tx.attachment.count({ where: { id: stored.id } }));
    expect(still).toBe(1);
  });
});
