import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { TRPCError } from "@trpc/server";
import { appDb, withTenant } from "@vigil/db";
import { beforeAll, describe, expect, it } from "vitest";
import { createWorkspace } from "./workspaces.ts";
import { PLATFORM_OPERATOR } from "../platform/audit.ts";
import { setWorkspaceVerification, UnknownWorkspaceError } from "./verification.ts";
import { callerFor, createTestUser, enrolTestTwoFactor, refusalOf, type TestUser, unique } from "../testing/index.ts";
import { createTestVisit } from "../testing/checklist.ts";

/**
 * Workspaces cannot impersonate each other (issue 13 §3, decision 0155): a platform operator verifies
 * the real NPMs; every directory shows the mark, country and slug with verified entries first; a
 * host invites an unverified look-alike to a joint visit only by typing its slug.
 */
type Ws = { id: string; slug: string; name: string; owner: TestUser };
const as = async (user: TestUser) => (await callerFor(user)).caller;
const UKRAINE = "Ukrainian Parliament Commissioner for Human Rights — NPM";

async function workspace(name: string, slugPrefix: string, options: { allowJointVisits?: boolean; verified?: boolean } = {}): Promise<Ws> {
  const owner = await createTestUser();
  await enrolTestTwoFactor(owner.id);
  const ws = await createWorkspace({ name, slug: unique(slugPrefix), countryCode: "UA", defaultLocale: "en", ownerId: owner.id });
  if (options.allowJointVisits) await (await as(owner)).jointVisits.setAllowed({ tenantSlug: ws.slug, allow: true });
  if (options.verified) await setWorkspaceVerification({ slug: ws.slug, note: "OPCAT NPM list" });
  return { id: ws.id, slug: ws.slug, name: ws.name, owner };
}

let serbia: Ws, ukraine: Ws, lookalike: Ws;

beforeAll(async () => {
  [serbia, ukraine, lookalike] = await Promise.all([
    workspace("Protector of Citizens — NPM Serbia", "npm-serbia", { allowJointVisits: true, verified: true }),
    workspace(UKRAINE, "npm-ukraine", { allowJointVisits: true, verified: true }),
    // The attack of issue 13: a new sign-up with the same name and a slug one letter off.
    workspace(UKRAINE, "npm-ukralne", { allowJointVisits: true }),
  ]);
});

describe("pnpm platform:verify", () => {
  it("verifies and un-verifies a workspace by slug, audited in that workspace's log as the platform operator", async () => {
    const ws = await workspace("Ombudsman of Montenegro — NPM", "npm-montenegro");
    const verified = await setWorkspaceVerification({ slug: ws.slug, note: "Called the institution" });
    expect(verified).toMatchObject({ tenantId: ws.id, changed: true });
    expect(verified.verifiedAt).toBeInstanceOf(Date);
    // Running it twice changes nothing and writes no second event.
    expect(await setWorkspaceVerification({ slug: ws.slug })).toMatchObject({ changed: false });
    const revoked = await setWorkspaceVerification({ slug: ws.slug, revoke: true });
    expect(revoked).toMatchObject({ changed: true, verifiedAt: null });
    const tenant = await withTenant(ws.id, null, (tx) => tx.tenant.findFirst({ where: { id: ws.id }, select: { verifiedAt: true, verificationNote: true } }));
    expect(tenant).toEqual({ verifiedAt: null, verificationNote: null });

    const audit = await withTenant(ws.id, null, (tx) =>
      tx.auditEvent.findMany({ where: { action: { startsWith: "workspace.verif" } }, select: { action: true, actorId: true, details: true }, orderBy: { createdAt: "asc" } }),
    );
    expect(audit).toEqual([
      { action: "workspace.verified", actorId: null, details: { actor: PLATFORM_OPERATOR, operator: "command line", countryCode: "UA", note: "Called the institution" } },
      { action: "workspace.verificationRevoked", actorId: null, details: { actor: PLATFORM_OPERATOR, operator: "command line", countryCode: "UA", note: null } },
    ]);
    await expect(setWorkspaceVerification({ slug: unique("no-such-workspace") })).rejects.toBeInstanceOf(UnknownWorkspaceError);
  });

  it("runs as the operator's command: verifies by slug, says so, and refuses an unknown slug with a sentence", async () => {
    const ws = await workspace("Protector of Human Rights and Freedoms — NPM", "npm-command");
    const script = fileURLToPath(new URL("./verify-cli.ts", import.meta.url));
    const run = (args: string[]) => promisify(execFile)(process.execPath, ["--import", "tsx", script, ...args], { cwd: path.dirname(script), env: process.env });
    const { stdout } = await run([ws.slug, "--note", "Checked the SPT list"]);
    expect(stdout).toContain(`"${ws.name}" (${ws.slug}, UA) is now the verified NPM of UA.`);
    const tenant = await withTenant(ws.id, null, (tx) => tx.tenant.findFirst({ where: { id: ws.id }, select: { verifiedAt: true, verificationNote: true } }));
    expect(tenant?.verifiedAt).toBeInstanceOf(Date);
    expect(tenant?.verificationNote).toBe("Checked the SPT list");
    const unknown = await run([unique("no-such-workspace")]).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(unknown?.code).toBe(1);
    expect(unknown?.stderr).not.toMatch(/\bat \S+:\d+|undefined/);
  });

  it("cannot be done by the application role: a workspace cannot verify itself", async () => {
    const selfMade = () => withTenant(lookalike.id, lookalike.owner.id, (tx) => tx.tenant.update({ where: { id: lookalike.id }, data: { verifiedAt: new Date() }, select: { id: true } }));
    await expect(selfMade()).rejects.toThrow(/only the platform operator verifies a workspace/);
    const bornVerified = () =>
      appDb().tenant.create({ data: { name: "Self-verified", slug: unique("self"), countryCode: "UA", defaultLocale: "en", verifiedAt: new Date() }, select: { id: true } });
    await expect(bornVerified()).rejects.toThrow(/only the platform operator verifies a workspace/);
    // The rest of its own row stays editable.
    await withTenant(lookalike.id, lookalike.owner.id, (tx) => tx.tenant.update({ where: { id: lookalike.id }, data: { responseDeadlineDays: 45 }, select: { id: true } }));
  });
});

