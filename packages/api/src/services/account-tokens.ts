import { generateOpaqueToken, hashSecret } from "@vigil/auth";
import { accountTokenByHash, asUser } from "@vigil/db";
import { fail } from "../errors.ts";

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
 * Uses a token once: the conditional update marks it used only if nobody did before, so two clicks
 * racing on one link cannot both succeed. The address must still be the user's: a link sent to an
 * old address is void after an address change.
 */
export async function consumeAccountToken(token: string, purpose: AccountTokenPurpose): Promise<{ userId: string; email: string }> {
  const tokenHash = hashSecret(token);
  // Before anyone is signed in: found by its hash through the account_token_by_hash function.
  const row = await accountTokenByHash(tokenHash, purpose);
  if (!row || row.accountEmail !== row.email) fail("NOT_FOUND", "securityErrors.linkInvalid");
  if (row.usedAt) fail("CONFLICT", "securityErrors.linkUsed");
  if (row.expiresAt <= new Date()) fail("BAD_REQUEST", "securityErrors.linkExpired");
  const claimed = await asUser(row.userId, (tx) => tx.accountToken.updateMany({ where: { tokenHash, usedAt: null }, data: { usedAt: new Date() } }));
  if (claimed.count === 0) fail("CONFLICT", "securityErrors.linkUsed");
  return { userId: row.userId, email: row.email };
}
