import { z } from "zod";

/** Zod schemas of the two-factor and sessions routers' inputs, and the re-authentication field others ask for. */

/**
 * What a procedure that touches the account's secrets or a whole workspace asks for besides the
 * session (decision 0151): the account's password, or, with two-factor sign-in, a current code.
 * One field takes either: a new password is at least 10 characters, so six digits is always a code.
 */
export const reauthenticationSchema = z.string().min(1, "validation.required").max(1000);

/** The input of a procedure that asks for nothing but re-authentication. */
export const reauthenticationOnlySchema = z.object({ reauthentication: reauthenticationSchema });

const totpCodeSchema = z.string().trim().regex(/^\d{6}$/, "securityErrors.codeFormat");
const recoveryCodeSchema = z.string().trim().min(8).max(40);

export const confirmTwoFactorSchema = z.object({ code: totpCodeSchema, reauthentication: reauthenticationSchema });

/**
 * `code` takes a current TOTP code or a recovery code (six digits is always a TOTP code): after the
 * notes key was lost, only recovery codes still prove the second factor (decision 0161).
 */
export const disableTwoFactorSchema = z.object({ code: z.union([totpCodeSchema, recoveryCodeSchema]) });

export const secondFactorSchema = z.union([z.object({ code: totpCodeSchema }), z.object({ recoveryCode: recoveryCodeSchema })]);

export const twoFactorRequirementSchema = z.object({ required: z.boolean() });

export const revokeSessionSchema = z.object({ sessionId: z.string().min(1).max(100) });
