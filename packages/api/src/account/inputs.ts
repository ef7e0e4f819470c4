import { z } from "zod";
import { countryCodeSchema, emailSchema, localeSchema, nameSchema, newPasswordSchema, slugSchema } from "../core/schemas.ts";

/** Zod schemas of the auth, profile and account-recovery routers' inputs. */

export const signUpSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  workspaceName: nameSchema,
  workspaceSlug: slugSchema,
  countryCode: countryCodeSchema,
  locale: localeSchema,
});

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1).max(1000) });

export const updateProfileSchema = z.object({ name: nameSchema, preferredLocale: localeSchema });

export const changePasswordSchema = z.object({ currentPassword: z.string().min(1).max(1000), newPassword: newPasswordSchema });

export const requestPasswordResetSchema = z.object({ email: emailSchema });

const linkToken = z.string().regex(/^[a-z2-7]{48}$/, { error: "securityErrors.linkInvalid" });

export const resetPasswordSchema = z.object({ token: linkToken, password: newPasswordSchema });

export const verifyEmailSchema = z.object({ token: linkToken });
