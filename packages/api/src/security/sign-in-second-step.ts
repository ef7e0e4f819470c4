import { createSession, deletePendingSignIn, findPendingSignIn } from "@vigil/auth";
import { fail } from "../core/errors.ts";
import { verifySecondFactor, type TwoFactorClient } from "./two-factor.ts";

/**
 * Completes a two-factor sign-in: the pending sign-in (from the right password) plus a code or a
 * recovery code becomes a session. The pending row is single-use.
 */
export async function completeSignIn(
  pendingToken: string | null,
  proof: { code?: string; recoveryCode?: string },
  client: TwoFactorClient & { userAgent: string | null },
) {
  const pending = pendingToken ? await findPendingSignIn(pendingToken) : null;
  if (!pending) fail("UNAUTHORIZED", "securityErrors.signInExpired");
  await verifySecondFactor(pending.userId, proof, client);
  await deletePendingSignIn(pending);
  // The session records that it passed the second factor: "requires two-factor" checks read that (decision 0265).
  return createSession(pending.userId, client, { secondFactor: true });
}
