import {
  clearRateLimit, formatTotpSecret, generateRecoveryCodes, generateTotpSecret, hashRecoveryCode, matchTotpStep,
  totpKeyUri, type RateLimitRule,
} from "@vigil/auth";
import { asUser } from "@vigil/db";
import { mailer, twoFactorEnabledMail } from "@vigil/email";
import { formatDateTime, isLocale, type Locale } from "@vigil/i18n";
import QRCode from "qrcode";
import { fail } from "../core/errors.ts";
import { ipBucket, reserveAttempt } from "../core/attempt-limits.ts";
import { twoFactorRequiredFor } from "../core/two-factor-policy.ts";
import { readableTotpSecret, sealTotpSecret } from "./totp-secrets.ts";

/** Wrong second-factor codes are limited like passwords: 5 per account and 30 per IP in 15 minutes. */
export const TWO_FACTOR_LIMITS = {
  account: { limit: 5, windowMs: 15 * 60 * 1000 },
  ip: { limit: 30, windowMs: 15 * 60 * 1000 },
} as const satisfies Record<string, RateLimitRule>;

const ISSUER = "Vigil";

export type TwoFactorClient = { ipAddress: string | null; locale: Locale };

export async function twoFactorStatus(userId: string) {
  const { row, unusedRecoveryCodes } = await asUser(userId, async (tx) => ({
    row: await tx.userTwoFactor.findUnique({ where: { userId }, select: { enabledAt: true } }),
    unusedRecoveryCodes: await tx.recoveryCode.count({ where: { userId, usedAt: null } }),
  }));
  return { enabled: Boolean(row?.enabledAt), enabledAt: row?.enabledAt ?? null, unusedRecoveryCodes };
}

/**
 * The secret being enrolled: created on the first visit to the enrolment page and kept until it is
 * confirmed, so reloading the page does not invalidate a QR code the user has already scanned.
 */
export async function enrolment(user: { id: string; email: string }) {
  const secret = await asUser(user.id, async (tx) => {
    const existing = await tx.userTwoFactor.findUnique({ where: { userId: user.id } });
    if (existing?.enabledAt) fail("CONFLICT", "securityErrors.twoFactorAlreadyEnabled");
    const kept = existing ? readableTotpSecret(user.id, existing) : null;
    if (kept) return kept;
    // No enrolment yet, or one whose secret no longer decrypts (its key is gone): a new secret.
    const created = generateTotpSecret();
    // Stored encrypted (docs/decisions/0161); only this page and the code check see it raw.
    const sealed = sealTotpSecret(user.id, created);
    await tx.userTwoFactor.upsert({ where: { userId: user.id }, create: { userId: user.id, ...sealed }, update: { ...sealed, lastUsedStep: null }, select: { userId: true } });
    return created;
  });
  const uri = totpKeyUri(ISSUER, user.email, secret);
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { secret: formatTotpSecret(secret), uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

/**
 * Takes an attempt from the account's and the address's allowance before a code is checked (or
 * refuses when either is spent); a wrong code keeps it, a right one ends the account's lockout.
 */
async function guardAttempts(userId: string, client: TwoFactorClient, field = "code") {
  const accountBucket = `two-factor:account:${userId}`;
  const refund = await reserveAttempt(
    [{ bucket: accountBucket, rule: TWO_FACTOR_LIMITS.account }, ...ipBucket("two-factor", client.ipAddress, TWO_FACTOR_LIMITS.ip)],
    client.locale,
  );
  return {
    failed: (): never => fail("BAD_REQUEST", "securityErrors.wrongCode", {}, field),
    succeeded: async () => {
      await clearRateLimit(accountBucket);
      await refund();
    },
  };
}

/**
 * Accepts a TOTP code for an enrolled (or, with `enrolling`, a pending) secret and records its step,
 * so the same code cannot be used twice.
 */
async function acceptTotp(userId: string, code: string, enrolling: boolean, field: string): Promise<boolean> {
  const row = await asUser(userId, (tx) => tx.userTwoFactor.findUnique({ where: { userId } }));
  if (!row || (enrolling ? row.enabledAt : !row.enabledAt)) return false;
  const secret = readableTotpSecret(userId, row);
  // The key that sealed it is gone: no code can match, so say so (a recovery code still works).
  if (!secret) fail("BAD_REQUEST", "securityErrors.totpKeyUnavailable", {}, field);
  const step = matchTotpStep(secret, code, row.lastUsedStep === null ? null : Number(row.lastUsedStep));
  if (step === null) return false;
  // The condition makes two concurrent requests with the same code race for one row update.
  const updated = await asUser(userId, (tx) =>
    tx.userTwoFactor.updateMany({
      where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: BigInt(step) } }] },
      data: { lastUsedStep: BigInt(step), ...(enrolling ? { enabledAt: new Date() } : {}) },
    }),
  );
  return updated.count === 1;
}

