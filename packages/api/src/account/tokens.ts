import { generateOpaqueToken, hashSecret } from "@vigil/auth";
import { accountTokenByHash, asUser, type TenantTx } from "@vigil/db";
import { fail } from "../core/errors.ts";

export type AccountTokenPurpose = "password_reset" | "email_verification";

export const ACCOUNT_TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = {
  password_reset: 60 * 60 * 1000,
  email_verification: 7 * 24 * 60 * 60 * 1000,
};

/** A new single-use token for an e-mailed link; only its hash is stored. */
export async function issueAccountToken(user: { id: string; email: string }, purpose: AccountTokenPurpose): Promise<string> {
  const { token, hash } = generateOpaqueToken();
  await asUser(user.id, (tx) =>
    tx.accountToken.create({
      data: { tokenHash: hash, userId: user.id, purpose, email: user.email, expiresAt: new Date(Date.now() + ACCOUNT_TOKEN_TTL_MS[purpose]) },
      select: { userId: true },
    }),
  );
  return token;
}

/**
 * The account a token is for, if it can still be used: right purpose, not used, not expired, and the
 * address still the user's (a link sent to an old address is void after an address change). Nothing
 * is used up: callers check what came with the link first, then `claimAccountToken`.
 */
export async function usableAccountToken(token: string, purpose: AccountTokenPurpose): Promise<{ tokenHash: Uint8Array<ArrayBuffer>; userId: string; email: string }> {
  const tokenHash = hashSecret(token);
  // Before anyone is signed in: found by its hash through the account_token_by_hash function.
  const row = await accountTokenByHash(tokenHash, purpose);
  if (!row || row.accountEmail !== row.email) fail("NOT_FOUND", "securityErrors.linkInvalid");
  if (row.usedAt) fail("CONFLICT", "securityErrors.linkUsed");
  if (row.expiresAt <= new Date()) fail("BAD_REQUEST", "securityErrors.linkExpired");
  return { tokenHash, userId: row.userId, email: row.email };
}

/**
 * Marks a token used, on `db` (a transaction, so the use and its effect commit together). The
 * conditional update marks it only if nobody did before, so two clicks racing on one link cannot
 * both succeed.
 */
export async function claimAccountToken(db: Pick<TenantTx, "accountToken">, tokenHash: Uint8Array<ArrayBuffer>): Promise<void> {
  const claimed = await db.accountToken.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
  if (claimed.count === 0) fail("CONFLICT", "securityErrors.linkUsed");
}

/** Uses a token once, for links whose only effect is being followed (e-mail verification). */
export async function consumeAccountToken(token: string, purpose: AccountTokenPurpose): Promise<{ userId: string; email: string }> {
  const { tokenHash, userId, email } = await usableAccountToken(token, purpose);
  // The token is the user's own row: claimed as that user (account tables are under RLS, 0160).
  await asUser(userId, (tx) => claimAccountToken(tx, tokenHash));
  return { userId, email };
}
