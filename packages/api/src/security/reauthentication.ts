import { asUser } from "@vigil/db";
import type { Locale } from "@vigil/i18n";
import { fail } from "../core/errors.ts";
import { checkPasswordLimited } from "../account/accounts.ts";
import { verifySecondFactor } from "./two-factor.ts";

const TOTP_CODE = /^\d{6}$/;

type Client = { ipAddress: string | null; locale: Locale };

/**
 * Proves the person at the keyboard is the account's owner, not just someone holding its session.
 * Checked under the same limits as sign-in (a password) or the second step (a code), so these
 * forms are no side door for guessing either. Refuses with an error on the `reauthentication` field.
 */
export async function reauthenticate(user: { id: string; email: string }, proof: string, client: Client): Promise<void> {
  const code = proof.trim();
  if (TOTP_CODE.test(code)) {
    const twoFactor = await asUser(user.id, (tx) => tx.userTwoFactor.findUnique({ where: { userId: user.id }, select: { enabledAt: true } }));
    if (twoFactor?.enabledAt) {
      await verifySecondFactor(user.id, { code }, client, "reauthentication");
      return;
    }
  }
  const checked = await checkPasswordLimited(user.email, proof, client);
  if (!checked) fail("BAD_REQUEST", "securityErrors.reauthenticationFailed", {}, "reauthentication");
}
