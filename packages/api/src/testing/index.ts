import { randomBytes, randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { createSession, generateTotpSecret, hashPassword } from "@vigil/auth";
import { asUser, withTenant, type MemberRole } from "@vigil/db";
import { createContext } from "../core/context.ts";
import { createCaller } from "../router.ts";
import { openTotpSecret, sealTotpSecret } from "../security/totp-secrets.ts";
import { createWorkspace } from "../workspaces/workspaces.ts";

export const TEST_PASSWORD = "correct horse battery staple 42";

export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

let passwordHash: Promise<string> | undefined;

/** A user with a session, created directly (sign-up itself is tested through its procedure). */
export async function createTestUser(name = "Test User") {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  // Account rows are the user's own (row-level security): the new id is the transaction's user.
  const id = randomUUID();
  const hash = await passwordHash;
  const user = await asUser(id, (tx) =>
    tx.user.create({ data: { id, email: `${unique("user")}@example.org`, name, passwordHash: hash, preferredLocale: "en" }, select: { id: true, email: true, name: true } }),
  );
  const { token } = await createSession(user.id);
  return { ...user, token };
}

export type TestUser = Awaited<ReturnType<typeof createTestUser>>;

/**
 * Enrols a test user in two-factor sign-in, as owners and admins must be before they can work in a
 * workspace, and counts the user's existing sessions as signed in with it (decision 0265), as if
 * each had passed the code; returns the TOTP secret so a test can compute codes. A test of a session
 * without the second factor creates it after this, with `createSession` alone.
 */
export async function enrolTestTwoFactor(userId: string): Promise<Uint8Array<ArrayBuffer>> {
  const totpSecret = await asUser(userId, async (tx) => {
    const existing = await tx.userTwoFactor.findUnique({ where: { userId } });
    if (existing?.enabledAt) return openTotpSecret(userId, existing);
    const created = generateTotpSecret();
    const sealed = sealTotpSecret(userId, created);
    await tx.userTwoFactor.upsert({ where: { userId }, create: { userId, ...sealed, enabledAt: new Date() }, update: { ...sealed, enabledAt: new Date() }, select: { userId: true } });
    return created;
  });
  // In a transaction after the enrolment's, so the mark is never older than enabled_at.
  await asUser(userId, (tx) => tx.session.updateMany({ where: { userId, secondFactorAt: null }, data: { secondFactorAt: new Date() } }));
  return totpSecret;
}

/** A workspace owned by `owner` (enrolled in two-factor sign-in, as owners must be), with a unique slug. */
export async function createTestWorkspace(owner: TestUser) {
  await enrolTestTwoFactor(owner.id);
  return createWorkspace({ name: unique("Workspace"), slug: unique("ws"), countryCode: "RS", defaultLocale: "en", ownerId: owner.id });
}

export async function addMember(tenantId: string, user: TestUser, role: MemberRole) {
  if (role === "owner" || role === "admin") await enrolTestTwoFactor(user.id);
  return withTenant(tenantId, null, (tx) => tx.membership.create({ data: { tenantId, userId: user.id, role }, select: { id: true } }));
}

/**
 * The cast of most role tests: a workspace with its owner, a monitor and a viewer, and an outsider
 * who owns a workspace of their own (so "another workspace's member" is a real member elsewhere).
 */
export async function createWorkspaceWithRoles() {
  const [owner, monitor, viewer, outsider] = await Promise.all([createTestUser(), createTestUser(), createTestUser(), createTestUser()]);
  const workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, monitor, "monitor");
  await addMember(workspace.id, viewer, "viewer");
  await createTestWorkspace(outsider);
  return { owner, monitor, viewer, outsider, workspace };
}

type CallOptions = { origin?: "same" | "cross" | "none"; ipAddress?: string; acceptLanguage?: string };

/** A server-side caller acting as `user` (or signed out), from a browser on this origin unless told otherwise. */
export async function callerFor(user: { token: string } | null, options: CallOptions = {}) {
  const headers = new Headers();
  if (user) headers.set("cookie", `vigil_session=${user.token}`);
  if (options.origin === "cross") headers.set("sec-fetch-site", "cross-site");
  else if (options.origin !== "none") headers.set("sec-fetch-site", "same-origin");
  if (options.acceptLanguage) headers.set("accept-language", options.acceptLanguage);
  const request = new Request("http://localhost:3000/api/trpc", { method: "POST", headers });
  const resHeaders = new Headers();
  const ctx = await createContext({ request, resHeaders, ipAddress: options.ipAddress ?? "127.0.0.1" });
  return { caller: createCaller(ctx), resHeaders, ctx };
}

/** A call's outcome: "OK", or the tRPC error's code; any other error fails the test. */
export function codeOf(call: Promise<unknown>): Promise<string> {
  return call.then(() => "OK", (error: unknown) => (error instanceof TRPCError ? error.code : Promise.reject(error)));
}

/** A call's outcome: "OK", or the tRPC error's code and message (a translation key). */
export function refusalOf(call: Promise<unknown>): Promise<string> {
  return call.then(() => "OK", (error: unknown) => (error instanceof TRPCError ? `${error.code} ${error.message}` : Promise.reject(error)));
}

/** The session token from a Set-Cookie header a procedure returned. */
export function sessionTokenFrom(resHeaders: Headers): string | null {
  const match = /vigil_session=([^;]*)/.exec(resHeaders.get("set-cookie") ?? "");
  return match?.[1] || null;
}

export { recordStatements, sessionLookUpsIn, transactionsIn } from "./statements.ts";
export { createTestPlace, createTestVisit } from "./visits.ts";
export { createJointVisitWithSentReport, createWorkspaceWithSite, type SiteWorkspace } from "./joint-report.ts";