describe("directories", () => {
  const entry = (ws: Ws, verified: boolean) => expect.objectContaining({ id: ws.id, name: UKRAINE, slug: ws.slug, countryCode: "UA", verified });

  it("the joint-visit picker marks the verified Ukraine, lists it before the look-alike and shows both slugs", async () => {
    const c = await as(serbia.owner);
    const visitId = (await createTestVisit(serbia.id)).id;
    const { invitable } = await c.jointVisits.partners({ tenantSlug: serbia.slug, visitId });
    const twins = invitable.filter((e) => e.name === UKRAINE);
    expect(twins.indexOf(twins.find((e) => e.id === ukraine.id)!)).toBeLessThan(twins.indexOf(twins.find((e) => e.id === lookalike.id)!));
    expect(invitable).toEqual(expect.arrayContaining([entry(ukraine, true), entry(lookalike, false)]));
    // Every verified entry comes before every unverified one.
    const firstUnverified = invitable.findIndex((e) => !e.verified);
    expect(invitable.slice(firstUnverified).every((e) => !e.verified)).toBe(true);
    expect(await c.jointVisits.directory({ tenantSlug: serbia.slug })).toEqual(expect.arrayContaining([entry(ukraine, true), entry(lookalike, false)]));
  });

  it("the forum invitation list does the same", async () => {
    const c = await as(serbia.owner);
    const forumId = (await c.forums.create({ tenantSlug: serbia.slug, name: "SEE NPM Network" })).id;
    const invitable = await c.forums.invitable({ tenantSlug: serbia.slug, forumId });
    expect(invitable).toEqual(expect.arrayContaining([entry(ukraine, true), entry(lookalike, false)]));
    expect(invitable.findIndex((e) => e.id === ukraine.id)).toBeLessThan(invitable.findIndex((e) => e.id === lookalike.id));
    const firstUnverified = invitable.findIndex((e) => !e.verified);
    expect(invitable.slice(firstUnverified).every((e) => !e.verified)).toBe(true);
  });
});

describe("inviting an unverified workspace to a joint visit", () => {
  it("needs its slug typed by the host; a verified workspace does not", async () => {
    const c = await as(serbia.owner);
    const visitId = (await createTestVisit(serbia.id)).id;
    const invite = (partnerTenantId: string, confirmSlug?: string) => refusalOf(c.jointVisits.invite({ tenantSlug: serbia.slug, visitId, partnerTenantId, confirmSlug }));
    expect(await invite(lookalike.id)).toBe("BAD_REQUEST jointErrors.confirmUnverifiedSlug");
    // Typing the real institution's slug does not confirm the look-alike.
    expect(await invite(lookalike.id, ukraine.slug)).toBe("BAD_REQUEST jointErrors.confirmUnverifiedSlug");
    expect(await withTenant(serbia.id, null, (tx) => tx.visitPartner.count({ where: { visitId } }))).toBe(0);

    expect(await invite(ukraine.id)).toBe("OK");
    expect(await invite(lookalike.id, ` ${lookalike.slug.toUpperCase()} `)).toBe("OK");
    const partners = await withTenant(serbia.id, null, (tx) => tx.visitPartner.findMany({ where: { visitId }, select: { partnerTenantId: true } }));
    expect(partners.map((p) => p.partnerTenantId).sort()).toEqual([ukraine.id, lookalike.id].sort());
  });

  it("names the field and the slug to type in the error", async () => {
    const c = await as(serbia.owner);
    const visitId = (await createTestVisit(serbia.id)).id;
    const error = await c.jointVisits.invite({ tenantSlug: serbia.slug, visitId, partnerTenantId: lookalike.id }).then(() => null, (e: unknown) => e as TRPCError);
    expect(error?.cause).toMatchObject({ field: "confirmSlug", params: { slug: lookalike.slug } });
  });
});
