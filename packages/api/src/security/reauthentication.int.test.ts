import { TRPCError } from "@trpc/server";
import { hashRecoveryCode, totpCode } from "@vigil/auth";
import { withTenant } from "@vigil/db";
import { privilegedDb } from "@vigil/db/privileged";
import { describe, expect, it } from "vitest";
import { TWO_FACTOR_LIMITS } from "./two-factor.ts";
import { SIGN_IN_LIMITS } from "../account/accounts.ts";
import { callerFor, createTestUser, createTestWorkspace, enrolTestTwoFactor, TEST_PASSWORD, type TestUser } from "../testing/index.ts";

/**
 * Recent re-authentication (decision 0151): the session alone does not regenerate recovery codes,
 * delete a workspace or export it; the account's password, or a current code, must come with the call.
 */

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return { code: error.code, key: error.message };
}

const REFUSED = { code: "BAD_REQUEST", key: "securityErrors.reauthenticationFailed" };

/** A session from its own address, so the per-IP limits of other tests never meet these. */
async function callerAt(user: TestUser, ipAddress: string) {
  return (await callerFor(user, { ipAddress })).caller;
}

async function recoveryCodeHashes(userId: string) {
  return (await privilegedDb().recoveryCode.findMany({ where: { userId }, select: { codeHash: true } })).map((row) => Buffer.from(row.codeHash).toString("hex")).sort();
}

describe("re-authentication", () => {
  it("regenerating recovery codes needs the password or a current code, not the session alone", async () => {
    const user = await createTestUser();
    const secret = await enrolTestTwoFactor(user.id);
    await privilegedDb().recoveryCode.create({ data: { userId: user.id, codeHash: hashRecoveryCode("old-code-1") } });
    const caller = await callerAt(user, "10.60.0.1");
    const before = await recoveryCodeHashes(user.id);

    expect(await errorOf(caller.twoFactor.regenerateRecoveryCodes({ reauthentication: "not my password" }))).toEqual({ ...REFUSED });
    expect(await errorOf(caller.twoFactor.regenerateRecoveryCodes({ reauthentication: "" }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await recoveryCodeHashes(user.id)).toEqual(before);

    const byPassword = await caller.twoFactor.regenerateRecoveryCodes({ reauthentication: TEST_PASSWORD });
    expect(byPassword.recoveryCodes).toHaveLength(10);
    const byCode = await caller.twoFactor.regenerateRecoveryCodes({ reauthentication: totpCode(secret) });
    expect(byCode.recoveryCodes).toHaveLength(10);
    expect(byCode.recoveryCodes).not.toEqual(byPassword.recoveryCodes);
  });

  it("a wrong code is refused on the re-authentication field", async () => {
    const user = await createTestUser();
    const secret = await enrolTestTwoFactor(user.id);
    const caller = await callerAt(user, "10.60.0.2");
    const right = totpCode(secret);
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, "0");
    expect(await errorOf(caller.twoFactor.regenerateRecoveryCodes({ reauthentication: wrong }))).toEqual({ code: "BAD_REQUEST", key: "securityErrors.wrongCode" });
  });

  it("deleting a workspace needs the owner's password as well as its name", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const caller = await callerAt(owner, "10.60.0.3");
    const { name } = await caller.workspaces.current({ tenantSlug: workspace.slug });
    expect(await errorOf(caller.workspaceDeletion.schedule({ tenantSlug: workspace.slug, confirmName: name, reauthentication: "a guessed password" }))).toEqual(REFUSED);
    expect(await caller.workspaceDeletion.status({ tenantSlug: workspace.slug })).toEqual({ purgeAfter: null });
    const { purgeAfter } = await caller.workspaceDeletion.schedule({ tenantSlug: workspace.slug, confirmName: name, reauthentication: TEST_PASSWORD });
    expect(purgeAfter).toBeInstanceOf(Date);
  });

  it("exporting a workspace needs the owner's password or a current code", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const secret = await enrolTestTwoFactor(owner.id);
    const caller = await callerAt(owner, "10.60.0.4");
    expect(await errorOf(caller.workspaceExport.start({ tenantSlug: workspace.slug, reauthentication: "a guessed password" }))).toEqual(REFUSED);
    expect(await withTenant(workspace.id, null, (tx) => tx.workspaceExport.count())).toBe(0);
    const job = await caller.workspaceExport.start({ tenantSlug: workspace.slug, reauthentication: totpCode(secret) });
    expect(job.id).toBeTruthy();
  });

  it("re-authentication by password is limited like sign-in, and shares its allowance, in parallel", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const caller = await callerAt(owner, "10.60.0.5");
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => errorOf(caller.workspaceExport.start({ tenantSlug: workspace.slug, reauthentication: `guess number ${i}` }))),
    );
    const refused = answers.filter((a) => a.code === "BAD_REQUEST").length;
    const limited = answers.filter((a) => a.code === "TOO_MANY_REQUESTS").length;
    expect({ refused, limited }).toEqual({ refused: SIGN_IN_LIMITS.account.limit, limited: 8 - SIGN_IN_LIMITS.account.limit });
    // The account is locked for sign-in too: these forms are no side door for guessing.
    const signIn = (await callerFor(null, { ipAddress: "10.60.1.5" })).caller.auth.signIn({ email: owner.email, password: TEST_PASSWORD });
    expect((await errorOf(signIn)).code).toBe("TOO_MANY_REQUESTS");
  });

  it("re-authentication by code is limited like the second step", async () => {
    const user = await createTestUser();
    const secret = await enrolTestTwoFactor(user.id);
    const caller = await callerAt(user, "10.60.0.6");
    const right = totpCode(secret);
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, "0");
    const answers = await Promise.all(Array.from({ length: 7 }, () => errorOf(caller.twoFactor.regenerateRecoveryCodes({ reauthentication: wrong }))));
    expect(answers.filter((a) => a.code === "TOO_MANY_REQUESTS")).toHaveLength(7 - TWO_FACTOR_LIMITS.account.limit);
  });
});
