import { PASSWORD_MAX_LENGTH } from "@vigil/auth";
import { LOCALES } from "@vigil/i18n";
import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(254)
  .pipe(z.email({ error: "validation.email" }));

/** One line, no control or bidi characters: names.ts. */
export { nameSchema } from "./names.ts";

/** New passwords are further checked against common passwords by the service. */
export const newPasswordSchema = z.string().max(PASSWORD_MAX_LENGTH);

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/, { error: "validation.slug" });

export const localeSchema = z.enum(LOCALES);

export const roleSchema = z.enum(["owner", "admin", "coordinator", "monitor", "viewer"]);

export const countryCodeSchema = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { error: "validation.invalid" });
