import { translator, type Locale } from "@vigil/i18n";
import type { OutgoingMail } from "../transport.ts";
import { quotedName } from "../user-text.ts";

/** The password-reset link (single use, one hour). */
export function passwordResetMail(input: { to: string; locale: Locale; resetUrl: string }): OutgoingMail {
  const t = translator(input.locale);
  const lines = [t("securityEmail.reset.greeting"), "", t("securityEmail.reset.body"), "", input.resetUrl, "", t("securityEmail.reset.expiry"), t("securityEmail.reset.ignore")];
  return { to: input.to, subject: t("securityEmail.reset.subject"), text: lines.join("\n") };
}

/** The address-verification link sent at sign-up. */
export function emailVerificationMail(input: { to: string; locale: Locale; verifyUrl: string }): OutgoingMail {
  const t = translator(input.locale);
  const lines = [t("securityEmail.verify.greeting"), "", t("securityEmail.verify.body"), "", input.verifyUrl, "", t("securityEmail.verify.ignore")];
  return { to: input.to, subject: t("securityEmail.verify.subject"), text: lines.join("\n") };
}

/** An IP address as the server saw it; kept to what an address may contain. */
function oneLineIp(ip: string): string {
  return ip.replace(/[^0-9a-fA-F:.]/g, "").slice(0, 45);
}

/** A notice that the account was signed in from a browser not seen before. */
export function newDeviceMail(input: { to: string; locale: Locale; device: string; ipAddress: string; time: string; sessionsUrl: string }): OutgoingMail {
  const t = translator(input.locale);
  const lines = [
    t("securityEmail.newDevice.greeting"),
    "",
    // The device is read from the browser's User-Agent header, which the browser's user writes.
    t("securityEmail.newDevice.body", { device: quotedName(input.locale, input.device), ip: oneLineIp(input.ipAddress), time: input.time }),
    "",
    t("securityEmail.newDevice.action", { link: input.sessionsUrl }),
  ];
  return { to: input.to, subject: t("securityEmail.newDevice.subject"), text: lines.join("\n") };
}

/**
 * To the owner of an address someone tried to sign up with: the sign-up form answers the same limited
 * way for every taken address, and the owner learns of the attempt and how to get back in.
 */
export function signUpAttemptMail(input: { to: string; locale: Locale; signInUrl: string; resetUrl: string }): OutgoingMail {
  const t = translator(input.locale);
  const lines = [
    t("securityEmail.signUpAttempt.greeting"),
    "",
    t("securityEmail.signUpAttempt.body"),
    "",
    t("securityEmail.signUpAttempt.action", { signInUrl: input.signInUrl, resetUrl: input.resetUrl }),
    "",
    t("securityEmail.signUpAttempt.ignore"),
  ];
  return { to: input.to, subject: t("securityEmail.signUpAttempt.subject"), text: lines.join("\n") };
}

/**
 * A notice that two-factor sign-in was turned on: someone holding a stolen session and the password
 * could enrol their own authenticator and lock the owner out, so the owner hears of it at once.
 */
export function twoFactorEnabledMail(input: { to: string; locale: Locale; time: string; ipAddress: string; securityUrl: string }): OutgoingMail {
  const t = translator(input.locale);
  const lines = [
    t("securityEmail.twoFactorEnabled.greeting"),
    "",
    t("securityEmail.twoFactorEnabled.body", { ip: oneLineIp(input.ipAddress), time: input.time }),
    "",
    t("securityEmail.twoFactorEnabled.action", { link: input.securityUrl }),
  ];
  return { to: input.to, subject: t("securityEmail.twoFactorEnabled.subject"), text: lines.join("\n") };
}
