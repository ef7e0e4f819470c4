import { z } from "zod";
import { emailSchema, localeSchema, nameSchema, newPasswordSchema, roleSchema } from "../core/schemas.ts";

/** Zod schemas of the members and invitations routers' inputs. */

export const inviteMemberSchema = z.object({ email: emailSchema, role: roleSchema });

export const invitationRefSchema = z.object({ invitationId: z.uuid() });

export const changeRoleSchema = z.object({ membershipId: z.uuid(), role: roleSchema });

export const membershipRefSchema = z.object({ membershipId: z.uuid() });

const invitationToken = z.string().regex(/^[a-z2-7]{48}$/, { error: "validation.invalid" });

export const invitationTokenSchema = z.object({ token: invitationToken });

export const signUpAndAcceptSchema = z.object({ token: invitationToken, name: nameSchema, password: newPasswordSchema, locale: localeSchema });