/**
 * Confirms the enrolment with a first code; returns the ten recovery codes, shown this once. The
 * caller has re-authenticated (decision 0151): a stolen session alone must not enrol an authenticator.
 */
export async function confirmEnrolment(userId: string, code: string, client: TwoFactorClient): Promise<string[]> {
  const attempts = await guardAttempts(userId, client);
  if (!(await acceptTotp(userId, code, true, "code"))) attempts.failed();
  await attempts.succeeded();
  return replaceRecoveryCodes(userId);
}

/**
 * Tells the account's address that two-factor sign-in was turned on, so an owner whose session and
 * password were taken learns of it before being locked out. Failures are logged by the caller.
 */
export async function sendTwoFactorEnabledNotice(userId: string, client: TwoFactorClient & { appUrl: string }): Promise<void> {
  const user = await asUser(userId, (tx) => tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, preferredLocale: true } }));
  const locale = isLocale(user.preferredLocale) ? user.preferredLocale : client.locale;
  await mailer().send(
    twoFactorEnabledMail({
      to: user.email, locale, time: formatDateTime(locale, new Date()), ipAddress: client.ipAddress ?? "?",
      securityUrl: `${client.appUrl.replace(/\/$/, "")}/account/two-factor`,
    }),
  );
}

export async function replaceRecoveryCodes(userId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await asUser(userId, async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  });
  return codes;
}

/**
 * The second step of a sign-in: a TOTP code, or one of the recovery codes (each works once). Also
 * re-authentication by code; `field` names the form field a wrong code is reported on.
 */
export async function verifySecondFactor(userId: string, proof: { code?: string; recoveryCode?: string }, client: TwoFactorClient, field = "code") {
  const attempts = await guardAttempts(userId, client, field);
  let accepted = false;
  if (proof.code) accepted = await acceptTotp(userId, proof.code, false, field);
  else if (proof.recoveryCode) {
    const recoveryCode = proof.recoveryCode;
    const used = await asUser(userId, (tx) =>
      tx.recoveryCode.updateMany({ where: { userId, codeHash: hashRecoveryCode(recoveryCode), usedAt: null }, data: { usedAt: new Date() } }),
    );
    accepted = used.count === 1;
  }
  if (!accepted) attempts.failed();
  await attempts.succeeded();
}


/**
 * Turning two-factor sign-in off, proven by a current code or a recovery code. Refused while any
 * workspace requires it of this user, unless the secret no longer decrypts (decision 0161): then the
 * authenticator is useless, and turning it off is the way to enrol a new one, which those
 * workspaces demand again before any work there.
 */
export async function disableTwoFactor(userId: string, proof: { code?: string; recoveryCode?: string }, client: TwoFactorClient) {
  // Row-level security shows a user their own memberships only within their own scope.
  const { memberships, row } = await asUser(userId, async (tx) => ({
    memberships: await tx.membership.findMany({ where: { userId }, select: { role: true, tenant: { select: { requireTwoFactor: true } } } }),
    row: await tx.userTwoFactor.findUnique({ where: { userId } }),
  }));
  const secretUsable = !row || readableTotpSecret(userId, row) !== null;
  if (secretUsable && memberships.some((m) => twoFactorRequiredFor(m.role, m.tenant))) fail("FORBIDDEN", "securityErrors.twoFactorStillRequired");
  await verifySecondFactor(userId, proof, client);
  await asUser(userId, async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.userTwoFactor.deleteMany({ where: { userId } });
  });
}
