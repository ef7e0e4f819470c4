import { z } from "zod";
import { countryCodeSchema, localeSchema, nameSchema, slugSchema } from "../core/schemas.ts";
import { reauthenticationSchema } from "../security/inputs.ts";

/** Zod schemas of the workspaces routers' inputs. */

export const createWorkspaceSchema = z.object({ name: nameSchema, slug: slugSchema, countryCode: countryCodeSchema, defaultLocale: localeSchema });

/** The typed name guards against a slip; re-authentication against a borrowed or stolen session. */
export const scheduleDeletionSchema = z.object({ confirmName: z.string().max(200), reauthentication: reauthenticationSchema });

export const exportRefSchema = z.object({ exportId: z.uuid() });
