import { appDb } from "./app-client.ts";
import { withScope, type TenantTx } from "./tenant-scope.ts";

/**
 * Account tables (users, sessions, two-factor, recovery codes, pending sign-ins, e-mailed tokens,
 * known devices) are under row-level security: a transaction sees only the rows of the user it names
 * (docs/decisions/0160). `asUser` is that transaction, outside any workspace.
 */
export function asUser<T>(userId: string, work: (tx: TenantTx) => Promise<T>): Promise<T> {
  return withScope({ tenantId: null, userId }, work);
}

// What has to be found before anyone is signed in goes through the SECURITY DEFINER functions of
// migration 20270104000000: one row by a key the caller already holds, only the columns it needs.

export type SignInCandidate = { id: string; passwordHash: string };

/** The account at an exact (lower-case) address, with its password hash, for checking a sign-in. */
export async function signInCandidate(email: string): Promise<SignInCandidate | null> {
  const [row] = await appDb().$queryRaw<{ id: string; password_hash: string }[]>`SELECT id, password_hash FROM sign_in_candidate(${email})`;
  return row ? { id: row.id, passwordHash: row.password_hash } : null;
}

/** Where a password-reset link for this address goes (no hash). */
export async function passwordResetRecipient(email: string): Promise<{ id: string; email: string; preferredLocale: string | null } | null> {
  const [row] = await appDb().$queryRaw<{ id: string; email: string; preferred_locale: string | null }[]>`
    SELECT id, email, preferred_locale FROM password_reset_recipient(${email})`;
  return row ? { id: row.id, email: row.email, preferredLocale: row.preferred_locale } : null;
}

export type StoredSecret = { id: string; userId: string; secretHash: Uint8Array };

export type SessionWithUser = StoredSecret & {
  lastActiveAt: Date;
  /** Did this session prove the account's current second factor (decision 0265)? Never while two-factor is off. */
  secondFactorPassed: boolean;
  user: {
    id: string; email: string; name: string; preferredLocale: string | null; twoFactorEnabled: boolean;
    /** The user's workspaces as the workspace switcher lists them (workspaces.mine's rule), by name. */
    workspaces: { slug: string; name: string }[];
    /** A platform operator (decision 0231): only shows the console's link; its procedures check again. */
    platformOperator: boolean;
  };
};

/**
 * A session by the public half of its token, with its user, in one statement (every signed-in
 * request asks this first; docs/decisions/0177). The caller checks the secret before using the row.
 */
export async function sessionWithUser(id: string): Promise<SessionWithUser | null> {
  const [row] = await appDb().$queryRaw<{
    id: string; user_id: string; secret_hash: Uint8Array; last_active_at: Date; email: string; name: string; preferred_locale: string | null; two_factor_enabled: boolean;
    workspaces: { slug: string; name: string }[]; platform_operator: boolean; second_factor_passed: boolean;
  }[]>`SELECT id, user_id, secret_hash, last_active_at, email, name, preferred_locale, two_factor_enabled, workspaces, platform_operator, second_factor_passed FROM session_with_user(${id})`;
  if (!row) return null;
  return {
    id: row.id,
    userId: row.user_id,
    secretHash: row.secret_hash,
    lastActiveAt: row.last_active_at,
    secondFactorPassed: row.second_factor_passed,
    user: { id: row.user_id, email: row.email, name: row.name, preferredLocale: row.preferred_locale, twoFactorEnabled: row.two_factor_enabled, workspaces: row.workspaces, platformOperator: row.platform_operator },
  };
}

/** A pending two-factor sign-in by the public half of its token; the caller checks the secret. */
export async function pendingSignInById(id: string): Promise<(StoredSecret & { expiresAt: Date }) | null> {
  const [row] = await appDb().$queryRaw<{ id: string; user_id: string; secret_hash: Uint8Array; expires_at: Date }[]>`
    SELECT id, user_id, secret_hash, expires_at FROM pending_sign_in_by_id(${id})`;
  return row ? { id: row.id, userId: row.user_id, secretHash: row.secret_hash, expiresAt: row.expires_at } : null;
}

export type AccountTokenRow = { userId: string; email: string; accountEmail: string; expiresAt: Date; usedAt: Date | null };

/** An e-mailed link's token by its hash and purpose, with the account's current address. */
export async function accountTokenByHash(tokenHash: Uint8Array, purpose: string): Promise<AccountTokenRow | null> {
  const [row] = await appDb().$queryRaw<{ user_id: string; email: string; account_email: string; expires_at: Date; used_at: Date | null }[]>`
    SELECT user_id, email, account_email, expires_at, used_at FROM account_token_by_hash(${Buffer.from(tokenHash)}, ${purpose})`;
  return row ? { userId: row.user_id, email: row.email, accountEmail: row.account_email, expiresAt: row.expires_at, usedAt: row.used_at } : null;
}

/** Inside a workspace: is there an account at this address whose address is not verified? */
export async function accountEmailUnverified(tx: TenantTx, email: string): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ unverified: boolean }[]>`SELECT account_email_unverified(${email}) AS unverified`;
  return row?.unverified ?? false;
}
